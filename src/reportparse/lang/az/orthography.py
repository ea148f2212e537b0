"""Azerbaijani orthography as data: script look-alikes, dashes and hyphenated compounds.

The alphabet and case rules live in :mod:`.casing`.

The normalizer reads these tables; nothing here does any work beyond tiny lookups.
"""

from __future__ import annotations

import re

from reportparse.lang.az import words

CYRILLIC_HOMOGLYPHS = {
    # Cyrillic letter → the Latin letter it is indistinguishable from in print. Only letters
    # that look the same: ``и`` or ``д`` have no Latin twin, so a word containing them is
    # left alone.
    "а": "a",
    "е": "e",
    "о": "o",
    "р": "p",
    "с": "c",
    "х": "x",
    "у": "y",
    "і": "i",
    "ј": "j",
    "һ": "h",
    "ԛ": "q",
    "ѕ": "s",
    "ә": "ə",
    "ӧ": "ö",
    "ӱ": "ü",
    "ԁ": "d",
    "А": "A",
    "В": "B",
    "Е": "E",
    "К": "K",
    "М": "M",
    "Н": "H",
    "О": "O",
    "Р": "P",
    "С": "C",
    "Т": "T",
    "Х": "X",
    "У": "Y",
    "І": "I",
    "Ј": "J",
    "Ѕ": "S",
    "Ә": "Ə",
    "Ӧ": "Ö",
    "Ӱ": "Ü",
    "Һ": "H",
    "Ԛ": "Q",
}
HOMOGLYPH_TABLE = str.maketrans(CYRILLIC_HOMOGLYPHS)

DASHES = "-‐‑‒–—―─−"
"""Characters that print as a dash: hyphen-minus, hyphens, en/em dashes, box-drawing line, minus."""
DASH_CLASS = "[" + re.escape(DASHES) + "]"
"""Regular-expression class matching any dash; later stages use it to treat them alike."""

COMPOUND_FIRST_PARTS = words.wordset("compound_first_parts")

CONTINUATION_WORDS = words.wordset("continuation_words")

ORDINAL_SUFFIXES = ("ci", "cı", "cu", "cü")
"""The ordinal suffix in its four vowel-harmony forms (``1-ci``, ``6-cı``, ``3-cü``, ``9-cu``)."""

ITEM_NOUNS = ("yarımbənd", "bənd")
"""Nouns naming a plan item (their case and plural endings follow)."""

ITEM_HEADING_TAILS = words.wordlist("item_heading_tails")
"""What follows the item noun in a heading (``… bəndin icrasına dair``); without one of these an
item at the start of a line is a reference inside a sentence (``2.2-ci bəndinə uyğun olaraq``)."""

DASH_TRANSLATION = str.maketrans({dash: "-" for dash in DASHES})


def unify_dashes(text: str) -> str:
    """Replace every dash-like character by ``-`` (same length, so offsets stay valid)."""
    return text.translate(DASH_TRANSLATION)


def is_dash(char: str) -> bool:
    """True for ``-``, ``–``, ``─``, ``—`` and the other dash-like characters."""
    return len(char) == 1 and char in DASHES
