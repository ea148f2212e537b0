"""Noun inflection with vowel harmony: every surface form of a noun, generated from its lemma.

Azerbaijani suffixes copy the backness (and, for the four-way vowel, the rounding) of the last
vowel before them: ``Şura`` → ``Şurası`` → ``Şurasının``; ``Xidmət`` → ``Xidməti`` →
``Xidmətinə``; ``Qrup`` → ``Qrupu`` → ``Qrupunun``. A final ``k``/``q`` of a polysyllabic
stem softens to ``y``/``ğ`` before a vowel (``Nazirlik`` → ``Nazirliyi``, ``Prokurorluq`` →
``Prokurorluğu``). Generating forms (rather than stripping suffixes) keeps recognition exact:
a word is a form of a lemma only if the grammar can produce it.

    >>> forms = noun_forms("şura")
    >>> forms["şurasının"]
    NounForm(lemma='şura', possessive=True, plural=False, case='genitive')
    >>> forms["şuranın"].possessive
    False
    >>> noun_forms("xidmət")["xidməti"].case  # possessive nominative, not the bare accusative
    'nominative'

"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

VOWELS = frozenset("aıoueəiöü")
BACK_VOWELS = frozenset("aıou")
ROUNDED_VOWELS = frozenset("ouöü")

CASES = ("nominative", "genitive", "dative", "locative", "ablative", "accusative", "instrumental", "locative_ki")
"""Case forms generated; ``locative_ki`` is the locative with the attributive ``-kı/-ki``
(``mərkəzindəki``)."""


class NounForm(NamedTuple):
    """The analysis of one surface form."""

    lemma: str
    possessive: bool
    plural: bool
    case: str


def last_vowel(word: str) -> str:
    """The last vowel of a (lowercase) word; ``ə`` when it has none (abbreviations read front)."""
    for char in reversed(word):
        if char in VOWELS:
            return char
    return "ə"


def four_way(word: str) -> str:
    """The harmonic ``ı/i/u/ü`` after ``word``."""
    vowel = last_vowel(word)
    if vowel in BACK_VOWELS:
        return "u" if vowel in ROUNDED_VOWELS else "ı"
    return "ü" if vowel in ROUNDED_VOWELS else "i"


def two_way(word: str) -> str:
    """The harmonic ``a/ə`` after ``word``."""
    return "a" if last_vowel(word) in BACK_VOWELS else "ə"


SOFTENING_ENDINGS = ("lıq", "lik", "luq", "lük", "çılıq", "çilik")
"""Endings whose final ``k``/``q`` softens before a vowel (``Nazirlik`` → ``Nazirliyi``); loans
such as ``ittifaq`` keep it (``İttifaqı``)."""


def softened(stem: str) -> str:
    """The stem before a vowel-initial suffix: ``-lıq``/``-lik`` become ``-lığ``/``-liy``."""
    if stem.endswith(SOFTENING_ENDINGS):
        return stem[:-1] + ("y" if stem.endswith("k") else "ğ")
    return stem


def case_forms(stem: str, *, after_possessive: bool) -> dict[str, str]:
    """The case forms of a stem (a bare or plural noun, or a possessive form).

    After the third-person possessive every case takes the buffer ``n``
    (``Şurası-n-ın``, ``Şurası-n-a``, ``Şurası-n-da``).
    """
    i, a = four_way(stem), two_way(stem)
    ki = "kı" if a == "a" else "ki"
    if after_possessive:
        return {
            "nominative": stem,
            "genitive": f"{stem}n{i}n",
            "dative": f"{stem}n{a}",
            "locative": f"{stem}nd{a}",
            "ablative": f"{stem}nd{a}n",
            "accusative": f"{stem}n{i}",
            "instrumental": f"{stem}yl{a}",
            "locative_ki": f"{stem}nd{a}{ki}",
        }
    vowel_final = stem[-1] in VOWELS
    soft = softened(stem)
    return {
        "nominative": stem,
        "genitive": f"{stem}n{i}n" if vowel_final else f"{soft}{i}n",
        "dative": f"{stem}y{a}" if vowel_final else f"{soft}{a}",
        "locative": f"{stem}d{a}",
        "ablative": f"{stem}d{a}n",
        "accusative": f"{stem}n{i}" if vowel_final else f"{soft}{i}",
        "instrumental": f"{stem}yl{a}" if vowel_final else f"{stem}l{a}",
        "locative_ki": f"{stem}d{a}{ki}",
    }


def possessive_form(stem: str) -> str:
    """The third-person possessive: ``Şura`` → ``Şurası``, ``Nazirlik`` → ``Nazirliyi``."""
    return f"{stem}s{four_way(stem)}" if stem[-1] in VOWELS else f"{softened(stem)}{four_way(stem)}"


def plural_form(stem: str) -> str:
    """The plural: ``Nazirlik`` → ``Nazirliklər``."""
    return f"{stem}l{two_way(stem)}r"


@cache
def noun_forms(lemma: str) -> dict[str, NounForm]:
    """Every form of a lowercase noun lemma: bare, possessive, plural, plural possessive, in all cases.

    Args:
        lemma: the lemma, lowercase (use :func:`reportparse.lang.az.casing.lower`).

    Returns:
        Surface form (lowercase) → its analysis.
    """
    forms: dict[str, NounForm] = {}
    # Possessive first: ``xidməti`` is read as the possessive nominative of names, not the
    # accusative of the bare noun, which is written the same.
    for plural in (False, True):
        stem = plural_form(lemma) if plural else lemma
        for possessive in (True, False):
            base = possessive_form(stem) if possessive else stem
            for case, form in case_forms(base, after_possessive=possessive).items():
                forms.setdefault(form, NounForm(lemma, possessive, plural, case))
    return forms
