"""Property tests: on random Azerbaijani-flavoured text nothing raises and every table is faithful.

Random text mixes Azerbaijani letters, numbers, dashes, quotes, suffixes, month names, item
headings, organization nouns, line and page breaks and arbitrary Unicode
(:mod:`reportparse.devtools.textgen`). The rules checked are those of
:mod:`reportparse.devtools.invariants`; all mention tables are checked through
``extract_tables``, so an extractor that lands later is covered without a new test.

Example counts come from the hypothesis profile (tests/conftest.py): ``ci`` runs 2,000 per test,
10,000 in all; ``HYPOTHESIS_PROFILE=long`` 50,000 per test.
"""

from __future__ import annotations

import hashlib
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from reportparse import load_text
from reportparse.devtools.invariants import offset_map_violations, table_violations
from reportparse.devtools.textgen import report_text, years
from reportparse.document import RawText
from reportparse.errors import DecodingError
from reportparse.extract.dates import find_dates
from reportparse.ingest import txt
from reportparse.ingest.furniture import find_furniture, split_lines
from reportparse.ingest.normalize import normalize
from reportparse.pipeline import extract_tables
from reportparse.structure.segment import segment


def paginated(pages: list[str]) -> RawText:
    """Pages as a PDF reader would hand them over, headers and footers marked as furniture."""
    furniture, offset = [], 0
    for page, drop in zip(pages, find_furniture([split_lines(page) for page in pages]), strict=True):
        furniture += [(offset + line.start, offset + line.end) for line in drop]
        offset += len(page) + 1
    return RawText(
        pages=tuple(pages),
        source=None,
        sha256=hashlib.sha256(b"").hexdigest(),
        format="pdf",
        extractor="test",
        furniture=tuple(sorted(furniture)),
    )


@given(st.lists(report_text, min_size=1, max_size=4))
def test_normalizer_keeps_a_faithful_offset_map_over_pages(pages):
    document = normalize(paginated(pages))
    assert offset_map_violations(document) == []
    assert len(document.pages) == len(pages)
    assert unicodedata.is_normalized("NFC", document.text)
    assert "\r" not in document.text and "\f" not in document.text and "\u00ad" not in document.text


@given(report_text)
def test_sections_are_ordered_and_inside_the_text(text):
    document = load_text(text)
    sections = segment(document).sections
    previous_end = 0
    for section in sections:
        assert previous_end <= section.heading_start <= section.heading_end <= section.start <= section.end
        assert section.end <= len(document.text)
        assert all(item and item[0].isdigit() for item in section.items)
        previous_end = section.end
    if sections:
        assert sections[0].heading_start == 0 and sections[-1].end == len(document.text)


@given(report_text, years)
def test_every_table_holds_its_invariants(text, year):
    document = load_text(text)
    assert table_violations(document, extract_tables(document, year=year)) == []


@given(report_text, years)
def test_date_mentions_are_valid_and_do_not_overlap(text, year):
    previous_end = 0
    for mention in find_dates(text, year=year):
        assert previous_end <= mention.start < mention.end <= len(text)
        assert (mention.date_start is None) == (mention.date_end is None)
        if mention.date_start is not None:
            assert mention.date_start <= mention.date_end
        previous_end = mention.end


@given(st.one_of(st.binary(max_size=200), report_text.map(lambda text: text.encode("utf-8"))))
def test_text_reader_decodes_or_raises_a_decoding_error(data):
    try:
        raw = txt.read("random.txt", data)
    except DecodingError as exc:
        assert exc.offset is not None and 0 <= exc.offset < len(data)
        return
    assert "\x00" not in raw.text
    assert offset_map_violations(normalize(raw)) == []
