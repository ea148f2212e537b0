"""Noun inflection: every surface form of a noun, generated from its lemma.

A thin view of :mod:`reportparse.lang.az.morphology`, which holds the one suffix grammar (read
from ``data/morphology/``) that both writes and analyzes forms. Azerbaijani suffixes copy the
backness (and, for the four-way vowel, the rounding) of the last vowel before them: ``Şura`` →
``Şurası`` → ``Şurasının``; ``Xidmət`` → ``Xidməti`` → ``Xidmətinə``; ``Qrup`` → ``Qrupu`` →
``Qrupunun``. A final ``k``/``q`` after a vowel of a polysyllabic stem changes to ``y``/``ğ``
before a vowel (``Nazirlik`` → ``Nazirliyi``, ``Prokurorluq`` → ``Prokurorluğu``, ``çiçək`` →
``çiçəyi``); listed loans keep it (``İttifaqı``). Generating forms (rather than stripping
suffixes) keeps recognition exact: a word is a form of a lemma only if the grammar can produce it.

    >>> forms = noun_forms("şura")
    >>> forms["şurasının"]
    NounForm(lemma='şura', possessive=True, plural=False, case='genitive')
    >>> forms["şuranın"].possessive
    False
    >>> noun_forms("xidmət")["xidməti"].case  # possessive nominative, not the bare accusative
    'nominative'
    >>> "məclisi" in noun_forms("məclis"), noun_forms("ağız")["ağzı"].possessive
    (True, True)

"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from reportparse.lang.az import morphology
from reportparse.lang.az.morphology import (
    BACK_VOWELS,
    CASES,
    FEATURES,
    ROUNDED_VOWELS,
    VOWELS,
    attach,
    before_vowel,
    four_way,
    generate,
    last_vowel,
    two_way,
)

__all__ = [
    "BACK_VOWELS",
    "CASES",
    "ROUNDED_VOWELS",
    "VOWELS",
    "NounForm",
    "case_forms",
    "four_way",
    "last_vowel",
    "noun_forms",
    "plural_form",
    "possessive_form",
    "softened",
    "two_way",
]


class NounForm(NamedTuple):
    """The analysis of one surface form."""

    lemma: str
    possessive: bool
    plural: bool
    case: str


def softened(stem: str) -> str:
    """The stem before a vowel-initial suffix: ``nazirlik`` → ``nazirliy``, ``ağız`` → ``ağz``.

    See :func:`reportparse.lang.az.morphology.before_vowel`.
    """
    return before_vowel(stem)


def case_forms(stem: str, *, after_possessive: bool) -> dict[str, str]:
    """The case forms of a stem (a bare or plural noun, or a possessive form).

    After the third-person possessive every case takes the buffer ``n``
    (``Şurası-n-ın``, ``Şurası-n-a``, ``Şurası-n-da``).

    Args:
        stem: lowercase stem.
        after_possessive: ``stem`` ends in the third-person possessive.

    Returns:
        Case name → form, for every case of :data:`CASES`.
    """
    forms = {"nominative": stem}
    for suffix in morphology.SUFFIXES:
        if suffix.slot == "case":
            form = (suffix.after_possessive or suffix.form) if after_possessive else suffix.form
            forms[suffix.name] = attach(stem, form)
    return forms


def possessive_form(stem: str) -> str:
    """The third-person possessive: ``Şura`` → ``Şurası``, ``Nazirlik`` → ``Nazirliyi``."""
    return generate(stem, possessive=True)


def plural_form(stem: str) -> str:
    """The plural: ``Nazirlik`` → ``Nazirliklər``."""
    return generate(stem, plural=True)


@cache
def noun_forms(lemma: str) -> dict[str, NounForm]:
    """Every form of a lowercase noun lemma: bare, possessive, plural, plural possessive, in all cases.

    Args:
        lemma: the lemma, lowercase (use :func:`reportparse.lang.az.casing.lower`).

    Returns:
        Surface form (lowercase) → its analysis. Where two analyses are written alike the first
        of :data:`reportparse.lang.az.morphology.FEATURES` is kept: ``xidməti`` is read as the
        possessive nominative of names, not the accusative of the bare noun.
    """
    forms: dict[str, NounForm] = {}
    for features in FEATURES:
        if features.copula:
            continue
        form = generate(lemma, plural=features.plural, possessive=features.possessive, case=features.case)
        forms.setdefault(form, NounForm(lemma, features.possessive, features.plural, features.case))
    return forms
