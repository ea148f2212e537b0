"""How readers write a table into the text: one line per row, cells between ``│`` bars.

A table row becomes one line ``│ 1 │ Tədbirin adı … │ İcraçı … │ 2022-ci il │ Görülmüş işlər … │``
(U+2502 BOX DRAWINGS LIGHT VERTICAL, with a space on each side), and rows are kept apart by a
blank line. The normalizer keeps that layout as it is (a line ending in ``│`` never continues a
sentence, so the blank line stays a paragraph break, and nothing inside a line moves), so
:mod:`reportparse.structure.table_sections` finds every row and every cell's span in the
normalized text. A cell's own line and paragraph breaks become spaces; a ``│`` written inside a
cell becomes ``|``, so that a bar always separates cells. Merged cells keep the grid: a cell
spanning three columns is followed by two empty cells, the lower parts of a vertically merged
cell are empty cells.
"""

from __future__ import annotations

from collections.abc import Iterable

CELL_SEPARATOR = "│"
"""Separates the cells of a table row in the text (the structure layer has the same constant)."""


def row_line(cells: Iterable[str]) -> str:
    """One table row as a line of text (no line break at its end).

    Args:
        cells: the cells' text, in column order (line breaks allowed: they become spaces).

    Returns:
        ``│ cell │ cell │``: every cell on one line, whitespace runs collapsed.
    """
    parts = [" ".join(cell.replace(CELL_SEPARATOR, "|").split()) for cell in cells]
    return f"{CELL_SEPARATOR} " + f" {CELL_SEPARATOR} ".join(parts) + f" {CELL_SEPARATOR}"
