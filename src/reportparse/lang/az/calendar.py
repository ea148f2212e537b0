"""Azerbaijani calendar words, loaded from the data files of ``lang/az/data/temporal/``.

Months, their case endings, endings on day numbers, relative year words, ordinal words of
quarters and halves, parts and edges of a year, seasons and frequency words are tab-separated
files a linguist edits (``data/temporal/README.md``); this module only reads them. All forms are
case-folded (see :func:`reportparse.lang.az.casing.casefold`); the dates extractor matches them
on the case-folded text.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.abc import Traversable

DATA_PACKAGE = "reportparse.lang.az"
FOLDER = ("data", "temporal")


def data_file(name: str) -> Traversable:
    """A file of ``lang/az/data/temporal/`` (inside the installed package).

    Args:
        name: the file name (``months.tsv``, ``rules.txt``).

    Returns:
        The file, to ``read_text``.
    """
    folder = resources.files(DATA_PACKAGE)
    for part in FOLDER:
        folder = folder.joinpath(part)
    return folder.joinpath(name)


@cache
def word_table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of ``data/temporal/NAME.tsv``: tab-separated columns, ``#`` comments and blank lines skipped.

    A table the temporal rules share with other stages lives once, in ``data/NAME.tsv`` (its
    first row is a header, left out): ``ordinal_words`` (``birinci rüb`` and ``səkkizinci abzası``).

    Args:
        name: the file name without ``.tsv`` (``months``).

    Returns:
        One tuple of stripped columns per row, in file order.
    """
    own = data_file(f"{name}.tsv")
    shared = not own.is_file()
    source = resources.files(DATA_PACKAGE).joinpath("data").joinpath(f"{name}.tsv") if shared else own
    rows = []
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(tuple(column.strip() for column in line.split("\t")))
    return tuple(rows[1:] if shared else rows)


def _forms(name: str, value: str | None = None) -> tuple[str, ...]:
    return tuple(row[0] for row in word_table(name) if value is None or (len(row) > 1 and row[1] == value))


_ROMAN_DIGITS = {
    letter: value
    for letters, value in (("iıIİ", 1), ("vV", 5), ("xX", 10), ("lL", 50), ("cC", 100))
    for letter in letters
}


def roman_value(numeral: str) -> int:
    """The value of a Roman numeral as written or case-folded (``IV``, ``ıv``, ``xıx``).

    Args:
        numeral: letters I, V, X, L, C (dotted, dotless, upper or lower case).

    Returns:
        Its value; 0 for an empty string. Raises ValueError on another letter.
    """
    digits = [_ROMAN_DIGITS[letter] for letter in numeral]
    total = 0
    for index, digit in enumerate(digits):
        total += -digit if index + 1 < len(digits) and digits[index + 1] > digit else digit
    return total


_MONTH_ROWS = sorted(word_table("months"), key=lambda row: int(row[1]))
MONTHS: tuple[str, ...] = tuple(row[0] for row in _MONTH_ROWS)
"""Month names in calendar order (nominative; ``months.tsv``)."""
MONTH_NUMBERS: dict[str, int] = {row[0]: int(row[1]) for row in _MONTH_ROWS}
"""Month name → number."""

MONTH_ENDINGS: tuple[str, ...] = _forms("month_endings")
"""Case endings written on a month name (``martda``, ``martın``, ``martında``; ``month_endings.tsv``)."""
MONTH_GENITIVE_ENDINGS: tuple[str, ...] = _forms("month_endings", "genitive")
"""``martın 15-i``, ``aprelin``, ``iyunun``, ``iyulun``: the genitive follows vowel harmony."""

DAY_ENDINGS: tuple[str, ...] = _forms("day_endings")
"""Endings on a day number after a genitive month (``martın 15-də``, ``dekabrın 30-dək``; ``day_endings.tsv``)."""

ORDINAL_WORDS: dict[str, int] = {row[0]: int(row[1]) for row in word_table("ordinal_words")}
"""Ordinal words (``birinci`` → 1; ``data/ordinal_words.tsv``, shared with references): they number
quarters and halves (``birinci rüb``); a number beyond the year's parts (``beşinci rüb``) is no date."""
ROMAN_QUARTERS: dict[str, int] = {numeral: roman_value(numeral) for numeral in ("ı", "ıı", "ııı", "ıv")}
"""Roman quarter numbers as they look case-folded: Azerbaijani folds ``I`` to dotless ``ı``."""

RELATIVE_YEARS: dict[str, int] = {row[0]: int(row[1]) for row in word_table("relative_years")}
"""Words that name a year relative to the document's reporting year (``ötən il`` = year − 1)."""

YEAR_PARTS: dict[str, str] = {row[0]: row[1] for row in word_table("year_parts")}
"""Part words of a year → ``quarter`` or ``half`` (``rüb``, ``yarımil``, ``yarı``)."""
YEAR_EDGES: dict[str, tuple[str, str]] = {row[0]: (row[1], row[2]) for row in word_table("year_edges")}
"""Words after ``ilin`` → (``start``/``end`` of the year, kind ``deadline``/``point``)."""
SEASONS: dict[str, tuple[int, int]] = {row[0]: (int(row[1]), int(row[2])) for row in word_table("seasons")}
"""Season words → (first month, last month); winter's first month is in the year before."""

FREQUENCIES: dict[str, str] = {row[0]: row[1] for row in word_table("frequency")}
"""Frequency words → recurrence (``hər il`` → ``yearly``, ``mütəmadi`` → ``continuous``)."""
DEADLINE_ENDS: tuple[str, ...] = _forms("deadline_ends")
"""How a deadline ends (``dekabrın 30-dək``, ``ilin sonuna qədər``; ``deadline_ends.tsv``)."""
ERAS: dict[str, str] = {row[0]: row[1] for row in word_table("eras")}
"""Era words → era (``e.ə.`` → ``bc``): a date right after a ``bc`` word is no row (ISO dates start at year 1)."""
CONTINUOUS = "continuous"
"""The frequency of measures that go on without a period (``mütəmadi``, ``daimi``): never a date's recurrence."""
RECURRENCES: tuple[str, ...] = tuple(dict.fromkeys(value for value in FREQUENCIES.values() if value != CONTINUOUS))
"""Recurrences a date can carry, in the order of ``frequency.tsv`` (``yearly``, ``quarterly``, …)."""
CONTINUOUS_TERMS: tuple[str, ...] = tuple(form for form, value in FREQUENCIES.items() if value == CONTINUOUS)
"""Deadlines that are not dates and have no period (``mütəmadi``, ``daimi``, ``müntəzəm olaraq``)."""
