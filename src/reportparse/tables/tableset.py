"""The tables of one document: rows while parsing, a DataFrame each when first looked up.

A parse makes every table of a document as :class:`~reportparse.tables.build.Rows`; a
:class:`TableSet` holds them and turns a table into its DataFrame (the text form of
:func:`reportparse.tables.build.frame`) the first time it is looked up, then keeps the frame. So
parsing never imports pandas and never builds a frame nobody reads, and a batch sends plain rows
from its workers and joins many documents' rows before making one frame of them
(:func:`combined_rows`).

    >>> from reportparse.tables.build import Rows
    >>> tables = TableSet([Rows("documents", [])])
    >>> list(tables), tables.row_count("documents")
    (['documents'], 0)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from typing import TYPE_CHECKING

from reportparse.tables.build import Rows, joined

if TYPE_CHECKING:
    import pandas as pd


class TableSet(MutableMapping[str, "pd.DataFrame"]):
    """Table name → DataFrame, each made from its rows on first lookup (see the module).

    Args:
        tables: the tables, as rows (or frames), in the order they are listed.

    A table set behaves as the ``dict`` of frames it stands for: look tables up, iterate,
    assign or delete them. :meth:`rows` gives a table's rows while it has not been made a frame.
    """

    def __init__(self, tables: Iterable[Rows | tuple[str, pd.DataFrame]] = ()) -> None:
        self._tables: dict[str, Rows | pd.DataFrame] = {}
        for table in tables:
            if isinstance(table, Rows):
                self._tables[table.name] = table
            else:
                self._tables[table[0]] = table[1]

    def __getitem__(self, name: str) -> pd.DataFrame:
        table = self._tables[name]
        if isinstance(table, Rows):
            table = self._tables[name] = table.frame()
        return table

    def __setitem__(self, name: str, frame: pd.DataFrame) -> None:
        self._tables[name] = frame

    def __delitem__(self, name: str) -> None:
        del self._tables[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._tables)

    def __len__(self) -> int:
        return len(self._tables)

    def __contains__(self, name: object) -> bool:
        return name in self._tables

    def copy(self) -> TableSet:
        """A new table set holding the same tables (as ``dict.copy``: the frames are not copied)."""
        copied = TableSet()
        copied._tables = dict(self._tables)
        return copied

    def rows(self, name: str) -> Rows | None:
        """A table's rows, or None once it is a frame (or when it is not there)."""
        table = self._tables.get(name)
        return table if isinstance(table, Rows) else None

    def column(self, name: str, column: str) -> list[object]:
        """One column of a table as a list, from its rows or its frame (without making the frame).

        Raises:
            KeyError: no such table or column.
        """
        table = self._tables[name]
        if isinstance(table, Rows):
            return [row[column] for row in table.rows]
        return table[column].tolist()

    def row_count(self, name: str) -> int:
        """How many rows a table has, without making its frame.

        Raises:
            KeyError: no such table.
        """
        return len(self._tables[name])

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}: {self.row_count(name)} rows" for name in self._tables)
        return f"TableSet({shown})"


def combined_rows(name: str, parts: Iterable[Mapping[str, pd.DataFrame]]) -> Rows | None:
    """One table of several documents' tables as one set of rows, or None when a part holds it as
    a frame (then the frames are concatenated instead). Parts without the table are skipped."""
    found: list[Rows] = []
    for part in parts:
        if name not in part:
            continue
        rows = part.rows(name) if isinstance(part, TableSet) else None
        if rows is None:
            return None
        found.append(rows)
    return joined(found) if found else None
