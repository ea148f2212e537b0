"""Options several commands share: how a document is read, how organizations are found."""

from __future__ import annotations

import argparse

from reportparse.ingest.formats import DEFAULT_ENGINE, ENGINES
from reportparse.ingest.ocr import DEFAULT_OCR, OCR_MODES
from reportparse.ner.backends import NER_MODES


def add_reading_options(parser: argparse.ArgumentParser) -> None:
    """``--password``, ``--pdf-engine`` and ``--ocr``."""
    parser.add_argument("--password", help="password for encrypted PDFs")
    parser.add_argument(
        "--pdf-engine",
        choices=ENGINES,
        default=DEFAULT_ENGINE,
        help=f"PDF text extraction engine (default: {DEFAULT_ENGINE}; see docs/input.md, 'PDF engines')",
    )
    parser.add_argument(
        "--ocr",
        choices=OCR_MODES,
        default=DEFAULT_OCR,
        help="OCR of PDF pages without text, with Tesseract's Azerbaijani model: auto (default: when Tesseract "
        "is installed), always (every page), never (see docs/input.md, 'Scans (OCR)')",
    )


def add_ner_options(parser: argparse.ArgumentParser) -> None:
    """``--ner``, ``--ner-model`` and ``--stanza-model``."""
    parser.add_argument(
        "--ner",
        choices=NER_MODES,
        default="rules",
        help="how organizations are found (default: rules; see docs/ner.md)",
    )
    parser.add_argument(
        "--ner-model", metavar="DIR", help="spaCy NER model folder (default: the model shipped in the package)"
    )
    parser.add_argument(
        "--stanza-model",
        metavar="DIR",
        help="Stanza NER model folder for --ner stanza/rules+stanza (default: the Stanza model shipped in the package)",
    )
