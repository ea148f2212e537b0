"""Tests of the DOCX reader (documents are built with python-docx in tmp_path)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import random
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK

from reportparse.errors import CorruptFileError, ReportParseError
from reportparse.ingest import docx as docx_reader

AZ_1 = "Əhalinin sayı İsmayıllı şəhərində artıb."
AZ_2 = "Güclü küləkdən ağaclar çökdü, şöbə bağlandı."


def _save(document, tmp_path: Path, name: str = "doc.docx") -> tuple[Path, bytes]:
    path = tmp_path / name
    document.save(path)
    return path, path.read_bytes()


def _read(document, tmp_path: Path):
    path, data = _save(document, tmp_path)
    return docx_reader.read(path, data)


def test_paragraphs_keep_azerbaijani_letters_and_empty_lines(tmp_path):
    document = docx.Document()
    document.add_paragraph(AZ_1)
    document.add_paragraph("")
    document.add_paragraph(AZ_2)
    raw = _read(document, tmp_path)
    assert raw.pages == (f"{AZ_1}\n\n{AZ_2}\n",)
    assert raw.text == f"{AZ_1}\n\n{AZ_2}\n"


def test_line_breaks_and_tabs_inside_a_paragraph(tmp_path):
    document = docx.Document()
    run = document.add_paragraph().add_run("ad")
    run.add_tab()
    run.add_text("soyad")
    run.add_break()
    run.add_text("ünvan")
    raw = _read(document, tmp_path)
    assert raw.text == "ad\tsoyad\nünvan\n"


def test_fields_and_provenance(tmp_path):
    document = docx.Document()
    document.add_paragraph(AZ_1)
    path, data = _save(document, tmp_path)
    raw = docx_reader.read(path, data)
    assert raw.sha256 == hashlib.sha256(data).hexdigest()
    assert raw.format == "docx"
    assert raw.extractor == "python-docx"
    assert raw.source == str(path)
    assert raw.furniture == ()
    assert raw.scanned is False


def test_reads_the_bytes_not_the_path(tmp_path):
    document = docx.Document()
    document.add_paragraph(AZ_2)
    _, data = _save(document, tmp_path)
    raw = docx_reader.read(tmp_path / "missing.docx", data)
    assert raw.text == f"{AZ_2}\n"


def test_table_between_paragraphs_in_reading_order(tmp_path):
    document = docx.Document()
    document.add_paragraph("Giriş paraqrafı")
    table = document.add_table(rows=2, cols=3)
    cells = [["Rayon", "Əhali", "İl"], ["Şəki", "184 600", "2023"]]
    for r, row in enumerate(cells):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("Yekun paraqrafı")
    raw = _read(document, tmp_path)
    text = raw.text
    start, end = text.index("Giriş paraqrafı"), text.index("Yekun paraqrafı")
    positions = [text.index(value) for row in cells for value in row]
    assert all(start < pos < end for pos in positions)
    assert positions == sorted(positions)
    # Each row on one line, its cells between bars (ingest/table_layout.py); a blank line before
    # the table and after each row.
    assert text == ("Giriş paraqrafı\n\n│ Rayon │ Əhali │ İl │\n\n│ Şəki │ 184 600 │ 2023 │\n\nYekun paraqrafı\n")


def test_merged_cells_are_written_once(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Başlıq üfüqi"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "Şaquli birləşmə"
    table.cell(1, 1).text = "b1"
    table.cell(2, 2).text = "c2"
    raw = _read(document, tmp_path)
    assert raw.text.count("Başlıq üfüqi") == 1
    assert raw.text.count("Şaquli birləşmə") == 1
    order = [raw.text.index(s) for s in ("Başlıq üfüqi", "Şaquli birləşmə", "b1", "c2")]
    assert order == sorted(order)


def test_merged_cells_keep_the_grid(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Başlıq"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "Şaquli"
    table.cell(1, 1).text = "b1"
    table.cell(2, 2).text = "c2"
    cell = table.cell(1, 2)
    cell.text = "birinci"
    cell.add_paragraph("ikinci")
    rows = _read(document, tmp_path).text.strip().split("\n\n")
    # a cell spanning columns is followed by empty cells, the lower part of a vertical merge is
    # empty, a cell's paragraphs share its line
    assert rows == ["│ Başlıq │  │  │", "│ Şaquli │ b1 │ birinci ikinci │", "│  │  │ c2 │"]


def test_nested_table_in_cell_is_included_in_order(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    outer = table.cell(0, 0)
    outer.text = "xarici"
    inner = outer.add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "daxili-1"
    inner.cell(0, 1).text = "daxili-2"
    table.cell(0, 1).text = "qonşu"
    raw = _read(document, tmp_path)
    order = [raw.text.index(s) for s in ("xarici", "daxili-1", "daxili-2", "qonşu")]
    assert order == sorted(order)


def test_explicit_page_break_splits_pages(tmp_path):
    document = docx.Document()
    document.add_paragraph(AZ_1)
    document.add_page_break()
    document.add_paragraph(AZ_2)
    raw = _read(document, tmp_path)
    assert len(raw.pages) == 2
    assert AZ_1 in raw.pages[0] and AZ_2 not in raw.pages[0]
    assert AZ_2 in raw.pages[1]
    assert raw.text.count("\f") == 1


def test_page_break_inside_a_run(tmp_path):
    document = docx.Document()
    run = document.add_paragraph().add_run("birinci")
    run.add_break(WD_BREAK.PAGE)
    run.add_text("ikinci")
    raw = _read(document, tmp_path)
    assert raw.pages == ("birinci", "ikinci\n")


def test_page_break_before_direct_and_from_style(tmp_path):
    document = docx.Document()
    document.styles["Heading 1"].paragraph_format.page_break_before = True
    first = document.add_paragraph("başlanğıc")
    first.paragraph_format.page_break_before = True  # on the first paragraph: no empty page
    document.add_paragraph("ikinci səhifə").paragraph_format.page_break_before = True
    document.add_heading("Üçüncü fəsil", level=1)
    off = document.add_paragraph("eyni səhifə")
    off.paragraph_format.page_break_before = False
    raw = _read(document, tmp_path)
    assert raw.pages == (
        "başlanğıc\n",
        "ikinci səhifə\n",
        "Üçüncü fəsil\n\neyni səhifə\n",  # two paragraphs: a blank line between them
    )


def test_no_page_break_gives_one_page(tmp_path):
    document = docx.Document()
    for _ in range(50):
        document.add_paragraph(AZ_1)
    assert len(_read(document, tmp_path).pages) == 1


def test_headers_and_footers_are_not_body_text(tmp_path):
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Hesabat başlığı"
    section.footer.paragraphs[0].text = "Səhifə altlığı"
    document.add_paragraph(AZ_1)
    raw = _read(document, tmp_path)
    assert raw.text == f"{AZ_1}\n"
    assert raw.furniture == ()


def test_core_properties_metadata(tmp_path):
    document = docx.Document()
    props = document.core_properties
    props.title = "İllik hesabat"
    props.author = "Gülşən Əliyeva"
    props.created = dt.datetime(2024, 3, 1, 9, 30)
    props.subject = ""
    document.add_paragraph(AZ_1)
    raw = _read(document, tmp_path)
    assert raw.metadata["title"] == "İllik hesabat"
    assert raw.metadata["author"] == "Gülşən Əliyeva"
    assert raw.metadata["created"].startswith("2024-03-01T09:30")
    assert all(isinstance(v, str) and v for v in raw.metadata.values())


def test_empty_core_properties_are_skipped(tmp_path):
    document = docx.Document()
    document.core_properties.title = ""
    document.core_properties.author = ""
    document.add_paragraph(AZ_1)
    raw = _read(document, tmp_path)
    assert "title" not in raw.metadata
    assert "author" not in raw.metadata


def _assert_corrupt(path: Path, data: bytes) -> CorruptFileError:
    with pytest.raises(CorruptFileError) as info:
        docx_reader.read(path, data)
    message = str(info.value)
    assert str(path) in message
    assert "not a valid DOCX file" in message
    assert "re-save" in message
    assert info.value.path == str(path)
    assert isinstance(info.value, ReportParseError)
    return info.value


def test_random_bytes_are_corrupt(tmp_path):
    path = tmp_path / "random.docx"
    _assert_corrupt(path, random.Random(0).randbytes(4096))


def test_empty_bytes_are_corrupt(tmp_path):
    _assert_corrupt(tmp_path / "empty.docx", b"")


def test_zip_without_document_part_is_corrupt(tmp_path):
    document = docx.Document()
    document.add_paragraph(AZ_1)
    _, data = _save(document, tmp_path, "good.docx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buffer, "w") as dst:
        for item in src.infolist():
            if item.filename != "word/document.xml":
                dst.writestr(item, src.read(item.filename))
    _assert_corrupt(tmp_path / "no-document.docx", buffer.getvalue())


def test_plain_zip_is_corrupt(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "salam")
    _assert_corrupt(tmp_path / "plain.docx", buffer.getvalue())


def test_malformed_document_xml_is_corrupt(tmp_path):
    document = docx.Document()
    document.add_paragraph(AZ_1)
    _, data = _save(document, tmp_path, "good.docx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buffer, "w") as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            dst.writestr(item, b"<w:document" if item.filename == "word/document.xml" else body)
    _assert_corrupt(tmp_path / "broken-xml.docx", buffer.getvalue())
