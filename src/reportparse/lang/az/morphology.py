"""Noun lemmatization: strip case, possessive and plural endings, checking vowel harmony.

Azerbaijani nouns stack their endings in a fixed order — stem, plural (``-lar/-lər``),
third-person possessive (``-ı/-i/-u/-ü``, ``-sı/-si/…`` after a vowel), case — and every
ending copies the vowel quality of the stem (see :mod:`.inflection`). :func:`analyze` peels
them off from the right, accepting an ending only when its vowel harmonizes with what is left
and its buffer consonant fits (``-nın`` and ``-ya`` after a vowel, ``-ın`` and ``-a`` after a
consonant):

    >>> lemma("müəssisəsinin"), lemma("əməkdaşı"), lemma("qoruğundan"), lemma("bukletlərin")
    ('müəssisə', 'əməkdaş', 'qoruq', 'buklet')
    >>> lemma("mövzuda"), lemma("könüllü"), lemma("fotoşəkli"), lemma("Agentliyin")
    ('mövzu', 'könüllü', 'fotoşəkil', 'agentlik')

Without a dictionary two endings stay ambiguous, and are resolved in favour of the stem:

* a lone ``-a/-ə`` after a consonant (the dative of ``təşkilat`` — ``təşkilata`` — or a stem
  like ``tələbə``): kept as part of the stem, because nouns ending in ``-a/-ə`` are far more
  frequent than bare datives of consonant stems;
* a lone ``-ı/-i/-u/-ü`` after a consonant is an ending (``əməkdaşı``), unless it breaks
  vowel harmony (``mövzu``), ends an agent or ``-lı`` noun (``istifadəçi``, ``göstərici``,
  ``könüllü``) or the word is one of :data:`STEMS_ENDING_IN_I`.

Input may be in any case; the lemma is lowercase (Azerbaijani lowercasing, see :mod:`.casing`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .casing import lower

VOWELS = frozenset("aıoueəiöü")
BACK_VOWELS = frozenset("aıou")
ROUNDED_VOWELS = frozenset("ouöü")

STEMS_ENDING_IN_I = frozenset({
    # Frequent nouns whose final -ı/-i/-u/-ü after a consonant is part of the stem and
    # harmonizes like an ending, so the rules alone would strip it.
    "sorğu", "ölçü", "örtü", "quyu", "qutu", "boyu", "ordu", "vergi", "bilgi", "sevgi", "duyğu",
    "qayğı", "ərazi", "fəaliyyəti", "təhsili", "rəhbəri", "ailəvi", "dəri", "bəzi", "müdiri",
})

ELIDED_STEMS = {
    # Stems that lose their last vowel before a vowel ending (``şəkil`` → ``şəkli``).
    "şəkl": "şəkil", "fikr": "fikir", "sinf": "sinif", "ism": "isim", "ağz": "ağız", "oğl": "oğul",
    "burn": "burun", "boyn": "boyun", "qəbr": "qəbir", "ömr": "ömür", "səbr": "səbir", "şəhr": "şəhər",
    "nəbz": "nəbiz", "küfr": "küfür", "zehn": "zehin", "eyn": "eyin", "əmr": "əmr",
}

_DERIVED_I_FINAL = re.compile(r"(?:ç[ıiuü]|[ıiuü]c[ıiuü]|[^aıoueəiöü]l[ıiuü]|[ıiuü]l[ıiuü])$")
"""Agent nouns (``istifadəçi``, ``göstərici``) and ``-lı`` derivatives (``könüllü``, ``yazılı``)."""


class Analysis(NamedTuple):
    """A noun form: its lemma, whether it is plural or possessive, and its case."""

    lemma: str
    plural: bool
    possessive: bool
    case: str


def last_vowel(word: str) -> str:
    """The last vowel of a lowercase word; ``ə`` when it has none (abbreviations read front)."""
    for char in reversed(word):
        if char in VOWELS:
            return char
    return "ə"


def four_way(stem: str) -> str:
    """The harmonic ``ı/i/u/ü`` after ``stem``."""
    vowel = last_vowel(stem)
    if vowel in BACK_VOWELS:
        return "u" if vowel in ROUNDED_VOWELS else "ı"
    return "ü" if vowel in ROUNDED_VOWELS else "i"


def two_way(stem: str) -> str:
    """The harmonic ``a/ə`` after ``stem``."""
    return "a" if last_vowel(stem) in BACK_VOWELS else "ə"


def _has_vowel(stem: str) -> bool:
    return any(char in VOWELS for char in stem)


def _harmonic(stem: str, vowel: str) -> bool:
    if not _has_vowel(stem) or len(stem) < 2:
        return False
    return vowel == (four_way(stem) if vowel in "ıiuü" else two_way(stem))


# Case endings as (ending without its vowel letters' harmony class, case, what precedes it).
# ``V`` stands for the four-way vowel, ``A`` for the two-way one. "any" endings attach to every
# stem; "C" ones only after a consonant; "V" ones only after a vowel (a bare vowel stem or a
# possessive, whose case endings take the buffer ``n``).
_CASES: tuple[tuple[str, str, str], ...] = (
    ("ndAkI", "locative_ki", "V"), ("dAkI", "locative_ki", "any"),
    ("ndAn", "ablative", "V"), ("dAn", "ablative", "any"),
    ("ndA", "locative", "V"), ("dA", "locative", "any"),
    ("nVn", "genitive", "V"), ("Vn", "genitive", "C"),
    ("yAlA", "instrumental", "V"), ("ylA", "instrumental", "V"), ("lA", "instrumental", "C"),
    ("yA", "dative", "V"), ("nA", "dative", "V"),
    ("nV", "accusative", "V"), ("V", "accusative", "C"),
)


def _pattern(template: str) -> re.Pattern[str]:
    body = template.replace("V", "([ıiuü])").replace("A", "([aə])").replace("I", "([ıi])")
    return re.compile(body + "$")


_CASE_PATTERNS = [(_pattern(t), case, before) for t, case, before in _CASES]


def _strip_case(word: str) -> list[tuple[str, str]]:
    """(rest, case) for every case ending the word can have, nominative (nothing) last."""
    found = []
    for pattern, case, before in _CASE_PATTERNS:
        match = pattern.search(word)
        if not match:
            continue
        rest = word[: match.start()]
        if len(rest) < 2 or not all(_harmonic(rest, v) for v in match.groups() if v not in "ıi" or "I" not in pattern.pattern):
            continue
        ends_in_vowel = rest[-1] in VOWELS
        if (before == "V" and not ends_in_vowel) or (before == "C" and ends_in_vowel):
            continue
        if case == "accusative" and before == "C" and not _lone_vowel_is_ending(word):
            continue
        found.append((rest, case))
    found.append((word, "nominative"))
    return found


def _lone_vowel_is_ending(word: str) -> bool:
    """Whether the final ``-ı/-i/-u/-ü`` after a consonant is an ending, not part of the stem."""
    return word not in STEMS_ENDING_IN_I and not _DERIVED_I_FINAL.search(word)


def _strip_possessive(stem: str) -> tuple[str, bool]:
    if len(stem) >= 4 and stem[-2] == "s" and stem[-1] in "ıiuü" and stem[-3] in VOWELS and _harmonic(stem[:-2], stem[-1]):
        return stem[:-2], True
    if (len(stem) >= 3 and stem[-1] in "ıiuü" and stem[-2] not in VOWELS and _harmonic(stem[:-1], stem[-1])
            and _lone_vowel_is_ending(stem)):
        return stem[:-1], True
    return stem, False


def _strip_plural(stem: str) -> tuple[str, bool]:
    if len(stem) >= 5 and stem[-3:] in ("lar", "lər") and _harmonic(stem[:-3], stem[-2]):
        return stem[:-3], True
    return stem, False


def _restore(stem: str) -> str:
    """Undo the sound changes of a stem before a vowel ending."""
    for elided, full in ELIDED_STEMS.items():
        if stem.endswith(elided) and (len(stem) == len(elided) or stem[-len(elided) - 1] not in VOWELS):
            return stem[: -len(elided)] + full
    syllables = sum(char in VOWELS for char in stem)
    if syllables >= 2 and len(stem) >= 3 and stem[-2] in VOWELS:
        if stem[-1] == "ğ":
            return stem[:-1] + "q"
        if stem[-1] == "y":
            return stem[:-1] + "k"
    return stem


def analyze(word: str) -> Analysis:
    """The most plausible analysis of a noun form.

    Args:
        word: one word; letters after an apostrophe or closing quote (``xətt”inə``) and a
            hyphenated abbreviation's ending (``DİN-in``) are read as its endings.

    Returns:
        The :class:`Analysis`; words that are no noun forms come back as their own lemma,
        nominative.
    """
    word = lower(word).strip("“”\"'«»")
    # An ending written after a hyphen, apostrophe or quote belongs to what precedes it.
    head, sep, tail = re.split(r"([-’'”])", word, maxsplit=1)[0], "", ""
    if re.search(r"[-’'”]", word):
        parts = re.split(r"([-’'”])", word)
        head, sep, tail = "".join(parts[:-2]), parts[-2], parts[-1]
        if sep == "-" and not tail.isupper() and len(tail) > 4:
            # A hyphenated compound (``tarix-mədəniyyət``): analyze its last part.
            analysis = analyze(tail)
            return analysis._replace(lemma="".join(parts[:-1]) + analysis.lemma)
        return Analysis(head, False, False, "nominative" if not tail else _case_of_tail(tail))
    best: Analysis | None = None
    for rest, case in _strip_case(word):
        stem, possessive = _strip_possessive(rest)
        if case in ("genitive", "dative", "locative", "ablative", "accusative", "locative_ki") and not possessive:
            # After a possessive the case takes the buffer n; without one, a vowel stem does.
            needs_buffer = word[len(rest):][:1] == "n" and case != "genitive"
            if needs_buffer and rest[-1] in VOWELS and rest[-1] in "ıiuü":
                continue
        stem, plural = _strip_plural(stem)
        candidate = Analysis(_restore(stem), plural, possessive, case)
        if best is None or len(candidate.lemma) < len(best.lemma):
            best = candidate
        break
    return best or Analysis(word, False, False, "nominative")


def _case_of_tail(tail: str) -> str:
    for pattern, case, _before in _CASE_PATTERNS:
        if pattern.fullmatch(tail) or pattern.fullmatch("x" + tail):
            return case
    return "nominative"


def lemma(word: str) -> str:
    """The lemma of a noun form (lowercase): ``Agentliyinin`` → ``agentlik``."""
    return analyze(word).lemma
