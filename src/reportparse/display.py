"""Views of the tables: HTML for Jupyter (a report's text with its sections and extracted
mentions highlighted, displaCy-style, and the tables underneath) and the terminal view of
``reportparse show`` (:func:`print_report`, with rich, fitted to the terminal's width).

The HTML is self-contained: inline CSS, no scripts, no fonts or files fetched; every piece of
text is escaped. rich is imported only when the terminal view is drawn.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from reportparse.batch.progress import printable
from reportparse.document import Document
from reportparse.tables.schema import (
    COUNTS,
    DATES,
    DOCUMENTS,
    ERRORS,
    MENTION_TABLES,
    ORGANIZATIONS,
    REFERENCES,
    SECTIONS,
)

MAX_CHARS = 30_000
"""Characters of text shown; the tables underneath always cover the whole document."""

MAX_ROWS = 50
MAX_CELL = 120

COLORS = {"date": "#bfe1d9", "organization": "#7aecec", "count": "#e4e7d2", "reference": "#feca74"}
"""Highlight colour per kind of mention (a mention table without one is shown in grey)."""

_KIND_OF_TABLE = {DATES: "date", ORGANIZATIONS: "organization", COUNTS: "count", REFERENCES: "reference"}
_LABELS = {"date": "date", "organization": "org", "count": "count", "reference": "ref"}
_OTHER_COLOR = "#dddddd"

_STYLE = """
.rp-report{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;line-height:1.6;max-width:60em}
.rp-report .rp-meta{color:#555;font-size:.9em;margin:.2em 0 .6em}
.rp-report .rp-legend mark{margin-right:.5em}
.rp-report .rp-text{white-space:pre-wrap;border:1px solid #ddd;border-radius:4px;padding:.5em .8em;
  max-height:36em;overflow-y:auto}
.rp-report .rp-section{border-left:3px solid #999;padding-left:.6em;margin:.4em 0}
.rp-report .rp-item{display:inline-block;font-size:.75em;font-weight:bold;color:#fff;background:#666;
  border-radius:3px;padding:0 .4em;margin-right:.4em}
.rp-report .rp-heading{font-weight:bold}
.rp-report mark{color:#000;padding:.1em .25em;border-radius:.3em;line-height:1.9}
.rp-report .rp-label{font-size:.6em;font-weight:bold;text-transform:uppercase;margin-left:.3em;vertical-align:middle}
.rp-report details{margin-top:.5em}
.rp-report table{font-size:.85em}
"""


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: str
    title: str


def _cell(value: object) -> str:
    missing = value is None or (not isinstance(value, str) and bool(pd.isna(value)))  # type: ignore[call-overload]
    return "" if missing else str(value)


def _title(kind: str, row: pd.Series) -> str:
    if kind == "date":
        start, end = _cell(row.get("date_start")), _cell(row.get("date_end"))
        return start if start == end else f"{start} – {end}"
    if kind == "organization":
        return _cell(row.get("name"))
    if kind == "count":
        return " ".join(filter(None, (_cell(row.get("value")), _cell(row.get("unit")), _cell(row.get("counted")))))
    if kind != "reference":
        return _cell(row.get("kind"))
    return " ".join(filter(None, (_cell(row.get(key)) for key in ("kind", "act_type", "number", "target_item"))))


def mention_spans(tables: Mapping[str, pd.DataFrame]) -> list[_Span]:
    """Every mention of the mention tables (:data:`reportparse.tables.schema.MENTION_TABLES`), as
    spans to highlight, outer spans first."""
    spans = []
    for table in MENTION_TABLES:
        kind, frame = _KIND_OF_TABLE.get(table, table), tables.get(table)
        if frame is None:
            continue
        for _, row in frame.iterrows():
            spans.append(_Span(int(row["start"]), int(row["end"]), kind, _title(kind, row)))
    return sorted(spans, key=lambda span: (span.start, -span.end))


def _open(span: _Span) -> str:
    title = f' title="{html.escape(span.title)}"' if span.title else ""
    return f'<mark class="rp-{span.kind}" style="background:{COLORS.get(span.kind, _OTHER_COLOR)}"{title}>'


def _close(span: _Span) -> str:
    return f'<span class="rp-label">{_LABELS.get(span.kind, span.kind)}</span></mark>'


def highlight(text: str, start: int, end: int, spans: Iterable[_Span]) -> str:
    """HTML of ``text[start:end]`` with nested ``<mark>`` elements for the spans inside it.

    A span crossing the end of an enclosing one is cut at that end, so the HTML stays nested.
    """
    out: list[str] = []
    stack: list[tuple[_Span, int]] = []
    position = start

    def emit(until: int) -> None:
        nonlocal position
        if until > position:
            out.append(html.escape(text[position:until]))
            position = until

    for span in spans:
        if span.end <= start or span.start >= end or span.end <= span.start:
            continue
        span_start, span_end = max(span.start, start), min(span.end, end)
        while stack and stack[-1][1] <= span_start:
            emit(stack[-1][1])
            out.append(_close(stack.pop()[0]))
        if stack:
            span_end = min(span_end, stack[-1][1])
        if span_end <= span_start:
            continue
        emit(span_start)
        out.append(_open(span))
        stack.append((span, span_end))
    while stack:
        emit(stack[-1][1])
        out.append(_close(stack.pop()[0]))
    emit(end)
    return "".join(out)


def _table_html(name: str, frame: pd.DataFrame, *, open_: bool = False) -> str:
    shown = frame.head(MAX_ROWS).copy()
    for column in shown.columns:
        if pd.api.types.is_string_dtype(shown[column]) or shown[column].dtype == object:
            shown[column] = shown[column].map(
                lambda value: value if not isinstance(value, str) or len(value) <= MAX_CELL else value[:MAX_CELL] + "…"
            )
    more = f", first {MAX_ROWS} shown" if len(frame) > MAX_ROWS else ""
    body = shown.to_html(index=False, escape=True, na_rep="", border=0) if len(frame) else "<p>(no rows)</p>"
    return (
        f"<details{' open' if open_ else ''}><summary><b>{html.escape(name)}</b> "
        f"({len(frame)} rows{more})</summary>{body}</details>"
    )


def _legend() -> str:
    return (
        '<div class="rp-legend">'
        + "".join(f'<mark style="background:{color}">{kind}</mark>' for kind, color in COLORS.items())
        + "</div>"
    )


def report_html(document: Document, tables: Mapping[str, pd.DataFrame]) -> str:
    """The HTML of one report (:class:`~reportparse.api.Report`): its text with the sections and
    mentions highlighted, and its tables."""
    text, limit = document.text, min(len(document.text), MAX_CHARS)
    meta = tables[DOCUMENTS].iloc[0] if len(tables[DOCUMENTS]) else pd.Series(dtype=object)
    facts = [
        f"doc_id {document.doc_id}",
        f"{len(document.pages)} page(s)",
        _cell(meta.get("organization")),
        _cell(meta.get("year")),
        document.source or "",
    ]
    spans = mention_spans(tables)
    sections = tables[SECTIONS].drop_duplicates("section").sort_values("heading_start")
    blocks = []
    for index, (_, row) in enumerate(sections.iterrows()):
        block_start = 0 if index == 0 else int(row["heading_start"])
        following = sections["heading_start"].iloc[index + 1] if index + 1 < len(sections) else len(text)
        block_end = min(int(following), limit)
        if block_start >= limit:
            break
        heading_start, heading_end = int(row["heading_start"]), int(row["heading_end"])
        label = (
            f'<span class="rp-item">{html.escape("bənd " + row["items"].replace(";", ", "))}</span>'
            if row["items"]
            else ""
        )
        if heading_end > heading_start:
            heading = highlight(text, heading_start, min(heading_end, block_end), spans)
            body = (
                highlight(text, block_start, heading_start, spans)
                + f'<span class="rp-heading">{heading}</span>'
                + highlight(text, min(heading_end, block_end), block_end, spans)
            )
        else:
            body = highlight(text, block_start, block_end, spans)
        blocks.append(f'<div class="rp-section">{label}{body}</div>')
    if not blocks:
        blocks.append(highlight(text, 0, limit, spans))
    cut = (
        (
            f'<p class="rp-meta">Showing the first {limit:,} of {len(text):,} characters; the tables cover the whole '
            "document.</p>"
        )
        if limit < len(text)
        else ""
    )
    parts = [
        f"<style>{_STYLE}</style>",
        f"<h3>{html.escape(_cell(meta.get('title')) or 'Report')}</h3>",
        f'<div class="rp-meta">{html.escape(" · ".join(filter(None, facts)))}</div>',
        _legend(),
        f'<div class="rp-text">{"".join(blocks)}</div>',
        cut,
        *(_table_html(name, frame, open_=name == SECTIONS) for name, frame in tables.items()),
    ]
    return f'<div class="rp-report">{"".join(parts)}</div>'


def corpus_html(tables: Mapping[str, pd.DataFrame], errors: pd.DataFrame) -> str:
    """The HTML of a set of reports (:class:`~reportparse.api.Corpus`): the counts, the documents,
    the failures."""
    counts = ", ".join(f"{len(frame)} {name}" for name, frame in tables.items() if name != DOCUMENTS)
    parts = [
        f"<style>{_STYLE}</style>",
        f"<h3>{len(tables[DOCUMENTS])} documents, {len(errors)} failed</h3>",
        f'<div class="rp-meta">{html.escape(counts)}</div>',
        _table_html(DOCUMENTS, tables[DOCUMENTS], open_=True),
        *(_table_html(name, frame) for name, frame in tables.items() if name != DOCUMENTS),
    ]
    if len(errors):
        parts.append(_table_html(ERRORS, errors, open_=True))
    return f'<div class="rp-report">{"".join(parts)}</div>'


# --- The terminal view (``reportparse show``, ``reportparse demo``) -------------------------------

TERMINAL_COLUMNS = {
    SECTIONS: ("item", "commitment", "text", "page"),
    DATES: ("item", "text", "date_start", "date_end", "granularity", "kind", "recurrence"),
    ORGANIZATIONS: ("item", "text", "name", "type"),
    COUNTS: ("item", "text", "value", "unit", "counted", "qualifier", "kind"),
    REFERENCES: ("item", "text", "kind", "act_type", "number", "date", "target_item"),
}
"""The columns a table shows by default in the terminal (``--table`` shows them all); a table
not listed shows every column but ``doc_id``."""

TERMINAL_ROWS = 20
"""Rows of each table shown by default in the terminal."""

TERMINAL_CELL = 160
"""Characters of a text cell shown in the terminal; longer ones end in ``…`` (and wrap within
their column)."""

_LONG_COLUMNS = frozenset({"text", "commitment", "name", "title", "heading", "chapter_title", "counted", "warnings"})
_WHITESPACE = re.compile(r"\s+")
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def terminal_cell(value: object, limit: int = TERMINAL_CELL) -> str:
    """A cell as the terminal shows it: missing values empty, dates as ISO days, whole floats
    without ``.0``, whitespace runs as one space, control characters escaped
    (:func:`~reportparse.batch.progress.printable`), at most ``limit`` characters.

    >>> terminal_cell(37.0), terminal_cell(pd.NA), terminal_cell(pd.Timestamp("2022-03-15"))
    ('37', '', '2022-03-15')
    >>> terminal_cell("15 mart\\n2022-ci il\\x1b[2J", limit=14)
    '15 mart 2022-…'
    """
    if isinstance(value, pd.Timestamp):
        text = value.date().isoformat() if value == value.normalize() else value.isoformat()
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = _cell(value)
    text = printable(_WHITESPACE.sub(" ", text).strip())
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + "…"


def _shown_columns(name: str, frame: pd.DataFrame, every: bool) -> list[str]:
    if every:
        return [column for column in frame.columns if column != "doc_id"]
    wanted = TERMINAL_COLUMNS.get(name)
    if wanted is None:
        return [column for column in frame.columns if column not in ("doc_id", "start", "end")]
    return [column for column in wanted if column in frame.columns]


def terminal_table(
    name: str,
    frame: pd.DataFrame,
    *,
    rows: int | None = TERMINAL_ROWS,
    every: bool = False,
    cell: int = TERMINAL_CELL,
    width: int | None = None,
) -> Any:
    """A :class:`rich.table.Table` of ``frame`` that rich fits to the console's width: the long
    text columns wrap (cut at ``cell`` characters), the short ones are cut with ``…``; too many
    columns for ``width``, one row after another.

    Args:
        name: the table's name (its title).
        frame: the rows.
        rows: at most this many rows (None: all); the title says how many are left out.
        every: every column (default: :data:`TERMINAL_COLUMNS`).
        cell: characters of a cell shown (:func:`terminal_cell`).
        width: the console's width: a table whose columns cannot fit in it is shown as records
            (a ``column  value`` line per field, a blank line between rows).
    """
    from rich import box
    from rich.table import Table
    from rich.text import Text

    columns = _shown_columns(name, frame, every)
    shown = frame if rows is None else frame.head(rows)
    cells = {column: [terminal_cell(value, cell) for value in shown[column]] for column in columns}
    if not every:  # the overview leaves out the columns empty in every row shown
        columns = [column for column in columns if any(cells[column])] or columns
    more = f", first {len(shown)} shown: --table {name} for all" if len(shown) < len(frame) else ""
    title = Text(f"{name} ({len(frame)} rows{more})", style="bold")
    minimum = {column: _minimum_width(column, cells[column]) for column in columns}
    if width is not None and sum(minimum.values()) + 2 * len(columns) - 2 > width:
        return _records(title, columns, cells)
    table = Table(
        title=title,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_lines=name == SECTIONS,
        pad_edge=False,
        collapse_padding=True,
    )
    natural = sum(max([len(column), *map(len, cells[column])]) for column in columns) + 2 * len(columns) - 2
    squeeze = width is not None and natural > width  # then short columns take their minimum, headers cut with …
    for column in columns:
        if column in _LONG_COLUMNS:  # wraps; rich narrows these first when the table is too wide
            table.add_column(column, overflow="fold", min_width=minimum[column])
        else:  # short values (kinds, items) kept whole up to 8 characters, ISO dates whole; else cut with …
            table.add_column(
                column,
                overflow="ellipsis",
                no_wrap=True,
                min_width=minimum[column],
                max_width=minimum[column] if squeeze else None,
            )
    for values in zip(*(cells[column] for column in columns), strict=True):
        table.add_row(*map(Text, values))
    return table


def _minimum_width(column: str, values: list[str]) -> int:
    """The narrowest a column may get: a long text column 10, a short one its widest value up to 8
    characters (10 for ISO dates), and room for the start of its header."""
    if column in _LONG_COLUMNS:
        return 10
    present = [value for value in values if value]
    keep = 10 if present and all(_ISO_DAY.fullmatch(value) for value in present) else 8
    return max(min(max(map(len, present), default=1), keep), min(len(column), 6))


def _records(title: Any, columns: list[str], cells: dict[str, list[str]]) -> Any:
    """A table too wide for the terminal, one row after another: a ``column  value`` line per
    field, a blank line between rows."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, title_justify="left", box=box.SIMPLE, show_header=False, pad_edge=False)
    table.add_column(style="bold", no_wrap=True, overflow="ellipsis", max_width=16)
    table.add_column(overflow="fold")
    rows = list(zip(*(cells[column] for column in columns), strict=True))
    for index, values in enumerate(rows):
        for position, (column, value) in enumerate(zip(columns, values, strict=True)):
            table.add_row(column, Text(value), end_section=position == len(columns) - 1 and index < len(rows) - 1)
    return table


def report_facts(meta: Mapping[str, object]) -> Any:
    """The metadata block of one report: its title, then one line per fact that has a value."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column(overflow="fold")
    for label, value in meta.items():
        if label != "title" and terminal_cell(value, limit=400):
            facts.add_row(label, Text(terminal_cell(value, limit=400)))
    title = terminal_cell(meta.get("title"), limit=400) or "(no title found)"
    return Group(Text(title, style="bold"), facts)


def print_report(
    meta: Mapping[str, object],
    tables: Mapping[str, pd.DataFrame],
    *,
    console: Any = None,
    table: str | None = None,
    rows: int | None = TERMINAL_ROWS,
) -> None:
    """Print one report for the terminal: its metadata, then its sections and mention tables
    (or only ``table``, with every column and row), fitted to the console's width.

    Args:
        meta: label → value (title, organization, year, period, …); empty values are left out.
        tables: table name → DataFrame, one document's rows.
        console: a :class:`rich.console.Console` (default: standard output, its width the
            terminal's, or ``COLUMNS``).
        table: only this table (a key of ``tables``).
        rows: rows per table (None: all; with ``table``, all unless given).

    Raises:
        KeyError: ``table`` is not one of ``tables``.
    """
    from rich.console import Console

    console = console if console is not None else Console(highlight=False)
    if table is not None:
        if table not in tables:
            raise KeyError(f"no table {table!r}; choose one of {', '.join(tables)}")
        console.print(terminal_table(table, tables[table], rows=rows, every=True, width=console.width))
        return
    console.print(report_facts(meta))
    cell = min(TERMINAL_CELL, max(console.width, 40))  # the overview: about two lines of a wide column
    for name, frame in tables.items():
        if name == DOCUMENTS:
            continue
        console.print()
        if len(frame):
            console.print(terminal_table(name, frame, rows=rows, cell=cell, width=console.width))
        else:
            console.print(f"[bold]{name}[/bold] (no rows)")
