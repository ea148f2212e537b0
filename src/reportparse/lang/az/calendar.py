"""Azerbaijani calendar words as data: months, half-years, quarters, relative years.

All forms are case-folded (see :func:`reportparse.lang.az.casing.casefold`); the dates
extractor matches them on the case-folded text.
"""

from __future__ import annotations

MONTHS = (
    "yanvar",
    "fevral",
    "mart",
    "aprel",
    "may",
    "iyun",
    "iyul",
    "avqust",
    "sentyabr",
    "oktyabr",
    "noyabr",
    "dekabr",
)
"""Month names in calendar order (nominative)."""

MONTH_GENITIVE_ENDINGS = ("ın", "in", "un", "ün")
"""``martın 15-i``, ``aprelin``, ``iyunun``, ``iyulun``: the genitive follows vowel harmony."""

DAY_ENDINGS = (
    "dək",
    "dan",
    "dən",
    "də",
    "da",
    "nda",
    "ndə",
    "ndan",
    "ndən",
    "si",
    "sı",
    "su",
    "sü",
    "i",
    "ı",
    "u",
    "ü",
    "nə",
    "na",
    "ə",
    "a",
)
"""Endings on a day number after a genitive month (``martın 15-də``, ``dekabrın 30-dək``)."""

ROMAN_QUARTERS = {"ı": 1, "ıı": 2, "ııı": 3, "ıv": 4}
"""Roman quarter numbers as they look case-folded: Azerbaijani folds ``I`` to dotless ``ı``."""
ORDINAL_WORDS = {"birinci": 1, "ikinci": 2, "üçüncü": 3, "dördüncü": 4}

RELATIVE_YEARS = {"cari": 0, "bu": 0, "hesabat": 0, "ötən": -1, "keçən": -1, "növbəti": 1, "gələn": 1}
"""Words that name a year relative to the document's reporting year (``ötən il`` = year − 1)."""

CONTINUOUS_TERMS = ("mütəmadi", "daimi", "müntəzəm olaraq")
"""Deadlines that are not dates (plans): exposed as kind ``continuous`` without dates."""
