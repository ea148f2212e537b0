"""Rebuild the PDF and DOCX renderings of some corpus documents.

    .venv/bin/python corpus/build_formats.py        (needs the [dev] extra: fpdf2)

Reports become justified PDFs with a running header and page numbers, and DOCX files with a
page-number footer (neither header nor footer is body text); the table plan becomes a PDF table
and a DOCX table. The outputs are committed, so tests read them without fpdf2; this script is
how they were made. Output is deterministic (fixed creation dates).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from reportparse.devtools import pdfgen
from reportparse.resources import sample_report_path

CORPUS = Path(__file__).resolve().parent
FIXED_DATE = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)

PDF_REPORTS = {
    sample_report_path(): "Dövlət Arxiv Xidməti — 2023-cü il üzrə hesabat",
    CORPUS / "reports" / "dgta-2020-execution-report.txt": "Dövlət Gənclər Təşəbbüsləri Agentliyi",
}
DOCX_REPORTS = [sample_report_path(), CORPUS / "reports" / "ehma-2022-execution-report.txt"]
TABLE_PLAN = CORPUS / "plans" / "dmmx-2020-2022-action-plan.tsv"


def _page_number_field(paragraph) -> None:
    """Append a PAGE field (Word fills in the number) to a paragraph."""
    run = paragraph.add_run()
    for tag, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), tag)
        else:
            element = OxmlElement("w:instrText")
            element.text = text
        run._r.append(element)


def _save_docx(document: docx.Document, target: Path) -> Path:
    """Save with fixed zip timestamps, so rebuilding gives byte-identical files."""
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            fixed = zipfile.ZipInfo(item.filename, date_time=FIXED_DATE.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(fixed, source.read(item.filename))
    return target


def _new_docx(title: str) -> docx.Document:
    document = docx.Document()
    properties = document.core_properties
    properties.title, properties.author = title, "reportparse corpus"
    properties.created = properties.modified = FIXED_DATE.replace(tzinfo=None)
    footer = document.sections[0].footer.paragraphs[0]
    footer.text = "Səhifə "
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number_field(footer)
    return document


def report_to_docx(source: Path, target: Path) -> Path:
    """One DOCX paragraph per paragraph of the text report (hard line breaks reflowed)."""
    document = _new_docx(source.stem)
    for block in pdfgen.paragraphs(source.read_text(encoding="utf-8")):
        document.add_paragraph(block)
    return _save_docx(document, target)


def _plan_rows() -> list[list[str]]:
    with TABLE_PLAN.open(encoding="utf-8", newline="") as stream:
        return [row for row in csv.reader(stream, delimiter="\t") if any(cell.strip() for cell in row)]


PLAN_TITLE = "Dövlət Meşə Mühafizəsi Xidmətinin 2020–2022-ci illər üçün Tədbirlər Planı"


def plan_to_docx(target: Path) -> Path:
    """The table plan as a DOCX table under a title paragraph."""
    rows = _plan_rows()
    document = _new_docx(PLAN_TITLE)
    document.add_paragraph(PLAN_TITLE)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for row, values in zip(table.rows, rows, strict=False):
        for cell, value in zip(row.cells, values, strict=False):
            cell.text = value
    return _save_docx(document, target)


def plan_to_pdf(target: Path) -> Path:
    """The table plan as a landscape PDF table (fpdf2's table layout, header row repeated)."""
    fpdf = pdfgen._fpdf()
    pdf = fpdf.FPDF(orientation="L", format="A4", unit="mm")
    pdf.set_creation_date(FIXED_DATE)
    pdf.add_font("body", fname=str(pdfgen._font_path(None)))
    pdf.set_font("body", size=9)
    pdf.add_page()
    pdf.multi_cell(0, 6, PLAN_TITLE, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    headings = fpdf.FontFace(emphasis="")  # one regular font: no bold variant is needed
    with pdf.table(
        col_widths=(8, 90, 60, 35, 70), line_height=4.5, repeat_headings=1, headings_style=headings
    ) as table:
        for values in _plan_rows():
            row = table.row()
            for value in values:
                row.cell(value)
    pdf.output(str(target))
    return target


def main() -> None:
    (CORPUS / "pdf").mkdir(exist_ok=True)
    (CORPUS / "docx").mkdir(exist_ok=True)
    written = []
    for source, header in PDF_REPORTS.items():
        name = "sample-dax-2023-execution-report" if source == sample_report_path() else source.stem
        written.append(
            pdfgen.text_to_pdf(
                source.read_text(encoding="utf-8"),
                CORPUS / "pdf" / f"{name}.pdf",
                header=header,
                creation_date=FIXED_DATE,
            )
        )
    for source in DOCX_REPORTS:
        name = "sample-dax-2023-execution-report" if source == sample_report_path() else source.stem
        written.append(report_to_docx(source, CORPUS / "docx" / f"{name}.docx"))
    written.append(plan_to_pdf(CORPUS / "pdf" / f"{TABLE_PLAN.stem}.pdf"))
    written.append(plan_to_docx(CORPUS / "docx" / f"{TABLE_PLAN.stem}.docx"))
    for path in written:
        print(f"wrote {path.relative_to(CORPUS.parent)} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
