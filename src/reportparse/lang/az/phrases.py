"""Word classes for finding where an Azerbaijani noun phrase ends, as data.

A noun phrase is adjectives and bare nouns before a head noun (``44 ali təhsil
müəssisəsinin``); it ends at a function word, a verb, a light-verb complement (``iştirak``
in ``iştirak etmişdir``), punctuation or a capitalized name. All forms are case-folded.
"""

from __future__ import annotations

import re

from reportparse.lang.az import words
from reportparse.lang.az.inflection import plural_form

FUNCTION_WORDS = words.wordset("function_words")
"""Words that end a noun phrase."""

LIGHT_VERB = re.compile(
    r"(?:et|ed|ol|eylə)(?:m[əa]k|miş|muş|mə|ma|ir|ər|ib|ub|ərək|araq|ən|an|dik|duq|di|du|ur|ilmiş|ilir|ilən|ilib|ildi"
    r"|ilməsi|ilmə|ilərək|ilsin|ilə|un\w*|acaq|əcək|sun|sin|malı|məli)\w*"
)
"""Forms of ``etmək``/``olmaq`` and their passives (``etmişdir``, ``edilmiş``, ``olunmuşdur``):
the noun before them is a verb's complement (``iştirak etmişdir``, ``təqdim edilmiş``)."""

VERB_ENDING = re.compile(
    r"(?:m[ıiuü]ş(?:d[ıiuü]r|l[aə]r)?|m[aə]q|m[əa]k|[ıiuü]b|araq|ərək|m[aə]li|acaq|əcək|d[ıiuü]r(?:l[aə]r)?"
    r"|[ıiuü]l[ıiuü]r|[ıiuü]n[ıiuü]r|l[aə]n[ıiuü]r|(?:[ıiuü]l|[ıiuü]n)(?:an|ən)|m[aə]kl[əa]|d[ıiuü]kd[aə]n"
    r"|s[ıiuü]n|s[ıiuü]nl[aə]r|d[ıiuü]qda|dikdə"
    r"|(?:[ıiuü]l|[ıiuü]n|l[aə])d[ıiuü](?:l[aə]r)?)$"
)
"""Endings of finite verbs, participles and converbs (``keçirilmişdir``, ``istifadədədir``,
``izlənilir``, ``edilən``) and of the past tense of passive and ``-lA-`` verbs (``keçirildi``,
``qoşuldu``, ``olundu``, ``başladı``): a word with one ends a noun phrase."""

AORIST_VERBS = words.wordset("aorist_verbs")
"""Past-tense forms of short verbs (``artdı``, ``getdi``): with the plural ending too, they end a
noun phrase (see :func:`is_aorist`)."""
_AORIST_FORMS = AORIST_VERBS | {plural_form(verb) for verb in AORIST_VERBS}


def is_aorist(word: str) -> bool:
    """Whether a case-folded word is a listed past-tense verb form, singular or plural (``getdilər``)."""
    return word in _AORIST_FORMS


NOT_VERBS = words.wordset("not_verbs")
"""Nouns that end like a verb form."""

ADJECTIVES = words.wordset("adjectives")
"""Adjectives: never the head of a counted phrase unless nothing follows them."""

PARTICIPLE = re.compile(r"\w{3,}(?:[^aıoueəiöü]an|[^aıoueəiöü]ən|yan|yən)$")
"""Present participles (``satınalan``, ``göstərən``) modify the noun after them."""
NOT_PARTICIPLES = words.wordset("not_participles")
"""Nouns that end like a participle."""

DETERMINERS = words.wordset("determiners")
"""Capitalized at a sentence start these are no part of a name (``Bu Qayda``, ``Yeni Qaydaya``)."""
