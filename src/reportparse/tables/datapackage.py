"""``datapackage.json``: a Frictionless Data Package describing the tables written to a folder.

Field types and descriptions follow the table contract (README, "Tables"); every table's
``doc_id`` is a foreign key to ``documents.doc_id``. :func:`validate` checks a written folder
against its descriptor (header, types, keys) without the ``frictionless`` package.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from pathlib import Path

import pandas as pd

DESCRIPTOR = "datapackage.json"

ERRORS_TABLE = "errors"
ENTITIES_TABLE = "entities"
ERROR_COLUMNS = ("path", "error_type", "message")
"""Columns of errors.csv: one row per input that could not be parsed."""

_TRUE, _FALSE = ("True", "true", "1"), ("False", "false", "0")

FIELD_TYPES: dict[str, str] = {
    "year": "integer",
    "period_start": "date",
    "period_end": "date",
    "n_pages": "integer",
    "n_sections": "integer",
    "n_chars": "integer",
    "n_words": "integer",
    "scanned": "boolean",
    "start": "integer",
    "end": "integer",
    "page": "integer",
    "section": "integer",
    "heading_start": "integer",
    "heading_end": "integer",
    "date_start": "date",
    "date_end": "date",
    "year_inferred": "boolean",
    "value": "number",
    "date": "date",
    "n_mentions": "integer",
    "n_documents": "integer",
}
"""Frictionless type of a column wherever it appears; any other column is a string."""

_COMMON = {
    "doc_id": "Document id: the first 12 hex characters of the SHA-256 of the file's bytes, or a user-given id.",
    "item": "The plan item (bənd) the row belongs to, as printed (1, 4.2.10); several items joined by ';'; "
    "empty outside every item.",
    "text": "The surface in the normalized text, case endings included; equals the text from start to end.",
    "start": "Offset of the first character in the document's normalized text.",
    "end": "Offset just after the last character in the document's normalized text.",
}

DESCRIPTIONS: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": _COMMON["doc_id"],
        "path": "The file the document was read from.",
        "title": "The report's title: the text before the first item heading, on one line.",
        "organization": "Canonical nominative name of the reporting body.",
        "year": "The reporting year (from the title, or given).",
        "period_start": "First day of the action plan's period.",
        "period_end": "Last day of the action plan's period.",
        "n_pages": "Number of pages (1 for a text file).",
        "n_sections": "Number of item headings.",
        "format": "Input format: txt, pdf, docx or text.",
        "extractor": "The engine that extracted the text.",
        "sha256": "SHA-256 of the input bytes.",
        "n_chars": "Characters of normalized text.",
        "n_words": "Whitespace-separated words of normalized text.",
        "scanned": "True for a PDF without a text layer (no text extracted).",
        "warnings": "Notes about the extraction and segmentation, joined by '; '.",
    },
    "sections": {
        "doc_id": _COMMON["doc_id"],
        "item": "The plan item as printed; empty for the preamble.",
        "commitment": "The commitment the heading states, whitespace-normalized; empty when none.",
        "text": "The execution narrative after the heading, up to the next heading.",
        "start": "Offset of the narrative's first character in the normalized text.",
        "end": "Offset just after the narrative in the normalized text.",
        "page": "Page of the heading.",
        "section": "Number of the section in its document (0: the preamble).",
        "items": "Every item of the heading, joined by ';' (a heading may name several items).",
        "heading": "The heading as printed.",
        "heading_start": "Offset of the heading in the normalized text.",
        "heading_end": "Offset just after the heading.",
    },
    "dates": {
        "date_start": "First day the date covers (ISO).",
        "date_end": "Last day the date covers (ISO); a deadline is the deadline day.",
        "granularity": "day, month, quarter or year.",
        "kind": "point, period, range or deadline.",
        "year_inferred": "True when the year is not written in the mention and came from the report's year.",
    },
    "organizations": {
        "name": "Canonical nominative official name.",
        "org_id": "The same id for every mention of the same organization across documents.",
        "type": "state_body, council, working_group, ngo, international, education, media, business or other.",
    },
    "counts": {
        "value": "The number (money: the full amount; percent: the percentage).",
        "unit": "Lemma of the measure word or counted noun; currency code for money; faiz for percentages.",
        "counted": "Lemma of what is counted when a measure word precedes it, else empty.",
        "qualifier": "exact, more_than, less_than, at_least, at_most or approx.",
        "kind": "count, money or percent.",
    },
    "references": {
        "kind": "act, plan_item or article.",
        "act_type": "Type of the act in the nominative (Fərman, Sərəncam, Qərar, Qanun, ...).",
        "number": "The act's or article's number as printed.",
        "date": "The act's date (ISO), when given.",
        "target_item": "The item referred to.",
    },
    ENTITIES_TABLE: {
        "org_id": "The organization's id (as in organizations.org_id): a slug of its name without the national prefix.",
        "name": "Canonical nominative official name.",
        "type": "state_body, council, working_group, ngo, international, education, media, business or other.",
        "aliases": "The surfaces it was mentioned by, in order of first appearance, joined by '; '.",
        "n_mentions": "Number of mentions (rows of organizations).",
        "n_documents": "Number of documents mentioning it.",
    },
    ERRORS_TABLE: {
        "path": "The input that could not be parsed.",
        "error_type": "The kind of failure: the error's class name, or Timeout, MemoryLimit, WorkerCrash.",
        "message": "What went wrong and what to do.",
    },
}
"""Description of every contract column, and of the extra columns known here, per table."""

TABLE_DESCRIPTIONS = {
    "documents": "One row per document.",
    "sections": "One row per plan item (a heading for several items gives one row each); the preamble has an empty item.",
    "dates": "One row per date mention.",
    "organizations": "One row per organization mention.",
    "counts": "One row per count, amount of money or percentage.",
    "references": "One row per reference to a legal act, a plan item or an article.",
    ENTITIES_TABLE: "One row per organization mentioned in the documents (the entities behind organizations.org_id).",
    ERRORS_TABLE: "One row per input that could not be parsed.",
}


def describe(table: str, column: str) -> str:
    """The description of a column of a table (extra columns unknown here say so)."""
    known = DESCRIPTIONS.get(table, {}).get(column) or _COMMON.get(column)
    return known or f"Extra column of the {table} table (see the README, 'Tables')."


def _field(table: str, column: str) -> dict[str, object]:
    field: dict[str, object] = {
        "name": column,
        "type": FIELD_TYPES.get(column, "string"),
        "description": describe(table, column),
    }
    if field["type"] == "boolean":
        field.update(trueValues=list(_TRUE), falseValues=list(_FALSE))
    if column == "doc_id" or (table, column) in ((ERRORS_TABLE, "path"), (ENTITIES_TABLE, "org_id")):
        field["constraints"] = {"required": True}
    return field


def resource(table: str, columns: list[str], *, fmt: str = "csv", excel: bool = False) -> dict[str, object]:
    """The Data Package resource of one table file."""
    schema: dict[str, object] = {"fields": [_field(table, column) for column in columns], "missingValues": [""]}
    if table == "documents":
        schema["primaryKey"] = ["doc_id"]
    elif table == ENTITIES_TABLE:
        schema["primaryKey"] = ["org_id"]
    elif table != ERRORS_TABLE:
        schema["foreignKeys"] = [{"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}}]
    entry: dict[str, object] = {
        "name": table,
        "path": f"{table}.{fmt}",
        "profile": "tabular-data-resource",
        "description": TABLE_DESCRIPTIONS.get(table, ""),
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
    from reportparse import __version__

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
            return value in _TRUE or value in _FALSE
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


def validate(folder: str | os.PathLike[str]) -> list[str]:
    """Check a folder against its ``datapackage.json``.

    Checks that every resource file exists, that its columns are the schema's fields in order,
    that every value has its field's type, that primary keys are unique and that foreign keys
    point at existing rows.

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
            values = list(frame[field["name"]])
            bad = [row for row, value in enumerate(values, 1) if value != "" and not _conforms(value, field["type"])]
            if bad:
                problems.append(
                    f"{name}.{field['name']}: {len(bad)} values are not {field['type']}, "
                    f"e.g. {values[bad[0] - 1]!r} (row {bad[0]})"
                )
            if field.get("constraints", {}).get("required") and "" in values:
                problems.append(f"{name}.{field['name']}: empty values in a required field")
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
