"""Cross-references: legal acts, items of plans and acts, articles of laws.

* ``act`` — from the act's issuer (a name in the genitive: ``Azərbaycan Respublikası
  Prezidentinin``, ``Agentliyin İdarə Heyətinin``, ``Xidmətin rəisinin``) or its quoted title
  (``“Dövlət borcu haqqında”``) through its date (``2022-ci il 4 aprel tarixli``) and number
  (``3199 nömrəli``) to the act-type word with its ending (``Sərəncamı``); or a quoted title
  ending in the type (``“… Qaydası”nın``). A bare type (``Qanunun``, ``bu Qayda``) is no reference.
  An international act's own name may hold a word governed by a link (``BMT-nin Korrupsiyaya
  qarşı Konvensiyasının``). The document's own title (``AZƏRBAYCAN RESPUBLİKASININ AİLƏ
  MƏCƏLLƏSİ``, a line of its own) is no reference.
* ``plan_item`` — ``5.1-ci bəndinin``, ``4.2.10-cu yarımbəndinin``, ``12.4.2 bəndinin`` (a
  dotted number needs no ordinal suffix); ``2-ci, 43-cü və 44-cü bəndlərinin`` gives three rows,
  the last with the noun. Item headings are sections, not references.
* ``article`` — ``109-cu maddəsinin 32-ci bəndi``: ``number`` 109, ``target_item`` 32, and the
  ``act_type`` of the act named right before it; also ``30.1 maddəsinə``, ``maddə 15`` and a
  paragraph named in words (``119-cu maddəsinin səkkizinci abzası``: ``target_item`` 8). Article
  headings (``Maddə 5. …``) are no references.

Spans follow ``corpus/README.md`` ("References"). Matching runs on the case-folded text, which
has the text's length, so offsets carry over.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reportparse.extract.dates import DateMention, find_dates
from reportparse.extract.overlap import SpanIndex
from reportparse.lang.az import acts
from reportparse.lang.az import numbers as nums
from reportparse.lang.az.casing import casefold
from reportparse.lang.az.inflection import VOWELS
from reportparse.lang.az.morphology import Analysis, analyze
from reportparse.lang.az.orthography import DASHES, ORDINAL_SUFFIXES, unify_dashes
from reportparse.lang.az.phrases import DETERMINERS, FUNCTION_WORDS
from reportparse.lang.az.text import WORD_INNER, TextLayer, Token
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
_ARTICLE_TAIL = re.compile(rf"(?:\s+və\s+{_ORD})?\s+(?:{'|'.join(acts.ARTICLE_NOUNS)})\w*")
_ONE_ORD = re.compile(rf"(?<![\w.]){_ORD}")
_SUFFIX = rf"\s*(?:[{_D}]\s*)?(?:{'|'.join(ORDINAL_SUFFIXES)})"
# ``səkkizinci``, ``on ikinci``: a paragraph of an article numbered in words
_ORDINAL_WORDS = (
    rf"(?:(?:{'|'.join(sorted({**nums.UNITS, **nums.TENS}, key=len, reverse=True))})\s+)?"
    rf"(?:{'|'.join(sorted(nums.ORDINALS, key=len, reverse=True))})(?![^\W\d_])"
)
# ``109-cu maddəsinin 32-ci bəndi``, ``30.1 maddəsinə`` (a dotted number needs no suffix), ``13-1.2-ci
# maddəsi`` (an inserted article), ``1.1.29-1.1.32-ci maddələr`` (a range), ``119-cu maddəsinin
# səkkizinci abzası``, ``89-cu maddəsinin I hissəsinin 1-ci bəndində`` (a part of a part). Tried only
# where a number starts, each alternative once: linear.
_ARTICLE_NUMBER = rf"\d+(?:\.\d+)*(?:[ \t]*[{_D}][ \t]*\d+(?:\.\d+)*)?"
_ROMAN_FOLDED = "[ıivxlc]{1,6}"  # Roman numerals, case-folded (``I`` folds to ``ı``)


def _part(name: str) -> str:
    """A part of an article, its number in the groups ``name`` (digits), ``name_words``, ``name_roman``."""
    return (
        rf"\s+(?:(?P<{name}>{_ARTICLE_NUMBER}){_SUFFIX}|(?P<{name}_words>{_ORDINAL_WORDS})"
        rf"|(?P<{name}_roman>{_ROMAN_FOLDED}))\s+(?:{'|'.join(acts.ARTICLE_PARTS)})\w*"
    )


_ARTICLE = re.compile(
    rf"(?<![\w.{_D}])(?:(?P<number>{_ARTICLE_NUMBER}){_SUFFIX}|(?P<dotted>\d+(?:\.\d+)+))\s+"
    rf"(?:{'|'.join(acts.ARTICLE_NOUNS)})\w*(?:{_part('part')}(?:{_part('sub')})?)?"
)
_ROMAN = re.compile(r"(?P<c>C{0,3})(?P<xc>XC|XL|L?X{0,3})(?P<ix>IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# ``maddə 15``, ``maddə 15-in``: the noun before the number (no suffix); ``Maddə 5. …`` is a heading
_ARTICLE_FIRST = re.compile(
    rf"(?<![^\W\d_])(?:{'|'.join(acts.ARTICLE_NOUNS)})[ \t]+(?P<number>\d+(?:\.\d+)*)"
    rf"(?:[{_D}][^\W\d_]+)?(?![\w.{_D}]*\d)"
)
_HEADING_AFTER = re.compile(r"\.(?!\d)|[ \t]*(?:\n|$)")
# ``Qanunvericilik Toplusu, 2017-ci il, № 7, I kitab, maddə 1303``: an entry of the official gazette,
# no article: a gazette word earlier in the parenthesis or line, a comma right before
_GAZETTE_BEFORE = re.compile(rf"(?:{'|'.join(map(re.escape, acts.GAZETTE_WORDS))})[^()\n]*,\s*$")
_GAZETTE_WINDOW = 80
# ``12.4.2 bəndinin``: a dotted item number without an ordinal suffix
_BARE_ITEM = re.compile(rf"(?<![\w.{_D}])(\d+(?:\.\d+)+)\s+(?:{'|'.join(acts.ITEM_NOUNS)})\w*")
# Where the patterns above may start: a digit after no letter, digit or dot (every match of
# ``_ITEM_LIST``, ``_ARTICLE``, ``_BARE_ITEM``), an article noun (``_ARTICLE_FIRST``). Found once by
# patterns the regex engine skips to, then each pattern is tried there only; their look-behinds
# slow a search through the whole text.
_NUMBER_START = re.compile(r"[^\w.]\d")
_ARTICLE_NOUN = re.compile("|".join(map(re.escape, acts.ARTICLE_NOUNS)))
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_JOINED = re.compile(r"[^\w-]")  # a layer word holding an apostrophe (or a hyphen other than -)
_NUMBER_BEFORE = re.compile(rf"(?:№\s*)?(?P<number>[\w/.{_D}]*\d[\w/.{_D}]*)\s+(?:{'|'.join(acts.NUMBERED)})\s+$")
_NUMBERED = tuple(acts.NUMBERED)
_TITLE_BEFORE = re.compile(rf"“(?P<title>[^“”\n]*\b(?:{'|'.join(acts.TITLE_ENDINGS)}))[”“][ \t]*$")  # “…“ too
_NEXT_WORD = re.compile(r"[ \t]+[^\W\d_]")
_DATED_BEFORE = re.compile(rf"\s+{acts.DATED}\s+$")
_QUOTED_TYPE = re.compile(r"“(?P<title>[^“”\n]+)”(?P<ending>[^\W\d_]*)")
_LEFT_WINDOW = 120  # characters before a place that may hold the word (or parenthesis) ending there
_LONGEST_PARENTHESIS = 40  # characters inside a parenthesis taken for the word before a place
_ABBREVIATION = re.compile(rf"[^\W\d_a-zəöüğışç]{{2,6}}[{_D}’'][^\W\d_]+")  # BMT-nin, ATƏT-in, DİN-in
_ACT_LEMMAS = frozenset(acts.ACT_TYPES)
_ACT_PREFIXES = tuple(lemma[:3] for lemma in acts.ACT_TYPES)
_ACT_PREFIX = re.compile("|".join(sorted({re.escape(prefix) for prefix in _ACT_PREFIXES})))
_WORD_INNER = re.compile(WORD_INNER)
_LONGEST_TITLE = 600
_TITLE_LINES = 3  # a document's title is among its first (non-empty) lines
_LONGEST_TITLE_LINE = 400  # characters of a title or heading line
_LONGEST_ISSUER = 32  # words (or parenthesised groups) of an issuer's name; real ones have at most a dozen


@lru_cache(maxsize=65536)
def _act_type(word: str) -> Analysis | None:
    if not casefold(word).startswith(_ACT_PREFIXES):
        return None
    analysis = analyze(word, known=_ACT_LEMMAS)
    return analysis if analysis.lemma in _ACT_LEMMAS else None


def _is_letter(char: str) -> bool:
    """Whether ``char`` is a letter as ``[^\\W\\d_]`` reads one (a word character, no digit)."""
    return char.isalnum() and not char.isdecimal()


class _Finder:
    def __init__(self, text: str, year: int | None, dates: Sequence[DateMention] | None = None) -> None:
        self.text = text
        self.layer = TextLayer.of(text)
        self.folded = self.layer.folded
        if dates is None:
            dates = find_dates(text, year=year)
        self.dates_by_end: dict[int, DateMention] = {d.end: d for d in dates}
        self.number_starts = _number_starts(self.folded)

    def date_ending_at(self, end: int) -> DateMention | None:
        while end > 0 and self.text[end - 1].isspace():
            end -= 1
        return self.dates_by_end.get(end)

    def issuer(self, pos: int, *, international: bool = False) -> tuple[int, str] | None:
        """Start and text of the issuer whose name ends before ``pos`` (``Xidmətin rəisinin``).

        Args:
            pos: where the name ends.
            international: the act is international; its own name may hold a word governed by a
                link (``BMT-nin Korrupsiyaya qarşı Konvensiyası``).

        Returns:
            The start and the whitespace-normalized text, or None.
        """
        start, taken = self._issuer_words(pos, international=international)
        start = self._drop_issuer_openers(taken, start, pos)
        if not taken:
            return None
        return start, " ".join(self.text[start:pos].split())

    def _issuer_words(self, pos: int, *, international: bool) -> tuple[int, list[str]]:
        """The words of a name read leftwards from ``pos`` (nearest first) and the start of the last one read.

        An international act's name may hold lowercase words before a link (``Uşaq hüquqları
        haqqında Konvensiyası``): they are kept only when a capitalised word of the name precedes them.
        """
        start = pos
        taken: list[str] = []
        after_link = in_name = False  # the word read last is a link (Korrupsiyaya | qarşı); one was read
        pending: tuple[int, int] | None = None  # (words, start) before unconfirmed lowercase words
        while len(taken) < _LONGEST_ISSUER:  # a run of capitalised words is read once per act, not whole
            left = self._left_token(start)
            first = not taken
            # a line break may separate the issuer from the date, not the words of a name
            if left is None:
                break
            token_start, token = left
            if "\n" in self.text[token_start + len(token) : start] and not first:
                break
            verdict = self._name_word(
                token, token_start, first=first, international=international, after_link=after_link
            )
            if verdict == "lowercase" and in_name and pending is None:
                pending = (len(taken), start)
            elif verdict == "lowercase" and not (in_name and pending is not None and len(taken) - pending[0] < 4):
                break
            elif verdict == "no":
                break
            elif verdict == "yes":
                pending = None
            after_link = casefold(token) in acts.ACT_NAME_LINKS
            in_name = in_name or (international and after_link)
            taken.append(token)
            start = token_start
            if _ABBREVIATION.fullmatch(token):
                break  # an abbreviation starts its name: Azərbaycan Respublikası | BMT-nin … Konvensiyası
        if pending is not None:  # lowercase words no capitalised one preceded: not the name's
            del taken[pending[0] :]
            start = pending[1]
        return start, taken

    def _name_word(self, token: str, token_start: int, *, first: bool, international: bool, after_link: bool) -> str:
        """``yes`` when ``token`` continues a name leftwards, ``lowercase`` when it may (a lowercase word
        inside an international act's name), else ``no``."""
        if token.startswith("("):
            return "no" if first and not self._capitalized_before(token_start) else "yes"
        if (international and _act_name_word(token, after_link=after_link)) or _issuer_word(token, first=first):
            return "yes" if token[0].isupper() else "link"
        return "lowercase" if international and token[0].islower() and _act_type(token) is None else "no"

    def _capitalized_before(self, end: int) -> bool:
        """Whether the word (or parenthesis) ending before ``end`` starts with a capital letter."""
        previous = self._left_token(end)
        return previous is not None and previous[1][:1].isupper()

    def _left_token(self, end: int) -> tuple[int, str] | None:
        """Start and text (stripped) of the word or parenthesis ending before ``end``, or None.

        Read leftwards from ``end`` over at most 120 characters (a word cut by their start is
        taken from there): the spaces, then a parenthesis of 1 to 40 characters without a line
        break, or a word (letters, single hyphens between letters).
        """
        text, low = self.text, max(0, end - _LEFT_WINDOW)
        stop = end
        while stop > low and text[stop - 1].isspace():
            stop -= 1
        if stop == low:
            return None
        if text[stop - 1] == ")":
            start = text.rfind("(", low, stop - 1)
            inside = text[start + 1 : stop - 1]
            if start < 0 or not 0 < len(inside) <= _LONGEST_PARENTHESIS or ")" in inside or "\n" in inside:
                return None
            return start, text[start:stop]
        if not _is_letter(text[stop - 1]):
            return None
        start = stop - 1
        while start > low:
            if _is_letter(text[start - 1]):
                start -= 1
            elif text[start - 1] == "-" and start - 1 > low and _is_letter(text[start - 2]):
                start -= 2
            else:
                break
        return start, text[start:stop]

    def _drop_issuer_openers(self, taken: list[str], start: int, pos: int) -> int:
        """Pop parentheses, links and determiners off the far end of ``taken``; the name's new start."""
        while taken and (
            taken[-1].startswith("(")
            or casefold(taken[-1]) in acts.ACT_NAME_LINKS
            or casefold(taken[-1]) in DETERMINERS
        ):
            # the name starts with a name word, not with a link or a determiner (Bu Qayda)
            dropped = taken.pop()
            start = self.text.index(dropped, start) + len(dropped)
            while start < pos and self.text[start].isspace():
                start += 1
        return start

    def act(self, word: str, start: int, end: int) -> ReferenceMention | None:
        """The act whose type word is ``word`` at ``start:end``, or None."""
        analysis = _act_type(word)
        if analysis is None or (analysis.plural and analysis.lemma not in acts.PLURAL_TITLE_TYPES):
            return None
        if not (analysis.possessive or analysis.plural or analysis.case != "nominative"):
            following = _NEXT_WORD.match(self.text, end)
            if following is not None and following.group()[-1].isupper():
                return None  # a bare type before a name names a body: Konstitusiya Məhkəməsi
        act_type = acts.ACT_TYPES[analysis.lemma]
        number = date = title = issuer = ""
        dated = False
        pos = start
        numbered = self._numbered_before(pos)
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
        found = self.issuer(pos, international=analysis.lemma in acts.INTERNATIONAL_TYPES)
        if found is not None:
            pos, issuer = found
        before = pos
        if not title:
            title, pos, before = self.title_before(pos)
        if not (dated or number) and (issuer or title):
            number, date = self.number_and_date_before(before)
        if not (date or number or dated) and not (word[0].isupper() and (issuer or title)):
            return None  # a bare type: Qanunun, bu Qayda
        return ReferenceMention(pos, end, "act", act_type, number, date, "", issuer, title)

    def _numbered_before(self, pos: int) -> re.Match[str] | None:
        """A number and ``nömrəli``/``saylı`` ending (with spaces) before ``pos``: searched for only
        when such a word and a space end the text there."""
        start = max(0, pos - 60)
        tail = self.folded[start:pos]
        stripped = tail.rstrip()
        if len(stripped) == len(tail) or not stripped.endswith(_NUMBERED):
            return None
        return _NUMBER_BEFORE.search(self.folded, start, pos)

    def title_before(self, pos: int) -> tuple[str, int, int]:
        """The quoted title of an act ending before ``pos`` (``“Dövlət borcu haqqında”``), the act's start
        and where a number written before the act would end; no title when it names an act itself
        (``“… Seçki Məcəlləsinə dəyişikliklər edilməsi haqqında”``): the outer act starts at its issuer."""
        titled = _TITLE_BEFORE.search(self.text, max(0, pos - _LONGEST_TITLE), pos)
        if titled is None:
            return "", pos, pos
        if _names_an_act(titled["title"]):
            return "", pos, titled.start()
        return titled["title"], titled.start(), titled.start()

    def number_and_date_before(self, pos: int) -> tuple[str, str]:
        """The number and date written before an act's issuer (``2 iyun 2008-ci il tarixli 611-IIIQD
        nömrəli`` | ``Azərbaycan Respublikasının Qanunu``), which stay outside its span; else empty."""
        numbered = self._numbered_before(pos)
        if numbered is None:
            return "", ""
        number = self.text[numbered.start("number") : numbered.end("number")]
        tarixli = _DATED_BEFORE.search(self.folded, max(0, numbered.start() - 30), numbered.start())
        mention = self.date_ending_at(tarixli.start() if tarixli else numbered.start())  # … 2004-cü il 819-IIQD
        if mention is None or mention.granularity != "day" or not mention.date_start:
            return number, ""
        return number, mention.date_start.isoformat()

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


def _names_an_act(title: str) -> bool:
    """Whether a quoted title names an act (``“… Seçki Məcəlləsinə dəyişikliklər edilməsi haqqında”``):
    then the act it is the title of starts at its issuer, the named act being a row of its own."""
    for word in _WORD.findall(title):
        analysis = _act_type(word) if word[0].isupper() else None
        if analysis is not None and (not analysis.plural or analysis.lemma in acts.PLURAL_TITLE_TYPES):
            return True
    return False


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


def _act_name_word(token: str, *, after_link: bool) -> bool:
    """Whether a word belongs to an international act's own name: a link (``qarşı``, ``haqqında``,
    ``və``) or the capitalised word before it, in any case (``Korrupsiyaya qarşı Konvensiyası``)."""
    if casefold(token) in acts.ACT_NAME_LINKS:
        return True
    return after_link and token[0].isupper() and _act_type(token) is None  # another act ends the name


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
    for token in _act_word_candidates(finder.layer):  # the document's one tokenization
        if not token.folded.startswith(_ACT_PREFIXES) and not _JOINED.search(token.surface):
            continue  # no act word starts here (a word joined by an apostrophe is read by parts)
        for match in _WORD.finditer(text, token.start, token.end):
            if not quoted.overlaps(match.start(), match.end()) and (
                mention := finder.act(match.group(), match.start(), match.end())
            ):
                mentions.append(mention)
    newlines, first_lines_end = [match.start() for match in re.finditer("\n", text)], _first_lines_end(text)
    titles = [m for m in mentions if _own_title(text, m, newlines=newlines, first_lines_end=first_lines_end)]
    title_spans = {(m.start, m.end) for m in titles}
    mentions = [m for m in mentions if (m.start, m.end) not in title_spans]
    # an article with no act before it is one of the document's own act (``ilə 46.6-cı maddədə`` in a code)
    own_type = min(titles, key=lambda m: m.start).act_type if titles else ""
    if headings is None:
        headings = [(start, end) for start, end, _items, _commitment in find_headings(text)]
    heading_index = SpanIndex(headings)
    articles = _articles(finder, {m.end: m for m in mentions}, heading_index, own_type=own_type)
    items, parted = _items(finder, heading_index, articles)
    parted_spans = {(m.start, m.end) for m in parted}
    articles = [m for m in articles if (m.start, m.end) not in parted_spans]
    return sorted([*mentions, *articles, *items], key=lambda m: (m.start, -m.end))


def _act_word_candidates(layer: TextLayer) -> list[Token]:
    """The words that may start with an act type (``_ACT_PREFIXES``) or hold another joiner than ``-``
    (read by parts), in order: found where such letters or a joiner stand, not by testing every word."""
    folded, candidates = layer.folded, {}
    for match in _ACT_PREFIX.finditer(folded):
        token = layer.token_at(match.start())
        if token is not None and token.start == match.start() and token.kind == "word":
            candidates[token.index] = token
    for match in _WORD_INNER.finditer(layer.text):
        token = layer.token_at(match.start()) if match.group() != "-" else None
        if token is not None and token.kind == "word":
            candidates[token.index] = token
    return [candidates[index] for index in sorted(candidates)]


def _first_lines_end(text: str) -> int:
    """The offset where the document's first lines (its title) end: after its third non-empty line."""
    position = seen = 0
    while seen < _TITLE_LINES and position < len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        seen += bool(text[position:end].strip())
        position = end + 1
    return position


def _own_title(text: str, mention: ReferenceMention, *, newlines: Sequence[int], first_lines_end: int) -> bool:
    """Whether an act mention is the document's own title or a heading, no reference.

    It carries no number or date, and nothing in lowercase follows it on its line. Then it is a
    title or a chapter heading when its whole line is in capitals (``AZƏRBAYCAN RESPUBLİKASININ
    AİLƏ MƏCƏLLƏSİ``, ``BƏLƏDİYYƏ ÜZVLÜYÜNƏ NAMİZƏDLƏRİN İRƏLİ SÜRÜLMƏSİ QAYDASI``), or when it
    starts one of the document's first lines (``first_lines_end``). An act governed by what
    follows (``… SƏRƏNCAMI İLƏ TƏSDİQ EDİLMİŞ``) is a reference. ``newlines``: the offsets of the
    text's line breaks, in order.
    """
    if mention.kind != "act" or mention.number or mention.date:
        return False
    before_start = bisect.bisect_left(newlines, mention.start)
    line_start = newlines[before_start - 1] + 1 if before_start else 0
    after_end = bisect.bisect_left(newlines, mention.end)
    line_end = newlines[after_end] if after_end < len(newlines) else len(text)
    if line_end - line_start > _LONGEST_TITLE_LINE:
        return False  # running text, not a title line (and long lines are not read once per act)
    surface = text[mention.start : mention.end]
    before, rest = text[line_start : mention.start], text[mention.end : line_end].strip()
    if any(char.islower() for char in rest) or (rest and casefold(rest.split()[0]) in FUNCTION_WORDS):
        return False
    if not any(char.islower() for char in before + surface):
        return True
    if before.strip() or any(char.isdigit() for char in surface):
        return False  # inside a sentence, or a dated act: 2014-cü il Protokolunun
    return line_start < first_lines_end


def _articles(
    finder: _Finder, acts_by_end: dict[int, ReferenceMention], headings: SpanIndex, *, own_type: str
) -> list[ReferenceMention]:
    """The articles of ``finder``'s text: ``109-cu maddəsinin 32-ci bəndi``, ``30.1 maddəsinə``, ``maddə 15``.

    Args:
        finder: the text.
        acts_by_end: the act mentions by their end, for the act type of an article right after one.
        headings: the item headings (no references).
        own_type: the act type of the document itself (its title), for articles without an act
            before them; empty for a report.

    Returns:
        One row per article; coordinated articles one row each.
    """
    found, list_types = _coordinated_articles(finder, acts_by_end, headings, own_type=own_type)
    for match in _matches(_ARTICLE, finder.folded, finder.number_starts):
        if headings.overlaps(*match.span()):
            continue
        parts = [_part_number(finder.text, match, name) for name in ("part", "sub")]
        target = ".".join(part for part in parts if part)
        act_type = _act_before(finder, acts_by_end, match.start()) or list_types.get(match.start(), own_type)
        number = "".join((match["number"] or match["dotted"]).split())
        first, _dash, last = unify_dashes(number).partition("-")
        if _dash and _is_range(first, last):  # 1.1.29-1.1.32-ci maddələr, 77-79-cu maddələr; not 13-1.2
            found.append(ReferenceMention(match.start(), match.start() + len(first), "article", act_type, first))
            last_start = finder.folded.index(last[0], match.start() + len(first) + 1)
            found.append(ReferenceMention(last_start, match.end(), "article", act_type, last, target_item=target))
            continue
        found.append(ReferenceMention(match.start(), match.end(), "article", act_type, number, target_item=target))
    taken = SpanIndex((m.start, m.end) for m in found)
    for match in _matches(_ARTICLE_FIRST, finder.folded, _starts(_ARTICLE_NOUN, finder.folded)):
        if headings.overlaps(*match.span()) or taken.overlaps(*match.span()) or _article_heading(finder.text, match):
            continue
        if _GAZETTE_BEFORE.search(finder.folded, max(0, match.start() - _GAZETTE_WINDOW), match.start()):
            continue
        act_type = _act_before(finder, acts_by_end, match.start()) or own_type
        found.append(ReferenceMention(match.start(), match.end(), "article", act_type, match["number"]))
    return found


def _coordinated_articles(
    finder: _Finder, acts_by_end: dict[int, ReferenceMention], headings: SpanIndex, *, own_type: str
) -> tuple[list[ReferenceMention], dict[int, str]]:
    """The articles before the last of a list (``45.2-ci, 48.1-ci və 48.3-cü maddələrinə`` → ``45.2-ci``,
    ``48.1-ci``), one row each like items, and the act type of the list by the start of its last
    article (found, with the noun, by ``_ARTICLE``)."""
    found = []
    list_types: dict[int, str] = {}
    for span in _ordinal_lists(finder.folded, _ARTICLE_TAIL, finder.number_starts):
        if headings.overlaps(*span):
            continue
        *ordinals, last = _ONE_ORD.finditer(finder.folded, *span)
        act_type = _act_before(finder, acts_by_end, span[0]) or own_type
        found += [ReferenceMention(o.start(), o.end(), "article", act_type, o.group(1)) for o in ordinals]
        list_types[last.start()] = act_type
    return found, list_types


def _is_range(first: str, last: str) -> bool:
    """Whether ``first-last`` is a range of articles (``77-79``, ``1.1.29-1.1.32``), not one inserted
    article (``13-1``, ``73-1.3``, ``47.5-1``): numbers of one level, the last one further on."""
    head, _dot, tail = first.rpartition(".")
    other_head, _other_dot, other_tail = last.rpartition(".")
    return head == other_head and int(other_tail) > int(tail)


def _part_number(text: str, match: re.Match[str], name: str) -> str:
    """The number of the article part in the groups ``name``: ``32`` (``32-ci bəndi``), ``8``
    (``səkkizinci abzası``), ``5`` (``V hissəsinə``); empty when there is none."""
    if match[name]:
        return "".join(match[name].split())
    if match[f"{name}_words"]:
        return str(nums.ordinal_value(match[f"{name}_words"].split()) or "")
    if match[f"{name}_roman"]:
        return str(_roman(text[match.start(f"{name}_roman") : match.end(f"{name}_roman")]) or "")
    return ""


def _roman(numeral: str) -> int | None:
    """The value of a Roman numeral written in capitals (``IV`` → 4), or None."""
    if not numeral or not _ROMAN.fullmatch(numeral):
        return None
    total = 0
    for k, char in enumerate(numeral):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[numeral[k + 1]] if k + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def _article_heading(text: str, match: re.Match[str]) -> bool:
    """Whether ``maddə N`` is an article's heading (``Maddə 5. Əsas anlayışlar``), no reference."""
    at_line_start = not text[text.rfind("\n", 0, match.start()) + 1 : match.start()].strip()
    return (text[match.start()].isupper() or at_line_start) and bool(_HEADING_AFTER.match(text, match.end()))


def _items(
    finder: _Finder, headings: SpanIndex, articles: list[ReferenceMention]
) -> tuple[list[ReferenceMention], list[ReferenceMention]]:
    """The plan items of ``finder``'s text: ``5.1-ci bəndinin``, each of an item list, ``12.4.2 bəndinin``.

    Items right after an article are its parts (``89-cu maddəsinin I hissəsinin 2-ci və 7-ci
    bəndlərində``): article rows, the first spanning from the article, which it replaces.

    Returns:
        The rows, and the articles they replace.
    """
    found = []
    parted = []
    article_index = SpanIndex((m.start, m.end) for m in articles)
    articles_by_end = {m.end: m for m in articles}
    for span in _item_lists(finder.folded, finder.number_starts):
        if headings.overlaps(*span) or article_index.overlaps(*span):
            continue
        ordinals = list(_ONE_ORD.finditer(finder.folded, *span))
        group = [
            ReferenceMention(
                ordinal.start(),
                span[1] if k == len(ordinals) - 1 else ordinal.end(),
                "plan_item",
                target_item=ordinal.group(1),
            )
            for k, ordinal in enumerate(ordinals)
        ]
        before = span[0]
        while before > 0 and finder.text[before - 1] in " \t":
            before -= 1
        article = articles_by_end.get(before)
        found += group if article is None else _parts_of(article, group)
        parted += [] if article is None else [article]
    listed = SpanIndex((m.start, m.end) for m in found)
    for match in _matches(_BARE_ITEM, finder.folded, finder.number_starts):
        if headings.overlaps(*match.span()) or article_index.overlaps(*match.span()) or listed.overlaps(*match.span()):
            continue
        found.append(ReferenceMention(match.start(), match.end(), "plan_item", target_item=match.group(1)))
    return found, parted


def _parts_of(article: ReferenceMention, items: list[ReferenceMention]) -> list[ReferenceMention]:
    """Items named right after an article as rows of that article: ``89-cu maddəsinin I hissəsinin
    2-ci`` (target 1.2), ``7-ci bəndlərində`` (1.7); the first row starts where the article does."""
    return [
        ReferenceMention(
            article.start if k == 0 else item.start,
            item.end,
            "article",
            article.act_type,
            article.number,
            target_item=".".join(part for part in (article.target_item, item.target_item) if part),
        )
        for k, item in enumerate(items)
    ]


def _number_starts(text: str) -> list[int]:
    """0 and the offset of every digit after a character that is no letter, digit or dot: where
    ``_ITEM_LIST``, ``_ARTICLE`` and ``_BARE_ITEM`` may start (the pairs found cannot overlap)."""
    return [0, *(match.end() - 1 for match in _NUMBER_START.finditer(text))]


def _item_lists(folded: str, starts: Sequence[int] | None = None) -> Iterator[tuple[int, int]]:
    """Spans of item lists with their noun (``2-ci, 43-cü və 44-cü bəndlərinin``), in order
    (``starts``: :func:`_number_starts`, when already found)."""
    return _ordinal_lists(folded, _ITEM_TAIL, _number_starts(folded) if starts is None else starts)


def _ordinal_lists(folded: str, tail_pattern: re.Pattern[str], starts: Sequence[int]) -> Iterator[tuple[int, int]]:
    """Spans of lists of ordinals followed by ``tail_pattern`` (``və`` and a last ordinal, then the
    noun: ``2-ci, 43-cü və 44-cü bəndlərinin``), in order; ``starts``: where a list may start.

    A list without its tail is skipped whole: a list starting at a later ordinal of it has the
    same tail, so it fails too. The spans are those a single pattern would find, in linear time.
    """
    position = 0
    for start in starts:
        if start < position or (items := _ITEM_LIST.match(folded, start)) is None:
            continue
        tail = tail_pattern.match(folded, items.end())
        position = tail.end() if tail is not None else items.end()
        if tail is not None:
            yield items.start(), tail.end()


def _starts(pattern: re.Pattern[str], text: str) -> list[int]:
    """Every offset where ``pattern`` matches, overlapping ones too."""
    starts: list[int] = []
    position = 0
    while (match := pattern.search(text, position)) is not None:
        starts.append(match.start())
        position = match.start() + 1
    return starts


def _matches(pattern: re.Pattern[str], text: str, starts: Sequence[int]) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)`` when each can only start at one of ``starts`` (in
    order): ``pattern`` tried there only. The pattern never matches the empty string."""
    position = 0
    for start in starts:
        if start >= position and (match := pattern.match(text, start)) is not None:
            yield match
            position = match.end()


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
