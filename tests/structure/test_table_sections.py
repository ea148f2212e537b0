"""Table-form reports and plans: one section per table row (structure/table_sections.py)."""

from __future__ import annotations

import csv
import warnings
from pathlib import Path

import pandas as pd
import pytest

import reportparse
from reportparse.ingest.table_layout import CELL_SEPARATOR, row_line
from reportparse.structure import table_sections
from reportparse.structure.segment import segment
from reportparse.structure.table_sections import find_rows, table_segmentation

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
HEADING = ["№", "Tədbirin adı", "İcraçı", "İcra müddəti", "İcra vəziyyəti"]


def _table(*rows: list[str], before: str = "Agentliyin 2023-cü il üzrə HESABATI", after: str = "") -> str:
    lines = [before, "", *("\n\n".join(row_line(row) for row in rows),)]
    return "\n".join(lines) + (f"\n\n{after}" if after else "")


def test_the_separators_agree():
    assert table_sections.CELL_SEPARATOR == CELL_SEPARATOR


def test_row_line_lays_a_row_on_one_line():
    assert row_line(["1", "Tədbir\nadı", "", "a │ b"]) == "│ 1 │ Tədbir adı │  │ a | b │"


def test_one_section_per_row_with_item_commitment_and_execution_cell():
    text = _table(
        HEADING,
        [
            "1",
            "Reyestrin dərc edilməsi.",
            "Agentlik",
            "2023-cü il",
            "Reyestr 2023-cü il 14 aprel tarixində dərc edilmişdir.",
        ],
        ["2.", "“Dinləmələrin təşkili”", "Agentlik", "mütəmadi", "6 dinləmə keçirilmişdir,"],
        after="Hesabat bəyənilmişdir.",
    )
    document = reportparse.load(text)
    assert document.text == text  # the normalizer keeps the layout, even after a cell ending in a comma
    segmentation = table_segmentation(document)
    assert segmentation is not None
    headed = segmentation.headed
    assert [section.items for section in headed] == [["1"], ["2"]]
    assert [section.commitment for section in headed] == ["Reyestrin dərc edilməsi", "Dinləmələrin təşkili"]
    assert [text[s.heading_start : s.heading_end] for s in headed] == ["1", "2"]
    assert [text[s.start : s.end] for s in headed] == [
        "Reyestr 2023-cü il 14 aprel tarixində dərc edilmişdir.",
        "6 dinləmə keçirilmişdir,",
    ]
    # the preamble before the table and the text after it are sections without items
    assert segmentation.sections[0].items == [] and segmentation.sections[-1].items == []
    assert text[segmentation.sections[-1].start : segmentation.sections[-1].end].strip() == "Hesabat bəyənilmişdir."
    assert segment(document).headed == headed


def test_mentions_land_in_their_row():
    text = _table(
        HEADING,
        [
            "1",
            "Reyestrin dərc edilməsi",
            "Maliyyə Nazirliyi",
            "2023-cü il",
            "Reyestr 2023-cü il 14 aprel tarixində dərc edilib.",
        ],
        ["2", "Dinləmələr", "Agentlik", "mütəmadi", "Dinləmələrdə 320 nəfərdən çox sakin iştirak etmişdir."],
    )
    report = reportparse.parse(text)
    dates = dict(zip(report.dates["text"], report.dates["item"], strict=True))
    assert dates["2023-cü il 14 aprel"] == "1"
    assert report.counts.set_index("text").loc["320 nəfərdən çox", "item"] == "2"
    assert report.organizations.set_index("text").loc["Maliyyə Nazirliyi", "item"] == "1"


def test_a_table_continued_on_the_next_page_is_joined():
    rows = [
        row_line(HEADING),
        row_line(["1", "Birinci tədbir", "Agentlik", "2023", "Birinci hissə."]),
        row_line(["2", "İkinci tədbirin", "Agentlik", "2023", "Əvvəli"]),
    ]
    continued = [
        row_line(HEADING),
        row_line(["", "davamı", "", "", "sonu."]),
        row_line(["3", "Üçüncü", "", "", "Oldu."]),
    ]
    text = "\n\n".join(rows) + "\n\f\n" + "\n\n".join(continued)  # as the PDF reader writes table pages
    document = reportparse.load(text)
    headed = table_segmentation(document).headed
    assert [section.items for section in headed] == [["1"], ["2"], ["3"]]
    second = headed[1]
    assert second.commitment == "İkinci tədbirin davamı"
    narrative = document.text[second.start : second.end]
    assert narrative.startswith("Əvvəli") and narrative.endswith("sonu.")


@pytest.mark.parametrize(
    "rows",
    [
        [["Rayon", "Əhali"], ["Şəki", "184 600"]],  # a table without a measure column
        [HEADING],  # a heading row without numbered rows
        [["1", "Tədbir", "x", "y", "z"]],  # numbered rows without a heading row
    ],
)
def test_no_table_form_without_a_heading_row_and_numbered_rows(rows):
    assert table_segmentation(reportparse.load(_table(*rows))) is None


def test_text_headings_win_over_a_smaller_table():
    text = (
        "1-ci bəndin icrasına dair (Reyestrin dərc edilməsi):\nDərc edilib.\n\n"
        "2-ci bəndin icrasına dair (Dinləmələr):\nKeçirilib.\n\n"
        + _table(HEADING, ["1", "Seminar", "Agentlik", "2023", "Oldu."], before="Əlavə cədvəl")
    )
    assert [section.items for section in segment(reportparse.load(text)).headed] == [["1"], ["2"]]


def test_find_rows_gives_cell_spans():
    text = "Giriş\n\n│ 1 │  │ Ad │\n"
    (row,) = find_rows(text)
    assert [text[cell.start : cell.end] for cell in row.cells] == ["1", "", "Ad"]


# --- the corpus: table-form reports and the table-form plan ---------------------------------


def _source_rows(name: str) -> list[list[str]]:
    lines = (CORPUS / "tables" / f"{name}.tsv").read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if "\t" in line][1:]


def _outer_words(text: str) -> str:
    """The words of a section's text outside the cells between its two parts (if split)."""
    if CELL_SEPARATOR in text:
        text = text[: text.index(CELL_SEPARATOR)] + " " + text[text.rindex(CELL_SEPARATOR) + 1 :]
    return " ".join(text.split())


def _parse(path: Path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return reportparse.parse(path)


@pytest.mark.parametrize(
    ("path", "source", "execution"),
    [
        (CORPUS / "docx" / "dcha-2023-execution-report.docx", "dcha-2023-execution-report", 4),
        (CORPUS / "pdf" / "ditx-2022-execution-report.pdf", "ditx-2022-execution-report", 4),
    ],
)
def test_corpus_table_reports_give_their_rows(path, source, execution):
    report = _parse(path)
    rows = _source_rows(source)
    sections = report.sections[report.sections["item"] != ""]
    assert list(sections["item"]) == [row[0] for row in rows]
    assert list(sections["commitment"]) == [row[1].rstrip(".") for row in rows]
    # each section's text is its execution cell, as written in the source (a row split by a
    # page break: from the cell's first part to the end of its continuation)
    assert [_outer_words(text) for text in sections["text"]] == [" ".join(row[execution].split()) for row in rows]
    for section in sections.itertuples():
        assert report.document.text[section.start : section.end] == section.text


def test_pdf_table_continues_across_pages_and_mentions_keep_their_rows():
    report = _parse(CORPUS / "pdf" / "ditx-2022-execution-report.pdf")
    document = report.document
    assert len(document.pages) == 2
    assert document.text.count("│ S/s │ Tədbir │") == 2  # the heading row repeated on page 2, skipped
    assert "Səhifə" not in document.text  # page-number footers dropped as furniture
    items = {row.text: row.item for row in report.dates.itertuples()}
    assert items["2022-ci il 3 avqust"] == "1"
    assert items["2022-ci il 14–16 sentyabr"] == "8"
    # row 6 is split by the page break: one section, from page 1 to page 2
    split = report.sections.set_index("item").loc["6"]
    assert document.page_at(split["start"]) == 1 and document.page_at(split["end"]) == 2
    assert split["commitment"] == "Yoxlamalarla bağlı şikayətlərə baxılması prosesinin şəffaflığının təmin edilməsi"
    assert document.page_at(int(document.text.index("Baş Prokurorluğa"))) == 2
    assert report.organizations.set_index("text").loc["Baş Prokurorluğa", "item"] == "6"
    assert report.counts.set_index("text").loc["2,4 milyon manat", "item"] == "7"
    assert report.references.iloc[0]["item"] == "4"


def test_docx_table_report_mentions_keep_their_rows():
    report = _parse(CORPUS / "docx" / "dcha-2023-execution-report.docx")
    assert report.year == 2023
    items = {row.text: row.item for row in report.dates.itertuples()}
    assert items["2023-cü il 1 may"] == "3"
    assert items["2024-cü il 19 yanvar"] is pd.NA  # the closing line after the table: outside every item
    assert report.counts.set_index("text").loc["48 min manat", "item"] == "3"
    assert report.references.set_index("kind").loc["plan_item", "item"] == "6"


@pytest.mark.parametrize("suffix", ["docx", "pdf"])
def test_table_plan_gives_its_ten_measures(suffix):
    report = _parse(CORPUS / suffix / f"dmmx-2020-2022-action-plan.{suffix}")
    with (CORPUS / "plans" / "dmmx-2020-2022-action-plan.tsv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream, delimiter="\t"))[1:]
    sections = report.sections[report.sections["item"] != ""]
    assert list(sections["item"]) == [row[0] for row in rows]
    assert list(sections["heading"]) == [row[0] for row in rows]
    assert list(sections["commitment"]) == [row[1] for row in rows]
