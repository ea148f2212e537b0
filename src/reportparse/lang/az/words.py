"""Word lists as data: one file per list under ``data/words/``, read once at import.

A linguist adds a word to a list by adding a line to its file, without reading Python:

* ``NAME.txt`` — one entry per line (a word or a phrase, case-folded unless the file says
  otherwise); ``#`` starts a comment line (the file's first lines say what the list is for and
  which Python name reads it);
* ``NAME.tsv`` — two TAB-separated columns, key and value (``office_parents.tsv``).

A duplicate entry, an empty file or a malformed row fails at import with the file name and the
line number, so a broken edit never goes unnoticed.

    >>> "dövlət" in wordset("name_openers")
    True
    >>> table("office_parents")["baş prokuror"]
    'Baş Prokurorluğu'
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

__all__ = ["entries_of", "names", "parse_list", "parse_table", "table", "wordlist", "wordset"]


def _lines(filename: str) -> list[tuple[int, str]]:
    """(line number, line) of the entries of a data file (comments and blank lines left out)."""
    resource = files("reportparse.lang.az") / "data" / "words" / filename
    try:
        text = resource.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValueError(f"no word list data/words/{filename}") from None
    return entries_of(text, filename)


def entries_of(text: str, filename: str) -> list[tuple[int, str]]:
    """(line number, stripped line) of the entries of a word-list file's text.

    Args:
        text: the file's text.
        filename: its name, for error messages.

    Raises:
        ValueError: the file holds no entry.
    """
    entries = [
        (number, line.strip())
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not entries:
        raise ValueError(f"data/words/{filename}: the list is empty")
    return entries


@cache
def wordlist(name: str) -> tuple[str, ...]:
    """The entries of ``data/words/NAME.txt`` in file order.

    Args:
        name: the list's file name without ``.txt``.

    Returns:
        The entries, stripped.

    Raises:
        ValueError: the file is missing, empty or lists an entry twice.
    """
    return parse_list(_lines(f"{name}.txt"), f"{name}.txt")


def parse_list(entries: list[tuple[int, str]], filename: str) -> tuple[str, ...]:
    """The entries of a list file in order (:func:`entries_of`); a repeated entry is an error."""
    seen: dict[str, int] = {}
    for number, entry in entries:
        if entry in seen:
            raise ValueError(f"data/words/{filename}, line {number}: {entry!r} is already on line {seen[entry]}")
        seen[entry] = number
    return tuple(seen)


def wordset(name: str) -> frozenset[str]:
    """The entries of ``data/words/NAME.txt`` as a set (see :func:`wordlist`)."""
    return frozenset(wordlist(name))


@cache
def table(name: str) -> dict[str, str]:
    """The rows of ``data/words/NAME.tsv`` (key TAB value) in file order.

    Args:
        name: the table's file name without ``.tsv``.

    Returns:
        Key → value.

    Raises:
        ValueError: the file is missing or empty, a row has not two columns, or a key is repeated.
    """
    return parse_table(_lines(f"{name}.tsv"), f"{name}.tsv")


def parse_table(entries: list[tuple[int, str]], filename: str) -> dict[str, str]:
    """The rows of a table file (:func:`entries_of`): key TAB value; a malformed row or a repeated key is an error."""
    rows: dict[str, str] = {}
    for number, line in entries:
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) != 2 or not all(cells):
            raise ValueError(f"data/words/{filename}, line {number}: two TAB-separated columns expected, got {line!r}")
        if cells[0] in rows:
            raise ValueError(f"data/words/{filename}, line {number}: {cells[0]!r} is listed twice")
        rows[cells[0]] = cells[1]
    return rows


def names() -> list[str]:
    """The file names (``name.txt``, ``name.tsv``) of every list under ``data/words/``."""
    folder = files("reportparse.lang.az") / "data" / "words"
    return sorted(entry.name for entry in folder.iterdir() if entry.name.endswith((".txt", ".tsv")))
