"""The normalizer's linear searches find what the plain (quadratic) patterns they replace found.

Each reference pattern below is the one the normalizer used before: right, but quadratic on long
hyphenated text (each line-end hyphen searched back from offset 0), long runs of spaces, or a long
word before a line break. Hypothesis compares them on text made of the pieces that matter.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from reportparse.ingest import normalize

SPLIT_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*-\n[^\W\d_]+")
WORD_BEFORE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*$")
EDGE_SPACE = re.compile(r" +(?=\n)|(?<=\n) +|^ +| +$")
LAST_WORD = re.compile(r"([^\W\d_]+)\W*$")
ITEM_HEADING = re.compile(r"\d+(?:\.\d+)*\s*[-–]?\s*(?:ci|cı|cu|cü)\s+(?:yarımbənd|bənd)")

PIECES = (
    "a",
    "bc",
    "ə",
    "Q",
    "İ",
    "é",
    "1",
    "_",
    "-",
    "-",
    "--",
    "\n",
    "-\n",
    " ",
    "  ",
    ".",
    "!",
    "–",
    "ci ",
    "bənd",
    "w" * 70,
)
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@given(texts)
def test_split_words_are_removed_as_one_pattern_removed_them(text):
    assert normalize._without_split_words(text) == SPLIT_WORD.sub(" ", text)


@given(texts)
def test_the_word_before_each_line_end_hyphen_is_the_one_searched_from_the_start(text):
    starts = {match.end(): match.start() for match in normalize._WORD_BEFORE_BREAK.finditer(text)}
    searched_back = normalize._word_starts(text)
    for hyphen in normalize._LINE_END_HYPHEN.finditer(text):
        before = WORD_BEFORE.search(text, 0, hyphen.start())
        assert before is not None
        assert starts[hyphen.start()] == searched_back[hyphen.start()] == before.start()
    assert len(searched_back) == len(list(normalize._LINE_END_HYPHEN.finditer(text)))


@given(texts)
def test_edge_spaces_and_last_words_are_found_as_before(text):
    edges = [(start, end) for start, end, _ in normalize._edge_space_edits(text)]
    assert edges == [m.span() for m in EDGE_SPACE.finditer(text)]
    for line in text.split("\n"):
        new, old = normalize._LAST_WORD.search(line), LAST_WORD.search(line)
        assert (new and (new.span(), new.group(1))) == (old and (old.span(), old.group(1)))
        new_heading, old_heading = normalize._ITEM_HEADING.match(line), ITEM_HEADING.match(line)
        assert (new_heading and new_heading.span()) == (old_heading and old_heading.span())


def test_hyphenation_decisions_are_kept():
    text = normalize.normalize(
        normalize.RawText(
            pages=("Tədbirlərin müəyyənləş-\ndirilməsi, proqnoz-\nməlumat və Qeyri-\nHökumət; a-b-c-\nd, proqnoz.",),
            source=None,
            sha256="0" * 64,
            format="text",
            extractor="test",
        )
    ).text
    assert text == "Tədbirlərin müəyyənləşdirilməsi, proqnoz-məlumat və Qeyri-Hökumət; a-b-cd, proqnoz."
