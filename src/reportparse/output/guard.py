"""The output folder guard of ``reportparse parse``: a run never silently replaces the tables an
earlier run left in ``--out``.

A folder is *free* when it does not exist, is empty, holds no ``documents`` table (CSV or
Parquet) or one without rows. Otherwise it holds results, and a run without ``--resume`` or
``--overwrite`` is refused (:class:`OutputNotEmptyError`, nothing touched), with a message
saying which option to use:

* results of **other inputs** (``documents`` lists a path that is not among this run's inputs):
  ``--overwrite`` would drop them, ``--resume`` adds this run's documents to them;
* results of the **same inputs** (a re-run): ``--resume`` parses only what is new or changed,
  ``--overwrite`` parses everything again.

Only the command line guards: ``Report.to_csv`` and ``Corpus.to_csv`` replace the tables.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from reportparse.errors import ReportParseError
from reportparse.output.cells import restore_cells
from reportparse.tables.names import unescape_text
from reportparse.tables.schema import DOCUMENTS

DOCUMENT_FILES = (f"{DOCUMENTS}.csv", f"{DOCUMENTS}.parquet")
"""The files whose rows make a folder hold results (whatever the run's ``--format``)."""

_BOM = b"\xef\xbb\xbf"
_SHOWN = 3


class OutputNotEmptyError(ReportParseError):
    """An output folder holding the tables of an earlier run, written into without ``--resume`` or
    ``--overwrite``."""


def _paths(table: Path) -> list[str]:
    """The ``path`` column of a documents table, as the names were given to the run."""
    if table.suffix == ".parquet":
        paths = pd.read_parquet(table, columns=["path"])["path"]  # a report parsed from text: missing
        return ["" if pd.isna(path) else str(path) for path in paths]
    frame = pd.read_csv(table, dtype=str, keep_default_na=False, encoding="utf-8-sig", usecols=["path"])
    with open(table, "rb") as stream:
        if stream.read(len(_BOM)) == _BOM:  # written for Excel: formulas were neutralised
            frame = restore_cells(frame, DOCUMENTS)
    return list(frame["path"])


def _key(path: str | os.PathLike[str]) -> str:
    return os.path.normcase(os.path.abspath(path))


def _previous(folder: Path) -> list[str]:
    """Paths of the documents the folder's tables hold (``""``: a report parsed from text)."""
    paths: list[str] = []
    for name in DOCUMENT_FILES:
        table = folder / name
        if not table.is_file():
            continue
        try:
            paths += _paths(table)
        except (OSError, ValueError, ImportError) as exc:  # unreadable, no path column, pyarrow missing
            raise OutputNotEmptyError(
                f"--out {folder} holds a {name} that cannot be read ({exc}); --overwrite replaces the folder's tables, "
                "or choose another --out",
            ) from None
    return paths


def check_previous_results(folder: str | os.PathLike[str], *, inputs: Iterable[str | os.PathLike[str]]) -> None:
    """Refuse a folder holding tables of an earlier run (see the module).

    Args:
        folder: the ``--out`` folder (it may not exist).
        inputs: this run's input files, as found (relative paths are taken from the current folder).

    Raises:
        OutputNotEmptyError: the folder holds results; the message says whether of other inputs or
            of these, and which of ``--resume`` and ``--overwrite`` to use.
    """
    folder = Path(folder)
    previous = _previous(folder) if folder.is_dir() else []
    if not previous:
        return
    ours = {_key(path) for path in inputs}
    others = [path for path in previous if not path or _key(unescape_text(path)) not in ours]
    if others:
        shown = ", ".join(path or "(text, no file)" for path in others[:_SHOWN]) + (
            ", ..." if len(others) > _SHOWN else ""
        )
        raise OutputNotEmptyError(
            f"--out {folder} holds the tables of other inputs: {len(others)} of its {len(previous)} document(s) "
            f"are not among this run's inputs ({shown}); --overwrite replaces them, --resume adds this run's documents "
            "to them, or choose another --out",
        )
    raise OutputNotEmptyError(
        f"--out {folder} already holds the tables of these inputs ({len(previous)} document(s) of an earlier run); "
        "--resume parses only the files that are new or changed since, --overwrite parses everything again "
        "and replaces the tables",
    )
