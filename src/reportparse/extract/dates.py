"""Azerbaijani temporal expressions → normalized date mentions.

A grammar of patterns over the case-folded text (same length as the text, so offsets carry
over). Patterns are tried at every position; the longest match wins and matches never overlap.
Conventions (what a mention spans, kinds, granularity) are those of ``corpus/README.md``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from reportparse.lang.az.calendar import (
    CONTINUOUS_TERMS,
    DAY_ENDINGS,
    MONTH_GENITIVE_ENDINGS,
    MONTHS,
    ORDINAL_WORDS,
    RELATIVE_YEARS,
    ROMAN_QUARTERS,
)
from reportparse.lang.az.casing import casefold
from reportparse.lang.az.orthography import DASH_CLASS, ORDINAL_SUFFIXES

KINDS = ("point", "period", "range", "deadline", "continuous")
"""What a date mention says: a day or span that happened (``point``, ``range``), a span of
time (``period``), a date something is due by (``deadline``), or that it goes on without a
date (``continuous``: ``mütəmadi``, ``daimi``)."""

GRANULARITIES = ("day", "month", "quarter", "year")
"""The unit a date mention is precise to ("" for ``continuous`` mentions, which have no date)."""


@dataclass(frozen=True)
class DateMention:
    """One temporal expression; dates are None when the year is unknown."""

    start: int
    end: int
    date_start: dt.date | None
    date_end: dt.date | None
    granularity: str
    kind: str
    year_inferred: bool


_D = DASH_CLASS
# ``\s*(?:-\s*)?``, not ``\s*-?\s*``: two runs of spaces side by side split a long run every way (quadratic)
_SUF = rf"\s*(?:-\s*)?(?:{'|'.join(ORDINAL_SUFFIXES)})"
_YEAR = r"(?<![\d.,/-])(?:19|20)\d\d"
_MONTH = rf"(?:{'|'.join(MONTHS)})"
_MONTH_GEN = rf"(?:{'|'.join(MONTHS)})(?:{'|'.join(MONTH_GENITIVE_ENDINGS)})"
_DAY = r"(?<![\d.])(?:0?[1-9]|[12]\d|3[01])(?![\d.,]\d)"
_DAY_END = rf"-?(?:{'|'.join(sorted(DAY_ENDINGS, key=len, reverse=True))})\b"
_IL = r"il(?!lər|dönüm|lik)\w*"  # il, ilin, ildə, ildən, ildəki, illə — not illər, ildönümü, illik
_END = r"(?![\w-])"


def _month(word: str) -> int:
    for number, name in enumerate(MONTHS, 1):
        if word.startswith(name):
            return number
    raise ValueError(word)


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _day(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


Handler = Callable[[re.Match[str], int | None], DateMention | list[DateMention] | None]
_RULES: list[tuple[re.Pattern[str], Handler]] = []


def rule(pattern: str) -> Callable[[Handler], Handler]:
    """Register a pattern and the function that turns its match into mention(s)."""

    def register(handler: Handler) -> Handler:
        _RULES.append((re.compile(pattern), handler))
        return handler

    return register


def _mention(
    m: re.Match[str],
    start: dt.date | None,
    end: dt.date | None,
    granularity: str,
    kind: str,
    inferred: bool,
    span: tuple[int, int] | None = None,
) -> DateMention | None:
    if start is not None and end is not None and start > end:
        return None
    if (start is None) != (end is None):  # one end an impossible day (`5 may – 31 iyun`): not a date
        return None
    s, e = span or (m.start(), m.end())
    return DateMention(s, e, start, end, granularity, kind, inferred)


def _year_of(m: re.Match[str], year: int | None) -> tuple[int | None, bool]:
    written = m.groupdict().get("y")
    if written:
        return int(written), False
    relative = m.groupdict().get("rel")
    offset = RELATIVE_YEARS.get(relative, 0) if relative else 0
    return (year + offset if year is not None else None), True


_YEAR_WORD = rf"(?:(?P<y>{_YEAR}){_SUF}\s+|(?P<rel>{'|'.join(RELATIVE_YEARS)})\s+)"


@rule(rf"(?P<a>{_YEAR})\s*{_D}\s*(?P<b>(?:19|20)\d\d){_SUF}\s+illər\w*")
def _year_range(m, year):
    a, b = int(m["a"]), int(m["b"])
    return _mention(m, dt.date(a, 1, 1), dt.date(b, 12, 31), "year", "range", False)


@rule(
    rf"(?<![\d.])(?P<d>0?[1-9]|[12]\d|3[01])\s*[./]\s*(?P<mo>0?[1-9]|1[0-2])\s*[./]\s*(?P<y>(?:19|20)\d\d)"
    rf"(?:{_SUF}\s+il\b)?{_END}"
)
def _numeric(m, year):
    date = _day(int(m["y"]), int(m["mo"]), int(m["d"]))
    return _mention(m, date, date, "day", "point", False) if date else None


@rule(rf"(?<![\d.])(?P<d>0?[1-9]|[12]\d|3[01])-(?P<mo>0[1-9]|1[0-2])-(?P<y>(?:19|20)\d\d){_END}")
def _numeric_dashes(m, year):
    date = _day(int(m["y"]), int(m["mo"]), int(m["d"]))
    return _mention(m, date, date, "day", "point", False) if date else None


# 2022-ci il 4 aprel · 2023-cü il 21-22 noyabr · cari ilin 14 iyun
@rule(rf"{_YEAR_WORD}(?:il\w*\s+)(?P<d>{_DAY})(?:\s*{_D}\s*(?P<d2>{_DAY}))?\s+(?P<m>{_MONTH}){_END}")
def _year_day_month(m, year):
    y, inferred = _year_of(m, year)
    month = _month(m["m"])
    first = _day(y, month, int(m["d"]))
    if m["d2"]:
        return _mention(m, first, _day(y, month, int(m["d2"])), "day", "range", inferred)
    return _mention(m, first, first, "day", "point", inferred)


# 2023-cü il 3 aprel tarixindən 4 may (tarixinədək): one range, the tarix words inside
@rule(
    rf"(?P<y>{_YEAR}){_SUF}\s+il\s+(?P<d>{_DAY})\s+(?P<m>{_MONTH})\s+tarixindən\s+(?P<d2>{_DAY})\s+(?P<m2>{_MONTH}){_END}"
)
def _year_dated_range(m, year):
    y = int(m["y"])
    return _mention(
        m, _day(y, _month(m["m"]), int(m["d"])), _day(y, _month(m["m2"]), int(m["d2"])), "day", "range", False
    )


# 2022-ci il martın 5-dək
@rule(rf"{_YEAR_WORD}il\w*\s+(?P<m>{_MONTH_GEN})\s+(?P<d>{_DAY}){_DAY_END}")
def _year_month_day(m, year):
    y, inferred = _year_of(m, year)
    date = _day(y, _month(m["m"]), int(m["d"]))
    kind = "deadline" if m.group().endswith("dək") else "point"
    return _mention(m, date, date, "day", kind, inferred)


# 2024-cü il 11, 13 və 20 iyun → three points
@rule(rf"(?P<y>{_YEAR}){_SUF}\s+il\s+(?P<days>{_DAY}(?:\s*,\s*{_DAY})*\s*(?:,|\svə)\s*{_DAY})\s+(?P<m>{_MONTH}){_END}")
def _day_list(m, year):
    y, month = int(m["y"]), _month(m["m"])
    numbers = list(re.finditer(r"\d+", m["days"]))
    mentions = []
    for index, number in enumerate(numbers):
        date = _day(y, month, int(number.group()))
        start = m.start() if index == 0 else m.start("days") + number.start()
        end = m.start("days") + number.end() if index < len(numbers) - 1 else m.end()
        mentions.append(DateMention(start, end, date, date, "day", "point", index > 0))
    return mentions


# 15 mart 2022-ci il · 23-24 may · 15 mart – 20 aprel 2022-ci il · 18 dekabr 2018
@rule(
    rf"(?P<d>{_DAY})(?:\s*{_D}\s*(?P<d2>{_DAY}))?\s+(?P<m>{_MONTH})(?:\s*{_D}\s*(?P<d3>{_DAY})\s+(?P<m3>{_MONTH}))?"
    rf"(?:\s+(?P<y>{_YEAR})(?:{_SUF}\s+(?:il(?!lər|dönüm|lik))\b)?)?(?P<tail>[a-zəıöüçşğ]*){_END}"
)
def _day_month_year(m, year):
    if m["tail"] and m["y"]:
        return None
    tail_ok = not m["tail"] or m["tail"] in ("da", "də", "a", "ə", "dan", "dən", "dək")
    if not tail_ok:
        return None
    y, inferred = (int(m["y"]), False) if m["y"] else (year, True)
    first = _day(y, _month(m["m"]), int(m["d"]))
    if m["d3"]:
        return _mention(m, first, _day(y, _month(m["m3"]), int(m["d3"])), "day", "range", inferred)
    if m["d2"]:
        return _mention(m, first, _day(y, _month(m["m"]), int(m["d2"])), "day", "range", inferred)
    return _mention(m, first, first, "day", "point", inferred)


# martın 15-də · dekabrın 30-dək · iyulun 6-dan avqustun 14-dək · iyunun 10-dan 20-dək
@rule(rf"(?P<m>{_MONTH_GEN})\s+(?P<d>{_DAY}){_DAY_END}(?:\s+(?:(?P<m2>{_MONTH_GEN})\s+)?(?P<d2>{_DAY})-?dək\b)?")
def _month_day(m, year):
    first_month = _month(m["m"])
    first = _day(year, first_month, int(m["d"]))
    if m["d2"]:
        second = _day(year, _month(m["m2"]) if m["m2"] else first_month, int(m["d2"]))
        return _mention(m, first, second, "day", "range", True)
    kind = "deadline" if m.group().endswith("dək") else "point"
    return _mention(m, first, first, "day", kind, True)


_QUARTER = rf"(?P<q>{'|'.join(ROMAN_QUARTERS)}|{'|'.join(ORDINAL_WORDS)})\s+rüb\w*(?:\s+ərzində)?"
_HALF = rf"(?P<h>{'|'.join(ROMAN_QUARTERS)}|{'|'.join(ORDINAL_WORDS)})\s+yarı\w*"
_MONTHS_SPAN = rf"(?P<m1>{_MONTH})\s*{_D}\s*(?P<m2>{_MONTH})\s+ay\w*"
_ONE_MONTH = rf"(?P<mo>{_MONTH})(?:\s+ay\w*|ın\w+|in\w+|un\w+|ün\w+)(?P<mend>\s+sonunadək)?"
_YEAR_END = r"(?P<end>sonunadək|sonuna|sonunda|əvvəlində\w*)"


# 2022-ci ilin IV rübü · ilin birinci yarısında · 2022-ci ilin iyul–sentyabr aylarında · ilin sonunadək
@rule(
    rf"(?:{_YEAR_WORD}|(?P<bare>(?<![\w-]))(?:hesabat\s+)?)ilin(?:in)?\s+(?:{_QUARTER}|{_HALF}|{_MONTHS_SPAN}|{_ONE_MONTH}|{_YEAR_END}){_END}"
)
def _part_of_year(m, year):
    y, inferred = _year_of(m, year)
    if y is None:
        return _mention(m, None, None, "year", "period", True)
    if m["q"]:
        quarter = ROMAN_QUARTERS.get(m["q"]) or ORDINAL_WORDS[m["q"]]
        return _mention(m, dt.date(y, 3 * quarter - 2, 1), _last_day(y, 3 * quarter), "quarter", "period", inferred)
    if m["h"]:
        return _half(m, y, m["h"], inferred)
    if m["m1"]:
        return _mention(m, dt.date(y, _month(m["m1"]), 1), _last_day(y, _month(m["m2"])), "month", "range", inferred)
    if m["mo"]:
        month = _month(m["mo"])
        if m["mend"]:  # oktyabr ayının sonunadək
            return _mention(m, _last_day(y, month), _last_day(y, month), "day", "deadline", inferred)
        return _mention(m, dt.date(y, month, 1), _last_day(y, month), "month", "period", inferred)
    if m["end"].startswith("əvvəl"):
        return _mention(m, dt.date(y, 1, 1), dt.date(y, 1, 1), "day", "point", inferred)
    kind = "deadline" if m["end"] == "sonunadək" else "point"
    return _mention(m, dt.date(y, 12, 31), dt.date(y, 12, 31), "day", kind, inferred)


def _half(m: re.Match[str], y: int | None, word: str, inferred: bool) -> DateMention | None:
    half = ROMAN_QUARTERS.get(word) or ORDINAL_WORDS[word]
    if half > 2:
        return None
    if y is None:
        return _mention(m, None, None, "quarter", "period", True)
    return _mention(m, dt.date(y, 6 * half - 5, 1), _last_day(y, 6 * half), "quarter", "period", inferred)


# I yarımil · II yarımildə (the year from the document)
@rule(rf"(?<![\w-])(?P<h>ı|ıı|birinci|ikinci)\s+yarımil\w*{_END}")
def _half_year(m, year):
    return _half(m, year, m["h"], True)


# sentyabr–oktyabr aylarında · mart ayında (no year)
@rule(rf"(?<![\w-])(?:{_MONTHS_SPAN}|(?P<mo>{_MONTH})\s+ay\w*){_END}")
def _months_no_year(m, year):
    if year is None:
        return _mention(m, None, None, "month", "range" if m["m1"] else "period", True)
    if m["m1"]:
        return _mention(m, dt.date(year, _month(m["m1"]), 1), _last_day(year, _month(m["m2"])), "month", "range", True)
    month = _month(m["mo"])
    return _mention(m, dt.date(year, month, 1), _last_day(year, month), "month", "period", True)


# 2022-ci il · 2021-ci ildə · 2022-ci il ərzində · cari il · ötən ilin · hesabat dövründə · il ərzində
@rule(
    rf"(?:(?P<y>{_YEAR}){_SUF}\s+{_IL}|(?<![\w-])(?P<rel>{'|'.join(RELATIVE_YEARS)})\s+{_IL}"
    rf"|(?<![\w-])(?P<rel2>hesabat)\s+dövr\w*|(?<![\w-])(?P<bare>il)(?=\s+ərzin))(?:\s+ərzin\w*)?{_END}"
)
def _year(m, year):
    y, inferred = _year_of(m, year)
    if y is None:
        return _mention(m, None, None, "year", "period", True)
    return _mention(m, dt.date(y, 1, 1), dt.date(y, 12, 31), "year", "period", inferred)


_CONTINUOUS = "|".join(term.replace(" ", r"\s+") for term in CONTINUOUS_TERMS)


# Qanunvericilik Toplusu, 2009, № 6, maddə 488: the year of a gazette citation
@rule(r"(?<![\w.,/-])(?P<y>(?:19|20)\d\d)(?=,\s*№)")
def _citation_year(m, year):
    y = int(m["y"])
    return _mention(m, dt.date(y, 1, 1), dt.date(y, 12, 31), "year", "period", False)


@rule(rf"(?<![\w-])(?:{_CONTINUOUS}){_END}")
def _continuous(m, year):
    return _mention(m, None, None, "", "continuous", False)


def find_dates(text: str, *, year: int | None = None, continuous: bool = True) -> list[DateMention]:
    """Every temporal expression of ``text``, in order, without overlaps.

    Args:
        text: normalized text.
        year: the reporting year, for expressions without one (``cari il``, ``16 mart``);
            None leaves their dates empty.
        continuous: also report ``mütəmadi``/``daimi`` (kind ``continuous``, no dates).

    Returns:
        The mentions, longest match first where several start at the same place.
    """
    folded = casefold(text)
    candidates: list[DateMention] = []
    for pattern, handler in _RULES:
        for match in pattern.finditer(folded):
            found = handler(match, year)
            for mention in found if isinstance(found, list) else [found]:
                if mention is not None and mention.end > mention.start:
                    candidates.append(mention)
    candidates.sort(key=lambda m: (m.start, -(m.end - m.start)))
    chosen: list[DateMention] = []
    for mention in candidates:
        if chosen and mention.start < chosen[-1].end:
            continue
        if not continuous and mention.kind == "continuous":
            continue
        chosen.append(mention)
    return chosen
