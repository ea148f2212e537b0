"""The Python API: :func:`parse` one report, :func:`parse_many` a batch; tables as DataFrames.

    >>> import reportparse
    >>> report = reportparse.parse(reportparse.sample_report_path())   # or a .pdf/.docx, or text
    >>> report.documents["organization"].item()
    'Azərbaycan Respublikasının Dövlət Arxiv Xidməti'
    >>> row = report.dates.iloc[2]                 # every table is a pandas DataFrame
    >>> report.text[row["start"]:row["end"]] == row["text"]
    True
    >>> corpus = reportparse.parse_many([reportparse.sample_report_path(), "missing.pdf"], jobs=0, progress=False)
    >>> len(corpus), list(corpus.errors["error_type"])
    (1, ['MissingFileError'])

``parse_many("reports/", jobs=2)`` parses a folder in two worker processes;
``corpus.to_csv("tables/")`` writes one CSV per table and a ``datapackage.json``.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from reportparse.batch.workers import DEFAULT_MEMORY_LIMIT, DEFAULT_TIMEOUT
from reportparse.document import Document
from reportparse.ingest.formats import DEFAULT_ENGINE
from reportparse.ingest.ocr import DEFAULT_OCR
from reportparse.pipeline import TABLES, ParseOptions, parse_document
from reportparse.tables.build import derived_table
from reportparse.tables.schema import (
    COUNTS,
    DATES,
    DERIVED_TABLES,
    DOCUMENTS,
    ENTITIES,
    EVENTS,
    ORGANIZATIONS,
    REFERENCES,
    SECTIONS,
)

if TYPE_CHECKING:  # pandas, the batch runner and the writers load when a table or a batch asks for them
    import pandas as pd

    from reportparse.output.folder import Collector


class _Tables:
    """The tables of one document or of many, as DataFrames, and their export.

    The properties (``documents``, ``dates``, ``events``, ...) are typed (docs/formats.md): dates
    ``datetime64``, integers ``Int64``, numbers ``Float64``, booleans ``boolean``, text ``string``,
    empty cells missing. ``tables`` holds the text form the CSV files are written from.
    """

    tables: Mapping[str, pd.DataFrame]

    @property
    def documents(self) -> pd.DataFrame:
        """One row per document."""
        return self._typed(DOCUMENTS)

    @property
    def sections(self) -> pd.DataFrame:
        """One row per plan item, with its commitment and narrative."""
        return self._typed(SECTIONS)

    @property
    def dates(self) -> pd.DataFrame:
        """One row per date mention."""
        return self._typed(DATES)

    @property
    def organizations(self) -> pd.DataFrame:
        """One row per organization mention."""
        return self._typed(ORGANIZATIONS)

    @property
    def entities(self) -> pd.DataFrame:
        """One row per organization (``org_id``): name, type, aliases, mention and document counts."""
        return self._typed(ENTITIES)

    @property
    def events(self) -> pd.DataFrame:
        """One row per dated mention with its sentence and role: event, citation, deadline, period."""
        return self._typed(EVENTS)

    def _typed(self, name: str) -> pd.DataFrame:
        """A table in the typed form (:mod:`reportparse.tables.types`): dates as datetime64, integers
        ``Int64``, booleans ``boolean``, text ``string``, empty cells missing. Converted once per table
        (``tables`` holds the text form the CSV files are written from)."""
        from reportparse.tables.types import typed_frame

        sources = tuple(self.tables[source] for source in DERIVED_TABLES.get(name, (name,)))
        cache: dict[str, tuple[tuple, pd.DataFrame]] = self.__dict__.setdefault("_typed_tables", {})
        hit = cache.get(name)
        if hit is None or len(hit[0]) != len(sources) or any(a is not b for a, b in zip(hit[0], sources, strict=True)):
            hit = cache[name] = (sources, typed_frame(name, derived_table(name, self.tables)))
        return hit[1]

    @property
    def counts(self) -> pd.DataFrame:
        """One row per count, amount or percentage."""
        return self._typed(COUNTS)

    @property
    def references(self) -> pd.DataFrame:
        """One row per reference to an act, a plan item or an article."""
        return self._typed(REFERENCES)

    def _errors(self) -> pd.DataFrame | None:
        return None

    def to_csv(self, directory: str | os.PathLike[str], *, excel: bool = False) -> list[Path]:
        """Write one CSV per table and a ``datapackage.json`` describing them.

        Args:
            directory: the folder (created if needed); existing tables in it are replaced.
            excel: start every CSV with a UTF-8 BOM, so Excel shows Azerbaijani letters, and put
                a ``'`` before text cells a spreadsheet would run as formulas (``=``, ``+``,
                ``-``, ``@``, tab, carriage return; see :mod:`reportparse.output.cells`).

        Returns:
            The files written.

        Raises:
            OutputLockedError: another process (a ``reportparse parse`` run) writes into
                ``directory`` (:mod:`reportparse.output.lock`).
        """
        from reportparse.output.folder import write_output

        return write_output(directory, self.tables, self._errors(), fmt="csv", excel=excel)

    def to_parquet(self, directory: str | os.PathLike[str]) -> list[Path]:
        """Write one Parquet file per table and a ``datapackage.json`` (needs pyarrow).

        Args:
            directory: the folder (created if needed).

        Returns:
            The files written.

        Raises:
            OutputLockedError: another process writes into ``directory``.
        """
        from reportparse.output.folder import write_output

        return write_output(directory, self.tables, self._errors(), fmt="parquet")

    def to_folder(
        self, directory: str | os.PathLike[str], *, formats: Iterable[str] = ("csv",), excel: bool = False
    ) -> list[Path]:
        """Write the tables in one or more formats, as ``reportparse parse --format`` does
        (docs/formats.md): ``csv``, ``parquet``, ``xlsx`` (``tables.xlsx``), ``sqlite``
        (``tables.sqlite`` and Datasette's ``metadata.json``), with ``datapackage.json``.

        Returns:
            The files written.

        Raises:
            ValueError: an unknown format.
            OutputLockedError: another process writes into ``directory``.
        """
        from reportparse.output.folder import write_output

        return write_output(directory, self.tables, self._errors(), formats=formats, excel=excel)

    def _counts(self) -> str:
        def rows(name: str) -> int:  # a table not yet made a frame is counted from its rows
            count = getattr(self.tables, "row_count", None)
            return count(name) if count is not None else len(self.tables[name])

        return ", ".join(f"{name}={rows(name)}" for name in TABLES if name != "documents")


class _OneDocument(_Tables):
    """The metadata of one document, read from its row of the documents table."""

    def _meta(self, column: str) -> object:
        column_of = getattr(self.tables, "column", None)
        if column_of is not None:  # a TableSet: read without making the frame
            try:
                values = column_of(DOCUMENTS, column)
            except KeyError:
                return None
        else:
            frame = self.tables[DOCUMENTS]
            values = frame[column].tolist() if column in frame.columns else []
        value = values[0] if values else None
        missing = value is None or value == "" or (isinstance(value, float) and value != value)
        return None if missing or type(value).__name__ == "NAType" else value

    @property
    def title(self) -> str | None:
        """The report's title, as printed (None when none was found)."""
        value = self._meta("title")
        return None if value is None else str(value)

    @property
    def year(self) -> int | None:
        """The reporting year (given, or read from the title)."""
        value = self._meta("year")
        return None if value is None else int(str(value))

    @property
    def organization(self) -> str | None:
        """The reporting body's name, as the tables give it."""
        value = self._meta("organization")
        return None if value is None else str(value)

    @property
    def period(self) -> tuple[str, str] | None:
        """The period of the plan the report implements (ISO dates), or None."""
        start, end = self._meta("period_start"), self._meta("period_end")
        return None if start is None or end is None else (str(start), str(end))


class DocumentTables(_OneDocument):
    """One document of a :class:`Corpus`: its rows of every table (no text: a batch keeps none).

    Attributes:
        tables: table name → DataFrame, this document's rows only.
    """

    def __init__(self, tables: Mapping[str, pd.DataFrame]) -> None:
        self.tables = tables

    @property
    def doc_id(self) -> str:
        """The document's id."""
        return str(self.tables[DOCUMENTS]["doc_id"].iloc[0])

    @property
    def path(self) -> str:
        """The file it was read from."""
        return str(self.tables[DOCUMENTS]["path"].iloc[0])

    def __repr__(self) -> str:
        return f"DocumentTables(doc_id={self.doc_id!r}, path={self.path!r}, {self._counts()})"


class Report(_OneDocument):
    """One parsed report: its normalized document and every table.

    Attributes:
        document: the normalized :class:`~reportparse.document.Document`.
        tables: table name → DataFrame (also as attributes: ``report.dates``, ...).
    """

    def __init__(self, document: Document, tables: Mapping[str, pd.DataFrame]) -> None:
        self.document = document
        self.tables = tables

    @property
    def doc_id(self) -> str:
        """The document's id."""
        return self.document.doc_id

    @property
    def text(self) -> str:
        """The normalized text every ``start``/``end`` refers to."""
        return self.document.text

    def __repr__(self) -> str:
        return f"Report(doc_id={self.doc_id!r}, source={self.document.source!r}, {self._counts()})"

    def _repr_html_(self) -> str:
        from reportparse.display import report_html  # only notebooks pay for it

        return report_html(self.document, self.tables)

    def to_html(self, path: str | os.PathLike[str] | None = None) -> str:
        """The notebook view as a standalone HTML page (text with its mentions highlighted, tables).

        Args:
            path: also write the page there (UTF-8).

        Returns:
            The page.
        """
        import html

        title = html.escape(self.title or self.document.source or self.doc_id)
        page = (
            f'<!DOCTYPE html>\n<html lang="az">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n</head>\n<body>\n'
            f"{self._repr_html_()}\n</body>\n</html>\n"
        )
        if path is not None:
            Path(path).write_text(page, encoding="utf-8")
        return page


class Corpus(_Tables):
    """Many parsed reports: the same tables, concatenated, and the inputs that failed.

    Attributes:
        tables: table name → DataFrame, documents ordered by path.
        errors: one row per failed input: ``path``, ``error_type``, ``message``.
        notes: warnings about parsed files (no headings found, scanned PDFs, ...).
    """

    def __init__(self, tables: Mapping[str, pd.DataFrame], errors: pd.DataFrame, notes: Iterable[str] = ()) -> None:
        self.tables = tables
        self.errors = errors
        self.notes = list(notes)

    def _errors(self) -> pd.DataFrame:
        return self.errors

    def __len__(self) -> int:
        return len(self.documents)

    def __iter__(self) -> Iterator[DocumentTables]:
        """Each parsed document's rows, in the order of the documents table."""
        for doc_id in self.documents["doc_id"]:
            yield self._document(str(doc_id))

    def __getitem__(self, key: str | os.PathLike[str] | int) -> DocumentTables:
        """One document's rows, by ``doc_id``, by the path it was read from, or by position.

        Raises:
            KeyError: no parsed document has that id or path (a failed input is in ``errors``).
            IndexError: a position out of range.
        """
        frame = self.documents
        if isinstance(key, int):
            return self._document(str(frame["doc_id"].iloc[key]))
        wanted = os.fspath(key)
        by_path = frame["doc_id"][frame["path"].astype(str).isin({wanted, str(Path(wanted).resolve())})]
        if (frame["doc_id"].astype(str) == wanted).any():
            return self._document(wanted)
        if len(by_path):
            return self._document(str(by_path.iloc[0]))
        failed = " (it failed: see Corpus.errors)" if wanted in set(self.errors.get("path", ())) else ""
        raise KeyError(f"no parsed document with doc_id or path {wanted!r}{failed}")

    def _document(self, doc_id: str) -> DocumentTables:
        return DocumentTables(
            {name: frame[frame["doc_id"] == doc_id].reset_index(drop=True) for name, frame in self.tables.items()}
        )

    def __repr__(self) -> str:
        return f"Corpus({len(self)} documents, {len(self.errors)} failed, {self._counts()})"

    def _repr_html_(self) -> str:
        from reportparse.display import corpus_html

        return corpus_html(self.tables, self.errors)


def parse(
    path_or_text: str | os.PathLike[str] | bytes | bytearray | memoryview | BinaryIO,
    *,
    year: int | None = None,
    doc_id: str | None = None,
    password: str | None = None,
    pdf_engine: str = DEFAULT_ENGINE,
    ner: str = "rules",
    ner_model: str | None = None,
    stanza_model: str | None = None,
    ocr: str = DEFAULT_OCR,
    format: str | None = None,
) -> Report:
    """Read a report and extract every table.

    Args:
        path_or_text: a file (``.txt``, ``.pdf``, ``.docx``, ``.html``, …), the report's text (see
            :func:`reportparse.load` for how a ``str`` is told apart), or its bytes or a binary file
            object (read as its ``name`` or ``format`` says).
        year: the reporting year, overriding the one the title states.
        doc_id: id for the tables instead of the SHA-256 prefix.
        password: for encrypted PDFs.
        pdf_engine: ``pypdfium2`` (default) or ``pdfplumber``.
        ner: how organizations are found: ``rules`` (default), ``rules+model``, ``model``
            (the spaCy model), ``rules+stanza``, ``stanza`` (a Stanza model, needs
            ``reportparse[stanza]``).
        ner_model: the spaCy model folder (default: the model shipped in the package).
        stanza_model: the Stanza model folder (default: the Stanza model shipped in the package).
        ocr: OCR of PDF pages without text: ``auto`` (default; when Tesseract is installed),
            ``always``, ``never`` (docs/input.md, "Scans (OCR)").
        format: the format of bytes or of a file object without a name (``pdf``, ``docx``, …).

    Returns:
        The :class:`Report`.

    Raises:
        ReportParseError: the file cannot be read or holds no text (a scan OCR cannot read:
            :class:`~reportparse.errors.ScannedDocumentError`).
    """
    options = ParseOptions(
        year=year,
        password=password,
        pdf_engine=pdf_engine,
        ner=ner,
        ner_model=ner_model,
        stanza_model=stanza_model,
        ocr=ocr,
    )
    document, tables = parse_document(path_or_text, options, doc_id=doc_id, format=format)
    return Report(document, tables)


def _inputs(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[str | os.PathLike[str]]:
    return [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)


def parse_many(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    year: int | None = None,
    jobs: int | None = None,
    progress: bool = True,
    engine: str = "processes",
    address: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    memory_limit: float | None = DEFAULT_MEMORY_LIMIT,
    password: str | None = None,
    pdf_engine: str = DEFAULT_ENGINE,
    ner: str = "rules",
    ner_model: str | None = None,
    stanza_model: str | None = None,
    follow_links: bool = False,
    ocr: str = DEFAULT_OCR,
) -> Corpus:
    """Parse many reports, in parallel; a file that fails is listed in ``Corpus.errors``.

    Args:
        paths: files, folders (searched recursively) and glob patterns; one or an iterable.
            Symbolic links inside a folder are not followed (their targets inside it are found
            under their own paths); those pointing outside are skipped and counted in
            ``Corpus.notes`` unless ``follow_links``.
        year: the reporting year of every input (default: from each title).
        jobs: worker processes (default: one per CPU); 0 parses in this process, without
            time or memory limits. With ``engine="dask"``: workers of a local cluster.
        progress: show progress on standard error.
        engine: ``processes`` (this machine) or ``dask`` (needs ``reportparse[dask]``).
        address: the Dask scheduler (``tcp://host:8786``); None starts a local cluster.
        timeout: seconds per file (None: no limit; ``processes`` engine only).
        memory_limit: MB a worker may add for one file (None: no limit; Linux,
            ``processes`` engine only).
        password: for encrypted PDFs.
        pdf_engine: ``pypdfium2`` (default) or ``pdfplumber``.
        ner: how organizations are found: ``rules`` (default), ``rules+model``, ``model``
            (the spaCy model), ``rules+stanza``, ``stanza`` (a Stanza model, needs
            ``reportparse[stanza]``).
        ner_model: the spaCy model folder (default: the model shipped in the package).
        stanza_model: the Stanza model folder (default: the Stanza model shipped in the package).
        follow_links: follow symbolic links that point outside the input folders (loops are cut,
            a file reached twice is parsed once).
        ocr: OCR of PDF pages without text: ``auto`` (default; when Tesseract is installed),
            ``always``, ``never``; a scan OCR cannot read is listed in ``Corpus.errors``.

    Returns:
        The :class:`Corpus`: every table over all parsed documents, and the failures.
    """
    from reportparse.batch.discover import discover
    from reportparse.batch.progress import Progress
    from reportparse.batch.run import ENGINES, run_files
    from reportparse.output.folder import Collector

    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    found = discover(_inputs(paths), follow_links=follow_links)
    options = ParseOptions(
        year=year,
        password=password,
        pdf_engine=pdf_engine,
        ner=ner,
        ner_model=ner_model,
        stanza_model=stanza_model,
        ocr=ocr,
    )
    collector = Collector()
    for failure in found.failures:
        collector.add(failure)
    notes = list(found.notes)
    results = run_files(
        found.files, options, engine=engine, jobs=jobs, timeout=timeout, memory_limit=memory_limit, address=address
    )
    bar = Progress(len(found.files), enabled=progress)
    finished: set[str] = set()
    try:
        for result in results:
            finished.add(result.path)
            note = collector.add(result)
            notes += [*result.notes, note] if note else result.notes
            bar.advance(failed=not result.ok)
    except Exception as exc:  # noqa: BLE001 - a batch that stops keeps what it finished
        notes.append(_stopped(exc, [path for path in map(str, found.files) if path not in finished], collector))
    finally:
        bar.close()
        results.close()
    return Corpus(dict(collector.tables()), collector.errors(), notes)


def _stopped(error: Exception, unfinished: list[str], collector: Collector) -> str:
    """Record the inputs a stopped batch did not reach; warn, and return the note saying so."""
    from reportparse.batch.result import BATCH_STOPPED, FileResult

    reason = f"{type(error).__name__}: {error}"
    for path in unfinished:
        collector.add(FileResult.failure(path, BATCH_STOPPED, f"not parsed: the batch stopped ({reason})"))
    message = (
        f"the batch stopped on an error ({reason}); the {len(collector.parsed)} documents parsed before are kept, "
        f"the {len(unfinished)} inputs not reached are listed in Corpus.errors as {BATCH_STOPPED}"
    )
    warnings.warn(message, RuntimeWarning, stacklevel=3)
    return message
