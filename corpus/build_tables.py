"""Build the table-form reports of the corpus from their text sources in ``corpus/tables/``.

    .venv/bin/python corpus/build_tables.py        (needs the [dev] extra: python-docx, fpdf2)

A source is a UTF-8 TSV file: lines with a tab are the table's rows (the first is the heading
row), lines without one are paragraphs before or after the table. ``dcha-2023`` becomes a DOCX
table (``corpus/docx/``), ``ditx-2022`` a landscape PDF whose ruled table continues across pages
with its heading row repeated and a row split by the page break, under a page-number footer
(``corpus/pdf/``). Output is
deterministic (fixed creation dates), and committed: tests read the files without fpdf2.
"""

from __future__ import annotations

from pathlib import Path

from build_formats import FIXED_DATE, _new_docx, _save_docx

from reportparse.devtools import pdfgen

CORPUS = Path(__file__).resolve().parent
SOURCES = CORPUS / "tables"
DOCX_REPORT = SOURCES / "dcha-2023-execution-report.tsv"
PDF_REPORT = SOURCES / "ditx-2022-execution-report.tsv"
PDF_WIDTHS = (10, 55, 45, 30, 115, 22)  # mm, landscape A4 inside the margins


def read_source(path: Path) -> tuple[list[str], list[list[str]], list[str]]:
    """Paragraphs before the table, its rows, paragraphs after it."""
    before: list[str] = []
    rows: list[list[str]] = []
    after: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            rows.append(line.split("\t"))
        elif line.strip():
            (after if rows else before).append(line.strip())
    return before, rows, after


def report_to_docx(source: Path, target: Path) -> Path:
    """Title paragraphs, one bordered table, closing paragraphs."""
    before, rows, after = read_source(source)
    document = _new_docx(source.stem)
    for paragraph in before:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    for paragraph in after:
        document.add_paragraph(paragraph)
    return _save_docx(document, target)


_PAD = 1.0  # mm between a cell's border and its text


def _cell_lines(pdf, widths: tuple[float, ...], row: list[str], line_height: float) -> list[list[str]]:
    return [
        pdf.multi_cell(width - 2 * _PAD, line_height, text, dry_run=True, output="LINES")
        for width, text in zip(widths, row, strict=True)
    ]


def _draw_row(pdf, widths: tuple[float, ...], cells: list[list[str]], line_height: float) -> None:
    """Draw one row (or the part of a row on one page): bordered cells, their lines top-aligned."""
    top = pdf.get_y()
    height = max(len(lines) for lines in cells) * line_height + 2 * _PAD
    x = pdf.l_margin
    for width, lines in zip(widths, cells, strict=True):
        pdf.rect(x, top, width, height)
        for number, line in enumerate(lines):
            pdf.set_xy(x + _PAD, top + _PAD + number * line_height)
            pdf.cell(width - 2 * _PAD, line_height, line)
        x += width
    pdf.set_xy(pdf.l_margin, top + height)


def _draw_table(pdf, rows: list[list[str]], widths: tuple[float, ...], line_height: float) -> list[str]:
    """A ruled table whose heading row is repeated atop every page and whose rows are split
    across a page break when at least two lines fit (the rest continues under an empty number
    cell, as word processors do). Returns the numbers of the rows split."""
    heading, split = _cell_lines(pdf, widths, rows[0], line_height), []
    _draw_row(pdf, widths, heading, line_height)
    for row in rows[1:]:
        cells = _cell_lines(pdf, widths, row, line_height)
        fits = int((pdf.h - pdf.b_margin - pdf.get_y() - 2 * _PAD) // line_height)
        if max(len(lines) for lines in cells) > fits:
            if fits >= 2:
                _draw_row(pdf, widths, [lines[:fits] for lines in cells], line_height)
                cells = [[] if index == 0 else lines[fits:] for index, lines in enumerate(cells)]
                split.append(row[0])
            pdf.add_page()
            _draw_row(pdf, widths, heading, line_height)
        _draw_row(pdf, widths, cells, line_height)
    return split


def report_to_pdf(source: Path, target: Path) -> Path:
    """A landscape PDF: centred title lines, a ruled table (heading row repeated on every page,
    a row split across the page break), closing lines and a ``Səhifə N`` footer."""
    fpdf = pdfgen._fpdf()
    before, rows, after = read_source(source)

    class _Report(fpdf.FPDF):
        def footer(self) -> None:
            self.set_y(-12)
            self.cell(0, 5, f"Səhifə {self.page_no()}", align="C")

    pdf = _Report(orientation="L", format="A4", unit="mm")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_auto_page_break(False, margin=18)
    pdf.add_font("body", fname=str(pdfgen._font_path(None)))
    pdf.set_font("body", size=9.5)
    pdf.add_page()
    for paragraph in before:
        pdf.multi_cell(0, 6, paragraph, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    split = _draw_table(pdf, rows, PDF_WIDTHS, 4.8)
    print(f"{target.name}: rows split across a page break: {', '.join(split) or 'none'}")
    pdf.ln(4)
    for paragraph in after:
        pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(target))
    return target


def main() -> None:
    written = [
        report_to_docx(DOCX_REPORT, CORPUS / "docx" / f"{DOCX_REPORT.stem}.docx"),
        report_to_pdf(PDF_REPORT, CORPUS / "pdf" / f"{PDF_REPORT.stem}.pdf"),
    ]
    for path in written:
        print(f"wrote {path.relative_to(CORPUS.parent)} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
