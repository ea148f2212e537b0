"""Broken and hostile input files, generated on the fly for the reliability tests and fuzzers.

PDFs are written byte by byte by a minimal writer (standard Helvetica font, no fpdf2 or TTF
needed), so a 1,000-page PDF or a decompression bomb takes well under a second to make.
:data:`CASES` lists every case with the outcome reportparse must give.
"""

from __future__ import annotations

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


def _repeated_zlib(head: bytes, chunk: bytes, repeats: int, tail: bytes) -> bytes:
    """zlib data of ``head + chunk * repeats + tail`` without compressing gigabytes: after a full
    flush the compressor starts afresh, so ``chunk`` compresses to the same block every time."""
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
        _adler32_combine(zlib.adler32(head), total, length * repeats), zlib.adler32(tail), len(tail)
    )
    return b"\x78\xda" + first + block * repeats + last + checksum.to_bytes(4, "big")


def bomb_pdf(inflated_bytes: int = 4 * 2**30) -> bytes:
    """A decompression bomb: a ~20 KB file whose page content inflates to ``inflated_bytes``
    (4 GiB by default) of text-drawing operators, Flate-compressed twice."""
    line = b"(Hesabat 2022) Tj T*\n"
    chunk = line * (2**20 // len(line))
    once = _repeated_zlib(b"BT /F1 11 Tf 14 TL 60 780 Td\n", chunk, max(1, inflated_bytes // len(chunk)), b"ET")
    twice = zlib.compress(once, 9)
    body = b"<< /Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n" % len(twice) + twice + b"\nendstream"
    return _one_page(body)


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


def docx_not_zip() -> bytes:
    """A .docx that is really plain text."""
    return "1-ci bəndin icrasına dair: bu fayl DOCX deyil.\n".encode()


def binary_txt() -> bytes:
    """A .txt holding binary data (a PNG header and random bytes)."""
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(7).randbytes(4096)


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
