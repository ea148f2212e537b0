"""OCR of scanned PDFs: image-only PDFs made from the corpus's text PDFs (rendered, turned 1°,
blurred), read with Tesseract's Azerbaijani model and compared with the text PDF's own text.

The tests that run Tesseract skip when it (or its ``aze`` model) is missing; ``.ci/run`` installs it.
"""

from __future__ import annotations

import dataclasses
import difflib
import io
import os
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pypdfium2 as pdfium
import pytest

import reportparse
from reportparse.devtools import pdfgen
from reportparse.devtools.scans import page_texts, scan_pdf
from reportparse.errors import NoTextLayerWarning, OcrUnavailableError, ScannedDocumentError
from reportparse.ingest import loader, ocr, sandbox
from reportparse.limits import Limits
from reportparse.pipeline import ParseOptions
from reportparse.tables.build import columns
from reportparse.tables.schema import DOCUMENTS

ROOT = Path(__file__).resolve().parents[2]
REPORT_PDF = ROOT / "corpus" / "pdf" / "dgta-2020-execution-report.pdf"  # 3 pages
SCRIPT = Path(sys.executable).with_name("reportparse")

needs_tesseract = pytest.mark.skipif(ocr.unavailable() is not None, reason=f"OCR not available: {ocr.unavailable()}")


def word_ratio(expected: str, found: str) -> float:
    """Word-sequence similarity: difflib's ratio on the two word lists."""
    return difflib.SequenceMatcher(None, expected.split(), found.split(), autojunk=False).ratio()


@pytest.fixture(scope="module")
def scan(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("scans") / "dgta-2020-scan.pdf"
    path.write_bytes(scan_pdf(REPORT_PDF, dpi=200, angle=1.0, blur=0.6))
    return path


@pytest.fixture(scope="module")
def original():
    return reportparse.parse(REPORT_PDF)


@pytest.fixture(scope="module")
def ocred(scan):
    if ocr.unavailable() is not None:
        pytest.skip(f"OCR not available: {ocr.unavailable()}")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = reportparse.parse(scan)
    return report, [str(warning.message) for warning in caught]


def test_the_scan_has_no_text_layer(scan):
    assert len(page_texts(scan)) == 3
    assert all(not text.strip() for text in page_texts(scan))


@needs_tesseract
def test_ocr_reads_the_scan_word_for_word(ocred):
    report, caught = ocred
    document = report.document
    expected = page_texts(REPORT_PDF)
    assert word_ratio(" ".join(expected), document.raw_text) >= 0.97
    for page, text in enumerate(document.raw.pages):  # page by page too: nothing shifts between pages
        assert word_ratio(expected[page], text) >= 0.95
    assert caught == []  # OCR that worked is no warning; documents.warnings says it
    assert document.raw.warnings == ("text of 3 page(s) by OCR (Tesseract, aze)",)
    assert document.raw.extractor == "pypdfium2+tesseract"
    row = report.documents.iloc[0]
    assert (row["ocr_pages"], row["n_pages"], bool(row["scanned"])) == (3, 3, False)
    assert list(report.documents.columns) == columns(DOCUMENTS)


@needs_tesseract
def test_the_ocred_report_has_the_sections_and_dates_of_the_original(ocred, original):
    report, _caught = ocred
    assert list(report.sections["item"]) == list(original.sections["item"])
    assert list(report.sections["item"])[1:] == ["1", "2", "3", "4", "5", "6", "7"]
    assert report.documents["year"].item() == original.documents["year"].item() == 2020
    found = list(zip(report.dates["date_start"], report.dates["date_end"], strict=True))
    wanted = list(zip(original.dates["date_start"], original.dates["date_end"], strict=True))
    matcher = difflib.SequenceMatcher(None, wanted, found, autojunk=False)
    assert sum(block.size for block in matcher.get_matching_blocks()) >= 0.9 * len(wanted)
    assert len(found) <= len(wanted) + 2


@needs_tesseract
def test_offsets_pages_and_raw_spans_hold_for_ocred_text(ocred):
    report, _caught = ocred
    document = report.document
    assert [page.number for page in document.pages] == [1, 2, 3]
    assert [document.page_at(start) for start in report.sections["start"]] == report.sections["page"].tolist()
    assert set(report.sections["page"]) == {1, 2, 3}
    for table in (report.dates, report.organizations, report.sections):
        for start, end, text in table[["start", "end", "text"]].itertuples(index=False):
            assert document.text[start:end] == text
            raw_start, raw_end = document.raw_span(start, end)
            assert document.raw.text.count("\f", 0, raw_start) + 1 == document.page_at(start)
    for start, end, text in report.dates[["start", "end", "text"]].itertuples(index=False):
        raw_start, raw_end = document.raw_span(start, end)
        assert " ".join(document.raw.text[raw_start:raw_end].split()) == " ".join(text.split())


def _mixed_pdf(tmp_path: Path) -> Path:
    """Page 1 with its text layer, page 2 a scan (image only)."""
    scanned = pdfium.PdfDocument(scan_pdf(REPORT_PDF, pages=2))
    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(pdfium.PdfDocument(str(REPORT_PDF)), [0])
    mixed.import_pages(scanned, [1])
    path = tmp_path / "mixed.pdf"
    mixed.save(str(path))
    return path


@needs_tesseract
def test_auto_ocrs_only_pages_without_text_and_extends_the_time_limit(tmp_path, monkeypatch):
    path = _mixed_pdf(tmp_path)
    seen: list[tuple[float | None, object]] = []
    real = sandbox.read

    def read(reader, path, data, limits, **options):
        seen.append((limits.max_seconds, options.get("ocr_pages")))
        return real(reader, path, data, limits, **options)

    monkeypatch.setattr(sandbox, "read", read)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        document = reportparse.load(path, limits=Limits(max_seconds=50))
    assert document.raw.warnings == ("text of 1 page(s) by OCR (Tesseract, aze)",)
    assert seen == [(50, None), (50 + ocr.PAGE_SECONDS, [1])]  # a second read OCRs page 2, with 60 s more
    assert ocr.ocr_page_numbers(document.raw.metadata) == [2]
    expected = page_texts(REPORT_PDF, pages=2)
    assert document.raw.pages[0] == expected[0]  # the text layer, untouched
    assert word_ratio(expected[1], document.raw.pages[1]) >= 0.95


def test_never_leaves_a_scan_empty_and_parse_refuses_it(scan):
    with pytest.warns(NoTextLayerWarning, match="OCR is off: parse it with --ocr auto"):
        document = reportparse.load(scan, ocr="never")
    assert (document.text, document.scanned, len(document.pages)) == ("", True, 3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NoTextLayerWarning)
        with pytest.raises(ScannedDocumentError, match="no text layer") as raised:
            reportparse.parse(scan, ocr="never")
    assert not isinstance(raised.value, OcrUnavailableError)
    corpus = reportparse.parse_many([scan], jobs=0, progress=False, ocr="never")
    assert len(corpus) == 0
    assert list(corpus.errors["error_type"]) == ["ScannedDocumentError"]


def test_unknown_modes_are_refused(scan):
    with pytest.raises(ValueError, match="unknown ocr mode 'sometimes'; choose one of auto, always, never"):
        ParseOptions(ocr="sometimes")
    with pytest.raises(ValueError, match="unknown ocr mode"):
        reportparse.load(scan, ocr="yes")


def test_a_text_file_has_no_ocr_pages():
    report = reportparse.parse(reportparse.sample_report_path())
    assert report.documents["ocr_pages"].tolist() == [0]
    assert report.documents["scanned"].tolist() == [False]


def test_without_tesseract_a_scan_fails_as_needing_ocr(scan, monkeypatch):
    monkeypatch.setattr(ocr, "unavailable", lambda: "Tesseract is not installed (apt-get install …)")
    monkeypatch.setattr(sandbox, "should_isolate", lambda limits: False)  # the child would look for itself
    with pytest.warns(NoTextLayerWarning, match="it needs OCR, and Tesseract is not installed"):
        assert reportparse.load(scan).scanned
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NoTextLayerWarning)
        with pytest.raises(OcrUnavailableError, match="it needs OCR, and Tesseract is not installed"):
            reportparse.parse(scan)
    with pytest.raises(OcrUnavailableError, match="--ocr always"):
        reportparse.load(scan, ocr="always")
    corpus = reportparse.parse_many([scan, reportparse.sample_report_path()], jobs=0, progress=False)
    assert len(corpus) == 1
    assert corpus.errors[["path", "error_type"]].values.tolist() == [[str(scan), "OcrUnavailableError"]]


def _run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "reportparse"]
    return subprocess.run(command + list(args), capture_output=True, text=True, timeout=120, env=env, check=False)


def test_cli_without_tesseract_reports_scans_in_the_summary_and_errors_csv(scan, tmp_path):
    bin_dir = tmp_path / "bin"  # a PATH with python but no tesseract
    bin_dir.mkdir()
    (bin_dir / "python").symlink_to(sys.executable)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{Path(sys.executable).parent}", "PYTHONIOENCODING": "utf-8"}
    report = tmp_path / "in" / "hesabat.txt"
    report.parent.mkdir()
    report.write_text(reportparse.sample_report_path().read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "in" / "scan.pdf").write_bytes(scan.read_bytes())
    done = _run("parse", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--jobs", "1", "--quiet", env=env)
    assert done.returncode == 3, done.stderr
    assert "1 parsed, 1 failed (1 scanned PDF(s) need OCR: apt-get install tesseract-ocr tesseract-ocr-aze)" in (
        done.stderr
    )
    errors = (tmp_path / "out" / "errors.csv").read_text(encoding="utf-8").splitlines()
    assert errors[1].startswith(f"{tmp_path / 'in' / 'scan.pdf'},OcrUnavailableError,")
    assert "ocr_pages" in (tmp_path / "out" / "documents.csv").read_text(encoding="utf-8").splitlines()[0]
    done = _run("text", str(scan), "--ocr", "always", env=env)
    assert done.returncode == 1
    assert "--ocr always) cannot run: Tesseract is not installed" in done.stderr


def test_page_progress_draws_only_on_a_terminal_for_long_scans():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    bar = ocr.PageProgress(6, name="scan\x1b[2J.pdf", enabled=True, stream=terminal)
    for _page in range(6):
        bar.advance()
    bar.close()
    drawn = terminal.getvalue()
    assert drawn.count("\r") == 6 and drawn.endswith("\n")
    assert "scan\\x1b[2J.pdf: OCR [########################] 6/6 pages" in drawn
    assert "1/6 pages" in drawn and "ETA" in drawn
    for stream, total in ((io.StringIO(), 6), (Terminal(), ocr.PROGRESS_PAGES - 1)):
        bar = ocr.PageProgress(total, name="scan.pdf", enabled=True, stream=stream)
        bar.advance()
        bar.close()
        assert stream.getvalue() == ""


@needs_tesseract
def test_tesseract_failures_leave_the_page_empty_with_a_note(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "_pgm", lambda page, dpi: b"not an image")
    path = tmp_path / "scan.pdf"
    path.write_bytes(scan_pdf(REPORT_PDF, pages=1))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        document = reportparse.load(path, limits=dataclasses.replace(Limits(), isolate=False))
    messages = [str(warning.message) for warning in caught]
    assert document.scanned and document.text == ""
    assert any("OCR of page 1 failed" in message for message in messages), messages
    assert any("OCR found no text" in message for message in messages), messages


def test_loader_reads_a_text_pdf_once(monkeypatch):
    calls = []
    real = loader._read

    def read(*args, **options):
        calls.append(options.get("ocr_pages"))
        return real(*args, **options)

    monkeypatch.setattr(loader, "_read", read)
    assert reportparse.load(REPORT_PDF).text
    assert len(calls) == 1  # no page without text: no second read


@needs_tesseract
def test_always_ocrs_pages_with_a_text_layer_too(tmp_path):
    document = reportparse.load(_mixed_pdf(tmp_path), ocr="always")
    assert ocr.ocr_page_numbers(document.raw.metadata) == [1, 2]
    expected = page_texts(REPORT_PDF, pages=2)
    assert document.raw.pages[0] != expected[0]  # OCR's text, not the layer's
    assert word_ratio(expected[0], document.raw.pages[0]) >= 0.95


@needs_tesseract
def test_a_scan_in_which_ocr_finds_no_text_is_an_error(tmp_path):
    drawing = pdfgen.scanned_pdf(tmp_path / "drawing.pdf")  # boxes and lines, no letters
    with pytest.warns(NoTextLayerWarning, match="OCR found no text on its pages"):
        with pytest.raises(ScannedDocumentError, match="OCR found no text on its pages") as raised:
            reportparse.parse(drawing)
    assert not isinstance(raised.value, OcrUnavailableError)


@needs_tesseract
def test_a_batch_worker_gets_more_time_for_each_page_to_ocr(scan):
    """``--timeout`` bounds reading; OCR adds PAGE_SECONDS per page to the file's deadline, so a
    scan is not cut by a limit meant for text files."""
    import reportparse

    started = time.monotonic()
    corpus = reportparse.parse_many([scan], jobs=1, timeout=2, progress=False)
    assert time.monotonic() - started > 2  # OCR of three pages takes longer than the limit given
    assert list(corpus.errors["error_type"]) == []
    assert corpus.documents["ocr_pages"].tolist() == [3]
    assert len(corpus.sections) > 0
