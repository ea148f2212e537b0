"""What ``load``/``parse`` accept: paths, text, bytes and binary file objects; a mistyped path
is a MissingFileError, not a report of zero rows; a folder points to parse_many."""

from __future__ import annotations

import io

import pytest

import reportparse
from reportparse.errors import MissingFileError, UnsupportedFormatError
from tests.corpus_paths import PROJECT_ROOT

PDF = PROJECT_ROOT / "corpus" / "pdf" / "dgta-2020-execution-report.pdf"
DOCX = PROJECT_ROOT / "corpus" / "docx" / "ehma-2022-execution-report.docx"


@pytest.mark.parametrize("mistyped", ["Hesabatlar/2022 hesabat", "reports/2022", "Hesabatlar/hesabat.pdf"])
def test_a_mistyped_path_is_a_missing_file(mistyped):
    with pytest.raises(MissingFileError, match="no such file; check the path .*load_text"):
        reportparse.parse(mistyped)


@pytest.mark.parametrize(
    "text",
    [
        "1-ci bəndin icrasına dair: 15 mart 2022-ci il tarixdə tədbir keçirildi.",
        "2022/2023-cü tədris ilində 40 təlim, 12 seminar və 3 konfrans keçirilmişdir.",
        "İcra müddəti: 2021/2022",
    ],
)
def test_text_with_a_slash_is_still_text(text):
    assert reportparse.load(text).text == text


def test_a_short_slashed_phrase_is_taken_for_a_path_and_load_text_reads_it():
    with pytest.raises(MissingFileError):
        reportparse.load("2022/2023 tədris ili")
    assert reportparse.load_text("2022/2023 tədris ili").text == "2022/2023 tədris ili"


def test_a_folder_points_to_parse_many(tmp_path):
    with pytest.raises(UnsupportedFormatError, match=r"reportparse.parse_many\(FOLDER\)"):
        reportparse.parse(tmp_path)


def test_bytes_and_file_objects_read_like_the_file():
    by_path = reportparse.parse(PDF)
    data = PDF.read_bytes()
    by_bytes = reportparse.parse(data, format="pdf")
    assert by_bytes.text == by_path.text and by_bytes.doc_id == by_path.doc_id
    assert by_bytes.documents["path"].tolist() == ["<bytes>.pdf"]
    assert len(by_bytes.sections) == len(by_path.sections)
    with DOCX.open("rb") as handle:  # a named file object: its name gives the format
        from_file = reportparse.parse(handle)
    assert from_file.text == reportparse.parse(DOCX).text
    assert from_file.documents["path"].tolist() == [str(DOCX)]
    unnamed = reportparse.load(io.BytesIO(DOCX.read_bytes()), format=".DOCX")
    assert unnamed.text == from_file.text
    assert reportparse.load(bytearray("Mətn 2022-ci il".encode()), format="txt").text == "Mətn 2022-ci il"


def test_bytes_without_a_format_or_in_text_mode_are_refused(tmp_path):
    with pytest.raises(UnsupportedFormatError, match="format='pdf'"):
        reportparse.load(PDF.read_bytes())
    with pytest.raises(UnsupportedFormatError, match="cannot read .xyz"):
        reportparse.load(b"abc", format="xyz")
    text_file = tmp_path / "r.txt"
    text_file.write_text("Mətn", encoding="utf-8")
    with text_file.open(encoding="utf-8") as handle, pytest.raises(TypeError, match="binary mode"):
        reportparse.load(handle)
    with pytest.raises(TypeError, match="a path, a str, bytes or a binary file"):
        reportparse.load(42)  # type: ignore[arg-type]


def test_format_overrides_the_extension(tmp_path):
    renamed = tmp_path / "report.dat"
    renamed.write_bytes(PDF.read_bytes())
    assert reportparse.load(renamed, format="pdf").text == reportparse.load(PDF).text
