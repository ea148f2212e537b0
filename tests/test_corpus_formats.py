"""The PDF and DOCX renderings in corpus/ read back as the text reports they were made from."""

from __future__ import annotations

import csv
from collections import Counter

import pytest

import reportparse
from tests.corpus_paths import PROJECT_ROOT

CORPUS = PROJECT_ROOT / "corpus"
SOURCES = {
    "sample-dax-2023-execution-report": reportparse.sample_report_path(),
    "dgta-2020-execution-report": CORPUS / "reports" / "dgta-2020-execution-report.txt",
    "ehma-2022-execution-report": CORPUS / "reports" / "ehma-2022-execution-report.txt",
}
RENDERINGS = sorted(p for p in (CORPUS / "pdf").glob("*.pdf") if p.stem in SOURCES) + sorted(
    p for p in (CORPUS / "docx").glob("*.docx") if p.stem in SOURCES
)


def test_renderings_exist():
    assert len(RENDERINGS) == 4


CASES = [(p, e) for p in RENDERINGS for e in (("pypdfium2", "pdfplumber") if p.suffix == ".pdf" else ("pypdfium2",))]


@pytest.mark.parametrize(("path", "engine"), CASES, ids=[f"{p.name}-{e}" for p, e in CASES])
def test_rendering_reads_back_word_for_word(path, engine):
    doc = reportparse.load(path, pdf_engine=engine)
    source = reportparse.load(SOURCES[path.stem])
    assert doc.text.split() == source.text.split()
    assert "Səhifə" not in doc.text  # running headers and page-number footers are gone
    if path.suffix == ".pdf":
        assert len(doc.pages) >= 2 and "Səhifə" in doc.raw_text


def test_table_plan_renderings_keep_every_cell():
    with (CORPUS / "plans" / "dmmx-2020-2022-action-plan.tsv").open(encoding="utf-8", newline="") as stream:
        cells = [cell for row in csv.reader(stream, delimiter="\t") for cell in row if cell.strip()]
    words = Counter(w for cell in cells for w in cell.split())
    for path in (
        CORPUS / "docx" / "dmmx-2020-2022-action-plan.docx",
        CORPUS / "pdf" / "dmmx-2020-2022-action-plan.pdf",
    ):
        missing = words - Counter(reportparse.load(path).text.split())
        assert not missing, f"{path.name} lost {missing}"
    docx_text = reportparse.load(CORPUS / "docx" / "dmmx-2020-2022-action-plan.docx").text
    for cell in cells:
        assert " ".join(cell.split()) in docx_text  # DOCX keeps each cell's words together, in order
