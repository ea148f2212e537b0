"""The tables as one SQLite database (``tables.sqlite``) and a Datasette ``metadata.json``, so that
``datasette tables.sqlite -m metadata.json`` is a browsable, searchable site of the results.

One SQL table per table, columns in the schema's order with SQL types from the schema: ``TEXT``
for text and ISO dates (``YYYY-MM-DD``, which SQLite's date functions read), ``INTEGER`` for
integers and booleans (1/0), ``REAL`` for numbers, ``NULL`` for an empty cell. Keys as in
``datapackage.json``: ``documents.doc_id`` and ``entities.org_id`` are primary keys, every
``doc_id`` references ``documents`` and ``organizations.org_id`` references ``entities``
(Datasette links them). Indexes on ``doc_id``, ``item``, ``org_id``, dates and every column with
a vocabulary, which are also Datasette's default facets (type, kind, role, granularity, ...).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from reportparse.output.writers import replace_atomically
from reportparse.tables.schema import DOCUMENTS, ENTITIES, ORGANIZATIONS, TABLES
from reportparse.tables.types import column_kinds, day, typed_frame

DATABASE = "tables.sqlite"
"""The database's file name in an output folder."""

METADATA = "metadata.json"
"""Datasette's metadata file name in an output folder."""

_SQL_TYPES = {"string": "TEXT", "date": "TEXT", "integer": "INTEGER", "boolean": "INTEGER", "number": "REAL"}
_INDEXED = ("doc_id", "item", "org_id", "date_start", "date_end", "role")
_LABELS = {DOCUMENTS: "title", ENTITIES: "name"}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def facets(name: str) -> list[str]:
    """The columns Datasette facets a table by: those with a vocabulary (``kind``, ``type``, ``role``, ...)."""
    table = TABLES.get(name)
    return [column.name for column in table if column.values] if table is not None else []


def _references(name: str, column: str, present: set[str]) -> str:
    if column == "doc_id" and name != DOCUMENTS and DOCUMENTS in present:
        table = TABLES.get(name)
        if table is None or table.references_documents:
            return f" REFERENCES {_quote(DOCUMENTS)}({_quote('doc_id')})"
    if name == ORGANIZATIONS and column == "org_id" and ENTITIES in present:
        return f" REFERENCES {_quote(ENTITIES)}({_quote('org_id')})"
    return ""


def create_statement(name: str, columns: list[str], present: set[str], kinds: dict[str, str] | None = None) -> str:
    """``CREATE TABLE`` of a table: SQL types, primary key and foreign keys from the schema.

    Args:
        name: the table.
        columns: its columns, in order.
        present: the tables of the database (a foreign key points at one of them only).
        kinds: the schema type of each column (default: the registry's; ``string`` for others).
    """
    table = TABLES.get(name)
    kinds = kinds or column_kinds(name, pd.DataFrame(columns=columns, dtype=object))
    key = [column for column in (table.primary_key if table is not None else ()) if column in columns]
    lines = []
    for column, kind in kinds.items():
        required = table is not None and column in table and table.column(column).not_null
        lines.append(
            f"  {_quote(column)} {_SQL_TYPES[kind]}"
            + (" NOT NULL" if required or column in key else "")
            + _references(name, column, present)
        )
    if key:
        lines.append(f"  PRIMARY KEY ({', '.join(map(_quote, key))})")
    return f"CREATE TABLE {_quote(name)} (\n" + ",\n".join(lines) + "\n)"


def _index_statements(name: str, columns: list[str]) -> list[str]:
    table = TABLES.get(name)
    key = set(table.primary_key) if table is not None else set()
    wanted = [c for c in columns if (c in _INDEXED or c in facets(name)) and {c} != key]
    return [f"CREATE INDEX {_quote(f'{name}_{c}')} ON {_quote(name)} ({_quote(c)})" for c in dict.fromkeys(wanted)]


def _sql_value(value: object, kind: str) -> object:
    if value is None or value is pd.NA or (not isinstance(value, str) and pd.isna(value)):  # type: ignore[call-overload]
        return None
    if kind == "date":
        found = day(value)
        return None if found is None else found.isoformat()
    if kind in ("integer", "boolean"):
        return int(value)  # type: ignore[call-overload]
    if kind == "number":
        return float(value)  # type: ignore[arg-type]
    return str(value)


def _insert(connection: sqlite3.Connection, name: str, frame: pd.DataFrame) -> None:
    kinds = list(column_kinds(name, frame).values())
    rows = (
        tuple(_sql_value(value, kind) for value, kind in zip(values, kinds, strict=True))
        for values in frame.itertuples(index=False, name=None)
    )
    marks = ", ".join("?" for _ in kinds)
    connection.executemany(f"INSERT INTO {_quote(name)} VALUES ({marks})", rows)


def write_database(
    path: str | os.PathLike[str], tables: Iterable[tuple[str, pd.DataFrame]], *, names: Iterable[str]
) -> Path:
    """Write tables into a new SQLite database, replacing ``path`` only once it is complete.

    Args:
        path: the database file; its folder is created if needed.
        tables: (table name, frame) pairs, each in the text form or typed; converted one at a time.
        names: every table name ``tables`` gives (foreign keys point at these only).

    Returns:
        The database's path.
    """
    present = set(names)

    def write(temporary: str) -> None:
        # an empty file is an empty database: it keeps the permissions replace_atomically gave it
        connection = sqlite3.connect(temporary)
        try:
            with connection:
                for name, frame in tables:
                    typed = typed_frame(name, frame)
                    columns = [str(c) for c in typed.columns]
                    connection.execute(create_statement(name, columns, present, column_kinds(name, typed)))
                    _insert(connection, name, typed)
                    for statement in _index_statements(name, columns):
                        connection.execute(statement)
        finally:
            connection.close()

    return replace_atomically(Path(path), write)


def read_table(path: str | os.PathLike[str], name: str) -> pd.DataFrame:
    """One table of a database written by :func:`write_database`, values as stored.

    Raises:
        KeyError: the database has no table ``name``.
    """
    with contextlib.closing(sqlite3.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True)) as connection:
        known = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if name not in known:
            raise KeyError(f"{path} has no table {name!r}")
        cursor = connection.execute(f"SELECT * FROM {_quote(name)}")
        header = [column[0] for column in cursor.description]
        return pd.DataFrame(cursor.fetchall(), columns=header, dtype=object)


def datasette_metadata(names: Iterable[str], *, database: str = DATABASE) -> dict[str, object]:
    """Datasette's ``metadata.json`` for a database of these tables: titles, descriptions,
    column descriptions and default facets, all from the schema registry."""
    from reportparse.resources import package_version

    __version__ = package_version()

    described = {}
    for name in names:
        table = TABLES.get(name)
        if table is None:
            continue
        entry: dict[str, object] = {
            "title": name.capitalize(),
            "description": table.description,
            "columns": {column.name: column.description for column in table},
        }
        if facets(name):
            entry["facets"] = facets(name)
        if name in _LABELS:
            entry["label_column"] = _LABELS[name]
        described[name] = entry
    return {
        "title": "Action-plan execution reports: extracted tables",
        "description": "Tables extracted by reportparse from Azerbaijani government reports on action-plan execution.",
        "source": f"reportparse {__version__}",
        "databases": {Path(database).stem: {"tables": described}},
    }
