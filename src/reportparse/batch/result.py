"""The outcome of parsing one file in a batch: its tables, or why it failed."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

TIMEOUT, MEMORY_LIMIT, WORKER_CRASH = "Timeout", "MemoryLimit", "WorkerCrash"
BATCH_STOPPED = "BatchStopped"
"""``error_type`` of the inputs a batch did not reach because it stopped on an error."""
"""``error_type`` of files a worker gave up on (other failures carry the exception's name)."""


@dataclass
class FileResult:
    """The outcome of one file: its tables, or why it failed.

    Attributes:
        path: the file as given or discovered.
        doc_id: the document's id (empty when reading failed).
        tables: one DataFrame per table, or None on failure (a
            :class:`~reportparse.tables.tableset.TableSet` from a worker: rows until looked up).
        error_type: empty on success; the exception's class name, or :data:`TIMEOUT`,
            :data:`MEMORY_LIMIT`, :data:`WORKER_CRASH`.
        message: what went wrong and what to do (without the path).
        notes: warnings about a parsed file (no headings, a scanned PDF, ...).
        seconds: time spent on the file in the worker.
    """

    path: str
    doc_id: str = ""
    tables: Mapping[str, pd.DataFrame] | None = None
    error_type: str = ""
    message: str = ""
    notes: tuple[str, ...] = ()
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """True when the file was parsed."""
        return self.tables is not None

    @classmethod
    def failure(
        cls, path: str | os.PathLike[str], error_type: str, message: str, *, seconds: float = 0.0
    ) -> FileResult:
        """A failed file."""
        return cls(path=str(path), error_type=error_type, message=message, seconds=seconds)
