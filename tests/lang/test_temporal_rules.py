"""The temporal rules as data: every file loads, every rule compiles, every EXAMPLE line holds."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from reportparse.extract.dates import NORMALIZATIONS, find_dates
from reportparse.lang.az import calendar
from reportparse.lang.az.temporal import (
    _GROUP,
    _starts_with_lookbehind,
    first_characters,
    first_two,
    grammar,
    parse_example,
    read_macros,
    read_rules,
)

GRAMMAR = grammar()
EXAMPLES = GRAMMAR.examples
REPORTING_YEAR = 2022


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e.rule}:{e.line}" for e in EXAMPLES])
def test_example_lines_hold(example):
    found = find_dates(example.text, year=REPORTING_YEAR)
    got = [
        (
            example.text[m.start : m.end],
            _iso(m.date_start),
            _iso(m.date_end),
            m.granularity,
            m.kind,
            m.year_inferred,
            m.recurrence,
        )
        for m in found
    ]
    expected = [
        (r.surface, r.date_start, r.date_end, r.granularity, r.kind, r.year_inferred, r.recurrence)
        for r in example.rows
    ]
    assert got == expected
    assert all(m.rule == example.rule for m in found), [m.rule for m in found]


def test_there_are_examples_for_every_rule_and_the_issue_classes():
    assert len(EXAMPLES) >= 80
    for rule in GRAMMAR.rules:
        assert any(example.rows for example in rule.examples), f"rule {rule.name} has no positive EXAMPLE"
    texts = {example.text for example in EXAMPLES}
    for needed in ("15 mart 2022-ci ildə", "2022-ci il 15 martda", "1871-ci ildə", "XX əsrin", "2016-17", "19.09.88"):
        assert needed in texts


def test_every_rule_names_a_known_normalization_and_none_starts_with_a_look_behind():
    for rule in GRAMMAR.rules:
        assert rule.normalization in NORMALIZATIONS
        assert not _starts_with_lookbehind(rule.pattern)
    assert GRAMMAR.scanner.pattern.startswith("[^\\w-]")  # a character class first: the engine skips to it


@pytest.mark.parametrize(
    ("pattern", "first"),
    [
        (r"(?:\d+|ilin)\s+il", r"[\di]"),
        (r"(?:(?P<a>x{1,3})|[a-c\-])?y", r"[\-a-cxy]"),
        (r"(?=ab)\bab", "[a]"),
        (r"(?<=1)2", "[2]"),
        (r"a?b*", ""),  # may match the empty string
        (r"[^a]b", ""),  # a negated class
        (r".b", ""),
        (r"(?i:a)b", ""),  # flags
        (r"(a)\1", "[a]"),
        (r"\1?(a)", ""),
    ],
)
def test_first_characters(pattern, first):
    assert first_characters(pattern) == first


def test_a_rule_matches_only_where_its_first_characters_stand():
    for rule in GRAMMAR.rules:
        first = re.compile(rule.first or r"[\s\S]")
        for example in GRAMMAR.examples:
            folded = example.text.casefold()
            for position in range(len(folded)):
                if rule.regex.match(folded, position):
                    assert first.match(folded, position), (rule.name, example.text, position)


def test_the_grouped_scanner_finds_what_one_alternation_of_all_rules_finds():
    plain = re.compile(rf"[^\w-](?=(?:{'|'.join(_GROUP.sub('(?:', rule.pattern) for rule in GRAMMAR.rules)}))")
    for example in GRAMMAR.examples:
        padded = " " + example.text.casefold()
        found = [m.start() for m in GRAMMAR.scanner.finditer(padded)]
        assert found == [m.start() for m in plain.finditer(padded)]


@pytest.mark.parametrize(
    ("pattern", "heads"),
    [
        (r"(?:\d+|ilin)\s+il", r"(?:[\d][\d]|[\d][\s]|[i][l])"),
        (r"(?:bu|x{0,3})v", r"(?:[b][u]|[v]|[x][v]|[x][x])"),
        (r"a?", ""),  # may match nothing: no guard
        (r"[^a]b", ""),  # a negated class: unknown
    ],
)
def test_first_two(pattern, heads):
    assert first_two(pattern) == heads


def test_a_rule_matches_only_where_its_first_two_characters_stand():
    for rule in GRAMMAR.rules:
        heads = re.compile(first_two(rule.pattern) or r"[\s\S]")
        for example in GRAMMAR.examples:
            folded = example.text.casefold()
            for position in range(len(folded)):
                if rule.regex.match(folded, position):
                    assert heads.match(folded, position), (rule.name, example.text, position)


def test_the_candidates_hold_every_place_the_scanner_finds():
    for example in GRAMMAR.examples:
        padded = " " + example.text.casefold()
        candidates = {m.start() for m in GRAMMAR.candidates.finditer(padded)}
        assert {m.start() for m in GRAMMAR.scanner.finditer(padded)} <= candidates


def test_macros_expand_lists_and_builtins():
    assert "yanvar" in GRAMMAR.macros["MONTH"] and "dekabr" in GRAMMAR.macros["MONTH"]
    assert "(?:in|un|ün|ın)" in GRAMMAR.macros["MONTH_GEN"]  # @month_endings:genitive, longest first
    assert "ci|cı|cu|cü" in GRAMMAR.macros["ORD"] and "–" in GRAMMAR.rule("year_range").pattern  # built-ins
    rule = GRAMMAR.rule("year_day_month")
    match = rule.regex.match("2022-ci ilin 15 martında")
    assert (match["year"], match["day"], match["month"], match.end()) == ("2022", "15", "mart", 24)


def test_a_look_behind_at_the_start_of_a_rule_is_refused():
    with pytest.raises(ValueError, match="look-behind"):
        read_rules("RULE: x\nPATTERN: (?<![\\w-])%DAY\nNORM: date\n", read_macros("%DAY  (?P<day>\\d\\d)"))


@pytest.mark.parametrize(
    ("rules", "macros", "message"),
    [
        ("RULE: x\nPATTERN: %NOPE\nNORM: date\n", "", "unknown temporal macro"),
        ("RULE: x\nPATTERN: %A\nNORM: date\n", "%A  %B\n%B  %A", "cycle"),
        ("RULE: x\nNORM: date\n", "", "lacks PATTERN"),
        ("RULE: x\nPATTERN: a\nNORM: date\nRULE: x\nPATTERN: b\nNORM: date\n", "", "twice"),
        ("RULE: x\nPATTERN: (\nNORM: date\n", "", "rule x"),
        ("RULE x\n", "", "expected RULE:"),
        ("RULE: x\nPATTERN: @no_such_list_here\nNORM: date\n", "", "no_such_list_here"),
    ],
)
def test_malformed_rule_files_are_refused_with_a_message(rules, macros, message):
    with pytest.raises((ValueError, FileNotFoundError), match=message):
        read_rules(rules, read_macros(macros))


def test_example_syntax():
    example = parse_example(
        "hər il dekabrın 30-dək => dekabrın 30-dək | 2022-12-30..2022-12-30 | day | deadline | inferred | yearly",
        rule="month_day",
        line=1,
    )
    row = example.rows[0]
    assert (example.text, row.surface, row.date_start, row.kind, row.year_inferred, row.recurrence) == (
        "hər il dekabrın 30-dək",
        "dekabrın 30-dək",
        "2022-12-30",
        "deadline",
        True,
        "yearly",
    )
    assert parse_example("mütəmadi => -", rule="x", line=2).rows == ()
    with pytest.raises(ValueError, match="=>"):
        parse_example("no arrow", rule="x", line=3)


def test_calendar_words_come_from_the_data_files():
    assert calendar.MONTHS[0] == "yanvar" and calendar.MONTHS[11] == "dekabr" and len(calendar.MONTHS) == 12
    assert calendar.MONTH_NUMBERS["sentyabr"] == 9
    assert calendar.MONTH_GENITIVE_ENDINGS == ("ın", "in", "un", "ün")
    assert "dək" in calendar.DAY_ENDINGS and "nda" in calendar.DAY_ENDINGS
    assert calendar.RELATIVE_YEARS["ötən"] == -1 and calendar.RELATIVE_YEARS["cari"] == 0
    assert calendar.ORDINAL_WORDS["dördüncü"] == 4
    assert calendar.ROMAN_QUARTERS == {"ı": 1, "ıı": 2, "ııı": 3, "ıv": 4}
    assert calendar.RECURRENCES == ("yearly", "quarterly", "monthly", "weekly", "daily")
    assert calendar.FREQUENCIES["hər il"] == "yearly" and calendar.FREQUENCIES["mütəmadi"] == "continuous"
    assert set(calendar.CONTINUOUS_TERMS) >= {"mütəmadi", "daimi"}
    assert calendar.SEASONS["qış"] == (12, 2) and calendar.YEAR_EDGES["sonunadək"] == ("end", "deadline")


@pytest.mark.parametrize(("numeral", "value"), [("ı", 1), ("ıv", 4), ("IV", 4), ("xıx", 19), ("XX", 20), ("xxı", 21)])
def test_roman_numerals(numeral, value):
    assert calendar.roman_value(numeral) == value


def test_the_data_files_are_package_data():
    """Every file of data/temporal/ matches a [tool.setuptools.package-data] pattern (so the wheel ships it)."""
    from pathlib import Path, PurePosixPath

    tomllib = pytest.importorskip("tomllib")  # Python 3.11+

    root = Path(__file__).resolve().parents[2]
    patterns = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"
    ]["reportparse"]
    package = root / "src" / "reportparse"
    files = sorted((package / "lang" / "az" / "data" / "temporal").iterdir())
    assert {"rules.txt", "macros.txt", "README.md", "months.tsv", "frequency.tsv"} <= {f.name for f in files}
    for file in files:
        relative = PurePosixPath(file.relative_to(package).as_posix())
        assert any(len(relative.parts) == len(PurePosixPath(p).parts) and relative.match(p) for p in patterns), relative
