"""The tables as one Excel workbook (``tables.xlsx``, openpyxl): a sheet per table, a bold, frozen
header row, columns sized to their contents, and values of their schema types — dates as dates,
numbers as numbers, booleans as booleans, empty cells empty.

Text never runs as a formula: every text cell is stored as a string, so ``=HYPERLINK(...)`` shows
as written (no quote is added, unlike CSV for Excel). Characters a workbook cannot hold (control
characters) are written as OOXML escapes ``_xHHHH_`` (a literal ``_xHHHH_`` gets ``_x005F_`` in
front), as Excel itself does; :func:`unescape` reverses it. A cell holds at most
:data:`MAX_CELL` characters (Excel's limit): longer text is cut there, ending with ``…``; the CSV
and Parquet files keep it whole. Dates before 1900, which Excel cannot show as dates, are written
as ISO text.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from reportparse.output.writers import replace_atomically
from reportparse.tables.types import column_kinds, day, typed_frame

WORKBOOK = "tables.xlsx"
"""The workbook's file name in an output folder."""

MAX_ROWS = 1_048_576
"""Rows of an Excel sheet, header included."""

MAX_CELL = 32_767
"""Characters of an Excel cell."""

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]|_(?=x[0-9A-Fa-f]{4}_)")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_MIN_WIDTH, _MAX_WIDTH, _SAMPLE = 6, 60, 500
_DATE_FORMAT = "yyyy-mm-dd"


def _needs_openpyxl() -> None:
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        raise ImportError("the workbook (--format xlsx) needs openpyxl: pip install openpyxl") from None


def escape(text: str) -> str:
    """Text a workbook cell can hold (see the module).

    >>> escape("a\\x0bb"), unescape(escape("a\\x0bb")), escape("_x0041_")
    ('a_x000B_b', 'a\\x0bb', '_x005F_x0041_')
    """
    return _ILLEGAL.sub(lambda found: f"_x{ord(found.group()):04X}_", text)


def unescape(text: str) -> str:
    """The inverse of :func:`escape`."""
    return _ESCAPED.sub(lambda found: chr(int(found.group(1), 16)), text)


def _cell_value(value: object, kind: str) -> object:
    if value is None or value is pd.NA or (not isinstance(value, str) and pd.isna(value)):  # type: ignore[call-overload]
        return None
    if kind == "date":
        found = day(value)
        return None if found is None else found if found.year >= 1900 else found.isoformat()
    if kind == "integer":
        return int(value)  # type: ignore[call-overload]
    if kind == "number":
        return float(value)  # type: ignore[arg-type]
    if kind == "boolean":
        return bool(value)
    text = escape(str(value))
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def _width(name: str, values: pd.Series, kind: str) -> float:
    if kind == "date":
        return 12
    sample = values.head(_SAMPLE).dropna().astype(str)
    longest = max([len(name), *(len(value) for value in sample)]) if len(sample) else len(name)
    return float(min(max(longest + 2, _MIN_WIDTH), _MAX_WIDTH))


def _sheet(workbook: object, name: str, frame: pd.DataFrame) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    if len(frame) + 1 > MAX_ROWS:
        raise ValueError(
            f"the {name} table has {len(frame)} rows, more than an Excel sheet holds ({MAX_ROWS - 1}); "
            "write it as csv, parquet or sqlite"
        )
    sheet = workbook.create_sheet(title=name)  # type: ignore[attr-defined]
    kinds = column_kinds(name, frame)
    for index, (column, kind) in enumerate(kinds.items(), 1):
        sheet.column_dimensions[get_column_letter(index)].width = _width(column, frame[column], kind)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for column in frame.columns:
        cell = WriteOnlyCell(sheet, value=escape(str(column)))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    columns = list(kinds.items())
    for values in frame.itertuples(index=False, name=None):
        row = []
        for value, (_column, kind) in zip(values, columns, strict=True):
            content = _cell_value(value, kind)
            cell = WriteOnlyCell(sheet, value=content)
            if isinstance(content, str):
                cell.data_type = "s"  # never a formula
            elif isinstance(content, dt.date):
                cell.number_format = _DATE_FORMAT
            row.append(cell)
        sheet.append(row)


def write_workbook(path: str | os.PathLike[str], tables: Iterable[tuple[str, pd.DataFrame]]) -> Path:
    """Write tables as one workbook, a sheet each, replacing ``path`` only once it is complete.

    Args:
        path: the ``.xlsx`` file; its folder is created if needed.
        tables: (table name, frame) pairs, in sheet order; a frame in the text form or typed
            (:mod:`reportparse.tables.types`). Each is converted when its sheet is written.

    Returns:
        The workbook's path.

    Raises:
        ImportError: openpyxl is not installed.
        ValueError: a table longer than a sheet.
    """
    _needs_openpyxl()
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for name, frame in tables:
        _sheet(workbook, name, typed_frame(name, frame))
    return replace_atomically(Path(path), workbook.save)


def read_sheet(path: str | os.PathLike[str], name: str) -> pd.DataFrame:
    """One sheet of a workbook written by :func:`write_workbook`, values as stored (text unescaped).

    Raises:
        KeyError: the workbook has no sheet ``name``.
    """
    _needs_openpyxl()
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        if name not in workbook.sheetnames:
            raise KeyError(f"{path} has no sheet {name!r} (it has {', '.join(workbook.sheetnames)})")
        rows = list(workbook[name].iter_rows(values_only=True))
    finally:
        workbook.close()
    if not rows:
        return pd.DataFrame()
    header = [unescape(str(cell)) for cell in rows[0]]
    width = len(header)  # a row read back ends at its last non-empty cell
    body = [[unescape(cell) if isinstance(cell, str) else cell for cell in row[:width]] for row in rows[1:]]
    body = [row + [None] * (width - len(row)) for row in body]
    return pd.DataFrame(body, columns=header, dtype=object)
