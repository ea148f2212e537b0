"""DOCX limits and embedded chunks: markup counted before parsing, text measured while reading,
memory exhausted in lxml a ResourceLimitError, altChunk content read or reported.

Files come from :mod:`reportparse.devtools.hostile`; the two hostile ones took 100-137 s and
1.8-1.9 GB to read before the markup was counted first.
"""

from __future__ import annotations

import io
import multiprocessing
import resource
import sys
import time
import warnings
import zipfile
from pathlib import Path

import pytest

import reportparse
from reportparse.devtools import hostile
from reportparse.errors import CorruptFileError, ReportParseWarning, ResourceLimitError
from reportparse.ingest import docx as docx_reader
from reportparse.ingest import embedded
from reportparse.limits import DEFAULT_LIMITS, Limits
from reportparse.pipeline import extract_tables

HERE = Limits(isolate=False)


def _read(data: bytes, limits: Limits = DEFAULT_LIMITS, name: str = "doc.docx"):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReportParseWarning)
        return docx_reader.read(Path(name), data, limits=limits)


# --- markup counted before python-docx parses it -----------------------------------------------


@pytest.mark.parametrize(
    ("make", "limit"),
    [(hostile.docx_tiny_runs, "max_docx_runs"), (hostile.docx_empty_paragraphs, "max_docx_paragraphs")],
    ids=["100-MB-of-one-letter-runs", "5-million-empty-paragraphs"],
)
def test_a_small_file_of_huge_markup_is_refused_at_once(make, limit):
    data = make()
    assert len(data) < 400_000
    started = time.perf_counter()
    with pytest.raises(ResourceLimitError, match=rf"doc.docx: [\d,]+ \w+ or more in the DOCX, .*\({limit}\)"):
        _read(data)
    assert time.perf_counter() - started < 5  # 100-137 s before


def test_elements_of_any_kind_are_counted():
    data = hostile.docx_repeating(b'<w:p><w:bookmarkStart w:id="1" w:name="b"/><w:bookmarkEnd w:id="1"/></w:p>', 50_000)
    with pytest.raises(ResourceLimitError, match=r"XML elements or more in the DOCX.*\(max_docx_elements\)"):
        _read(data, Limits(max_docx_elements=100_000))
    assert _read(data, Limits(max_docx_elements=200_000)).text == "\n" * 50_000


def test_the_limits_are_configurable_and_none_disables_them():
    data = hostile.docx_empty_paragraphs(2_000)
    with pytest.raises(ResourceLimitError, match=r"2,000 paragraphs or more .*limit of 1,000 \(max_docx_paragraphs\)"):
        _read(data, Limits(max_docx_paragraphs=1_000))
    assert _read(data).text == "\n" * 2_000
    assert _read(data, Limits(max_docx_paragraphs=None)).text == "\n" * 2_000
    runs = hostile.docx_tiny_runs(200_000)
    with pytest.raises(ResourceLimitError, match=r"\(max_docx_runs\)"):
        _read(runs, Limits(max_docx_runs=1_000))


def test_utf16_xml_is_counted_too():
    data = hostile.docx_empty_paragraphs(3_000)
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            part = source.read(name)
            if name == "word/document.xml":
                part = part.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
            target.writestr(name, part)
    assert _read(out.getvalue()).text == "\n" * 3_000
    with pytest.raises(ResourceLimitError, match=r"\(max_docx_paragraphs\)"):
        _read(out.getvalue(), Limits(max_docx_paragraphs=2_000))


def test_text_is_measured_while_reading():
    paragraph = b"<w:p><w:r><w:t>" + b"x" * 1_000 + b"</w:t></w:r></w:p>"
    data = hostile.docx_repeating(paragraph, 200)
    with pytest.raises(ResourceLimitError, match=r"characters of text, more than the limit of 10,000 \(max_chars\)"):
        _read(data, Limits(max_chars=10_000))
    assert len(_read(data).text) == 200 * 1_001 + 199  # a blank line between two paragraphs


def test_empty_paragraphs_are_read_without_recompiling_xpath():
    """The root cause of the slow empty-paragraph file: python-docx compiles an XPath on every
    call (40 µs a paragraph: 300,000 took 15 s); the reader compiles its expressions once."""
    data = hostile.docx_empty_paragraphs(300_000)
    started = time.perf_counter()
    assert len(_read(data).text) == 300_000
    assert time.perf_counter() - started < 6


def _load_in_child(path: str, connection) -> None:
    reportparse.load_text("1-ci bəndin icrasına dair: 15 mart 2022-ci il.")  # warm-up
    with open("/proc/self/statm") as statm:
        in_use = int(statm.read().split()[0]) * resource.getpagesize()
    resource.setrlimit(resource.RLIMIT_AS, (in_use + 300 * 2**20, resource.RLIM_INFINITY))
    off = Limits(isolate=False, max_docx_elements=None, max_docx_paragraphs=None, max_docx_runs=None)
    try:
        reportparse.load(path, limits=off)
        connection.send(("loaded", ""))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent
        connection.send((type(exc).__name__, str(exc)))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork, RLIMIT_AS and /proc are Linux features")
def test_memory_exhausted_inside_lxml_is_a_resource_limit(tmp_path):
    """With the counts off, lxml runs out of memory parsing 40 MB of runs (it reports "unknown
    error", once a CorruptFileError): load() gives a ResourceLimitError."""
    path = tmp_path / "runs.docx"
    path.write_bytes(hostile.docx_tiny_runs(40 * 2**20))
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_load_in_child, args=(str(path), send))
    child.start()
    assert receive.poll(60), "no answer within 60 s"
    kind, message = receive.recv()
    child.join()
    assert (kind, "runs.docx" in message) == ("ResourceLimitError", True), message


def test_a_damaged_part_is_still_a_corrupt_file():
    data = hostile.docx_empty_paragraphs(10)
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            part = source.read(name)
            target.writestr(name, part[:-30] if name == "word/document.xml" else part)
    with pytest.raises(CorruptFileError, match="not a valid DOCX file"):
        _read(out.getvalue())


def test_the_corpus_docx_files_are_far_below_the_limits():
    for path in sorted((Path(__file__).parents[2] / "corpus" / "docx").glob("*.docx")):
        budget = docx_reader._Budget(DEFAULT_LIMITS, path)
        budget.check_package(path.read_bytes())
        assert budget.elements < DEFAULT_LIMITS.max_docx_elements / 100
        assert budget.paragraphs < DEFAULT_LIMITS.max_docx_paragraphs / 1000


# --- embedded chunks (altChunk) -------------------------------------------------------------


def test_alt_chunks_are_read_where_they_stand_and_rtf_is_reported(tmp_path):
    path = tmp_path / "chunks.docx"
    path.write_bytes(hostile.docx_alt_chunks())
    with pytest.warns(ReportParseWarning, match=r"chunk5\.rtf, application/rtf\) was left out"):
        document = reportparse.load(path, limits=HERE)
    assert document.raw.text == hostile.ALT_CHUNK_TEXT
    assert len(document.raw.warnings) == 1 and "save it again as .docx" in document.raw.warnings[0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReportParseWarning)
        tables = extract_tables(document)
    assert "chunk5.rtf" in tables["documents"]["warnings"].iloc[0]
    assert {"50", "12"} <= {str(value) for value in tables["counts"]["value"]}
    assert "2022-03-15" in set(tables["dates"]["date_start"].astype(str))


def _with_alt_chunk(blob: bytes, content_type: str, times: int = 1) -> bytes:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    part = Part(PackURI("/word/chunk.bin"), content_type, blob, document.part.package)
    relationship = document.part.relate_to(part, RELATIONSHIP_TYPE.A_F_CHUNK)
    for _ in range(times):
        chunk = OxmlElement("w:altChunk")
        chunk.set(qn("r:id"), relationship)
        document.element.body.sectPr.addprevious(chunk)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_chunk_used_twice_is_read_twice_and_counted_against_max_chars():
    data = _with_alt_chunk("Bir sətir.".encode(), "text/plain", times=2)
    assert _read(data).text == "Bir sətir.\nBir sətir.\n"
    many = _with_alt_chunk(b"x" * 5_000, "text/plain", times=100)
    with pytest.raises(ResourceLimitError, match=r"\(max_chars\)"):
        _read(many, Limits(max_chars=20_000))


def test_a_document_inside_an_embedded_document_is_reported():
    inner = _with_alt_chunk("İçəridə.".encode(), "text/plain")
    outer = _with_alt_chunk(inner, "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
    assert _read(outer).text == "İçəridə.\n"
    nested = _with_alt_chunk(outer, "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
    raw = _read(nested)
    assert raw.text == ""
    assert raw.warnings and "a document inside an embedded document" in raw.warnings[0]


def test_an_undecodable_or_damaged_chunk_is_reported_not_fatal():
    raw = _read(_with_alt_chunk(b"\xff\xfe\xfd not utf-8 \x81", "text/plain"))
    assert raw.text == "" and "not in a known encoding" in raw.warnings[0]
    damaged = _read(_with_alt_chunk(b"PK\x03\x04 broken", "application/vnd.ms-word.document.macroEnabled.main+xml"))
    assert "damaged document" in damaged.warnings[0]


def test_html_text_keeps_blocks_as_lines_and_drops_scripts():
    html = (
        '<html><head><meta charset="windows-1254"><title>t</title></head><body><script>x=1</script>'
        "<h1>Başlıq</h1><p>Bir   iki<br>üç</p><ul><li>a</li><li>b &amp; c</li></ul></body></html>"
    )
    assert embedded.html_text(html.encode("cp1254")) == "Başlıq\nBir iki\nüç\na\nb & c"
    assert embedded.plain_text("Sətir".encode("utf-16")) == "Sətir"
    assert embedded.mhtml_text(b"MIME-Version: 1.0\nContent-Type: text/plain\n\nno html") is None
