"""RawText → Document: clean text with an offset map back to the raw extraction.

Each step is a set of edits (replace span ``[start, end)`` by a string) applied by
:class:`_Editable`, which keeps, for every character, the raw offset it came from. Edits only
delete, replace or join, never reorder, so the map stays non-decreasing. The steps, in order:

1. drop page furniture (headers, footers, page numbers) found by the reader;
2. character clean-up: line ends, form feeds, soft hyphens, zero-width and odd spaces;
3. Cyrillic look-alike letters inside Latin words → Latin letters, then Unicode NFC;
4. letter-spaced headings (``H E S A B A T``, ``Ö n    s ö z``) → words;
5. space runs → one space, no spaces at line edges;
6. line-end hyphenation of one word removed, real compounds (``Qeyri-\\nHökumət``) kept;
7. lines joined into paragraphs; paragraph breaks kept as one blank line.

Bidirectional controls and private-use characters (from a PDF font without a Unicode map) are
kept, and noted once in the document's ``raw.warnings``. Every step is linear in the text's
length (``tests/test_scaling.py``).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable

import numpy as np

from reportparse.document import Document, OffsetMap, Page, RawText
from reportparse.errors import ReportParseWarning
from reportparse.lang.az.casing import casefold
from reportparse.lang.az.orthography import (
    COMPOUND_FIRST_PARTS,
    CONTINUATION_WORDS,
    CYRILLIC_HOMOGLYPHS,
    HOMOGLYPH_TABLE,
    ITEM_NOUNS,
    ORDINAL_SUFFIXES,
)

DOC_ID_LENGTH = 12

Edit = tuple[int, int, str]


class _Editable:
    """A text under normalization together with its map to raw offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.to_raw = np.arange(len(text) + 1, dtype=np.int64)

    def apply(self, edits: Iterable[Edit]) -> None:
        """Apply sorted, non-overlapping edits.

        A replacement of the same length maps character by character; any other maps all its
        characters to the raw offset of the replaced span's first character.
        """
        pieces: list[str] = []
        lengths: list[int] = []  # output segment lengths
        sources: list[int] = []  # where each output segment starts in the current text
        steps: list[int] = []  # 1: segment copies its source, 0: all of it maps to one char
        pos = 0
        text = self.text
        for start, end, replacement in edits:
            if start < pos or end < start:
                raise ValueError("edits must be sorted and must not overlap")
            if start > pos:
                pieces.append(text[pos:start])
                lengths.append(start - pos)
                sources.append(pos)
                steps.append(1)
            if replacement:
                pieces.append(replacement)
                lengths.append(len(replacement))
                sources.append(start)
                steps.append(1 if len(replacement) == end - start else 0)
            pos = end
        if not lengths and pos == 0:
            return  # no edit at all
        if pos < len(text):
            pieces.append(text[pos:])
            lengths.append(len(text) - pos)
            sources.append(pos)
            steps.append(1)
        # Final entry: the end of the text maps to the end of the raw text.
        lengths.append(1)
        sources.append(len(text))
        steps.append(1)
        length_array = np.asarray(lengths, dtype=np.int64)
        starts = np.cumsum(length_array) - length_array
        within = np.arange(int(length_array.sum()), dtype=np.int64) - np.repeat(starts, length_array)
        index = np.repeat(np.asarray(sources, dtype=np.int64), length_array)
        index += within * np.repeat(np.asarray(steps, dtype=np.int64), length_array)
        self.text = "".join(pieces)
        self.to_raw = self.to_raw[index]

    def sub(self, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str | None]) -> None:
        """Replace every match by ``replace(match)``; None leaves the match as it is."""
        edits = []
        for match in pattern.finditer(self.text):
            replacement = replace(match)
            if replacement is not None and replacement != match.group():
                edits.append((match.start(), match.end(), replacement))
        self.apply(edits)


# --- 1. furniture --------------------------------------------------------------------------


def _furniture_edits(raw: str, spans: Iterable[tuple[int, int]]) -> list[Edit]:
    """Delete each furniture line together with one adjacent line break, so that dropping a
    footer does not leave a blank line that would read as a paragraph break."""
    edits: list[Edit] = []
    for start, end in sorted(spans):
        if raw.startswith("\r\n", end):
            end += 2
        elif end < len(raw) and raw[end] == "\n":
            end += 1
        elif start >= 2 and raw[start - 2 : start] == "\r\n":
            start -= 2
        elif start >= 1 and raw[start - 1] == "\n":
            start -= 1
        if edits and start < edits[-1][1]:
            start = edits[-1][1]
        if start < end:
            edits.append((start, end, ""))
    return edits


# --- 2. characters -------------------------------------------------------------------------

_PDFIUM_HYPHEN = re.compile("\ufffe")
_SOFT_HYPHEN = re.compile("\u00ad(?:[ \t]*(?:\r\n|\r|\n))?")
# Patterns here start with one character or class, not a repeat or an alternative, so that the
# search skips fast to where a match can start.
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff"
_BREAK_CHARS = "\r\f\v\u2028\u2029\x1c\x1d\x1e\x85"
_ODD_SPACE_CHARS = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\x00-\x08\x0e-\x1b\x1f\x7f"
_LINE_BREAK_CHARS = re.compile(f"[{_BREAK_CHARS}](?:(?<=\r)\n)?")  # \r\n is one break
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}][{_INVISIBLE_CHARS}]*")
_ODD_SPACE = re.compile(f"[{_ODD_SPACE_CHARS}]")
_ODD_CHARACTER = re.compile(f"[{_INVISIBLE_CHARS}{_BREAK_CHARS}{_ODD_SPACE_CHARS}]")  # one scan of a clean text
_NON_ASCII_RUN = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")
_COMBINING_RUN = re.compile(r".[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff]+", re.DOTALL)


def _clean_characters(doc: _Editable) -> None:
    # PDFium marks a hyphen it joined across a line end with U+FFFE (``sui\ufffeistifadə``):
    # restore hyphen and line break and let the line-end hyphenation step decide.
    doc.sub(_PDFIUM_HYPHEN, lambda m: "-\n")
    doc.sub(_SOFT_HYPHEN, lambda m: "")
    if _ODD_CHARACTER.search(doc.text) is None:
        return
    doc.sub(_INVISIBLE, lambda m: "")
    doc.sub(_LINE_BREAK_CHARS, lambda m: "\n")
    doc.sub(_ODD_SPACE, lambda m: " ")


def _compose(doc: _Editable) -> None:
    """Unicode NFC, run after the look-alike fix: Latin ``h`` + U+0308 composes, Cyrillic ``һ`` does not."""
    if not unicodedata.is_normalized("NFC", doc.text):
        doc.sub(_COMBINING_RUN, lambda m: unicodedata.normalize("NFC", m.group()))
    # Rare leftovers (singletons such as U+212A KELVIN SIGN, other scripts' marks): NFC per run of
    # non-ASCII characters; an ASCII character never composes with what precedes it, so runs are
    # independent and the map stays fine-grained.
    if not unicodedata.is_normalized("NFC", doc.text):
        doc.sub(_NON_ASCII_RUN, lambda m: unicodedata.normalize("NFC", m.group()))


# --- 3. homoglyphs -------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile("[\u0400-\u04ff\u0500-\u052f]")
_HOMOGLYPH_CHARS = frozenset(CYRILLIC_HOMOGLYPHS)
_CONTEXT = 80  # characters on each side that decide the script of an all-Cyrillic word


def _latin_context(text: str, start: int, end: int) -> bool:
    around = text[max(0, start - _CONTEXT) : start] + text[end : end + _CONTEXT]
    cyrillic = len(_CYRILLIC.findall(around))
    latin = sum(1 for ch in around if ch.isalpha()) - cyrillic
    return latin > 3 * cyrillic


def _fix_homoglyphs(doc: _Editable) -> None:
    if not _CYRILLIC.search(doc.text):
        return

    def replace(match: re.Match[str]) -> str | None:
        word = match.group()
        cyrillic = _CYRILLIC.findall(word)
        if not cyrillic:
            return None
        if len(cyrillic) < len(word):  # mixed-script word: always a look-alike error
            return word.translate(HOMOGLYPH_TABLE)
        # An all-Cyrillic word is real Cyrillic unless every letter has a Latin twin and the
        # text around it is Latin.
        if set(word) <= _HOMOGLYPH_CHARS and _latin_context(match.string, match.start(), match.end()):
            return word.translate(HOMOGLYPH_TABLE)
        return None

    doc.sub(_WORD, replace)


# --- 4. letter-spaced headings -------------------------------------------------------------

_LETTER_SPACED = re.compile(r"(?m)^[ ]*([^\W\d_](?:[ ]+[^\W\d_]){2,})[ ]*$")
_GAP = re.compile(r"[ ]+")


def _join_letter_spacing(doc: _Editable) -> None:
    edits: list[Edit] = []
    for match in _LETTER_SPACED.finditer(doc.text):
        gaps = list(_GAP.finditer(match.group(1)))
        narrow = min(len(gap.group()) for gap in gaps)
        base = match.start(1)
        for gap in gaps:
            # The narrowest gap separates letters, wider ones separate words.
            replacement = "" if len(gap.group()) == narrow else " "
            edits.append((base + gap.start(), base + gap.end(), replacement))
    doc.apply(edits)


# --- 5. spaces -----------------------------------------------------------------------------

_SPACE_RUN = re.compile(r"  +")  # two or more
_SPACED_BREAK = re.compile(r"\n(?:(?<= \n)|(?= ))")  # a line break with a space beside it: found fast


def _edge_space_edits(text: str) -> list[Edit]:
    """The deletion of every whole run of spaces that starts or ends a line (or the text).

    The runs are found from the line breaks beside them, so a text's spaces between words are
    never looked at one by one.
    """
    edits: list[Edit] = []

    def delete(start: int, end: int) -> None:
        if start < end and not (edits and edits[-1][0] == start):  # a line of spaces is one run
            edits.append((start, end, ""))

    end = 0
    while end < len(text) and text[end] == " ":
        end += 1
    delete(0, end)
    for match in _SPACED_BREAK.finditer(text):
        start = end = match.start()
        while start and text[start - 1] == " ":
            start -= 1
        delete(start, end)
        start = end = end + 1
        while end < len(text) and text[end] == " ":
            end += 1
        delete(start, end)
    start = end = len(text)
    while start and text[start - 1] == " ":
        start -= 1
    delete(start, end)
    return edits


def _collapse_spaces(doc: _Editable) -> None:
    doc.apply(_edge_space_edits(doc.text))
    doc.sub(_SPACE_RUN, lambda m: " ")


# --- 6. line-end hyphenation ---------------------------------------------------------------

# ``-⏎`` between letters; the look-behind comes after the ``-⏎``, which the search finds fast.
_LINE_END_HYPHEN = re.compile(r"-\n(?<=[^\W\d_]-\n)(?=[^\W\d_])")
# The whole word before a ``-⏎``. It may start only where a word starts (not after a letter or a
# letter and a hyphen), so a long word is read once, not once from each of its letters.
_WORD_BEFORE_BREAK = re.compile(r"(?<![^\W\d_])(?<![^\W\d_]-)[^\W\d_]+(?:-[^\W\d_]+)*(?=-\n)")
_WORD_AFTER = re.compile(r"[^\W\d_]+")
_WORD_SPAN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_STEM = 5  # a right-hand fragment that begins like a word of the text is a word itself
_WINDOW = 64  # characters searched back for the word before a ``-⏎`` (doubled while the word is longer)


def _word_starts(text: str) -> dict[int, int]:
    """The start of the word before each line-end hyphen between letters (``-⏎`` offset → start).

    Each word is searched for in a window before its hyphen, doubled while the word may reach
    further back: the words are disjoint, so the whole text costs a pass over them, not over
    the text from its start.
    """
    starts: dict[int, int] = {}
    for hyphen in _LINE_END_HYPHEN.finditer(text):
        at, window = hyphen.start(), _WINDOW
        while True:
            low = max(0, at - window)
            found = [m.start() for m in _WORD_BEFORE_BREAK.finditer(text, low, at + 2) if m.end() == at]
            if found or low == 0:
                break
            window *= 2
        starts[at] = found[0]
    return starts


def _without_split_words(text: str, word_starts: dict[int, int] | None = None) -> str:
    """``text`` with every word split by a line-end hyphen (``müəyyənləş-⏎dirilməsi``) replaced by a space.

    A split word runs from the start of the word before its ``-⏎`` (or, when the letters after
    an earlier ``-⏎`` run into it, from the first letter after them) to the end of the letters
    after it, as a left-to-right scan for ``word-⏎letters`` finds them.
    """
    pieces, position = [], 0
    for at, start in (_word_starts(text) if word_starts is None else word_starts).items():
        if at <= position:  # the letters after the previous split reach this hyphen
            continue
        start = max(start, position + 1 if position else 0)
        end = _WORD_AFTER.match(text, at + 2).end()  # type: ignore[union-attr]  # a letter follows
        pieces += [text[position:start], " "]
        position = end
    return "".join(pieces) + text[position:] if pieces else text


def _dehyphenate(doc: _Editable) -> None:
    """Decide each ``word-⏎word``: one word hyphenated by the layout, or a real compound.

    The evidence is the rest of the document (the split pieces themselves excluded): the joined
    or the hyphenated form occurring elsewhere, a left part that is a word or a known compound
    part, a right part that begins like a word of the text. Without evidence the pieces are
    joined: a syllable (``müəyyənləş-⏎dirilməsi``) is no word of its own.
    """
    if "-\n" not in doc.text:
        return
    text = doc.text
    word_start = _word_starts(text)
    words = set(_WORD_SPAN.findall(casefold(_without_split_words(text, word_start))))
    parts = {piece for word in words for piece in word.split("-")} | words
    stems = {word[:_STEM] for word in parts if len(word) >= _STEM}

    def replace(match: re.Match[str]) -> str:
        after_match = _WORD_AFTER.match(text, match.end())
        assert after_match is not None  # _LINE_END_HYPHEN's lookahead: a letter follows
        after = after_match.group()
        if after[0].isupper():  # Qeyri-⏎Hökumət: a new capitalised word, the hyphen is real
            return "-"
        # _LINE_END_HYPHEN's lookbehind: a letter precedes, so a word ends at the hyphen
        left = casefold(text[word_start[match.start()] : match.start()])
        right = casefold(after)
        if left + right in words:
            return ""
        last_part = left.rsplit("-", 1)[-1]
        if f"{left}-{right}" in words or last_part in COMPOUND_FIRST_PARTS or last_part in parts:
            return "-"
        if right in parts or (len(right) >= _STEM and right[:_STEM] in stems):
            return "-"
        return ""

    doc.sub(_LINE_END_HYPHEN, replace)


# --- 7. paragraphs -------------------------------------------------------------------------

_BREAKS = re.compile(r"\n\n*")  # one or more
_SENTENCE_END = tuple(".:;!?…")
_SENTENCE_END_OR_PARENTHESIS = (*_SENTENCE_END, ")")
_ITEM_HEADING = re.compile(  # 1-ci bəndin …
    rf"\d+(?:\.\d+)*\s*(?:[-–]\s*)?(?:{'|'.join(ORDINAL_SUFFIXES)})\s+(?:{'|'.join(ITEM_NOUNS)})"
)
_BLOCK_START = re.compile(
    r"(?:\d+(?:\.\d+)*[.)]\s"  # 1. / 1.2) numbered points
    r"|[-–—•▪●◦*]\s"  # dash and bullet lists
    r"|[a-zəçşğöüı]\)\s"  # a) lettered points
    r"|(?:Maddə|Bənd|Fəsil|MADDƏ)\s+\d"
    r"|[A-ZƏİÖÜÇŞĞ][^\W\d_]*(?: [^\W\d_]+){0,2}:(?:\s|$))"  # İcra müddəti: … (a labelled field)
)
_LAST_WORD = re.compile(r"(?<![^\W\d_])([^\W\d_]+)\W*$")  # a word is tried from its first letter only
_LAST_WORD_REACH = 80


def _letter_class(line: str) -> str:
    if not any(map(str.isalpha, line)):  # each scan stops at the first character it looks for
        return "none"
    return "upper" if not any(map(str.isalpha, filter(str.islower, line))) else "mixed"


def _continues(previous: str) -> bool:
    """True when a line cannot end there: a comma, an open bracket or quote, or a conjunction."""
    if previous.endswith((",", "(", "“", "«", "„")):
        return True
    if not previous.rstrip()[-1:].isalpha():
        return False
    # The line ends in a letter, so in a word: looked for near the end, then (a longer word) in the whole line.
    last = _LAST_WORD.search(previous, max(0, len(previous) - _LAST_WORD_REACH)) or _LAST_WORD.search(previous)
    return last is not None and casefold(last.group(1)) in CONTINUATION_WORDS


def _starts_block(previous: str, following: str) -> bool:
    if _BLOCK_START.match(following):
        return True
    # An item heading starts a block only after a finished line: `… Planının⏎4.2.10-cu
    # yarımbəndinin icrası` is a reference inside a sentence.
    return previous.endswith(_SENTENCE_END_OR_PARENTHESIS) and bool(_ITEM_HEADING.match(following))


def _join_lines(doc: _Editable) -> None:
    text = doc.text

    def replace(match: re.Match[str]) -> str:
        start, end = match.start(), match.end()
        if start == 0 or end == len(text):
            return ""
        previous = text[text.rfind("\n", 0, start) + 1 : start]
        following_end = text.find("\n", end)
        following = text[end : following_end if following_end >= 0 else len(text)]
        mid_sentence = not previous.endswith(_SENTENCE_END) and (following[:1].islower() or _continues(previous))
        if end - start > 1:  # a blank line: a paragraph break unless mid-sentence
            return " " if mid_sentence and not _starts_block(previous, following) else "\n\n"
        if _starts_block(previous, following):
            return "\n"
        if mid_sentence:
            return " "
        if _letter_class(previous) != _letter_class(following):
            return "\n"  # e.g. an uppercase label above its value: keep them apart
        if previous.endswith(_SENTENCE_END) and not following[:1].islower():
            return "\n"  # a sentence ending at a line end may end a paragraph: keep the break
        return " "

    doc.sub(_BREAKS, replace)


# --- suspicious characters -----------------------------------------------------------------

# Bidirectional embeddings, overrides and isolates, and private-use characters (the BMP's area and
# planes 15-16): printed text has none, a PDF font without a proper Unicode map gives them.
_SUSPICIOUS = re.compile("[\u202a-\u202e\u2066-\u2069\ue000-\uf8ff\U000f0000-\U0010ffff]")


def _suspicious_characters(text: str, pages: list[Page]) -> str | None:
    """A note on the bidirectional controls and private-use characters of ``text``, or None.

    They are kept (every offset stays that of the text), and reported once: how many, and where
    the first is.
    """
    first = _SUSPICIOUS.search(text)
    if first is None:
        return None
    count = 1 + sum(1 for _ in _SUSPICIOUS.finditer(text, first.end()))
    where = f"offset {first.start():,}"
    if len(pages) > 1:
        page = pages[max(bisect.bisect_right([p.start for p in pages], first.start()) - 1, 0)]
        where += f", page {page.number}"
    return (
        f"{count:,} bidirectional control or private-use character{'s' if count > 1 else ''} in the text,"
        f" the first (U+{ord(first.group()):04X}) at {where}: a PDF font without a proper Unicode map?"
        " They are kept in the text, but words around them may be missed"
    )


_SURROGATE = re.compile("[\ud800-\udfff]")


def _replace_surrogates(raw: RawText) -> RawText:
    """The raw text with every unpaired surrogate (a broken font map or a bad decoder gives them;
    no file format can store them) replaced by U+FFFD, one for one, so every offset holds, and a
    note saying how many; ``raw`` itself when there are none."""
    text = raw.text
    first = _SURROGATE.search(text)
    if first is None:
        return raw
    count = len(_SURROGATE.findall(text, first.start()))
    note = (
        f"{count:,} unpaired surrogate code point{'s' if count > 1 else ''} (the first at offset {first.start():,})"
        " replaced by U+FFFD: the extracted text was damaged there"
    )
    warnings.warn(f"{raw.source}: {note}" if raw.source else note, ReportParseWarning, stacklevel=3)
    pages = tuple(_SURROGATE.sub("\ufffd", page) for page in raw.pages)  # the text is the pages joined
    return dataclasses.replace(raw, pages=pages, warnings=(*raw.warnings, note))


# --- the public entry point ----------------------------------------------------------------


def normalize(raw: RawText, *, doc_id: str | None = None) -> Document:
    """Normalize extracted text into a :class:`Document`.

    Args:
        raw: the reader's output.
        doc_id: an id to use instead of the SHA-256 prefix of the input bytes.

    Returns:
        The document with normalized text, the offset map and page spans.
    """
    raw = _replace_surrogates(raw)
    doc = _Editable(raw.text)
    doc.apply(_furniture_edits(raw.text, raw.furniture))
    _clean_characters(doc)
    _fix_homoglyphs(doc)
    _compose(doc)
    _join_letter_spacing(doc)  # before collapsing: wide gaps mark word boundaries
    _collapse_spaces(doc)
    _dehyphenate(doc)
    _join_lines(doc)
    offset_map = OffsetMap(doc.to_raw, len(raw.text))
    starts = [min(offset_map.normalized_offset(s), len(doc.text)) for s in raw.page_starts]
    ends = starts[1:] + [len(doc.text)]
    pages = [Page(number, start, end) for number, (start, end) in enumerate(zip(starts, ends, strict=True), 1)]
    note = _suspicious_characters(doc.text, pages)
    if note is not None:  # a note on the extraction, beside the reader's own: the text itself is untouched
        raw = dataclasses.replace(raw, warnings=(*raw.warnings, note))
        warnings.warn(f"{raw.source}: {note}" if raw.source else note, ReportParseWarning, stacklevel=2)
    return Document(
        text=doc.text,
        raw=raw,
        offset_map=offset_map,
        doc_id=doc_id if doc_id is not None else raw.sha256[:DOC_ID_LENGTH],
        pages=pages,
    )
