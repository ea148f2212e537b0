"""Word lists as data (``lang/az/data/words/``): every file loads, names its reader, and a broken edit fails loudly."""

from __future__ import annotations

import doctest
import importlib
import re
from importlib.resources import files

import pytest

from reportparse.lang.az import words
from reportparse.lang.az.casing import casefold

_FOLDER = files("reportparse.lang.az") / "data" / "words"
_READER = re.compile(r"^# Python: (reportparse(?:\.\w+)+)\.([A-Z_]+)", re.M)


def test_doctests() -> None:
    assert doctest.testmod(words).failed == 0


@pytest.mark.parametrize("filename", words.names())
def test_every_list_loads_and_is_the_value_its_reader_holds(filename: str) -> None:
    text = (_FOLDER / filename).read_text(encoding="utf-8")
    name = filename.rsplit(".", 1)[0]
    found = _READER.search(text)
    assert found, f"{filename}: the header must name the Python constant that reads it"
    module, constant = found.groups()
    value = getattr(importlib.import_module(module), constant)
    if filename.endswith(".tsv"):
        assert value == words.table(name)
    else:
        entries = words.wordlist(name)
        assert (set(value) if isinstance(value, frozenset) else value) == (
            set(entries) if isinstance(value, frozenset) else entries
        )


@pytest.mark.parametrize(
    "filename",
    [f for f in words.names() if f not in ("office_parents.tsv",)],
)
def test_lists_are_case_folded(filename: str) -> None:
    """The grammars compare lists with case-folded text: an entry written in capitals would never match."""
    for entry in words.wordlist(filename.rsplit(".", 1)[0]):
        assert entry == casefold(entry), f"{filename}: {entry!r}"


def test_a_repeated_entry_names_the_file_and_both_lines() -> None:
    entries = words.entries_of("# comment\nvə\n\nilə\nvə\n", "x.txt")
    assert entries == [(2, "və"), (4, "ilə"), (5, "və")]
    with pytest.raises(ValueError, match=r"x\.txt, line 5: 'və' is already on line 2"):
        words.parse_list(entries, "x.txt")


def test_a_malformed_table_row_and_an_empty_list_are_errors() -> None:
    with pytest.raises(ValueError, match=r"y\.tsv, line 2: two TAB-separated columns"):
        words.parse_table(words.entries_of("a\tb\nc d\n", "y.tsv"), "y.tsv")
    with pytest.raises(ValueError, match=r"y\.tsv, line 2: 'a' is listed twice"):
        words.parse_table(words.entries_of("a\tb\na\tc\n", "y.tsv"), "y.tsv")
    with pytest.raises(ValueError, match="the list is empty"):
        words.entries_of("# only a comment\n\n", "z.txt")
    with pytest.raises(ValueError, match="no word list"):
        words.wordlist("no_such_list")


def test_the_organization_grammar_reads_the_openers_list() -> None:
    """A sentence opener listed in ``common_openers.txt`` is kept out of the name after it."""
    from reportparse.extract.organizations import find_organizations

    text = "Tədbir Bakı Dövlət Universitetində keçirildi."
    assert [m.name for m in find_organizations(text)] == ["Bakı Dövlət Universiteti"]
    assert "tədbir" in words.wordset("common_openers")
