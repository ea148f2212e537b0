"""Checks every table must pass on any input: used by the property tests and the fuzzers.

Each check returns a list of violations (empty when all is well) rather than asserting, so a
fuzzer can report every broken rule of a crashing input at once.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd

from reportparse.document import Document
from reportparse.tables.schema import DATES, DOCUMENT_TABLES, DOCUMENTS, MENTION_TABLES, SECTIONS, TABLES, Table


def offset_map_violations(document: Document) -> list[str]:
    """The offset map covers the text, is monotonic and stays inside the raw text."""
    to_raw, raw_length = document.offset_map.to_raw, len(document.raw_text)
    problems = []
    if len(to_raw) != len(document.text) + 1:
        problems.append(f"offset map has {len(to_raw)} entries for {len(document.text)} characters")
    elif to_raw[-1] != raw_length:
        problems.append(f"offset map ends at {to_raw[-1]}, raw text has {raw_length} characters")
    if len(to_raw) and (np.any(np.diff(to_raw) < 0) or to_raw[0] < 0):
        problems.append("offset map is not monotonic and non-negative")
    if document.text and to_raw[len(document.text) - 1] >= raw_length:
        problems.append("last character maps outside the raw text")
    if not document.pages or document.pages[0].start != 0 or document.pages[-1].end != len(document.text):
        problems.append(f"pages {document.pages} do not cover 0..{len(document.text)}")
    return problems


def _iso(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _blank(value: object) -> bool:
    return value is None or value == "" or (not isinstance(value, str) and bool(pd.isna(value)))  # type: ignore[call-overload]


def _date_violations(row: dict) -> list[str]:
    first, last = row["date_start"], row["date_end"]
    if _blank(first) != _blank(last):
        return [f"dates: one end blank: {first!r}..{last!r}"]
    if _blank(first):
        return []
    a, b = _iso(first), _iso(last)
    if a is None or b is None:
        return [f"dates: not ISO dates: {first!r}..{last!r}"]
    return [f"dates: start after end: {first}..{last}"] if a > b else []


def _value_violations(table: Table, row: dict) -> list[str]:
    """Values outside their column's allowed values, numbers that are not finite, dates not ISO."""
    problems = []
    for column in table:
        value = row.get(column.name)
        if _blank(value):
            continue
        if column.values and value not in column.values:
            problems.append(f"{table.name}: {column.name} {value!r} not one of {column.values}")
        elif column.type == "number":
            try:
                finite = math.isfinite(float(value))  # type: ignore[arg-type]
            except (TypeError, ValueError):
                finite = False
            if not finite:
                problems.append(f"{table.name}: {column.name} {value!r} is not a finite number")
        elif column.type == "date" and column.name not in ("date_start", "date_end") and _iso(value) is None:
            problems.append(f"{table.name}: {column.name} {value!r} is not ISO")
    return problems


def _row_violations(name: str, row: dict, text: str) -> list[str]:
    problems = []
    start, end = row["start"], row["end"]
    if not (isinstance(start, (int, np.integer)) and isinstance(end, (int, np.integer))):
        return [f"{name}: start/end {start!r}/{end!r} are not integers"]
    if not 0 <= start < end <= len(text):
        problems.append(f"{name}: span {start}..{end} outside 0..{len(text)} or empty")
    elif text[start:end] != row["text"]:
        problems.append(f"{name}: text[{start}:{end}] = {text[start:end]!r} but the row says {row['text']!r}")
    if name == DATES:
        problems += _date_violations(row)
    return problems + _value_violations(TABLES[name], row)


def table_violations(document: Document, tables: dict[str, pd.DataFrame]) -> list[str]:
    """Everything wrong with the tables of one document.

    Args:
        document: the normalized document.
        tables: what :func:`reportparse.pipeline.extract_tables` returned for it.

    Returns:
        Human-readable violations: missing tables or columns, spans outside the text or not
        matching their ``text``, dates that are not ISO or run backwards, numbers that are not
        finite, values outside their column's allowed values (:mod:`reportparse.tables.schema`),
        sections whose heading or narrative does not match its offsets.
    """
    text, problems = document.text, []
    for name in DOCUMENT_TABLES:
        columns = TABLES[name].contract
        frame = tables.get(name)
        if frame is None:
            problems.append(f"table {name} is missing")
            continue
        missing = [column for column in columns if column not in frame.columns]
        if missing:
            problems.append(f"{name}: missing columns {missing}")
            continue
        if name != DOCUMENTS and len(frame) and set(frame["doc_id"]) != {document.doc_id}:
            problems.append(f"{name}: doc_id {set(frame['doc_id'])} is not {document.doc_id!r}")
    if problems:
        return problems
    if len(tables[DOCUMENTS]) != 1 or tables[DOCUMENTS]["n_chars"].iloc[0] != len(text):
        problems.append("documents: not one row with n_chars == len(text)")
    for row in tables[SECTIONS].to_dict("records"):
        if not 0 <= row["start"] <= row["end"] <= len(text) or text[row["start"] : row["end"]] != row["text"]:
            problems.append(f"sections: narrative {row['start']}..{row['end']} does not match its text")
        if text[row["heading_start"] : row["heading_end"]] != row["heading"]:
            problems.append(f"sections: heading {row['heading_start']}..{row['heading_end']} does not match")
    for name in MENTION_TABLES:
        for row in tables[name].to_dict("records"):
            problems.extend(_row_violations(name, row, text))
    return problems
