"""Writing tables to disk: atomically, so an interrupted run never leaves a half-written file."""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable
from pathlib import Path

import pandas as pd


def _replace_atomically(path: Path, write: Callable[[str], object]) -> Path:
    """Write through ``write(temporary_path)`` next to ``path``, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:  # like mkstemp, but with the umask's permissions (mkstemp's files are private)
        temporary = str(path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            break
        except FileExistsError:
            continue
    try:
        write(temporary)
        with open(temporary, "rb+") as stream:
            os.fsync(stream.fileno())  # on disk before the rename makes it visible
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def write_csv(frame: pd.DataFrame, path: str | os.PathLike[str], *, excel: bool = False) -> Path:
    """Write a table as UTF-8 CSV, replacing ``path`` only once the file is complete.

    Args:
        frame: the table.
        path: destination; its folder is created if needed.
        excel: start the file with a BOM so Excel detects UTF-8 (Azerbaijani letters).

    Returns:
        The destination path.
    """

    def write(temporary: str) -> None:
        with open(temporary, "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as stream:
            frame.to_csv(stream, index=False, lineterminator="\n")

    return _replace_atomically(Path(path), write)


def write_parquet(frame: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write a table as Parquet (needs pyarrow: ``pip install "reportparse[parquet]"``), atomically.

    Args:
        frame: the table.
        path: destination; its folder is created if needed.

    Returns:
        The destination path.

    Raises:
        ImportError: pyarrow is not installed.
    """
    try:
        import pyarrow  # noqa: F401  (pandas picks its engine silently; say what to install)
    except ImportError:
        raise ImportError('Parquet output needs pyarrow: pip install "reportparse[parquet]"') from None
    # object columns mixing str and NA (resumed CSV values, empty tables) must stay strings
    frame = frame.astype({c: "string" for c in frame.columns if frame[c].dtype == object})
    return _replace_atomically(Path(path), lambda temporary: frame.to_parquet(temporary, index=False))


def write_json(content: object, path: str | os.PathLike[str]) -> Path:
    """Write JSON (UTF-8, indented, non-ASCII kept), atomically."""
    text = json.dumps(content, ensure_ascii=False, indent=2) + "\n"
    return _replace_atomically(Path(path), lambda temporary: Path(temporary).write_text(text, encoding="utf-8"))
