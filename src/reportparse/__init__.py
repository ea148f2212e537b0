"""reportparse: Azerbaijani government reports on action-plan execution → structured tables.

    >>> import reportparse
    >>> doc = reportparse.load("report.pdf")   # or .txt, .docx, or the text itself
    >>> doc.text, doc.pages, doc.page_at(120), doc.raw_offset(120)

The tables and their columns are described in the README ("Tables") and in docs/tables.md.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# The public names load on first use (PEP 562), so that importing one part of the package
# (``reportparse.components.dates``, ``reportparse.lang.az``) does not load pandas, the PDF
# engines and the batch machinery, and ``import reportparse`` stays fast.
_EXPORTS = {
    "reportparse.api": ("Corpus", "DocumentTables", "Report", "parse", "parse_many"),
    "reportparse.document": ("Document", "OffsetMap", "Page", "RawText"),
    "reportparse.errors": (
        "ConverterMissingError",
        "CorruptFileError",
        "DecodingError",
        "EmptyDocumentError",
        "EncryptedPDFError",
        "MissingFileError",
        "NoTextLayerWarning",
        "OcrUnavailableError",
        "PlanFormatError",
        "ReportParseError",
        "ReportParseWarning",
        "ResourceLimitError",
        "ScannedDocumentError",
        "UnsupportedFormatError",
    ),
    "reportparse.ingest.loader": ("load", "load_text"),
    "reportparse.limits": ("Limits",),
    "reportparse.output.read": ("read_tables",),
    "reportparse.plans.compare": ("compare",),
    "reportparse.plans.model": ("Plan", "PlanItem"),
    "reportparse.plans.read": ("load_plan",),
    "reportparse.resources": ("sample_report_path",),
    "reportparse.tables.build": ("documents_table",),
}
_MODULE_OF = {name: module for module, names in _EXPORTS.items() for name in names}

if TYPE_CHECKING:
    __version__: str
    from reportparse.api import Corpus, Report, parse, parse_many
    from reportparse.document import Document, OffsetMap, Page, RawText
    from reportparse.errors import (
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
    from reportparse.ingest.loader import load, load_text
    from reportparse.limits import Limits
    from reportparse.output.read import read_tables
    from reportparse.plans.compare import compare
    from reportparse.plans.model import Plan, PlanItem
    from reportparse.plans.read import load_plan
    from reportparse.resources import sample_report_path
    from reportparse.tables.build import documents_table


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from reportparse.resources import package_version

        globals()[name] = value = package_version()
        return value
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'reportparse' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # once loaded, a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_MODULE_OF) | {"__version__"})


__all__ = [
    "ConverterMissingError",
    "Corpus",
    "CorruptFileError",
    "DecodingError",
    "Document",
    "DocumentTables",
    "EmptyDocumentError",
    "EncryptedPDFError",
    "Limits",
    "MissingFileError",
    "NoTextLayerWarning",
    "OcrUnavailableError",
    "OffsetMap",
    "Page",
    "Plan",
    "PlanFormatError",
    "PlanItem",
    "RawText",
    "Report",
    "ReportParseError",
    "ReportParseWarning",
    "ResourceLimitError",
    "ScannedDocumentError",
    "UnsupportedFormatError",
    "compare",
    "documents_table",
    "load",
    "load_plan",
    "load_text",
    "parse",
    "parse_many",
    "read_tables",
    "sample_report_path",
    "__version__",
]

# The parse pipeline loads with the package: its grammars and language data (compiled regular
# expressions, the gazetteer, the morphology's tables; about 0.2 s), so that the first parse
# starts at once. What only some uses need loads when first used: pandas (when a table is looked
# up), the PDF, DOCX and HTML readers (when such a file is read), spaCy and Stanza (the NER
# models), the batch runner, the writers and the plan comparison (the spaCy components load
# no more than the pipeline).
from reportparse import pipeline as _pipeline  # noqa: E402,F401
