"""Mentions → table rows, and rows → pandas DataFrames with the columns and dtypes of :mod:`.schema`.

Required columns come first, in the order of the contract (../shared/spec/tables.md); extra
columns follow. Every row carries its ``item``: the section of the document holding it.

Parsing builds each document table as :class:`Rows` (plain dicts) held by a
:class:`~reportparse.tables.tableset.TableSet`, which makes a DataFrame of a table when it is
first looked up: a parse never imports pandas, and a batch joins the rows of many documents
before making one frame of them.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from reportparse.document import Document
from reportparse.extract.metadata import Metadata, extract_metadata
from reportparse.extract.organizations import org_key
from reportparse.ingest.ocr import ocr_page_numbers
from reportparse.structure.segment import Segmentation, segment
from reportparse.tables.names import escape_text, has_surrogates
from reportparse.tables.schema import (
    COUNTS,
    DATES,
    DOCUMENTS,
    ENTITIES,
    EVENTS,
    ORGANIZATIONS,
    REFERENCES,
    SECTIONS,
    TABLES,
    pandas_dtypes,
)

if TYPE_CHECKING:
    import pandas as pd


def columns(name: str) -> list[str]:
    """Every column of a table, in order: the contract's, then the extra ones (see :mod:`.schema`)."""
    return list(TABLES[name].names)


def typed(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """A built table with the pandas dtypes of its schema (:func:`.schema.pandas_dtypes`)."""
    return frame.astype(pandas_dtypes(name))


def empty_table(name: str) -> pd.DataFrame:
    """A table with its columns and no rows (for stages not run)."""
    prototype = _EMPTY.get(name)
    if prototype is None:
        import pandas as pd

        prototype = _EMPTY[name] = typed(name, pd.DataFrame(columns=columns(name)))
    return prototype.copy()


_EMPTY: dict[str, pd.DataFrame] = {}
"""One empty frame per table, copied (building one costs 30 times a copy)."""


def frame(name: str, rows: list[dict[str, object]], *, objects: tuple[str, ...] = ()) -> pd.DataFrame:
    """The rows of a table (dicts holding every column) as a DataFrame with its columns in order
    and its dtypes: built column by column, each typed as it is made (the same frame as
    ``typed(name, pd.DataFrame(rows, columns=columns(name)))``, without a second pass); the
    ``objects`` columns hold each value as it is (``object`` dtype: an int stays an int beside a float)."""
    if not rows:
        table = empty_table(name)
        return table.astype(dict.fromkeys(objects, object)) if objects else table
    import numpy as np
    import pandas as pd

    names, dtypes = columns(name), pandas_dtypes(name)
    data: dict[str, object] = {}
    for column in names:
        values = [row[column] for row in rows]
        if column in dtypes:
            data[column] = pd.array(values, dtype=dtypes[column])  # type: ignore[call-overload]
        elif column in objects:  # each value as it is: 2500 stays an int beside 20.0
            held = np.empty(len(values), dtype=object)
            held[:] = values
            data[column] = held
        else:
            data[column] = values
    return pd.DataFrame(data, columns=names)


class Rows:
    """One table of one document as rows (dicts holding every column), before it is a DataFrame.

    Args:
        name: the table.
        rows: its rows, in order.
        objects: columns kept as ``object`` (see :func:`frame`).
    """

    __slots__ = ("name", "rows", "objects")

    def __init__(self, name: str, rows: list[dict[str, object]], *, objects: tuple[str, ...] = ()) -> None:
        self.name, self.rows, self.objects = name, rows, objects

    def frame(self) -> pd.DataFrame:
        """The rows as a DataFrame (:func:`frame`)."""
        return frame(self.name, self.rows, objects=self.objects)

    def __len__(self) -> int:
        return len(self.rows)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rows, (self.name, self.rows, self.objects))


def _rows(name: str, rows: list[dict[str, object]], objects: tuple[str, ...]) -> Rows:
    return Rows(name, rows, objects=objects)


def joined(parts: list[Rows]) -> Rows:
    """The rows of several documents' copies of one table, as one (their frames, concatenated)."""
    name, objects = parts[0].name, parts[0].objects
    rows: list[dict[str, object]] = []
    for part in parts:
        if part.name != name or part.objects != objects:
            raise ValueError(f"cannot join rows of {part.name!r} to rows of {name!r}")
        rows += part.rows
    return Rows(name, rows, objects=objects)


def document_row(document: Document, segmentation: Segmentation, metadata: Metadata) -> dict[str, object]:
    """One documents.csv row."""
    return {
        "doc_id": document.doc_id,
        "path": escape_text(document.source or ""),  # a name that is not UTF-8 kept losslessly
        "title": metadata.title,
        "organization": metadata.organization,
        "year": metadata.year,  # None: missing (Int64)
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
        "ocr_pages": len(ocr_page_numbers(document.raw.metadata)),
        "warnings": _valid("; ".join(document.raw.warnings + tuple(segmentation.warnings))),
    }


def _valid(text: str) -> str:
    """Text a table can hold: a note quoting a file name that is not UTF-8 gets it escaped."""
    return escape_text(text) if has_surrogates(text) else text


def documents_frame(rows: Iterable[dict[str, object]]) -> pd.DataFrame:
    """Rows of documents.csv as a DataFrame with the contract's column order and dtypes."""
    return frame(DOCUMENTS, list(rows))


def documents_rows(rows: Iterable[dict[str, object]]) -> Rows:
    """Rows of documents.csv (:func:`document_row`)."""
    return Rows(DOCUMENTS, list(rows))


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sections_rows(document: Document, segmentation: Segmentation) -> Rows:
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
            "chapter": section.chapter,
            "chapter_title": section.chapter_title,
        }
        rows += [{"item": item, **shared} for item in section.items or [""]]
    return Rows(SECTIONS, rows)


def documents_table(documents: Iterable[Document], *, year: int | None = None) -> pd.DataFrame:
    """The documents table: one row per document.

    Args:
        documents: normalized documents.
        year: the reporting year of every document, when known better than the titles say.

    Returns:
        A DataFrame with the columns of the ``documents`` table (:mod:`.schema`).
    """
    rows = []
    for document in documents:
        segmentation = segment(document)
        rows.append(document_row(document, segmentation, extract_metadata(document, segmentation, year=year)))
    return documents_frame(rows)


def dates_rows(document: Document, mentions: Iterable, sections: Rows | pd.DataFrame) -> Rows:
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
            "recurrence": m.recurrence,
        }
        for m in mentions
    ]
    return Rows(DATES, rows)


def organizations_rows(document: Document, mentions: Iterable, sections: Rows | pd.DataFrame) -> Rows:
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
    return Rows(ORGANIZATIONS, rows)


def counts_rows(document: Document, mentions: Iterable, sections: Rows | pd.DataFrame) -> Rows:
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
    return Rows(COUNTS, rows, objects=("value",))


def references_rows(document: Document, mentions: Iterable, sections: Rows | pd.DataFrame) -> Rows:
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
    return Rows(REFERENCES, rows)


def entities_table(organizations: pd.DataFrame) -> pd.DataFrame:
    """One row per organization (``org_id``) of an organizations table (of one or many documents).

    Args:
        organizations: rows of organizations.csv.

    Returns:
        ``org_id``, ``name``, ``type``, ``aliases`` (the distinct surfaces, ``; ``-joined, in
        order of first appearance), ``n_mentions``, ``n_documents``; most mentioned first, then by id.
    """
    if organizations.empty:
        return empty_table(ENTITIES)
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
    table = frame(ENTITIES, rows)
    return table.sort_values(["n_mentions", "org_id"], ascending=[False, True], kind="stable").reset_index(drop=True)


def item_lookup(sections: Rows | pd.DataFrame) -> Callable[[int], str]:
    """offset → the item(s) (``;``-joined) of the section holding it; "" outside every item.

    Args:
        sections: the document's sections table, as rows or as a DataFrame.

    The lookup of the last sections table asked for is kept: each mention table of a document
    asks for the same one."""
    last = _LAST_LOOKUP.get("sections")
    if last is not None and last[0] is sections:
        return last[1]
    item_of = _item_lookup(sections)
    _LAST_LOOKUP["sections"] = (sections, item_of)
    return item_of


_LAST_LOOKUP: dict[str, tuple[object, Callable[[int], str]]] = {}


def _item_lookup(sections: Rows | pd.DataFrame) -> Callable[[int], str]:
    if isinstance(sections, Rows):
        columns = [[row[name] for row in sections.rows] for name in ("section", "heading_start", "items")]
    else:
        columns = [sections[name].tolist() for name in ("section", "heading_start", "items")]
    # Rows of a section are adjacent: its first row carries the heading start.
    starts: list[int] = []
    items: list[str] = []
    previous = object()
    for section, start, item in zip(*columns, strict=True):
        if section != previous:
            starts.append(int(str(start)))
            items.append(str(item))
            previous = section

    def item_of(offset: int) -> str:
        index = bisect.bisect_right(starts, offset) - 1
        return items[index] if index >= 0 else ""

    return item_of


def derived_table(name: str, tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """A table by name from the document tables: ``entities`` and ``events`` are built from them
    (:data:`reportparse.tables.schema.DERIVED_TABLES`), any other is looked up.

    Raises:
        KeyError: a table the document tables do not hold (or cannot give).
    """
    if name == ENTITIES:
        return entities_table(tables[ORGANIZATIONS])
    if name == EVENTS:
        if name in getattr(tables, "derived", ()):  # a batch's tables hold events made document by document
            return tables[name]
        from reportparse.tables.events import events_table

        return events_table(tables[SECTIONS], tables[DATES], tables[REFERENCES])
    return tables[name]
