"""Batch results → tables in a deterministic order, and the output folder they are written to.

Row order does not depend on which worker finished first: documents are ordered by path (then
doc_id) and every table follows that order, each document's rows in the order its extractor
gave them. Columns: the contract's first, extra columns after them.

A folder is written table by table, each file replaced atomically, ``documents`` last: a run
killed in the middle of writing leaves ``documents`` from the previous write, and reading the
folder back (``--resume``) drops rows of documents it does not list. Documents leave a folder
the other way round (``--resume`` replacing a file whose bytes changed): ``documents`` first.
So ``documents`` is the record of what a folder holds, and :func:`read_output` refuses a folder
that contradicts it (:mod:`reportparse.output.resume`). Writing takes the folder's lock
(:mod:`reportparse.output.lock`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from reportparse.batch.result import FileResult
from reportparse.output.cells import restore_cells
from reportparse.output.lock import holding
from reportparse.output.resume import InconsistentOutputError, check_tables
from reportparse.output.writers import write_csv, write_json, write_parquet
from reportparse.pipeline import TABLES
from reportparse.tables import datapackage
from reportparse.tables.build import columns, derived_table
from reportparse.tables.names import escape_text
from reportparse.tables.schema import DERIVED_TABLES, DOCUMENTS, ENTITIES, ERRORS, EVENTS, ORGANIZATIONS
from reportparse.tables.tableset import combined_rows
from reportparse.tables.types import text_frame

FORMATS = ("csv", "parquet", "xlsx", "sqlite")
"""Output formats of :func:`write_output`: a file per table (``csv``, ``parquet``), one workbook
(``xlsx``: ``tables.xlsx``), one database (``sqlite``: ``tables.sqlite`` and Datasette's
``metadata.json``)."""

TABLE_FORMATS = ("csv", "parquet")
"""Formats with a file per table. A folder's *record* is one of them (:func:`record_format`):
``datapackage.json`` describes it and ``--resume`` reads it; the workbook and the database are
written from the same tables beside it."""


def parse_formats(values: str | Iterable[str]) -> tuple[str, ...]:
    """Formats as given (``"csv,xlsx"``, ``["csv", "sqlite"]``): split at commas, checked, in order, once each.

    >>> parse_formats(["csv,xlsx", "sqlite", "xlsx"])
    ('csv', 'xlsx', 'sqlite')

    Raises:
        ValueError: an unknown or empty format.
    """
    given = [values] if isinstance(values, str) else list(values)
    found = [part.strip().lower() for value in given for part in str(value).split(",")]
    unknown = [part for part in found if part not in FORMATS]
    if unknown or not found:
        raise ValueError(f"unknown format {(unknown or [''])[0]!r}; choose from {', '.join(FORMATS)}")
    return tuple(dict.fromkeys(found))


def record_format(formats: Iterable[str]) -> str:
    """The table-file format of a folder written in ``formats``: ``parquet`` when it is asked for
    without ``csv``, else ``csv`` (``--format xlsx`` alone also writes the CSV files, the record
    ``--resume`` reads and ``datapackage.json`` describes)."""
    formats = tuple(formats)
    return "parquet" if "parquet" in formats and "csv" not in formats else "csv"


_BUNDLE = 64  # documents whose tables the collector concatenates into one frame per table


def _columns(name: str, frames: Iterable[pd.DataFrame]) -> list[str]:
    names = columns(name)
    for frame in frames:
        names += [column for column in frame.columns if column not in names]
    return names


def _concat(name: str, every: list[pd.DataFrame]) -> pd.DataFrame:
    names = _columns(name, every)
    filled = [frame for frame in every if len(frame)]
    return pd.concat(filled, ignore_index=True)[names] if filled else pd.DataFrame(columns=names)


def _bundle(name: str, parts: list[Mapping[str, pd.DataFrame]]) -> pd.DataFrame:
    """One table of several documents' tables: one frame made from their rows when every part
    still holds rows (:func:`reportparse.tables.tableset.combined_rows`), else their frames
    concatenated."""
    rows = combined_rows(name, parts)
    if rows is not None and len(rows):
        return rows.frame()
    return _concat(name, [part[name] for part in parts if name in part])


def _with_events(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables of some documents with their events (each document's events come from its own
    sections, dates and references: made bundle by bundle, they are the events of the whole)."""
    built = dict(tables)
    if all(source in built for source in DERIVED_TABLES[EVENTS]):
        built[EVENTS] = derived_table(EVENTS, built)
    return built


Part = Mapping[str, "pd.DataFrame | Path"]
"""Tables of some documents: in memory, or pickled to a file per table (see :class:`Collector`)."""


def _frame(table: pd.DataFrame | Path) -> pd.DataFrame:
    return table if isinstance(table, pd.DataFrame) else pd.read_pickle(table)


class Combined(Mapping[str, pd.DataFrame]):
    """The tables of several documents (or runs), concatenated in a deterministic order.

    A table is built when it is looked up and not kept, so writing the tables one after the
    other holds one combined table in memory at a time, not all of them. When every part also
    holds its ``events`` (the :class:`Collector` makes them bundle by bundle), ``events`` is
    combined the same way (it is listed in :attr:`derived`) instead of being derived from the
    whole sections, dates and references tables at once.

    Args:
        parts: tables of one or more documents each.
    """

    def __init__(self, parts: Iterable[Part]) -> None:
        self.parts = list(parts)
        self.derived: tuple[str, ...] = (EVENTS,) if self.parts and all(EVENTS in part for part in self.parts) else ()
        documents = _concat(DOCUMENTS, [_frame(part[DOCUMENTS]) for part in self.parts if DOCUMENTS in part])
        order = documents.astype({"path": str, "doc_id": str}).sort_values(["path", "doc_id"], kind="stable")["doc_id"]
        self.rank = {doc_id: index for index, doc_id in enumerate(order)}

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in TABLES and name not in self.derived:
            raise KeyError(name)
        frame = _concat(name, [_frame(part[name]) for part in self.parts if name in part])
        positions = np.argsort(frame["doc_id"].astype(str).map(self.rank).to_numpy(dtype=float), kind="stable")
        if (positions == np.arange(len(positions))).all():  # already in order: no second copy
            return frame
        return frame.iloc[positions].reset_index(drop=True)

    def __iter__(self) -> Iterator[str]:
        return iter(TABLES)

    def __len__(self) -> int:
        return len(TABLES)


def errors_frame(failures: Iterable[FileResult]) -> pd.DataFrame:
    """errors.csv: path, error_type, message of every failed input, ordered by path (a name that
    is not UTF-8 escaped: :mod:`reportparse.tables.names`)."""
    rows = [(escape_text(f.path), f.error_type, escape_text(f.message)) for f in failures]
    return pd.DataFrame(sorted(rows), columns=columns(ERRORS))


class Collector:
    """Gathers :class:`~reportparse.batch.workers.FileResult` objects into the final tables.

    Args:
        prior: tables already in the output folder (``--resume``); their documents count as done.
        spill: a folder where every bundle of documents is pickled, one file per table, instead
            of being kept in memory: the command line's memory then stays flat however many
            files a run has. None keeps everything in memory (the Python API returns it anyway).
    """

    def __init__(
        self, prior: dict[str, pd.DataFrame] | None = None, *, spill: str | os.PathLike[str] | None = None
    ) -> None:
        self.spill = Path(spill) if spill is not None else None
        self.parts: list[Part] = []
        self._recent: list[Mapping[str, pd.DataFrame]] = []
        self.failures: list[FileResult] = []
        self.parsed: list[str] = []  # paths only: the tables are kept once, in parts
        documents = prior.get(DOCUMENTS) if prior else None
        self.paths: dict[str, str] = {}
        if documents is not None:
            self.paths = dict(zip(documents["doc_id"], documents["path"], strict=True))
        self.resumed = len(self.paths)
        if prior:
            self._keep(prior)

    def _keep(self, tables: Mapping[str, pd.DataFrame]) -> None:
        tables = _with_events(tables)
        if self.spill is None:
            self.parts.append(tables)
            return
        bundle = len(self.parts)
        part: dict[str, pd.DataFrame | Path] = {}
        for name, frame in tables.items():
            path = part[name] = self.spill / f"{bundle:05d}.{name}.pkl"
            frame.to_pickle(path)
        self.parts.append(part)

    def add(self, result: FileResult) -> str | None:
        """Keep a result; returns a note when the file repeats a document already kept (same doc_id)."""
        if not result.ok:
            self.failures.append(result)
            return None
        if result.doc_id in self.paths:
            return f"{result.path}: same content as {self.paths[result.doc_id]} (doc_id {result.doc_id}); skipped"
        self.paths[result.doc_id] = result.path
        self.parsed.append(result.path)
        assert result.tables is not None  # result.ok
        self._recent.append(result.tables)
        if len(self._recent) >= _BUNDLE:  # thousands of small frames cost more than their rows
            self._keep({name: _bundle(name, self._recent) for name in TABLES})
            self._recent = []
        return None

    def tables(self) -> Combined:
        """Every table of every document kept so far (each built when looked up)."""
        if self._recent:  # the last bundle, smaller than the others
            self._keep({name: _bundle(name, self._recent) for name in TABLES})
            self._recent = []
        return Combined(self.parts)

    def errors(self) -> pd.DataFrame:
        """The failed inputs."""
        return errors_frame(self.failures)


def _path(folder: Path, name: str, fmt: str) -> Path:
    return folder / f"{name}.{fmt}"


_BOM = b"\xef\xbb\xbf"


def _read_table(path: Path, name: str, fmt: str) -> pd.DataFrame:
    try:
        if fmt == "parquet":  # typed columns, empty cells missing → the text form the run builds
            return text_frame(name, pd.read_parquet(path))
        with open(path, "rb") as stream:
            excel = stream.read(len(_BOM)) == _BOM  # written for Excel: formulas were neutralised
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, ValueError, UnicodeDecodeError) as exc:  # pandas' ParserError and pyarrow's errors too
        raise InconsistentOutputError(f"cannot read {path.name} ({exc})", path=path.parent) from None
    return restore_cells(frame, name) if excel else frame


def read_output(folder: str | os.PathLike[str], *, fmt: str = "csv") -> dict[str, pd.DataFrame]:
    """The tables of an output folder, for resuming a run (CSV values read back as strings, as
    they were before writing: cells neutralised for Excel are restored).

    Rows of documents that ``documents`` does not list (a write interrupted between two tables)
    are dropped, so they are parsed again.

    Args:
        folder: the output folder.
        fmt: ``csv`` or ``parquet``.

    Returns:
        The tables found; empty when there is no ``documents`` table yet.

    Raises:
        InconsistentOutputError: a table is missing or unreadable, or the tables contradict
            ``documents`` (see :func:`reportparse.output.resume.check_tables`).
    """
    folder = Path(folder)
    if not _path(folder, DOCUMENTS, fmt).is_file():
        return {}
    tables = {}
    for name in TABLES:
        path = _path(folder, name, fmt)
        if not path.is_file():
            raise InconsistentOutputError(
                f"{path.name} is missing although {DOCUMENTS}.{fmt} lists documents; "
                "write into a new folder, or delete the folder's tables to start again",
                path=folder,
            )
        tables[name] = _read_table(path, name, fmt)
    check_tables(tables, folder=folder, fmt=fmt)
    done = set(tables[DOCUMENTS]["doc_id"])
    return {name: frame[frame["doc_id"].isin(done)].reset_index(drop=True) for name, frame in tables.items()}


def write_table(folder: str | os.PathLike[str], name: str, frame: pd.DataFrame, *, fmt: str, excel: bool) -> Path:
    """Write one table into a folder (atomically; the caller holds the folder's lock).

    Args:
        folder: the output folder.
        name: the table's name (file name without the extension).
        frame: the table.
        fmt: ``csv`` or ``parquet``.
        excel: CSV for Excel (BOM, formulas neutralised).

    Returns:
        The file written.
    """
    path = _path(Path(folder), name, fmt)
    if fmt == "parquet":
        return write_parquet(frame, path, table=name)
    return write_csv(frame, path, excel=excel, table=name)


def write_output(
    folder: str | os.PathLike[str],
    tables: Mapping[str, pd.DataFrame],
    errors: pd.DataFrame | None = None,
    *,
    fmt: str = "csv",
    formats: Iterable[str] | None = None,
    excel: bool = False,
) -> list[Path]:
    """Write every table, errors.csv (when given) and datapackage.json into a folder, and the
    workbook and database when asked for.

    The derived tables (``entities``, ``events``: :data:`reportparse.tables.schema.DERIVED_TABLES`)
    are built from ``tables`` and written with them.

    Args:
        folder: created if needed.
        tables: names → frames in the text form (``documents`` is written last).
        errors: the failed inputs (written as errors.csv whatever the formats), or None.
        fmt: one format (``csv`` or ``parquet``), when ``formats`` is not given.
        formats: several of :data:`FORMATS` (:func:`parse_formats`); the table files are written in
            :func:`record_format` (and Parquet beside CSV when both are asked for).
        excel: CSVs start with a UTF-8 BOM, so Excel shows Azerbaijani letters, and text cells a
            spreadsheet would run as formulas are neutralised (:mod:`reportparse.output.cells`).

    Returns:
        The files written.

    Raises:
        ValueError: an unknown format.
        OutputLockedError: another process writes into ``folder``
            (:mod:`reportparse.output.lock`; a process holding the lock writes freely).
    """
    chosen = parse_formats(formats if formats is not None else [fmt])
    with holding(folder):
        return _write_output(Path(folder), tables, errors, formats=chosen, excel=excel)


def _names(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """The tables to write: those given, then the derived ones their sources allow."""
    derived = [name for name, sources in DERIVED_TABLES.items() if all(source in tables for source in sources)]
    return list(tables) + derived


def _write_output(
    folder: Path,
    tables: Mapping[str, pd.DataFrame],
    errors: pd.DataFrame | None,
    *,
    formats: tuple[str, ...],
    excel: bool,
) -> list[Path]:
    record = record_format(formats)
    beside = [other for other in TABLE_FORMATS if other in formats and other != record]
    paths = [write_errors(folder, errors, excel=excel)] if errors is not None else []
    written: dict[str, list[str]] = {}
    names = _names(tables)
    for name in sorted(names, key=lambda name: name == DOCUMENTS):
        frame = derived_table(name, tables)
        paths.append(write_table(folder, name, frame, fmt=record, excel=excel))
        paths += [write_table(folder, name, frame, fmt=other, excel=False) for other in beside]
        written[name] = list(frame.columns)
        del frame  # a Combined table is rebuilt on lookup: hold one at a time
    resources = [datapackage.resource(name, written[name], fmt=record, excel=excel) for name in names]
    for entry in resources:  # every mention's org_id names a row of entities
        if entry["name"] == ORGANIZATIONS and ENTITIES in written:
            entry["schema"]["foreignKeys"].append(  # type: ignore[index]
                {"fields": ["org_id"], "reference": {"resource": ENTITIES, "fields": ["org_id"]}}
            )
    if errors is not None:
        resources.append(datapackage.resource(ERRORS, list(errors.columns), fmt="csv", excel=excel))
    paths.append(write_json(datapackage.package(resources), folder / datapackage.DESCRIPTOR))
    paths += _write_views(folder, tables, errors, names, formats)
    return paths


def _write_views(
    folder: Path,
    tables: Mapping[str, pd.DataFrame],
    errors: pd.DataFrame | None,
    names: list[str],
    formats: tuple[str, ...],
) -> list[Path]:
    """The workbook and the database, each table built again when it is written (one at a time)."""
    from reportparse.output.database import DATABASE, METADATA, datasette_metadata, write_database
    from reportparse.output.workbook import WORKBOOK, write_workbook

    order = [DOCUMENTS, *(name for name in names if name != DOCUMENTS)] + ([ERRORS] if errors is not None else [])

    def each() -> Iterator[tuple[str, pd.DataFrame]]:
        for name in order:
            yield name, errors if name == ERRORS and errors is not None else derived_table(name, tables)

    paths = []
    if "xlsx" in formats:
        paths.append(write_workbook(folder / WORKBOOK, each()))
    if "sqlite" in formats:
        paths.append(write_database(folder / DATABASE, each(), names=order))
        paths.append(write_json(datasette_metadata(order, database=DATABASE), folder / METADATA))
    return paths


def write_errors(folder: str | os.PathLike[str], errors: pd.DataFrame, *, excel: bool = False) -> Path:
    """errors.csv (always CSV: people read it), atomically, under the folder's lock."""
    with holding(folder):
        return write_csv(errors, Path(folder) / f"{ERRORS}.csv", excel=excel, table=ERRORS)
