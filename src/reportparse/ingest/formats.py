"""The input formats and their readers, named without importing them.

A reader's module (and the engine behind it: PDFium, python-docx, lxml, LibreOffice) is imported
the first time a file of its format is read, so ``import reportparse`` and the parse of a text
load none of them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

ENGINES = ("pypdfium2", "pdfplumber")
"""PDF text engines (``--pdf-engine``)."""
DEFAULT_ENGINE = "pypdfium2"

LEGACY_SUFFIXES = (".doc", ".odt", ".rtf")
"""Formats read through LibreOffice (``.doc`` also through antiword), when installed."""

_MODULES = {
    ".txt": "txt",
    ".text": "txt",
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    **dict.fromkeys(LEGACY_SUFFIXES, "legacy"),
}


class Readers(dict):
    """File extension (lowercase) → reader, each imported on first use.

    A plain dict to read (``suffix in READERS``, ``sorted(READERS)``) and to patch
    (``READERS[".docx"] = stand_in``); a value still a module name is imported when asked for.
    """

    def __getitem__(self, suffix: str) -> Callable[..., Any]:
        value = super().__getitem__(suffix)
        if isinstance(value, str):
            value = importlib.import_module(f"reportparse.ingest.{value}").read
            super().__setitem__(suffix, value)
        return value

    def get(self, suffix: str, default: Any = None) -> Any:
        return self[suffix] if suffix in self else default


def readers() -> Readers:
    """A fresh :class:`Readers` of every supported extension."""
    return Readers(_MODULES)
