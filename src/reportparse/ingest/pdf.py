"""PDF reader with two engines.

* ``pypdfium2`` (default): PDFium's text extraction: about 860 pages/s on report-like pages,
  125–200 pages/s on dense legal codes (``benchmarks/bench_pdf.py``).
  Headers and footers are found by repetition at page edges (see :mod:`.furniture`).
* ``pdfplumber``: slower (pdfminer in pure Python), but gives every line's position, so a
  header or footer must also lie in the page's margin band, and lone page numbers in the
  margin are dropped even when they do not recur.

The README's "PDF engines" section has the measurements behind the default.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from pathlib import Path

import pypdfium2 as pdfium

from reportparse.document import PAGE_SEPARATOR, RawText
from reportparse.errors import CorruptFileError, EncryptedPDFError, NoTextLayerWarning
from reportparse.ingest.bombs import check_pdf_streams
from reportparse.ingest.furniture import Line, find_furniture, split_lines
from reportparse.limits import DEFAULT_LIMITS, Limits

ENGINES = ("pypdfium2", "pdfplumber")
DEFAULT_ENGINE = "pypdfium2"

MARGIN_BAND = 0.08
"""Share of the page height at the top and at the bottom where headers and footers live."""


def _open(data: bytes, path: Path, password: str | None) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "PDFium: Success" in message:  # PDFium's way of saying: no page tree it can use
            raise CorruptFileError("the PDF has no pages (or a damaged page tree); re-export it", path=path) from None
        if "password" in message.lower():
            hint = "the password given is wrong" if password else "pass password=... (CLI: --password)"
            raise EncryptedPDFError(f"the PDF is encrypted; {hint}", path=path) from None
        raise CorruptFileError(
            f"not a readable PDF ({message}); check that the file is complete and really a PDF",
            path=path,
        ) from None


def _metadata(document: pdfium.PdfDocument) -> dict[str, str]:
    try:
        items = document.get_metadata_dict(skip_empty=True)
    except pdfium.PdfiumError:
        return {}
    return {key: str(value) for key, value in items.items()}


def _pdfium_pages(document: pdfium.PdfDocument, path: Path, limits: Limits) -> list[tuple[str, list[Line]]]:
    pages, chars = [], 0
    for index in range(len(document)):
        try:
            page = document[index]
        except pdfium.PdfiumError as exc:
            raise CorruptFileError(
                f"page {index + 1} cannot be loaded ({exc}); the PDF is damaged, re-export it", path=path
            ) from None
        try:
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
        finally:
            page.close()
        chars += len(text)
        limits.check("max_chars", chars, path=path, what=f"characters of text by page {index + 1}")
        pages.append((text, split_lines(text)))
    return pages


def _plumber_pages(data: bytes, password: str | None, path: Path) -> list[tuple[str, list[Line]]]:
    try:
        return _plumber_pages_unchecked(data, password)
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many unrelated types on damaged files
        raise CorruptFileError(
            f"pdfplumber cannot read this PDF ({type(exc).__name__}: {exc}); try --pdf-engine pypdfium2",
            path=path,
        ) from None


def _plumber_pages_unchecked(data: bytes, password: str | None) -> list[tuple[str, list[Line]]]:
    import pdfplumber  # imported lazily: pdfminer is slow to import and rarely needed

    pages = []
    with pdfplumber.open(io.BytesIO(data), password=password or "") as pdf:
        for page in pdf.pages:
            height = float(page.height) or 1.0
            lines, pos = [], 0
            for found in page.extract_text_lines(strip=True):
                text = found["text"]
                margin = found["top"] < MARGIN_BAND * height or found["bottom"] > (1 - MARGIN_BAND) * height
                lines.append(Line(text, pos, pos + len(text), in_margin=margin))
                pos += len(text) + 1
            page.close()
            pages.append(("\n".join(line.text for line in lines), lines))
    return pages


def read(
    path: Path,
    data: bytes,
    *,
    password: str | None = None,
    engine: str = DEFAULT_ENGINE,
    limits: Limits = DEFAULT_LIMITS,
    **_options: object,
) -> RawText:
    """Extract the text of every page of a PDF.

    Args:
        path: the file's path (named in errors, kept as the source).
        data: the file's bytes.
        password: for encrypted PDFs.
        engine: ``pypdfium2`` (fast, default) or ``pdfplumber`` (layout-aware).
        limits: inflated stream sizes, pages and characters allowed.

    Returns:
        The pages' text with header/footer spans in ``furniture``. A PDF without any text
        layer gives empty pages, ``scanned=True`` and a :class:`NoTextLayerWarning`.

    Raises:
        EncryptedPDFError: encrypted and no (or a wrong) password.
        CorruptFileError: not a readable PDF, or a PDF without pages.
        ResourceLimitError: a decompression bomb, or more pages or text than ``limits`` allow.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown PDF engine {engine!r}; choose one of {', '.join(ENGINES)}")
    check_pdf_streams(data, limits, path=path)  # before PDFium, which aborts the process when out of memory
    document = _open(data, path, password)
    try:
        if len(document) == 0:
            raise CorruptFileError("the PDF has no pages", path=path)
        limits.check("max_pages", len(document), path=path, what="pages", advice="split the PDF")
        metadata = _metadata(document)
        if engine == "pypdfium2":
            pages = _pdfium_pages(document, path, limits)
        else:
            pages = _plumber_pages(data, password, path)
            limits.check("max_chars", sum(len(text) for text, _lines in pages), path=path, what="characters of text")
    finally:
        document.close()
    if not pages:
        raise CorruptFileError("no readable page in the PDF; the page tree is damaged, re-export it", path=path)

    texts = [text for text, _lines in pages]
    notes: list[str] = []
    empty = [number for number, text in enumerate(texts, 1) if not text.strip()]
    scanned = len(empty) == len(texts)
    if scanned:
        notes.append("the PDF has no text layer (a scan?); run OCR on it first (e.g. ocrmypdf) to get its text")
    elif empty:
        notes.append(f"pages without text (scanned?): {', '.join(map(str, empty))}")
    for note in notes:
        warnings.warn(f"{path}: {note}", NoTextLayerWarning, stacklevel=3)

    furniture: list[tuple[int, int]] = []
    offset = 0
    for text, drop in zip(texts, find_furniture([lines for _text, lines in pages]), strict=True):
        furniture.extend((offset + line.start, offset + line.end) for line in drop)
        offset += len(text) + len(PAGE_SEPARATOR)
    return RawText(
        pages=tuple(texts),
        source=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        format="pdf",
        extractor=engine,
        furniture=tuple(sorted(furniture)),
        metadata=metadata,
        warnings=tuple(notes),
        scanned=scanned,
    )
