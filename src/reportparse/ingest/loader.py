"""``load``: a path or a string in, a normalized :class:`~reportparse.document.Document` out."""

from __future__ import annotations

import dataclasses
import os
import sys
import warnings
from pathlib import Path
from typing import Any, BinaryIO

from reportparse.document import Document, RawText
from reportparse.errors import (
    CorruptFileError,
    MissingFileError,
    NoTextLayerWarning,
    OcrUnavailableError,
    ReportParseError,
    UnsupportedFormatError,
)
from reportparse.ingest import ocr as ocr_module
from reportparse.ingest import sandbox, txt
from reportparse.ingest.formats import DEFAULT_ENGINE, readers
from reportparse.ingest.normalize import normalize
from reportparse.limits import DEFAULT_LIMITS, Limits

READERS = readers()
"""File extension (lowercase) → reader (``.doc``, ``.odt``, ``.rtf`` through LibreOffice or
antiword, when installed); each reader's module is imported when a file of its format is read."""

ISOLATED = {".pdf": "pdf", ".docx": "docx"}
"""Extensions whose (native) parsers run in a child process (:mod:`reportparse.ingest.sandbox`)."""

_ADVICE = {
    ".mht": "open it in a browser and save the page as .html",
    ".mhtml": "open it in a browser and save the page as .html",
    ".xls": "a spreadsheet: save the report as .docx or .pdf",
    ".xlsx": "a spreadsheet: save the report as .docx or .pdf",
}

_MAX_PATH_LIKE = 1024  # a longer string, or one with a line break, is always text


_PATH_LIKE_WORDS = 6
"""A one-line string with a path separator and at most this many words, without sentence
punctuation, is a (mistyped) path, not a report: ``Hesabatlar/2022 hesabat``."""

_GUESSED = " (a string is read as a report's text unless it looks like a path; load_text() never guesses)"

_SENTENCE_MARKS = frozenset('.,;:!?()“”"«»')


def _looks_like_path(value: str) -> bool:
    if len(value) > _MAX_PATH_LIKE or "\n" in value or "\r" in value:
        return False
    if os.path.exists(value):
        return True
    suffix = os.path.splitext(value)[1].lower()
    if suffix in READERS or suffix in _ADVICE:
        return True
    has_separator = os.sep in value or (os.altsep is not None and os.altsep in value)
    if not has_separator:
        return False
    words = value.split()
    drive = len(value) > 2 and value[1] == ":" and value[0].isalpha()  # C:\Hesabatlar
    marks = {char for char in (value[2:] if drive else value) if char in _SENTENCE_MARKS}
    return len(words) <= _PATH_LIKE_WORDS and not marks


def load(
    path_or_text: str | os.PathLike[str] | bytes | bytearray | memoryview | BinaryIO,
    *,
    doc_id: str | None = None,
    password: str | None = None,
    pdf_engine: str = DEFAULT_ENGINE,
    limits: Limits = DEFAULT_LIMITS,
    ocr: str = ocr_module.DEFAULT_OCR,
    format: str | None = None,
) -> Document:
    """Read and normalize a report.

    A :class:`~pathlib.Path` (or any path-like) is always a file. A ``str`` is a file when it
    names an existing one, or looks like a path (one line ending in a known extension, or with
    a path separator, at most six words and no sentence punctuation: ``Hesabatlar/2022
    hesabat``); otherwise it is the report's text. Use :func:`load_text` to skip the guess.
    ``bytes`` and binary file objects are read as the format their ``name`` (a file object's)
    or ``format`` says.

    Args:
        path_or_text: a ``.txt``, ``.pdf``, ``.docx`` or ``.html`` path (``.doc``, ``.odt``, ``.rtf``
            through LibreOffice or antiword, :mod:`.legacy`), or the text itself.
        doc_id: id for the tables; default: first 12 hex chars of the SHA-256 of the bytes.
        password: for encrypted PDFs.
        pdf_engine: ``pypdfium2`` (default, fast) or ``pdfplumber`` (layout-aware).
        limits: largest file, page count, text and inflated streams accepted, and the time and
            memory a PDF or DOCX may take (:class:`~reportparse.limits.Limits`; the defaults are
            far above real reports). PDF and DOCX files are read in a child process
            (``Limits(isolate=False)`` reads them here; batch workers always do).
        format: the format of ``bytes`` or a file object without a name (``pdf``, ``docx``, ``txt``,
            ``html``, …), or to read a file whatever its extension.
        ocr: for PDFs: ``auto`` (default) OCRs the pages without text when Tesseract and its
            Azerbaijani model are installed, ``always`` every page, ``never`` none
            (:mod:`reportparse.ingest.ocr`; docs/input.md, "Scans (OCR)").

    Returns:
        The normalized document. A PDF without text (a scan OCR could not read) gives an empty
        document with ``scanned=True`` and a :class:`~reportparse.errors.NoTextLayerWarning`.

    Raises:
        MissingFileError, UnsupportedFormatError (ConverterMissingError), DecodingError, EncryptedPDFError,
        CorruptFileError, ResourceLimitError, OcrUnavailableError: all subclasses of
        :class:`~reportparse.errors.ReportParseError`.
    """
    mode = ocr_module.check_mode(ocr)
    if isinstance(path_or_text, (bytes, bytearray, memoryview)) or hasattr(path_or_text, "read"):
        path, data = _from_bytes(path_or_text, format=format, limits=limits)
        suffix = _suffix(format, path)
        return _load_data(path, data, suffix, limits, mode, doc_id=doc_id, password=password, engine=pdf_engine)
    if isinstance(path_or_text, str) and not _looks_like_path(path_or_text):
        return load_text(path_or_text, doc_id=doc_id, limits=limits)
    if not isinstance(path_or_text, (str, os.PathLike)):
        raise TypeError(f"load() takes a path, a str, bytes or a binary file, not {type(path_or_text).__name__}")
    path = Path(path_or_text)
    if not path.exists():
        guessed = "" if isinstance(path_or_text, os.PathLike) else _GUESSED
        raise MissingFileError(f"no such file; check the path{guessed}", path=path)
    if path.is_dir():
        raise UnsupportedFormatError(
            "is a folder; give a file, or parse all its reports with reportparse.parse_many(FOLDER) "
            "(`reportparse parse FOLDER` on the command line)",
            path=path,
        )
    suffix = _suffix(format, path)
    try:
        limits.check("max_file_bytes", path.stat().st_size, path=path, what="bytes")
        data = path.read_bytes()
    except OSError as exc:
        raise ReportParseError(f"cannot read the file ({exc.strerror or exc})", path=path) from None
    return _load_data(path, data, suffix, limits, mode, doc_id=doc_id, password=password, engine=pdf_engine)


def _suffix(format: str | None, path: Path) -> str:
    """The reader's extension: ``format`` when given, else the file's; refused when unknown."""
    suffix = "." + format.lower().lstrip(".") if format else path.suffix.lower()
    if suffix not in READERS:
        advice = _ADVICE.get(suffix, f"supported: {', '.join(sorted(READERS))}")
        raise UnsupportedFormatError(f"cannot read {suffix or 'files without an extension'}; {advice}", path=path)
    return suffix


def _from_bytes(source: Any, *, format: str | None, limits: Limits) -> tuple[Path, bytes]:
    """The name (for messages and the tables' ``path``) and bytes of ``bytes`` or a binary file object."""
    name = getattr(source, "name", None)
    named = Path(name) if isinstance(name, (str, os.PathLike)) else None
    if format is None and (named is None or not named.suffix):
        raise UnsupportedFormatError("bytes without a file name: say what they are, e.g. load(data, format='pdf')")
    data = source.read() if hasattr(source, "read") else bytes(source)
    if isinstance(data, str):
        raise TypeError("the file object gives str: open the file in binary mode ('rb')")
    path = named if named is not None else Path("<bytes>." + str(format).lower().lstrip("."))
    limits.check("max_file_bytes", len(data), path=path, what="bytes")
    return path, bytes(data)


def _load_data(
    path: Path, data: bytes, suffix: str, limits: Limits, mode: str, *, doc_id: str | None, **options: Any
) -> Document:
    """Read ``data`` with the reader of ``suffix`` (a key of :data:`READERS`) and normalize it."""
    if suffix == ".pdf":
        raw = _read_pdf(path, data, limits, mode, **options)
    else:
        raw = _read(suffix, path, data, limits, **options)
    return normalize(raw, doc_id=doc_id)


def _read(suffix: str, path: Path, data: bytes, limits: Limits, **options: Any) -> RawText:
    """The file's text by its reader: in a child process (isolated) or here."""
    if suffix in ISOLATED and sandbox.should_isolate(limits):
        return sandbox.read(ISOLATED[suffix], path, data, limits, **options)
    try:
        return READERS[suffix](path, data, limits=limits, **options)
    except MemoryError:
        raise sandbox.out_of_memory(path, limits, isolated=False) from None
    except CorruptFileError as exc:  # lxml and pdfminer report an exhausted memory as damage
        if not sandbox.caused_by_memory(exc):
            raise
        raise sandbox.out_of_memory(path, limits, isolated=False) from None


def _read_pdf(path: Path, data: bytes, limits: Limits, mode: str, **options: Any) -> RawText:
    """A PDF's text layer, then (a second read) OCR of the pages that need it.

    The first read finds the pages to OCR under the usual time limit; the second one, which
    OCRs them, gets :data:`~reportparse.ingest.ocr.PAGE_SECONDS` more per page, so a long scan
    is bounded per page (each page's Tesseract is also killed after that long).
    """
    missing = ocr_module.unavailable()
    if mode == "always" and missing:
        raise OcrUnavailableError(f"ocr='always' (--ocr always) cannot run: {missing}", path=path)
    if mode == "never" or missing:  # no OCR (pages=(): what this process found decides)
        return _read(".pdf", path, data, limits, ocr=mode, ocr_pages=(), **options)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NoTextLayerWarning)  # the second read says what OCR left without text
        raw = _read(".pdf", path, data, limits, **options)
    todo = ocr_module.pages_to_ocr(raw.pages, mode)
    if not todo:
        return raw
    if limits.max_seconds is not None:
        limits = dataclasses.replace(limits, max_seconds=limits.max_seconds + ocr_module.PAGE_SECONDS * len(todo))
    progress = not sandbox.in_isolated_process() and _terminal()  # a batch shows its own bar of files
    return _read(".pdf", path, data, limits, ocr=mode, ocr_pages=todo, ocr_progress=progress, **options)


def _terminal() -> bool:
    isatty = getattr(sys.stderr, "isatty", None)
    return bool(isatty and isatty())


def load_text(text: str, *, doc_id: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Normalize a report given as a string (one page, no source path).

    Args:
        text: the report's text.
        doc_id: id for the tables; default: SHA-256 prefix of the text's UTF-8 bytes.
        limits: the characters allowed (``max_chars``).

    Returns:
        The normalized document.

    Raises:
        ResourceLimitError: more characters than ``limits.max_chars``.
    """
    if not isinstance(text, str):
        raise TypeError(f"load_text() takes a str, not {type(text).__name__}")
    limits.check("max_chars", len(text), what="characters of text", advice="split the text")
    return normalize(txt.from_string(text), doc_id=doc_id)
