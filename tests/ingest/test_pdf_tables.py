"""Ruled tables of table-form reports in PDFs, written one row per line (ingest/pdf_tables.py)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import reportparse
from reportparse.errors import ReportParseWarning
from reportparse.ingest import pdf as pdf_reader
from reportparse.lang.az.plan_labels import heading_row_columns, names_table_columns

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _raw(path: Path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pdf_reader.read(path, path.read_bytes())


def test_heading_labels():
    assert names_table_columns("S/s Tədbir İcraçılar İcra müddəti Görülmüş işlər Qeyd")
    assert names_table_columns("№\nTƏDBİRİN ADI\nİCRAÇI")
    # a bare "icra" or "tədbir" in prose names no table
    assert not names_table_columns("Tədbirlər planının icrası yoxlanılmış, tədbir keçirilmişdir.")
    assert heading_row_columns(["№", "Tədbirin adı", "İcraçı", "İcra müddəti", "İcra vəziyyəti"]) == {
        "item": 0,
        "measure": 1,
        "executors": 2,
        "deadline": 3,
        "execution": 4,
    }
    assert heading_row_columns(["Rayon", "Əhali", "İl"]) == {}


def test_table_pages_are_written_one_row_per_line():
    raw = _raw(CORPUS / "pdf" / "ditx-2022-execution-report.pdf")
    assert len(raw.pages) == 2
    rows = [line for line in raw.text.splitlines() if line.startswith("│")]
    assert rows[0] == "│ S/s │ Tədbir │ İcraçılar │ İcra müddəti │ Görülmüş işlər │ Qeyd │"
    assert sum(1 for row in rows if row.startswith("│ S/s │")) == 2  # repeated atop page 2
    assert [row.split("│")[1].strip() for row in rows if not row.startswith("│ S/s")] == [
        "1", "2", "3", "4", "5", "6", "", "7", "8",
    ]  # fmt: skip
    # the page-number footers are furniture, the repeated heading row is not
    dropped = [raw.text[start:end] for start, end in raw.furniture]
    assert dropped == ["Səhifə 1", "Səhifə 2"]


def test_a_prose_pdf_keeps_the_engine_text():
    path = CORPUS / "pdf" / "dgta-2020-execution-report.pdf"  # names "Tədbir:" and "İcra vəziyyəti:", no table
    raw = _raw(path)
    assert "│" not in raw.text
    assert raw.extractor == "pypdfium2"


def test_a_ruled_table_without_a_heading_row_is_left_alone(tmp_path):
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 (the [dev] extra) makes the test PDF")
    from reportparse.devtools import pdfgen

    pdf = fpdf.FPDF()
    pdf.add_font("body", fname=str(pdfgen._font_path(None)))
    pdf.set_font("body", size=10)
    pdf.add_page()
    pdf.multi_cell(0, 6, "Tədbirin adı və icraçılar barədə statistika", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(headings_style=fpdf.FontFace(emphasis="")) as table:
        for values in (["Rayon", "Əhali", "İl"], ["Şəki", "184 600", "2023"], ["Qəbələ", "105 800", "2023"]):
            row = table.row()
            for value in values:
                row.cell(value)
    path = tmp_path / "statistika.pdf"
    pdf.output(str(path))
    raw = _raw(path)
    assert "│" not in raw.text and "184 600" in raw.text


def test_pdfplumber_engine_reads_the_table_too():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = reportparse.parse(CORPUS / "pdf" / "ditx-2022-execution-report.pdf", pdf_engine="pdfplumber")
    assert list(report.sections.loc[report.sections["item"] != "", "item"]) == [str(n) for n in range(1, 9)]


def test_a_pdfplumber_failure_keeps_the_text_and_says_so(monkeypatch):
    def broken(*_args):
        raise ValueError("damaged cross-reference table")

    monkeypatch.setattr(pdf_reader, "table_texts", broken)
    path = CORPUS / "pdf" / "ditx-2022-execution-report.pdf"
    with pytest.warns(ReportParseWarning, match="tables not read as rows .*damaged cross-reference table"):
        raw = pdf_reader.read(path, path.read_bytes())
    assert "│" not in raw.text and "Prokurorluğa" in raw.text  # the engine's text, lines as laid out
