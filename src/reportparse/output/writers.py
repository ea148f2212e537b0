"""Writing tables to disk: atomically, so an interrupted run never leaves a half-written file."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from reportparse.output.cells import safe_cells
from reportparse.tables.types import column_kinds, typed_frame


def replace_atomically(path: Path, write: Callable[[str], object]) -> Path:
    """Write through ``write(temporary_path)`` next to ``path``, then rename it into place.

    An ``OSError`` (a full disk, a read-only folder) names ``path``, not the temporary file."""
    temporary = candidate = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        while True:  # like mkstemp, but with the umask's permissions (mkstemp's files are private)
            candidate = str(path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp")
            try:
                os.close(os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
                temporary = candidate
                break
            except FileExistsError:
                continue
        write(temporary)
        with open(temporary, "rb+") as stream:
            os.fsync(stream.fileno())  # on disk before the rename makes it visible
        os.replace(temporary, path)
    except BaseException as exc:
        if temporary is not None:
            with contextlib.suppress(OSError):
                Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.filename in (None, candidate):
            exc.filename, exc.filename2 = str(path), None
        raise
    return path


def _record_ends(text: str) -> str:
    """CSV written with ``\\r\\n`` record ends, with ``\\n`` ones instead: a ``\\r\\n`` outside
    quotes ends a record (quotes toggle at every ``"``; a doubled ``""`` toggles twice)."""
    parts = text.split('"')
    parts[::2] = [part.replace("\r\n", "\n") for part in parts[::2]]
    return '"'.join(parts)


def _holds_carriage_return(frame: pd.DataFrame) -> bool:
    for name in frame.columns:
        values = frame[name]
        if isinstance(values.dtype, pd.StringDtype):
            if values.str.contains("\r", regex=False, na=False).any():
                return True
        elif values.dtype == object and values.map(lambda value: isinstance(value, str) and "\r" in value).any():
            return True
    return False


def write_csv(
    frame: pd.DataFrame, path: str | os.PathLike[str], *, excel: bool = False, table: str | None = None
) -> Path:
    """Write a table as UTF-8 CSV, replacing ``path`` only once the file is complete.

    A cell holding a line break (``\\n``, or a bare ``\\r``) is quoted, so that it reads back
    as one cell.

    Args:
        frame: the table.
        path: destination; its folder is created if needed.
        excel: start the file with a BOM so Excel detects UTF-8 (Azerbaijani letters), and
            neutralise cells a spreadsheet would run as formulas
            (:mod:`reportparse.output.cells`).
        table: the table's name in the schema registry (which columns are text); None: every
            column of strings.

    Returns:
        The destination path.
    """
    frame = safe_cells(frame, table, excel=excel)

    def write(temporary: str) -> None:
        with open(temporary, "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as stream:
            if _holds_carriage_return(frame):  # Python's csv quotes a cell with \r only when it ends records
                stream.write(_record_ends(frame.to_csv(index=False, lineterminator="\r\n")))
            else:
                frame.to_csv(stream, index=False, lineterminator="\n")

    return replace_atomically(Path(path), write)


def write_parquet(frame: pd.DataFrame, path: str | os.PathLike[str], *, table: str | None = None) -> Path:
    """Write a table as Parquet (needs pyarrow: ``pip install "reportparse[parquet]"``), atomically.

    Args:
        frame: the table.
        path: destination; its folder is created if needed.
        table: the table's name in the schema registry: its columns are then stored with their
            schema types (integers, numbers, booleans, dates); other columns are strings.

    Returns:
        The destination path.

    Raises:
        ImportError: pyarrow is not installed.
    """
    try:
        import pyarrow  # noqa: F401  (pandas picks its engine silently; say what to install)
    except ImportError:
        raise ImportError('Parquet output needs pyarrow: pip install "reportparse[parquet]"') from None
    frame = arrow_typed(safe_cells(frame, table), table)
    return replace_atomically(Path(path), lambda temporary: frame.to_parquet(temporary, index=False))


def arrow_typed(frame: pd.DataFrame, table: str | None = None) -> pd.DataFrame:
    """A table with the column types Parquet should store: the typed form of
    :mod:`reportparse.tables.types` (the schema's types for a known ``table``, empty cells missing),
    dates as Arrow ``date32``.

    Values read back from CSV (``--resume``: strings, ``""`` for missing) are converted too.
    """
    import pyarrow as pa

    typed = typed_frame(table, frame)
    dates = {
        name: typed[name].astype(pd.ArrowDtype(pa.date32()))
        for name, kind in column_kinds(table, typed).items()
        if kind == "date"
    }
    return typed.assign(**dates) if dates else typed


def write_json(content: object, path: str | os.PathLike[str]) -> Path:
    """Write JSON (UTF-8, indented, non-ASCII kept), atomically."""
    text = json.dumps(content, ensure_ascii=False, indent=2) + "\n"
    return replace_atomically(Path(path), lambda temporary: Path(temporary).write_text(text, encoding="utf-8"))
