"""Progress of a batch on standard error: a bar on a terminal, plain log lines otherwise.

Log files and CI output get a line every tenth of the run (or every 30 s), not a bar redrawn
with carriage returns. Every message goes through :func:`printable`: a file name holding an
escape sequence, a carriage return or a line feed cannot rewrite the terminal or forge lines.
"""

from __future__ import annotations

import re
import sys
import time
from typing import TextIO

_UNPRINTABLE = re.compile(  # C0, DEL, C1; marks and overrides of text direction; line separators; surrogates
    "[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (os.fsdecode)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    r"""``text`` safe to print on a terminal: control characters (C0, DEL, C1: escape sequences,
    carriage returns, line feeds, tabs), bidirectional overrides, line separators and surrogates
    as ``\xNN``/``\uNNNN``.

    >>> printable("hesabat\x1b[2J\r\nreportparse: 0 failed.txt")
    'hesabat\\x1b[2J\\x0d\\x0areportparse: 0 failed.txt'
    """
    return _UNPRINTABLE.sub(_escape, text)


_REDRAW_SECONDS = 0.2
_LOG_SECONDS = 30.0
_BAR_WIDTH = 24


def _clock(seconds: float) -> str:
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class Progress:
    """Counts finished files and shows files/s and the time left.

    Args:
        total: how many files the run has.
        stream: where to write (default: standard error).
        enabled: False shows nothing but still counts.
        interactive: draw a bar (default: when ``stream`` is a terminal).
    """

    def __init__(
        self, total: int, *, stream: TextIO | None = None, enabled: bool = True, interactive: bool | None = None
    ) -> None:
        self.total, self.done, self.failed = total, 0, 0
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        isatty = getattr(self.stream, "isatty", None)
        self.interactive = interactive if interactive is not None else bool(isatty and isatty())
        self.started = time.monotonic()
        self._drawn = 0.0
        self._logged_at, self._logged_tenth = self.started, 0
        self._bar_shown = False

    @property
    def rate(self) -> float:
        """Files per second so far."""
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def status(self) -> str:
        """``12/100 files, 3.4 files/s, ETA 0:26, 1 failed``."""
        rate = self.rate
        left = f", ETA {_clock((self.total - self.done) / rate)}" if rate and self.done < self.total else ""
        failed = f", {self.failed} failed" if self.failed else ""
        return f"{self.done}/{self.total} files, {rate:.1f} files/s{left}{failed}"

    def advance(self, *, failed: bool = False) -> None:
        """One more file finished (parsed or failed)."""
        self.done += 1
        self.failed += failed
        if not self.enabled:
            return
        now = time.monotonic()
        if self.interactive:
            if now - self._drawn >= _REDRAW_SECONDS or self.done == self.total:
                self._draw()
                self._drawn = now
            return
        tenth = self.done * 10 // max(self.total, 1)
        if tenth > self._logged_tenth or now - self._logged_at >= _LOG_SECONDS:
            self._logged_tenth, self._logged_at = tenth, now
            print(f"reportparse: {self.status()}", file=self.stream, flush=True)

    def _draw(self) -> None:
        filled = self.done * _BAR_WIDTH // max(self.total, 1)
        bar = "#" * filled + "-" * (_BAR_WIDTH - filled)
        self.stream.write(f"\r[{bar}] {self.status()}\x1b[K")
        self.stream.flush()
        self._bar_shown = True

    def note(self, message: str) -> None:
        """Print a line (a warning, a failed file) without breaking the bar, made :func:`printable`."""
        if self.interactive and self._bar_shown:
            self.stream.write("\r\x1b[K")
        print(printable(message), file=self.stream, flush=True)
        if self.interactive and self._bar_shown and self.enabled:
            self._draw()

    def close(self) -> None:
        """End the bar's line."""
        if self.enabled and self.interactive and self._bar_shown:
            self._draw()
            self.stream.write("\n")
            self.stream.flush()
            self._bar_shown = False
