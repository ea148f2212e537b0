"""Cross-references: legal acts, items of plans and acts, articles of laws.

* ``act`` — from the act's issuer (a name in the genitive: ``Azərbaycan Respublikası
  Prezidentinin``, ``Agentliyin İdarə Heyətinin``, ``Xidmətin rəisinin``) or its quoted title
  (``“Dövlət borcu haqqında”``) through its date (``2022-ci il 4 aprel tarixli``) and number
  (``3199 nömrəli``) to the act-type word with its ending (``Sərəncamı``); or a quoted title
  ending in the type (``“… Qaydası”nın``). A bare type (``Qanunun``, ``bu Qayda``) is no reference.
* ``plan_item`` — ``5.1-ci bəndinin``, ``4.2.10-cu yarımbəndinin``; ``2-ci, 43-cü və 44-cü
  bəndlərinin`` gives three rows, the last with the noun. Item headings are sections, not
  references.
* ``article`` — ``109-cu maddəsinin 32-ci bəndi``: ``number`` 109, ``target_item`` 32, and the
  ``act_type`` of the act named right before it.

Spans follow ``corpus/README.md`` ("References"). Matching runs on the case-folded text, which
has the text's length, so offsets carry over.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reportparse.extract.dates import DateMention, find_dates
from reportparse.extract.overlap import SpanIndex
from reportparse.lang.az import acts
from reportparse.lang.az.casing import casefold
from reportparse.lang.az.inflection import VOWELS
from reportparse.lang.az.morphology import Analysis, analyze
from reportparse.lang.az.orthography import DASHES, ORDINAL_SUFFIXES
from reportparse.lang.az.phrases import DETERMINERS
from reportparse.structure.segment import find_headings

KINDS = ("act", "plan_item", "article")
"""What a reference points at: a legal act, an item of the plan, or an article of an act."""


@dataclass(frozen=True)
class ReferenceMention:
    """One cross-reference; empty strings where the text does not say."""

    start: int
    end: int
    kind: str
    act_type: str = ""
    number: str = ""
    date: str = ""
    target_item: str = ""
    issuer: str = ""
    title: str = ""


_D = re.escape(DASHES)
# ``\s*(?:-\s*)?``, not ``\s*-?\s*``: two runs of spaces side by side split a long run every way (quadratic)
_ORD = rf"(\d+(?:\.\d+)*)\s*(?:[{_D}]\s*)?(?:{'|'.join(ORDINAL_SUFFIXES)})"
# ``2-ci, 43-cü və 44-cü bəndlərinin``: a comma list of ordinals, then its tail (``və`` and a last
# ordinal, then the noun). Read in two steps: one pattern would re-read a long list without a noun
# from each of its ordinals (quadratic), while every ordinal of a list has the list's own tail.
_ITEM_LIST = re.compile(rf"(?<![\w.]){_ORD}(?:\s*,\s*{_ORD})*")
_ITEM_TAIL = re.compile(rf"(?:\s+və\s+{_ORD})?\s+(?:{'|'.join(acts.ITEM_NOUNS)})\w*")
_ONE_ORD = re.compile(rf"(?<![\w.]){_ORD}")
_ARTICLE = re.compile(
    rf"(?<![\w.]){_ORD}\s+(?:{'|'.join(acts.ARTICLE_NOUNS)})\w*"
    rf"(?:\s+(?P<part>\d+(?:\.\d+)*)\s*(?:[{_D}]\s*)?(?:{'|'.join(ORDINAL_SUFFIXES)})\s+(?:{'|'.join(acts.ARTICLE_PARTS)})\w*)?"
)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_NUMBER_BEFORE = re.compile(rf"(?:№\s*)?(?P<number>[\w/.{_D}]*\d[\w/.{_D}]*)\s+(?:{'|'.join(acts.NUMBERED)})\s+$")
_TITLE_BEFORE = re.compile(rf"“(?P<title>[^“”\n]*\b(?:{'|'.join(acts.TITLE_ENDINGS)}))”[ \t]*$")
_DATED_BEFORE = re.compile(rf"\s+{acts.DATED}\s+$")
_QUOTED_TYPE = re.compile(r"“(?P<title>[^“”\n]+)”(?P<ending>[^\W\d_]*)")
# The word (or parenthesis) that ends a stretch of text, searched for in the 120 characters before
# a place. Its leftmost match starts where a word starts (a word in the middle is no match unless
# cut by the stretch's start), so a word is tried from its first letter only: read once, not once
# from each of its letters. Searched for in a slice, where the stretch's start is the string's.
_LEFT_TOKEN = re.compile(r"(?:\([^()\n]{1,40}\)|(?<![^\W\d_])(?<![^\W\d_]-)[^\W\d_]+(?:-[^\W\d_]+)*)\s*$")
_LEFT_WINDOW = 120
_SHORT_WINDOW = 32
_ACT_LEMMAS = frozenset(acts.ACT_TYPES)
_ACT_PREFIXES = tuple(lemma[:3] for lemma in acts.ACT_TYPES)
_LONGEST_TITLE = 600
_LONGEST_ISSUER = 32  # words (or parenthesised groups) of an issuer's name; real ones have at most a dozen


@lru_cache(maxsize=65536)
def _act_type(word: str) -> Analysis | None:
    if not casefold(word).startswith(_ACT_PREFIXES):
        return None
    analysis = analyze(word, known=_ACT_LEMMAS)
    return analysis if analysis.lemma in _ACT_LEMMAS else None


class _Finder:
    def __init__(self, text: str, year: int | None, dates: Sequence[DateMention] | None = None) -> None:
        self.text = text
        self.folded = casefold(text)
        if dates is None:
            dates = find_dates(text, year=year, continuous=False)
        self.dates_by_end: dict[int, DateMention] = {d.end: d for d in dates if d.kind != "continuous"}

    def date_ending_at(self, end: int) -> DateMention | None:
        while end > 0 and self.text[end - 1].isspace():
            end -= 1
        return self.dates_by_end.get(end)

    def issuer(self, pos: int) -> tuple[int, str] | None:
        """Start and text of the issuer whose name ends before ``pos`` (``Xidmətin rəisinin``)."""
        start, taken = self._issuer_words(pos)
        start = self._drop_issuer_openers(taken, start, pos)
        if not taken:
            return None
        return start, " ".join(self.text[start:pos].split())

    def _issuer_words(self, pos: int) -> tuple[int, list[str]]:
        """The words of a name read leftwards from ``pos`` (nearest first) and the start of the last one read."""
        start = pos
        taken: list[str] = []
        while len(taken) < _LONGEST_ISSUER:  # a run of capitalised words is read once per act, not whole
            left = self._left_token(start)
            first = not taken
            # a line break may separate the issuer from the date, not the words of a name
            if left is None:
                break
            token_start, token = left
            if "\n" in self.text[token_start + len(token) : start] and not first:
                break
            if token.startswith("("):
                if first and not self._capitalized_before(token_start):
                    break
            elif not _issuer_word(token, first=first):
                break
            taken.append(token)
            start = token_start
        return start, taken

    def _capitalized_before(self, end: int) -> bool:
        """Whether the word (or parenthesis) ending before ``end`` starts with a capital letter."""
        previous = self._left_token(end)
        return previous is not None and previous[1][:1].isupper()

    def _left_token(self, end: int) -> tuple[int, str] | None:
        """Start and text (stripped) of the word or parenthesis ending before ``end``, or None.

        Only one token can end there; it is looked for in a short stretch first, and in the whole
        window when the short one holds none or may cut it (a match at the stretch's start, or
        after a hyphen there).
        """
        for size in (_SHORT_WINDOW, _LEFT_WINDOW):
            window = max(0, end - size)
            match = _LEFT_TOKEN.search(self.text[window:end])
            # a match two characters into the stretch was judged on the characters before it
            if match is not None and (match.start() >= 2 or window == 0 or size == _LEFT_WINDOW):
                return window + match.start(), match.group().strip()
        return None

    def _drop_issuer_openers(self, taken: list[str], start: int, pos: int) -> int:
        """Pop parentheses, links and determiners off the far end of ``taken``; the name's new start."""
        while taken and (
            taken[-1].startswith("(") or casefold(taken[-1]) in acts.NAME_LINKS or casefold(taken[-1]) in DETERMINERS
        ):
            # the name starts with a name word, not with a link or a determiner (Bu Qayda)
            dropped = taken.pop()
            start = self.text.index(dropped, start) + len(dropped)
            while start < pos and self.text[start].isspace():
                start += 1
        return start

    def act(self, match: re.Match[str]) -> ReferenceMention | None:
        """The act whose type word is ``match``, or None."""
        word, start, end = match.group(), match.start(), match.end()
        analysis = _act_type(word)
        if analysis is None:
            return None
        if analysis.plural and analysis.lemma not in acts.PLURAL_TITLE_TYPES:
            return None
        act_type = acts.ACT_TYPES[analysis.lemma]
        number = date = title = issuer = ""
        dated = False
        pos = start
        numbered = _NUMBER_BEFORE.search(self.folded, max(0, pos - 60), pos)
        if numbered:
            number, pos = self.text[numbered.start("number") : numbered.end("number")], numbered.start()
        titled = _TITLE_BEFORE.search(self.text, max(0, pos - _LONGEST_TITLE), pos)
        if titled and numbered:
            title, pos = titled["title"], titled.start()
        tarixli = _DATED_BEFORE.search(self.folded, max(0, pos - 30), pos)
        mention = self.date_ending_at(tarixli.start() if tarixli else pos)
        if mention is not None and (tarixli or not numbered):
            dated = True
            if mention.granularity == "day" and mention.date_start:
                date = mention.date_start.isoformat()
            pos = mention.start
        found = self.issuer(pos)
        if found is not None:
            pos, issuer = found
        titled = _TITLE_BEFORE.search(self.text, max(0, pos - _LONGEST_TITLE), pos) if not title else None
        if titled:
            title, pos = titled["title"], titled.start()
        if not (dated or number) and not (word[0].isupper() and (issuer or title)):
            return None  # a bare type: Qanunun, bu Qayda
        return ReferenceMention(pos, end, "act", act_type, number, date, "", issuer, title)

    def quoted_acts(self) -> list[ReferenceMention]:
        """``“… Qaydası”nın``: titles that end in the act type."""
        found = []
        for match in _QUOTED_TYPE.finditer(self.text):
            words = _WORD.findall(match["title"])
            if len(words) < 2 or not words[-1][0].isupper() or not match["title"].endswith(words[-1]):
                continue
            analysis = _act_type(words[-1])
            if analysis is None:
                continue
            found.append(
                ReferenceMention(
                    match.start(),
                    match.end(),
                    "act",
                    acts.ACT_TYPES[analysis.lemma],
                    title=" ".join(match["title"].split()),
                )
            )
        return found


@lru_cache(maxsize=65536)
def _issuer_word(token: str, *, first: bool) -> bool:
    """Whether a word continues an issuer's name leftwards (``first``: the word nearest the act)."""
    folded = casefold(token)
    analysis = analyze(token)
    if token[0].isupper():
        return not _oblique(analysis)
    if folded in acts.NAME_LINKS and not first:
        return True
    return first and analysis.case == "genitive" and folded not in acts.PRONOUNS  # a post: rəisinin, direktorunun


def _oblique(analysis: Analysis) -> bool:
    """A case no word of a name has (``Hesabatda``); ``Müşahidə`` (``müşahi-də``?) is ambiguous."""
    if analysis.case in ("nominative", "genitive"):
        return False
    return not (analysis.case == "locative" and not analysis.possessive and analysis.lemma[-1:] in VOWELS)


def find_references(
    text: str,
    *,
    year: int | None = None,
    dates: Sequence[DateMention] | None = None,
    headings: Sequence[tuple[int, int]] | None = None,
) -> list[ReferenceMention]:
    """Every reference to an act, a plan item or an article in ``text``, in order.

    Args:
        text: normalized text.
        year: the reporting year, for act dates without one (``cari ilin 14 iyun tarixli``).
        dates: the text's date mentions when already found (``find_dates(text, year=year)``),
            to save finding them again.
        headings: ``(start, end)`` of the item headings when already found
            (:attr:`reportparse.structure.segment.Segmentation.heading_spans`); a heading is a
            section, not a reference.

    Returns:
        The mentions; nested acts (a law named in a decree's title) are separate rows.
    """
    finder = _Finder(text, year, dates)
    mentions = finder.quoted_acts()
    quoted = SpanIndex((m.start, m.end) for m in mentions)
    for match in _WORD.finditer(text):
        if quoted.overlaps(match.start(), match.end()):
            continue
        mention = finder.act(match)
        if mention is not None:
            mentions.append(mention)
    if headings is None:
        headings = [(start, end) for start, end, _items, _commitment in find_headings(text)]
    heading_index = SpanIndex(headings)
    acts_by_end = {m.end: m for m in mentions}
    articles: list[tuple[int, int]] = []
    for match in _ARTICLE.finditer(finder.folded):
        if heading_index.overlaps(*match.span()):
            continue
        mentions.append(
            ReferenceMention(
                match.start(),
                match.end(),
                "article",
                _act_before(finder, acts_by_end, match.start()),
                number=match.group(1),
                target_item=match["part"] or "",
            )
        )
        articles.append(match.span())
    article_index = SpanIndex(articles)
    for span in _item_lists(finder.folded):
        if heading_index.overlaps(*span) or article_index.overlaps(*span):
            continue
        ordinals = list(_ONE_ORD.finditer(finder.folded, *span))
        for k, ordinal in enumerate(ordinals):
            end = span[1] if k == len(ordinals) - 1 else ordinal.end()
            mentions.append(ReferenceMention(ordinal.start(), end, "plan_item", target_item=ordinal.group(1)))
    return sorted(mentions, key=lambda m: (m.start, -m.end))


def _item_lists(folded: str) -> Iterator[tuple[int, int]]:
    """Spans of item lists with their noun (``2-ci, 43-cü və 44-cü bəndlərinin``), in order.

    A list without its tail is skipped whole: a list starting at a later ordinal of it has the
    same tail, so it fails too. The spans are those a single pattern would find, in linear time.
    """
    position = 0
    while (items := _ITEM_LIST.search(folded, position)) is not None:
        tail = _ITEM_TAIL.match(folded, items.end())
        if tail is not None:
            yield items.start(), tail.end()
            position = tail.end()
        else:
            position = items.end()


def _act_before(finder: _Finder, acts_by_end: dict[int, ReferenceMention], start: int) -> str:
    """The type of the act named right before an article (``Qanununun 9-cu maddəsinin``)."""
    end = start
    while end > 0 and finder.text[end - 1].isspace():
        end -= 1
    if end in acts_by_end:
        return acts_by_end[end].act_type
    last = None
    for word in _WORD.finditer(finder.text, max(0, end - 40), end):
        last = word
    if last is not None and last.end() == end and (analysis := _act_type(last.group())) is not None:
        return acts.ACT_TYPES[analysis.lemma]
    return ""
