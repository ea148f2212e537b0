"""The Python API: parse, parse_many, Report and Corpus, and the notebook HTML."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import reportparse
from reportparse.display import _Span, highlight
from reportparse.pipeline import TABLES
from reportparse.tables import datapackage
from reportparse.tables.types import typed_frame

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = reportparse.sample_report_path()


@pytest.fixture(scope="module")
def report() -> reportparse.Report:
    return reportparse.parse(SAMPLE)


def test_parse_gives_every_table_as_a_dataframe(report):
    assert set(report.tables) == set(TABLES)
    for name in TABLES:  # the typed form of the tables as built (reportparse.tables.types)
        pd.testing.assert_frame_equal(getattr(report, name), typed_frame(name, report.tables[name]))
    assert report.doc_id == report.document.doc_id and set(report.dates["doc_id"]) == {report.doc_id}
    assert report.documents["organization"].item() == "Azərbaycan Respublikasının Dövlət Arxiv Xidməti"
    assert "1" in set(report.sections["item"]) and len(report.dates) > 10
    assert repr(report).startswith(f"Report(doc_id='{report.doc_id}'")


def test_every_row_points_at_its_text(report):
    for name in TABLES[1:]:
        for row in report.tables[name].itertuples():
            assert report.text[row.start : row.end] == row.text, (name, row)


def test_parse_takes_text_and_a_year_and_raises_clear_errors(tmp_path):
    text = SAMPLE.read_text(encoding="utf-8")
    from_text = reportparse.parse(text, year=2030, doc_id="mine")
    assert from_text.doc_id == "mine" and from_text.documents["year"].item() == 2030
    with pytest.raises(reportparse.EmptyDocumentError):
        reportparse.parse(" \n\n ")
    with pytest.raises(reportparse.MissingFileError):
        reportparse.parse(tmp_path / "yox.pdf")


def test_parse_many_concatenates_the_reports_and_lists_failures(tmp_path):
    files = sorted((ROOT / "corpus" / "reports").glob("*.txt"))[:3]
    (tmp_path / "bad.docx").write_bytes(b"not a zip")
    corpus = reportparse.parse_many([*files, tmp_path / "bad.docx", tmp_path / "missing.txt"], jobs=2, progress=False)
    assert len(corpus) == 3
    assert list(corpus.errors.columns) == ["path", "error_type", "message"]
    assert sorted(corpus.errors["error_type"]) == ["CorruptFileError", "MissingFileError"]
    one_by_one = [reportparse.parse(path) for path in files]
    for name in TABLES:
        expected = pd.concat([r.tables[name] for r in one_by_one], ignore_index=True)
        pd.testing.assert_frame_equal(corpus.tables[name].reset_index(drop=True), expected, check_dtype=False)
    assert repr(corpus).startswith("Corpus(3 documents, 2 failed")
    assert "CorruptFileError" in corpus._repr_html_()


def test_parse_many_takes_a_folder_or_a_pattern_and_rejects_an_unknown_engine():
    folder = reportparse.parse_many(ROOT / "corpus" / "reports", jobs=0, progress=False)
    pattern = reportparse.parse_many(str(ROOT / "corpus" / "reports" / "d*.txt"), jobs=0, progress=False)
    assert len(folder) == len(list((ROOT / "corpus" / "reports").glob("*.txt")))
    assert 0 < len(pattern) < len(folder) and all(Path(p).name.startswith("d") for p in pattern.documents["path"])
    with pytest.raises(ValueError, match="engine"):
        reportparse.parse_many([], engine="spark")


def test_to_csv_writes_every_table_and_a_datapackage(report, tmp_path):
    written = report.to_csv(tmp_path, excel=True)
    assert sorted(p.name for p in written) == sorted(
        [f"{name}.csv" for name in (*TABLES, "entities", "events")] + ["datapackage.json"]
    )
    assert (tmp_path / "dates.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert datapackage.validate(tmp_path) == []


def test_report_html_highlights_mentions_and_escapes_everything(report):
    page = report._repr_html_()
    first = report.dates.iloc[2]
    assert f'>{html.escape(first["text"])}<span class="rp-label">date</span></mark>' in page
    assert page.count("<mark") == page.count("</mark>")
    assert 'class="rp-item">bənd 1<' in page and "<b>sections</b>" in page
    assert not re.search(r"(src|href)\s*=|url\(|@import|<script", page, re.IGNORECASE), "no external assets"
    hostile = reportparse.parse(
        'HESABAT\n\n1-ci bəndin icrasına dair:\n<script>alert("x")</script> & 15 mart 2022-ci il.'
    )
    rendered = hostile._repr_html_()
    assert "<script>" not in rendered and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;" in rendered


_SPANS = st.lists(
    st.tuples(st.integers(0, 40), st.integers(0, 40), st.sampled_from(["date", "organization", "count"])), max_size=8
)


@given(
    text=st.text(alphabet='ab<&>"ə İ\n', max_size=40),
    spans=_SPANS,
    window=st.tuples(st.integers(0, 40), st.integers(0, 40)),
)
def test_highlight_keeps_the_text_and_nests_the_marks(text, spans, window):
    start, end = sorted(window)
    start, end = min(start, len(text)), min(end, len(text))
    ordered = sorted((_Span(a, b, kind, "") for a, b, kind in spans), key=lambda s: (s.start, -s.end))
    rendered = highlight(text, start, end, ordered)
    depth = 0
    for tag in re.findall(r"</?mark", rendered):
        depth += 1 if tag == "<mark" else -1
        assert depth >= 0
    assert depth == 0
    plain = re.sub(r'<span class="rp-label">[a-z]+</span>', "", rendered)
    assert html.unescape(re.sub(r"</?mark[^>]*>", "", plain)) == text[start:end]


def test_parsing_a_text_loads_no_file_reader() -> None:
    """PDFium, pdfplumber, python-docx and lxml are imported when a file of their format is read, not before."""
    import subprocess
    import sys

    code = (
        "import sys, reportparse\n"
        "reportparse.parse('1-ci bəndin icrasına dair: 15 mart 2022-ci il tarixdə 50 nəfər.')\n"
        "print(sorted(m for m in ('pypdfium2', 'pdfplumber', 'docx', 'lxml', 'trafilatura') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    from reportparse.ingest import loader

    assert loader.READERS[".txt"].__module__ == "reportparse.ingest.txt"
    assert ".pdf" in loader.READERS and sorted(loader.READERS)[0] == ".doc"
