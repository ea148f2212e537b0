"""Azerbaijani temporal expressions → normalized date mentions.

The rules are data (``lang/az/data/temporal/rules.txt``, read by :mod:`reportparse.lang.az.temporal`):
each names a pattern and a normalization, one of :data:`NORMALIZATIONS` here, which turns the
match's named groups (``day``, ``month``, ``year``, ``rel``, ``day_to``, ``part``, ``century`` …)
into dates. A date is any order of day, month and year, each in any case; the normalization
composes whatever parts were written. Matching runs on the case-folded text (same length as the
text, so offsets carry over): one scanner finds the next place where a rule matches, every rule
is tried there anchored, the longest match wins and matches never overlap. Conventions (spans,
kinds, granularity, recurrence) are those of ``corpus/README.md``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from reportparse.lang.az.calendar import (
    CONTINUOUS,
    DEADLINE_ENDS,
    ERAS,
    FREQUENCIES,
    MONTH_NUMBERS,
    ORDINAL_WORDS,
    RECURRENCES,
    RELATIVE_YEARS,
    SEASONS,
    YEAR_EDGES,
    YEAR_PARTS,
    roman_value,
)
from reportparse.lang.az.casing import casefold
from reportparse.lang.az.temporal import TemporalRule, grammar
from reportparse.lang.az.text import TextLayer

KINDS = ("point", "period", "range", "deadline")
"""What a date mention says: a day or span that happened (``point``, ``range``), a span of
time (``period``) or a date something is due by (``deadline``)."""

GRANULARITIES = ("day", "month", "quarter", "year", "decade", "century")
"""The unit a date mention is precise to (half-years are ``quarter``; ``day`` whenever the
mention covers one day)."""

__all__ = ["GRANULARITIES", "KINDS", "RECURRENCES", "DateMention", "find_dates", "frequency_of"]


@dataclass(frozen=True)
class DateMention:
    """One temporal expression; dates are None when the year is unknown.

    Attributes:
        recurrence: ``yearly``, ``quarterly``, ``monthly``, ``weekly`` or ``daily`` when a
            frequency word qualifies the date (``hər il dekabrın 30-dək``), else "".
        rule: the name of the rule that found it (``rules.txt``).
    """

    start: int
    end: int
    date_start: dt.date | None
    date_end: dt.date | None
    granularity: str
    kind: str
    year_inferred: bool
    recurrence: str = ""
    rule: str = field(default="", compare=False)


Normalization = Callable[[re.Match[str], "int | None"], "list[DateMention]"]

# a rule starts where no letter, digit, underscore or hyphen stands before it (done here, not as a
# look-behind, which would stop the regex engine from skipping to a rule's first characters)
_NUMBER_BEFORE = ".,/"


def _left_ok(folded: str, position: int) -> bool:
    if position == 0:
        return True
    before = folded[position - 1]
    if before.isalnum() or before in "_-":
        return False
    return not (folded[position].isdigit() and before in _NUMBER_BEFORE)


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _day(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _full_year(written: str, reference: int | None) -> int:
    """A written year; two digits are the year nearest the reference (``88`` → 1988, ``05`` → 2005)."""
    if len(written) > 2:
        return int(written)
    pivot = reference if reference is not None else 2000
    candidates = [century + int(written) for century in range(pivot // 100 * 100 - 100, pivot // 100 * 100 + 200, 100)]
    return min(candidates, key=lambda y: (abs(y - pivot), -1 if y <= pivot else 1))


def _year_of(m: re.Match[str], year: int | None) -> tuple[int | None, bool]:
    groups = m.groupdict()
    if groups.get("year"):
        return _full_year(groups["year"], year), False
    offset = RELATIVE_YEARS.get(re.sub(r"\s+", " ", groups["rel"]), 0) if groups.get("rel") else 0
    return (year + offset if year is not None else None), True


def _month_of(value: str) -> int:
    return int(value) if value.isdigit() else MONTH_NUMBERS[value]


def _make(
    m: re.Match[str],
    dates: tuple[dt.date | None, dt.date | None],
    granularity: str,
    kind: str,
    inferred: bool,
    span: tuple[int, int] | None = None,
) -> list[DateMention]:
    start, end = dates
    if (start is None) != (end is None) or (start is not None and end is not None and start > end):
        return []  # an impossible day or an inverted range: not a date
    s, e = span or (m.start(), m.end())
    return [DateMention(s, e, start, end, granularity, kind, inferred)]


def _is_deadline(m: re.Match[str]) -> bool:
    return m.group().endswith(DEADLINE_ENDS)


# --- normalizations (the NORM names of rules.txt) -------------------------------------------------


def _date(m: re.Match[str], year: int | None) -> list[DateMention]:
    """Day, month and year in any order: whatever parts the match has (``day``, ``month``, ``year``/``rel``)."""
    y, inferred = _year_of(m, year)
    groups = m.groupdict()
    if groups.get("day"):
        if len(groups.get("year") or "") == 2 and not len(groups["day"]) == len(groups["month"]) == 2:
            return []  # 4.2.10, 1.1.10: items; a two-digit year needs 19.09.88
        date = _day(y, _month_of(groups["month"]), int(groups["day"]))
        if y is not None and date is None:
            return []  # 31 iyun, 30.02.2022
        return _make(m, (date, date), "day", "deadline" if _is_deadline(m) else "point", inferred)
    if groups.get("month"):
        month = _month_of(groups["month"])
        if y is None:
            return _make(m, (None, None), "month", "period", inferred)
        if groups.get("edge"):  # oktyabr ayının sonunadək
            edge, kind = YEAR_EDGES[groups["edge"]]
            day = _last_day(y, month) if edge == "end" else dt.date(y, month, 1)
            return _make(m, (day, day), "day", kind, inferred)
        return _make(m, (dt.date(y, month, 1), _last_day(y, month)), "month", "period", inferred)
    if y is None:
        return _make(m, (None, None), "year", "period", inferred)
    return _make(m, (dt.date(y, 1, 1), dt.date(y, 12, 31)), "year", "period", inferred)


def _year_range(m: re.Match[str]) -> list[DateMention]:
    first = int(m["year"])
    written = m["year_to"]
    last = first // 100 * 100 + int(written) if len(written) == 2 else int(written)
    if not first < last <= first + 100:  # 2018-12 (a month), 1234-5678 (a number)
        return []
    return _make(m, (dt.date(first, 1, 1), dt.date(last, 12, 31)), "year", "range", False)


def _range(m: re.Match[str], year: int | None) -> list[DateMention]:
    """Two explicit ends: years (``year``-``year_to``), days (``day``-``day_to``) or months."""
    groups = m.groupdict()
    if groups.get("year_to"):
        return _year_range(m)
    y, inferred = _year_of(m, year)
    first_month = _month_of(groups["month"])
    last_month = _month_of(groups["month_to"]) if groups.get("month_to") else first_month
    if groups.get("day"):
        first, last = _day(y, first_month, int(groups["day"])), _day(y, last_month, int(groups["day_to"]))
        return _make(m, (first, last), "day", "range", inferred)
    if y is None:
        return _make(m, (None, None), "month", "range", inferred)
    return _make(m, (dt.date(y, first_month, 1), _last_day(y, last_month)), "month", "range", inferred)


def _day_list(m: re.Match[str], year: int | None) -> list[DateMention]:
    """``2024-cü il 11, 13 və 20 iyun``: one point per day; the first holds the year, the last the month."""
    y, month = _full_year(m["year"], year), _month_of(m["month"])
    numbers = list(re.finditer(r"\d+", m["days"]))
    mentions = []
    for index, number in enumerate(numbers):
        date = _day(y, month, int(number.group()))
        if date is None:
            return []
        start = m.start() if index == 0 else m.start("days") + number.start()
        end = m.start("days") + number.end() if index < len(numbers) - 1 else m.end()
        mentions.append(DateMention(start, end, date, date, "day", "point", index > 0))
    return mentions


def _year_list(m: re.Match[str], year: int | None) -> list[DateMention]:
    """``2014 və 2015-ci illərdə``: one year per conjunct; the last spans the shared ``illər``."""
    mentions = []
    for conjunct in re.finditer(rf"\d{{4}}(?:{_SUF})?", m["years"]):
        y = int(conjunct.group()[:4])
        start, end = m.start("years") + conjunct.start(), m.start("years") + conjunct.end()
        mentions += _make(m, (dt.date(y, 1, 1), dt.date(y, 12, 31)), "year", "period", False, (start, end))
    last = int(m["year"])
    return mentions + _make(
        m, (dt.date(last, 1, 1), dt.date(last, 12, 31)), "year", "period", False, (m.start("year"), m.end())
    )


def _year_part(m: re.Match[str], year: int | None) -> list[DateMention]:
    """A quarter or half of a year (``IV rübü``, ``birinci yarısında``, ``II yarımildə``)."""
    y, inferred = _year_of(m, year)
    word = m["part"]
    if word is None:  # 1-ci yarısında
        number = int(m["part_digit"])
    else:
        number = ORDINAL_WORDS[word] if word in ORDINAL_WORDS else roman_value(word)
    months = 3 if YEAR_PARTS[m["unit"]] == "quarter" else 6
    if not 1 <= number <= 12 // months:
        return []
    if y is None:
        return _make(m, (None, None), "quarter", "period", inferred)
    first = dt.date(y, months * (number - 1) + 1, 1)
    return _make(m, (first, _last_day(y, months * number)), "quarter", "period", inferred)


def _season(m: re.Match[str], year: int | None) -> list[DateMention]:
    """A season's months (``yay aylarında``); winter starts in the year before."""
    y, inferred = _year_of(m, year)
    first, last = SEASONS[m["season"]]
    if y is None:
        return _make(m, (None, None), "month", "period", inferred)
    start = dt.date(y - 1 if first > last else y, first, 1)
    return _make(m, (start, _last_day(y, last)), "month", "period", inferred)


def _year_edge(m: re.Match[str], year: int | None) -> list[DateMention]:
    """``ilin sonunadək`` (deadline, 31 December), ``ilin əvvəlində`` (1 January)."""
    y, inferred = _year_of(m, year)
    edge, kind = YEAR_EDGES[m["edge"]]
    kind = "deadline" if _is_deadline(m) else kind  # ilin sonuna qədər
    if y is None:
        return _make(m, (None, None), "day", kind, inferred)
    day = dt.date(y, 12, 31) if edge == "end" else dt.date(y, 1, 1)
    return _make(m, (day, day), "day", kind, inferred)


def _century_number(m: re.Match[str], year: int | None, end: str = "") -> int | None:
    """The century written as a Roman numeral or with digits, or relative to the reporting year (``ötən əsr``)."""
    groups = m.groupdict()
    if groups.get("roman" + end):
        return roman_value(groups["roman" + end])
    if groups.get("century" + end):
        return int(groups["century" + end])
    if groups.get("rel") and not end and year is not None:
        return (year - 1) // 100 + 1 + RELATIVE_YEARS.get(groups["rel"], 0)
    return None


def _decade(m: re.Match[str], year: int | None) -> list[DateMention]:
    """``1990-cı illərdə``, ``XX əsrin 90-cı illərində``: ten years."""
    groups = m.groupdict()
    if groups.get("decade"):
        century = _century_number(m, year)
        if century is None:
            return _make(m, (None, None), "decade", "period", True)
        first = (century - 1) * 100 + int(groups["decade"])
    else:
        first = int(groups["year"])
    if first < 1:
        return []
    return _make(m, (dt.date(first, 1, 1), dt.date(first + 9, 12, 31)), "decade", "period", bool(groups.get("rel")))


def _century(m: re.Match[str], year: int | None) -> list[DateMention]:
    """``XX əsrin`` → 1901-01-01..2000-12-31; ``21-ci əsrdə``; ``ötən əsrdə``; ``VII–VIII əsrlərdə`` (a range)."""
    first, last = _century_number(m, year), _century_number(m, year, "_to")
    inferred = bool(m.groupdict().get("rel"))
    kind = "range" if last is not None else "period"
    if first is None:
        return _make(m, (None, None), "century", kind, inferred)
    last = first if last is None else last
    if not 1 <= first <= last <= 30:
        return []
    return _make(m, (dt.date(first * 100 - 99, 1, 1), dt.date(last * 100, 12, 31)), "century", kind, inferred)


NORMALIZATIONS: dict[str, Normalization] = {
    "date": _date,
    "range": _range,
    "day_list": _day_list,
    "year_list": _year_list,
    "year_part": _year_part,
    "season": _season,
    "year_edge": _year_edge,
    "decade": _decade,
    "century": _century,
}
"""Normalization names a rule may give (``NORM:`` in ``rules.txt``) → the function reading its match."""


def _check_rules() -> tuple[TemporalRule, ...]:
    rules = grammar().rules
    unknown = sorted({rule.normalization for rule in rules} - set(NORMALIZATIONS))
    if unknown:
        raise ValueError(f"rules.txt names unknown normalizations: {', '.join(unknown)}")
    return rules


_RULES = _check_rules()
_SUF = grammar().macros["ORD"]
"""The ordinal suffix after a number (``2022-ci``, ``2022 - ci``), as the rules match it."""

# --- frequency words ------------------------------------------------------------------------------

_PERIODIC = [form for form, value in FREQUENCIES.items() if value != CONTINUOUS]


def _alternation(forms: list[str]) -> str:
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))


_FREQUENCY_BEFORE = re.compile(rf"(?<![\w-])(?P<f>{_alternation(_PERIODIC)})[\s,]*\Z")
# ``hər`` of ``hər ilin``: the first word of a periodic phrase, whose second word starts the date
_QUANTIFIERS = sorted({form.split()[0] for form in _PERIODIC if " " in form})
_QUANTIFIER_BEFORE = re.compile(rf"(?<![\w-])(?P<f>{_alternation(_QUANTIFIERS)})\s+\Z")
_ERA_BEFORE = re.compile(rf"(?<![\w-])(?:{_alternation(list(ERAS))})\s*\Z")
_FREQUENCY_ANYWHERE = re.compile(rf"(?<![\w-])(?:{_alternation(list(FREQUENCIES))})(?![\w-])")
_WINDOW = 40


def _normal(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase)


def _recurrence(folded: str, start: int) -> str:
    """The recurrence a frequency word right before ``start`` gives (``hər il dekabrın 30-dək``),
    or of a quantifier (``hər``) + the mention's first word (``hər ilin sonunadək``)."""
    window = folded[max(0, start - _WINDOW) : start]
    before = _FREQUENCY_BEFORE.search(window)
    if before:
        return FREQUENCIES[_normal(before["f"])]
    quantifier = _QUANTIFIER_BEFORE.search(window)
    if quantifier:
        word = re.match(r"\w+", folded[start:])
        if word:
            return FREQUENCIES.get(f"{quantifier['f']} {word.group()}", "")
    return ""


def frequency_of(text: str) -> str:
    """The frequency a deadline or phrase states, from ``frequency.tsv``.

    Args:
        text: e.g. a plan's ``İcra müddəti`` value (``hər il, martın 1-dək``, ``mütəmadi``).

    Returns:
        The first frequency word's value: one of :data:`RECURRENCES`, ``continuous``
        (``mütəmadi``, ``daimi``), or "" when the text has none.
    """
    found = _FREQUENCY_ANYWHERE.search(casefold(text))
    return FREQUENCIES[_normal(found.group())] if found else ""


# --- the scan -------------------------------------------------------------------------------------


_FIRSTS = [(rule, re.compile(rule.first) if rule.first else None) for rule in _RULES]
_RULES_BY_FIRST: dict[str, tuple[TemporalRule, ...]] = {}


def _rules_at(char: str) -> tuple[TemporalRule, ...]:
    """The rules (in file order) a match of which can start with ``char`` ("" at the end: those with no ``first``)."""
    rules = _RULES_BY_FIRST.get(char)
    if rules is None:
        rules = tuple(rule for rule, first in _FIRSTS if first is None or first.match(char))
        _RULES_BY_FIRST[char] = rules
    return rules


def _best_at(folded: str, position: int, year: int | None) -> tuple[int, list[DateMention]]:
    """The longest match of any rule at ``position`` whose normalization gives dates (first rule on a tie)."""
    best_end, best = -1, []
    for rule in _rules_at(folded[position : position + 1]):
        match = rule.regex.match(folded, position)
        if match is None or match.end() <= best_end:
            continue
        mentions = NORMALIZATIONS[rule.normalization](match, year)
        if mentions:
            best_end, best = match.end(), [replace(m, rule=rule.name) for m in mentions]
    return best_end, best


def find_dates(text: str, *, year: int | None = None, continuous: bool = False) -> list[DateMention]:
    """Every temporal expression of ``text``, in order, without overlaps.

    Args:
        text: normalized text.
        year: the reporting year, for expressions without one (``cari il``, ``16 mart``);
            None leaves their dates empty.
        continuous: accepted for older callers and ignored: frequency words (``mütəmadi``,
            ``daimi``, ``hər il``) are never mentions; see :func:`frequency_of` and
            :attr:`DateMention.recurrence`.

    Returns:
        The mentions; where several rules match at one place, the longest.
    """
    del continuous
    folded = TextLayer.of(text).folded  # the document's one fold
    padded = " " + folded  # the scanner matches the character before a rule: padded[i] is folded[i - 1]
    scanner, candidates = grammar().scanner, grammar().candidates
    found: list[DateMention] = []
    position = 0
    while (candidate := candidates.search(padded, position)) is not None:
        start = candidate.start()  # the rule's offset in ``folded``
        if not scanner.match(padded, start):
            position = start + 1
            continue
        end, mentions = _best_at(folded, start, year) if _left_ok(folded, start) else (-1, [])
        if not mentions:
            position = start + 1
            continue
        if _ERA_BEFORE.search(folded[max(0, start - _WINDOW) : start]):  # e.ə. IV əsrdə: no ISO date
            position = end
            continue
        recurrence = _recurrence(folded, mentions[0].start)
        found.extend(replace(m, recurrence=recurrence) if recurrence else m for m in mentions)
        position = end
    return [m for m in found if m.end > m.start]
