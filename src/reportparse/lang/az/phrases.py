"""Word classes for finding where an Azerbaijani noun phrase ends, as data.

A noun phrase is adjectives and bare nouns before a head noun (``44 ali təhsil
müəssisəsinin``); it ends at a function word, a verb, a light-verb complement (``iştirak``
in ``iştirak etmişdir``), punctuation or a capitalized name. All forms are case-folded.
"""

from __future__ import annotations

import re

FUNCTION_WORDS = frozenset(
    {
        # Conjunctions, postpositions, particles and pronouns: never part of a counted noun phrase.
        "və",
        "ilə",
        "ya",
        "yaxud",
        "həm",
        "da",
        "də",
        "ki",
        "isə",
        "amma",
        "lakin",
        "ancaq",
        "həmçinin",
        "habelə",
        "eləcə",
        "üçün",
        "üzrə",
        "barədə",
        "barəsində",
        "haqqında",
        "dair",
        "kimi",
        "qədər",
        "sonra",
        "əvvəl",
        "görə",
        "əsasən",
        "ərzində",
        "tərəfindən",
        "vasitəsilə",
        "çərçivəsində",
        "arasında",
        "ibarət",
        "olan",
        "olaraq",
        "olub",
        "başqa",
        "əlavə",
        "birgə",
        "birlikdə",
        "məqsədilə",
        "hesabına",
        "həcmində",
        "məbləğində",
        "o",
        "bu",
        "həmin",
        "onlar",
        "onların",
        "onun",
        "bunun",
        "bunlar",
        "hər",
        "bütün",
        "digər",
        "artıq",
        "çox",
        "az",
        "yaxın",
        "üzərində",
        "daha",
        "ən",
        "təxminən",
        "ümumilikdə",
        "cəmi",
        "hamısı",
        "biri",
        "bəziləri",
        "yəni",
        "həmişə",
        "hələ",
        "dərhal",
    }
)
"""Words that end a noun phrase."""

LIGHT_VERB = re.compile(
    r"(?:et|ed|ol|eylə)(?:m[əa]k|miş|muş|mə|ma|ir|ər|ib|ub|ərək|araq|ən|an|dik|duq|di|du|ur|ilmiş|ilir|ilən|ilib"
    r"|ilməsi|ilmə|ilərək|ilsin|ilə|un\w*|acaq|əcək|sun|sin|malı|məli)\w*"
)
"""Forms of ``etmək``/``olmaq`` and their passives (``etmişdir``, ``edilmiş``, ``olunmuşdur``):
the noun before them is a verb's complement (``iştirak etmişdir``, ``təqdim edilmiş``)."""

VERB_ENDING = re.compile(
    r"(?:m[ıiuü]ş(?:d[ıiuü]r|l[aə]r)?|m[aə]q|m[əa]k|[ıiuü]b|araq|ərək|m[aə]li|acaq|əcək|d[ıiuü]r(?:l[aə]r)?"
    r"|[ıiuü]l[ıiuü]r|[ıiuü]n[ıiuü]r|l[aə]n[ıiuü]r|(?:[ıiuü]l|[ıiuü]n)(?:an|ən)|m[aə]kl[əa]|d[ıiuü]kd[aə]n"
    r"|s[ıiuü]n|s[ıiuü]nl[aə]r|d[ıiuü]qda|dikdə)$"
)
"""Endings of finite verbs, participles and converbs (``keçirilmişdir``, ``istifadədədir``,
``izlənilir``, ``edilən``): a word with one ends a noun phrase."""
NOT_VERBS = frozenset(
    {
        "müdir",
        "kadr",
        "tədbir",
        "təsir",
        "nazir",
        "zəncir",
        "əsir",
        "əmək",
        "kömək",
        "yemək",
        "çörək",
        "ürək",
        "ipək",
        "bələdçi",
    }
)
"""Nouns that end like a verb form."""

ADJECTIVES = frozenset(
    {
        # Adjectives and adjectival nouns that precede the head; the -i adjectives (``mərkəzi``) are
        # listed because they look like possessive nouns.
        "ali",
        "orta",
        "ibtidai",
        "yeni",
        "köhnə",
        "böyük",
        "kiçik",
        "əsas",
        "müxtəlif",
        "ayrı",
        "ümumi",
        "mərkəzi",
        "yerli",
        "regional",
        "milli",
        "beynəlxalq",
        "xarici",
        "daxili",
        "rəsmi",
        "qeyri-rəsmi",
        "ictimai",
        "kütləvi",
        "elmi",
        "elmi-praktiki",
        "texniki",
        "hüquqi",
        "fiziki",
        "inzibati",
        "iqtisadi",
        "sosial",
        "siyasi",
        "mədəni",
        "tarixi",
        "dini",
        "hərbi",
        "tibbi",
        "ekoloji",
        "psixoloji",
        "pedaqoji",
        "metodiki",
        "maliyyə",
        "dövlət",
        "elektron",
        "rəqəmsal",
        "onlayn",
        "oflayn",
        "interaktiv",
        "statistik",
        "analitik",
        "unikal",
        "yazılı",
        "şifahi",
        "səyyar",
        "daimi",
        "müvəqqəti",
        "aktiv",
        "fəal",
        "qabaqcıl",
        "uğurlu",
        "aidiyyəti",
        "müvafiq",
        "dövri",
        "illik",
        "aylıq",
        "rüblük",
        "həftəlik",
        "gündəlik",
        "əlavə",
        "maarifləndirici",
        "informativ",
        "tematik",
        "ixtisaslaşdırılmış",
        "peşəkar",
        "gənc",
        "yaşlı",
        "mühüm",
        "vacib",
        "qısa",
        "uzun",
        "ödənişli",
        "ödənişsiz",
        "pulsuz",
        "açıq",
        "qapalı",
        "birgə",
        "ilkin",
        "yekun",
        "növbəti",
        "ayrıca",
        "əlil",
        "sağlam",
        "mobil",
        "virtual",
        "real",
    }
)
"""Adjectives: never the head of a counted phrase unless nothing follows them."""

PARTICIPLE = re.compile(r"\w{3,}(?:[^aıoueəiöü]an|[^aıoueəiöü]ən|yan|yən)$")
"""Present participles (``satınalan``, ``göstərən``) modify the noun after them."""
NOT_PARTICIPLES = frozenset(
    {"orqan", "meydan", "imtahan", "insan", "zaman", "vətən", "plan", "ekran", "kampan", "dövran", "bədən", "mədən"}
)
"""Nouns that end like a participle."""

DETERMINERS = frozenset({"bu", "həmin", "o", "yeni", "hər", "bütün", "digər", "belə", "eyni", "həmçinin", "bəzi"})
"""Capitalized at a sentence start these are no part of a name (``Bu Qayda``, ``Yeni Qaydaya``)."""
