"""HTML for Jupyter: a report's text with its sections and extracted mentions highlighted
(displaCy-style), and the tables underneath.

Self-contained: inline CSS, no scripts, no fonts or files fetched; every piece of text is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

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
