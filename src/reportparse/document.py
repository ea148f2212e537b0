"""Plain data of the pipeline: extracted raw text, the normalized Document and its offset map.

No I/O and nothing Azerbaijani here; readers build a :class:`RawText`, the normalizer turns it
into a :class:`Document`. A document's tokens, folded text and morphology are its
:attr:`Document.layer` (:mod:`reportparse.lang.az.text`), built on first use.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from reportparse.lang.az.text import TextLayer

PAGE_SEPARATOR = "\f"
"""Joins the pages of :attr:`RawText.text`; the normalizer reads it as a line break."""


@dataclass(frozen=True)
class RawText:
    """Text as a reader extracted it, before any normalization.

    Attributes:
        pages: extracted text of each page, in reading order.
        source: path of the file read, or None for in-memory text.
        sha256: hex SHA-256 of the input bytes (the file, or the UTF-8 of a string).
        format: ``txt``, ``pdf``, ``docx`` or ``text`` (a string given directly).
        extractor: the engine that produced the text (``pypdfium2``, ``pdfplumber``, ...).
        furniture: spans of :attr:`text` that are running headers, footers or page numbers;
            kept in the raw text, dropped by the normalizer.
        metadata: format metadata (PDF Title, DOCX core properties, ...), strings only.
        warnings: human-readable notes about the extraction (also emitted as warnings).
        scanned: True when a PDF has no text layer at all.
    """

    pages: tuple[str, ...]
    source: str | None
    sha256: str
    format: str
    extractor: str
    furniture: tuple[tuple[int, int], ...] = ()
    metadata: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    scanned: bool = False

    @cached_property
    def text(self) -> str:
        """All pages joined by :data:`PAGE_SEPARATOR`."""
        return PAGE_SEPARATOR.join(self.pages)

    @cached_property
    def page_starts(self) -> list[int]:
        """Offset in :attr:`text` where each page starts."""
        starts, pos = [], 0
        for page in self.pages:
            starts.append(pos)
            pos += len(page) + len(PAGE_SEPARATOR)
        return starts


class OffsetMap:
    """Maps every offset of a normalized text to an offset of the raw text it came from.

    ``to_raw[i]`` is the raw offset of normalized character ``i``; ``to_raw[len(text)]`` is the
    length of the raw text, so spans map as ``[to_raw[start], raw_end(end))``. The map is
    non-decreasing: normalization deletes, replaces and joins, but never reorders text.
    """

    __slots__ = ("raw_length", "to_raw")

    def __init__(self, to_raw: np.ndarray, raw_length: int) -> None:
        self.to_raw = to_raw
        self.raw_length = raw_length

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls(np.arange(length + 1, dtype=np.int64), length)

    def __len__(self) -> int:
        return len(self.to_raw) - 1

    def raw_offset(self, offset: int) -> int:
        """Raw offset of the normalized character at ``offset`` (``len(text)`` is allowed)."""
        if not 0 <= offset <= len(self):
            raise IndexError(f"offset {offset} outside 0..{len(self)}")
        return int(self.to_raw[offset])

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw span covering the normalized span ``[start, end)``."""
        if not 0 <= start <= end <= len(self):
            raise IndexError(f"span {start}..{end} outside 0..{len(self)}")
        if start == end:
            pos = int(self.to_raw[start])
            return pos, pos
        return int(self.to_raw[start]), int(self.to_raw[end - 1]) + 1

    def normalized_offset(self, raw_offset: int) -> int:
        """First normalized offset whose raw position is at or after ``raw_offset``."""
        return int(np.searchsorted(self.to_raw, raw_offset, side="left"))


@dataclass(frozen=True)
class Page:
    """One page of a Document: ``number`` is 1-based, ``[start, end)`` a span of the text."""

    number: int
    start: int
    end: int


@dataclass
class Document:
    """A normalized document.

    Attributes:
        text: the normalized text every table's offsets refer to.
        raw: what the reader extracted (``raw.text``), with source, hash and metadata.
        offset_map: normalized offset → raw offset.
        doc_id: the file's SHA-256 prefix (12 hex chars) unless the caller gave one.
        pages: page spans in :attr:`text`, in order; a text file is one page.
    """

    text: str
    raw: RawText
    offset_map: OffsetMap
    doc_id: str
    pages: list[Page]

    @property
    def source(self) -> str | None:
        """Path of the file the document was read from, or None."""
        return self.raw.source

    @property
    def raw_text(self) -> str:
        """The extracted text before normalization (pages joined by a form feed)."""
        return self.raw.text

    @property
    def scanned(self) -> bool:
        """True for a PDF without a text layer (the text is then empty)."""
        return self.raw.scanned

    @property
    def layer(self) -> TextLayer:
        """The text layer of :attr:`text`: folded once, tokenized once, each word analyzed once.

        Built on first use and kept for the document (rebuilt only if :attr:`text` is replaced);
        extractors and spaCy components read it instead of folding and tokenizing again.
        """
        layer = self.__dict__.get("_layer")
        if layer is None or layer.text is not self.text:
            layer = TextLayer.of(self.text)
            self.__dict__["_layer"] = layer
        return layer

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.pop("_layer", None)  # rebuilt on first use: not worth its bytes in a pickle
        state.pop("_page_starts", None)
        return state

    def page_at(self, offset: int) -> int:
        """1-based number of the page holding the character at ``offset``."""
        if not 0 <= offset <= len(self.text):
            raise IndexError(f"offset {offset} outside 0..{len(self.text)}")
        kept = self.__dict__.get("_page_starts")
        if kept is None or kept[0] is not self.pages or kept[1] != len(self.pages):
            kept = (self.pages, len(self.pages), [page.start for page in self.pages])
            self.__dict__["_page_starts"] = kept  # built once, not once per section
        index = max(bisect.bisect_right(kept[2], offset) - 1, 0)
        return self.pages[index].number

    def raw_offset(self, offset: int) -> int:
        """Offset in :attr:`raw_text` of the character at ``offset`` of :attr:`text`."""
        return self.offset_map.raw_offset(offset)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Span of :attr:`raw_text` that the normalized span ``[start, end)`` came from."""
        return self.offset_map.raw_span(start, end)

    def __repr__(self) -> str:
        return (
            f"Document(doc_id={self.doc_id!r}, source={self.source!r}, pages={len(self.pages)}, chars={len(self.text)})"
        )
