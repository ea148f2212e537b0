"""Temporal rules as data, in the HeidelTime manner: macros, named rules, examples.

``data/temporal/macros.txt`` names pieces of patterns (``%DAY``, ``%MONTH_ANY_CASE``,
``%YEAR_ORD``, ``%ROMAN_NUM``); ``data/temporal/rules.txt`` lists the rules, each with a name, a
pattern built from macros and word lists (``@months``: the forms of ``months.tsv``), the name of
the normalization that turns a match into dates, and ``EXAMPLE`` lines that the tests run. The
format is described in ``data/temporal/README.md``. This module reads and compiles them once;
the normalizations are Python (:mod:`reportparse.extract.dates`).

    >>> rule = grammar().rule("year_day_month")
    >>> rule.regex.match("2022-ci ilin 15 martında")["month"]
    'mart'
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportparse.lang.az.calendar import data_file, word_table
from reportparse.lang.az.orthography import DASH_CLASS, ORDINAL_SUFFIXES

BUILTIN_MACROS = {"DASH": DASH_CLASS, "ORDINAL_SUFFIX": "|".join(ORDINAL_SUFFIXES)}
"""Macros taken from :mod:`reportparse.lang.az.orthography` (one copy of the dashes and suffixes)."""

_MACRO = re.compile(r"%([A-Z][A-Z0-9_]*)")
_LIST = re.compile(r"@([a-z_]+)(?::([a-z_]+))?")
_GROUP = re.compile(r"\(\?P<(\w+)>")
_MAX_DEPTH = 20


@dataclass(frozen=True)
class ExampleRow:
    """One expected date of an example: its surface and values (ISO dates, "" when none)."""

    surface: str
    date_start: str
    date_end: str
    granularity: str
    kind: str
    year_inferred: bool = False
    recurrence: str = ""


@dataclass(frozen=True)
class Example:
    """An ``EXAMPLE`` line: an input text and the dates expected in it (none for ``=> -``)."""

    text: str
    rows: tuple[ExampleRow, ...]
    rule: str
    line: int


@dataclass(frozen=True)
class TemporalRule:
    """A rule: its name, pattern (macros expanded), normalization name and examples.

    ``first`` is a character class of every character a match can start with (see
    :func:`first_characters`), or "" when any may; ``heads`` the alternatives of
    :func:`first_two`, or None.
    """

    name: str
    source: str
    pattern: str
    normalization: str
    examples: tuple[Example, ...]
    regex: re.Pattern[str]
    first: str = ""
    heads: frozenset[str] | None = None


@dataclass(frozen=True)
class TemporalGrammar:
    """Every rule in file order, the expanded macros and one scanner of all rules' starts (see :func:`grammar`)."""

    rules: tuple[TemporalRule, ...]
    macros: dict[str, str]
    scanner: re.Pattern[str]
    candidates: re.Pattern[str]
    """Places the ``scanner`` may match at (a superset, found faster): its first character and a
    rule's first two characters (:func:`first_two`)."""

    def rule(self, name: str) -> TemporalRule:
        """The rule called ``name`` (KeyError when there is none)."""
        for rule in self.rules:
            if rule.name == name:
                return rule
        raise KeyError(name)

    @property
    def examples(self) -> tuple[Example, ...]:
        """Every example of every rule, in file order."""
        return tuple(example for rule in self.rules for example in rule.examples)


def word_list(name: str, value: str | None = None) -> str:
    """A word list as a regex alternation: the forms of ``NAME.tsv``, longest first.

    Args:
        name: the list file without ``.tsv``.
        value: keep only rows whose second column is this (``@month_endings:genitive``).

    Returns:
        ``(?:form|form|…)``, each form escaped, spaces matching any run of whitespace.
    """
    forms = [row[0] for row in word_table(name) if value is None or (len(row) > 1 and row[1] == value)]
    if not forms:
        raise ValueError(f"word list @{name}{':' + value if value else ''} is empty")
    escaped = [re.escape(form).replace(r"\ ", r"\s+") for form in sorted(set(forms), key=lambda f: (-len(f), f))]
    return "(?:" + "|".join(escaped) + ")"


def expand(pattern: str, macros: dict[str, str], depth: int = 0) -> str:
    """``pattern`` with its macros and word lists replaced by regexes.

    Args:
        pattern: a pattern of ``macros.txt`` or ``rules.txt``.
        macros: the raw macro definitions (name without ``%`` → pattern).
        depth: recursion depth (a macro may use macros; a cycle is an error).

    Returns:
        A regular expression; every macro is wrapped in ``(?:…)``.
    """
    if depth > _MAX_DEPTH:
        raise ValueError(f"temporal macros nest more than {_MAX_DEPTH} deep (a cycle?): {pattern}")

    def macro(match: re.Match[str]) -> str:
        name = match[1]
        if name in BUILTIN_MACROS:
            return "(?:" + BUILTIN_MACROS[name] + ")"
        if name not in macros:
            raise ValueError(f"unknown temporal macro %{name}")
        return "(?:" + expand(macros[name], macros, depth + 1) + ")"

    with_lists = _LIST.sub(lambda m: word_list(m[1], m[2]), pattern)
    return _MACRO.sub(macro, with_lists)


def read_macros(text: str) -> dict[str, str]:
    """Macro definitions of ``macros.txt``: ``%NAME  pattern`` lines (``#`` comments skipped).

    Args:
        text: the file's text.

    Returns:
        Name (without ``%``) → pattern, not yet expanded.
    """
    macros: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = re.fullmatch(r"%([A-Z][A-Z0-9_]*)\s+(\S.*?)\s*", line)
        if match is None:
            raise ValueError(f"macros.txt line {number}: expected '%NAME  pattern': {line!r}")
        if match[1] in macros or match[1] in BUILTIN_MACROS:
            raise ValueError(f"macros.txt line {number}: %{match[1]} defined twice")
        macros[match[1]] = match[2]
    return macros


def parse_example(value: str, *, rule: str, line: int) -> Example:
    """An ``EXAMPLE:`` value: ``input => row && row …`` or ``input => -``.

    Args:
        value: the text after ``EXAMPLE:``.
        rule: the rule it belongs to.
        line: its line number in ``rules.txt`` (for messages).

    Returns:
        The example; a row is ``surface | start..end | granularity | kind [| inferred] [| recurrence]``.
    """
    text, arrow, expected = value.partition(" => ")
    if not arrow:
        raise ValueError(f"rules.txt line {line}: an EXAMPLE needs ' => '")
    rows: list[ExampleRow] = []
    if expected.strip() != "-":
        for row in expected.split(" && "):
            fields = [field.strip() for field in row.split(" | ")]
            if len(fields) < 4 or ".." not in fields[1]:
                raise ValueError(f"rules.txt line {line}: expected 'surface | start..end | granularity | kind'")
            start, _, end = fields[1].partition("..")
            flags = fields[4:]
            recurrence = next((flag for flag in flags if flag != "inferred"), "")
            rows.append(ExampleRow(fields[0], start, end, fields[2], fields[3], "inferred" in flags, recurrence))
    return Example(text.strip(), tuple(rows), rule, line)


def _starts_with_lookbehind(pattern: str) -> bool:
    opening = re.match(r"(?:\(\?:|\(\?P<\w+>|\((?!\?))*", pattern)
    rest = pattern[opening.end() if opening else 0 :]
    return rest.startswith(("(?<=", "(?<!"))


def _sre() -> tuple[Any, Any]:
    """The parser of the ``re`` module and its constants: private modules (``re._parser`` from
    Python 3.11, ``sre_parse`` before), read only by :func:`first_characters`."""
    try:
        return importlib.import_module("re._parser"), importlib.import_module("re._constants")
    except ImportError:  # Python 3.10
        return importlib.import_module("sre_parse"), importlib.import_module("sre_constants")


def _first_of(items: Any, sre: Any) -> tuple[set[str] | None, bool]:
    """The class pieces a sequence of parsed items can start with (None: any character) and
    whether it can match the empty string."""
    pieces: set[str] = set()
    for op, value in items:
        first, empty = _first_of_item(op, value, sre)
        if first is None:
            return None, False
        pieces |= first
        if not empty:
            return pieces, False
    return pieces, True


def _class_pieces(items: Any, sre: Any) -> set[str] | None:
    """The pieces of a parsed character class (None for a negated one or another category)."""
    categories = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_SPACE: r"\s"}
    pieces = set()
    for kind, item in items:
        if kind is sre.LITERAL:
            pieces.add(re.escape(chr(item)))
        elif kind is sre.RANGE:
            pieces.add(f"{re.escape(chr(item[0]))}-{re.escape(chr(item[1]))}")
        elif kind is sre.CATEGORY and item in categories:
            pieces.add(categories[item])
        else:
            return None
    return pieces


def _first_of_item(op: Any, value: Any, sre: Any) -> tuple[set[str] | None, bool]:
    if op is sre.LITERAL:
        return {re.escape(chr(value))}, False
    if op is sre.IN:
        return _class_pieces(value, sre), False
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, sub = value
        return (None, False) if add_flags or del_flags else _first_of(sub.data, sre)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, _high, sub = value
        first, empty = _first_of(sub.data, sre)
        return first, empty or low == 0
    if op is sre.BRANCH:
        pieces, can_be_empty = set(), False
        for branch in value[1]:
            first, empty = _first_of(branch.data, sre)
            if first is None:
                return None, False
            pieces |= first
            can_be_empty = can_be_empty or empty
        return pieces, can_be_empty
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # zero width: the next item starts the match
        return set(), True
    return None, False  # back-references, conditionals, any character …


def first_characters(pattern: str) -> str:
    r"""A character class of every character a match of ``pattern`` can start with (a superset).

    Read from the pattern's parse by the private parser of the ``re`` module; "" (any
    character) when the pattern may match the empty string, sets flags, uses something not
    analyzed here, or the parser is not there.

        >>> first_characters(r"(?:\d+|ilin)\s+il")
        '[\\di]'

    Args:
        pattern: a regular expression.

    Returns:
        ``[…]``, or "".
    """
    return _guards(pattern)[0]


def _guards(pattern: str) -> tuple[str, frozenset[str] | None]:
    """:func:`first_characters` and the alternatives of :func:`first_two`, from one parse."""
    try:
        parser, sre = _sre()
        parsed = parser.parse(pattern)
        if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
            return "", None
        pieces, empty = _first_of(parsed.data, sre)
    except Exception:  # noqa: BLE001  (a parser that changed: no guard, every position is tried)
        return "", None
    if pieces is None or empty or not pieces:
        return "", None
    try:
        heads = _heads_of(parsed.data, sre)
    except Exception:  # noqa: BLE001  (a parser that changed: no guard)
        heads = None
    if heads is None or () in heads or len(heads) > _MOST_HEADS:
        return "[" + "".join(sorted(pieces)) + "]", None
    return "[" + "".join(sorted(pieces)) + "]", frozenset("".join(head) for head in heads)


def first_two(pattern: str) -> str:
    r"""A pattern every match of ``pattern`` starts with: the possible first two characters, as an
    alternation of class pairs (a superset; a one-character class where a match may end after it).

    Read from the pattern's parse like :func:`first_characters`; "" (no guard) when that is "" or
    a match may be empty.

        >>> first_two(r"(?:\d+|ilin)\s+il")
        '(?:[\\d][\\d]|[\\d][\\s]|[i][l])'

    Args:
        pattern: a regular expression.

    Returns:
        ``(?:…)``, or "".
    """
    heads = _guards(pattern)[1]
    return "(?:" + "|".join(sorted(heads)) + ")" if heads else ""


_MOST_HEADS = 400
"""Class pairs beyond which :func:`first_two` gives no guard (a long guard costs more than it saves)."""
_Heads = set[tuple[str, ...]]


def _heads_of(items: Any, sre: Any) -> _Heads | None:
    """The first two positions (character classes) of every match of a sequence of parsed items
    (a shorter tuple: the match may end there); None when unknown."""
    heads: _Heads = {()}
    for op, value in items:
        item = _heads_of_item(op, value, sre)
        if item is None:
            return None
        heads = _concatenated(heads, item)
        if all(len(head) == 2 for head in heads):
            break
    return heads


def _concatenated(left: _Heads, right: _Heads) -> _Heads:
    return {head if len(head) == 2 else (head + tail)[:2] for head in left for tail in right}


def _heads_of_item(op: Any, value: Any, sre: Any) -> _Heads | None:
    if op is sre.LITERAL:
        return {("[" + re.escape(chr(value)) + "]",)}
    if op is sre.IN:
        pieces = _class_pieces(value, sre)
        return None if pieces is None else {("[" + "".join(sorted(pieces)) + "]",)}
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, sub = value
        return None if add_flags or del_flags else _heads_of(sub.data, sre)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, sub = value
        inner = _heads_of(sub.data, sre)
        if inner is None:
            return None
        heads: _Heads = {()}
        for _ in range(low):
            heads = _concatenated(heads, inner)
        found = set(heads)
        for _ in range(min(high, low + 2) - low):  # two more repeats give every further first two characters
            heads = _concatenated(heads, inner)
            found |= heads
        return found
    if op is sre.BRANCH:
        found = set()
        for branch in value[1]:
            branch_heads = _heads_of(branch.data, sre)
            if branch_heads is None:
                return None
            found |= branch_heads
        return found
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # zero width: the next item starts the match
        return {()}
    return None


def _block_rule(fields: dict[str, str], examples: list[Example], macros: dict[str, str]) -> TemporalRule:
    missing = [key for key in ("RULE", "PATTERN", "NORM") if key not in fields]
    if missing:
        raise ValueError(f"rules.txt: rule {fields.get('RULE', '?')} lacks {', '.join(missing)}")
    pattern = expand(fields["PATTERN"], macros)
    if _starts_with_lookbehind(pattern):
        raise ValueError(f"rules.txt: rule {fields['RULE']} starts with a look-behind (it slows every search)")
    try:
        regex = re.compile(pattern)
    except re.error as error:
        raise ValueError(f"rules.txt: rule {fields['RULE']}: {error}") from error
    first, heads = _guards(pattern)
    return TemporalRule(
        fields["RULE"], fields["PATTERN"], pattern, fields["NORM"], tuple(examples), regex, first, heads
    )


def read_rules(text: str, macros: dict[str, str]) -> tuple[TemporalRule, ...]:
    """The rules of ``rules.txt``: blocks of ``RULE:``, ``PATTERN:``, ``NORM:`` and ``EXAMPLE:`` lines.

    Args:
        text: the file's text.
        macros: the macro definitions.

    Returns:
        The rules in file order.
    """
    rules: list[TemporalRule] = []
    fields: dict[str, str] = {}
    examples: list[Example] = []
    for number, line in enumerate([*text.splitlines(), "RULE: "], 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, colon, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if not colon or key not in ("RULE", "PATTERN", "NORM", "EXAMPLE"):
            raise ValueError(f"rules.txt line {number}: expected RULE:, PATTERN:, NORM: or EXAMPLE: {line!r}")
        if key == "RULE" and fields:
            rules.append(_block_rule(fields, examples, macros))
            fields, examples = {}, []
        if key == "EXAMPLE":
            examples.append(parse_example(value, rule=fields.get("RULE", ""), line=number))
        elif key in fields:
            raise ValueError(f"rules.txt line {number}: a second {key} in rule {fields.get('RULE')}")
        elif value:
            fields[key] = value
    names = [rule.name for rule in rules]
    if len(set(names)) != len(names):
        raise ValueError("rules.txt: a rule name is used twice")
    return tuple(rules)


@lru_cache(maxsize=1)
def grammar() -> TemporalGrammar:
    """The temporal rules of the package, compiled once.

    Returns:
        The grammar. Its ``scanner`` finds the next character that is no letter, digit or
        hyphen and is followed by a match of some rule (named groups removed, so that the rules'
        group names may repeat): a rule starts only there, and starting the scanner with a
        character class lets the regex engine skip to such characters quickly. The rules are
        grouped by their first characters, each group tried only before one of them. Search it
        in the text with one space put before it; the match's start is then the rule's offset
        in the text. Its ``candidates`` find a superset of those places faster (a rule's first
        two characters, :func:`first_two`): the scanner is then matched only there.
    """
    raw = read_macros(data_file("macros.txt").read_text(encoding="utf-8"))
    rules = read_rules(data_file("rules.txt").read_text(encoding="utf-8"), raw)
    expanded = {name: expand(pattern, raw) for name, pattern in raw.items()}
    groups: dict[str, list[str]] = {}
    for rule in rules:
        groups.setdefault(rule.first, []).append(_GROUP.sub("(?:", rule.pattern))
    starts = "|".join(f"{first and f'(?={first})'}(?:{'|'.join(patterns)})" for first, patterns in groups.items())
    scanner = re.compile(rf"[^\w-](?=(?:{starts}))")
    heads: set[str] = set()
    for rule in rules:
        if rule.heads is None:  # a rule without a guard: every place the scanner reads is a candidate
            return TemporalGrammar(rules, expanded, scanner, scanner)
        heads |= rule.heads
    candidates = re.compile(rf"[^\w-](?=(?:{'|'.join(sorted(heads))}))")
    return TemporalGrammar(rules, expanded, scanner, candidates)
