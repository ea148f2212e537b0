"""Documents → pandas DataFrames. The column contract of ../shared/spec/tables.md lives here.

Required columns come first, in the order of the contract; extra columns follow. Later
stages (sections, dates, organizations, ...) add their tables here.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd

from reportparse.document import Document
from reportparse.extract.metadata import Metadata, extract_metadata
from reportparse.extract.organizations import org_key
from reportparse.structure.segment import Segmentation, segment

DOCUMENT_COLUMNS = (
    "doc_id",
    "path",
    "title",
    "organization",
    "year",
    "period_start",
    "period_end",
    "n_pages",
    "n_sections",
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


SECTION_EXTRA_COLUMNS = ("section", "items", "heading", "heading_start", "heading_end")
"""Extra columns of sections.csv: ``section`` numbers the sections of a document (0 is the
preamble when there is one); a heading for several items gives one row per item, all with the
same ``section``, and ``items`` lists them all (``2;43;44``)."""


def document_row(document: Document, segmentation: Segmentation, metadata: Metadata) -> dict[str, object]:
    """One documents.csv row."""
    return {
        "doc_id": document.doc_id,
        "path": document.source or "",
        "title": metadata.title,
        "organization": metadata.organization,
        "year": metadata.year if metadata.year is not None else pd.NA,
        "period_start": metadata.period_start,
        "period_end": metadata.period_end,
        "n_pages": len(document.pages),
        "n_sections": len(segmentation.headed),
        "format": document.raw.format,
        "extractor": document.raw.extractor,
        "sha256": document.raw.sha256,
        "n_chars": len(document.text),
        "n_words": len(document.text.split()),
        "scanned": document.scanned,
        "warnings": "; ".join(document.raw.warnings + tuple(segmentation.warnings)),
    }


def documents_frame(rows: Iterable[dict[str, object]]) -> pd.DataFrame:
    """Rows of documents.csv as a DataFrame with the contract's column order and dtypes."""
    frame = pd.DataFrame(list(rows), columns=DOCUMENT_COLUMNS + DOCUMENT_EXTRA_COLUMNS)
    return frame.astype(
        {"year": "Int64", "n_pages": "Int64", "n_sections": "Int64", "n_chars": "Int64", "n_words": "Int64"}
    )


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sections_table(document: Document, segmentation: Segmentation) -> pd.DataFrame:
    """sections.csv of one document: a row per item (the preamble has an empty item).

    ``start``/``end``/``text`` are the execution narrative after the heading (whitespace
    trimmed); the heading itself is in ``heading``/``heading_start``/``heading_end``.
    """
    text, rows = document.text, []
    for section in segmentation.sections:
        start, end = _strip(text, section.start, section.end)
        shared = {
            "doc_id": document.doc_id,
            "commitment": section.commitment,
            "text": text[start:end],
            "start": start,
            "end": end,
            "page": document.page_at(section.heading_start),
            "section": section.index,
            "items": ";".join(section.items),
            "heading": text[section.heading_start : section.heading_end],
            "heading_start": section.heading_start,
            "heading_end": section.heading_end,
        }
        rows += [{"item": item, **shared} for item in section.items or [""]]
    return pd.DataFrame(rows, columns=list(TABLE_COLUMNS["sections"] + SECTION_EXTRA_COLUMNS))


def documents_table(documents: Iterable[Document], *, year: int | None = None) -> pd.DataFrame:
    """The documents table: one row per document.

    Args:
        documents: normalized documents.
        year: the reporting year of every document, when known better than the titles say.

    Returns:
        A DataFrame with :data:`DOCUMENT_COLUMNS` then :data:`DOCUMENT_EXTRA_COLUMNS`.
    """
    rows = []
    for document in documents:
        segmentation = segment(document)
        rows.append(document_row(document, segmentation, extract_metadata(document, segmentation, year=year)))
    return documents_frame(rows)


def dates_table(document: Document, mentions: Iterable, sections: pd.DataFrame) -> pd.DataFrame:
    """dates.csv of one document from date mentions (see :mod:`reportparse.extract.dates`)."""
    item_of = item_lookup(sections)
    rows = [
        {
            "doc_id": document.doc_id,
            "item": item_of(m.start),
            "text": document.text[m.start : m.end],
            "start": m.start,
            "end": m.end,
            "date_start": m.date_start.isoformat() if m.date_start else "",
            "date_end": m.date_end.isoformat() if m.date_end else "",
            "granularity": m.granularity,
            "kind": m.kind,
            "year_inferred": m.year_inferred,
        }
        for m in mentions
    ]
    return pd.DataFrame(rows, columns=list(TABLE_COLUMNS["dates"]))


ORGANIZATION_EXTRA_COLUMNS = ("parent", "parent_id", "anaphoric", "source")
"""Extra columns of organizations.csv: the body a mention is attached to (``X yanında Y``, a
unit of a body in the genitive) and its id; ``anaphoric`` marks bare heads (``Xidmətin``)
linked to the body they stand for (filter them out with ``df[~df.anaphoric]``); ``source`` is
``rules`` or ``model``."""

ENTITY_COLUMNS = ("org_id", "name", "type", "aliases", "n_mentions", "n_documents")
"""Columns of entities.csv: one row per organization across a document set."""


def organizations_table(document: Document, mentions: Iterable, sections: pd.DataFrame) -> pd.DataFrame:
    """organizations.csv of one document from organization mentions (see
    :mod:`reportparse.extract.organizations`)."""
    item_of = item_lookup(sections)
    rows = [
        {
            "doc_id": document.doc_id,
            "item": item_of(m.start),
            "text": document.text[m.start : m.end],
            "start": m.start,
            "end": m.end,
            "name": m.name,
            "org_id": m.key,
            "type": m.type,
            "parent": m.parent,
            "parent_id": org_key(m.parent) if m.parent else "",
            "anaphoric": m.anaphoric,
            "source": m.source,
        }
        for m in mentions
    ]
    return pd.DataFrame(rows, columns=list(TABLE_COLUMNS["organizations"] + ORGANIZATION_EXTRA_COLUMNS))


def counts_table(document: Document, mentions: Iterable, sections: pd.DataFrame) -> pd.DataFrame:
    """counts.csv of one document from count mentions (see :mod:`reportparse.extract.counts`).

    ``value`` keeps integers as integers (``2500``) and decimals as written (``20.0``), so the
    column has dtype object; ``kind`` is ``count``, ``money``, ``percent`` or ``duration``.
    """
    item_of = item_lookup(sections)
    rows = [
        {
            "doc_id": document.doc_id,
            "item": item_of(m.start),
            "text": document.text[m.start : m.end],
            "start": m.start,
            "end": m.end,
            "value": m.value,
            "unit": m.unit,
            "counted": m.counted,
            "qualifier": m.qualifier,
            "kind": m.kind,
        }
        for m in mentions
    ]
    frame = pd.DataFrame(rows, columns=list(TABLE_COLUMNS["counts"]))
    return frame.astype({"value": object})


REFERENCE_EXTRA_COLUMNS = ("issuer", "title")
"""Extra columns of references.csv: an act's issuer and quoted title as written (whitespace
normalized), empty when the text gives none."""


def references_table(document: Document, mentions: Iterable, sections: pd.DataFrame) -> pd.DataFrame:
    """references.csv of one document (see :mod:`reportparse.extract.references`)."""
    item_of = item_lookup(sections)
    rows = [
        {
            "doc_id": document.doc_id,
            "item": item_of(m.start),
            "text": document.text[m.start : m.end],
            "start": m.start,
            "end": m.end,
            "kind": m.kind,
            "act_type": m.act_type,
            "number": m.number,
            "date": m.date,
            "target_item": m.target_item,
            "issuer": m.issuer,
            "title": m.title,
        }
        for m in mentions
    ]
    return pd.DataFrame(rows, columns=list(TABLE_COLUMNS["references"] + REFERENCE_EXTRA_COLUMNS))


def entities_table(organizations: pd.DataFrame) -> pd.DataFrame:
    """One row per organization (``org_id``) of an organizations table (of one or many documents).

    Args:
        organizations: rows of organizations.csv.

    Returns:
        ``org_id``, ``name``, ``type``, ``aliases`` (the distinct surfaces, ``; ``-joined, in
        order of first appearance), ``n_mentions``, ``n_documents``; most mentioned first, then by id.
    """
    if organizations.empty:
        return pd.DataFrame(columns=list(ENTITY_COLUMNS))
    rows = []
    for org_id, group in organizations.groupby("org_id", sort=True):
        surfaces = list(dict.fromkeys(" ".join(str(t).split()) for t in group["text"]))
        rows.append(
            {
                "org_id": org_id,
                "name": group["name"].mode().iloc[0],
                "type": group["type"].mode().iloc[0],
                "aliases": "; ".join(surfaces),
                "n_mentions": len(group),
                "n_documents": group["doc_id"].nunique(),
            }
        )
    frame = pd.DataFrame(rows, columns=list(ENTITY_COLUMNS))
    return frame.sort_values(["n_mentions", "org_id"], ascending=[False, True], kind="stable").reset_index(drop=True)


def item_lookup(sections: pd.DataFrame) -> Callable[[int], str]:
    """offset → the item(s) (``;``-joined) of the section holding it; "" outside every item."""
    # Rows of a section are adjacent: its first row carries the heading start (plain numpy, as
    # this runs for every table of every document).
    section = sections["section"].to_numpy()
    first = np.ones(len(section), dtype=bool)
    first[1:] = section[1:] != section[:-1]
    starts = [int(start) for start in sections["heading_start"].to_numpy()[first]]
    items = [str(value) for value in sections["items"].to_numpy()[first]]

    def item_of(offset: int) -> str:
        index = bisect.bisect_right(starts, offset) - 1
        return items[index] if index >= 0 else ""

    return item_of
