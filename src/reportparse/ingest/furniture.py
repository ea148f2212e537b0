"""Find page furniture: running headers, footers and page numbers of paginated text.

A line is furniture when it sits at the top or bottom edge of a page and the same line (digits
ignored, so ``Səhifə 3/9`` matches ``Səhifə 4/9``) sits at that edge on most pages. Requiring
both position and repetition is what keeps real text: a bare ``12`` in the middle of a page,
or a heading that happens to start one page, is never dropped.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from reportparse.lang.az.casing import casefold
from reportparse.lang.az.orthography import ORDINAL_SUFFIXES

EDGE_LINES = 3
"""How many non-empty lines at each page edge may be furniture."""

MIN_SHARE = 0.5
"""A line is running furniture when it recurs at the same edge on more than this share of pages."""

_DIGITS = re.compile(r"\d+")
_COUNTER = re.compile(rf"\d+(?!\d|\s*[-–]\s*(?:{'|'.join(ORDINAL_SUFFIXES)})\b)")
_SPACE = re.compile(r"\s+")
_LINE_END = re.compile(r"\r\n|\r|\n")
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*#\s*[-–—]|#|#\s*/\s*#|(?:səhifə|səh\.|page|стр\.)\s*#(?:\s*(?:/|of|-dən|dən)\s*#)?)$",
    re.IGNORECASE,
)
PAGE_NUMBER_SLACK = 2
"""A lone number in the margin is a page number if it is within this of the page's index
(cover pages shift numbering); bracketed ``[3]`` is never one: those are footnote marks."""


@dataclass(frozen=True)
class Line:
    """A line of a page: its text and its span in the page text.

    ``in_margin`` is None when the reader has no geometry, else whether the line lies in the
    top or bottom margin band of the page.
    """

    text: str
    start: int
    end: int
    in_margin: bool | None = None


def split_lines(page: str) -> list[Line]:
    """Split page text into lines with spans (``\\r\\n``, ``\\n`` and ``\\r`` all end a line)."""
    lines, pos = [], 0
    for match in _LINE_END.finditer(page):
        lines.append(Line(page[pos : match.start()], pos, match.start()))
        pos = match.end()
    lines.append(Line(page[pos:], pos, len(page)))
    return lines


def signature(text: str) -> str:
    """Key under which two furniture lines count as the same: digits and spacing ignored.

    Ordinals keep their digits (``1-ci bənd`` and ``2-ci bənd`` are different headings, while
    ``Səhifə 3`` and ``Səhifə 4`` are the same footer).
    """
    return _SPACE.sub(" ", _COUNTER.sub("#", casefold(text))).strip()


def is_page_number(text: str, page_number: int | None = None) -> bool:
    """True for ``3``, ``- 3 -``, ``Səhifə 3/9``, ``3 / 9`` and the like.

    Args:
        text: the line.
        page_number: when given, the (first) number must also be within
            :data:`PAGE_NUMBER_SLACK` of it.
    """
    if not _PAGE_NUMBER.match(signature(text)):
        return False
    if page_number is None:
        return True
    digits = _DIGITS.search(text)
    assert digits is not None  # _PAGE_NUMBER matched, so the line has a number
    return abs(int(digits.group()) - page_number) <= PAGE_NUMBER_SLACK


def _edge(lines: Sequence[Line], *, bottom: bool) -> list[Line]:
    content = [line for line in lines if line.text.strip()]
    return list(reversed(content[-EDGE_LINES:])) if bottom else content[:EDGE_LINES]


def find_furniture(pages: Sequence[Sequence[Line]]) -> list[list[Line]]:
    """Return, for each page, the lines that are running headers, footers or page numbers.

    Args:
        pages: the lines of every page, in order.

    Returns:
        One list per page of the furniture lines found on it (possibly empty).
    """
    found: list[list[Line]] = [[] for _ in pages]
    if len(pages) < 2:
        return found
    needed = max(2, math.floor(MIN_SHARE * len(pages)) + 1)
    for bottom in (False, True):
        edges = [_edge(lines, bottom=bottom) for lines in pages]
        counts = Counter(sig for edge in edges for sig in {signature(line.text) for line in edge})
        recurring = {sig for sig, n in counts.items() if n >= needed}
        for page_index, edge in enumerate(edges):
            # Only a run of furniture touching the page edge is dropped, never a line below
            # real text.
            for line in edge:
                if line.in_margin is False:
                    break
                sig = signature(line.text)
                if sig in recurring or (line.in_margin and is_page_number(line.text, page_index + 1)):
                    found[page_index].append(line)
                else:
                    break
    return found
