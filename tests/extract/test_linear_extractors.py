"""The extractors' linear searches find what the plain (quadratic) searches they replace found.

Each reference below is the code the extractor ran before: right on normal text, but quadratic
on long item lists, many quoted titles or headings, many defined abbreviations, long runs of
spaces, or long runs of capitalised words (tests/test_scaling.py times them). Hypothesis compares
them on text made of the pieces that matter; the bounds that make the runs linear are checked here.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportparse import load_text
from reportparse.extract import counts, dates, organizations, references
from reportparse.extract.organizations import OrganizationMention, find_organizations
from reportparse.extract.overlap import SpanIndex
from reportparse.lang.az import acts
from reportparse.lang.az.orthography import DASH_CLASS, DASHES
from reportparse.lang.az.text import TextLayer
from reportparse.pipeline import extract_tables

_D = re.escape(DASHES)
_SUFFIXES = "ci|cı|cu|cü"
ORD = rf"(\d+(?:\.\d+)*)\s*[{_D}]?\s*(?:{_SUFFIXES})"
ITEMS = re.compile(rf"(?<![\w.]){ORD}(?:\s*,\s*{ORD})*(?:\s+və\s+{ORD})?\s+(?:{'|'.join(acts.ITEM_NOUNS)})\w*")
LEFT_TOKEN = re.compile(r"(?:\([^()\n]{1,40}\)|[^\W\d_]+(?:-[^\W\d_]+)*)\s*$")
ORDINAL_PATTERNS = [  # (before, now): ``\s*-?\s*`` became ``\s*(?:-\s*)?``
    (re.compile(ORD), re.compile(references._ORD)),
    (re.compile(rf"\s*-?\s*(?:{_SUFFIXES})"), re.compile(dates._SUF)),
    (re.compile(rf"\s*[{_D}]?\s*(?:{_SUFFIXES})(?![^\W\d_])"), counts._ORDINAL_AFTER),
]

ITEM_PIECES = (
    "1",
    "12",
    "4.2.10",
    "-",
    "–",
    "ci",
    "cü",
    " ",
    "  ",
    "\n",
    ",",
    ", ",
    " və ",
    " bəndi",
    " yarımbəndləri",
)
item_texts = st.lists(st.sampled_from((*ITEM_PIECES, "a", ".", "(", "x1", " maddəsinin")), max_size=30).map("".join)


@given(item_texts)
def test_item_lists_are_the_single_patterns_matches(text):
    assert list(references._item_lists(text)) == [match.span() for match in ITEMS.finditer(text)]


@given(item_texts)
def test_ordinal_patterns_match_as_before(text):
    for before, now in ORDINAL_PATTERNS:
        assert [m.span() for m in now.finditer(text)] == [m.span() for m in before.finditer(text)]
        assert [m.groups() for m in now.finditer(text)] == [m.groups() for m in before.finditer(text)]


spans = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 8)).map(lambda s: (s[0], s[0] + s[1])), max_size=12)


@given(spans, st.integers(0, 30), st.integers(0, 8))
def test_span_index_answers_as_asking_every_span(taken, start, length):
    end = start + length
    assert SpanIndex(taken).overlaps(start, end) == any(start < e and s < end for s, e in taken)


LEFT_PIECES = (
    "Xidmətin",
    "rəisinin",
    "Qeyri-Hökumət",
    "a" * 50,
    "(bundan sonra – Agentlik)",
    "(x",
    ")",
    " ",
    "\n",
    "-",
)
left_texts = st.lists(st.sampled_from(LEFT_PIECES), max_size=12).map("".join)


@given(left_texts, st.integers(0, 400))
def test_the_token_before_a_place_is_the_one_the_whole_window_gives(text, end):
    end = min(end, len(text))
    old = LEFT_TOKEN.search(text, max(0, end - 120), end)
    new = references._Finder(text, None, dates=[])._left_token(end)
    assert new == (old and (old.start(), old.group().strip()))


def test_an_issuer_is_read_over_at_most_32_words():
    text = "Bakı " * 200 + "2022-ci il 4 aprel tarixli 12 nömrəli Sərəncamı"
    [act] = [m for m in references.find_references(text) if m.kind == "act"]
    assert len(act.issuer.split()) == references._LONGEST_ISSUER
    assert act.number == "12" and act.date == "2022-04-04"


# --- organizations -------------------------------------------------------------------------


def _abbreviations_as_before(text: str, mentions: list[OrganizationMention]) -> list[OrganizationMention]:
    """The code before: every check against every mention so far, a search of the text per abbreviation."""
    result = list(mentions)
    defined: dict[str, OrganizationMention] = {}
    for mention in mentions:
        match = organizations._PARENTHESIZED.match(text, mention.end)
        if not match or mention.anaphoric:
            continue
        word = match.group(1)
        if not (
            sum(char.isupper() for char in word) >= 2
            or word in organizations._ABBREVIATIONS_CASED
            or any(word in body.aliases for body in organizations.GAZETTEER)
        ):
            continue
        start, end = match.start(1), match.end(1)
        if any(m.start < end and start < m.end for m in result):
            continue
        result.append(replace(mention, start=start, end=end, text=word, parent=mention.parent))
        defined[word] = mention
    for word, mention in defined.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(word)}(?:{DASH_CLASS}[^\W\d_]{{1,5}})?(?![\w-])", text):
            start, end = match.span()
            if not any(m.start < end and start < m.end for m in result):
                result.append(replace(mention, start=start, end=end, text=match.group(0)))
    return sorted(result, key=lambda m: (m.start, m.end))


ABBREVIATION_PIECES = (
    "Bakı Agentliyi",
    " (ABC)",
    " (DİN)",
    " (Ab)",
    " ABC",
    "ABC-nin",
    "ABC–DİN",
    "DİN",
    " ",
    ", ",
    "-",
)


@given(st.lists(st.sampled_from(ABBREVIATION_PIECES), max_size=14).map("".join), st.data())
def test_abbreviations_are_taken_as_before(text, data):
    """Mentions at random places (not only the grammar's), then the abbreviations defined after them."""
    words = [m.span() for m in re.finditer(r"\S+", text)]
    chosen = data.draw(st.lists(st.sampled_from(words), unique=True, max_size=4)) if words else []
    mentions = [OrganizationMention(s, e, text[s:e], "X", "other", "x") for s, e in sorted(chosen)]
    assert organizations._with_parenthesized_abbreviations(text, mentions) == _abbreviations_as_before(text, mentions)


def test_a_name_runs_left_over_at_most_40_tokens():
    text = load_text("Bakı " * 100 + "Dövlət Agentliyi " * 100).text
    mentions = find_organizations(text)
    assert mentions and all(len(organizations.tokenize(m.text)) <= organizations._LONGEST_NAME + 1 for m in mentions)


# --- counts --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number", ["1" + " 234" * 2_000, "1" + " 234" * 200 + ",5", "9" * 31], ids=["6001-digits", "decimal", "31-digits"]
)
def test_a_number_of_more_than_30_digits_is_no_count(number):
    """Such a number gave an int of thousands of digits (quadratic to convert, and beyond 4,300
    digits the CSV writer failed) or, with a decimal part, an infinite float."""
    document = load_text(f"Hesabat. Layihəyə {number} manat ayrılmışdır, 5 nəfər iştirak etmişdir.")
    tables = extract_tables(document)
    assert list(tables["counts"]["value"]) == [5]
    assert all(math.isfinite(value) for value in tables["counts"]["value"])
    tables["counts"].to_csv(io.StringIO())
    assert [m.value for m in counts.find_counts("99999999999999999999 nəfər")] == [99999999999999999999]


reference_texts = st.lists(
    st.sampled_from(
        (*ITEM_PIECES, "a", ".", "(", "x1", " maddəsinin", "maddə ", "Maddə", " hissəsinin", " səkkizinci", "IV")
    ),
    max_size=30,
).map("".join)


@given(reference_texts)
def test_references_try_their_patterns_where_the_whole_text_search_matched(text):
    numbers = references._number_starts(text)
    for pattern in (references._ARTICLE, references._BARE_ITEM, references._ITEM_LIST):
        found = references._matches(pattern, text, numbers)
        assert [m.span() for m in found] == [m.span() for m in pattern.finditer(text)]
    nouns = references._starts(references._ARTICLE_NOUN, text)
    found = references._matches(references._ARTICLE_FIRST, text, nouns)
    assert [m.span() for m in found] == [m.span() for m in references._ARTICLE_FIRST.finditer(text)]


word_texts = st.lists(
    st.sampled_from(("Qanun", "qərar", "Sərəncamı", "Qur’an", "Qeyri\u2010Hökumət", "I\u0307", "-", "'", " ", "1")),
    max_size=20,
).map("".join)


@given(word_texts)
def test_act_word_candidates_are_the_words_that_may_be_act_words(text):
    layer = TextLayer.of(text)
    expected = [
        token
        for token in layer.words()
        if token.folded.startswith(references._ACT_PREFIXES) or references._JOINED.search(token.surface)
    ]
    assert [t.index for t in references._act_word_candidates(layer) if t in expected] == [t.index for t in expected]
