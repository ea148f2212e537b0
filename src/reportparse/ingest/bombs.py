"""Decompression-bomb guards: measure what compressed content decodes to, without keeping it.

PDFium decodes a page's content whole when it loads the page, parses it into objects (about 80
bytes of memory for each byte of text operators), and aborts the process when memory runs out,
so a 20 KB PDF whose content decodes to gigabytes cannot be stopped once handed over. These
guards run first and refuse such a file with a :class:`~reportparse.errors.ResourceLimitError`:

* every stream is decoded through its whole filter chain (Flate, LZW, ASCIIHex, ASCII85,
  RunLength, in any order: :mod:`.pdf_filters`) in bounded steps, without keeping the output,
  and measured against ``max_stream_bytes``, and all of them against ``max_inflated_bytes``;
  a stream's data is located as PDFium locates it (:mod:`.pdf_objects`), by its ``/Length``,
  and when that is not usable up to where its decoder ends, whatever ``endstream`` says;
* what each page draws is added up: every content stream as often as ``/Contents`` lists it,
  and every form XObject as often as it is drawn, nested draws multiplied out, against
  ``max_page_content_bytes`` and ``max_form_draws``; ``/Subtype /Image`` does not exempt a
  stream a page draws as content; and the strings it shows against ``max_page_text_bytes``
  (PDFium's text extraction takes time quadratic in the characters of one line).

Image streams that no page draws as content are skipped (text extraction never decodes them).
An encrypted PDF's streams are ciphertext: they do not decode and pass; the isolated reader
(:mod:`.sandbox`) is the guard there. Everything is linear in the file's size.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from reportparse.errors import CorruptFileError
from reportparse.ingest import pdf_filters
from reportparse.ingest.pdf_filters import FILTERS, MAX_EXPANSION, Decoder, Flate, looks_like_zlib, make_decoder
from reportparse.ingest.pdf_objects import MAX_XREF_STREAM, STRUCTURE_KEYS, Name, PdfIndex, Ref, Stream, scan
from reportparse.limits import Limits

_UNBOUNDED = 1 << 62
_REGULAR = rb"[^\x00\t\n\x0c\r ()<>\[\]{}/%]"
_DO = re.compile(rb"/(" + _REGULAR + rb"{1,127})(?:[\x00\t\n\x0c\r ]|%[^\r\n]*)*Do(?!" + _REGULAR + rb")")
_HEX_STRING = re.compile(rb"<[0-9A-Fa-f\x00\t\n\x0c\r ]+>")
_CARRY = 512  # bytes kept between pieces of content, so that a `/Name Do` split by a piece is seen
_OVERLAP_SLACK = 16 * 2**20
_SEARCH_FACTOR, _SEARCH_SLACK = 16, 256 * 2**20  # PDFium searches about 100 MB/s for a stream's end
_MAX_VISITS = 1_000_000  # form-drawing paths explored when max_form_draws is off


def _inflated_message(what: str) -> str:
    return f"bytes in {what} (a decompression bomb?)"


def inflated_size(data: bytes | memoryview, layers: int, budget: int) -> int:
    """Bytes that ``layers`` chained zlib decompressions of ``data`` produce (more when the output
    of the last one starts like zlib data, see :func:`.pdf_filters.measure`), up to about
    ``budget``. Damaged data counts what inflated before the damage.

    Args:
        data: the compressed bytes.
        layers: Flate filters declared (at least one is used).
        budget: counting stops a little past this.

    Returns:
        The largest output of the chain.
    """
    decoders: list[Decoder] = [Flate() for _ in range(max(layers, 1))]
    return pdf_filters.measure(data, decoders, budget).size


class _DoCounter:
    """Counts ``/Name Do`` operators (form and image draws) in content given piece by piece."""

    def __init__(self) -> None:
        self.counts: Counter[bytes] = Counter()
        self._carry = b""

    def __call__(self, piece: bytes) -> None:
        self._scan(self._carry + piece, final=False)

    def finish(self) -> Counter[bytes]:
        """Count what is left; the totals by name (``#xx`` escapes decoded)."""
        self._scan(self._carry, final=True)
        self._carry = b""
        return self.counts

    def _scan(self, text: bytes, *, final: bool) -> None:
        cut = len(text) if final else max(len(text) - _CARRY, 0)
        resume = cut
        if b"Do" in text:
            for match in _DO.finditer(text):
                if match.start() >= cut or (not final and match.end() >= len(text)):
                    resume = min(resume, match.start())  # may be incomplete: seen again with the next piece
                    break
                name = match.group(1)
                self.counts[_decode_name(name) if b"#" in name else name] += 1
        self._carry = b"" if final else text[max(resume, len(text) - 64 * _CARRY) :]


class _TextCounter:
    """Counts the bytes of the strings content shows (literal strings, hex strings halved), given
    piece by piece: nested and escaped parentheses honoured, without a limit on a string's length."""

    def __init__(self) -> None:
        self.total = 0
        self._depth = 0  # literal-string nesting carried from one piece to the next

    def __call__(self, piece: bytes) -> None:
        text = piece.replace(b"\\\\", b"").replace(b"\\(", b"").replace(b"\\)", b"")
        if b"(" in text or self._depth:
            codes = np.frombuffer(text, dtype=np.uint8)
            steps = (codes == 40).view(np.int8).astype(np.int32) - (codes == 41).view(np.int8)
            level = np.cumsum(steps, dtype=np.int64) + self._depth
            depth = level - np.minimum.accumulate(np.minimum(level, 0))  # a stray ")" cannot hide text
            self.total += int(np.count_nonzero(depth))
            self._depth = int(depth[-1]) if len(depth) else self._depth
        if b"<" in text:
            self.total += sum(len(found) for found in _HEX_STRING.findall(text)) // 2


def _decode_name(raw: bytes) -> bytes:
    return re.sub(rb"#([0-9A-Fa-f]{2})", lambda match: bytes((int(match.group(1), 16),)), raw)


def _names(value: object) -> list[bytes]:
    """Filter names or parameters as a list (a single name, an array, or nothing)."""
    return list(value) if isinstance(value, list) else [] if value is None else [value]  # type: ignore[list-item]


@dataclass
class _Chain:
    """The decoders a stream's filters call for; ``tail`` bounds the expansion of filters after a
    predictor, which are not decoded."""

    decoders: list[Decoder]
    tail: int = 0


@dataclass
class _Page:
    number: int
    contents: list[Ref]


@dataclass
class _Guard:
    """One PDF's check: streams first, then what the pages draw."""

    data: bytes
    limits: Limits
    path: str | Path | None
    index: PdfIndex = field(init=False)
    sizes: dict[int, int] = field(default_factory=dict)  # id(stream) → measured size
    counted: dict[int, int] = field(default_factory=dict)  # id(stream) → bytes it adds to the total
    total: int = 0
    consumed: int = 0
    stored_until: int = 0  # end of the file bytes counted for unfiltered streams so far

    def __post_init__(self) -> None:
        self.index = scan(self.data)

    # --- streams --------------------------------------------------------------------------------

    def _first(self, value: object) -> object:
        if not isinstance(value, Ref):
            return value
        found = self.index.resolve(value)
        return found[0] if found else None

    def _chain(self, stream: Stream) -> _Chain:
        dictionary = stream.dictionary
        names = [self._first(name) for name in _names(self._first(dictionary.get(b"Filter")))]
        parameters = [self._first(value) for value in _names(self._first(dictionary.get(b"DecodeParms")))]
        chain = _Chain([])
        for position, name in enumerate(names):
            kind = FILTERS.get(bytes(name)) if isinstance(name, Name) else None
            if kind is None:
                break  # an image filter (never decoded for text), Crypt, or junk: PDFium stops too
            given = parameters[position] if position < len(parameters) else None
            given = given if isinstance(given, dict) else {}
            chain.decoders.append(make_decoder(kind, given))
            predictor = self._first(given.get(b"Predictor"))
            if isinstance(predictor, int) and predictor > 1 and position + 1 < len(names):
                chain.tail = self._tail(names[position + 1 :])
                break
        if not names and looks_like_zlib(self.data[stream.start : stream.start + 2]):
            chain.decoders.append(Flate())  # compressed data behind a /Filter we could not see
        return chain

    @staticmethod
    def _tail(names: list[object]) -> int:
        """Upper bound of the expansion of filters left undecoded after a predictor."""
        factor = 1
        for name in names:
            kind = FILTERS.get(bytes(name)) if isinstance(name, Name) else None
            if kind is None:
                break
            factor *= MAX_EXPANSION[kind]
        return factor

    def _is(self, stream: Stream, key: bytes, value: bytes) -> bool:
        found = self._first(stream.dictionary.get(key))
        return isinstance(found, Name) and found == value

    def measure(
        self,
        stream: Stream,
        *,
        sink: Callable[[bytes], None] | None = None,
        keep: list[bytes] | None = None,
        again: bool = False,
    ) -> int:
        """Decode one stream through its filters (bounded), check it against ``max_stream_bytes``;
        its size (the stored length when it has no filter). ``again``: a stream a page draws, decoded
        (again) to count its ``Do`` operators, within the per-stream and per-page limits only."""
        chain = self._chain(stream)
        if not chain.decoders:  # stored as it is: the file's bytes, each counted once in the total
            if sink is not None:
                sink(self.data[stream.start : stream.end])
            self.counted[id(stream)] = max(0, stream.end - max(stream.start, self.stored_until))
            self.stored_until = max(self.stored_until, stream.end)
            self.sizes[id(stream)] = stream.end - stream.start
            return self.sizes[id(stream)]
        limits = self.limits
        bounds = [limits.max_stream_bytes, limits.max_page_content_bytes if again else None]
        bounds.append(limits.max_inflated_bytes if again else None)
        if not again and limits.max_inflated_bytes is not None:
            bounds.append(limits.max_inflated_bytes - self.total)
        budget = min((bound for bound in bounds if bound is not None), default=_UNBOUNDED)
        source = memoryview(self.data)[stream.start : stream.end if stream.length_valid else len(self.data)]
        collect = keep.append if keep is not None else sink
        result = pdf_filters.measure(source, chain.decoders, max(budget, 0), sink=collect)
        size = max(result.size, result.output * chain.tail)
        self.consumed += 0 if again else result.consumed  # a second decoding of the same stream is no overlap
        if self.consumed > 2 * len(self.data) + _OVERLAP_SLACK:
            raise CorruptFileError(
                "its streams overlap one another (the same data decoded again and again): not a PDF a "
                "program writes; re-export it from the original document",
                path=self.path,
            )
        self.limits.check("max_stream_bytes", size, path=self.path, what=_inflated_message("one decoded PDF stream"))
        self.sizes[id(stream)] = self.counted[id(stream)] = max(size, self.sizes.get(id(stream), 0))
        return self.sizes[id(stream)]

    def measure_streams(self) -> None:
        """Every stream but images: each against ``max_stream_bytes``, all against ``max_inflated_bytes``;
        object streams are decoded and their objects indexed."""
        for stream in self.index.streams:  # the list grows as cross-reference streams point to more objects
            if self._is(stream, b"Subtype", b"Image"):
                continue
            kind = self._first(stream.dictionary.get(b"Type"))
            pieces: list[bytes] | None = [] if kind in (b"ObjStm", b"XRef") else None
            self.measure(stream, keep=pieces)
            self.total += self.counted[id(stream)]
            self.limits.check(
                "max_inflated_bytes", self.total, path=self.path, what=_inflated_message("the PDF's decoded streams")
            )
            if pieces is not None and kind == b"ObjStm":
                self.index.add_object_stream(b"".join(pieces), stream.dictionary)
            elif pieces is not None and sum(map(len, pieces)) <= MAX_XREF_STREAM:
                self.index.add_xref_stream(b"".join(pieces), stream.dictionary)

    # --- pages -----------------------------------------------------------------------------------

    def _content_refs(self, value: object) -> list[Ref]:
        if isinstance(value, Ref) and self.index.stream_definitions(value):
            return [value]
        refs: list[Ref] = []
        for found in self.index.resolve(value):
            if isinstance(found, list):
                refs.extend(item for item in found if isinstance(item, Ref))
        return refs

    def _xobjects(self, value: object, names: dict[bytes, set[int]], depth: int = 0) -> None:
        """Collect every ``/XObject`` dictionary inside ``value`` (resources followed by reference):
        name → object numbers."""
        if depth > 8:
            return
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for key, item in items:
            if key == b"XObject":
                self._xobject_entries(item, names)
            elif key == b"Resources":
                for resolved in self.index.resolve(item):
                    self._xobjects(resolved, names, depth + 1)
            elif isinstance(item, (dict, list)):
                self._xobjects(item, names, depth + 1)

    def _xobject_entries(self, value: object, names: dict[bytes, set[int]]) -> None:
        for entries in self.index.resolve(value):
            if isinstance(entries, dict):
                for name, ref in entries.items():
                    if isinstance(ref, Ref):
                        names.setdefault(name, set()).add(ref.number)

    def structure(self, *, names_too: bool) -> tuple[list[_Page], Counter[int], dict[bytes, set[int]]]:
        """The pages (objects with ``/Contents``), how often the page tree lists each object, and
        (``names_too``: the file has form XObjects) every XObject name, all scopes merged: a name
        may stand for any of its objects."""
        pages: list[_Page] = []
        kids: Counter[int] = Counter()
        names: dict[bytes, set[int]] = {}
        keys = STRUCTURE_KEYS if names_too else frozenset((b"Contents", b"Kids"))
        for number, value in self.index.keyed_objects(keys):
            if not isinstance(value, dict):
                continue
            if b"Contents" in value:
                contents = self._content_refs(value[b"Contents"])
                if contents:
                    pages.append(_Page(number, contents))
            for listed in self.index.resolve(value.get(b"Kids")):
                if isinstance(listed, list):
                    kids.update(item.number for item in listed if isinstance(item, Ref))
            if names_too:
                self._xobjects(value, names)
        return pages, kids, names

    def check_pages(self) -> None:
        """What the pages draw, against ``max_page_content_bytes``, ``max_form_draws`` and, with
        every other stream, ``max_inflated_bytes``."""
        forms = {stream.number: stream for stream in self.index.streams if self._is(stream, b"Subtype", b"Form")}
        pages, kids, names = self.structure(names_too=bool(forms))
        if not pages:
            return
        drawing = _Drawing(self, names, forms)
        drawn_total = draws_total = 0
        for page in pages:
            size, draws = drawing.page(page.contents)
            self.limits.check(
                "max_page_content_bytes",
                size,
                path=self.path,
                what=f"bytes of content drawn by one page (object {page.number}; a decompression bomb?)",
            )
            times = max(kids[page.number], 1)
            drawn_total += times * size
            draws_total += times * draws
            self.limits.check("max_form_draws", draws_total, path=self.path, what="form XObjects drawn")
            text_limit = self.limits.max_page_text_bytes
            if text_limit is not None and size > text_limit:  # the strings shown are part of the content drawn
                self.limits.check(
                    "max_page_text_bytes",
                    drawing.text(page.contents),
                    path=self.path,
                    what=f"bytes of text shown by one page (object {page.number})",
                    advice="PDFium would take minutes to extract it",
                )
        others = sum(size for key, size in self.counted.items() if key not in drawing.used)
        self.limits.check(
            "max_inflated_bytes",
            others + drawn_total,
            path=self.path,
            what=_inflated_message("the content the PDF's pages draw and its other streams"),
        )


class _Drawing:
    """Sizes and form draws of what pages draw, nested form XObjects multiplied out."""

    def __init__(self, guard: _Guard, names: dict[bytes, set[int]], forms: dict[int, Stream]) -> None:
        self.guard = guard
        self.names = names
        self.forms = forms
        self.counts: dict[int, Counter[bytes]] = {}
        self.memo: dict[int, tuple[int, int]] = {}
        self.used: set[int] = set()
        self.visits = 0
        self.texts: dict[int, int] = {}
        self.text_memo: dict[int, int] = {}
        self.text_visits = 0

    def _size(self, stream: Stream) -> int:
        """The stream's decoded size, measured now when it was skipped as an image."""
        if id(stream) not in self.guard.sizes or (self.forms and id(stream) not in self.counts):
            counter = _DoCounter() if self.forms else None
            self.guard.measure(stream, sink=counter, again=True)
            self.counts[id(stream)] = counter.finish() if counter is not None else Counter()
        self.used.add(id(stream))
        return self.guard.sizes[id(stream)]

    def page(self, contents: list[Ref]) -> tuple[int, int]:
        """Bytes of content a page draws and forms it draws.

        Args:
            contents: its ``/Contents`` references, repeated ones included.

        Returns:
            (bytes, form draws).
        """
        size, draws, calls = 0, 0, Counter[bytes]()
        for ref in contents:
            streams = self.guard.index.stream_definitions(ref)
            if not streams:
                continue
            size += max(self._size(stream) for stream in streams)
            for stream in streams:
                calls.update(self.counts.get(id(stream), Counter()))
        for name, times in calls.items():
            form_size, form_draws, _clean = self._name(name, frozenset())
            size += times * form_size
            draws += times * form_draws
        return size, draws

    def _name(self, name: bytes, path: frozenset[int]) -> tuple[int, int, bool]:
        """The largest (bytes, draws) a ``/name Do`` may draw; whether no cycle was cut."""
        best_size = best_draws = 0
        clean = True
        for number in self.names.get(name, ()):
            form = self.forms.get(number)
            if form is None:
                continue  # an image, or nothing: parsed but not drawn as content
            if number in path:
                clean = False  # PDFium does not enter a form it is already drawing
                continue
            size, draws, form_clean = self._form(number, form, path)
            best_size, best_draws, clean = max(best_size, size), max(best_draws, draws), clean and form_clean
        return best_size, best_draws, clean

    def _form(self, number: int, form: Stream, path: frozenset[int]) -> tuple[int, int, bool]:
        if number in self.memo:
            return (*self.memo[number], True)
        self.visits += 1  # each visit is at least one draw (a distinct chain of `Do`s)
        if self.guard.limits.max_form_draws is None and self.visits > _MAX_VISITS:
            return 0, 0, False
        self.guard.limits.check(
            "max_form_draws", self.visits, path=self.guard.path, what="form XObjects drawn (at least)"
        )
        size, draws, clean = self._size(form), 1, True
        inner = path | {number}
        for name, times in self.counts.get(id(form), Counter()).items():
            name_size, name_draws, name_clean = self._name(name, inner)
            size, draws, clean = size + times * name_size, draws + times * name_draws, clean and name_clean
        if clean:
            self.memo[number] = (size, draws)
        return size, draws, clean

    # --- the text a page shows (asked only of pages that draw more content than the text limit) ---

    def text(self, contents: list[Ref]) -> int:
        """Bytes of the strings a page shows, those of its forms as often as they are drawn.

        Args:
            contents: its ``/Contents`` references, repeated ones included.

        Returns:
            The bytes (hex strings count half).
        """
        text, calls = 0, Counter[bytes]()
        for ref in contents:
            streams = self.guard.index.stream_definitions(ref)
            if not streams:
                continue
            text += max(self._text(stream) for stream in streams)
            for stream in streams:
                calls.update(self.counts.get(id(stream), Counter()))
        for name, times in calls.items():
            text += times * self._name_text(name, frozenset())[0]
        return text

    def _text(self, stream: Stream) -> int:
        if id(stream) not in self.texts:
            counter = _TextCounter()
            self.guard.measure(stream, sink=counter, again=True)
            self.texts[id(stream)] = counter.total
        return self.texts[id(stream)]

    def _name_text(self, name: bytes, path: frozenset[int]) -> tuple[int, bool]:
        best, clean = 0, True
        for number in self.names.get(name, ()):
            form = self.forms.get(number)
            if form is None:
                continue
            if number in path:
                clean = False
                continue
            value, form_clean = self._form_text(number, form, path)
            best, clean = max(best, value), clean and form_clean
        return best, clean

    def _form_text(self, number: int, form: Stream, path: frozenset[int]) -> tuple[int, bool]:
        if number in self.text_memo:
            return self.text_memo[number], True
        self.text_visits += 1
        if self.text_visits > _MAX_VISITS:
            return 0, False
        value, clean = self._text(form), True
        for name, times in self.counts.get(id(form), Counter()).items():
            inner, inner_clean = self._name_text(name, path | {number})
            value, clean = value + times * inner, clean and inner_clean
        if clean:
            self.text_memo[number] = value
        return value, clean


def check_pdf_streams(data: bytes, limits: Limits, *, path: str | Path | None = None) -> None:
    """Refuse a PDF whose streams decode, or whose pages draw, beyond ``limits``.

    Args:
        data: the file's bytes.
        limits: ``max_stream_bytes``, ``max_inflated_bytes``, ``max_page_content_bytes``,
            ``max_form_draws`` and ``max_page_text_bytes`` apply (``None`` turns one off).
        path: named in the error.

    Raises:
        ResourceLimitError: a stream, a page or the whole file beyond a limit.
        CorruptFileError: streams that overlap one another far beyond any real PDF, or whose ends
            PDFium would search for in quadratic time.
    """
    names = (
        "max_stream_bytes",
        "max_inflated_bytes",
        "max_page_content_bytes",
        "max_form_draws",
        "max_page_text_bytes",
    )
    if all(getattr(limits, name) is None for name in names):
        return
    guard = _Guard(data, limits, path)
    if guard.index.search_bytes > _SEARCH_FACTOR * len(data) + _SEARCH_SLACK:
        raise CorruptFileError(
            f"{guard.index.search_bytes:,} bytes to search for the ends of its streams (they have no usable "
            "/Length, and no endstream follows): PDFium would take minutes or hours; the file is damaged or "
            "crafted, re-export it from the original document",
            path=path,
        )
    guard.measure_streams()
    guard.check_pages()


def check_zip_members(data: bytes, limits: Limits, *, path: str | Path | None = None) -> None:
    """Refuse a DOCX (a zip) whose parts declare more inflated bytes than ``limits`` allow.

    Python's zipfile stops reading a part at its declared size, so the declared sizes bound
    what python-docx can inflate. Not a zip at all: left to the DOCX reader's own error.

    Args:
        data: the file's bytes.
        limits: ``max_stream_bytes`` and ``max_inflated_bytes`` apply.
        path: named in the error.

    Raises:
        ResourceLimitError: a part beyond ``max_stream_bytes``, or all beyond ``max_inflated_bytes``.
    """
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        return
    for member in members:
        limits.check("max_stream_bytes", member.file_size, path=path, what=f"bytes in the part {member.filename}")
    limits.check("max_inflated_bytes", sum(m.file_size for m in members), path=path, what="bytes in the DOCX's parts")
