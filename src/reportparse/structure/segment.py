"""Document → sections: one per plan-item (*bənd*) heading, plus the preamble before the first.

Headings are recognised at the start of a line of the normalized text, in the forms real reports
use (see the README, "Sections"): ``1-ci bəndin icrasına dair (…):``, ``5. Fəaliyyət Planının
5-ci bəndinin icrasına dair:``, ``4.2.10-cu yarımbəndin icrası barədə``, ``Bənd 3. …``,
``3-cü bənd üzrə: “…”``, ``yarımbənd 5.3.4 üzrə …`` and ``2-ci, 43-cü və 44-cü bəndlərinin …``.
An item at the start of a line without a heading tail (``… dair``, ``… barədə``, ``… üzrə``) is
a reference inside a sentence and does not split a section. Matching runs on the Azerbaijani
case-folded text, which has the same length, so offsets carry over.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from reportparse.document import Document
from reportparse.lang.az.casing import casefold
from reportparse.lang.az.orthography import (
    ITEM_HEADING_TAILS,
    ITEM_NOUNS,
    ORDINAL_SUFFIXES,
)

_NUMBER = r"\d+(?:\.\d+)*"
# ``\s*(?:-\s*)?``, not ``\s*-?\s*``: two runs of spaces side by side split a long run every way (quadratic)
_ORDINAL = rf"{_NUMBER}\s*(?:[-–—]\s*)?(?:{'|'.join(ORDINAL_SUFFIXES)})\b"
_NOUN = rf"(?:{'|'.join(ITEM_NOUNS)})\w*"
_TAIL = "|".join(tail.replace(" ", r"\s+") for tail in ITEM_HEADING_TAILS)
_HEADINGS = [
    # [N. ][Fəaliyyət Planının ]1-ci[, 2-ci və 3-cü] bəndin icrasına dair
    re.compile(
        rf"(?m)^(?:\d+\.[ ]+)?(?:[^\W\d_]+[ ]+){{0,3}}?(?:plan\w*[ ]+)?"
        rf"(?P<items>{_ORDINAL}(?:\s*,\s*{_ORDINAL})*(?:\s+və\s+{_ORDINAL})?)\s+{_NOUN}\s+(?:{_TAIL})\b"
    ),
    # Bənd 3.   |   yarımbənd 5.3.4 üzrə
    re.compile(rf"(?m)^{_NOUN}\s+(?P<items>{_NUMBER})(?:\s*[.:]|\s+(?:{_TAIL})\b)"),
]
_ITEM_NUMBER = re.compile(_NUMBER)
_WORDS_BEFORE_PARENTHESIS = re.compile(r"[ ][^\W\d_][^\n(:]{0,40}?\(")
_PARENTHESIS = re.compile(r"[()]")
_LABEL = re.compile(r"(?:tədbir|öhdəlik|tədbirin adı)\s*:\s*", re.IGNORECASE)


@dataclass
class Section:
    """One section: a heading and its narrative, or the preamble (``items`` empty).

    Attributes:
        index: position among the document's sections (0 is the preamble, if any).
        items: the plan items the heading names, as printed (``["2", "43", "44"]``).
        commitment: the commitment stated in the heading, whitespace-normalized, or "".
        heading_start, heading_end: the heading's span (equal for the preamble).
        start, end: the narrative's span, from after the heading to the next heading.
    """

    index: int
    items: list[str]
    commitment: str
    heading_start: int
    heading_end: int
    start: int
    end: int


@dataclass
class Segmentation:
    """Sections in document order, and notes for the user (e.g. no heading found)."""

    sections: list[Section]
    warnings: list[str] = field(default_factory=list)

    @property
    def headed(self) -> list[Section]:
        """The sections that have a heading (the preamble excluded)."""
        return [section for section in self.sections if section.items]

    @property
    def heading_spans(self) -> list[tuple[int, int]]:
        """``(start, end)`` of every heading, in order."""
        return [(s.heading_start, s.heading_end) for s in self.sections if s.heading_end > s.heading_start]


class _Closers:
    """Where the parentheses and quotes of a text close, found once per text when first asked.

    A heading's commitment runs to the parenthesis or quote closing the one after it; looked for
    from each heading to the end of the text, unclosed ones made a long text quadratic.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._parentheses: dict[int, int] | None = None
        self._quotes: dict[str, list[int]] = {}

    def parenthesis(self, start: int) -> int | None:
        """End (exclusive) of the parenthesised group opening at ``start``, or None if unclosed."""
        if self._parentheses is None:
            self._parentheses = {}
            opened: list[int] = []
            for match in _PARENTHESIS.finditer(self.text):
                if match.group() == "(":
                    opened.append(match.start())
                elif opened:
                    self._parentheses[opened.pop()] = match.end()
        return self._parentheses.get(start)

    def quote(self, char: str, start: int) -> int:
        """Offset of the first ``char`` at or after ``start``, or -1 (as ``text.find``)."""
        if char not in self._quotes:
            self._quotes[char] = [match.start() for match in re.finditer(re.escape(char), self.text)]
        positions = self._quotes[char]
        found = bisect.bisect_left(positions, start)
        return positions[found] if found < len(positions) else -1


def _clean(commitment: str) -> str:
    return " ".join(commitment.split()).strip(' “”"«»').rstrip(".").rstrip()


def _commitment(text: str, end: int, *, rest_of_line: bool, closers: _Closers) -> tuple[str, int]:
    """The commitment following a heading that ends at ``end``, and the heading's new end."""
    position = end
    while position < len(text) and text[position] in " \n:":
        position += 1
    words_before = _WORDS_BEFORE_PARENTHESIS.match(text, end)
    if words_before and not rest_of_line:  # yarımbənd 5.3.4 üzrə görülmüş işlər (…):
        position = words_before.end() - 1
    if position < len(text) and text[position] == "(":
        closing = closers.parenthesis(position)
        if closing is not None:
            heading_end = closing + 1 if text[closing : closing + 1] == ":" else closing
            return _clean(text[position + 1 : closing - 1]), heading_end
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if rest_of_line:  # Bənd 3. <commitment>.
        return _clean(text[end:line_end].lstrip(" .:")), line_end
    colon = text[end : end + 2].strip() == ":"
    if colon and position < len(text) and text[position] in '“"«':
        closing = closers.quote({"“": "”", "«": "»"}.get(text[position], '"'), position + 1)
        if closing > 0:
            return _clean(text[position + 1 : closing]), closing + 1
    next_line = line_end
    while next_line < len(text) and text[next_line] == "\n":
        next_line += 1
    label = _LABEL.match(text, next_line)
    if label:  # the commitment on a "Tədbir: …" line below the heading
        label_end = text.find("\n", label.end())
        label_end = len(text) if label_end < 0 else label_end
        return _clean(text[label.end() : label_end]), end + (1 if colon else 0)
    return "", end + (1 if colon else 0)


def find_headings(text: str) -> list[tuple[int, int, list[str], str]]:
    """Every item heading of ``text``: (start, end, items, commitment), in order."""
    folded = casefold(text)
    found: dict[int, tuple[int, int, list[str], str]] = {}
    closers = _Closers(text)
    for kind, pattern in enumerate(_HEADINGS):
        for match in pattern.finditer(folded):
            if match.start() in found:
                continue
            items = _ITEM_NUMBER.findall(match.group("items"))
            commitment, end = _commitment(
                text, match.end(), rest_of_line=kind == 1 and match.group().rstrip().endswith("."), closers=closers
            )
            found[match.start()] = (match.start(), max(end, match.end()), items, commitment)
    headings = [found[start] for start in sorted(found)]
    # A heading's commitment may span lines; a "heading" inside it is not one.
    kept: list[tuple[int, int, list[str], str]] = []
    for heading in headings:
        if kept and heading[0] < kept[-1][1]:
            continue
        kept.append(heading)
    return kept


def segment(document: Document) -> Segmentation:
    """Split a document into sections.

    Args:
        document: the normalized document.

    Returns:
        The sections (the preamble first when there is text before the first heading). A
        document without headings is one section with no items, and a warning.
    """
    text = document.text
    headings = find_headings(text)
    sections: list[Section] = []
    warnings: list[str] = []
    if not headings:
        warnings.append("no plan-item headings found; the whole text is one section")
        return Segmentation([Section(0, [], "", 0, 0, 0, len(text))], warnings)
    if text[: headings[0][0]].strip():
        sections.append(Section(0, [], "", 0, 0, 0, headings[0][0]))
    for number, (start, end, items, commitment) in enumerate(headings):
        next_start = headings[number + 1][0] if number + 1 < len(headings) else len(text)
        sections.append(Section(len(sections), items, commitment, start, end, end, next_start))
    return Segmentation(sections, warnings)
