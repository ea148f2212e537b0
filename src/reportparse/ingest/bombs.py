"""Decompression-bomb guards: measure what compressed content inflates to, without keeping it.

PDFium inflates a page's content stream whole when it loads the page, and aborts the process
when that runs out of memory, so a 20 KB PDF whose content inflates to gigabytes cannot be
stopped once handed over. These guards run first: they stream every Flate-compressed PDF stream
(and every DOCX part) through zlib in bounded steps and stop as soon as a limit is crossed.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from reportparse.limits import Limits

_STEP = 1 << 20  # bytes of output per zlib call: bounds the memory the measurement needs
_INPUT_STEP = 1 << 16
_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[^\s/\[\]<>()]+)")
_FILTER_NAME = re.compile(rb"/([^\s/\[\]<>()]+)")
_FLATE = frozenset((b"FlateDecode", b"Fl"))
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_DICTIONARY_LOOKBACK = 64 * 1024
_MAX_LAYERS = 8


def _flate_layers(dictionary: bytes) -> int:
    """How many /FlateDecode filters the stream's filter chain starts with."""
    found = _FILTER.search(dictionary)
    if found is None:
        return 0
    layers = 0
    for name in _FILTER_NAME.findall(found.group(1)):
        if name not in _FLATE:
            break
        layers += 1
    return layers


def _looks_like_zlib(head: bytes) -> bool:
    """A zlib header: deflate method, a window size zlib allows, and a valid header checksum."""
    return len(head) >= 2 and head[0] & 0x0F == 8 and head[0] >> 4 <= 7 and (head[0] << 8 | head[1]) % 31 == 0


class _Layer:
    """One zlib decompressor of a chain, remembering whether it has produced output yet."""

    def __init__(self) -> None:
        self.zlib = zlib.decompressobj()
        self.started = False


def _inflate(layers: list[_Layer], level: int, data: bytes | memoryview, budget: int) -> int:
    """Feed ``data`` to ``layers[level]`` and on down the chain; bytes the last one produced
    (stops a little past ``budget``). When the last layer's output starts like zlib data, the
    chain grows by one: a filter chain may hide behind an indirect reference."""
    layer, produced = layers[level], 0
    while True:
        out = layer.zlib.decompress(data, _STEP)
        data = layer.zlib.unconsumed_tail
        if out and not layer.started:
            layer.started = True
            if level + 1 == len(layers) and len(layers) < _MAX_LAYERS and _looks_like_zlib(out[:2]):
                layers.append(_Layer())
        if level + 1 < len(layers):
            produced += _inflate(layers, level + 1, out, budget - produced) if out else 0
        else:
            produced += len(out)
        if produced > budget or layer.zlib.eof or (not out and not data):
            return produced


def inflated_size(data: bytes | memoryview, layers: int, budget: int) -> int:
    """Bytes that ``layers`` (or more, see :func:`_inflate`) chained zlib decompressions of
    ``data`` produce, up to about ``budget`` (counting stops once it is passed). Damaged data
    counts what inflated before the damage."""
    chain = [_Layer() for _ in range(max(layers, 1))]
    view, produced = memoryview(data), 0
    try:
        for start in range(0, len(view), _INPUT_STEP):
            produced += _inflate(chain, 0, view[start : start + _INPUT_STEP], budget - produced)
            if produced > budget or chain[0].zlib.eof:
                break
    except zlib.error:
        pass  # damaged or encrypted stream, or zlib-looking content that is not: PDFium judges it
    return produced


def check_pdf_streams(data: bytes, limits: Limits, *, path: str | Path | None = None) -> None:
    """Refuse a PDF whose compressed streams inflate beyond ``limits``.

    Image streams are skipped: text extraction never decodes them. An encrypted PDF's streams
    do not inflate (they are ciphertext) and pass.

    Raises:
        ResourceLimitError: a stream beyond ``max_stream_bytes``, or all of them beyond
            ``max_inflated_bytes``.
    """
    per_stream, overall = limits.max_stream_bytes, limits.max_inflated_bytes
    if per_stream is None and overall is None:
        return
    unbounded = 1 << 62
    total = 0
    for match in _STREAM.finditer(data):
        head = data.rfind(b" obj", max(0, match.start() - _DICTIONARY_LOOKBACK), match.start())
        dictionary = data[head if head >= 0 else max(0, match.start() - 4096) : match.start()]
        end = data.find(b"endstream", match.end())
        body = memoryview(data)[match.end() : end if end >= 0 else len(data)]
        layers = _flate_layers(dictionary)
        if not (layers or _looks_like_zlib(bytes(body[:2]))) or _IMAGE.search(dictionary):
            continue
        budget = min(
            per_stream if per_stream is not None else unbounded, overall - total if overall is not None else unbounded
        )
        size = inflated_size(body, layers, budget)
        limits.check(
            "max_stream_bytes", size, path=path, what="bytes in one inflated PDF stream (a decompression bomb?)"
        )
        total += size
        limits.check("max_inflated_bytes", total, path=path, what="bytes in the PDF's inflated streams")


def check_zip_members(data: bytes, limits: Limits, *, path: str | Path | None = None) -> None:
    """Refuse a DOCX (a zip) whose parts declare more inflated bytes than ``limits`` allow.

    Python's zipfile stops reading a part at its declared size, so the declared sizes bound
    what python-docx can inflate. Not a zip at all: left to the DOCX reader's own error.

    Raises:
        ResourceLimitError: a part beyond ``max_stream_bytes``, or all beyond ``max_inflated_bytes``.
    """
    import io

    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        return
    for member in members:
        limits.check("max_stream_bytes", member.file_size, path=path, what=f"bytes in the part {member.filename}")
    limits.check("max_inflated_bytes", sum(m.file_size for m in members), path=path, what="bytes in the DOCX's parts")
