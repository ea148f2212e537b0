"""reportparse: Azerbaijani government reports on action-plan execution → structured tables.

    >>> import reportparse
    >>> doc = reportparse.load("report.pdf")   # or .txt, .docx, or the text itself
    >>> doc.text, doc.pages, doc.page_at(120), doc.raw_offset(120)

The tables and their columns are described in the README ("Tables").
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .api import Corpus, Report, parse, parse_many
from .compare import compare
from .document import Document, OffsetMap, Page, RawText
from .errors import (
    CorruptFileError,
    DecodingError,
    EmptyDocumentError,
    EncryptedPDFError,
    MissingFileError,
    NoTextLayerWarning,
    ReportParseError,
    ReportParseWarning,
    ResourceLimitError,
    UnsupportedFormatError,
)
from .limits import Limits
from .loader import load, load_text
from .plan import Plan, PlanItem, load_plan
from .samples import sample_report_path
from .tables import documents_table

try:
    __version__ = version("reportparse")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+unknown"

__all__ = [
    "Corpus",
    "CorruptFileError",
    "DecodingError",
    "Document",
    "EmptyDocumentError",
    "EncryptedPDFError",
    "Limits",
    "MissingFileError",
    "NoTextLayerWarning",
    "OffsetMap",
    "Page",
    "Plan",
    "PlanItem",
    "RawText",
    "Report",
    "ReportParseError",
    "ReportParseWarning",
    "ResourceLimitError",
    "UnsupportedFormatError",
    "__version__",
    "compare",
    "documents_table",
    "load",
    "load_plan",
    "load_text",
    "parse",
    "parse_many",
    "sample_report_path",
]
