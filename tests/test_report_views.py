"""What a notebook user reaches first on a Report and a Corpus: metadata, a standalone page,
iteration and lookup."""

from __future__ import annotations

import pytest

import reportparse
from reportparse import DocumentTables
from tests.corpus_paths import PROJECT_ROOT

REPORTS = PROJECT_ROOT / "corpus" / "reports"


def test_report_metadata_properties():
    report = reportparse.parse(reportparse.sample_report_path())
    assert report.year == 2023
    assert report.organization == "Azərbaycan Respublikasının Dövlət Arxiv Xidməti"
    assert report.title.endswith("barədə HESABAT")
    assert report.period == ("2022-01-01", "2025-12-31")


def test_metadata_absent_is_none():
    report = reportparse.parse("Qısa mətn, başlıqsız və ilsiz.")
    assert report.year is None and report.period is None and report.organization is None


def test_to_html_is_a_standalone_page(tmp_path):
    report = reportparse.parse(reportparse.sample_report_path())
    target = tmp_path / "report.html"
    page = report.to_html(target)
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "<title>“Açıq hökumətin" in page
    assert report._repr_html_() in page
    assert target.read_text(encoding="utf-8") == page


def test_corpus_is_iterable_and_indexable(tmp_path):
    files = sorted(REPORTS.glob("*.txt"))[:3]
    missing = tmp_path / "gone.txt"
    missing.write_text("", encoding="utf-8")  # an empty file fails
    corpus = reportparse.parse_many([*files, missing], jobs=0, progress=False)
    documents = list(corpus)
    assert len(documents) == len(corpus) == 3
    assert all(isinstance(document, DocumentTables) for document in documents)
    first = documents[0]
    assert set(first.dates["doc_id"]) <= {first.doc_id} and len(first.documents) == 1
    assert sum(len(document.dates) for document in documents) == len(corpus.dates)
    assert corpus[first.doc_id].path == first.path
    assert corpus[first.path].doc_id == first.doc_id
    assert corpus[0].doc_id == first.doc_id
    assert corpus[-1].doc_id == documents[-1].doc_id
    assert isinstance(first.year, int) and first.organization
    with pytest.raises(KeyError, match="it failed: see Corpus.errors"):
        corpus[str(missing)]
    with pytest.raises(KeyError, match="no parsed document"):
        corpus["nowhere.txt"]
    with pytest.raises(IndexError):
        corpus[10]
