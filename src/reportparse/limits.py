"""Resource limits: how big an input ``load`` accepts before refusing it.

The defaults sit far above real reports (a 100-page report is about 300,000 characters and a
few MB) and far below what exhausts a worker: a file beyond one of them fails at once with a
:class:`~reportparse.errors.ResourceLimitError` instead of running for minutes or being killed
for its memory. Outside a batch, ``load`` reads PDF and DOCX files in a child process under a
time and a memory limit (``max_seconds``, ``max_memory_mb``; :mod:`reportparse.ingest.sandbox`);
the batch runner's workers have their own (:mod:`reportparse.batch.workers`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportparse.errors import ResourceLimitError

MiB = 2**20


@dataclass(frozen=True)
class Limits:
    """Largest input ``load`` reads. ``None`` disables a limit.

    Attributes:
        max_file_bytes: size of the file on disk (checked before it is read).
        max_pages: pages of a PDF (checked before any page is extracted).
        max_chars: characters of extracted text (a PDF stops at the page that crosses it).
        max_stream_bytes: inflated size of one compressed PDF stream or DOCX part: the guard
            against decompression bombs, checked before the PDF engine sees the file.
        max_inflated_bytes: inflated size of all of a PDF's non-image streams, or of all the
            parts of a DOCX, together; a stream a page draws several times (listed again in
            ``/Contents``, a form XObject drawn again) counts each time.
        max_page_content_bytes: inflated content one PDF page draws: its content streams and the
            form XObjects it draws, each as often as it is drawn (PDFium holds a page's parsed
            content in memory, about 80 bytes for each byte of text operators).
        max_form_draws: form XObjects drawn in all, nested draws multiplied out (forms drawn
            ten times each, seven levels deep, are ten million draws).
        max_page_text_bytes: bytes of the strings one PDF page's text operators show, forms
            counted as often as drawn (about its characters; a dense page shows 5,000): PDFium
            takes time quadratic in the characters of one line (2.6 million took 15 s).
        max_docx_elements: XML elements in all the XML parts of a DOCX (and of the documents
            embedded in it), counted on the inflated bytes before python-docx parses them: it
            holds about 200 bytes of memory for each (5,000,000 ≈ 1 GB).
        max_docx_paragraphs: paragraphs of a DOCX (every XML part), counted the same way; the
            reader spends a few microseconds on each, even an empty one.
        max_docx_runs: runs (stretches of text in one format) of a DOCX, counted the same way.
        isolate: read PDF and DOCX files in a child process, so that a crash, a hang or an
            exhausted memory in a native parser becomes an error, not a dead interpreter. Off
            for debugging; never used inside a batch worker (already isolated).
        max_seconds: time the child process may take for one file (``isolate`` only).
        max_memory_mb: address space (MiB) the child process may add for one file (``isolate``
            only; Linux and macOS).
    """

    max_file_bytes: int | None = 256 * MiB
    max_pages: int | None = 5_000
    max_chars: int | None = 10_000_000
    max_stream_bytes: int | None = 256 * MiB
    max_inflated_bytes: int | None = 1024 * MiB
    max_page_content_bytes: int | None = 32 * MiB
    max_form_draws: int | None = 100_000
    max_page_text_bytes: int | None = 1_000_000
    max_docx_elements: int | None = 5_000_000
    max_docx_paragraphs: int | None = 500_000
    max_docx_runs: int | None = 1_000_000
    isolate: bool = True
    max_seconds: float | None = 120.0
    max_memory_mb: int | None = 3072

    def check(self, name: str, value: int, *, path: str | Path | None = None, what: str, advice: str = "") -> None:
        """Raise :class:`ResourceLimitError` when ``value`` exceeds the limit ``name``.

        Args:
            name: the attribute (``max_pages``, ...), named in the message.
            value: the measured size.
            path: the file, named in the message.
            what: the measured quantity (``pages``), for the message.
            advice: what to do besides raising the limit.
        """
        limit = getattr(self, name)
        if limit is not None and value > limit:
            advice = f"{advice}; " if advice else ""
            raise ResourceLimitError(
                f"{value:,} {what}, more than the limit of {limit:,} ({name}); {advice}"
                f"if the file is genuine, raise the limit: load(..., limits=Limits({name}=...))",
                path=path,
            )


DEFAULT_LIMITS = Limits()
"""The limits ``load`` applies unless given others."""

NO_LIMITS = Limits(
    max_file_bytes=None,
    max_pages=None,
    max_chars=None,
    max_stream_bytes=None,
    max_inflated_bytes=None,
    max_page_content_bytes=None,
    max_form_draws=None,
    max_docx_elements=None,
    max_docx_paragraphs=None,
    max_docx_runs=None,
    max_seconds=None,
    max_memory_mb=None,
)
"""No limit at all (trusted input only); files are still read in an isolated child process."""
