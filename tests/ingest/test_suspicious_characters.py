"""Bidirectional controls and private-use characters (a PDF font without a proper Unicode map)
are kept in the text and reported once, in the document's warnings."""

from __future__ import annotations

import warnings

import pytest

import reportparse
from reportparse import load_text
from reportparse.document import RawText
from reportparse.errors import ReportParseWarning
from reportparse.ingest.normalize import normalize
from reportparse.pipeline import extract_tables

SUSPICIOUS = ["\u202a", "\u202e", "\u2066", "\u2069", "\ue000", "\uf8ff", "\U000f0000", "\U0010fffd"]


def _quietly(function, *args):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReportParseWarning)
        return function(*args)


@pytest.mark.parametrize("char", SUSPICIOUS, ids=[f"U+{ord(c):04X}" for c in SUSPICIOUS])
def test_each_kind_is_kept_and_reported(char):
    text = f"Nazirliyin 15 mart 2022-ci il tarixli{char} qərarı."
    with pytest.warns(
        ReportParseWarning, match=rf"1 bidirectional control or private-use character .*U\+{ord(char):04X}"
    ):
        document = load_text(text)
    assert document.text == text  # kept: every offset is that of the text as read
    assert document.raw.text == text
    assert [note for note in document.raw.warnings if "private-use" in note] == [document.raw.warnings[-1]]


def test_one_warning_with_the_count_and_the_first_offset_in_the_documents_table():
    text = "Giriş.\n\nMətn \ue001\ue002 burada, \u202eters\u202c və \U000f0041 son."
    document = _quietly(load_text, text)
    first = document.text.index("\ue001")
    [note] = document.raw.warnings
    assert note.startswith(
        f"5 bidirectional control or private-use characters in the text, the first (U+E001) at offset {first}"
    )
    assert document.text[first] == "\ue001"
    documents = _quietly(extract_tables, document)["documents"]
    assert note in documents["warnings"].iloc[0]


def test_the_page_of_the_first_is_named_and_the_reader_notes_stay_first():
    raw = RawText(
        pages=("Birinci səhifə.", "İkinci \uf021 səhifə."),
        source="report.pdf",
        sha256="0" * 64,
        format="pdf",
        extractor="pypdfium2",
        warnings=("pages without text (scanned?): 3",),
    )
    with pytest.warns(ReportParseWarning, match=r"report.pdf: 1 bidirectional .* at offset \d+, page 2"):
        document = normalize(raw)
    assert document.raw.warnings[0] == "pages without text (scanned?): 3"
    assert "page 2" in document.raw.warnings[1]
    assert document.raw.pages == raw.pages and document.raw_text == raw.text


def test_ordinary_text_has_no_such_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error", ReportParseWarning)
        document = load_text("Azərbaycan Respublikasının Nazirlər Kabineti — “Qərar” (2022) \u200e \u05d0 \u0662")
    assert document.raw.warnings == ()


def test_unpaired_surrogates_are_replaced_one_for_one_and_noted(tmp_path):
    """A lone surrogate (a broken font map) cannot be written by any table writer: it becomes
    U+FFFD, offsets hold, and the document says so."""
    text = "1-ci bəndin icrasına dair: Agentlik 15 mart 2022-ci il \ud800 tarixdə \udc41 tədbir keçirdi."
    with pytest.warns(ReportParseWarning, match="2 unpaired surrogate code points"):
        report = reportparse.parse(text)
    assert "\ud800" not in report.text and report.text.count("\ufffd") == 2
    assert report.text.index("\ufffd") == text.index("\ud800")
    assert any("surrogate" in warning for warning in report.document.raw.warnings)
    (date,) = report.dates.itertuples()
    assert report.text[date.start : date.end] == "15 mart 2022-ci il"
    report.to_csv(tmp_path / "csv")
    report.to_parquet(tmp_path / "parquet")
    assert "2022-03-15" in (tmp_path / "csv" / "dates.csv").read_text(encoding="utf-8")
