"""The exceptions and warnings reportparse raises.

Every message names the file (when there is one) and says what to do about it, because
batch users read these lines in logs and errors.csv, far from the code that raised them.
"""

from __future__ import annotations

from pathlib import Path


class ReportParseError(Exception):
    """Base class of every error raised by reportparse.

    Attributes:
        path: the file the error is about, or None for in-memory text.
    """

    def __init__(self, message: str, *, path: str | Path | None = None) -> None:
        self.path = str(path) if path is not None else None
        super().__init__(f"{self.path}: {message}" if self.path else message)


class MissingFileError(ReportParseError, FileNotFoundError):
    """The input path does not exist."""


class UnsupportedFormatError(ReportParseError, ValueError):
    """The file extension is not one reportparse reads."""


class ConverterMissingError(UnsupportedFormatError):
    """A format read through an external converter (``.doc``, ``.odt``, ``.rtf``: LibreOffice or
    antiword) that is not installed; the message names what to install."""


class DecodingError(ReportParseError, UnicodeError):
    """A text file whose bytes are not valid in any encoding reportparse accepts.

    Attributes:
        offset: byte offset of the first undecodable byte.
    """

    def __init__(self, message: str, *, path: str | Path | None = None, offset: int | None = None) -> None:
        self.offset = offset
        super().__init__(message, path=path)


class EncryptedPDFError(ReportParseError):
    """A password-protected PDF opened without (or with a wrong) password."""


class CorruptFileError(ReportParseError):
    """A file that cannot be read as the format its extension claims."""


class ResourceLimitError(ReportParseError):
    """A file beyond a resource limit (bytes, pages, characters, inflated stream size) of
    :class:`reportparse.limits.Limits`: refused before it can exhaust time or memory."""


class EmptyDocumentError(ReportParseError):
    """A report with no text at all (an empty file, or only blank lines); a scan is not one."""


class ScannedDocumentError(ReportParseError):
    """A PDF without a text layer (a scan) whose text could not be recognized: OCR turned off
    (``ocr="never"``), or it found no text on the pages."""


class OcrUnavailableError(ScannedDocumentError):
    """A scan that needs OCR on a machine without Tesseract or its Azerbaijani model (``aze``),
    or ``ocr="always"`` there."""


class ReportParseWarning(UserWarning):
    """Base class of the warnings reportparse emits."""


class NoTextLayerWarning(ReportParseWarning):
    """A PDF with pages without text (a scan) that OCR did not (or could not) fill: ``load`` returns
    them empty and flags a document with no text at all as ``scanned``."""


class PlanFormatError(ReportParseError, ValueError):
    """An action plan in which no measure could be found (no numbered item, no plan table)."""
