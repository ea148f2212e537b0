"""Every rendering of a corpus report (txt, pdf, docx) gives the same sections, metadata and mentions.

The PDF and DOCX files in corpus/ were made from the text reports by corpus/build_formats.py
(tests/test_corpus_formats.py checks that they read back word for word). Their texts differ only in
layout: where a line ends. Mentions may differ only there, and this test says where:

* dgta-2020 as PDF: the PDF's reflowed lines join a heading's closing quote to the narrative's
  first word (``…yaradılması” Agentliyin``), where the text report has a blank line; the
  organization extractor then reads the quoted commitment and ``Agentliyin`` as one quoted name.
  The check below accepts a difference only where the two texts break lines differently inside
  the mention.
"""

from __future__ import annotations

import bisect
import warnings

import docx
import pandas as pd
import pytest

import reportparse
from reportparse.pipeline import extract_tables
from tests.test_corpus_formats import RENDERINGS, SOURCES

MENTION_TABLES = ("dates", "organizations", "counts", "references")
METADATA = ("title", "organization", "year", "period_start", "period_end", "n_sections")
SECTION_COLUMNS = ("item", "commitment", "section", "items", "chapter", "chapter_title")
KNOWN_LAYOUT_DIFFERENCES = {("dgta-2020-execution-report.pdf", "organizations"): 4}
"""Mentions a rendering gains or loses where its line breaks differ from the text report's (see above):
two quoted names gained, the two ``Agentliyin`` they swallow lost."""

CASES = [(p, e) for p in RENDERINGS for e in (("pypdfium2", "pdfplumber") if p.suffix == ".pdf" else ("pypdfium2",))]


def _parse(path, engine="pypdfium2"):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = reportparse.load(path, pdf_engine=engine)
    return doc, extract_tables(doc)


def _word_starts(text: str) -> list[int]:
    starts, position = [], 0
    for word in text.split():
        position = text.index(word, position)
        starts.append(position)
        position += len(word)
    return starts


def _mentions(doc, table: pd.DataFrame) -> dict[tuple, tuple[int, int]]:
    """Each mention by its words' positions in the word sequence and its values, with its word span."""
    starts = _word_starts(doc.text)
    keyed = {}
    for row in table.to_dict("records"):
        first = bisect.bisect_right(starts, row["start"]) - 1
        last = bisect.bisect_left(starts, row["end"]) - 1
        values = tuple(
            (k, " ".join(str(v).split()) if k == "text" else v)
            for k, v in row.items()
            if k not in ("doc_id", "start", "end")
        )
        keyed[(first, last, values)] = (first, last)
    return keyed


def _breaks(text: str) -> list[bool]:
    """For each gap between two words, whether it holds a line break."""
    starts = _word_starts(text)
    words = text.split()
    gaps = zip(starts, words, starts[1:], strict=False)
    return ["\n" in text[start + len(word) : following] for start, word, following in gaps]


@pytest.fixture(scope="module")
def sources():
    return {stem: _parse(path) for stem, path in SOURCES.items()}


@pytest.mark.parametrize(("path", "engine"), CASES, ids=[f"{p.name}-{e}" for p, e in CASES])
def test_every_rendering_gives_the_same_tables(path, engine, sources):
    source_doc, expected = sources[path.stem]
    doc, tables = _parse(path, engine)
    assert doc.text.split() == source_doc.text.split()
    for column in METADATA:
        assert tables["documents"].loc[0, column] == expected["documents"].loc[0, column], column
    for column in SECTION_COLUMNS:
        assert list(tables["sections"][column]) == list(expected["sections"][column]), column
    # headings and narratives hold the same words
    for column in ("heading", "text"):
        assert [v.split() for v in tables["sections"][column]] == [v.split() for v in expected["sections"][column]]
    breaks_source, breaks_rendering = _breaks(source_doc.text), _breaks(doc.text)
    for name in MENTION_TABLES:
        ours, theirs = _mentions(doc, tables[name]), _mentions(source_doc, expected[name])
        differing = [ours[k] for k in ours.keys() - theirs.keys()] + [theirs[k] for k in theirs.keys() - ours.keys()]
        assert len(differing) == KNOWN_LAYOUT_DIFFERENCES.get((path.name, name), 0), (name, differing)
        for first, last in differing:  # only where the line breaks differ inside the mention or next to it
            gaps = slice(max(first - 1, 0), last + 1)
            assert breaks_source[gaps] != breaks_rendering[gaps], (name, first, last)


def test_the_docx_report_keeps_its_year_and_all_seven_sections(sources):
    """The title block ends at HESABAT (not at the preamble's 2020-ci il 22 iyul), and a paragraph
    starting with a heading (yarımbənd 5.3.4 üzrə …) is not glued to the one before it."""
    _doc, tables = _parse(next(p for p in RENDERINGS if p.name == "ehma-2022-execution-report.docx"))
    assert tables["documents"].loc[0, "year"] == 2022
    assert tables["documents"].loc[0, "title"].endswith("2022-ci ildə icrasına dair HESABAT")
    assert list(tables["sections"]["item"]) == ["", "1.1.3", "2.1.9", "2.3.1", "3.2.6", "4.2.10", "4.2.11", "5.3.4"]


def test_docx_paragraphs_are_paragraphs(tmp_path):
    """Each DOCX paragraph starts a paragraph of the text, whatever its first word; a paragraph cut
    mid-sentence is still joined, and a title block without blank lines ends at its type word."""
    document = docx.Document()
    for paragraph in (
        "Agentliyin 2023-cü il üzrə fəaliyyəti barədə",
        "HESABAT",
        "Bu hesabat 2019-cu il 3 may tarixli Sərəncamın icrası ilə bağlı hazırlanmışdır.",
        "1-ci bəndin icrasına dair (Təlimlərin keçirilməsi):",
        "Agentlik tərəfindən 3 təlim keçirilmişdir.",
        "yarımbənd 2.1 üzrə görülmüş işlər (Saytın yenilənməsi):",
        "Sayt yenilənmiş və",
        "istifadəyə verilmişdir.",
    ):
        document.add_paragraph(paragraph)
    path = tmp_path / "hesabat.docx"
    document.save(path)
    doc, tables = _parse(path)
    assert "keçirilmişdir.\n\nyarımbənd 2.1" in doc.text
    assert "Sayt yenilənmiş və istifadəyə verilmişdir." in doc.text
    assert list(tables["sections"]["item"]) == ["", "1", "2.1"]
    assert list(tables["sections"]["commitment"]) == ["", "Təlimlərin keçirilməsi", "Saytın yenilənməsi"]
    meta = tables["documents"].iloc[0]
    assert (meta["title"], meta["year"]) == ("Agentliyin 2023-cü il üzrə fəaliyyəti barədə HESABAT", 2023)
