"""Reading an output folder back as typed DataFrames: :func:`read_tables`.

The folder's ``datapackage.json`` says which tables it holds and each column's type; every table
comes back in the typed form of :mod:`reportparse.tables.types` (dates ``datetime64``, integers
``Int64``, numbers ``Float64``, booleans ``boolean``, text ``string``, empty cells missing), equal
to the DataFrames the Python API gave before writing (``Report.dates``, ``Corpus.events``, ...).
Identifiers stay text: item ``1`` is ``"1"``, never ``1.0``.

    >>> import tempfile, reportparse
    >>> folder = tempfile.mkdtemp()
    >>> _ = reportparse.parse(reportparse.sample_report_path()).to_csv(folder)
    >>> tables = reportparse.read_tables(folder)
    >>> str(tables["dates"]["date_start"].dtype), tables["sections"]["item"].iloc[1]
    ('datetime64[s]', '1')
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd

from reportparse.errors import ReportParseError
from reportparse.output.cells import restore_cells
from reportparse.tables.datapackage import DESCRIPTOR
from reportparse.tables.schema import ERRORS
from reportparse.tables.types import typed_column

READ_FORMATS = ("csv", "parquet", "xlsx", "sqlite")
"""What :func:`read_tables` reads: the table files (csv, parquet), the workbook or the database."""

PACKAGE_NAME = "reportparse-tables"
"""The ``name`` of every ``datapackage.json`` reportparse writes."""


class NotAnOutputFolderError(ReportParseError, ValueError):
    """A folder :func:`read_tables` cannot read: not one ``reportparse parse`` (or ``to_csv``,
    ``to_parquet``) wrote, or a table missing, unreadable or not as its ``datapackage.json`` says."""


def _descriptor(folder: Path) -> dict:
    if not folder.is_dir():
        raise NotAnOutputFolderError("no such folder; give the --out folder of reportparse parse", path=folder)
    path = folder / DESCRIPTOR
    if not path.is_file():
        raise NotAnOutputFolderError(
            f"not a reportparse output folder: it has no {DESCRIPTOR} (reportparse parse --out writes one, "
            "as do Report.to_csv and Corpus.to_csv)",
            path=folder,
        )
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise NotAnOutputFolderError(f"{DESCRIPTOR} is not valid JSON ({exc})", path=folder) from None
    if not isinstance(descriptor, dict) or descriptor.get("name") != PACKAGE_NAME:
        raise NotAnOutputFolderError(
            f"not a reportparse output folder: its {DESCRIPTOR} describes another data package "
            f"(name {descriptor.get('name') if isinstance(descriptor, dict) else None!r}, not {PACKAGE_NAME!r})",
            path=folder,
        )
    return descriptor


def _csv(path: Path, name: str, encoding: str) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    return restore_cells(frame, name) if encoding == "utf-8-sig" else frame  # written for Excel


def _raw(folder: Path, entry: dict, fmt: str | None) -> pd.DataFrame:
    """One resource's table as stored (text from CSV, typed from Parquet, cells of a sheet or a row)."""
    name = str(entry["name"])
    own = str(entry.get("format", "csv"))
    if fmt in ("xlsx", "sqlite"):
        from reportparse.output.database import DATABASE, read_table
        from reportparse.output.workbook import WORKBOOK, read_sheet

        path = folder / (WORKBOOK if fmt == "xlsx" else DATABASE)
        if not path.is_file():
            raise FileNotFoundError(f"{path.name} is missing (write it with --format {fmt})")
        return read_sheet(path, name) if fmt == "xlsx" else read_table(path, name)
    kind = own if fmt is None or name == ERRORS else fmt  # errors.csv is CSV in every folder
    path = folder / (str(entry["path"]) if kind == own else f"{name}.{kind}")
    if not path.is_file():
        raise FileNotFoundError(f"{path.name} is missing")
    if kind == "parquet":
        return pd.read_parquet(path)
    return _csv(path, name, str(entry.get("encoding", "utf-8")))


def _typed(name: str, raw: pd.DataFrame, fields: list[dict]) -> pd.DataFrame:
    names = [str(field["name"]) for field in fields]
    if [str(column) for column in raw.columns] != names:
        raise ValueError(f"its columns {list(raw.columns)} are not those of {DESCRIPTOR} ({names})")
    columns = {}
    for field in fields:
        try:
            columns[field["name"]] = typed_column(raw[field["name"]], str(field["type"]))
        except (ValueError, TypeError) as exc:
            raise ValueError(f"column {field['name']}: {exc}") from None
    return pd.DataFrame(columns, columns=names).reset_index(drop=True)


def read_tables(folder: str | os.PathLike[str], *, format: str | None = None) -> dict[str, pd.DataFrame]:
    """The tables of an output folder as typed DataFrames, typed by its ``datapackage.json``.

    Args:
        folder: a folder written by ``reportparse parse --out`` (or ``Report.to_csv``,
            ``Corpus.to_parquet``, ...).
        format: which copy to read when a folder holds several: ``csv``, ``parquet``, ``xlsx``
            (``tables.xlsx``) or ``sqlite`` (``tables.sqlite``); default: the table files
            ``datapackage.json`` describes.

    Returns:
        Table name → DataFrame (documents, sections, dates, organizations, counts, references,
        entities, events, errors: those the folder holds), in the order of ``datapackage.json``.

    Raises:
        NotAnOutputFolderError: no such folder, no (or another) ``datapackage.json``, or a table
            missing, unreadable or not as described; the message names the table.
        ValueError: an unknown ``format``.
    """
    if format is not None and format not in READ_FORMATS:
        raise ValueError(f"unknown format {format!r}; choose from {', '.join(READ_FORMATS)}")
    folder = Path(folder)
    descriptor = _descriptor(folder)
    tables = {}
    for entry in descriptor.get("resources", []):
        name = str(entry.get("name"))
        try:
            tables[name] = _typed(name, _raw(folder, entry, format), list(entry["schema"]["fields"]))
        except (OSError, ValueError, KeyError, ImportError) as exc:
            message = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
            raise NotAnOutputFolderError(f"cannot read the {name} table: {message}", path=folder) from None
    return tables
