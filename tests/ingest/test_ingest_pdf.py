"""Tests of the PDF reader, its furniture detection and the synthetic-PDF generator.

Synthetic PDFs are made with :mod:`reportparse.devtools.pdfgen` (fpdf2 and a TTF with
Azerbaijani glyphs); real ones come from ``../shared/corpus/pdf`` when it is present.
"""

from __future__ import annotations

import functools
import re
import warnings
from collections import Counter
from pathlib import Path

import pytest

import reportparse
from reportparse.devtools import pdfgen
from reportparse.errors import CorruptFileError, EncryptedPDFError, NoTextLayerWarning
from reportparse.ingest import pdf as pdf_reader
from reportparse.ingest.furniture import Line, find_furniture

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT / ".." / "shared" / "corpus"
REFERENCE = SHARED / "reports" / "dmx-2022-opengov-execution-report.txt"
PDF_DIR = SHARED / "pdf"
WATER_CODE = PDF_DIR / "water-code.pdf"
ENGINES = pdf_reader.ENGINES
HEADER = "Dövlət Miqrasiya Xidməti — 2022-ci il üzrə hesabat"
SAMPLE_HEADER = "Dövlət Arxiv Xidməti — 2023-cü il üzrə hesabat"
NO_FONT = "no TTF font with Azerbaijani glyphs (DejaVuSans); set REPORTPARSE_FONT"
FOOTNOTE = re.compile(r"\[\d+\]")
WORD = re.compile(r"[^\W\d_]+")


def _require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"missing {path.resolve()} (the shared corpus is not checked out here)")
    return path


def _lone_letters(text: str) -> list[str]:
    return [line for line in text.splitlines() if len(line.strip()) == 1 and line.strip().isalpha()]


@pytest.fixture(scope="module")
def font() -> Path:
    found = pdfgen.find_font()
    if found is None:
        pytest.skip(NO_FONT)
    return found


@pytest.fixture(scope="module")
def reference_pdf(tmp_path_factory, font) -> tuple[Path, Path]:
    txt = _require(REFERENCE)
    out = tmp_path_factory.mktemp("reference") / "dmx-2022.pdf"
    return txt, pdfgen.text_to_pdf(txt.read_text(encoding="utf-8"), out, header=HEADER, font=font)


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory, font) -> tuple[Path, Path]:
    txt = reportparse.sample_report_path()
    out = tmp_path_factory.mktemp("sample") / "sample.pdf"
    return txt, pdfgen.text_to_pdf(txt.read_text(encoding="utf-8"), out, header=SAMPLE_HEADER, font=font)


@pytest.fixture(scope="module", params=["gizli", "gizli-şifrə"], ids=["rc4-latin1", "aes256-utf8"])
def encrypted(request, tmp_path_factory, font) -> tuple[Path, str]:
    password = request.param
    out = tmp_path_factory.mktemp("enc") / "locked.pdf"
    return pdfgen.encrypted_pdf(out, password=password, font=font), password


# --- round trips: text → PDF (header, page numbers, justified) → text -----------------------


@pytest.mark.shared_corpus
@pytest.mark.parametrize("engine", ENGINES)
def test_reference_report_round_trip_word_for_word(reference_pdf, engine):
    _assert_round_trip(*reference_pdf, engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_sample_report_round_trip_word_for_word(sample_pdf, engine):
    _assert_round_trip(*sample_pdf, engine)


def _assert_round_trip(txt, pdf, engine):
    from_pdf = reportparse.load(pdf, pdf_engine=engine)
    assert len(from_pdf.pages) > 1
    assert from_pdf.text.split() == reportparse.load(txt).text.split()


@pytest.mark.parametrize("engine", ENGINES)
def test_headers_and_page_numbers_dropped_but_kept_in_raw_text(sample_pdf, engine):
    doc = reportparse.load(sample_pdf[1], pdf_engine=engine)
    assert SAMPLE_HEADER not in doc.text and "Səhifə" not in doc.text
    assert doc.raw_text.count(SAMPLE_HEADER) == len(doc.raw.pages)
    assert f"Səhifə 2 / {len(doc.raw.pages)}" in doc.raw_text
    furniture = {doc.raw_text[start:end] for start, end in doc.raw.furniture}
    assert SAMPLE_HEADER in furniture


@pytest.mark.parametrize("engine", ENGINES)
def test_pages_are_contiguous_and_page_at_finds_page_two(sample_pdf, engine):
    doc = reportparse.load(sample_pdf[1], pdf_engine=engine)
    assert len(doc.pages) == len(doc.raw.pages) >= 3
    assert [page.number for page in doc.pages] == list(range(1, len(doc.pages) + 1))
    assert doc.pages[0].start == 0 and doc.pages[-1].end == len(doc.text)
    for page, following in zip(doc.pages, doc.pages[1:], strict=False):
        assert page.start < page.end == following.start
    # A word found only on page 2 of the raw text, once in the normalized text.
    counts = [Counter(WORD.findall(page)) for page in doc.raw.pages]
    only_on_two = [
        w
        for w, n in counts[1].items()
        if n == 1
        and len(w) > 6
        and all(w not in other for i, other in enumerate(counts) if i != 1)
        and len(re.findall(rf"\b{re.escape(w)}\b", doc.text)) == 1
    ]
    assert only_on_two
    for word in only_on_two[:5]:
        offset = re.search(rf"\b{re.escape(word)}\b", doc.text).start()
        assert doc.page_at(offset) == 2, word


def _check_offsets_map_back(doc) -> int:
    checked = 0
    for match in list(WORD.finditer(doc.text))[::23]:
        word = match.group()
        if word not in doc.raw_text:  # changed by normalization (homoglyphs, hyphenation)
            continue
        assert doc.raw_text[slice(*doc.raw_span(match.start(), match.end()))] == word
        checked += 1
    return checked


@pytest.mark.parametrize("engine", ENGINES)
def test_offsets_map_back_to_raw_text(sample_pdf, engine):
    doc = reportparse.load(sample_pdf[1], pdf_engine=engine)
    assert _check_offsets_map_back(doc) > 30


# --- errors ---------------------------------------------------------------------------------


def _zero_page_pdf() -> bytes:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@pytest.mark.parametrize("engine", ENGINES)
def test_garbage_bytes_are_a_corrupt_file_naming_the_path(tmp_path, engine):
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"this is not a PDF \x00\x01\x02\xff" * 50)
    with pytest.raises(CorruptFileError) as info:
        reportparse.load(path, pdf_engine=engine)
    assert str(path) in str(info.value)


@pytest.mark.parametrize("engine", ENGINES)
def test_truncated_pdf_is_a_corrupt_file(sample_pdf, tmp_path, engine):
    # PDFium does not rebuild a file cut before its cross-reference table and trailer, and the
    # reader opens every PDF with PDFium first, so both engines report a corrupt file.
    data = sample_pdf[1].read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptFileError) as info:
        reportparse.load(path, pdf_engine=engine)
    assert str(path) in str(info.value)


@pytest.mark.shared_corpus
@pytest.mark.parametrize("engine", ENGINES)
def test_truncated_real_pdf_is_a_corrupt_file(tmp_path, engine):
    data = _require(WATER_CODE).read_bytes()
    path = tmp_path / "water-half.pdf"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptFileError):
        reportparse.load(path, pdf_engine=engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_pdf_without_pages_is_a_corrupt_file(tmp_path, engine):
    path = tmp_path / "empty.pdf"
    path.write_bytes(_zero_page_pdf())
    with pytest.raises(CorruptFileError):
        reportparse.load(path, pdf_engine=engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_encrypted_pdf_needs_its_password(encrypted, engine):
    encrypted, password = encrypted
    with pytest.raises(EncryptedPDFError, match="password"):
        reportparse.load(encrypted, pdf_engine=engine)
    with pytest.raises(EncryptedPDFError):
        reportparse.load(encrypted, password="yanlış", pdf_engine=engine)
    doc = reportparse.load(encrypted, password=password, pdf_engine=engine)
    assert "şəhərində" in doc.text and "İsmayıllı" in doc.text


@pytest.mark.parametrize("engine", ENGINES)
def test_scanned_pdf_warns_and_is_empty(tmp_path, engine):
    path = pdfgen.scanned_pdf(tmp_path / "scan.pdf")
    with pytest.warns(NoTextLayerWarning, match="OCR"):
        doc = reportparse.load(path, pdf_engine=engine)
    assert doc.text == "" and doc.scanned is True
    assert len(doc.pages) == 1


def test_plumber_engine_reports_a_pdf_without_trailer_as_corrupt(tmp_path):
    # PDFium repairs a file whose ``startxref`` is damaged; pdfminer cannot open it.
    path = tmp_path / "no-startxref.pdf"
    data = pdfgen.scanned_pdf(tmp_path / "scan.pdf").read_bytes()
    path.write_bytes(data.replace(b"startxref", b"startxrex"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NoTextLayerWarning)
        with pytest.raises(CorruptFileError):
            reportparse.load(path, pdf_engine="pdfplumber")


@pytest.mark.parametrize("engine", ENGINES)
def test_pdf_whose_page_tree_points_nowhere_is_corrupt(tmp_path, engine):
    # /Count says 3 pages, /Kids lists none: PDFium fails to load page 1, pdfplumber finds 0.
    data = _zero_page_pdf().replace(b"/Kids [] /Count 0", b"/Kids [] /Count 3")
    path = tmp_path / "bad-kids.pdf"
    path.write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NoTextLayerWarning)
        with pytest.raises(CorruptFileError):
            reportparse.load(path, pdf_engine=engine)


# --- real PDFs ------------------------------------------------------------------------------

REAL_PDFS = sorted(PDF_DIR.glob("*.pdf")) if PDF_DIR.is_dir() else []


@functools.cache
def _load_real(path: Path, engine: str):
    return reportparse.load(path, pdf_engine=engine)


def _real_params():
    if REAL_PDFS:
        return [pytest.param(path, id=path.name) for path in REAL_PDFS]
    return [pytest.param(PDF_DIR, id="no-shared-corpus")]


@pytest.mark.shared_corpus
@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("path", _real_params())
def test_real_pdfs_load_with_footnote_marks_and_offsets(path, engine):
    if not REAL_PDFS:
        _require(PDF_DIR)
        pytest.skip(f"no PDFs in {PDF_DIR.resolve()}")
    doc = _load_real(path, engine)
    assert len(doc.pages) == len(doc.raw.pages) > 1
    assert len(doc.text.split()) > 100 * len(doc.pages) // 2
    assert not doc.scanned
    assert len(FOOTNOTE.findall(doc.text)) == len(FOOTNOTE.findall(doc.raw_text))
    assert _check_offsets_map_back(doc) > 100


@pytest.mark.shared_corpus
@pytest.mark.parametrize("engine", ENGINES)
def test_water_code_has_no_lone_letter_lines(engine):
    doc = _load_real(_require(WATER_CODE), engine)
    for number, page in enumerate(doc.raw.pages, 1):
        assert _lone_letters(page) == [], f"page {number}"
    assert _lone_letters(doc.text) == []
    assert FOOTNOTE.search(doc.text)  # the water code has footnote marks like [18]


@pytest.mark.shared_corpus
@pytest.mark.parametrize("engine", ENGINES)
def test_real_pdfs_have_no_pdfium_hyphen_placeholder(engine):
    # PDFium writes U+FFFE for a hyphen it joined across a line end (competition code:
    # ``sui<U+FFFE>istifadə``); it must not reach the normalized text.
    if not REAL_PDFS:
        _require(PDF_DIR)
        pytest.skip(f"no PDFs in {PDF_DIR.resolve()}")
    for path in REAL_PDFS:
        text = _load_real(path, engine).text
        assert "\ufffe" not in text, path.name
        if path.name == "competition-code.pdf":
            assert "sui-istifadə" in text


# --- the generator itself -------------------------------------------------------------------


def test_text_to_pdf_min_pages_and_missing_font(tmp_path, font):
    text = reportparse.sample_report_path().read_text(encoding="utf-8")
    path = pdfgen.text_to_pdf(text, tmp_path / "long.pdf", header=None, page_numbers=None, min_pages=9)
    doc = reportparse.load(path)
    assert len(doc.pages) >= 9 and doc.raw.furniture == ()
    assert doc.text.split()[:20] == reportparse.load(reportparse.sample_report_path()).text.split()[:20]
    with pytest.raises(FileNotFoundError, match="REPORTPARSE_FONT"):
        pdfgen.text_to_pdf(text, tmp_path / "x.pdf", font=tmp_path / "missing.ttf")


def test_paragraphs_reflow_lines_and_keep_compounds():
    text = "Birinci sətir\nikinci   sətir  \n \nQeyri-\nHökumət təşkilatı\r\n\r\n\n"
    assert pdfgen.paragraphs(text) == ["Birinci sətir ikinci sətir", "Qeyri-Hökumət təşkilatı"]


# --- furniture unit tests -------------------------------------------------------------------

BODY = [
    "Azərbaycan Respublikası Dövlət Miqrasiya Xidməti tərəfindən {}",
    "korrupsiya risklərinin qiymətləndirilməsi və onların qarşısının {}",
    "alınması ilə bağlı illik tədbirlər planı hazırlanmışdır {}.",
    "Həmin planın icrası barədə hesabat Komissiyaya {}",
    "təqdim edilmişdir və ictimaiyyətə açıqlanmışdır {}.",
    "Miqrant Şurasının iclasları keçirilmişdir {}.",
]
ORDINALS = ["birinci", "ikinci", "üçüncü", "dördüncü", "beşinci"]


def _body(index: int) -> list[str]:
    """Six lines of text unique to page ``index`` (0-based), so only furniture recurs."""
    return [line.format(ORDINALS[index]) for line in BODY]


def _page(texts: list[str], margins: list[bool | None] | None = None) -> list[Line]:
    lines, pos = [], 0
    for index, text in enumerate(texts):
        margin = margins[index] if margins else None
        lines.append(Line(text, pos, pos + len(text), in_margin=margin))
        pos += len(text) + 1
    return lines


def _texts(found: list[list[Line]]) -> list[list[str]]:
    return [[line.text for line in page] for page in found]


def test_recurring_header_on_five_pages_is_furniture():
    header = "Dövlət Miqrasiya Xidməti — illik hesabat"
    pages = [_page([header, *_body(i)]) for i in range(5)]
    assert _texts(find_furniture(pages)) == [[header]] * 5


@pytest.mark.parametrize("template", ["Səhifə {n}/9", "- {n} -"])
def test_varying_page_numbers_are_furniture(template):
    pages = [_page([*_body(n - 1), template.format(n=n)]) for n in range(1, 6)]
    assert _texts(find_furniture(pages)) == [[template.format(n=n)] for n in range(1, 6)]


def test_line_recurring_on_one_page_of_five_is_kept():
    pages = [_page(_body(i)) for i in range(5)]
    pages[2] = _page(["2-ci bəndin icrasına dair:", *_body(2)])
    assert find_furniture(pages) == [[] for _ in range(5)]


def test_number_in_the_middle_of_a_page_is_kept():
    texts = [[*_body(i)[:3], "12", *_body(i)[3:]] for i in range(5)]
    pages = [_page(lines, [False] * len(lines)) for lines in texts]
    assert find_furniture(pages) == [[] for _ in range(5)]
    pages = [_page(lines) for lines in texts]  # no geometry either
    assert find_furniture(pages) == [[] for _ in range(5)]


def test_bare_page_number_in_top_margin_is_furniture_without_repetition():
    pages = [_page(_body(i), [False] * len(BODY)) for i in range(5)]
    pages[2] = _page(["3", *_body(2)], [True] + [False] * len(BODY))
    assert _texts(find_furniture(pages)) == [[], [], ["3"], [], []]


def test_bracketed_footnote_mark_in_margin_is_kept():
    pages = [_page(_body(i), [False] * len(BODY)) for i in range(5)]
    pages[2] = _page([*_body(2), "[3]"], [False] * len(BODY) + [True])
    assert find_furniture(pages) == [[] for _ in range(5)]


def test_upper_case_azerbaijani_page_number_in_margin_is_furniture():
    pages = [_page(_body(i), [False] * len(BODY)) for i in range(5)]
    pages[2] = _page([*_body(2), "SƏHİFƏ 3"], [False] * len(BODY) + [True])
    assert _texts(find_furniture(pages)) == [[], [], ["SƏHİFƏ 3"], [], []]


def test_line_on_two_of_five_pages_is_not_furniture():
    pages = [_page(["Hesabat 2022", *_body(i)]) if i in (1, 3) else _page(_body(i)) for i in range(5)]
    assert find_furniture(pages) == [[] for _ in range(5)]


def test_numbered_item_headings_at_page_tops_are_not_one_recurring_line():
    heads = ["1-ci bəndin icrasına dair:", "Mətn davam edir", "2-ci bəndin icrasına dair:", "Mətn davam edir"]
    pages = [_page([head, *_body(i)]) for i, head in enumerate(heads)]
    assert find_furniture(pages) == [[] for _ in range(4)]


def test_one_page_document_drops_nothing():
    page = _page(["Səhifə 1/1", "Hesabat", *_body(0), "1"], [True, True] + [False] * len(BODY) + [True])
    assert find_furniture([page]) == [[]]
