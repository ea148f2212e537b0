"""Lines for a terminal: its width, and a progress bar fitted to it (the batch's bar of files,
:mod:`reportparse.batch.progress`, and the bar of OCRed pages, :mod:`reportparse.ingest.ocr`).

Standard library only, so the lowest layers may use it.
"""

from __future__ import annotations

import os
from typing import TextIO

BAR_WIDTH = 24
"""Characters of a bar when the terminal has room."""

_MIN_BAR_WIDTH = 5
_DEFAULT_COLUMNS = 80


def terminal_columns(stream: TextIO) -> int:
    """The width of the terminal ``stream`` writes to: ``COLUMNS`` when set (as the shell and
    :func:`shutil.get_terminal_size` read it), else the stream's terminal size, else 80.

    >>> import io
    >>> terminal_columns(io.StringIO()) > 0
    True
    """
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(stream.fileno()).columns or _DEFAULT_COLUMNS
    except (AttributeError, OSError, ValueError):
        return _DEFAULT_COLUMNS


def fit_bar(fraction: float, status: str, columns: int, *, prefix: str = "") -> str:
    """``prefix[####----] status`` in at most ``columns - 1`` characters (a character written in
    the last column makes many terminals wrap): the bar shrinks first, then goes, then the status
    is cut with ``…``. A ``prefix`` (a file name) takes at most a third of the line.

    >>> fit_bar(0.5, "12/24 files, 3.1 files/s, ETA 0:04", 60)
    '[###########-----------] 12/24 files, 3.1 files/s, ETA 0:04'
    >>> fit_bar(0.5, "12/24 files, 3.1 files/s, ETA 0:04", 30)
    '12/24 files, 3.1 files/s, ET…'
    >>> fit_bar(1.0, "6/6 pages", 40, prefix="a-very-long-scan-name.pdf: OCR ")
    'a-very-long… [##############] 6/6 pages'
    """
    room = max(columns - 1, 1)
    if len(prefix) > room // 3:
        prefix = prefix[: max(room // 3 - 2, 0)] + "… " if room // 3 >= 3 else ""
    room -= len(prefix)
    width = min(BAR_WIDTH, room - len(status) - 3)
    if width >= _MIN_BAR_WIDTH:
        filled = min(int(fraction * width), width)
        return f"{prefix}[{'#' * filled}{'-' * (width - filled)}] {status}"
    return prefix + (status if len(status) <= room else status[: max(room - 1, 0)] + "…")
