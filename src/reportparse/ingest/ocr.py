"""OCR of PDF pages without a text layer, with Tesseract's Azerbaijani model (``aze``).

A page is rendered with pypdfium2 at :data:`DPI` as an 8-bit grayscale image and handed to the
``tesseract`` binary on its standard input (a PGM image: no temporary file, no Python wrapper);
its text output becomes the page's text, so pages, offsets and ``raw_span`` work as for a text
layer. Calling the binary directly recognizes exactly what pytesseract and OCRmyPDF do (both run
the same Tesseract) at less cost: docs/input.md, "Scans (OCR)", has the measurements.

Modes (``ocr=`` / ``--ocr``): ``auto`` OCRs the pages that have no text when Tesseract is
installed; ``always`` OCRs every page (and fails without Tesseract); ``never`` reads the text
layer only. A scan that yields no text is an error of :func:`scan_error`, never an empty
document counted as parsed.

Time: each page's OCR runs in its own ``tesseract`` process, killed after
:data:`PAGE_SECONDS`; :mod:`reportparse.ingest.loader` extends the reader's time limit by that
much per page to OCR, so a 100-page scan is bounded per page, not by the 120 s of one file.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reportparse.console import fit_bar, terminal_columns
from reportparse.errors import OcrUnavailableError, ReportParseError, ScannedDocumentError

if TYPE_CHECKING:
    import pypdfium2 as pdfium

OCR_MODES = ("auto", "always", "never")
DEFAULT_OCR = "auto"

LANGUAGE = "aze"
"""Tesseract's Latin-script Azerbaijani model (``aze_cyrl`` is the Cyrillic one)."""

DPI = 300
"""Resolution pages are rendered at for OCR (docs/input.md, "Scans (OCR)": 300 beats 150 and 200 on
200 and 300 dpi scans)."""

PAGE_SECONDS = 60.0
"""Most time one page's OCR may take; also what each page to OCR adds to the reader's time limit."""

PROGRESS_PAGES = 5
"""A progress bar (on a terminal) for scans with at least this many pages to OCR."""

METADATA_KEY = "reportparse:ocr_pages"
"""Key of ``RawText.metadata`` listing the pages (1-based, comma-separated) whose text is OCR's."""

INSTALL = "apt-get install tesseract-ocr tesseract-ocr-aze"


def check_mode(mode: str) -> str:
    """``mode`` if it is one of :data:`OCR_MODES`.

    Args:
        mode: ``auto``, ``always`` or ``never``.

    Returns:
        The mode.

    Raises:
        ValueError: any other value.
    """
    if mode not in OCR_MODES:
        raise ValueError(f"unknown ocr mode {mode!r}; choose one of {', '.join(OCR_MODES)}")
    return mode


@functools.lru_cache(maxsize=1)
def unavailable() -> str | None:
    """Why OCR cannot run on this machine, or None when it can (checked once per process).

    Returns:
        None, or what is missing and how to install it.
    """
    binary = shutil.which("tesseract")
    if binary is None:
        return f"Tesseract is not installed ({INSTALL})"
    try:
        listed = subprocess.run(
            [binary, "--list-langs"], capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL
        )
    except (OSError, subprocess.SubprocessError) as exc:
        return f"Tesseract does not run ({exc})"
    if LANGUAGE not in (listed.stdout + listed.stderr).split():
        return f"Tesseract has no Azerbaijani model '{LANGUAGE}' (apt-get install tesseract-ocr-aze)"
    return None


def pages_to_ocr(texts: Sequence[str], mode: str) -> list[int]:
    """Indexes (0-based) of the pages ``mode`` OCRs: ``auto`` those without text, ``always`` all.

    Args:
        texts: each page's text layer.
        mode: one of :data:`OCR_MODES`.

    Returns:
        The page indexes, in order.
    """
    if mode == "always":
        return list(range(len(texts)))
    if mode == "auto":
        return [index for index, text in enumerate(texts) if not text.strip()]
    return []


def ocr_page_numbers(metadata: dict[str, str]) -> list[int]:
    """The 1-based numbers of the pages whose text OCR gave, read from ``RawText.metadata``."""
    value = metadata.get(METADATA_KEY, "")
    return [int(number) for number in value.split(",") if number]


BLANK_LEVEL = 160
"""A rendered page with no pixel darker than this (0 black, 255 white) is blank: no OCR."""


def _pgm(page: pdfium.PdfPage, dpi: int) -> bytes | None:
    """The page as an 8-bit grayscale PGM image (Tesseract reads it from standard input), or
    None for a blank page (no objects, or nothing dark drawn): Tesseract is not run on it."""
    if next(iter(page.get_objects(max_depth=1)), None) is None:
        return None
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    try:
        pixels = bitmap.to_numpy()
        if pixels.ndim == 3:  # a renderer that gave BGR(A) despite grayscale=True
            pixels = pixels[..., :3].mean(axis=2).astype("uint8")
        if pixels.size == 0 or int(pixels.min()) > BLANK_LEVEL:
            return None
        height, width = pixels.shape[:2]
        return b"P5\n%d %d\n255\n" % (width, height) + pixels.tobytes()
    finally:
        bitmap.close()


def recognize(image: bytes, *, path: str | Path, page: int) -> str:
    """Text of one page image, by Tesseract with the Azerbaijani model.

    Args:
        image: a PGM, PNG or TIFF image.
        path: the file (named in errors).
        page: its 1-based page number (named in errors).

    Returns:
        The recognized text, lines joined by ``\\n`` (never a form feed).

    Raises:
        ReportParseError: Tesseract failed on the page, or ran over :data:`PAGE_SECONDS`.
    """
    binary = shutil.which("tesseract") or "tesseract"
    environment = dict(os.environ)
    environment.setdefault("OMP_THREAD_LIMIT", "1")  # one CPU per page: batch workers run side by side
    try:
        done = subprocess.run(
            [binary, "stdin", "stdout", "-l", LANGUAGE, "--psm", "3"],
            input=image,
            capture_output=True,
            timeout=PAGE_SECONDS,
            env=environment,
        )
    except subprocess.TimeoutExpired:
        raise ReportParseError(f"OCR of page {page} took longer than {PAGE_SECONDS:g} s", path=path) from None
    except OSError as exc:
        raise ReportParseError(f"Tesseract cannot run ({exc})", path=path) from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit code {done.returncode}"]
        raise ReportParseError(f"OCR of page {page} failed ({reason[0]})", path=path)
    return done.stdout.decode("utf-8", "replace").replace("\f", "").replace("\r", "").rstrip()


def _printable(char: str) -> str:
    """A character of a file name as the terminal may show it (control characters escaped)."""
    return char if char.isprintable() else f"\\x{ord(char):02x}" if ord(char) <= 0xFF else f"\\u{ord(char):04x}"


class PageProgress:
    """A bar of OCRed pages on standard error, in the style of the batch's files bar; drawn only
    on a terminal and for scans of :data:`PROGRESS_PAGES` pages or more.

    Args:
        total: pages to OCR.
        name: the file's name, shown before the bar.
        enabled: False draws nothing.
        stream: where to draw (default: standard error).
        columns: the terminal's width (default: :func:`reportparse.console.terminal_columns`, read
            at each redraw); the line never reaches the last column (the name is cut first).
    """

    def __init__(
        self, total: int, *, name: str, enabled: bool, stream: TextIO | None = None, columns: int | None = None
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.columns = columns
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = enabled and total >= PROGRESS_PAGES and bool(isatty and isatty())
        self.total, self.done, self.name = total, 0, "".join(map(_printable, name))
        self.started = time.monotonic()

    def advance(self) -> None:
        """One more page OCRed."""
        self.done += 1
        if not self.enabled:
            return
        elapsed = time.monotonic() - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        left = round((self.total - self.done) / rate) if rate else 0
        eta = f", ETA {left // 60}:{left % 60:02d}" if self.done < self.total else ""
        status = f"{self.done}/{self.total} pages, {rate:.2f} pages/s{eta}"
        columns = self.columns if self.columns is not None else terminal_columns(self.stream)
        line = fit_bar(self.done / self.total, status, columns, prefix=f"{self.name}: OCR ")
        self.stream.write(f"\r{line}\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        """End the bar's line."""
        if self.enabled and self.done:
            self.stream.write("\n")
            self.stream.flush()


_time_requests: list[Callable[[float], None]] = []


def on_time_request(callback: Callable[[float], None] | None) -> None:
    """Be told, before OCR starts, how many more seconds it may take (a batch worker passes it on,
    so its per-file time limit grows by :data:`PAGE_SECONDS` per page to OCR).

    Args:
        callback: called with the seconds; None removes the callback.
    """
    _time_requests[:] = [] if callback is None else [callback]


def ocr_pages(
    document: pdfium.PdfDocument,
    indexes: Sequence[int],
    *,
    path: str | Path,
    dpi: int = DPI,
    progress: bool = False,
) -> tuple[dict[int, str], list[str]]:
    """OCR some pages of an open PDF.

    Args:
        document: the PDF.
        indexes: 0-based indexes of the pages to OCR.
        path: the file (named in notes and errors).
        dpi: the rendering resolution.
        progress: draw a page bar on standard error when it is a terminal (long scans only).

    Returns:
        The text of each page OCRed (by index), and notes about pages OCR failed on (their
        text stays empty).
    """
    texts: dict[int, str] = {}
    notes: list[str] = []
    for request in _time_requests:
        request(PAGE_SECONDS * len(indexes))
    bar = PageProgress(len(indexes), name=Path(path).name, enabled=progress)
    try:
        for index in indexes:
            page = document[index]
            try:
                image = _pgm(page, dpi)
            finally:
                page.close()
            try:
                texts[index] = "" if image is None else recognize(image, path=path, page=index + 1)
            except ReportParseError as exc:
                notes.append(str(exc).removeprefix(f"{path}: "))
            bar.advance()
    finally:
        bar.close()
    return texts, notes


def scan_error(path: str | None, *, mode: str) -> ScannedDocumentError:
    """The error for a PDF without a text layer whose text could not be had.

    Args:
        path: the file.
        mode: the OCR mode it was read with.

    Returns:
        :class:`OcrUnavailableError` when Tesseract (or its model) is missing, else
        :class:`ScannedDocumentError` (OCR turned off, or it found no text).
    """
    if mode == "never":
        return ScannedDocumentError(
            "the PDF has no text layer (a scan) and OCR is off; parse it with --ocr auto (ocr='auto')", path=path
        )
    missing = unavailable()
    if missing is not None:
        return OcrUnavailableError(f"the PDF has no text layer (a scan): it needs OCR, and {missing}", path=path)
    return ScannedDocumentError(
        "the PDF has no text layer and OCR found no text on its pages; check that the scan is legible", path=path
    )
