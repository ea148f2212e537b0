"""Document → sections: one per plan-item (*bənd*) heading, plus the preamble before the first.

Headings are recognised at the start of a line of the normalized text, in the forms real reports
use (see docs/tables.md, "sections"): ``1-ci bəndin icrasına dair (…):``, ``5. Fəaliyyət Planının
5-ci bəndinin icrasına dair:``, ``4.2.10-cu yarımbəndin icrası barədə``, ``Bənd 3. …``,
``3-cü bənd üzrə: “…”``, ``yarımbənd 5.3.4 üzrə …`` and ``2-ci, 43-cü və 44-cü bəndlərinin …``.
An item at the start of a line without a heading tail (``… dair``, ``… barədə``, ``… üzrə``) is
a reference inside a sentence and does not split a section. In text without line structure (a
web page, a viewer's copy) the same forms are found inside a line where a heading can stand
(:func:`find_headings`). Chapter headings (:mod:`.chapters`) open sections of their own, and every
section carries its chapter. Matching runs on the Azerbaijani case-folded text, which has the
same length, so offsets carry over.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from reportparse.document import Document
from reportparse.lang.az.orthography import (
    ITEM_HEADING_TAILS,
    ITEM_NOUNS,
    ORDINAL_SUFFIXES,
)
from reportparse.lang.az.text import TextLayer
from reportparse.structure.chapters import Chapter, find_chapters, line_matches

_NUMBER = r"\d+(?:\.\d+)*"
# ``\s*(?:-\s*)?``, not ``\s*-?\s*``: two runs of spaces side by side split a long run every way (quadratic)
_ORDINAL = rf"{_NUMBER}\s*(?:[-–—]\s*)?(?:{'|'.join(ORDINAL_SUFFIXES)})\b"
_NOUN = rf"(?:{'|'.join(ITEM_NOUNS)})\w*"
_TAIL = "|".join(tail.replace(" ", r"\s+") for tail in ITEM_HEADING_TAILS)
_HEADING_FORMS = (
    # [N. ][Fəaliyyət Planının ]1-ci[, 2-ci və 3-cü] bəndin icrasına dair
    rf"(?:(?P<numbered>\d+)\.[ ]+)?(?:[^\W\d_]+[ ]+){{0,3}}?(?:plan\w*[ ]+)?"
    rf"(?P<items>{_ORDINAL}(?:\s*,\s*{_ORDINAL})*(?:\s+və\s+{_ORDINAL})?)\s+{_NOUN}\s+(?:{_TAIL})\b",
    # Bənd 3.   |   yarımbənd 5.3.4 üzrə
    rf"{_NOUN}\s+(?P<items>{_NUMBER})(?:\s*[.:]|\s+(?:{_TAIL})\b)",
)
_HEADINGS = [re.compile(rf"(?m)^{form}") for form in _HEADING_FORMS]
# The same forms inside a line (text without line structure: a web page, a viewer's copy), kept
# only after a sentence end or the title block's document-type word (_inline_starts), outside
# parentheses, and followed by what a heading has (_INLINE_FOLLOW).
_INLINE_HEADINGS = [re.compile(rf"(?<=[ \t]){form}") for form in _HEADING_FORMS]
# The three patterns below start with what the regex engine can skip to (a look-behind first
# would have it try every position): a sentence end (its spaces end the match), a capital letter
# (the letter before is checked by _inline_starts), a digit (the space before it checked after it).
_AFTER_SENTENCE_END = re.compile(r"[.!?;:…)”»\"][ \t]+(?=\S)")
_AFTER_DOCUMENT_TYPE = re.compile(  # HESABAT, HESABATI, MƏLUMAT, ARAYIŞ, also letter-spaced (H E S A B A T)
    "(?:" + "|".join(" ?".join(word) for word in ("HESABATI", "HESABAT", "MƏLUMAT", "ARAYIŞ")) + ")[ \t]+(?=\\S)"
)
_LETTER = re.compile(r"[^\W\d_]")
_NUMBERED_START = re.compile(r"\d(?<=[ \t]\d)\d*\.[ ]+[^\W\d_]")  # 2. Fəaliyyət Planının 2-ci bəndinin …
_INLINE_FOLLOW = re.compile(  # ":" or "(", a label, or a few words before one (… üzrə görülmüş işlər (…):)
    r"[ \t]*[:(]|[ \t]+(?:tədbir|öhdəlik|tədbirin adı)[ \t]*:|[ \t]+[^\W\d_][^\n(:.]{0,40}?[(:]", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.](?=\s|\Z)|\n")
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
        chapter, chapter_title: the chapter the section belongs to (:mod:`.chapters`), its number
            as printed (``II``, ``1``, ``Birinci``) and title, or "" before the first chapter. A
            chapter heading opens a section of its own, without items.
    """

    index: int
    items: list[str]
    commitment: str
    heading_start: int
    heading_end: int
    start: int
    end: int
    chapter: str = ""
    chapter_title: str = ""


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
        self._outermost: list[tuple[int, int]] | None = None
        self._openings: list[int] = []

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

    def inside_parentheses(self, position: int) -> bool:
        """True when ``position`` lies inside a closed pair of parentheses."""
        if self._outermost is None:
            self.parenthesis(0)  # builds the index
            assert self._parentheses is not None
            self._outermost = []
            for opening, closing in sorted(self._parentheses.items()):
                if not self._outermost or opening >= self._outermost[-1][1]:
                    self._outermost.append((opening, closing))
            self._openings = [opening for opening, _closing in self._outermost]
        found = bisect.bisect_right(self._openings, position) - 1
        return found >= 0 and position < self._outermost[found][1]


def _clean(commitment: str) -> str:
    return " ".join(commitment.split()).strip(' “”"«»').rstrip(".").rstrip()


def _line_end(text: str, start: int, *, inline: bool) -> int:
    """End of the line from ``start``; in a heading inside a line, the end of its sentence."""
    if inline:
        found = _SENTENCE_END.search(text, start)
        return found.start() if found else len(text)
    line_end = text.find("\n", start)
    return len(text) if line_end < 0 else line_end


def _commitment(text: str, end: int, *, rest_of_line: bool, closers: _Closers, inline: bool = False) -> tuple[str, int]:
    """The commitment following a heading that ends at ``end``, and the heading's new end.

    In a heading inside a line (``inline``), what a line holds in a laid-out report (``Bənd 3.
    <commitment>``, a ``Tədbir: …`` label) ends at the first sentence end instead.
    """
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
    line_end = _line_end(text, end, inline=inline)
    if rest_of_line:  # Bənd 3. <commitment>.
        if inline:  # the sentence after "Bənd 3."
            line_end = _line_end(text, position, inline=True)
        return _clean(text[end:line_end].lstrip(" .:")), line_end
    colon = text[end : end + 2].strip() == ":"
    if colon and position < len(text) and text[position] in '“"«':
        closing = closers.quote({"“": "”", "«": "»"}.get(text[position], '"'), position + 1)
        if closing > 0:
            return _clean(text[position + 1 : closing]), closing + 1
    next_line = line_end
    while next_line < len(text) and text[next_line] == "\n":
        next_line += 1
    label = _LABEL.match(text, position if inline else next_line)
    if label:  # the commitment on a "Tədbir: …" line below the heading
        label_end = _line_end(text, label.end(), inline=inline)
        return _clean(text[label.end() : label_end]), end + (1 if colon else 0)
    return "", end + (1 if colon else 0)


def _inline_starts(text: str) -> list[tuple[int, bool]]:
    """Where an in-line heading may start, and whether only as a numbered heading: after a sentence
    end or a document-type word in capitals, or anywhere at ``N. `` (``2. Planın 2-ci bəndinin …``,
    kept when N is the heading's item)."""
    starts = {match.start(): False for match in _NUMBERED_START.finditer(text)}
    starts.update((match.end(), True) for match in _AFTER_SENTENCE_END.finditer(text))
    starts.update((end, True) for end in _after_document_type(text))
    return [(start, not after_sentence) for start, after_sentence in sorted(starts.items())]


def _after_document_type(text: str) -> list[int]:
    """Where the spaces after a document-type word in capitals end (the word not inside a longer one)."""
    ends: list[int] = []
    position = 0
    while (match := _AFTER_DOCUMENT_TYPE.search(text, position)) is not None:
        if match.start() > 0 and _LETTER.match(text, match.start() - 1):
            position = match.start() + 1  # a letter before it: inside a word
            continue
        ends.append(match.end())
        position = match.end()
    return ends


def _numbered_as_its_item(match: re.Match[str]) -> bool:
    """True for ``2. … 2-ci bəndinin …``: the heading's own number is its first item."""
    numbered = match.groupdict().get("numbered")
    return numbered is not None and _ITEM_NUMBER.findall(match.group("items"))[:1] == [numbered]


def _inline_matches(
    pattern: re.Pattern[str], starts: list[tuple[int, bool]], folded: str, closers: _Closers
) -> list[re.Match[str]]:
    """The matches of a heading form inside a line that stand where a heading can, in order.

    Only the places of :func:`_inline_starts` (``starts``) are tried (one match each, so a long text stays
    linear); a match is kept outside parentheses, when what a heading has follows it or when it is
    numbered as its item (``2. Fəaliyyət Planının 2-ci bəndinin icrasına dair``).
    """
    matches: list[re.Match[str]] = []
    for start, numbered_only in starts:
        if matches and start < matches[-1].end():
            continue
        match = pattern.match(folded, start)
        if match is None or closers.inside_parentheses(start):
            continue
        numbered = _numbered_as_its_item(match)
        if numbered_only and not numbered:
            continue
        if numbered or match.group().endswith((".", ":")) or _INLINE_FOLLOW.match(folded, match.end()):
            matches.append(match)
    return matches


def find_headings(text: str) -> list[tuple[int, int, list[str], str]]:
    """Every item heading of ``text``: (start, end, items, commitment), in order.

    Headings are found at the start of a line and, in text without line structure, inside a line
    after a sentence end or the title's document-type word (``… HESABATI 1. Fəaliyyət Planının
    1-ci bəndinin icrasına dair: …``), when followed by ``:``, ``(`` or a ``Tədbir:`` label and
    not inside parentheses (``(bax: … 2-ci bəndinin icrasına dair məlumat)`` is a reference).
    """
    folded = TextLayer.of(text).folded  # the document's one fold
    found: dict[int, tuple[int, int, list[str], str]] = {}
    closers = _Closers(text)
    starts = _inline_starts(text)
    for inline, patterns in ((False, _HEADINGS), (True, _INLINE_HEADINGS)):
        for kind, pattern in enumerate(patterns):
            matches = _inline_matches(pattern, starts, folded, closers) if inline else line_matches(pattern, folded)
            for match in matches:
                if match.start() in found:
                    continue
                items = _ITEM_NUMBER.findall(match.group("items"))
                rest_of_line = kind == 1 and match.group().rstrip().endswith(".")
                commitment, end = _commitment(
                    text, match.end(), rest_of_line=rest_of_line, closers=closers, inline=inline
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


_Heading = tuple[int, int, list[str], str, Chapter | None]  # start, end, items, commitment, chapter


def _headings_and_chapters(text: str) -> list[_Heading]:
    """Item headings and chapter headings in order, none inside another (a commitment may span
    lines; a chapter's title line is no item heading)."""
    found: list[_Heading] = [(*heading, None) for heading in find_headings(text)]
    found += [(chapter.start, chapter.end, [], "", chapter) for chapter in find_chapters(text)]
    kept: list[_Heading] = []
    for heading in sorted(found, key=lambda h: (h[0], h[4] is not None)):
        if kept and heading[0] < kept[-1][1]:
            continue
        kept.append(heading)
    return kept


def _table_form(document: Document, headings: list[_Heading]) -> Segmentation | None:
    """The sections of a table-form report or plan (:mod:`.table_sections`: one per table row)
    when its table gives more items than the text's headings, else None."""
    from reportparse.structure.table_sections import table_segmentation  # builds on this module's Section

    tabular = table_segmentation(document)
    if tabular is None or len(tabular.headed) <= sum(1 for heading in headings if heading[2]):
        return None
    return tabular


def segment(document: Document) -> Segmentation:
    """Split a document into sections.

    Args:
        document: the normalized document.

    Returns:
        The sections (the preamble first when there is text before the first heading), each item
        section with the chapter it stands in; a chapter heading opens a section without items. A
        document without headings is one section with no items, and a warning. A table-form
        report or plan gives a section per table row instead (:func:`_table_form`).
    """
    text = document.text
    headings = _headings_and_chapters(text)
    tabular = _table_form(document, headings)
    if tabular is not None:
        return tabular
    sections: list[Section] = []
    warnings: list[str] = []
    if not headings:
        warnings.append("no plan-item headings found; the whole text is one section")
        return Segmentation([Section(0, [], "", 0, 0, 0, len(text))], warnings)
    if not any(items for _start, _end, items, _commitment, _chapter in headings):
        warnings.append(f"no plan-item headings found; the sections are the {len(headings)} chapter headings")
    if text[: headings[0][0]].strip():
        sections.append(Section(0, [], "", 0, 0, 0, headings[0][0]))
    number, title = "", ""
    for position, (start, end, items, commitment, chapter) in enumerate(headings):
        if chapter is not None:
            number, title = chapter.number, chapter.title
        next_start = headings[position + 1][0] if position + 1 < len(headings) else len(text)
        sections.append(Section(len(sections), items, commitment, start, end, end, next_start, number, title))
    return Segmentation(sections, warnings)
