"""Sections of a table-form report or plan: one per table row.

The readers write a table one row per line, its cells between ``│`` bars
(:mod:`reportparse.ingest.table_layout`; the normalizer keeps that layout), so every row and
cell has a span in the normalized text. A **heading row** names the columns — the item (``№``,
``S/s``), the measure (``Tədbirin adı``), executors, deadline, and in a report what was done
(``İcra vəziyyəti``, ``Görülmüş işlər``, ``İcra barədə məlumat``, …); the labels are data in
:mod:`reportparse.lang.az.plan_labels`. Every row below it with a number in the item column is a
section: ``items`` the number (without a final dot), ``commitment`` the measure cell (on one
line, without quotes and final full stop), the heading the number cell and the narrative the
execution cell (in a plan, which has none: the rest of the row). A section runs from its row to
the next row, so a date or an organization in any cell of a row belongs to that row's item.

A table continued on the next page repeats its heading row (skipped) and may split a row: a row
without a number continues the one above — its measure is added to the commitment, and the
section's narrative runs to the end of the continued execution cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportparse.document import Document
from reportparse.lang.az.plan_labels import heading_row_columns
from reportparse.structure.chapters import line_matches
from reportparse.structure.segment import Section, Segmentation

CELL_SEPARATOR = "│"
"""The cell separator the readers write (:data:`reportparse.ingest.table_layout.CELL_SEPARATOR`)."""

_ROW = re.compile(rf"(?m)^{CELL_SEPARATOR}[^\n]*{CELL_SEPARATOR}$")
_ITEM = re.compile(r"\d+(?:\.\d+)*\.?")


@dataclass(frozen=True)
class Cell:
    """One cell of a row: its span in the text, surrounding spaces excluded (empty: ``start == end``)."""

    start: int
    end: int


@dataclass(frozen=True)
class Row:
    """One table row of the text: its span and its cells."""

    start: int
    end: int
    cells: tuple[Cell, ...]


def find_rows(text: str) -> list[Row]:
    """Every table row of ``text`` (a line ``│ … │ … │``) with its cells, in order."""
    rows = []
    for match in line_matches(_ROW, text):
        bars = [match.start() + index for index, char in enumerate(match.group()) if char == CELL_SEPARATOR]
        cells = []
        for left, right in zip(bars, bars[1:], strict=False):
            start, end = left + 1, right
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            cells.append(Cell(start, end))
        if cells:
            rows.append(Row(match.start(), match.end(), tuple(cells)))
    return rows


def heading_columns(text: str, row: Row) -> dict[str, int]:
    """Column index of each column a heading row names; empty when ``row`` is no heading row
    (:func:`reportparse.lang.az.plan_labels.heading_row_columns`)."""
    return heading_row_columns([text[cell.start : cell.end] for cell in row.cells])


def one_line(text: str) -> str:
    """Cell text on one line, without surrounding quotes and a final full stop."""
    return " ".join(text.split()).strip(' “”"«»').rstrip(".").rstrip()


@dataclass
class _Entry:
    item: str
    heading: tuple[int, int]
    row: Row
    measure: list[str]
    narrative: tuple[int, int]
    row_end: int


def _cell(row: Row, columns: dict[str, int], name: str) -> Cell | None:
    index = columns.get(name)
    return row.cells[index] if index is not None and index < len(row.cells) else None


def _narrative(row: Row, columns: dict[str, int]) -> tuple[int, int]:
    """The execution cell's span; without an execution column (a plan), the row after its number."""
    execution = _cell(row, columns, "execution")
    if execution is not None:
        return execution.start, execution.end
    after_item = columns.get("item", -1) + 1
    start = row.cells[after_item].start if after_item < len(row.cells) else row.start
    return start, row.end


def _entries(text: str, rows: list[Row]) -> list[_Entry]:
    """Numbered rows under a heading row, rows without a number joined to the one above."""
    entries: list[_Entry] = []
    columns: dict[str, int] = {}
    for row in rows:
        heading = heading_columns(text, row)
        if heading:  # a new table, or a heading row repeated atop a page (the table continues)
            columns = heading
            continue
        if not columns or len(row.cells) <= max(columns.values()):
            continue  # a row of another table, without a heading row
        item_cell, measure_cell = _cell(row, columns, "item"), _cell(row, columns, "measure")
        number = text[item_cell.start : item_cell.end] if item_cell is not None else ""
        measure = text[measure_cell.start : measure_cell.end] if measure_cell is not None else ""
        if _ITEM.fullmatch(number):
            assert item_cell is not None  # a number was read from it
            item = number.rstrip(".")
            span = (item_cell.start, item_cell.start + len(item))
            entries.append(_Entry(item, span, row, [measure], _narrative(row, columns), row.end))
        elif not number and entries:  # a row split across a page break
            entry = entries[-1]
            entry.measure.append(measure)
            entry.row_end = row.end
            start, end = _narrative(row, columns)
            if end > start:
                entry.narrative = (entry.narrative[0] if entry.narrative[1] > entry.narrative[0] else start, end)
    return entries


def table_segmentation(document: Document) -> Segmentation | None:
    """Sections of a table-form report or plan, one per numbered row, or None without such a table.

    Args:
        document: the normalized document.

    Returns:
        The preamble (text before the first row, if any), a section per numbered row of every table
        under a heading row, and the text after the last row (if any) as a section without items;
        None when the text holds no table with a heading row and a numbered row.
    """
    text = document.text
    entries = _entries(text, find_rows(text))
    if not entries:
        return None
    sections: list[Section] = []
    first = entries[0].row.start
    if text[:first].strip():
        sections.append(Section(0, [], "", 0, 0, 0, first))
    for entry in entries:
        start, end = entry.narrative
        commitment = one_line(" ".join(part for part in entry.measure if part))
        sections.append(Section(len(sections), [entry.item], commitment, *entry.heading, start, end))
    last = entries[-1]
    after = text.find("\n", last.row_end)
    if after >= 0 and text[after:].strip():  # the text after the table: no item's
        sections.append(Section(len(sections), [], "", after, after, after, len(text)))
    return Segmentation(sections)
