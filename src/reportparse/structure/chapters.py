"""Chapter headings: the level above plan items in codes, state programmes and long reports.

Recognised at the start of a line of the normalized text (matched on the Azerbaijani case-folded
text, which has the same length, so offsets carry over):

* the number, then the word: ``I fəsil``, ``II FƏSİL. Ümumi müddəalar``, ``Birinci fəsil``,
  ``On beşinci fəsil``, ``IV BÖLMƏ``, ``3-cü bölmə``;
* the word, then the number: ``Fəsil 1``, ``FƏSİL 2 ƏCNƏBİLƏRİN …``, ``Bölmə 3``;
* a Roman numeral with a dot and a short title alone on a line: ``III. Ümumi müddəalar``.

The title is the rest of the heading's line or, when the line holds only the number, the next
line when it reads as a title (short, no sentence end, not an article, footnote markers such as
``[12]`` skipped). A line holding a part and a chapter (``I BÖLMƏ ÜMUMİ MÜDDƏALAR FƏSİL 1 …``)
gives two headings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from reportparse.lang.az.casing import casefold
from reportparse.lang.az.numbers import ORDINALS, TENS
from reportparse.lang.az.orthography import ORDINAL_SUFFIXES
from reportparse.lang.az.text import TextLayer

_ROMAN_FOLDED = r"[ıivxlc]{1,7}"  # I folds to ı, İ to i
_ORDINAL_WORD = rf"(?:(?:{'|'.join(TENS)})[ ]+)?(?:{'|'.join(sorted(ORDINALS, key=len, reverse=True))})"
_KIND = r"(?P<kind>fəsil|bölmə)"
_NUMBER = rf"(?P<number>{_ROMAN_FOLDED}|\d{{1,3}}(?:[ ]*-?[ ]*(?:{'|'.join(ORDINAL_SUFFIXES)}))?|{_ORDINAL_WORD})"
_END = r"(?![\w-])"  # not Fəsil 1-də, not bölmədən
_HEADING_FORMS = (rf"{_NUMBER}[ ]*\.?[ ]+{_KIND}{_END}", rf"{_KIND}[ ]+{_NUMBER}{_END}")  # II FƏSİL | Fəsil 1
_FORMS = tuple(re.compile(rf"(?m)^[ \t]*{form}") for form in _HEADING_FORMS)  # at the start of a line
_INLINE_FORMS = tuple(re.compile(form) for form in _HEADING_FORMS)  # after a part's title on its line
_NESTED = re.compile(rf"[ ](?=(?:{'|'.join(_HEADING_FORMS)}))".replace("?P<kind>", "?:").replace("?P<number>", "?:"))
_ROMAN_TITLE_LINE = re.compile(rf"(?m)^[ \t]*(?P<number>{_ROMAN_FOLDED})\.[ ]+(?P<title>[^\n]+)$")
_ROMAN = re.compile(r"(?=[IVXLC])(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_FOOTNOTE_MARK = re.compile(r"\[\d+\]")
_NOT_A_TITLE = re.compile(r"(?:\d|m ?a ?d ?d ?ə(?![^\W\d_])|bənd|yarımbənd)")
TITLE_MAX_CHARS = 200
"""A line longer than this is no chapter title (a table of contents, a paragraph)."""
_SHORT_LINE = 150  # a Roman numeral with a dot opens a chapter only on a line this short


@dataclass(frozen=True)
class Chapter:
    """One chapter heading.

    Attributes:
        start, end: the heading's span (number, word and title, the title's line included).
        kind: ``fəsil``, ``bölmə``, or "" for a bare Roman numeral (``III. Ümumi müddəalar``).
        number: the number as printed (``II``, ``1``, ``Birinci``, ``On beşinci``).
        title: the title, whitespace-normalized, or "".
    """

    start: int
    end: int
    kind: str
    number: str
    title: str


def _clean(title: str) -> str:
    return " ".join(title.split()).strip(" .:–—-")


def _number_ok(text: str, start: int, end: int) -> bool:
    """Digits and ordinal words pass; a Roman numeral must be a valid one, in capitals."""
    number = text[start:end]
    return number[:1].isdigit() or casefold(number).split()[-1] in ORDINALS or bool(_ROMAN.fullmatch(number))


def _title_below(text: str, folded: str, end: int) -> tuple[str, int]:
    """The next line as a title when it reads as one, and where it ends; else ("", ``end``)."""
    position = end
    while True:
        line_start = text.find("\n", position)
        if line_start < 0:
            return "", end
        line_start += 1
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        line = text[line_start:line_end].strip()
        if line and not _FOOTNOTE_MARK.fullmatch(line):
            break
        position = line_end
        if line_end >= len(text):
            return "", end
    lowered = casefold(line)
    if (
        len(line) > TITLE_MAX_CHARS
        or line.endswith((".", ";", ",", ":"))
        or _NOT_A_TITLE.match(lowered)
        or any(form.match(folded, line_start) for form in _FORMS)
    ):
        return "", end
    return _clean(line), line_start + len(text[line_start:line_end].rstrip())


def _nested(text: str, folded: str, start: int, line_end: int) -> re.Match[str] | None:
    """A chapter heading later on the same line (``I BÖLMƏ ÜMUMİ MÜDDƏALAR FƏSİL 1 …``), or None."""
    nested = _NESTED.search(folded, start, line_end)
    if nested is None:
        return None
    inner = next((m for form in _INLINE_FORMS if (m := form.match(folded, nested.end(), line_end))), None)
    return inner if inner is not None and _number_ok(text, inner.start("number"), inner.end("number")) else None


def _headings(text: str, folded: str, match: re.Match[str] | None) -> list[Chapter]:
    """The chapter a match opens (its title from the rest of the line or the line below), and the
    chapters opened later on the same line; none when a title runs on like a sentence."""
    chapters: list[Chapter] = []
    while match is not None:
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        inner = _nested(text, folded, match.end(), line_end)
        rest_end = inner.start() if inner is not None else line_end
        title = _clean(text[match.end() : rest_end])
        end = match.end() + len(text[match.end() : rest_end].rstrip())
        if len(title) > TITLE_MAX_CHARS:  # a sentence that starts with "II bölmə …", not a heading
            break
        if not title and inner is None:
            title, end = _title_below(text, folded, end)
        number = " ".join(text[match.start("number") : match.end("number")].split())
        start = min(match.start("kind"), match.start("number"))
        chapters.append(Chapter(start, end, match.group("kind"), number, title))
        match = inner
    return chapters


_LINE_BREAK = re.compile("\n")


def line_matches(pattern: re.Pattern[str], text: str, starts: list[int] | None = None) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` gives (one by one, as it does) for a pattern that starts
    with ``(?m)^``, tried at the line starts (``starts``, else found here) only: the engine would try
    every place."""
    if starts is None:
        starts = [0, *(match.end() for match in _LINE_BREAK.finditer(text))]
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)) is not None:
            end = match.end()
            yield match


def find_chapters(text: str) -> list[Chapter]:
    """Every chapter heading of ``text``, in order.

    Args:
        text: the normalized text.

    Returns:
        The chapter headings; none overlaps another.
    """
    folded = TextLayer.of(text).folded  # the document's one fold
    starts = [0, *(match.end() for match in _LINE_BREAK.finditer(folded))]
    found: list[Chapter] = []
    for form in _FORMS:
        for match in line_matches(form, folded, starts):
            if _number_ok(text, match.start("number"), match.end("number")):
                found += _headings(text, folded, match)
    for match in line_matches(_ROMAN_TITLE_LINE, folded, starts):
        title = text[match.start("title") : match.end("title")].strip()
        if (
            len(match.group().strip()) <= _SHORT_LINE
            and len(title.split()) >= 2
            and not title.endswith((".", ";", ","))
            and _ROMAN.fullmatch(text[match.start("number") : match.end("number")])
            and not _NESTED.search(folded, match.start("title"), match.end("title"))
        ):
            end = match.start("title") + len(title)
            found.append(
                Chapter(
                    match.start("number"), end, "", text[match.start("number") : match.end("number")], _clean(title)
                )
            )
    kept: list[Chapter] = []
    for chapter in sorted(found, key=lambda c: (c.start, -c.end)):
        if kept and chapter.start < kept[-1].end:
            continue
        kept.append(chapter)
    return kept
