"""Bounded, streaming decoders of the standard PDF stream filters, to measure what a stream decodes to.

A decompression bomb is refused by measuring, not by trusting: each decoder takes its input in
pieces (:meth:`Decoder.push`) and gives its output in pieces of a bounded size
(:meth:`Decoder.pull`), so :func:`measure` can run a whole filter chain
(``[/ASCIIHexDecode /FlateDecode /FlateDecode]``) over a stream that decodes to terabytes in
constant memory, and stop as soon as the output passes a budget.

Flate is zlib's, ASCIIHex :mod:`binascii`'s, ASCII85 decodes whole groups with numpy;
LZW and RunLength are short state machines written here, because the libraries at hand decode
a whole stream into memory at once (pdfminer's LZW also slices its whole table for every code,
quadratic time). Image-only filters (DCT, JPX, JBIG2, CCITT) are never decoded for text, so a
chain stops before them. Like PDFium, damaged data counts what decoded before the damage.
"""

from __future__ import annotations

import binascii
import string
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

STEP = 1 << 20
"""Largest piece of output one decoder gives at a time (bytes): bounds the memory of a measurement."""

INPUT_STEP = 1 << 16
"""Piece of stream data fed to the first decoder at a time."""

MAX_CHAIN = 8
"""Most decoders in one chain, including Flate layers found by their zlib header."""

FILTERS = {
    b"FlateDecode": "flate",
    b"Fl": "flate",
    b"LZWDecode": "lzw",
    b"LZW": "lzw",
    b"ASCIIHexDecode": "ahx",
    b"AHx": "ahx",
    b"ASCII85Decode": "a85",
    b"A85": "a85",
    b"RunLengthDecode": "rl",
    b"RL": "rl",
}
"""PDF filter names (full and abbreviated) → decoder kind."""

MAX_EXPANSION = {"flate": 1032, "lzw": 4096, "ahx": 1, "a85": 4, "rl": 64}
"""Upper bound of output bytes per input byte of each kind (deflate's limit is 1032:1; an LZW
code of 9 to 12 bits gives at most 4,096 bytes; a RunLength pair at most 128 bytes; ASCII85's
``z`` four): used for the part of a chain that is not decoded (after a predictor)."""


class Decoder:
    """One filter of a chain: input in with :meth:`push`, output out with :meth:`pull`.

    Attributes:
        eof: the end-of-data marker was reached, or the data is damaged: no more output.
        consumed: input bytes used so far (not counting bytes after the end-of-data marker).
        failed: the data was damaged (a subset of ``eof``).
    """

    def __init__(self) -> None:
        self.eof = False
        self.failed = False
        self.consumed = 0
        self.input_done = False
        self._pending = b""

    def push(self, data: bytes) -> None:
        """Add input (only when :meth:`pull` returned nothing: input never piles up).

        Args:
            data: the next bytes of the encoded stream.
        """
        self._pending += data

    def finish(self) -> None:
        """No more input will come: the next :meth:`pull` calls flush what is left."""
        self.input_done = True

    def pull(self, limit: int) -> bytes:
        """Decode some of the pending input.

        Args:
            limit: most bytes to return (a decoder may return a little more when one unit of its
                input, such as an LZW code, decodes to more).

        Returns:
            Output bytes; empty when the decoder needs more input, or is at its end.
        """
        raise NotImplementedError


class Flate(Decoder):
    """zlib's decompressor, given ``max_length`` so that one call never inflates more than ``limit``."""

    def __init__(self) -> None:
        super().__init__()
        self._zlib = zlib.decompressobj()

    def pull(self, limit: int) -> bytes:
        """See :meth:`Decoder.pull`."""
        if self.eof or not self._pending:
            return b""
        before = len(self._pending)
        try:
            out = self._zlib.decompress(self._pending, limit)
        except zlib.error:
            self.eof = self.failed = True
            self._pending = b""
            return b""
        self._pending = self._zlib.unconsumed_tail
        taken = before - len(self._pending)
        if self._zlib.eof:
            taken -= len(self._zlib.unused_data)
            self.eof = True
            self._pending = b""
        elif not out and taken == 0:  # no progress at all: never loop on it
            self.eof = self.failed = True
        self.consumed += taken
        return out


_NOT_HEX = bytes(c for c in range(256) if chr(c) not in string.hexdigits)


class AsciiHex(Decoder):
    """``ASCIIHexDecode``: hex digits up to ``>``; whitespace and other bytes are skipped, an odd
    last digit is followed by an implied 0 (as PDFium does)."""

    def push(self, data: bytes) -> None:
        """See :meth:`Decoder.push`."""
        if self.input_done:
            return
        end = data.find(b">")
        if end >= 0:
            data, self.input_done = data[:end], True
        self.consumed += len(data) + (end >= 0)
        self._pending += data.translate(None, _NOT_HEX)

    def pull(self, limit: int) -> bytes:
        """See :meth:`Decoder.pull`."""
        if self.eof:
            return b""
        take = min(len(self._pending) // 2 * 2, 2 * limit)
        if not take:
            if self.input_done:
                self.eof = True
                return binascii.unhexlify(self._pending + b"0") if self._pending else b""
            return b""
        out, self._pending = binascii.unhexlify(self._pending[:take]), self._pending[take:]
        return out


_NOT_A85 = bytes(c for c in range(256) if not (33 <= c <= 117 or c == ord("z")))


class Ascii85(Decoder):
    """``ASCII85Decode``: groups of five characters up to ``~``; ``z`` is four zero bytes; other
    bytes are skipped."""

    def push(self, data: bytes) -> None:
        """See :meth:`Decoder.push`."""
        if self.input_done:
            return
        end = data.find(b"~")
        if end >= 0:
            data, self.input_done = data[:end], True
        self.consumed += len(data) + (end >= 0)
        self._pending += data.translate(None, _NOT_A85).replace(b"z", b"!!!!!")

    def pull(self, limit: int) -> bytes:
        """See :meth:`Decoder.pull`."""
        if self.eof:
            return b""
        take = min(len(self._pending) // 5 * 5, (limit // 4 + 1) * 5)
        if not take and not self.input_done:
            return b""
        if not take:
            take, self.eof = len(self._pending), True
        piece, self._pending = self._pending[:take], self._pending[take:]
        out = _a85_groups(piece)
        if out is None:  # a group beyond 2**32: damaged
            self.eof = self.failed = True
            return b""
        return out


_A85_POWERS = np.array([85**4, 85**3, 85**2, 85, 1], dtype=np.int64)


def _a85_groups(text: bytes) -> bytes | None:
    """Decode ASCII85 characters (``!``–``u`` only); a last partial group of n characters gives n - 1
    bytes. None when a group is beyond 2**32 - 1."""
    if not text:
        return b""
    partial = len(text) % 5
    padded = text + b"u" * (5 - partial) if partial else text
    values = (np.frombuffer(padded, dtype=np.uint8).reshape(-1, 5).astype(np.int64) - 33) @ _A85_POWERS
    if values.size and int(values.max()) > 0xFFFFFFFF:
        return None
    out = values.astype(">u4").tobytes()
    return out[: len(out) - 4 + partial - 1] if partial else out


class RunLength(Decoder):
    """``RunLengthDecode``: a length byte, then 1–128 literal bytes or one byte repeated 2–128 times;
    128 ends the data."""

    def pull(self, limit: int) -> bytes:
        """See :meth:`Decoder.pull`."""
        if self.eof:
            return b""
        data, pos, out, size = self._pending, 0, [], 0
        while size < limit and pos < len(data):
            length = data[pos]
            if length == 128:
                self.eof = True
                pos += 1
                break
            end = pos + (length + 2 if length < 128 else 2)
            if end > len(data) and not self.input_done:
                break  # the rest of the run comes with the next input
            piece = data[pos + 1 : end] if length < 128 else data[pos + 1 : end] * (257 - length)
            pos = min(end, len(data))
            out.append(piece)
            size += len(piece)
        self.consumed += pos
        self._pending = data[pos:]
        if self.input_done and not out:
            self.eof = True
        return b"".join(out)


class Lzw(Decoder):
    """``LZWDecode``: codes of 9 to 12 bits, most significant bit first, 256 clears the table,
    257 ends the data; ``early_change`` (the ``/EarlyChange`` parameter, default 1) widens the
    codes one entry early."""

    def __init__(self, early_change: int = 1) -> None:
        super().__init__()
        self._early = 1 if early_change else 0
        self._table: list[bytes] = []
        self._previous = b""
        self._bits = 0  # bit buffer and how many bits it holds
        self._held = 0
        self._width = 9
        self._reset()

    def _reset(self) -> None:
        self._table = [bytes((i,)) for i in range(256)] + [b"", b""]
        self._previous = b""
        self._width = 9

    def _code(self, code: int) -> bytes:
        """The output of one code (b"" for clear), updating the table; raises ValueError on a bad code."""
        table = self._table
        if code == 256:
            self._reset()
            return b""
        if not self._previous:
            if code > 255:
                raise ValueError(code)
            self._previous = table[code]
            return self._previous
        if code < len(table):
            entry = table[code]
        elif code == len(table):
            entry = self._previous + self._previous[:1]
        else:
            raise ValueError(code)
        if len(table) < 4096:
            table.append(self._previous + entry[:1])
        size = len(table) + self._early
        self._width = 9 if size < 512 else 10 if size < 1024 else 11 if size < 2048 else 12
        self._previous = entry
        return entry

    def pull(self, limit: int) -> bytes:
        """See :meth:`Decoder.pull`."""
        if self.eof:
            return b""
        data, pos, out, size = self._pending, 0, [], 0
        bits, held = self._bits, self._held
        try:
            while size < limit:
                while held < self._width and pos < len(data):
                    bits, held, pos = (bits << 8) | data[pos], held + 8, pos + 1
                if held < self._width:
                    break
                held -= self._width
                code = (bits >> held) & ((1 << self._width) - 1)
                bits &= (1 << held) - 1
                if code == 257:
                    self.eof = True
                    break
                piece = self._code(code)
                out.append(piece)
                size += len(piece)
        except ValueError:
            self.eof = self.failed = True
        self.consumed += pos
        self._pending, self._bits, self._held = data[pos:], bits, held
        if self.input_done and not out:
            self.eof = True
        return b"".join(out)


def make_decoder(kind: str, parameters: dict[bytes, object] | None = None) -> Decoder:
    """A decoder of one kind (a value of :data:`FILTERS`).

    Args:
        kind: ``flate``, ``lzw``, ``ahx``, ``a85`` or ``rl``.
        parameters: the filter's ``/DecodeParms`` (``/EarlyChange`` is read for LZW).

    Returns:
        A fresh decoder.
    """
    if kind == "flate":
        return Flate()
    if kind == "lzw":
        early = (parameters or {}).get(b"EarlyChange", 1)
        return Lzw(early if isinstance(early, int) else 1)
    return {"ahx": AsciiHex, "a85": Ascii85, "rl": RunLength}[kind]()


def looks_like_zlib(head: bytes) -> bool:
    """Whether ``head`` starts like zlib data: deflate method, a window size zlib allows and a valid
    header checksum.

    Args:
        head: the first bytes of some data.

    Returns:
        True for a plausible zlib header.
    """
    return len(head) >= 2 and head[0] & 0x0F == 8 and head[0] >> 4 <= 7 and (head[0] << 8 | head[1]) % 31 == 0


@dataclass
class Measurement:
    """What a chain of decoders made of a stream.

    Attributes:
        size: the largest output of any decoder of the chain (PDFium holds each whole), counting
            stopped a little past the budget.
        consumed: bytes of stream data the first decoder used.
        failed: the first decoder met damaged data.
        output: the output of the chain's last declared decoder.
    """

    size: int
    consumed: int
    failed: bool
    output: int


class _Chain:
    """Decoders joined output to input; reading the last one pulls the data through all of them."""

    def __init__(
        self, decoders: list[Decoder], source: Iterator[bytes], budget: int, sink: Callable[[bytes], None] | None
    ) -> None:
        self.decoders = decoders
        self.counts = [0] * len(decoders)
        self.declared = len(decoders)
        self.source = source
        self.budget = budget
        self.sink = sink
        self.over = False
        self.dropped = 0  # output of a guessed Flate layer that turned out not to be one

    def read(self, index: int, limit: int) -> bytes:
        """The next output of decoder ``index`` (empty at its end, or once a count passes the budget)."""
        decoder = self.decoders[index]
        while not self.over:
            out = decoder.pull(limit)
            if out:
                self.counts[index] += len(out)
                self.over = self.counts[index] > self.budget
                if index == self.declared - 1 and self.sink is not None:
                    self.sink(out)
                return out
            if decoder.eof or decoder.input_done:
                return b""
            data = next(self.source, b"") if index == 0 else self.read(index - 1, STEP)
            if data:
                decoder.push(data)
            else:
                decoder.finish()
        return b""


def _pieces(data: memoryview) -> Iterator[bytes]:
    """``data`` in pieces that grow from 512 bytes to :data:`INPUT_STEP`: a stream whose data is
    damaged from the start costs little, however much of the file follows it."""
    start, size = 0, 512
    while start < len(data):
        yield bytes(data[start : start + size])
        start, size = start + size, min(2 * size, INPUT_STEP)


def measure(
    data: memoryview | bytes,
    decoders: list[Decoder],
    budget: int,
    *,
    sink: Callable[[bytes], None] | None = None,
    find_hidden: bool = True,
) -> Measurement:
    """Run ``data`` through a chain of decoders, without keeping the output.

    Args:
        data: the stream's encoded bytes (it may run past the stream's end: the first decoder stops
            at its end-of-data marker).
        decoders: the chain, first filter first (not empty).
        budget: stop once any decoder has produced more than this many bytes.
        sink: called with each piece the chain's last declared decoder produces (e.g. to count
            operators); it sees at most about ``budget`` bytes.
        find_hidden: when the chain's output starts like zlib data, add a Flate decoder (a filter
            chain may hide behind a reference); if that one fails, its input is what counts.

    Returns:
        The largest output, the input used, and whether the data was damaged.
    """
    chain = _Chain(list(decoders), _pieces(memoryview(data)), budget, sink)
    while not chain.over:
        last = len(chain.decoders) - 1
        out = chain.read(last, STEP)
        if not out:
            if last >= chain.declared and chain.decoders[last].failed:
                chain.decoders.pop()  # a zlib-looking start that was not zlib data after all
                chain.dropped = max(chain.dropped, chain.counts.pop())
                continue
            break
        if (
            find_hidden
            and chain.counts[last] == len(out)
            and len(chain.decoders) < MAX_CHAIN
            and looks_like_zlib(out[:2])
        ):
            chain.decoders.append(Flate())
            chain.counts.append(0)
            chain.decoders[-1].push(out)
    for index in range(len(chain.decoders)):  # PDFium decodes each filter whole, even past where the next stops
        while not chain.over and chain.read(index, STEP):
            pass
    first = chain.decoders[0]
    return Measurement(
        size=max(*chain.counts, chain.dropped),
        consumed=first.consumed,
        failed=first.failed,
        output=chain.counts[chain.declared - 1],
    )
