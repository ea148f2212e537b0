"""Broken and hostile input files, generated on the fly for the reliability tests and fuzzers.

PDFs are written byte by byte by a minimal writer (standard Helvetica font, no fpdf2 or TTF
needed), so a 1,000-page PDF or a decompression bomb takes well under a second to make.
:data:`CASES` lists every case with the outcome reportparse must give.
"""

from __future__ import annotations

import functools
import os
import random
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportparse.errors import (
    CorruptFileError,
    DecodingError,
    EncryptedPDFError,
    ReportParseError,
    ResourceLimitError,
)

_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_TEXT_LINE = "Hesabat: 15 mart 2022-ci il tarixde 50 nefer istirak edib."


def pdf_from_objects(objects: Sequence[bytes]) -> bytes:
    """A PDF file whose object ``i + 1`` is ``objects[i]`` (object 1 the catalog), with a
    correct cross-reference table.

    Args:
        objects: object bodies (a dictionary, or a dictionary followed by ``stream … endstream``).

    Returns:
        The file's bytes.
    """
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(data: bytes, *, filters: int = 0) -> bytes:
    """A stream object body; ``filters`` times Flate-compressed (a chain of /FlateDecode)."""
    for _ in range(filters):
        data = zlib.compress(data, 9)
    names = b" ".join([b"/FlateDecode"] * filters)
    decode = b" /Filter [%s]" % names if filters else b""
    return b"<< /Length %d%s >>\nstream\n" % (len(data), decode) + data + b"\nendstream"


def _text_content(lines: Sequence[str]) -> bytes:
    body = b"".join(b"(%s) Tj T*\n" % line.encode("latin-1") for line in lines)
    return b"BT /F1 11 Tf 14 TL 60 780 Td\n" + body + b"ET"


def text_pdf(pages: Sequence[Sequence[str]]) -> bytes:
    """A PDF with one content stream per page, each line of ``pages[i]`` a line of text."""
    count = len(pages)
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count), _FONT]
    for index, lines in enumerate(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
            b" /Contents %d 0 R >>" % (5 + 2 * index)
        )
        objects.append(stream(_text_content(lines), filters=1))
    return pdf_from_objects(objects)


def _one_page(content: bytes, *, page_extra: bytes = b"") -> bytes:
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            _FONT,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
            b" /Contents 5 0 R %s>>" % page_extra,
            content,
        ]
    )


# --- the cases ------------------------------------------------------------------------------


def good_pdf(pages: int = 3) -> bytes:
    """A valid report PDF: a heading and two lines per page. The lines vary from page to page, so
    that none is taken for a running header or footer."""
    months = ("yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr")
    return text_pdf(
        [
            [
                f"{page}-ci bendin icrasina dair:",
                f"Tedbir {months[page % 10]} ayinda kecirilib.",
                f"{page % 28 + 1} {months[page % 7]} 2022-ci il tarixde {page} nefer istirak edib.",
            ]
            for page in range(1, pages + 1)
        ]
    )


def truncated_pdf() -> bytes:
    """A valid 3-page PDF cut after 40 % of its bytes: no cross-reference table, no trailer."""
    data = good_pdf(3)
    return data[: len(data) * 2 // 5]


def garbage_pdf(size: int = 64 * 1024, *, seed: int = 10) -> bytes:
    """Random bytes (a file named .pdf that is not one)."""
    return random.Random(seed).randbytes(size)


def zero_page_pdf() -> bytes:
    """A well-formed PDF whose page tree has no pages."""
    return pdf_from_objects([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def encrypted_pdf() -> bytes:
    """A PDF encrypted with a user password (needs fpdf2, the ``[dev]`` extra; no TTF needed)."""
    import fpdf

    pdf = fpdf.FPDF()
    pdf.set_encryption(owner_password="owner", user_password="gizli")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text=_TEXT_LINE)
    return bytes(pdf.output())


def _adler32_combine(first: int, second: int, second_length: int) -> int:
    """Adler-32 of two byte strings joined, from theirs (zlib's ``adler32_combine``)."""
    base = 65521
    rem = second_length % base
    sum1 = (first & 0xFFFF) + (second & 0xFFFF) + base - 1
    sum2 = rem * (first & 0xFFFF) % base + (first >> 16) + (second >> 16) + base - rem
    return (sum1 % base) | ((sum2 % base) << 16)


def _repeated_zlib(head: bytes, chunk: bytes, repeats: int, tail: bytes, *, stored: bytes = b"") -> bytes:
    """zlib data of ``stored + head + chunk * repeats + tail`` without compressing gigabytes: after a
    full flush the compressor starts afresh, so ``chunk`` compresses to the same block every time.
    ``stored`` (at most 65,535 bytes) goes first in a stored block: its bytes appear as they are."""
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = raw.compress(head) + raw.flush(zlib.Z_FULL_FLUSH)
    block = raw.compress(chunk) + raw.flush(zlib.Z_FULL_FLUSH)
    last = raw.compress(tail) + raw.flush()
    length = len(chunk)
    # Adler-32 of chunk * repeats by doubling: combine the checksums of 1, 2, 4, … copies.
    total, power, power_length, remaining = zlib.adler32(b""), zlib.adler32(chunk), length, repeats
    while remaining:
        if remaining & 1:
            total = _adler32_combine(total, power, power_length)
        power, power_length, remaining = _adler32_combine(power, power, power_length), power_length * 2, remaining >> 1
    checksum = _adler32_combine(
        _adler32_combine(zlib.adler32(stored + head), total, length * repeats), zlib.adler32(tail), len(tail)
    )
    return b"\x78\xda" + _stored_block(stored) + first + block * repeats + last + checksum.to_bytes(4, "big")


def _stored_block(payload: bytes) -> bytes:
    """A non-final stored (uncompressed) deflate block holding ``payload`` (empty payload: nothing)."""
    if not payload:
        return b""
    return b"\x00" + len(payload).to_bytes(2, "little") + (0xFFFF ^ len(payload)).to_bytes(2, "little") + payload


def _zlib_with_stored_start(data: bytes, stored: int) -> bytes:
    """zlib data of ``data`` whose first ``stored`` bytes sit uncompressed in a stored block."""
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    rest = raw.compress(data[stored:]) + raw.flush()
    return b"\x78\xda" + _stored_block(data[:stored]) + rest + zlib.adler32(data).to_bytes(4, "big")


_BOMB_LINE = b"(Hesabat 2022) Tj T*\n"
_BOMB_HEAD = b"BT /F1 11 Tf 14 TL 60 780 Td\n"


def _bomb_content(inflated_bytes: int, *, stored: bytes = b"") -> bytes:
    """zlib data of ``inflated_bytes`` of text-drawing operators (one Flate layer)."""
    chunk = _BOMB_LINE * max(1, min(2**20, inflated_bytes) // len(_BOMB_LINE))
    return _repeated_zlib(_BOMB_HEAD, chunk, max(1, inflated_bytes // len(chunk)), b"ET", stored=stored)


def bomb_pdf(inflated_bytes: int = 4 * 2**30) -> bytes:
    """A decompression bomb: a ~20 KB file whose page content inflates to ``inflated_bytes``
    (4 GiB by default) of text-drawing operators, Flate-compressed twice."""
    twice = zlib.compress(_bomb_content(inflated_bytes), 9)
    body = b"<< /Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n" % len(twice) + twice + b"\nendstream"
    return _one_page(body)


# --- ways around a naive bomb guard (each was one before; the guard must see through all) ---------


def _bomb_stream(encoded: bytes, filters: bytes, *, extra: bytes = b"", keyword: bytes = b"stream\n") -> bytes:
    return b"<< /Length %d /Filter %s%s >>\n" % (len(encoded), filters, extra) + keyword + encoded + b"\nendstream"


def hex_flate_bomb_pdf(inflated_bytes: int = 4 * 2**30) -> bytes:
    """The bomb behind ``[/ASCIIHexDecode /FlateDecode /FlateDecode]``: Flate layers after another filter."""
    encoded = zlib.compress(_bomb_content(inflated_bytes), 9).hex().encode() + b">"
    return _one_page(_bomb_stream(encoded, b"[/ASCIIHexDecode /FlateDecode /FlateDecode]"))


def a85_flate_bomb_pdf(inflated_bytes: int = 4 * 2**30) -> bytes:
    """The bomb behind ``[/A85 /Fl /Fl]`` (abbreviated names, ASCII85 first)."""
    import base64

    encoded = base64.a85encode(zlib.compress(_bomb_content(inflated_bytes), 9), wrapcol=76) + b"~>"
    return _one_page(_bomb_stream(encoded, b"[/A85 /Fl /Fl]"))


def image_tagged_bomb_pdf(inflated_bytes: int = 4 * 2**30) -> bytes:
    """The page content (a bomb) claims ``/Subtype /Image``: PDFium draws it as content all the same."""
    encoded = zlib.compress(_bomb_content(inflated_bytes), 9)
    return _one_page(_bomb_stream(encoded, b"[/FlateDecode /FlateDecode]", extra=b" /Subtype /Image"))


def stream_keyword_bomb_pdf(inflated_bytes: int = 4 * 2**30, *, keyword: bytes = b"stream \r\n") -> bytes:
    """The bomb with bytes between ``stream`` and the line end (``stream ``, ``stream%x``), which
    PDFium skips."""
    encoded = zlib.compress(_bomb_content(inflated_bytes), 9)
    return _one_page(_bomb_stream(encoded, b"[/FlateDecode /FlateDecode]", keyword=keyword))


def stored_endstream_bomb_pdf(inflated_bytes: int = 4 * 2**30, *, length: bytes | None = None) -> bytes:
    """The bomb whose compressed data holds the bytes ``endstream`` in stored deflate blocks, so that
    cutting the data at the first ``endstream`` sees almost nothing; ``/Length`` (correct) tells
    PDFium where the data really ends.

    Args:
        inflated_bytes: size of the page content once inflated.
        length: the ``/Length`` value to write (default: the correct number; e.g. ``b"6 0 R"``
            makes it indirect, with object 6 holding the number).
    """
    inner = _bomb_content(inflated_bytes, stored=b"%endstream endobj\n")
    outer = _zlib_with_stored_start(inner, 64)
    assert b"endstream" in outer[:80]
    value = length if length is not None else b"%d" % len(outer)
    body = b"<< /Length %s /Filter [/FlateDecode /FlateDecode] >>\nstream\n" % value + outer + b"\nendstream"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        _FONT,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
        b" /Contents 5 0 R >>",
        body,
        b"%d" % len(outer),
    ]
    return pdf_from_objects(objects)


def _lzw_pack(codes: Sequence[tuple[int, int]]) -> bytes:
    """Codes of given widths packed most significant bit first, the last byte padded with zeros."""
    accumulator, held, out = 0, 0, bytearray()
    for code, width in codes:
        accumulator, held = (accumulator << width) | code, held + width
        while held >= 8:
            held -= 8
            out.append((accumulator >> held) & 0xFF)
        accumulator &= (1 << held) - 1
    if held:
        out.append((accumulator << (8 - held)) & 0xFF)
    return bytes(out)


def _lzw_width(table_size: int) -> int:
    """Code width with /EarlyChange 1 once the decoder's table holds ``table_size`` entries."""
    size = table_size + 1
    return 9 if size < 512 else 10 if size < 1024 else 11 if size < 2048 else 12


def lzw_encode(data: bytes) -> bytes:
    """``data`` LZW-compressed as PDF's ``/LZWDecode`` reads it (/EarlyChange 1; a clear code when
    the table is full). For tests and small inputs: it runs at about 1 MB/s."""
    table = {bytes((i,)): i for i in range(256)}
    codes, current = [(256, 9)], b""
    for value in data:
        extended = current + bytes((value,))
        if extended in table:
            current = extended
            continue
        codes.append((table[current], _lzw_width(len(table) + 1)))
        if len(table) + 2 < 4096:
            table[extended] = len(table) + 2
        else:
            codes.append((256, 12))
            table = {bytes((i,)): i for i in range(256)}
        current = bytes((value,))
    if current:
        codes.append((table[current], _lzw_width(len(table) + 1)))
    codes.append((257, _lzw_width(len(table) + 1)))
    return _lzw_pack(codes)


def _run_length_encode(data: bytes) -> bytes:
    """RunLength data: runs of 3+ equal bytes as repeats, the rest as literal runs of up to 128."""
    out, literal, index = bytearray(), bytearray(), 0
    while index < len(data):
        end = index
        while end < len(data) and end - index < 128 and data[end] == data[index]:
            end += 1
        if end - index >= 3 or len(literal) == 128:
            if literal:
                out += bytes((len(literal) - 1,)) + literal
                literal = bytearray()
        if end - index >= 3:
            out += bytes((257 - (end - index), data[index]))
            index = end
        else:
            literal.append(data[index])
            index += 1
    if literal:
        out += bytes((len(literal) - 1,)) + literal
    return bytes(out) + b"\x80"


_ENCODERS: dict[str, Callable[[bytes], bytes]] = {
    "FlateDecode": lambda data: zlib.compress(data, 9),
    "LZWDecode": lambda data: lzw_encode(data),
    "ASCIIHexDecode": lambda data: data.hex().encode() + b">",
    "ASCII85Decode": lambda data: __import__("base64").a85encode(data, wrapcol=76) + b"~>",
    "RunLengthDecode": lambda data: _run_length_encode(data),
}
ABBREVIATIONS = {
    "FlateDecode": "Fl",
    "LZWDecode": "LZW",
    "ASCIIHexDecode": "AHx",
    "ASCII85Decode": "A85",
    "RunLengthDecode": "RL",
}
"""The standard filters the guard decodes, with their abbreviated names."""


def encode_filters(content: bytes, filters: Sequence[str]) -> bytes:
    """``content`` encoded so that ``/Filter [filters...]`` decodes it (the first filter is undone first).

    Args:
        content: the decoded stream data.
        filters: full or abbreviated names of standard filters (``FlateDecode``, ``AHx``, ...).

    Returns:
        The encoded data.
    """
    full = {short: name for name, short in ABBREVIATIONS.items()}
    for name in reversed(filters):
        content = _ENCODERS[full.get(name, name)](content)
    return content


def filtered_pdf(content: bytes, filters: Sequence[str], *, extra: bytes = b"", keyword: bytes = b"stream\n") -> bytes:
    """A one-page PDF whose content stream is ``content`` behind the filter chain ``filters``.

    Args:
        content: the page's content (text operators).
        filters: the chain (see :func:`encode_filters`).
        extra: more entries for the stream's dictionary (``b" /Subtype /Image"``).
        keyword: the ``stream`` keyword and what follows it up to the data.

    Returns:
        The file's bytes.
    """
    names = b"[%s]" % b" ".join(b"/" + name.encode() for name in filters)
    return _one_page(_bomb_stream(encode_filters(content, filters), names, extra=extra, keyword=keyword))


def lzw_bomb_pdf(cycles: int = 144) -> bytes:
    """A pure ``/LZWDecode`` bomb: LZW of a run of one byte fills the code table with ever longer
    strings; each table's worth (a cycle, 5.5 KB) decodes to 7.4 MB, and 144 cycles (790 KB)
    to about 1 GiB."""
    cycle = [(ord("a"), 9)]
    for code in range(258, 4096):  # code k stands for k - 256 bytes, read when the table holds k entries
        cycle.append((code, _lzw_width(code)))
    cycle.append((256, 12))  # the table is full: clear it, and start again
    block = _lzw_pack(cycle * 8)  # eight cycles end on a byte boundary, so blocks can be repeated
    start = _lzw_pack([(256, 9)] * 8)  # clear codes (some readers need one first): 72 bits, whole bytes
    encoded = start + block * max(1, cycles // 8) + _lzw_pack([(257, 9)])
    return _one_page(_bomb_stream(encoded, b"/LZWDecode"))


def hidden_header_bomb_pdf(inflated_bytes: int = 4 * 2**30) -> bytes:
    """The bomb in an object whose header ``5 0 obj`` carries comments holding keywords
    (``5 %endobj`` ⏎ ``0 %stream`` ⏎ ``obj``): PDFium skips comments, and reaches the object through
    the cross-reference table; a scan for ``N G obj`` between keywords does not see it."""
    twice = zlib.compress(_bomb_content(inflated_bytes), 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        _FONT,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
        b" /Contents 5 0 R >>",
        _bomb_stream(twice, b"[/FlateDecode /FlateDecode]"),
    ]
    return pdf_from_objects(objects).replace(b"5 0 obj\n", b"5 %endobj\n0 %stream\nobj\n", 1)


def repeated_contents_pdf(inflated_bytes: int = 16 * 2**20, times: int = 30) -> bytes:
    """One content stream that inflates to ``inflated_bytes`` (within the per-stream limit), listed
    ``times`` times in the page's ``/Contents``: PDFium joins the copies into one buffer and parses
    each (30 × 16 MiB of text operators is some 40 GB of parsed objects)."""
    twice = zlib.compress(_bomb_content(inflated_bytes), 9)
    refs = b" ".join([b"5 0 R"] * times)
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            _FONT,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
            b" /Contents [%s] >>" % refs,
            _bomb_stream(twice, b"[/FlateDecode /FlateDecode]"),
        ]
    )


def xobject_fanout_pdf(fanout: int = 10, depth: int = 7) -> bytes:
    """Form XObjects each drawing the next one ``fanout`` times, ``depth`` levels deep (the page
    draws the first ``fanout`` times): a 2.5 KB file that draws ``fanout ** depth`` (ten million)
    copies of the last form's text."""

    # 1 catalog, 2 pages, 3 font, 4 page, 5 page content, 6 … 5 + depth the forms.
    def draws(level: int) -> bytes:
        return b"q /X%d Do Q\n" % level * fanout

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        _FONT,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >>"
        b" /XObject << /X1 6 0 R >> >> /Contents 5 0 R >>",
        stream(draws(1), filters=1),
    ]
    for level in range(1, depth + 1):
        if level < depth:
            content, resources = draws(level + 1), b"/XObject << /X%d %d 0 R >>" % (level + 1, 6 + level)
        else:
            content, resources = _text_content([_TEXT_LINE]), b"/Font << /F1 3 0 R >>"
        packed = zlib.compress(content, 9)
        objects.append(
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << %s >> /Length %d"
            b" /Filter /FlateDecode >>\nstream\n" % (resources, len(packed)) + packed + b"\nendstream"
        )
    return pdf_from_objects(objects)


def long_line_pdf(blocks: int = 1200) -> bytes:
    """One page whose text runs on along one line: 3.5 million characters from a 20 KB file.
    PDFium's text extraction takes time quadratic in them (31 s; 2.6 million took 15 s)."""
    line = b"(Hesabat: 15 mart 2022-ci il tarixde 50 nefer istirak edib.) Tj\n"
    return _one_page(stream((b"BT /F1 11 Tf 14 TL 60 780 Td\n" + line * 49 + b"ET\n") * blocks, filters=1))


def unterminated_streams(size: int = 2**20) -> bytes:
    """``size`` bytes of stream objects that never end: no ``endstream``, no ``endobj``, a wrong
    ``/Length``, zlib data that runs on (the shape that made a naive scanner search to the end of
    the file for every one of them: quadratic time)."""
    unit = b"1 0 obj<</Length 99999999/Filter/FlateDecode>>stream\nx\x9c\x00\x00\x00\xff\xff stream "
    return b"%PDF-1.7 " + unit * (size // len(unit))


def many_objects_pdf(count: int = 50_000) -> bytes:
    """One page drawing ``count`` tiny text objects, one character each."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    ops = b"".join(
        b"BT /F1 2 Tf %d %d Td (%s) Tj ET\n" % (20 + (i % 250) * 2, 20 + (i // 250) * 4, letters[i % 26].encode())
        for i in range(count)
    )
    return _one_page(stream(ops, filters=1))


def nested_pdf(depth: int = 100_000) -> bytes:
    """A page whose dictionary holds arrays nested ``depth`` deep, and dictionaries as deep."""
    arrays = b"[" * depth + b"1" + b"]" * depth
    dicts = b"<< /A " * depth + b"1" + b" >>" * depth
    return _one_page(
        stream(_text_content([_TEXT_LINE]), filters=1), page_extra=b"/Deep %s /Deeper %s " % (arrays, dicts)
    )


def deep_page_tree_pdf(depth: int = 5_000) -> bytes:
    """A page tree of ``depth`` nested /Pages nodes with one page at the bottom."""
    # 1 catalog, 2 font, 3 … depth + 2 the /Pages chain, then the page and its content.
    page = depth + 3
    objects = [b"<< /Type /Catalog /Pages 3 0 R >>", _FONT]
    for number in range(3, page):
        parent = b" /Parent %d 0 R" % (number - 1) if number > 3 else b""
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1%s >>" % (number + 1, parent))
    objects.append(
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 2 0 R >> >>"
        b" /Contents %d 0 R >>" % (page - 1, page + 1)
    )
    objects.append(stream(_text_content([_TEXT_LINE]), filters=1))
    return pdf_from_objects(objects)


def thousand_page_pdf() -> bytes:
    """A long but valid report: 1,000 pages."""
    return good_pdf(1_000)


def big_text(size: int = 50 * 2**20) -> bytes:
    """A UTF-8 text file of ``size`` bytes of report-like Azerbaijani text."""
    paragraph = (
        "1-ci bəndin icrasına dair (Təlimlərin keçirilməsi):\n"
        "15 mart 2022-ci il tarixdə Nazirliyin 50 nəfər əməkdaşı təlimdə iştirak etmişdir.\n\n"
    ).encode()
    return (paragraph * (size // len(paragraph) + 1))[:size].rsplit(b"\n", 1)[0] + b"\n"


def big_docx(paragraphs: int = 400_000) -> bytes:
    """A valid DOCX whose body holds ``paragraphs`` short paragraphs (400,000: a 96 KB file whose
    document.xml is 20 MB; lxml needs some 200 MB to parse it)."""
    import io
    import zipfile

    import docx

    document = docx.Document()
    document.add_paragraph("1-ci bəndin icrasına dair:")
    saved = io.BytesIO()
    document.save(saved)
    paragraph = "<w:p><w:r><w:t>Hesabat 2022-ci il</w:t></w:r></w:p>"
    out = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            part = source.read(name)
            if name == "word/document.xml":
                part = part.replace(b"<w:body>", b"<w:body>" + paragraph.encode() * paragraphs, 1)
            target.writestr(name, part)
    return out.getvalue()


def docx_not_zip() -> bytes:
    """A .docx that is really plain text."""
    return "1-ci bəndin icrasına dair: bu fayl DOCX deyil.\n".encode()


def binary_txt() -> bytes:
    """A .txt holding binary data (a PNG header and random bytes)."""
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(7).randbytes(4096)


_WML = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DOCX_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Override PartName="/word/document.xml"'
    b' ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_DOCX_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Target="word/document.xml"'
    b' Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>'
)


def docx_repeating(unit: bytes, count: int) -> bytes:
    """A minimal DOCX whose body is ``unit`` (body XML) ``count`` times, streamed into the zip, so
    that a file of a few hundred KB may inflate to hundreds of MB."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _DOCX_TYPES)
        archive.writestr("_rels/.rels", _DOCX_RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="' + _WML + b'"><w:body>')
            batch = max(1, 2**20 // len(unit))
            for done in range(0, count, batch):
                part.write(unit * min(batch, count - done))
            part.write(b"</w:body></w:document>")
    return out.getvalue()


def docx_tiny_runs(size: int = 100 * 2**20) -> bytes:
    """A 270 KB DOCX of ``size`` bytes of one-letter runs (100 MB: 4.5 million runs; python-docx
    took 100 s and 1.8 GB to read it before the markup was counted first)."""
    paragraph = b"<w:p>" + b"<w:r><w:t>a</w:t></w:r>" * 1000 + b"</w:p>"
    return docx_repeating(paragraph, size // len(paragraph))


def docx_empty_paragraphs(count: int = 5_000_000) -> bytes:
    """A 300 KB DOCX of ``count`` empty paragraphs (5 million: 137 s and 1.9 GB to read before)."""
    return docx_repeating(b'<w:p w:rsidR="00AB12CD"/>', count)


def _mhtml(html: str) -> bytes:
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    archive = MIMEMultipart("related")
    archive.attach(MIMEText(html, "html", "utf-8"))
    return archive.as_bytes()


ALT_CHUNK_TEXT = (
    "Giriş.\nHTML paraqrafı: 50 nəfər & 3 təlim.\nA\nB\nMHT paraqrafı: 12 iclas.\nSadə mətn.\nİkinci sətir.\n"
    "Daxili sənəd: 15 mart 2022-ci il.\nSon.\n"
)
"""The text the DOCX reader gives :func:`docx_alt_chunks` (the RTF chunk is left out, with a warning)."""


def docx_alt_chunks() -> bytes:
    """A DOCX embedding content in other formats (``w:altChunk``) between two paragraphs: HTML,
    MHTML, plain text and a DOCX (typed, as Word types it, as a main document part), then RTF."""
    import io

    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    inner = docx.Document()
    inner.add_paragraph("Daxili sənəd: 15 mart 2022-ci il.")
    inner_bytes = io.BytesIO()
    inner.save(inner_bytes)
    html = (
        "<html><head><title>Başlıq</title><style>p {color: red}</style></head><body>"
        "<p>HTML   paraqrafı:\n50 nəfər &amp; 3 təlim.</p><table><tr><td>A</td><td>B</td></tr></table></body></html>"
    )
    chunks = (
        ("/word/chunk1.html", "text/html", html.encode()),
        ("/word/chunk2.mht", "message/rfc822", _mhtml("<html><body><p>MHT paraqrafı: 12 iclas.</p></body></html>")),
        ("/word/chunk3.txt", "text/plain", "Sadə mətn.\nİkinci sətir.".encode("utf-8-sig")),
        (
            "/word/chunk4.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            inner_bytes.getvalue(),
        ),
        ("/word/chunk5.rtf", "application/rtf", rb"{\rtf1\ansi RTF m\'e9tn.}"),
    )
    document = docx.Document()
    document.add_paragraph("Giriş.")
    for name, content_type, blob in chunks:
        part = Part(PackURI(name), content_type, blob, document.part.package)
        chunk = OxmlElement("w:altChunk")
        chunk.set(qn("r:id"), document.part.relate_to(part, RELATIONSHIP_TYPE.A_F_CHUNK))
        document.element.body.sectPr.addprevious(chunk)
    document.add_paragraph("Son.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@dataclass(frozen=True)
class Case:
    """One hostile input.

    Attributes:
        name: short id (test ids, file names).
        filename: the name the file is written under (its extension picks the reader).
        make: returns the file's bytes.
        error: the ReportParseError subclass ``load`` must raise, or None when it must load.
        note: what the case is.
    """

    name: str
    filename: str
    make: Callable[[], bytes]
    error: type[ReportParseError] | None
    note: str


CASES: tuple[Case, ...] = (
    Case("truncated-pdf", "truncated.pdf", truncated_pdf, CorruptFileError, "valid PDF cut at 40 % of its bytes"),
    Case("garbage-pdf", "garbage.pdf", garbage_pdf, CorruptFileError, "64 KB of random bytes named .pdf"),
    Case("zero-pages", "zero-pages.pdf", zero_page_pdf, CorruptFileError, "well-formed PDF, empty page tree"),
    Case("encrypted", "encrypted.pdf", encrypted_pdf, EncryptedPDFError, "user password, none given"),
    Case("bomb", "bomb.pdf", bomb_pdf, ResourceLimitError, "~10 KB file, content inflates to 4 GiB"),
    Case("50k-objects", "many-objects.pdf", many_objects_pdf, None, "one page, 50,000 one-letter text objects"),
    Case("nested", "nested.pdf", nested_pdf, None, "arrays and dictionaries nested 100,000 deep"),
    Case("deep-page-tree", "deep-tree.pdf", deep_page_tree_pdf, CorruptFileError, "5,000 nested /Pages nodes"),
    Case("1000-pages", "thousand.pdf", thousand_page_pdf, None, "1,000 valid pages"),
    Case("50mb-text", "big.txt", big_text, ResourceLimitError, "50 MB of report text"),
    Case("docx-not-zip", "not-zip.docx", docx_not_zip, CorruptFileError, "plain text named .docx"),
    Case("binary-txt", "binary.txt", binary_txt, DecodingError, "PNG bytes named .txt"),
    Case("docx-tiny-runs", "tiny-runs.docx", docx_tiny_runs, ResourceLimitError, "270 KB, 100 MB of one-letter runs"),
    Case("docx-empty-paragraphs", "empty.docx", docx_empty_paragraphs, ResourceLimitError, "5,000,000 empty <w:p/>"),
    Case("docx-alt-chunks", "alt-chunks.docx", docx_alt_chunks, None, "HTML, MHTML, text, DOCX and RTF in altChunks"),
    # Ways around a naive bomb guard: each killed the interpreter (SIGABRT) under a 4 GB limit.
    Case("bomb-hex-flate", "bomb-hex-flate.pdf", hex_flate_bomb_pdf, ResourceLimitError, "[/AHx /Fl /Fl], 4 GiB"),
    Case("bomb-a85-flate", "bomb-a85-flate.pdf", a85_flate_bomb_pdf, ResourceLimitError, "[/A85 /Fl /Fl], 4 GiB"),
    Case("bomb-image-tag", "bomb-image-tag.pdf", image_tagged_bomb_pdf, ResourceLimitError, "/Subtype /Image content"),
    Case("bomb-stream-space", "bomb-stream-space.pdf", stream_keyword_bomb_pdf, ResourceLimitError, "`stream ` + EOL"),
    Case(
        "bomb-stream-comment",
        "bomb-stream-comment.pdf",
        functools.partial(stream_keyword_bomb_pdf, keyword=b"stream%x\n"),
        ResourceLimitError,
        "`stream%x` + EOL",
    ),
    Case(
        "bomb-stored-endstream",
        "bomb-stored-endstream.pdf",
        stored_endstream_bomb_pdf,
        ResourceLimitError,
        "`endstream` inside stored deflate blocks",
    ),
    Case("bomb-lzw", "bomb-lzw.pdf", lzw_bomb_pdf, ResourceLimitError, "/LZWDecode, 1 GiB from 780 KB"),
    Case(
        "repeated-contents", "repeated.pdf", repeated_contents_pdf, ResourceLimitError, "16 MiB content listed 30 times"
    ),
    Case("xobject-fanout", "fanout.pdf", xobject_fanout_pdf, ResourceLimitError, "forms drawn 10 times, 7 deep"),
    Case("long-text-line", "long-line.pdf", long_line_pdf, ResourceLimitError, "3.5 million characters on a line"),
    Case(
        "unterminated-streams",
        "unterminated.pdf",
        unterminated_streams,
        CorruptFileError,
        "1 MB of streams with no end (PDFium: quadratic)",
    ),
)
"""Every hostile case, with the outcome ``reportparse.load`` must give."""


def write_cases(folder: str | os.PathLike[str], cases: Sequence[Case] = CASES) -> dict[str, Path]:
    """Write every case into ``folder`` (made if needed); returns case name → path."""
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    paths = {}
    for case in cases:
        path = root / case.filename
        if not path.exists():
            path.write_bytes(case.make())
        paths[case.name] = path
    return paths
