"""A light view of a PDF's objects, in linear time, for the decompression-bomb guard (:mod:`.bombs`).

Not a reader (PDFium reads the file): just enough structure to know what PDFium will decode and
how often. Objects are found by their ``N G obj`` headers, as PDFium finds them when it rebuilds
a damaged cross-reference table, so an object the cross-reference table points to inside another
stream's data is found too. Stream data is located as PDFium does: after the line end that follows
``stream``, ``/Length`` bytes when the length is a number (direct or by reference) followed by
``endstream``, else up to the first ``endstream`` or ``endobj``. Objects inside object streams are
indexed once those are decoded (:meth:`PdfIndex.add_object_stream`).

Every pass is linear in the file's size: keywords are found with ``bytes.find``, searches for the
next line end or keyword move forward only, and the tokenizer reads each object once, stopping at
the next object header.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

_REGULAR = rb"[^\x00\t\n\x0c\r ()<>\[\]{}/%]"
_TOKEN = re.compile(
    rb"(?P<skip>[\x00\t\n\x0c\r ]+|%[^\r\n]*)"
    rb"|/(?P<name>" + _REGULAR + rb"*)"
    rb"|(?P<word>" + _REGULAR + rb"+)"
    rb"|(?P<dopen><<)|(?P<dclose>>>)|(?P<aopen>\[)|(?P<aclose>\])"
    rb"|(?P<hex><[0-9A-Fa-f\x00\t\n\x0c\r ]*>)"
    rb"|(?P<string>\()"
    rb"|(?P<other>[\s\S])"
)
_STRING_PART = re.compile(rb"\\[\s\S]|[()]")
_INTEGER = re.compile(rb"[+-]?\d+")
_REAL = re.compile(rb"[+-]?(?:\d+\.\d*|\.\d+)")
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_SPACE = rb"(?:[\x00\t\n\x0c\r ]|%[^\r\n]*[\r\n])+"  # whitespace and comments, as PDFium skips them
_HEADER = re.compile(rb"(?<![0-9])(\d{1,10})" + _SPACE + rb"(\d{1,5})" + _SPACE + rb"\Z")
STRUCTURE_KEYS = frozenset((b"Contents", b"Kids", b"XObject", b"Resources"))
"""The keys the page structure is read from."""
_ESCAPED_NAME = rb"/([A-Za-z0-9]{0,40}#[A-Za-z0-9#]{2,40})(?!" + _REGULAR + rb")"


def _keys_pattern(keys: frozenset[bytes]) -> re.Pattern[bytes]:
    """Where an object may need parsing for the page structure: one of ``keys``, or a name with
    ``#xx`` escapes (``/Cont#65nts`` is ``/Contents`` to PDFium), checked once decoded."""
    plain = b"|".join(re.escape(key) for key in sorted(keys))
    return re.compile(rb"/(" + plain + rb")(?!" + _REGULAR + rb")|" + _ESCAPED_NAME)


_HEADER_AT = re.compile(
    rb"(?:" + _SPACE + rb")?(\d{1,10})" + _SPACE + rb"\d{1,5}" + _SPACE + rb"obj(?!" + _REGULAR + rb")"
)
MAX_XREF_STREAM = 4 * 2**20
"""Largest decoded cross-reference stream read for offsets (its predictor is undone in Python)."""
_ENDSTREAM_AFTER_LENGTH = re.compile(rb"[\x00\t\n\x0c\r ]{0,256}endstream")
_OBJECT_ENDS = frozenset((b"stream", b"endstream", b"endobj"))
_MAX_DEPTH = 32
_MAX_INDIRECTION = 8
_DELIMITERS = frozenset(b"\x00\t\n\x0c\r ()<>[]{}/%")


class Ref(NamedTuple):
    """An indirect reference ``N G R``."""

    number: int
    generation: int


class Name(bytes):
    """A PDF name without its slash, ``#xx`` escapes decoded."""


class Keyword(bytes):
    """A bare word that is not a number, a boolean or null (``R``, ``stream``, ``obj``, junk)."""


def _name(raw: bytes) -> Name:
    if b"#" in raw:
        raw = _NAME_ESCAPE.sub(lambda match: bytes((int(match.group(1), 16),)), raw)
    return Name(raw)


def _string_end(buffer: bytes, start: int, end: int) -> int:
    """Position after the literal string whose ``(`` is just before ``start`` (nested parentheses
    and backslash escapes honoured); ``end`` when it is not closed."""
    depth = 1
    for part in _STRING_PART.finditer(buffer, start, end):
        token = part.group()
        if token == b"(":
            depth += 1
        elif token == b")":
            depth -= 1
            if depth == 0:
                return part.end()
    return end


def _word(raw: bytes) -> object:
    if _INTEGER.fullmatch(raw):
        return int(raw)
    if _REAL.fullmatch(raw):
        return float(raw)
    return {b"true": True, b"false": False, b"null": None}.get(raw, Keyword(raw))


def _close(items: list[object], is_dict: bool) -> object:
    """The container read: a list, or a dict in which, as in PDFium, anything but a name where a
    key should be is skipped (so a stray value cannot hide the keys after it)."""
    if not is_dict:
        return items
    result: dict[bytes, object] = {}
    index = 0
    while index < len(items) - 1:
        key = items[index]
        if isinstance(key, Name):
            result[bytes(key)] = items[index + 1]
            index += 2
        else:
            index += 1
    return result


def _add(container: list[object], value: object) -> None:
    """Append a value; ``N G R`` becomes a :class:`Ref`."""
    if (
        isinstance(value, Keyword)
        and value == b"R"
        and len(container) >= 2
        and type(container[-1]) is int
        and type(container[-2]) is int
    ):
        generation, number = container.pop(), container.pop()
        container.append(Ref(number, generation))  # type: ignore[arg-type]
    else:
        container.append(value)


class _Stack:
    """The containers being read, with the ones nested too deep only counted."""

    def __init__(self) -> None:
        self.open: list[tuple[list[object], bool]] = []
        self.skipped = 0  # containers opened beyond the depth limit

    def push(self, is_dict: bool) -> None:
        if self.open and not self.skipped and self.open[-1][1] and len(self.open[-1][0]) % 2 == 0:
            return  # "<<" or "[" where a dictionary wants a key: PDFium skips the token itself
        if len(self.open) >= _MAX_DEPTH or self.skipped:
            self.skipped += 1
        else:
            self.open.append(([], is_dict))

    def pop(self) -> tuple[bool, object]:
        """Close the innermost container: (whether there is a value, the value)."""
        if self.skipped:
            self.skipped -= 1
            return False, None
        if not self.open:
            return False, None  # a stray closer: PDFium skips it too
        items, is_dict = self.open.pop()
        return True, _close(items, is_dict)

    def close_all(self) -> object:
        """Close whatever is still open (an object cut short) and return the outermost."""
        value: object = None
        while self.open:
            ok, value = self.pop()
            if self.open:
                _add(self.open[-1][0], value)
        return value


def _token_value(buffer: bytes, match: re.Match[bytes], end: int) -> tuple[object, int]:
    """The value of a name, string or word token, and where reading goes on."""
    kind = match.lastgroup
    if kind == "name":
        return _name(match.group("name")), match.end()
    if kind == "string":
        return b"", _string_end(buffer, match.end(), end)
    if kind == "hex":
        return b"", match.end()
    return _word(match.group("word")), match.end()


def parse_object(buffer: bytes, start: int, end: int) -> tuple[object, int]:
    """Parse one PDF object from ``buffer[start:end]``.

    Dictionaries become ``dict`` (keys without the slash), arrays ``list``, names :class:`Name`,
    strings ``b""`` (their content is never needed), references :class:`Ref`. Containers nested
    deeper than 32 are read past but not kept (PDFium refuses them anyway). Reading stops at the
    words ``stream``, ``endstream`` and ``endobj`` (what was read so far is returned).

    Args:
        buffer: the bytes holding the object (the file, or a decoded object stream).
        start: where the object (or whitespace before it) begins.
        end: where to stop at the latest.

    Returns:
        The object (None when there is none) and the position after it.
    """
    stack, pos = _Stack(), start
    while pos < end:
        match = _TOKEN.match(buffer, pos, end)
        if match is None:  # cannot happen: `other` matches any byte
            break
        kind = match.lastgroup
        if kind in ("skip", "other"):
            pos = match.end()
            continue
        if kind in ("dopen", "aopen"):
            stack.push(kind == "dopen")
            pos = match.end()
            continue
        if kind in ("dclose", "aclose"):
            pos = match.end()
            complete, value = stack.pop()
            if not complete:
                continue
        elif kind == "word" and match.group("word") in _OBJECT_ENDS:
            pos = match.start()  # the object is over (PDFium's parser stops there too)
            break
        else:
            value, pos = _token_value(buffer, match, end)
            if stack.skipped:
                continue
        if not stack.open:
            return value, pos
        _add(stack.open[-1][0], value)
    return stack.close_all(), pos


def next_word(buffer: bytes, start: int, end: int) -> tuple[bytes, int, int]:
    """The next bare word after whitespace and comments.

    Args:
        buffer: the bytes.
        start: where to look from.
        end: where to stop.

    Returns:
        The word (b"" when the next token is not a word), its start and its end.
    """
    pos = start
    while pos < end:
        match = _TOKEN.match(buffer, pos, end)
        if match is None:
            break
        if match.lastgroup != "skip":
            word = match.group("word")
            return (word or b""), match.start(), match.end()
        pos = match.end()
    return b"", end, end


class _Forward:
    """Repeated ``buffer.find(needle, position)`` with positions that only grow: linear in all."""

    def __init__(self, buffer: bytes, needle: bytes) -> None:
        self.buffer, self.needle = buffer, needle
        self.asked, self.found = -1, -1

    def find(self, position: int) -> int:
        if not (self.asked <= position and (self.found >= position or self.found == -1 and self.asked >= 0)):
            self.asked, self.found = position, self.buffer.find(self.needle, position)
        return self.found


def _keywords(data: bytes, word: bytes) -> tuple[list[int], list[int]]:
    """Positions of ``word`` standing alone, and of ``end`` + ``word`` (e.g. ``stream``, ``endstream``)."""
    plain, ended = [], []
    size = len(word)
    position = data.find(word)
    while position >= 0:
        after = position + size
        if after >= len(data) or data[after] in _DELIMITERS:
            if data[max(0, position - 3) : position] == b"end" and (position < 4 or data[position - 4] in _DELIMITERS):
                ended.append(position - 3)
            elif position == 0 or data[position - 1] in _DELIMITERS:
                plain.append(position)
        position = data.find(word, position + 1)
    return plain, ended


@dataclass
class Stream:
    """A stream object of the file.

    Attributes:
        number: its object number.
        dictionary: its parsed dictionary.
        start: where its data starts.
        end: where its data ends (``/Length``, else the first ``endstream``/``endobj``, else the file's end).
        length_valid: ``end`` comes from a ``/Length`` that PDFium accepts; otherwise the data may
            run on, and a decoder is given everything up to the file's end (it stops at its own end).
    """

    number: int
    dictionary: dict[bytes, object]
    start: int
    end: int
    length_valid: bool


@dataclass
class _Location:
    buffer: bytes
    start: int
    end: int
    stream: Stream | None = None


@dataclass
class PdfIndex:
    """The objects of one PDF: stream objects with their data, other objects parsed on demand.

    Attributes:
        data: the file.
        streams: every stream object, in file order.
        search_bytes: bytes PDFium reads looking for the end of streams whose ``/Length`` it
            cannot use: for each, up to the next ``endstream`` and, separately, the next
            ``endobj`` (or the file's end). Quadratic in the file's size for a crafted file.
    """

    data: bytes
    streams: list[Stream] = field(default_factory=list)
    search_bytes: int = 0
    _objects: dict[int, list[_Location]] = field(default_factory=dict)
    _starts: dict[int, list[int]] = field(default_factory=dict)  # buffer id → sorted object starts
    _located: dict[int, list[tuple[int, _Location]]] = field(default_factory=dict)
    _buffers: list[bytes] = field(default_factory=list)
    _parsed: dict[tuple[int, int], object] = field(default_factory=dict)
    _header_starts: list[int] = field(default_factory=list)  # sorted
    _stream_words: list[int] = field(default_factory=list)
    _endstreams: list[int] = field(default_factory=list)
    _endobjs: list[int] = field(default_factory=list)
    _closers: list[int] = field(default_factory=list)
    _lf: _Forward | None = None
    _cr: _Forward | None = None

    def _add_object(self, number: int, body: int, limit: int) -> list[tuple[Stream, object]]:
        """Register the object whose body starts at ``body``; a stream object with its ``/Length``."""
        data = self.data
        keyword = bisect.bisect_left(self._stream_words, body)
        if keyword < len(self._stream_words) and self._stream_words[keyword] < limit:
            value, after = parse_object(data, body, limit)
            word, _word_start, word_end = next_word(data, after, limit)
            if isinstance(value, dict) and word == b"stream" and self._lf is not None and self._cr is not None:
                start = _data_start(data, word_end, self._lf, self._cr)
                closer = bisect.bisect_left(self._closers, start)
                end = self._closers[closer] if closer < len(self._closers) else len(data)
                stream = Stream(number, value, start, max(start, _trim_eol(data, start, end)), False)
                self.streams.append(stream)
                self._register(number, _Location(data, body, limit, stream))
                return [(stream, value.get(b"Length"))]
        self._register(number, _Location(data, body, limit))
        return []

    def _finish(self, found: list[tuple[Stream, object]]) -> None:
        """Apply ``/Length`` to new streams (once every object they may refer to is known)."""
        for stream, length in found:
            _apply_length(self, stream, length)
            if not stream.length_valid:
                for closers in (self._endstreams, self._endobjs):
                    index = bisect.bisect_left(closers, stream.start)
                    self.search_bytes += (closers[index] if index < len(closers) else len(self.data)) - stream.start

    def add_offset(self, offset: int) -> list[Stream]:
        """Index the object a cross-reference entry points to, when the scan did not find a header
        there (PDFium reads an object wherever its entry points: inside a comment, say).

        Args:
            offset: a byte offset from a cross-reference table or stream.

        Returns:
            The new stream object found there, if any (to be measured).
        """
        if not 0 <= offset < len(self.data):
            return []
        at = bisect.bisect_left(self._header_starts, offset)
        if at < len(self._header_starts) and self._header_starts[at] == offset:
            return []
        header = _HEADER_AT.match(self.data, offset)
        if header is None:
            return []
        self._header_starts.insert(at, offset)
        limit = self._header_starts[at + 1] if at + 1 < len(self._header_starts) else len(self.data)
        found = self._add_object(int(header.group(1)), header.end(), max(limit, header.end()))
        self._finish(found)
        return [stream for stream, _length in found]

    def add_xref_stream(self, text: bytes, dictionary: dict[bytes, object]) -> list[Stream]:
        """Index the objects a decoded cross-reference stream (``/Type /XRef``) points to.

        Args:
            text: the stream's decoded data (predictor not undone).
            dictionary: its dictionary (``/W``, ``/Index``, ``/DecodeParms``).

        Returns:
            New stream objects found (to be measured).
        """
        widths = dictionary.get(b"W")
        if not (isinstance(widths, list) and len(widths) == 3 and all(type(w) is int and 0 <= w <= 8 for w in widths)):
            return []
        parameters = dictionary.get(b"DecodeParms")
        parameters = parameters[0] if isinstance(parameters, list) and parameters else parameters
        if (
            isinstance(parameters, dict)
            and type(parameters.get(b"Predictor")) is int
            and parameters[b"Predictor"] >= 10
        ):
            columns = parameters.get(b"Columns", 1)
            if type(columns) is not int or columns <= 0 or len(text) > MAX_XREF_STREAM:
                return []
            text = _png_rows(text, columns)
        kind, offset_width, _ = widths
        size = sum(widths)
        new: list[Stream] = []
        for start in range(0, len(text) - size + 1, size) if size else ():
            row = text[start : start + size]
            entry_type = int.from_bytes(row[:kind], "big") if kind else 1
            if entry_type == 1:
                new.extend(self.add_offset(int.from_bytes(row[kind : kind + offset_width], "big")))
        return new

    def _register(self, number: int, location: _Location) -> None:
        self._objects.setdefault(number, []).append(location)
        key = id(location.buffer)
        if key not in self._located:
            self._buffers.append(location.buffer)
            self._located[key], self._starts[key] = [], []
        self._located[key].append((number, location))
        self._starts[key].append(location.start)

    def value(self, location: _Location) -> object:
        """The parsed object at ``location`` (a stream's dictionary for a stream), cached."""
        if location.stream is not None:
            return location.stream.dictionary
        key = (id(location.buffer), location.start)
        if key not in self._parsed:
            self._parsed[key] = parse_object(location.buffer, location.start, location.end)[0]
        return self._parsed[key]

    def definitions(self, number: int) -> list[_Location]:
        """Every definition of object ``number`` (an updated file, or a crafted one, has several)."""
        return self._objects.get(number, [])

    def resolve(self, value: object) -> list[object]:
        """``value``, or when it is a reference, what every definition of its object holds (references
        followed up to 8 deep).

        Args:
            value: any parsed value.

        Returns:
            The direct values (several when an object is defined more than once).
        """
        pending, found, seen = [(value, 0)], [], set()
        while pending:
            current, depth = pending.pop()
            if not isinstance(current, Ref):
                found.append(current)
                continue
            if depth >= _MAX_INDIRECTION or current.number in seen:
                continue
            seen.add(current.number)
            pending.extend((self.value(location), depth + 1) for location in self.definitions(current.number))
        return found

    def stream_definitions(self, value: object) -> list[Stream]:
        """The stream objects a reference points to (every definition of its number).

        Args:
            value: a :class:`Ref` (anything else gives nothing).

        Returns:
            The streams.
        """
        if not isinstance(value, Ref):
            return []
        return [location.stream for location in self.definitions(value.number) if location.stream is not None]

    def add_object_stream(self, text: bytes, dictionary: dict[bytes, object]) -> None:
        """Index the objects inside a decoded object stream (``/Type /ObjStm``).

        Args:
            text: the stream's decoded data.
            dictionary: its dictionary (``/N`` objects, the first at ``/First``).
        """
        first, count = dictionary.get(b"First"), dictionary.get(b"N")
        if not isinstance(first, int) or not isinstance(count, int) or not 0 <= first <= len(text):
            return
        numbers = [int(found) for found in re.findall(rb"\d+", text[:first])[: 2 * max(count, 0)]]
        pairs = sorted(
            (first + offset, number)
            for number, offset in zip(numbers[::2], numbers[1::2], strict=False)
            if first + offset < len(text)
        )
        for (start, number), (end, _next) in zip(pairs, [*pairs[1:], (len(text), 0)], strict=False):
            self._register(number, _Location(text, start, end))

    def keyed_objects(self, keys: frozenset[bytes] = STRUCTURE_KEYS) -> Iterator[tuple[int, object]]:
        """Objects that hold one of ``keys`` (also written with ``#xx`` escapes), parsed.

        Args:
            keys: names without the slash, among :data:`STRUCTURE_KEYS`.

        Yields:
            (object number, parsed value) for each, objects in object streams included.
        """
        for buffer in self._buffers:
            key = id(buffer)
            starts, located = self._starts[key], self._located[key]
            order = sorted(range(len(starts)), key=starts.__getitem__)
            sorted_starts = [starts[i] for i in order]
            last = -1
            for match in _keys_pattern(keys).finditer(buffer):
                name = match.group(1) or match.group(2)
                if (_name(name) if b"#" in name else name) not in keys:
                    continue
                index = bisect.bisect_right(sorted_starts, match.start()) - 1
                if index < 0 or index == last:
                    continue
                number, location = located[order[index]]
                if match.start() < location.end or location.stream is not None:
                    last = index
                    yield number, self.value(location)


def _data_start(data: bytes, keyword_end: int, lf: _Forward, cr: _Forward) -> int:
    """Where stream data begins: after the line end that follows ``stream`` (PDFium's ToNextLine)."""
    newline, carriage = lf.find(keyword_end), cr.find(keyword_end)
    ends = [found for found in (newline, carriage) if found >= 0]
    if not ends:
        return len(data)
    first = min(ends)
    return first + (2 if data[first : first + 2] == b"\r\n" else 1)


def scan(data: bytes) -> PdfIndex:
    """Index a PDF's objects and streams (object streams, and objects that only a cross-reference
    stream points to, are added by the caller once those streams are decoded).

    Args:
        data: the file's bytes.

    Returns:
        The index.
    """
    index = PdfIndex(data)
    objs, index._endobjs = _keywords(data, b"obj")
    index._stream_words, index._endstreams = _keywords(data, b"stream")
    index._closers = sorted(index._endobjs + index._endstreams)
    index._lf, index._cr = _Forward(data, b"\n"), _Forward(data, b"\r")
    # A header lies between the previous keyword and its `obj`: searching only there keeps the
    # search linear, however much whitespace or comment an `N G obj` holds.
    ends = sorted(
        [p + 3 for p in objs]
        + [p + 6 for p in index._endobjs]
        + [p + 6 for p in index._stream_words]
        + [p + 9 for p in index._endstreams]
    )
    headers = []
    for position in objs:
        previous = bisect.bisect_right(ends, position) - 1
        header = _HEADER.search(data, ends[previous] if previous >= 0 else 0, position)
        if header is not None:
            headers.append((header.start(), position + 3, int(header.group(1))))
    index._header_starts = [start for start, _body, _number in headers]
    found = []
    for (_start, body, number), following in zip(headers, [*headers[1:], (len(data), 0, 0)], strict=False):
        found.extend(index._add_object(number, body, following[0]))
    index._finish(found)
    for offset in _xref_table_offsets(data):
        index.add_offset(offset)
    return index


_XREF_SUBSECTION = re.compile(rb"[\x00\t\n\x0c\r ]*(\d{1,10})[\x00\t\n\x0c\r ]+(\d{1,10})")
_XREF_ENTRY = re.compile(rb"[\x00\t\n\x0c\r ]*(\d{1,10})[\x00\t\n\x0c\r ]+\d{1,5}[\x00\t\n\x0c\r ]+([nf])")


def _xref_table_offsets(data: bytes) -> list[int]:
    """Object offsets of every classic cross-reference table (``xref`` then ``first count`` and
    ``offset generation n|f`` lines), read leniently; in use (``n``) entries only."""
    offsets: list[int] = []
    position = data.find(b"xref")
    while position >= 0:
        if position == 0 or data[position - 1] in _DELIMITERS:
            pos = position + 4
            while (section := _XREF_SUBSECTION.match(data, pos)) is not None:
                pos = section.end()
                for _entry in range(int(section.group(2))):
                    entry = _XREF_ENTRY.match(data, pos)
                    if entry is None:
                        break
                    pos = entry.end()
                    if entry.group(2) == b"n":
                        offsets.append(int(entry.group(1)))
                if _XREF_ENTRY.match(data, pos) is not None:  # more entries than the count said
                    break
        position = data.find(b"xref", position + 4)
    return offsets


def _png_rows(data: bytes, columns: int) -> bytes:
    """Undo the PNG predictors (one byte per pixel) of a cross-reference stream."""
    width, out = columns + 1, bytearray()
    previous = bytearray(columns)
    for start in range(0, len(data) - width + 1, width):
        kind, row = data[start], bytearray(data[start + 1 : start + width])
        for i in range(columns):
            left = row[i - 1] if i else 0
            up, corner = previous[i], previous[i - 1] if i else 0
            if kind == 1:
                row[i] = (row[i] + left) & 0xFF
            elif kind == 2:
                row[i] = (row[i] + up) & 0xFF
            elif kind == 3:
                row[i] = (row[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                guess = left + up - corner
                best = min((abs(guess - left), 0, left), (abs(guess - up), 1, up), (abs(guess - corner), 2, corner))
                row[i] = (row[i] + best[2]) & 0xFF
        out += row
        previous = row
    return bytes(out)


def _trim_eol(data: bytes, start: int, end: int) -> int:
    """``end`` moved back over the line end before ``endstream`` (PDFium does the same)."""
    if end - 2 >= start and data[end - 2 : end] == b"\r\n":
        return end - 2
    if end - 1 >= start and data[end - 1 : end] in (b"\r", b"\n"):
        return end - 1
    return end


def _apply_length(index: PdfIndex, stream: Stream, length: object) -> None:
    """Use ``/Length`` when it is a number (direct, or the object a reference points to) and
    ``endstream`` follows the data it measures."""
    values = [value for value in index.resolve(length) if type(value) is int]
    if len(values) != 1 or values[0] < 0:
        return
    end = stream.start + values[0]
    if end <= len(index.data) and _ENDSTREAM_AFTER_LENGTH.match(index.data, end):
        stream.end, stream.length_valid = end, True
