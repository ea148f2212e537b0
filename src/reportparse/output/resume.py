"""Resuming a run into a folder that already holds tables (``reportparse parse --resume``).

**What a consistent folder is.** ``documents`` is the folder's record of what it holds: a write
puts every other table first and ``documents`` last, and a document leaving the folder (its file
changed) leaves ``documents`` first. So, whenever a run is killed, a table may hold rows of
documents ``documents`` does not list (they are dropped and parsed again), but every document
``documents`` lists has its rows in every table. :func:`check_tables` refuses what no
interruption can leave, a real contradiction:

* a table file missing beside ``documents`` (every write writes all of them), or one lacking a
  column of the contract;
* a ``doc_id`` empty or listed twice in ``documents``;
* two ``documents`` rows for one path (a file is one document; a changed file replaces its row);
* a document of ``documents`` with no row in ``sections`` (every parsed document has at least
  one: the text before the first heading, or the whole text).

**Which inputs a resumed run parses** (:func:`plan_resume`): those whose ``doc_id`` (SHA-256 of
the bytes) is not in ``documents``. An input whose path is in ``documents`` under another
``doc_id`` changed since it was written: its old rows are dropped and it is parsed again.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from reportparse.batch.discover import file_doc_id
from reportparse.errors import ReportParseError
from reportparse.tables.names import unescape_text
from reportparse.tables.schema import DOCUMENTS, SECTIONS
from reportparse.tables.schema import TABLES as SCHEMA


class InconsistentOutputError(ReportParseError):
    """An output folder whose tables cannot be resumed: missing, unreadable or contradictory."""


def _problem(tables: Mapping[str, pd.DataFrame], fmt: str) -> str | None:
    for name, frame in tables.items():
        missing = [column for column in SCHEMA[name].contract if column not in frame.columns]
        if missing:
            return f"{name}.{fmt} lacks the column{'s' if len(missing) > 1 else ''} {', '.join(missing)}"
    documents = tables[DOCUMENTS]
    doc_ids = documents["doc_id"].astype(str)
    if (doc_ids == "").any() or doc_ids.duplicated().any():
        repeated = sorted(set(doc_ids[doc_ids.duplicated() | (doc_ids == "")]))
        return f"{DOCUMENTS}.{fmt} lists a doc_id twice or empty ({', '.join(repr(d) for d in repeated[:3])})"
    paths = documents["path"].astype(str)
    paths = paths[paths != ""]  # a report parsed from text has no path
    if paths.duplicated().any():
        return f"{DOCUMENTS}.{fmt} lists two documents for one path ({paths[paths.duplicated()].iloc[0]})"
    sectioned = set(tables[SECTIONS]["doc_id"].astype(str))
    bare = [doc_id for doc_id in doc_ids if doc_id not in sectioned]
    if bare:
        return f"{len(bare)} document(s) of {DOCUMENTS}.{fmt} have no row in {SECTIONS}.{fmt} (doc_id {bare[0]})"
    return None


def check_tables(tables: Mapping[str, pd.DataFrame], *, folder: str | os.PathLike[str], fmt: str = "csv") -> None:
    """Refuse tables that contradict each other (see the module for what is consistent).

    Args:
        tables: every document table of the folder, as read.
        folder: the folder (for the message).
        fmt: ``csv`` or ``parquet`` (for the message).

    Raises:
        InconsistentOutputError: naming the contradiction and what to do.
    """
    problem = _problem(tables, fmt)
    if problem is not None:
        raise InconsistentOutputError(
            f"the tables contradict each other: {problem}; they were edited or written by something "
            "else than one reportparse run: write into a new folder (or delete these tables to start again)",
            path=Path(folder),
        )


@dataclass
class ResumePlan:
    """What a resumed run parses and keeps.

    Attributes:
        files: the inputs to parse.
        skipped: inputs already in the folder (same ``doc_id``).
        replaced: ``doc_id`` → path of documents whose file changed since (their rows dropped).
        prior: the folder's tables without the replaced documents (None: not resuming).
    """

    files: list[Path]
    skipped: int = 0
    replaced: dict[str, str] = field(default_factory=dict)
    prior: dict[str, pd.DataFrame] | None = None


def _key(path: str) -> str:
    return os.path.normcase(os.path.abspath(path))


def plan_resume(files: Sequence[Path], prior: dict[str, pd.DataFrame]) -> ResumePlan:
    """Which inputs to parse, given the tables already in the folder (:func:`read_output`).

    Args:
        files: the inputs.
        prior: the folder's tables (empty: nothing there yet).

    Returns:
        The plan: inputs whose ``doc_id`` is new, and the documents their new bytes replace.
    """
    if not prior:
        return ResumePlan(list(files), prior=prior)
    documents = prior[DOCUMENTS]
    done = set(documents["doc_id"])
    pairs = zip(documents["doc_id"], documents["path"], strict=True)
    by_path = {_key(unescape_text(str(path))): doc_id for doc_id, path in pairs if path}
    plan = ResumePlan([])
    for path in files:
        try:
            doc_id = file_doc_id(path)
        except OSError:
            plan.files.append(path)  # unreadable: the worker reports it
            continue
        if doc_id in done:
            plan.skipped += 1
            continue
        old = by_path.get(_key(os.fspath(path)))
        if old is not None:
            plan.replaced[old] = os.fspath(path)
        plan.files.append(path)
    plan.prior = {
        name: frame[~frame["doc_id"].isin(plan.replaced)].reset_index(drop=True) for name, frame in prior.items()
    }
    return plan
