"""Progress of a batch: a bar on a terminal, one updating bar in a Jupyter notebook, plain log
lines otherwise (:func:`choose_view`).

The terminal bar is fitted to the terminal's width (``COLUMNS``, else the size of the stream's
terminal), so it is redrawn in place and never wraps onto new lines. In a notebook, standard
error is no terminal: instead of a log line every tenth of the run (each a red block in the
notebook), one display is updated in place (``IPython.display`` with a ``display_id``: no
widget package needed). Log files and CI output get a line every tenth of the run (or every
30 s). Every message goes through :func:`printable`: a file name holding an escape sequence, a
carriage return or a line feed cannot rewrite the terminal or forge lines.
"""

from __future__ import annotations

import html
import re
import sys
import time
from collections.abc import Callable
from typing import Any, Literal, TextIO

from reportparse.console import fit_bar, terminal_columns

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

View = Literal["bar", "notebook", "log"]


def in_notebook() -> bool:
    """True inside a Jupyter kernel (Jupyter, JupyterLab, VS Code, Colab), where standard error is
    no terminal but a display can be updated in place.

    Only looks: it never imports IPython (a script that did not import it is no notebook).

    >>> in_notebook()
    False
    """
    if "IPython" not in sys.modules:
        return False
    get_ipython = getattr(sys.modules["IPython"], "get_ipython", None)
    shell = get_ipython() if callable(get_ipython) else None
    if shell is None:
        return False
    if type(shell).__name__ == "ZMQInteractiveShell":
        return True
    config = getattr(shell, "config", None)
    return bool(config is not None and "IPKernelApp" in config)


def choose_view(stream: TextIO | None, *, interactive: bool | None = None, notebook: bool | None = None) -> View:
    """How progress is shown on ``stream`` (None: standard error).

    ``bar`` on a terminal (or when ``interactive`` says so); ``notebook`` when the default
    stream is used inside a Jupyter kernel (:func:`in_notebook`; ``notebook`` overrides the
    check); ``log`` lines otherwise (a file, a pipe, CI).

    >>> import io
    >>> choose_view(io.StringIO(), notebook=True), choose_view(io.StringIO(), interactive=True)
    ('log', 'bar')
    """
    if interactive is not None:
        return "bar" if interactive else "log"
    target = stream if stream is not None else sys.stderr
    isatty = getattr(target, "isatty", None)
    if isatty is not None and isatty():
        return "bar"
    if stream is None and (notebook if notebook is not None else in_notebook()):
        return "notebook"
    return "log"


def _clock(seconds: float) -> str:
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class NotebookBar:
    """One progress display in a notebook, updated in place (an HTML ``<progress>`` element, and
    the status as text for frontends without HTML).

    Args:
        display: ``IPython.display.display`` (default: imported when first drawn), called once
            with ``display_id=True``; the handle it returns is updated afterwards.
    """

    def __init__(self, display: Callable[..., Any] | None = None) -> None:
        self._display = display
        self._handle: Any = None

    @staticmethod
    def bundle(done: int, total: int, status: str) -> dict[str, str]:
        """The display data: ``text/html`` and ``text/plain``.

        >>> NotebookBar.bundle(1, 4, "1/4 files")["text/plain"]
        'reportparse: 1/4 files'
        """
        text = html.escape(status)
        return {
            "text/html": f'<div><progress value="{done}" max="{max(total, 1)}" style="width:20em"></progress> '
            f"<span>{text}</span></div>",
            "text/plain": f"reportparse: {status}",
        }

    def _show(self) -> Callable[..., Any]:
        if self._display is not None:
            return self._display
        from IPython.display import display  # only inside a notebook, where IPython runs

        return display

    def draw(self, done: int, total: int, status: str) -> None:
        """Show the state: the first call creates the display, the next ones update it."""
        data = self.bundle(done, total, status)
        if self._handle is None:
            self._handle = self._show()(data, raw=True, display_id=True)
        else:
            self._handle.update(data, raw=True)


class Progress:
    """Counts finished files and shows files/s and the time left.

    Args:
        total: how many files the run has.
        stream: where to write (default: standard error).
        enabled: False shows nothing but still counts.
        interactive: draw a bar (default: when ``stream`` is a terminal).
        columns: the terminal's width for the bar (default: :func:`terminal_columns`, read at
            each redraw, so a resized terminal is followed).
        notebook: the view in a Jupyter notebook (default: :func:`choose_view` decides; pass a
            :class:`NotebookBar` to draw there).
    """

    def __init__(
        self,
        total: int,
        *,
        stream: TextIO | None = None,
        enabled: bool = True,
        interactive: bool | None = None,
        columns: int | None = None,
        notebook: NotebookBar | None = None,
    ) -> None:
        self.total, self.done, self.failed = total, 0, 0
        self.view: View = "notebook" if notebook is not None else choose_view(stream, interactive=interactive)
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self.interactive = self.view == "bar"
        self.columns = columns
        self._notebook = notebook if notebook is not None else NotebookBar() if self.view == "notebook" else None
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
        if self._notebook is not None:
            if now - self._drawn >= _REDRAW_SECONDS or self.done == self.total:
                self._notebook.draw(self.done, self.total, self.status())
                self._drawn = now
            return
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
        columns = self.columns if self.columns is not None else terminal_columns(self.stream)
        line = fit_bar(self.done / max(self.total, 1), self.status(), columns)
        self.stream.write(f"\r{line}\x1b[K")
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
        """End the bar's line (in a notebook: show the final count)."""
        if self.enabled and self._notebook is not None:
            self._notebook.draw(self.done, self.total, self.status())
            return
        if self.enabled and self.interactive and self._bar_shown:
            self._draw()
            self.stream.write("\n")
            self.stream.flush()
            self._bar_shown = False
