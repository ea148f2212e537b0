"""Counts, money, percentages and durations: a number with what it measures.

A number (``50``, ``2 500``, ``2.500``, ``398,3``; or words: ``beş``, ``on iki``, ``iki min beş
yüz``) is a mention when a noun follows it. What follows decides the kind:

* ``faiz`` or ``%`` → ``percent``; a currency (``manat``, ``AZN``, ``ABŞ dolları``) → ``money``,
  its value multiplied out (``398,3 milyon manat`` → 398300000);
* a time unit (``5 iş günü``, ``24 saat``, ``3 aylıq``) → ``duration``, never a count;
* a measure word (``8 nəfər``, ``2500 ədəd``) → ``count`` with that unit and, as ``counted``,
  the noun it measures (``8 nəfər üzvdən`` → ``üzv``);
* any other noun phrase → ``count`` whose unit is the lemma of the phrase's head
  (``44 ali təhsil müəssisəsinin`` → ``müəssisə``; ``51 təqsirləndirilən şəxsdən`` → ``şəxs``: a
  participle right after the number modifies the noun). Nouns that end like a suffix keep their
  stem (``82 qadın`` → ``qadın``, ``16 kişi`` → ``kişi``; a stem of ``lang/az/data/morphology/stems.tsv``);
* a number with a partitive ending before a bare noun counts it (``29-u qadın olmaqla``).

Number words, measure words, units, qualifiers and those nouns are data files under
``lang/az/data/``, loaded by :mod:`reportparse.lang.az.numbers`.

Not mentions: ordinals (``11-ci``), identifiers (``2 saylı``, ``3199 nömrəli``, ``№ 123``),
dates (found by :mod:`.dates`), partitives without a noun (``21-i``), phone numbers, ``bir``
as an article (``bir təlim``, ``bir neçə``; but ``bir nəfər``). Spans and qualifiers follow
``corpus/README.md`` ("Counts"). Matching runs on the case-folded text, which has the text's
length, so offsets carry over.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from reportparse.extract.dates import DateMention, find_dates
from reportparse.lang.az import acts
from reportparse.lang.az import numbers as nums
from reportparse.lang.az.inflection import NounForm, noun_forms
from reportparse.lang.az.morphology import Analysis, analyze
from reportparse.lang.az.orthography import DASHES, ORDINAL_SUFFIXES
from reportparse.lang.az.phrases import (
    ADJECTIVES,
    FUNCTION_WORDS,
    LIGHT_VERB,
    NOT_PARTICIPLES,
    NOT_VERBS,
    PARTICIPLE,
    VERB_ENDING,
    is_aorist,
)
from reportparse.lang.az.text import TextLayer

KINDS = ("count", "money", "percent", "duration")
"""What a count mention measures; ``duration`` (``5 iş günü``) is a span of time, never a count."""

QUALIFIERS = ("exact", "more_than", "less_than", "at_least", "at_most", "approx")
"""How the number relates to the quantity (``50 nəfərdən çox`` → ``more_than``)."""


@dataclass(frozen=True)
class CountMention:
    """One quantity: ``value`` in ``unit`` (a lemma, a currency code or ``faiz``)."""

    start: int
    end: int
    value: int | float
    unit: str
    counted: str
    qualifier: str
    kind: str


_D = re.escape(DASHES)
_NUMBER = re.compile(  # its first digit, after no letter, digit, dot…, read first: the engine skips to digits
    rf"\d(?<![\w.,/:№{_D}]\d)(?:\d{{0,2}}(?:[ \u00a0]\d{{3}})+|\d{{0,2}}(?:\.\d{{3}})+|\d*)(?:,\d+)?(?!\d|[.,/:{_D}]\d)"
)
_LONGEST_NUMBER = 30
"""Digits of the longest number read as a quantity (a state budget in manat has 11). A longer run
of digits is no count; as a value it would cost time quadratic in its digits to convert, fail to
be written beyond 4,300 digits, and with a decimal part overflow a float."""
_PART = re.compile(r"(?P<word>[^\W\d_]+(?:[-’'][^\W\d_]+)*)|(?P<number>\d+)|(?P<other>\S)")
"""The parts a number token of the text layer is read by (``2022-ci``: 2022, -, ci; ``28.01.2022``)."""
# ``\s*(?:-\s*)?``, not ``\s*-?\s*``: two runs of spaces side by side split a long run every way (quadratic)
_ORDINAL_AFTER = re.compile(rf"\s*(?:[{_D}]\s*)?(?:{'|'.join(ORDINAL_SUFFIXES)})(?![^\W\d_])")
_SUFFIX_AFTER = re.compile(rf"(?P<pct>\s?%)?(?:[{_D}](?P<suffix>[^\W\d_]+))?")
_MULTIPLIER = re.compile(
    rf"(?P<word>{'|'.join(sorted(nums.MULTIPLIERS, key=len, reverse=True))})(?P<end>dən|dan|ə|a|dək|ə qədər)?"
)
_NUMBER_WORDS = nums.CARDINALS
_ABLATIVE = re.compile(r"(?:dan|dən|tan|tən)$")
_DATIVE = re.compile(r"[aə]$")


def _is_participle(word: str) -> bool:
    """Whether a (case-folded) word is a present participle (``təqsirləndirilən``), not a noun or an ablative."""
    return bool(PARTICIPLE.fullmatch(word)) and word not in NOT_PARTICIPLES and not word.endswith(("dan", "dən"))


class _Token(NamedTuple):
    kind: str  # word, number or other
    start: int
    end: int
    text: str  # case-folded
    capital: bool
    newline_before: bool


@cache
def _closed_forms(lemmas: frozenset[str]) -> dict[str, NounForm]:
    """Every inflected form of a closed class of nouns (measure words, currencies, time units)."""
    forms: dict[str, NounForm] = {}
    for word in lemmas:
        for form, analysis in noun_forms(word).items():
            forms.setdefault(form, analysis)
    return forms


_MEASURES = frozenset(nums.MEASURE_WORDS)
_NUMBERED_PARTS = frozenset((*acts.ARTICLE_NOUNS, *acts.ITEM_NOUNS, *acts.ARTICLE_PARTS))
_TIMES = frozenset(nums.TIME_UNITS)
_CURRENCY_WORDS = frozenset(nums.CURRENCIES)
_PERCENTS = frozenset(nums.PERCENT_WORDS)
_AGES = frozenset(nums.AGE_WORDS)
_DURATION_UNIT = nums.DURATION_UNITS


def _form(word: str, lemmas: frozenset[str]) -> tuple[NounForm | None, str]:
    """The analysis of ``word`` as a form of one of ``lemmas``, and any ``-dək`` after it."""
    forms = _closed_forms(lemmas)
    if word in forms:
        return forms[word], ""
    for ending in nums.UP_TO_ENDINGS:
        if word.endswith(ending) and word[: -len(ending)] in forms:
            return forms[word[: -len(ending)]], ending
    return None, ""


_OTHER_KINDS = {"quote": "other", "punct": "other"}
"""Token kinds of the text layer the scanner reads as ``other`` (a word stays a word)."""
_ONE_PIECE = frozenset(("word", "quote", "punct"))


class _Tokens(dict[int, _Token]):
    """The scanner's tokens by index as a list gives them, each built on first use (a scan reads
    the few around its numbers); ``len`` is the number of tokens."""

    __slots__ = ("_folded", "_pieces", "_text")

    def __init__(self, text: str, folded: str, pieces: list[tuple[int, int, str, int]]) -> None:
        super().__init__()
        self._text, self._folded, self._pieces = text, folded, pieces

    def __len__(self) -> int:
        return len(self._pieces)

    def __missing__(self, index: int) -> _Token:
        pieces = self._pieces
        if index < 0:
            index += len(pieces)
        start, end, kind, _ = pieces[index]  # IndexError beyond the tokens, as a list
        previous_end = pieces[index - 1][1] if index > 0 else 0
        text = self._text
        token = self[index] = tuple.__new__(  # a _Token built as its tuple (no Python-level __new__)
            _Token,
            (
                _OTHER_KINDS.get(kind, kind),
                start,
                end,
                self._folded[start:end],
                text[start].isupper(),
                text.find("\n", previous_end, start) >= 0,
            ),
        )
        return token


class _Scanner:
    """Tokens of one text and the noun-phrase rules over them."""

    def __init__(self, text: str) -> None:
        layer = TextLayer.of(text)  # the document's one fold and tokenization
        self.text = text
        self.folded = layer.folded
        self.known = layer.vocabulary
        spans = layer.spans
        # a date, item number, grouped number or a number with its ending is read by parts; the
        # other tokens of the layer are one piece each, kept as the layer's spans
        self.pieces: list[tuple[int, int, str, int]] = []
        extend, last = self.pieces.extend, 0
        for index in [index for index, span in enumerate(spans) if span[2] not in _ONE_PIECE]:
            start, end = spans[index][:2]
            extend(spans[last:index])
            extend([(*match.span(), match.lastgroup or "other", -1) for match in _PART.finditer(text, start, end)])
            last = index + 1
        extend(spans[last:])
        self.tokens = _Tokens(text, self.folded, self.pieces)
        self.starts = [piece[0] for piece in self.pieces]

    def index_at(self, offset: int) -> int:
        """The first token starting at or after ``offset``."""
        return bisect.bisect_left(self.starts, offset)

    def word(self, index: int) -> _Token | None:
        if 0 <= index < len(self.tokens) and self.tokens[index].kind == "word":
            return self.tokens[index]
        return None

    def analysis(self, token: _Token) -> Analysis:
        """The noun analysis of a word; a noun that ends like a suffix keeps its stem (``qadın``:
        a ``prefer`` or ``ends_in_i`` stem of ``morphology/stems.tsv``)."""
        return analyze(token.text, known=self.known)

    def is_verb(self, token: _Token) -> bool:
        text = token.text
        return text not in NOT_VERBS and bool(VERB_ENDING.search(text) or LIGHT_VERB.fullmatch(text) or is_aorist(text))

    def is_light_verb(self, index: int) -> bool:
        token = self.word(index)
        return token is not None and token.text not in nums.COPULAS and bool(LIGHT_VERB.fullmatch(token.text))

    def is_modifier(self, token: _Token) -> bool:
        text = token.text
        if text in ADJECTIVES or text in nums.COUNT_ADJECTIVES:
            return True
        if (
            not PARTICIPLE.fullmatch(text)
            or text in NOT_PARTICIPLES
            or text.endswith(("dan", "dən"))
            or self.is_verb(token)
        ):
            return False
        return self.analysis(token).case == "nominative"

    def ends_phrase(self, index: int, *, first: bool) -> bool:
        token = self.tokens[index] if index < len(self.tokens) else None
        if token is None or token.newline_before:
            return True
        if token.kind != "word" or token.text in FUNCTION_WORDS or token.text in nums.COPULAS or self.is_verb(token):
            return True
        if token.capital:
            return True
        # A noun before a light verb is the verb's complement (``iştirak etmişdir``), unless it
        # is the very noun counted (``18 düzəliş edilmişdir``).
        return not first and self.is_light_verb(index + 1)

    def leading_participle(self, index: int) -> bool:
        """Whether token ``index``, right after a number, is a participle modifying the noun after it.

        ``51 təqsirləndirilən şəxsdən``: right after a number, a participle (which elsewhere may
        end a phrase as a verb form) modifies the noun that follows it.
        """
        token = self.word(index)
        if token is None or token.newline_before or token.capital or not _is_participle(token.text):
            return False
        if LIGHT_VERB.fullmatch(token.text):
            return False
        return self.word(index + 1) is not None and not self.ends_phrase(index + 1, first=False)

    def noun_phrase(self, index: int) -> tuple[int, int] | None:
        """(first, head) token indices of the noun phrase starting at ``index``, or None."""
        if self.leading_participle(index) and not self.leading_participle(index + 1):  # one: no recursion
            phrase = self.noun_phrase(index + 1)
            return None if phrase is None else (index, phrase[1])
        if index < len(self.tokens) and self.tokens[index].text == "“":
            # a quoted name before the noun: 5 “ASAN xidmət” mərkəzindəki
            closing = next(
                (k for k in range(index + 1, min(index + 12, len(self.tokens))) if self.tokens[k].text == "”"), None
            )
            if closing is None:
                return None
            return self.noun_phrase(closing + 1)
        chain: list[int] = []
        j = index
        while len(chain) < 6 and not self.ends_phrase(j, first=not chain):
            chain.append(j)
            analysis = self.analysis(self.tokens[j])
            if self.is_light_verb(j + 1) or analysis.case != "nominative":
                break  # a case ending closes the phrase
            j += 1
            # ``11 televiziya və radio çıxışı``: coordinated modifiers of one head
            after = self.word(j)
            if (
                after is not None
                and after.text == "və"
                and not analysis.possessive
                and self._coordinated_modifier(j + 1)
            ):
                chain = []
                j += 1
        if not chain:
            return None
        return chain[0], self._head(chain)

    def _coordinated_modifier(self, index: int) -> bool:
        bare, head = self.word(index), self.word(index + 1)
        if (
            bare is None
            or head is None
            or self.ends_phrase(index, first=False)
            or self.ends_phrase(index + 1, first=False)
        ):
            return False
        return (
            self.analysis(bare).case == "nominative"
            and not self.analysis(bare).possessive
            and self.analysis(head).possessive
        )

    def _head(self, chain: list[int]) -> int:
        for position, index in enumerate(chain):
            token = self.tokens[index]
            rest = chain[position + 1 :]
            if not rest:
                return index
            analysis = self.analysis(token)
            following = self.tokens[rest[0]]
            following_analysis = self.analysis(following) if following.kind == "word" else None
            if analysis.case != "nominative":
                return index
            if self.is_modifier(token):
                continue
            if analysis.possessive:
                # ``icra hakimiyyəti orqanının``: a possessive modifying a possessive head
                if following_analysis and following_analysis.possessive and not self.is_modifier(following):
                    continue
                return index
            if following_analysis is None or self.is_modifier(following):
                return index
            if following_analysis.possessive:
                continue  # izafet: təhsil müəssisəsi
            if following_analysis.case != "nominative":
                return index  # könüllü | qeydiyyatdan keçmiş
            if len(rest) > 1 and self.tokens[rest[1]].kind == "word":
                after = self.analysis(self.tokens[rest[1]])
                if after.possessive and not self.is_modifier(following):
                    return index  # video dərs | işarət dilinə
        return chain[-1]


def _decimal(number: str) -> Decimal:
    digits = re.sub(r"[ \u00a0]", "", number)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", digits):
        digits = digits.replace(".", "")
    return Decimal(digits.replace(",", "."))


def _value(amount: Decimal, *, kind: str, decimal_written: bool) -> int | float:
    if amount == amount.to_integral_value() and not (kind == "percent" and decimal_written):
        return int(amount)
    return float(amount)


def _word_number(scanner: _Scanner, index: int) -> tuple[int, int] | None:
    """(value, end token index) of a number in words starting at ``index``."""
    total = current = 0
    j = index
    while (token := scanner.word(j)) is not None and token.text in _NUMBER_WORDS and not token.capital:
        if j > index and scanner.tokens[j].newline_before:
            break
        value = _NUMBER_WORDS[token.text]
        if value == 100:
            current = (current or 1) * 100
        elif value >= 1000:
            total += (current or 1) * value
            current = 0
        else:
            current += value
        j += 1
    if j == index:
        return None
    return total + current, j


_QUALIFIERS_BEFORE = tuple(
    (tuple(phrase.split()), qualifier)
    for phrase, qualifier in sorted(nums.QUALIFIERS_BEFORE.items(), key=lambda item: -len(item[0].split()))
)
"""The qualifiers written before a number as word sequences, the longest first."""


def _qualifier_before(scanner: _Scanner, index: int) -> tuple[str, int] | None:
    word = scanner.word
    for words, qualifier in _QUALIFIERS_BEFORE:
        first = index - len(words)
        if first < 0:
            continue
        if (
            all((token := word(first + k)) is not None and token.text == w for k, w in enumerate(words))
            and not scanner.tokens[index].newline_before
        ):
            return qualifier, scanner.tokens[first].start
    return None


def _qualifier_after(scanner: _Scanner, surface: str, index: int) -> tuple[str, int] | None:
    """A qualifier word at token ``index`` fitting the case of ``surface`` (``nəfərdən çox``)."""
    token = scanner.word(index)
    if token is None or token.newline_before:
        return None
    if _ABLATIVE.search(surface) and token.text in nums.QUALIFIERS_AFTER_ABLATIVE:
        return nums.QUALIFIERS_AFTER_ABLATIVE[token.text], token.end
    if _DATIVE.search(surface) and token.text in nums.QUALIFIERS_AFTER_DATIVE:
        return nums.QUALIFIERS_AFTER_DATIVE[token.text], token.end
    if surface.endswith("n") and token.text in nums.QUALIFIERS_AFTER_GENITIVE:
        return nums.QUALIFIERS_AFTER_GENITIVE[token.text], token.end
    return None


def _counted_before(scanner: _Scanner, number_index: int, *, genitive_only: bool) -> str:
    """The noun a measure refers back to: ``bukletin (2500 ədəd)``, ``könüllülərin ən fəal 30 nəfəri``."""
    j = number_index - 1
    if not genitive_only:
        if j >= 0 and scanner.tokens[j].text == "(":
            word = scanner.word(j - 1)
            if word is not None and not scanner.ends_phrase(j - 1, first=True):
                return scanner.analysis(word).lemma
        return ""
    for k in range(j, max(j - 4, -1), -1):
        word = scanner.word(k)
        if word is None:
            return ""
        analysis = scanner.analysis(word)
        if analysis.case == "genitive" and analysis.plural:
            return analysis.lemma
    return ""


def _counted_after(scanner: _Scanner, index: int) -> str:
    """The lemma of the noun a measure word counts (``8 nəfər üzvdən`` → ``üzv``), or empty."""
    phrase = scanner.noun_phrase(index)
    if phrase is None or scanner.is_light_verb(index + 1):
        return ""
    head = scanner.tokens[phrase[1]]
    if _is_participle(head.text):
        return ""  # a verb form, no noun: 5 nəfər yaşayan
    analysis = scanner.analysis(head)
    return "" if analysis.case == "instrumental" else analysis.lemma


def _identifier_follows(scanner: _Scanner, index: int) -> bool:
    for k in (index, index + 1):
        word = scanner.word(k)
        if word is not None and word.text.startswith(nums.IDENTIFIER_WORDS):
            return True
    return False


def _measure(
    scanner: _Scanner, start: int, amount: Decimal, decimal_written: bool, index: int, qualifier: str, number_index: int
) -> CountMention | None:
    """The mention whose number ends before token ``index`` (after any multiplier)."""
    token = scanner.tokens[index] if index < len(scanner.tokens) else None
    if token is None or token.newline_before or _identifier_follows(scanner, index):
        return None
    if token.kind == "word":
        found = _percent_or_money(scanner, start, amount, decimal_written, index, qualifier)
        if found is None:
            found = _duration(scanner, start, amount, decimal_written, index, qualifier)
        if found is not None:
            return found
        if token.text in nums.DURATION_ADJECTIVES or _form(token.text, _AGES)[0] is not None:
            return None  # an age: 18 yaşınadək, 60 yaşlı
        form, up_to = _form(token.text, _MEASURES)
        if form is not None:
            return _measure_word(scanner, start, amount, decimal_written, index, qualifier, number_index, form, up_to)
    return _noun_phrase_count(scanner, start, amount, decimal_written, index, qualifier)


def _percent_or_money(
    scanner: _Scanner, start: int, amount: Decimal, decimal_written: bool, index: int, qualifier: str
) -> CountMention | None:
    """A percentage (``5 faiz``) or money (``398,3 manat``, ``ABŞ dolları``) whose unit is at token ``index``."""
    token = scanner.tokens[index]
    form, up_to = _form(token.text, _PERCENTS)
    if form is not None:
        return _finish(scanner, start, token, amount, decimal_written, "faiz", "", qualifier, "percent", up_to)
    currency_index = index + 1 if token.text in nums.CURRENCY_COUNTRIES else index
    currency = scanner.word(currency_index)
    if currency is None:
        return None
    form, up_to = _form(currency.text, _CURRENCY_WORDS)
    if form is None:
        return None
    code = nums.CURRENCIES[form.lemma]
    return _finish(scanner, start, currency, amount, decimal_written, code, "", qualifier, "money", up_to)


def _duration(
    scanner: _Scanner, start: int, amount: Decimal, decimal_written: bool, index: int, qualifier: str
) -> CountMention | None:
    """A duration whose unit is at token ``index``: ``3 aylıq``, ``5 iş günü``, ``24 saat``."""
    token = scanner.tokens[index]
    if token.text in _DURATION_UNIT:
        lemma = _DURATION_UNIT[token.text]
        return _finish(scanner, start, token, amount, decimal_written, lemma, "", qualifier, "duration", "")
    unit_index = index + 1 if token.text in nums.DURATION_MODIFIERS else index
    unit = scanner.word(unit_index)
    if unit is None:
        return None
    form, up_to = _form(unit.text, _TIMES)
    if form is None:
        return None
    return _finish(scanner, start, unit, amount, decimal_written, form.lemma, "", qualifier, "duration", up_to)


def _measure_word(
    scanner: _Scanner,
    start: int,
    amount: Decimal,
    decimal_written: bool,
    index: int,
    qualifier: str,
    number_index: int,
    form: NounForm,
    up_to: str,
) -> CountMention:
    """A count in the measure word ``form`` at token ``index``, with the noun it counts (``8 nəfər üzvdən``)."""
    token = scanner.tokens[index]
    mention = _finish(scanner, start, token, amount, decimal_written, form.lemma, "", qualifier, "count", up_to)
    after = scanner.index_at(mention.end)
    if form.lemma in nums.NOTHING_COUNTED:
        counted = ""
    elif form.possessive:
        counted = _counted_before(scanner, number_index, genitive_only=True)
    else:
        counted = _counted_after(scanner, after) or _counted_before(scanner, number_index, genitive_only=False)
    return CountMention(mention.start, mention.end, mention.value, mention.unit, counted, mention.qualifier, "count")


def _noun_phrase_count(
    scanner: _Scanner, start: int, amount: Decimal, decimal_written: bool, index: int, qualifier: str
) -> CountMention | None:
    """A count of the noun phrase at token ``index``, its head's lemma the unit (``44 ali təhsil müəssisəsinin``)."""
    phrase = scanner.noun_phrase(index)
    if phrase is None:
        return None
    head = scanner.tokens[phrase[1]]
    if head.kind != "word":
        return None
    analysis = scanner.analysis(head)
    return _finish(scanner, start, head, amount, decimal_written, analysis.lemma, "", qualifier, "count", "")


def _finish(
    scanner: _Scanner,
    start: int,
    last: _Token,
    amount: Decimal,
    decimal_written: bool,
    unit: str,
    counted: str,
    qualifier: str,
    kind: str,
    up_to: str,
) -> CountMention:
    end = last.end
    if last.text.startswith(("mln", "mlrd")) and scanner.folded[end : end + 1] == ".":
        end += 1
    if up_to:
        qualifier = "at_most"
    after = _qualifier_after(scanner, last.text, scanner.index_at(end))
    if after is not None and qualifier == "exact":
        qualifier, end = after
    return CountMention(
        start, end, _value(amount, kind=kind, decimal_written=decimal_written), unit, counted, qualifier, kind
    )


def _mention_at(
    scanner: _Scanner, index: int, start: int, end: int, amount: Decimal, decimal_written: bool, *, words: bool
) -> CountMention | None:
    """The mention of a number spanning ``start:end`` (token ``index`` is its first token)."""
    folded = scanner.folded
    if _ORDINAL_AFTER.match(folded, end):
        return None
    qualifier, span_start = "exact", start
    before = _qualifier_before(scanner, index)
    if before is not None:
        qualifier, span_start = before
    if _marks_no_count(scanner, index):
        return None
    suffix = _SUFFIX_AFTER.match(folded, end)
    if not words and suffix and (suffix["pct"] or suffix["suffix"]):
        if suffix["pct"]:
            return _percent_sign(scanner, span_start, amount, decimal_written, qualifier, suffix)
        return _with_ending(scanner, index, span_start, end, amount, decimal_written, suffix["suffix"], suffix.end())
    next_index = _after_number_in_words(scanner, scanner.index_at(end))
    multiplier = scanner.word(next_index)
    if multiplier is not None and (m := _MULTIPLIER.fullmatch(multiplier.text)) and not multiplier.newline_before:
        return _multiplied(scanner, index, span_start, amount, decimal_written, qualifier, multiplier, m)
    if words and amount == 1:
        # ``bir`` is a number only before a measure word (``bir nəfər``, ``bir dəfə``)
        unit = scanner.word(next_index)
        if unit is None or _form(unit.text, _MEASURES)[0] is None:
            return None
    mention = _measure(scanner, span_start, amount, decimal_written, next_index, qualifier, index)
    return mention


def _after_number_in_words(scanner: _Scanner, index: int) -> int:
    """The token after the number repeated in words in parentheses (``2 (iki) müqavilə``,
    ``30 (otuz) gün``, as legal texts write them), or ``index`` when there is none."""
    tokens = scanner.tokens
    if index >= len(tokens) or tokens[index].text != "(" or tokens[index].newline_before:
        return index
    close = index + 1
    while close < len(tokens) and close - index <= 6 and tokens[close].text in _NUMBER_WORDS:
        close += 1
    if close == index + 1 or close >= len(tokens) or tokens[close].text != ")":
        return index
    return close + 1


def _marks_no_count(scanner: _Scanner, index: int) -> bool:
    """Whether the word before the number at token ``index`` makes it no count: ``hər`` (each), ``№``,
    or an article or item noun naming it (``maddə 15``, ``bənd 3``)."""
    previous = scanner.word(index - 1)
    if previous is not None and (previous.text == "hər" or previous.text in _NUMBERED_PARTS):
        return True
    return index > 0 and scanner.tokens[index - 1].text in nums.IDENTIFIER_SIGNS


def _percent_sign(
    scanner: _Scanner, span_start: int, amount: Decimal, decimal_written: bool, qualifier: str, suffix: re.Match[str]
) -> CountMention:
    """A percentage written with ``%`` (``suffix``), and any qualifier after it (``25%-dən çox``)."""
    folded = scanner.folded
    mention = CountMention(
        span_start,
        suffix.end(),
        _value(amount, kind="percent", decimal_written=decimal_written),
        "faiz",
        "",
        qualifier,
        "percent",
    )
    after = _qualifier_after(scanner, folded[suffix.start() : suffix.end()], scanner.index_at(suffix.end()))
    if after is not None and qualifier == "exact":
        return CountMention(mention.start, after[1], mention.value, "faiz", "", after[0], "percent")
    return mention


def _with_ending(
    scanner: _Scanner,
    index: int,
    span_start: int,
    end: int,
    amount: Decimal,
    decimal_written: bool,
    ending: str,
    ending_end: int,
) -> CountMention | None:
    """A number with a case ending after a dash, then a qualifier (``50-dən çox``) or ``-dək``, and what it measures."""
    if ending in nums.UP_TO_ENDINGS:
        qualifier = "at_most"
    else:
        after = _qualifier_after(scanner, ending, scanner.index_at(ending_end))
        if after is None and ending in nums.PARTITIVE_ENDINGS:
            return _partitive(scanner, index, span_start, amount, decimal_written, scanner.index_at(ending_end))
        if after is None:
            return None  # a number in a case (9-a çatmışdır)
        qualifier = after[0]
        end = after[1]
    else_end = end if ending not in nums.UP_TO_ENDINGS else ending_end
    mention = _measure(scanner, span_start, amount, decimal_written, scanner.index_at(else_end), "exact", index)
    if mention is None:
        return None
    return CountMention(span_start, mention.end, mention.value, mention.unit, mention.counted, qualifier, mention.kind)


def _partitive(
    scanner: _Scanner, index: int, span_start: int, amount: Decimal, decimal_written: bool, noun_index: int
) -> CountMention | None:
    """``29-u qadın``: a number with a partitive ending counts the noun after it; alone (``21-i``) it is none.

    The noun is a bare nominative closing the clause, followed by a copula (``29-u qadın olmaqla``)
    or by ``və`` and the next number (``29-u qadın və 11-i kişi``); a partitive before an adverbial
    (``17-si elektron qaydada``) or a predicate (``1-i əsaslı hesab edilərək``) counts nothing.
    """
    phrase = scanner.noun_phrase(noun_index)
    if phrase is None:
        return None
    head = scanner.tokens[phrase[1]]
    analysis = scanner.analysis(head)
    if analysis.case != "nominative" or analysis.possessive or scanner.is_modifier(head):
        return None  # 54-ü abidələrin, 1-i əsaslı hesab edilərək
    after, then = (scanner.tokens[k] if k < len(scanner.tokens) else None for k in (phrase[1] + 1, phrase[1] + 2))
    coordinated = after is not None and after.text == "və" and then is not None and then.kind == "number"
    if after is not None and after.kind == "word" and after.text not in nums.COPULAS and not coordinated:
        return None  # 5-i pandemiya ilə bağlı: the noun belongs to what follows
    mention = _measure(scanner, span_start, amount, decimal_written, noun_index, "exact", index)
    return mention if mention is not None and mention.kind == "count" else None


def _multiplied(
    scanner: _Scanner,
    index: int,
    span_start: int,
    amount: Decimal,
    decimal_written: bool,
    qualifier: str,
    multiplier: _Token,
    m: re.Match[str],
) -> CountMention | None:
    """A number times the ``multiplier`` word after it (``398,3 milyon manat``), with any qualifier after that."""
    scale = nums.MULTIPLIERS[m["word"]]
    amount *= scale
    multiplier_end = multiplier.end + (1 if scanner.folded[multiplier.end : multiplier.end + 1] == "." else 0)
    if not m["end"]:
        amount, multiplier_end = _added_parts(scanner, amount, scale, multiplier_end)
    if m["end"]:
        after = _qualifier_after(scanner, m["end"], scanner.index_at(multiplier_end))
        if after is None and m["end"] != "dək":
            return None
        qualifier = after[0] if after else "at_most"
        multiplier_end = after[1] if after else multiplier_end
    mention = _measure(scanner, span_start, amount, decimal_written, scanner.index_at(multiplier_end), "exact", index)
    if mention is None:
        return None
    return CountMention(
        span_start,
        mention.end,
        mention.value,
        mention.unit,
        mention.counted,
        qualifier if qualifier != "exact" else mention.qualifier,
        mention.kind,
    )


def _added_parts(scanner: _Scanner, amount: Decimal, scale: int, end: int) -> tuple[Decimal, int]:
    """``3 min 200 hektar``, ``2 milyon 500 min manat``: smaller numbers after a multiplier word
    (each with a smaller multiplier of its own, if any) add to the amount; returns the amount and
    where the number now ends."""
    folded = scanner.folded
    while True:
        position = end
        while position < len(folded) and position - end < 2 and folded[position] in " \u00a0":
            position += 1
        following = _NUMBER.match(folded, position) if position > end else None
        if following is None:
            break
        part = _decimal(following.group())
        next_index = scanner.index_at(following.end())
        word = scanner.word(next_index)
        word_match = _MULTIPLIER.fullmatch(word.text) if word is not None and not word.newline_before else None
        part_scale = nums.MULTIPLIERS[word_match["word"]] if word_match is not None and not word_match["end"] else 1
        if part_scale >= scale or part * part_scale >= scale:
            break
        amount += part * part_scale
        end = following.end() if part_scale == 1 else word.end  # type: ignore[union-attr]
        scale = part_scale
        if scale == 1:
            break
    return amount, end


def find_counts(
    text: str,
    *,
    durations: bool = True,
    dates: Sequence[DateMention] | None = None,
) -> list[CountMention]:
    """Every count, amount of money, percentage (and duration) of ``text``, in order.

    Args:
        text: normalized text.
        durations: also report durations (``5 iş günü``, ``3 aylıq``; kind ``duration``).
        dates: the text's date mentions when already found (:func:`find_dates`), to save
            finding them again; numbers inside dates are never counts.

    Returns:
        Non-overlapping mentions.
    """
    scanner = _Scanner(text)
    spans = [(d.start, d.end) for d in (find_dates(text) if dates is None else dates)]
    date_starts = [start for start, _end in spans]

    def in_date(offset: int) -> bool:
        k = bisect.bisect_right(date_starts, offset) - 1
        return k >= 0 and spans[k][0] <= offset < spans[k][1]

    candidates: list[tuple[int, int, Decimal, bool, bool]] = []
    for match in _NUMBER.finditer(scanner.folded):
        if sum(map(str.isdigit, match.group())) <= _LONGEST_NUMBER:
            candidates.append((match.start(), match.end(), _decimal(match.group()), "," in match.group(), False))
    end_index = 0  # where the last number in words ends
    folded = scanner.folded
    starts = [
        i
        for i, (start, end, kind, _) in enumerate(scanner.pieces)
        if kind == "word" and folded[start:end] in _NUMBER_WORDS and not text[start].isupper()
    ]
    for index in starts:  # only where a number word starts (what _word_number checks first)
        if index < end_index:
            continue
        found = _word_number(scanner, index)
        if found is None:
            continue
        value, end_index = found
        token = scanner.tokens[index]
        candidates.append((token.start, scanner.tokens[end_index - 1].end, Decimal(value), False, True))
    candidates.sort()

    mentions: list[CountMention] = []
    for start, end, amount, decimal_written, words in candidates:
        if in_date(start) or (mentions and start < mentions[-1].end):
            continue
        mention = _mention_at(scanner, scanner.index_at(start), start, end, amount, decimal_written, words=words)
        if mention is None or (not durations and mention.kind == "duration"):
            continue
        mentions.append(mention)
    return _resolve_ellipsis(scanner, mentions)


def _resolve_ellipsis(scanner: _Scanner, mentions: list[CountMention]) -> list[CountMention]:
    """``46 planlı və 12 plandankənar yoxlama``: the first count takes the unit of the second."""
    resolved = list(mentions)
    for k in range(len(resolved) - 1):
        mention, following = resolved[k], resolved[k + 1]
        between = scanner.folded[mention.end : following.start].strip()
        if (
            mention.kind == following.kind == "count"
            and between in ("və", ",")
            and re.search(r"(?:l[ıiuü]|s[ıi]z|s[uü]z)$", mention.unit)
        ):
            resolved[k] = CountMention(
                mention.start,
                mention.end,
                mention.value,
                following.unit,
                following.counted,
                mention.qualifier,
                mention.kind,
            )
    return resolved
