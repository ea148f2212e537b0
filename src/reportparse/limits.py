"""Resource limits: how big an input ``load`` accepts before refusing it.

The defaults sit far above real reports (a 100-page report is about 300,000 characters and a
few MB) and far below what exhausts a worker: a file beyond one of them fails at once with a
:class:`~reportparse.errors.ResourceLimitError` instead of running for minutes or being killed
for its memory. The batch runner adds a per-file time and memory limit on top
(:mod:`reportparse.batch.workers`).
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
            parts of a DOCX, together.
    """

    max_file_bytes: int | None = 256 * MiB
    max_pages: int | None = 5_000
    max_chars: int | None = 10_000_000
    max_stream_bytes: int | None = 256 * MiB
    max_inflated_bytes: int | None = 1024 * MiB

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

NO_LIMITS = Limits(None, None, None, None, None)
"""No limit at all (trusted input only)."""
