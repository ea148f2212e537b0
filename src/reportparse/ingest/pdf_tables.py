"""Ruled tables of table-form reports and plans in PDFs, written one row per line (:mod:`.table_layout`).

Looking for tables costs: pdfplumber (pdfminer in pure Python) takes 0.1–2 s a page. So a page
is looked at only when it passes two cheap tests, in order:

1. its text (already extracted by the engine) names the columns of a table-form heading row —
   a measure label and an executor, deadline or execution label
   (:func:`reportparse.lang.az.plan_labels.names_table_columns`) — or it follows a page whose
   table was read (a table continued without its heading row);
2. PDFium counts at least :data:`MIN_PATHS` path objects on it (cell borders are lines or
   rectangles; prose has none or a few).

pdfplumber's table finder (``lines`` strategy: ruled cells) then gives the cells. A table is
written as rows only when its first row is a heading row naming those columns, or when it
continues, at the top of the page, a table of the same number of columns read on the page
before; a page with such a table becomes its text above the first table, each table's rows,
and the text between and below them (pdfplumber's text of those regions, so running headers
and footers stay at the page's edges and are found as furniture). Every other page keeps the
engine's text: a legal code's boxed notes or a statistics table stay as they were.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from reportparse.ingest.table_layout import row_line
from reportparse.lang.az.plan_labels import heading_row_columns, names_table_columns

MIN_PATHS = 8
"""Path objects a page needs before pdfplumber looks for a table on it."""

_WRAPPED_HYPHEN = re.compile(r"(?<=\w)-\n(?=\w)")
_TOP_SLACK = 0.2  # a continued table starts in the top fifth of the page (below a running header)


def _has_paths(document: pdfium.PdfDocument, index: int) -> bool:
    """True when page ``index`` has at least :data:`MIN_PATHS` path objects (stops counting there)."""
    page = document[index]
    try:
        paths = 0
        for _object in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=2):
            paths += 1
            if paths >= MIN_PATHS:
                return True
        return False
    finally:
        page.close()


def _cell(text: str | None) -> str:
    return _WRAPPED_HYPHEN.sub("-", text or "")


def _region_text(page, top: float, bottom: float) -> str:
    """pdfplumber's text of the full-width band of ``page`` between ``top`` and ``bottom``."""
    if bottom - top < 1:
        return ""
    return page.crop((0, top, page.width, bottom), strict=False).extract_text() or ""


def _kept_tables(page, continued_width: int | None) -> list[tuple[float, float, list[list[str]]]]:
    """(top, bottom, rows) of the page's tables of a table-form report, top to bottom: those
    under a heading row, and a first table continuing one of ``continued_width`` columns."""
    kept: list[tuple[float, float, list[list[str]]]] = []
    for table in sorted(page.find_tables(), key=lambda found: found.bbox[1]):
        rows = [[_cell(cell) for cell in row] for row in table.extract()]
        if not rows or len(rows[0]) < 2:
            continue
        _x0, top, _x1, bottom = table.bbox
        heading = bool(heading_row_columns(rows[0]))
        continues = not kept and continued_width == len(rows[0]) and top < _TOP_SLACK * float(page.height)
        if heading or continues:
            kept.append((top, bottom, rows))
    return kept


def _page_text(page, continued_width: int | None) -> tuple[str | None, int | None]:
    """The page's text with its table-form tables one row per line (None: no such table), and
    the column count of the table that ends the page (None: it ends in text)."""
    tables = _kept_tables(page, continued_width)
    if not tables:
        return None, None
    parts, position = [], 0.0
    for top, bottom, rows in tables:
        above = _region_text(page, position, top)
        if above.strip():
            parts.append(above.strip("\n"))
        parts.append("\n\n".join(row_line(row) for row in rows))
        position = max(position, bottom)
    below = _region_text(page, position, float(page.height))
    # text below the last table other than a footer line ends the table
    ends_in_table = len([line for line in below.splitlines() if line.strip()]) <= 1
    if below.strip():
        parts.append(below.strip("\n"))
    # a line break at both ends: with the page separator it makes a blank line, so that a row
    # never runs into the next page's first line (or the previous page's last)
    return "\n" + "\n\n".join(parts) + "\n", len(tables[-1][2][0]) if ends_in_table else None


def table_texts(
    document: pdfium.PdfDocument, data: bytes, password: str | None, texts: Sequence[str]
) -> dict[int, str]:
    """The text of each page that holds a table of a table-form report or plan, its rows one per line.

    Args:
        document: the open PDF (to count path objects).
        data: the PDF's bytes (for pdfplumber).
        password: for an encrypted PDF.
        texts: the engine's text of every page (to test for heading labels).

    Returns:
        Page index → text, for the pages whose tables were read; no entry for the others.
    """
    labelled = [names_table_columns(text) for text in texts]
    ruled = {index: _has_paths(document, index) for index, named in enumerate(labelled) if named}
    if not any(ruled.values()):  # no table can start: pdfplumber need not open the file
        return {}
    import pdfplumber  # imported lazily: pdfminer is slow to import and only table pages need it

    def has_paths(index: int) -> bool:
        if index not in ruled:
            ruled[index] = _has_paths(document, index)
        return ruled[index]

    found: dict[int, str] = {}
    continued_width: int | None = None
    with pdfplumber.open(io.BytesIO(data), password=password or "") as pdf:
        for index, text in enumerate(texts):
            if not (labelled[index] or continued_width) or not has_paths(index):
                continued_width = None
                continue
            page = pdf.pages[index]
            page_text, continued_width = _page_text(page, continued_width)
            page.close()
            if page_text is not None and text.strip():
                found[index] = page_text
    return found
