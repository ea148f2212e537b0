"""``datapackage.json``: a Frictionless Data Package describing the tables written to a folder.

Field types, descriptions, allowed values and keys come from the schema registry
(:mod:`reportparse.tables.schema`); every mention table's ``doc_id`` is a foreign key to
``documents.doc_id``. :func:`validate` checks a written folder
against its descriptor (header, types, keys) without the ``frictionless`` package.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from pathlib import Path

import pandas as pd

from reportparse.tables.schema import DOCUMENTS, FALSE_VALUES, TABLES, TRUE_VALUES

DESCRIPTOR = "datapackage.json"


def describe(table: str, column: str) -> str:
    """The description of a column of a table (a column the schema does not know says so)."""
    known = TABLES.get(table)
    if known is not None and column in known:
        return known.column(column).description
    return f"Extra column of the {table} table (see the README, 'Tables')."


def _field(table: str, column: str) -> dict[str, object]:
    known = TABLES[table].column(column) if table in TABLES and column in TABLES[table] else None
    kind = known.type if known else "string"
    field: dict[str, object] = {"name": column, "type": kind, "description": describe(table, column)}
    if kind == "boolean":
        field.update(trueValues=list(TRUE_VALUES), falseValues=list(FALSE_VALUES))
    constraints: dict[str, object] = {}
    if known and known.not_null:
        constraints["required"] = True
    if known and known.values:
        constraints["enum"] = list(known.values)
    if constraints:
        field["constraints"] = constraints
    return field


def resource(table: str, columns: list[str], *, fmt: str = "csv", excel: bool = False) -> dict[str, object]:
    """The Data Package resource of one table file."""
    known = TABLES.get(table)
    fields = [_field(table, column) for column in columns]
    schema: dict[str, object] = {"fields": fields, "missingValues": [""]}
    if known is not None and known.primary_key:
        schema["primaryKey"] = list(known.primary_key)
    if known is None or known.references_documents:
        schema["foreignKeys"] = [{"fields": ["doc_id"], "reference": {"resource": DOCUMENTS, "fields": ["doc_id"]}}]
    entry: dict[str, object] = {
        "name": table,
        "path": f"{table}.{fmt}",
        "profile": "tabular-data-resource",
        "description": known.description if known is not None else "",
        "format": fmt,
    }
    if fmt == "csv":
        entry.update(
            mediatype="text/csv",
            encoding="utf-8-sig" if excel else "utf-8",
            dialect={"delimiter": ",", "header": True, "doubleQuote": True, "lineTerminator": "\n"},
        )
    else:
        entry["mediatype"] = "application/vnd.apache.parquet"
    entry["schema"] = schema
    return entry


def package(resources: list[dict[str, object]], *, name: str = "reportparse-tables") -> dict[str, object]:
    """The ``datapackage.json`` content for resources made by :func:`resource`."""
    from reportparse.resources import package_version

    __version__ = package_version()

    return {
        "profile": "tabular-data-package",
        "name": name,
        "title": "Tables extracted by reportparse from action-plan execution reports",
        "sources": [{"title": f"reportparse {__version__}"}],
        "resources": resources,
    }


def _conforms(value: str, kind: str) -> bool:
    try:
        if kind == "integer":
            int(value)
        elif kind == "number":
            if math.isnan(float(value)):
                return False
        elif kind == "boolean":
            return value in TRUE_VALUES or value in FALSE_VALUES
        elif kind == "date":
            dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _read(folder: Path, entry: dict) -> pd.DataFrame:
    path = folder / str(entry["path"])
    if entry.get("format") == "parquet":  # typed columns → the strings a CSV would hold
        frame = pd.read_parquet(path)
        return pd.DataFrame(
            {column: ["" if pd.isna(value) else str(value) for value in frame[column]] for column in frame.columns},
            columns=frame.columns,
            dtype=object,
        )
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding=str(entry.get("encoding", "utf-8")))


def _field_problems(table: str, field: dict, values: list[str]) -> list[str]:
    """What is wrong with the values of one field: type, required, allowed values."""
    problems = []
    where = f"{table}.{field['name']}"
    bad = [row for row, value in enumerate(values, 1) if value != "" and not _conforms(value, field["type"])]
    if bad:
        example = values[bad[0] - 1]
        problems.append(f"{where}: {len(bad)} values are not {field['type']}, e.g. {example!r} (row {bad[0]})")
    constraints = field.get("constraints", {})
    if constraints.get("required") and "" in values:
        problems.append(f"{where}: empty values in a required field")
    allowed = set(constraints.get("enum", ()))
    unknown = sorted({value for value in values if value != "" and value not in allowed}) if allowed else []
    if unknown:
        problems.append(f"{where}: values outside {sorted(allowed)}: {unknown[:5]}")
    return problems


def validate(folder: str | os.PathLike[str]) -> list[str]:
    """Check a folder against its ``datapackage.json``.

    Checks that every resource file exists, that its columns are the schema's fields in order,
    that every value has its field's type (and is one of the allowed values, where a field has
    them), that primary keys are unique and that foreign keys point at existing rows.

    Args:
        folder: a folder written by ``reportparse parse`` or ``Report.to_csv``.

    Returns:
        The problems found (empty when the package is valid).
    """
    folder = Path(folder)
    descriptor = json.loads((folder / DESCRIPTOR).read_text(encoding="utf-8"))
    problems, frames = [], {}
    for entry in descriptor.get("resources", []):
        name, fields = entry["name"], entry["schema"]["fields"]
        if not (folder / entry["path"]).is_file():
            problems.append(f"{name}: {entry['path']} is missing")
            continue
        frame = frames[name] = _read(folder, entry)
        names = [field["name"] for field in fields]
        if list(frame.columns) != names:
            problems.append(f"{name}: columns {list(frame.columns)} differ from the schema's {names}")
            continue
        for field in fields:
            problems += _field_problems(name, field, list(frame[field["name"]]))
        key = entry["schema"].get("primaryKey")
        if key and frame.duplicated(key).any():
            problems.append(f"{name}: primary key {key} is not unique")
    for entry in descriptor.get("resources", []):
        for foreign in entry["schema"].get("foreignKeys", []):
            target = frames.get(foreign["reference"]["resource"])
            source = frames.get(entry["name"])
            if target is None or source is None:
                continue
            known = set(map(tuple, target[foreign["reference"]["fields"]].to_numpy()))
            orphans = [row for row in map(tuple, source[foreign["fields"]].to_numpy()) if row not in known]
            if orphans:
                problems.append(
                    f"{entry['name']}: {len(orphans)} rows whose {foreign['fields']} is not in "
                    f"{foreign['reference']['resource']}, e.g. {orphans[0]}"
                )
    return problems
