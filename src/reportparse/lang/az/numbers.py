"""Azerbaijani numbers and quantities, read from the data files under ``lang/az/data/``.

* ``number_words.tsv`` — cardinal words (:data:`UNITS`, :data:`TENS`, :data:`HUNDRED`) and
  multipliers (:data:`MULTIPLIERS`);
* ``ordinal_words.tsv`` — ordinal words (:data:`ORDINALS`, read by :func:`ordinal_value`);
* ``count_units.tsv`` — measure words, time units, ages, percent words and currencies;
* ``count_qualifiers.tsv`` — words before and after a number that qualify it (``ən azı``,
  ``nəfərdən çox``) and the ``-dək`` endings;
* ``count_markers.tsv`` — identifier words (``saylı``) and the partitive endings of numbers (``29-u``);
* ``words/count_adjectives.txt`` — adjectives that end like a possessive (``məcburi``).

Nouns of counted phrases that end like a suffix (``qadın``, ``kişi``, ``sərgi``) are stems of the
morphology (``morphology/stems.tsv``): every stage reads them alike.

A linguist edits those files; this module only loads them. All forms are lowercase in
Azerbaijani casing (see :mod:`reportparse.lang.az.casing`); the counts extractor matches them on
the case-folded text.

    >>> UNITS["beş"], TENS["on"], MULTIPLIERS["mln"], CURRENCIES["manat"]
    (5, 10, 1000000, 'AZN')
    >>> ordinal_value(["on", "səkkizinci"]), ordinal_value(["səkkizinci"]), ordinal_value(["on"])
    (18, 8, None)
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib.resources import files

from reportparse.lang.az import words


def read_table(name: str) -> list[tuple[str, ...]]:
    """The rows of a TAB-separated data file of ``lang/az/data/``, without comments and header.

    Args:
        name: the file name (``count_units.tsv``).

    Returns:
        One tuple of stripped fields per row; ``-`` in a field stands for an empty value.
    """
    text = files("reportparse.lang.az").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [tuple("" if field.strip() == "-" else field.strip() for field in row) for row in rows[1:]]


def _by_column(rows: list[tuple[str, ...]], column: int, value: str) -> list[tuple[str, ...]]:
    return [row for row in rows if row[column] == value]


_NUMBER_WORDS = read_table("number_words.tsv")
UNITS = {word: int(value) for word, value, _kind in _by_column(_NUMBER_WORDS, 2, "unit")}
"""Number words below ten."""
TENS = {word: int(value) for word, value, _kind in _by_column(_NUMBER_WORDS, 2, "ten")}
"""Multiples of ten: ``on iki`` = 12."""
HUNDRED = {word: int(value) for word, value, _kind in _by_column(_NUMBER_WORDS, 2, "hundred")}
"""``iki yüz`` = 200; ``yüz`` alone is 100."""
MULTIPLIER_WORDS = {word: int(value) for word, value, _kind in _by_column(_NUMBER_WORDS, 2, "multiplier")}
"""Multipliers written as words, also after number words: ``iki min``."""
MULTIPLIERS = {
    **MULTIPLIER_WORDS,
    **{word: int(value) for word, value, _kind in _by_column(_NUMBER_WORDS, 2, "abbreviation")},
}
"""Words that multiply what precedes them: ``2 min``, ``398,3 milyon``, ``4,2 mln.``; they
may carry a case ending (``9 mindən çox``, ``3 minə yaxın``)."""
CARDINALS = {**UNITS, **TENS, **HUNDRED, **MULTIPLIER_WORDS}
"""Every cardinal number word with its value."""

ORDINALS = {word: int(value) for word, value in read_table("ordinal_words.tsv")}
"""Ordinal words: ``səkkizinci`` = 8; compound ordinals end in one (``on səkkizinci``)."""


def ordinal_value(words: Sequence[str]) -> int | None:
    """The value of an ordinal written in words (lowercase), or None when it is none.

    Args:
        words: the words, the last one an ordinal (``["on", "səkkizinci"]``), the others cardinals.

    Returns:
        The value (18), or None.
    """
    if not words or words[-1] not in ORDINALS or any(word not in UNITS and word not in TENS for word in words[:-1]):
        return None
    return sum(CARDINALS[word] for word in words[:-1]) + ORDINALS[words[-1]]


_UNITS = read_table("count_units.tsv")


def _unit_class(name: str) -> dict[str, str]:
    return {lemma: value for lemma, unit_class, value in _by_column(_UNITS, 1, name)}


MEASURE_WORDS = frozenset(_unit_class("measure")) | frozenset(_unit_class("event_measure"))
"""Lemmas of measure words: the count's ``unit``; ``counted`` is the noun after them."""
NOTHING_COUNTED = frozenset(_unit_class("event_measure"))
"""Measure words of events, not things: ``iki dəfə baxış keçirilmişdir`` counts no ``baxış``."""
TIME_UNITS = frozenset(_unit_class("time"))
"""Lemmas of time units: ``5 iş günü``, ``24 saat`` are durations, never counts."""
DURATION_UNITS = _unit_class("duration_adjective")
"""``3 aylıq``, ``15 illik``: a duration, with its time unit (``ay``, ``il``)."""
DURATION_ADJECTIVES = (*DURATION_UNITS, *_unit_class("age_adjective"))
"""``2 günlük təlim``, ``15 illik tərəfdaşlıq``, ``60 yaşlı``: a duration (or an age), never a count."""
DURATION_MODIFIERS = tuple(_unit_class("duration_modifier"))
"""``5 iş günü``: a word between the number and the time unit."""
AGE_WORDS = tuple(_unit_class("age"))
"""``18 yaşınadək``: an age, never a count."""
PERCENT_WORDS = tuple(_unit_class("percent"))
"""``20,0 faiz``, ``14,6 faizi``; ``%`` is the sign."""
CURRENCIES = _unit_class("currency")
"""Currency nouns and codes (lemmas) → ISO code; they inflect (``manatdan``)."""
CURRENCY_COUNTRIES = _unit_class("currency_prefix")
"""Words before a currency noun that belong to the name (``ABŞ dolları``, ``funt sterlinq``)."""

_QUALIFIERS = read_table("count_qualifiers.tsv")


def _qualifiers(position: str) -> dict[str, str]:
    return {words: qualifier for words, where, qualifier in _QUALIFIERS if where == position}


QUALIFIERS_BEFORE = _qualifiers("before")
"""Words before the number: ``təxminən 15%``, ``ən azı 30``."""
QUALIFIERS_AFTER_ABLATIVE = _qualifiers("after_ablative")
"""After an ablative (``50 nəfərdən çox``, ``3 200-dən artıq``)."""
QUALIFIERS_AFTER_DATIVE = _qualifiers("after_dative")
"""After a dative (``600-ə yaxın``, ``500 nəfərə qədər``)."""
QUALIFIERS_AFTER_GENITIVE = _qualifiers("after_genitive")
"""After a genitive: ``100 nəfərin üzərində``."""
UP_TO_ENDINGS = tuple(_qualifiers("up_to_ending"))
"""``100-dək``, ``500 nəfərədək``: at most."""

_MARKERS = read_table("count_markers.tsv")
IDENTIFIER_WORDS = tuple(word for word, role in _MARKERS if role == "identifier")
"""``2 saylı``, ``3199 nömrəli``: the number names something, it counts nothing."""
IDENTIFIER_SIGNS = tuple(word for word, role in _MARKERS if role == "identifier_sign")
"""``№ 123``: an identifier follows."""
PARTITIVE_ENDINGS = frozenset(word for word, role in _MARKERS if role == "partitive_ending")
"""``29-u qadın``, ``12-si``: the possessive ending of a number (of them); a count only before a noun."""
COPULAS = frozenset(word for word, role in _MARKERS if role == "copula")
"""``29-u qadın olmaqla``: forms of ``olmaq`` after a counted noun that are no light verb."""

COUNT_ADJECTIVES = words.wordset("count_adjectives")
"""Adjectives that end like a possessive (``məcburi``): modifiers, never the head."""
