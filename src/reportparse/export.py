"""Writing tables to disk: atomically, so an interrupted run never leaves a half-written CSV."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd


def write_csv(frame: pd.DataFrame, path: str | os.PathLike[str], *, excel: bool = False) -> Path:
    """Write a table as UTF-8 CSV, replacing ``path`` only once the file is complete.

    Args:
        frame: the table.
        path: destination; its folder is created if needed.
        excel: start the file with a BOM so Excel detects UTF-8 (Azerbaijani letters).

    Returns:
        The destination path.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as stream:
            frame.to_csv(stream, index=False, lineterminator="\n")
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
