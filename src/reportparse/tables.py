"""Documents → pandas DataFrames. The column contract of ../shared/spec/tables.md lives here.

Required columns come first, in the order of the contract; extra columns follow. Later
stages (sections, dates, organizations, ...) add their tables here.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .document import Document

DOCUMENT_COLUMNS = (
    "doc_id", "path", "title", "organization", "year", "period_start", "period_end",
    "n_pages", "n_sections",
)
"""Required columns of documents.csv, in order."""

DOCUMENT_EXTRA_COLUMNS = ("format", "extractor", "sha256", "n_chars", "n_words", "scanned", "warnings")
"""Extra columns of documents.csv: how the text was obtained and how much there is."""

MENTION_COLUMNS = ("doc_id", "item", "text", "start", "end")
"""Columns every mention table starts with."""

TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": DOCUMENT_COLUMNS,
    "sections": ("doc_id", "item", "commitment", "text", "start", "end", "page"),
    "dates": MENTION_COLUMNS + ("date_start", "date_end", "granularity", "kind", "year_inferred"),
    "organizations": MENTION_COLUMNS + ("name", "org_id", "type"),
    "counts": MENTION_COLUMNS + ("value", "unit", "counted", "qualifier", "kind"),
    "references": MENTION_COLUMNS + ("kind", "act_type", "number", "date", "target_item"),
}
"""Required columns of every per-document table, in the contract's order."""

MENTION_TABLES = ("dates", "organizations", "counts", "references")
"""Tables with one row per mention in the text."""


def empty_table(name: str) -> pd.DataFrame:
    """A table with its required columns and no rows (for stages not run or not built yet)."""
    return pd.DataFrame(columns=list(TABLE_COLUMNS[name]))

TITLE_MAX_CHARS = 300


def document_title(document: Document) -> str:
    """The document's first paragraph (at most :data:`TITLE_MAX_CHARS` characters).

    The text, not the PDF metadata: official PDFs often carry another act's Title.
    """
    first = document.text.lstrip().split("\n\n", 1)[0].replace("\n", " ").strip()
    if len(first) > TITLE_MAX_CHARS:
        first = first[:TITLE_MAX_CHARS].rsplit(" ", 1)[0] + "…"
    return first


def document_row(document: Document) -> dict[str, object]:
    """One documents.csv row; fields that later stages fill (organization, year, ...) are empty."""
    return {
        "doc_id": document.doc_id,
        "path": document.source or "",
        "title": document_title(document),
        "organization": "",
        "year": pd.NA,
        "period_start": "",
        "period_end": "",
        "n_pages": len(document.pages),
        "n_sections": pd.NA,
        "format": document.raw.format,
        "extractor": document.raw.extractor,
        "sha256": document.raw.sha256,
        "n_chars": len(document.text),
        "n_words": len(document.text.split()),
        "scanned": document.scanned,
        "warnings": "; ".join(document.raw.warnings),
    }


def documents_table(documents: Iterable[Document]) -> pd.DataFrame:
    """The documents table: one row per document.

    Args:
        documents: normalized documents.

    Returns:
        A DataFrame with :data:`DOCUMENT_COLUMNS` then :data:`DOCUMENT_EXTRA_COLUMNS`.
    """
    frame = pd.DataFrame([document_row(d) for d in documents], columns=DOCUMENT_COLUMNS + DOCUMENT_EXTRA_COLUMNS)
    return frame.astype({"year": "Int64", "n_pages": "Int64", "n_sections": "Int64", "n_chars": "Int64", "n_words": "Int64"})
