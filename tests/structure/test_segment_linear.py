"""Segmentation finds where a heading's parenthesis or quote closes as the scans it replaces did.

Each heading scanned from its opening bracket (or quote) to the end of the text when it never
closed: quadratic in a long text of such headings (tests/test_scaling.py). The references below are
those scans; hypothesis compares them with the one-pass index on text made of brackets and quotes.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from reportparse.structure import segment

ORDINAL = re.compile(r"\d+(?:\.\d+)*\s*[-–—]?\s*(?:ci|cı|cu|cü)\b")


def balanced(text: str, start: int) -> int | None:
    """The scan before: end (exclusive) of the group opening at ``start``, or None if unclosed."""
    depth = 0
    for position in range(start, len(text)):
        if text[position] == "(":
            depth += 1
        elif text[position] == ")":
            depth -= 1
            if depth == 0:
                return position + 1
    return None


texts = st.lists(st.sampled_from(("(", ")", "a", "“", "”", "«", "»", '"', "\n", " ")), max_size=30).map("".join)


@given(texts)
def test_parentheses_and_quotes_close_where_the_scans_found(text):
    closers = segment._Closers(text)
    for start, char in enumerate(text):
        if char == "(":
            assert closers.parenthesis(start) == balanced(text, start)
        for quote in '”»"':
            assert closers.quote(quote, start) == text.find(quote, start)


@given(st.lists(st.sampled_from(("1", "4.2", "-", "–", " ", "  ", "\n", "ci", "cü", "a")), max_size=20).map("".join))
def test_the_ordinal_pattern_matches_as_before(text):
    new = re.compile(segment._ORDINAL)
    assert [m.span() for m in new.finditer(text)] == [m.span() for m in ORDINAL.finditer(text)]


def test_headings_with_unclosed_brackets_keep_their_commitments():
    """As before: an unclosed parenthesis gives no commitment; a quote runs to the next closing quote."""
    text = (
        "1-ci bəndin icrasına dair (Tədbir (a) açıq.\n2-ci bəndin icrasına dair: “Sənədlər.\n"
        "3-cü bənd üzrə: “X”.\n4-cü bəndin icrasına dair (Y (Z)):\n"
    )
    assert segment.find_headings(text) == [
        (0, 25, ["1"], ""),
        (44, 101, ["2"], "Sənədlər. 3-cü bənd üzrə: “X"),
        (103, 137, ["4"], "Y (Z)"),
    ]


AFTER_SENTENCE_END = re.compile(r"(?<=[.!?;:…)”»\"])[ \t]+(?=\S)")
AFTER_DOCUMENT_TYPE = re.compile(
    "(?<![^\\W\\d_])(?:"
    + "|".join(" ?".join(word) for word in ("HESABATI", "HESABAT", "MƏLUMAT", "ARAYIŞ"))
    + ")[ \t]+(?=\\S)"
)
NUMBERED_START = re.compile(r"(?<=[ \t])\d+\.[ ]+[^\W\d_]")
start_texts = st.lists(
    st.sampled_from(
        ("2.", "12", "4. ", "HESABAT", "H E S A B A T", "ARAYIŞ", "x", ".", ";", "”", " ", "\t", "\n", "a")
    ),
    max_size=30,
).map("".join)


@given(start_texts)
def test_inline_starts_are_where_the_look_behind_patterns_matched(text):
    starts = {match.start(): False for match in NUMBERED_START.finditer(text)}
    starts.update((match.end(), True) for match in AFTER_SENTENCE_END.finditer(text))
    starts.update((match.end(), True) for match in AFTER_DOCUMENT_TYPE.finditer(text))
    assert segment._inline_starts(text) == [(start, not after) for start, after in sorted(starts.items())]
