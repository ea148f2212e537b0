"""Noun lemmatization: strip case, possessive and plural endings, checking vowel harmony.

Azerbaijani nouns stack their endings in a fixed order — stem, plural (``-lar/-lər``),
third-person possessive (``-ı/-i/-u/-ü``, ``-sı/-si/…`` after a vowel), case — and every
ending copies the vowel quality of the stem (see :mod:`.inflection`, which generates the
forms). :func:`analyze` peels them off from the right, accepting an ending only when its vowel
harmonizes with what is left and its buffer consonant fits (``-nın`` and ``-ya`` after a
vowel, ``-ın`` after a consonant, ``-nda`` only after a possessive):

    >>> lemma("müəssisəsinin"), lemma("əməkdaşı"), lemma("qoruğundan"), lemma("bukletlərin")
    ('müəssisə', 'əməkdaş', 'qoruq', 'buklet')
    >>> lemma("mövzuda"), lemma("könüllü"), lemma("fotoşəkli"), lemma("Agentliyin")
    ('mövzu', 'könüllü', 'fotoşəkil', 'agentlik')

Without a dictionary some endings stay ambiguous; they are resolved in favour of the stem:

* a lone ``-a/-ə`` after a consonant (the dative ``təşkilata``, or a stem like ``tələbə``)
  is kept as part of the stem: nouns ending in ``-a/-ə`` are far more frequent than bare
  datives of consonant stems;
* a lone ``-ı/-i/-u/-ü`` after a consonant is an ending (``əməkdaşı``) unless it breaks
  vowel harmony (``mövzu``), ends an agent noun or a ``-lı`` derivative (``istifadəçi``,
  ``göstərici``, ``könüllü``) or the word is one of :data:`STEMS_ENDING_IN_I`;
* :data:`STEMS_ENDING_LIKE_A_CASE` lists stems that end like a case (``komanda``).

Input may be in any letter case; lemmas are lowercase (Azerbaijani rules, see :mod:`.casing`).
"""

from __future__ import annotations

import re
from collections.abc import Container
from typing import NamedTuple

from reportparse.lang.az.casing import lower
from reportparse.lang.az.inflection import VOWELS, four_way, two_way

STEMS_ENDING_IN_I = frozenset(
    {
        # Frequent nouns whose final -ı/-i/-u/-ü after a consonant is part of the stem and
        # harmonizes like an ending, so the rules alone would strip it.
        "sorğu",
        "ölçü",
        "örtü",
        "quyu",
        "qutu",
        "ordu",
        "vergi",
        "bilgi",
        "sevgi",
        "duyğu",
        "qayğı",
    }
)

STEMS_ENDING_LIKE_A_CASE = frozenset(
    {
        # Frequent nouns that end like a case ending (``komanda`` like ``mövzuda``).
        "komanda",
        "qayda",
        "fayda",
        "vədə",
        "meydan",
        "mədən",
        "bədən",
        "xəzinə",
        "zəmin",
    }
)

STEMS_ENDING_LIKE_A_BUFFER = frozenset(
    {
        # Frequent stems ending in -s or -n, which otherwise read as a vowel stem plus a buffered
        # ending: ``iclası`` is ``iclas`` + ``-ı``, not ``icla`` + ``-sı``. Preferred by analyze().
        "iclas",
        "kurs",
        "dərs",
        "proses",
        "seans",
        "kompleks",
        "indeks",
        "status",
        "balans",
        "press",
        "fərman",
        "qanun",
        "orqan",
        "plan",
        "region",
        "ekran",
        "imtahan",
        "zaman",
        "insan",
        "vətən",
        "mətn",
        "dizayn",
        "bülleten",
    }
)

ELIDED_STEMS = {
    # Stems that lose their last vowel before a vowel ending (``şəkil`` → ``şəkli``).
    "şəkl": "şəkil",
    "fikr": "fikir",
    "sinf": "sinif",
    "ism": "isim",
    "ağz": "ağız",
    "oğl": "oğul",
    "burn": "burun",
    "boyn": "boyun",
    "qəbr": "qəbir",
    "ömr": "ömür",
    "səbr": "səbir",
    "nəbz": "nəbiz",
    "zehn": "zehin",
}

_DERIVED_I_FINAL = re.compile(r"(?:ç[ıiuü]|[ıiuü]c[ıiuü]|[^aıoueəiöü]l[ıiuü])$")
"""Agent nouns (``istifadəçi``, ``göstərici``) and ``-lı`` derivatives after a consonant
(``könüllü``, ``planlı``)."""


class Analysis(NamedTuple):
    """A noun form: its lemma, whether it is plural or possessive, and its case."""

    lemma: str
    plural: bool
    possessive: bool
    case: str


def _harmonic(stem: str, vowel: str) -> bool:
    if len(stem) < 2 or not any(char in VOWELS for char in stem):
        return False
    return vowel == (four_way(stem) if vowel in "ıiuü" else two_way(stem))


# Case endings: ``V`` is the four-way vowel, ``A`` the two-way one, ``I`` ``ı/i``. The third
# field is what precedes: "any" stem, "C" a consonant, "V" a vowel, "P" a possessive (whose
# case endings take the buffer ``n``: ``Şurası-n-da``, while a bare vowel stem has ``mövzu-da``).
_CASES: tuple[tuple[str, str, str], ...] = (
    ("ndAkI", "locative_ki", "P"),
    ("dAkI", "locative_ki", "any"),
    ("ndAn", "ablative", "P"),
    ("dAn", "ablative", "any"),
    ("ndA", "locative", "P"),
    ("dA", "locative", "any"),
    ("nVn", "genitive", "V"),
    ("Vn", "genitive", "C"),
    ("ylA", "instrumental", "V"),
    ("lA", "instrumental", "C"),
    ("yA", "dative", "V"),
    ("nA", "dative", "P"),
    ("A", "dative", "C"),
    ("nV", "accusative", "V"),
    ("V", "accusative", "C"),
)
_CASE_PATTERNS = [
    (re.compile(t.replace("V", "([ıiuü])").replace("A", "([aə])").replace("I", "[ıi]") + "$"), case, after)
    for t, case, after in _CASES
]


def _lone_vowel_is_ending(word: str) -> bool:
    """Whether the final ``-ı/-i/-u/-ü`` after a consonant is an ending, not part of the stem."""
    if any(word[:-1].endswith(elided) for elided in ELIDED_STEMS):
        return True
    return word not in STEMS_ENDING_IN_I and not _DERIVED_I_FINAL.search(word)


def _case_parses(word: str) -> list[tuple[str, str, bool]]:
    """(rest, case, needs a possessive before) for every case ending the word can have."""
    parses = [(word, "nominative", False)]
    if word in STEMS_ENDING_LIKE_A_CASE:
        return parses
    for pattern, case, after in _CASE_PATTERNS:
        match = pattern.search(word)
        if not match:
            continue
        rest = word[: match.start()]
        if not (len(rest) >= 3 or (len(rest) == 2 and rest[-1] not in VOWELS)):
            continue
        if not all(_harmonic(rest, vowel) for vowel in match.groups()):
            continue
        ends_in_vowel = rest[-1] in VOWELS
        if (after in "VP" and not ends_in_vowel) or (after == "C" and ends_in_vowel):
            continue
        if after == "C" and case == "dative":
            continue  # a lone -a/-ə is read as part of the stem (see the module docstring)
        if after == "C" and case == "accusative" and not _lone_vowel_is_ending(word):
            continue
        parses.append((rest, case, after == "P"))
    return parses


def _strip_possessive(stem: str) -> list[tuple[str, bool]]:
    """(rest, possessive) for every reading; ``iclası`` is both ``icla-sı`` and ``iclas-ı``."""
    readings = [(stem, False)]
    if (
        len(stem) >= 4
        and stem[-2] == "s"
        and stem[-1] in "ıiuü"
        and stem[-3] in VOWELS
        and _harmonic(stem[:-2], stem[-1])
    ):
        readings.append((stem[:-2], True))
    if (
        len(stem) >= 3
        and stem[-1] in "ıiuü"
        and stem[-2] not in VOWELS
        and _harmonic(stem[:-1], stem[-1])
        and _lone_vowel_is_ending(stem)
    ):
        readings.append((stem[:-1], True))
    return readings


def _strip_plural(stem: str) -> tuple[str, bool]:
    if len(stem) >= 5 and stem[-3:] in ("lar", "lər") and _harmonic(stem[:-3], stem[-2]):
        return stem[:-3], True
    return stem, False


def _restore(stem: str) -> str:
    """Undo the sound changes of a stem before a vowel ending (``qoruğ`` → ``qoruq``)."""
    for elided, full in ELIDED_STEMS.items():
        if stem.endswith(elided):
            return stem[: -len(elided)] + full
    syllables = sum(char in VOWELS for char in stem)
    if syllables >= 2 and stem[-2] in VOWELS:
        if stem[-1] == "ğ":
            return stem[:-1] + "q"
        if stem[-1] == "y":
            return stem[:-1] + "k"
    return stem


def _case_of_ending(ending: str) -> str:
    """The case an ending written apart (``DİN-in``, ``Mərkəzi”ndən``) marks."""
    for pattern, case, _after in _CASE_PATTERNS:
        if pattern.search(ending):
            return case
    return "nominative"


def analyze(word: str, *, known: Container[str] = frozenset()) -> Analysis:
    """The most plausible analysis of a noun form.

    Some forms have two valid analyses: ``iclası`` is ``iclas`` + ``-ı`` or ``icla`` +
    ``-sı``, ``Fərmanı`` is ``fərman`` + ``-ı`` or ``fərma`` + ``-nı``. A lemma in ``known``
    (the lemmas you look for, or the :func:`vocabulary` of the document, where ``iclas``
    occurs as ``iclaslar``) or in :data:`STEMS_ENDING_LIKE_A_BUFFER` wins; otherwise the
    shortest lemma.

    Args:
        word: one word, any letter case. An ending written after a closing quote, apostrophe
            or hyphen (``xətt”inə``, ``DİN-in``) is read as the ending of what precedes it; a
            hyphenated compound (``tarix-mədəniyyət``) is analyzed on its last part.
        known: lowercase lemmas to prefer.

    Returns:
        The :class:`Analysis`; a word that is no noun form comes back as its own lemma,
        nominative.
    """
    word = lower(word).strip("“”\"'«»")
    split = re.search(r"[’'”]|-(?=[^-]*$)", word)
    if split and split.start() > 0:
        head, tail = word[: split.start()], word[split.end() :]
        if split.group() == "-" and len(tail) > 3 and len(head) > 1:
            inner = analyze(tail, known=known)  # a compound: tarix-mədəniyyət qoruğu
            return inner._replace(lemma=word[: split.end()] + inner.lemma)
        return Analysis(head, False, False, _case_of_ending(tail))
    candidates = []
    for rest, case, needs_possessive in _case_parses(word):
        for stem, possessive in _strip_possessive(rest):
            if needs_possessive and not possessive:
                continue
            stem, plural = _strip_plural(stem)
            candidates.append(Analysis(_restore(stem), plural, possessive, case))
    return min(
        candidates,
        key=lambda analysis: (
            analysis.lemma not in known and analysis.lemma not in STEMS_ENDING_LIKE_A_BUFFER,
            len(analysis.lemma),
            analysis.lemma == word,
        ),
    )


def lemma(word: str, *, known: Container[str] = frozenset()) -> str:
    """The lemma of a noun form (lowercase): ``Agentliyinin`` → ``agentlik``; see :func:`analyze`."""
    return analyze(word, known=known).lemma


_WORD = re.compile(r"[^\W\d_]+")
_PLURAL_STEM = re.compile(r"(\w{2,}?)l[aə]r")


def vocabulary(text: str) -> frozenset[str]:
    """Stems a text attests before a plural ending (``iclaslarında`` attests ``iclas``,
    ``abidələr`` ``abidə``): the ``known`` lemmas for :func:`analyze`."""
    # ``lower`` keeps lengths, so the whole text is lowered once rather than word by word.
    return frozenset(match.group(1) for word in _WORD.findall(lower(text)) if (match := _PLURAL_STEM.match(word)))
