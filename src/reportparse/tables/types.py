"""Typed tables: the schema's column types as pandas dtypes, and the conversion of a table between
its *text form* and its *typed form*.

The **text form** is what the extractors build and what a CSV holds: strings, ``""`` for an empty
cell, ISO ``YYYY-MM-DD`` dates, nullable ``Int64`` integers and ``boolean`` flags. The stages
after the tables (``compare``, ``--resume``, the CSV writer) work on it, so a CSV's bytes never
depend on pandas' formatting of a typed value.

The **typed form** is what a user gets (``Report.dates``, :func:`reportparse.read_tables`), and
what Parquet, the workbook and SQLite store: every column with the pandas dtype of its schema
type (:data:`PANDAS_DTYPES`), every empty cell missing (``pd.NA``/``NaT``). Identifiers
(``item``, ``doc_id``, ``org_id``) are strings: item ``1`` stays ``"1"``, never ``1.0``.

    >>> import pandas as pd
    >>> frame = pd.DataFrame({"item": ["1", ""], "date_start": ["2022-03-15", ""], "year_inferred": ["False", ""]})
    >>> typed = typed_frame("dates", frame)
    >>> typed.dtypes.astype(str).to_dict()
    {'item': 'string', 'date_start': 'datetime64[s]', 'year_inferred': 'boolean'}
    >>> typed["item"].tolist(), typed["date_start"].isna().tolist()
    (['1', <NA>], [False, True])
    >>> text_frame("dates", typed)["date_start"].tolist()
    ['2022-03-15', '']
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

from reportparse.tables.schema import FALSE_VALUES, TABLES, TRUE_VALUES, Table

PANDAS_DTYPES: dict[str, Any] = {
    "string": "string",
    "integer": "Int64",
    "number": "Float64",
    "boolean": "boolean",
    "date": "datetime64[s]",
}
"""The pandas dtype of each schema type in the typed form. Dates are ``datetime64[s]``: a
second resolution reaches the centuries the date extractor knows (``XV əsr``), which
nanoseconds (1677–2262) do not."""


def _table(table: str | Table | None) -> Table | None:
    return table if isinstance(table, Table) else TABLES.get(table) if table else None


def _missing(value: object) -> bool:
    if value is None or (isinstance(value, str) and value == ""):
        return True
    return not isinstance(value, str) and bool(pd.isna(value))  # type: ignore[call-overload]


def _present(values: pd.Series) -> list[object]:
    return [None if _missing(value) else value for value in values.astype(object)]


def day(value: object) -> dt.date | None:
    """The day of a date cell's value: a date, a datetime (a workbook's cell), a Timestamp, a
    ``numpy.datetime64`` or ISO text (``2022-03-15``; a longer ISO timestamp is cut to its day)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, np.datetime64):
        return None if np.isnat(value) else dt.date.fromisoformat(str(value.astype("datetime64[D]")))
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10] if len(text) > 10 and text[10] in "T " else text)
    except ValueError:
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _as_date(value: object) -> str | None:
    found = day(value)
    return None if found is None else found.isoformat()


def _as_flag(value: object) -> bool | None:
    if value is None or isinstance(value, (bool, np.bool_)):
        return None if value is None else bool(value)
    text = str(value)
    if text in TRUE_VALUES:
        return True
    if text in FALSE_VALUES:
        return False
    raise ValueError(f"{value!r} is not a boolean ({'/'.join(TRUE_VALUES)} or {'/'.join(FALSE_VALUES)})")


def _strings(values: pd.Series) -> pd.Series:
    """Text cells as a ``string`` column, ``""`` missing."""
    if values.dtype == object and not values.map(lambda v: isinstance(v, str) or _missing(v)).all():
        values = pd.Series(_present(values), index=values.index, dtype=object)  # numbers of a workbook
    strings = values.astype("string")
    return strings.mask(strings.eq("").fillna(False), pd.NA)


def _dates(values: pd.Series) -> pd.Series:
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        values = values.dt.tz_localize(None)
    if isinstance(values.dtype, np.dtype) and values.dtype.kind == "M":
        days = values.to_numpy().astype("datetime64[D]")
    else:  # text, dates, Arrow date32 (Parquet)
        cells = [_as_date(value) for value in _present(values)]
        days = np.array([cell if cell is not None else "NaT" for cell in cells], dtype="datetime64[D]")
    return pd.Series(days, index=values.index).astype(PANDAS_DTYPES["date"])


def typed_column(values: pd.Series, kind: str) -> pd.Series:
    """One column in the typed form of its schema ``kind`` (text form, or typed already).

    Raises:
        ValueError: a value that is not of the type (``"twelve"`` in an integer column).
    """
    if kind == "string":
        return _strings(values)
    if kind in ("integer", "number"):
        if isinstance(values.dtype, (pd.Int64Dtype, pd.Float64Dtype)) or values.dtype.kind in "iuf":
            return values.astype(PANDAS_DTYPES[kind])
        numbers = pd.to_numeric(pd.Series(_present(values), index=values.index, dtype=object))
        return numbers.astype(PANDAS_DTYPES[kind])
    if kind == "boolean":
        if isinstance(values.dtype, pd.BooleanDtype) or values.dtype == bool:
            return values.astype("boolean")
        return pd.Series([_as_flag(value) for value in _present(values)], index=values.index, dtype="boolean")
    if kind == "date":
        return _dates(values)
    raise ValueError(f"unknown column type {kind!r}")


def text_column(values: pd.Series, kind: str) -> pd.Series:
    """One typed column back in the text form (the inverse of :func:`typed_column`)."""
    if kind == "integer":
        return values.astype("Int64")
    if kind == "boolean":
        return values.astype("boolean")
    if kind == "number":
        return pd.Series([pd.NA if _missing(v) else float(v) for v in values.astype(object)], index=values.index)
    if kind == "date":
        days = typed_column(values, "date")
        text = np.datetime_as_string(days.to_numpy("datetime64[D]"), unit="D")
        return pd.Series(np.where(days.isna().to_numpy(), "", text), index=values.index, dtype=object).astype(str)
    return pd.Series(["" if _missing(v) else str(v) for v in values.astype(object)], index=values.index).astype(str)


def inferred_type(values: pd.Series) -> str:
    """The schema type (``boolean``, ``integer``, ``number``, ``date``, ``string``) a column's dtype has."""
    dtype = values.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return "boolean"
    if pd.api.types.is_integer_dtype(dtype):
        return "integer"
    if pd.api.types.is_float_dtype(dtype):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "date"
    return "string"


def column_kinds(table: str | Table | None, frame: pd.DataFrame) -> dict[str, str]:
    """The schema type of every column of a table; a column the schema does not know gets the
    type its dtype has (``string`` for text and objects)."""
    known = _table(table) if table is not None else None
    return {
        str(name): known.column(str(name)).type
        if known is not None and str(name) in known
        else inferred_type(frame[name])
        for name in frame.columns
    }


def typed_frame(table: str | Table | None, frame: pd.DataFrame) -> pd.DataFrame:
    """A table in the typed form: every column with the dtype of its schema type
    (:data:`PANDAS_DTYPES`), empty cells missing; columns the schema does not know are strings.

    Args:
        table: the table's name in the schema registry (or the table; None: columns typed by dtype).
        frame: the table, in the text form or typed already.

    Raises:
        ValueError: a cell that is not of its column's type (its column is named).
    """
    converted = {}
    for name, kind in column_kinds(table, frame).items():
        try:
            converted[name] = typed_column(frame[name], kind)
        except (ValueError, TypeError) as exc:
            where = table.name if isinstance(table, Table) else table or "table"
            raise ValueError(f"{where}.{name}: {exc}") from None
    return pd.DataFrame(converted, index=frame.index, columns=frame.columns)


def text_frame(table: str | Table | None, frame: pd.DataFrame) -> pd.DataFrame:
    """A typed table back in the text form (the inverse of :func:`typed_frame`)."""
    kinds = column_kinds(table, frame)
    converted = {name: text_column(frame[name], kind) for name, kind in kinds.items()}
    return pd.DataFrame(converted, index=frame.index, columns=frame.columns)


def pandas_types(table: str | Table) -> dict[str, str]:
    """The typed form's dtype of every column of a table of the schema."""
    known = _table(table)
    if known is None:
        raise KeyError(table)
    return {column.name: PANDAS_DTYPES[column.type] for column in known}
