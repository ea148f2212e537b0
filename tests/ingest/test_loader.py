"""load(): dispatch, path-or-text, errors, the document model."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import reportparse
from reportparse.errors import (
    MissingFileError,
    ReportParseError,
    UnsupportedFormatError,
)


def test_plain_string_is_text():
    doc = reportparse.load("15 mart 2022-ci il tarixdə\nMiqrant Şurasının iclası keçirilmişdir.")
    assert doc.source is None
    assert doc.text == "15 mart 2022-ci il tarixdə Miqrant Şurasının iclası keçirilmişdir."
    assert (
        doc.doc_id
        == hashlib.sha256("15 mart 2022-ci il tarixdə\nMiqrant Şurasının iclası keçirilmişdir.".encode()).hexdigest()[
            :12
        ]
    )
    assert doc.raw.format == "text"


def test_short_string_naming_an_existing_file_is_a_path(tmp_path, monkeypatch):
    (tmp_path / "hesabat.txt").write_text("Mətn.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert reportparse.load("hesabat.txt").source == "hesabat.txt"


@pytest.mark.parametrize("missing", ["yoxdur.pdf", "qovluq/hesabat.docx", Path("yoxdur.txt")])
def test_missing_file(missing, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(MissingFileError, match="no such file"):
        reportparse.load(missing)


def test_unsupported_extension_says_what_to_do(tmp_path):
    sheet = tmp_path / "hesabat.xlsx"
    sheet.write_bytes(b"PK\x03\x04")
    with pytest.raises(UnsupportedFormatError, match="save the report as .docx or .pdf"):
        reportparse.load(sheet)
    other = tmp_path / "hesabat.xyz"
    other.write_bytes(b"x")
    with pytest.raises(
        UnsupportedFormatError, match="supported: .doc, .docx, .htm, .html, .odt, .pdf, .rtf, .text, .txt"
    ):
        reportparse.load(other)


def test_folder_is_rejected_with_advice(tmp_path):
    with pytest.raises(UnsupportedFormatError, match="folder"):
        reportparse.load(tmp_path)


def test_errors_share_one_base_class():
    for error in (
        MissingFileError,
        UnsupportedFormatError,
        reportparse.DecodingError,
        reportparse.EncryptedPDFError,
        reportparse.CorruptFileError,
    ):
        assert issubclass(error, ReportParseError)


def test_load_text_rejects_non_strings():
    with pytest.raises(TypeError):
        reportparse.load_text(b"bytes")
    with pytest.raises(TypeError):
        reportparse.load(42)


def test_sample_report_is_bundled_and_loads():
    path = reportparse.sample_report_path()
    doc = reportparse.load(path)
    assert path.exists() and len(doc.text) > 3000
    assert "HESABAT" in doc.text  # its letter-spaced title was joined


def test_offset_helpers_reject_out_of_range():
    doc = reportparse.load_text("Bir iki üç.")
    with pytest.raises(IndexError):
        doc.page_at(len(doc.text) + 1)
    with pytest.raises(IndexError):
        doc.raw_span(3, 2)
    assert doc.raw_span(4, 4) == (4, 4)
    assert repr(doc).startswith("Document(doc_id=")
