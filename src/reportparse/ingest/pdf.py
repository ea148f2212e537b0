"""PDF reader with two engines.

* ``pypdfium2`` (default): PDFium's text extraction: about 860 pages/s on report-like pages,
  125–200 pages/s on dense legal codes (``benchmarks/bench_pdf.py``).
  Headers and footers are found by repetition at page edges (see :mod:`.furniture`).
* ``pdfplumber``: slower (pdfminer in pure Python), but gives every line's position, so a
  header or footer must also lie in the page's margin band, and lone page numbers in the
  margin are dropped even when they do not recur.

docs/input.md, "PDF engines", has the measurements behind the default.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from collections.abc import Sequence
from pathlib import Path

import pypdfium2 as pdfium

from reportparse.document import PAGE_SEPARATOR, RawText
from reportparse.errors import (
    CorruptFileError,
    EncryptedPDFError,
    NoTextLayerWarning,
    OcrUnavailableError,
    ReportParseWarning,
)
from reportparse.ingest import ocr as ocr_module
from reportparse.ingest.bombs import check_pdf_streams
from reportparse.ingest.formats import DEFAULT_ENGINE, ENGINES  # noqa: E402  (named where no engine is imported)
from reportparse.ingest.furniture import Line, find_furniture, split_lines
from reportparse.ingest.pdf_tables import table_texts
from reportparse.ingest.table_layout import CELL_SEPARATOR
from reportparse.limits import DEFAULT_LIMITS, Limits

MARGIN_BAND = 0.08
"""Share of the page height at the top and at the bottom where headers and footers live."""


def _open(data: bytes, path: Path, password: str | None) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        # PDFium's error code is process-wide and not reset when a load fails without one: after an
        # encrypted file, a file without a usable page tree reports "password" too. Only a file
        # with an /Encrypt dictionary is encrypted.
        stale = "password" in message.lower() and b"/Encrypt" not in data
        if "PDFium: Success" in message or stale:  # PDFium's way of saying: no page tree it can use
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
    ocr: str = "never",
    ocr_pages: Sequence[int] | None = None,
    ocr_progress: bool = False,
    **_options: object,
) -> RawText:
    """Extract the text of every page of a PDF, OCRing pages without text when asked.

    Args:
        path: the file's path (named in errors, kept as the source).
        data: the file's bytes.
        password: for encrypted PDFs.
        engine: ``pypdfium2`` (fast, default) or ``pdfplumber`` (layout-aware).
        limits: inflated stream sizes, pages and characters allowed.
        ocr: ``auto`` (OCR pages without text when Tesseract is installed), ``always`` or
            ``never`` (default here; :func:`reportparse.load` defaults to ``auto``).
        ocr_pages: 0-based indexes of the pages to OCR, instead of those ``ocr`` picks.
        ocr_progress: draw a bar of OCRed pages on standard error (a terminal, long scans).

    Returns:
        The pages' text with header/footer spans in ``furniture``; OCRed pages are listed in
        ``metadata`` (:func:`reportparse.ingest.ocr.ocr_page_numbers`). A PDF without any text
        (layer or OCR) gives empty pages, ``scanned=True`` and a :class:`NoTextLayerWarning`.

    Raises:
        EncryptedPDFError: encrypted and no (or a wrong) password.
        CorruptFileError: not a readable PDF, or a PDF without pages.
        ResourceLimitError: a decompression bomb, or more pages or text than ``limits`` allow.
        OcrUnavailableError: ``ocr="always"`` without Tesseract and its Azerbaijani model.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown PDF engine {engine!r}; choose one of {', '.join(ENGINES)}")
    ocr_module.check_mode(ocr)
    if ocr == "always" and ocr_module.unavailable():
        raise OcrUnavailableError(f"ocr='always' (--ocr always) cannot run: {ocr_module.unavailable()}", path=path)
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
        if not pages:
            raise CorruptFileError("no readable page in the PDF; the page tree is damaged, re-export it", path=path)
        pages = _with_tables(document, data, password, pages, path)
        pages, notes, recognized, tried = _ocr(document, pages, path, limits, ocr, ocr_pages, ocr_progress)
    finally:
        document.close()

    texts = [text for text, _lines in pages]
    empty = [number for number, text in enumerate(texts, 1) if not text.strip()]
    scanned = len(empty) == len(texts)
    if scanned:
        notes.append(_no_text_note(ocr, tried))
    elif empty:
        notes.append(f"pages without text (scanned?): {', '.join(map(str, empty))}")
    for note in notes:
        warnings.warn(f"{path}: {note}", NoTextLayerWarning, stacklevel=3)
    if recognized:  # a note for documents.csv, not a warning: nothing is wrong
        metadata[ocr_module.METADATA_KEY] = ",".join(str(index + 1) for index in recognized)
        notes.insert(0, f"text of {len(recognized)} page(s) by OCR (Tesseract, {ocr_module.LANGUAGE})")

    furniture: list[tuple[int, int]] = []
    offset = 0
    for text, drop in zip(texts, find_furniture([lines for _text, lines in pages]), strict=True):
        # a table's heading row repeated atop every page is no furniture (table_sections skips the repeats)
        kept = [line for line in drop if not line.text.startswith(CELL_SEPARATOR)]
        furniture.extend((offset + line.start, offset + line.end) for line in kept)
        offset += len(text) + len(PAGE_SEPARATOR)
    return RawText(
        pages=tuple(texts),
        source=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        format="pdf",
        extractor=f"{engine}+tesseract" if recognized else engine,
        furniture=tuple(sorted(furniture)),
        metadata=metadata,
        warnings=tuple(notes),
        scanned=scanned,
    )


def _with_tables(
    document: pdfium.PdfDocument, data: bytes, password: str | None, pages: list[tuple[str, list[Line]]], path: Path
) -> list[tuple[str, list[Line]]]:
    """Pages with ruled tables written one row per line (:mod:`.pdf_tables`); the others as they are.

    When pdfplumber cannot read the file, every page keeps the engine's text (every word is
    still there, only the rows are not marked) and a warning says so.
    """
    try:
        found = table_texts(document, data, password, [text for text, _lines in pages])
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many unrelated types on damaged files
        note = f"tables not read as rows (pdfplumber: {type(exc).__name__}: {exc}); the text is kept as extracted"
        warnings.warn(f"{path}: {note}", ReportParseWarning, stacklevel=4)
        return pages
    return [(found[index], split_lines(found[index])) if index in found else page for index, page in enumerate(pages)]


def _ocr(
    document: pdfium.PdfDocument,
    pages: list[tuple[str, list[Line]]],
    path: Path,
    limits: Limits,
    mode: str,
    indexes: Sequence[int] | None,
    progress: bool,
) -> tuple[list[tuple[str, list[Line]]], list[str], list[int], bool]:
    """Pages with the text OCR found in place of their text layer; notes; the indexes whose text
    OCR gave; whether OCR ran."""
    if indexes is None:
        indexes = ocr_module.pages_to_ocr([text for text, _lines in pages], mode)
    if not indexes or ocr_module.unavailable():
        return pages, [], [], False
    found, notes = ocr_module.ocr_pages(document, indexes, path=path, progress=progress)
    found = {index: text for index, text in found.items() if text.strip()}
    pages = [(found[index], split_lines(found[index])) if index in found else page for index, page in enumerate(pages)]
    limits.check("max_chars", sum(len(text) for text, _lines in pages), path=path, what="characters of text")
    return pages, notes, sorted(found), True


def _no_text_note(mode: str, tried: bool) -> str:
    if tried:
        return "the PDF has no text layer (a scan?) and OCR found no text on its pages"
    if mode == "never" or not ocr_module.unavailable():
        return "the PDF has no text layer (a scan?); OCR is off: parse it with --ocr auto (ocr='auto')"
    return f"the PDF has no text layer (a scan?); it needs OCR, and {ocr_module.unavailable()}"
