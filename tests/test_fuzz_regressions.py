"""Replays every input in tests/fuzz_regressions/ (fuzzer and property-test findings).

Each must load or fail with a ReportParseError, and its tables must hold every invariant.
"""

from __future__ import annotations

import unicodedata
import warnings
from pathlib import Path

import pytest

from reportparse import load, load_text
from reportparse.devtools.invariants import offset_map_violations, table_violations
from reportparse.errors import ReportParseError
from reportparse.pipeline import extract_tables

FOLDER = Path(__file__).parent / "fuzz_regressions"
INPUTS = sorted(path for path in FOLDER.iterdir() if path.suffix in (".txt", ".pdf"))


@pytest.mark.parametrize("path", INPUTS, ids=[path.name for path in INPUTS])
def test_fuzz_finding_stays_fixed(path):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if path.suffix == ".txt":
                document = load_text(path.read_text(encoding="utf-8", errors="surrogatepass"))
            else:
                document = load(path)
    except ReportParseError:
        return
    assert offset_map_violations(document) == []
    assert table_violations(document, extract_tables(document)) == []
    assert unicodedata.is_normalized("NFC", document.text)


def test_nfc_singletons_are_normalized():
    text = load_text("5 \u212a, \u212b, \u2126 və \uf995").text
    assert text == "5 K, \u00c5, \u03a9 və \u79ca" and unicodedata.is_normalized("NFC", text)
