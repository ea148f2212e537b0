"""Document → all tables: the one place that runs the stages after reading.

:func:`parse_document` loads a file (or text) and runs :func:`extract_tables`: structure
(sections, or a plan's measures), metadata, then every extractor, each table built by
:mod:`reportparse.tables.build` with the columns of the schema registry.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import BinaryIO

from reportparse.document import Document
from reportparse.errors import EmptyDocumentError
from reportparse.extract.counts import find_counts
from reportparse.extract.dates import find_dates
from reportparse.extract.metadata import extract_metadata
from reportparse.extract.references import find_references
from reportparse.ingest.formats import DEFAULT_ENGINE
from reportparse.ingest.loader import load
from reportparse.ingest.ocr import DEFAULT_OCR, check_mode, scan_error
from reportparse.ner.backends import NER_MODES, find_organization_mentions
from reportparse.structure.plan_sections import plan_segmentation
from reportparse.structure.segment import segment
from reportparse.tables.build import (
    counts_rows,
    dates_rows,
    document_row,
    documents_rows,
    organizations_rows,
    references_rows,
    sections_rows,
)
from reportparse.tables.schema import DOCUMENT_TABLES
from reportparse.tables.tableset import TableSet

TABLES = DOCUMENT_TABLES
"""Names of the tables :func:`extract_tables` gives one document, in the order they are written
(:data:`reportparse.tables.schema.DOCUMENT_TABLES`)."""


def extract_tables(
    document: Document,
    *,
    year: int | None = None,
    ner: str = "rules",
    ner_model: str | None = None,
    stanza_model: str | None = None,
) -> TableSet:
    """Run every stage on a normalized document.

    Args:
        document: the normalized document.
        year: the reporting year, overriding the one the title states.
        ner: how organizations are found, one of :data:`NER_MODES`.
        ner_model: the NER model folder for the model modes (default: the shipped one).
        stanza_model: the Stanza model folder for the stanza modes (default: the Stanza model shipped in the package).

    Returns:
        The tables named in :data:`TABLES`, in that order: a mapping of name → DataFrame whose
        frames are made when first looked up (:class:`~reportparse.tables.tableset.TableSet`).
    """
    report_sections = segment(document)
    segmentation = report_sections
    if not segmentation.headed:  # an action plan: its numbered measures are the sections
        segmentation = plan_segmentation(document) or segmentation
    metadata = extract_metadata(document, segmentation, year=year)
    sections = sections_rows(document, segmentation)
    dates = find_dates(document.text, year=metadata.year)  # found once: counts and references skip or read them
    organizations = find_organization_mentions(
        document.text, reporting_body=metadata.organization, ner=ner, ner_model=ner_model, stanza_model=stanza_model
    )
    counts = find_counts(document.text, dates=dates)
    references = find_references(document.text, year=metadata.year, dates=dates, headings=report_sections.heading_spans)
    return TableSet(  # in the order of TABLES
        [
            documents_rows([document_row(document, segmentation, metadata)]),
            sections,
            dates_rows(document, dates, sections),
            organizations_rows(document, organizations, sections),
            counts_rows(document, counts, sections),
            references_rows(document, references, sections),
        ]
    )


@dataclass(frozen=True)
class ParseOptions:
    """How to read and parse every file of a batch.

    Attributes:
        year: reporting year of every input (default: from each title).
        password: for encrypted PDFs.
        pdf_engine: ``pypdfium2`` or ``pdfplumber``.
        ner: how organizations are found (:data:`reportparse.pipeline.NER_MODES`).
        ner_model: the spaCy NER model folder of the ``model`` modes.
        stanza_model: the Stanza model folder of the ``stanza`` modes.
        ocr: OCR of PDF pages without text: ``auto``, ``always`` or ``never``
            (:mod:`reportparse.ingest.ocr`).

    Raises:
        ValueError: an unknown ``ner`` or ``ocr`` mode.
        StanzaNotInstalledError, StanzaModelNotFoundError: a ``stanza`` mode that cannot run
            (checked here, before any worker starts).
    """

    year: int | None = None
    password: str | None = None
    pdf_engine: str = DEFAULT_ENGINE
    ner: str = "rules"
    ner_model: str | None = None
    stanza_model: str | None = None
    ocr: str = DEFAULT_OCR

    def __post_init__(self) -> None:
        check_mode(self.ocr)
        if self.ner not in NER_MODES:
            raise ValueError(f"unknown ner mode {self.ner!r}; choose from {', '.join(NER_MODES)}")
        if self.ner.endswith("stanza"):
            from reportparse.ner.stanza_backend import check_stanza_model

            check_stanza_model(self.stanza_model)


def parse_document(
    path_or_text: str | os.PathLike[str] | bytes | bytearray | memoryview | BinaryIO,
    options: ParseOptions = ParseOptions(),
    *,
    doc_id: str | None = None,
    format: str | None = None,
) -> tuple[Document, TableSet]:
    """Load one report and run every stage on it.

    Args:
        path_or_text: a file, or the report's text (see :func:`reportparse.load`).
        options: reading and parsing options.
        doc_id: id for the tables instead of the SHA-256 prefix.
        format: the format of bytes or a file object without a name (see :func:`reportparse.load`).

    Returns:
        The document and its tables.

    Raises:
        ReportParseError: the file cannot be read, or holds no text (:class:`EmptyDocumentError`; a
            scan without text: :class:`ScannedDocumentError`, :class:`OcrUnavailableError`).
    """
    document = load(
        path_or_text,
        doc_id=doc_id,
        password=options.password,
        pdf_engine=options.pdf_engine,
        ocr=options.ocr,
        format=format,
    )
    if not document.text.strip():
        if document.scanned:
            raise scan_error(document.source, mode=options.ocr)
        raise EmptyDocumentError("the report holds no text; check that it is the right file", path=document.source)
    return document, extract_tables(
        document, year=options.year, ner=options.ner, ner_model=options.ner_model, stanza_model=options.stanza_model
    )
