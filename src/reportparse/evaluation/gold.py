"""The gold corpus: reading, anchoring and validating ``corpus/gold.jsonl``.

The record format and the annotation conventions are in ``corpus/README.md``. Rows are anchored
by offsets into the normalized text *and* carry their surface, so :func:`validate` notices when
a change to normalization (or to the file) moves them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reportparse.document import Document
from reportparse.extract.organizations import org_key
from reportparse.ingest.loader import load
from reportparse.tables.schema import COUNTS, DATES, ORGANIZATIONS, REFERENCES, SECTIONS, TABLES

GOLD_TABLES = (SECTIONS, DATES, ORGANIZATIONS, COUNTS, REFERENCES)
"""The tables a gold record can annotate."""

KINDS = ("report", "act", "plan")
"""What a gold document is."""

VOCABULARY: dict[tuple[str, str], frozenset[str]] = {
    (table, column.name): frozenset(column.values) for table in GOLD_TABLES for column in TABLES[table] if column.values
}
"""Allowed values of the vocabulary columns, from the schema registry (the extractors' own lists)."""

REQUIRED: dict[str, tuple[str, ...]] = {  # the gold format of corpus/README.md (org_key: the gold's org_id)
    SECTIONS: ("item", "commitment"),
    DATES: ("date_start", "date_end", "granularity", "kind", "year_inferred"),
    ORGANIZATIONS: ("name", "org_key", "type"),
    COUNTS: ("value", "unit", "counted", "qualifier", "kind"),
    REFERENCES: ("kind", "act_type", "number", "date", "target_item"),
}
_ORG_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_ITEM = re.compile(r"^\d+(?:\.\d+)*$")


def org_key_for(name: str) -> str:
    """The default ``org_key`` of a canonical name: the entity id the pipeline gives it
    (:func:`reportparse.extract.organizations.org_key`), an ASCII slug without the national prefix.

    >>> org_key_for("Azərbaycan Respublikasının Nazirlər Kabineti")
    'nazirler-kabineti'
    """
    return org_key(name)


class GoldError(ValueError):
    """A gold record that cannot be used (bad file reference, rows that do not anchor)."""


@dataclass
class GoldDocument:
    """One record of gold.jsonl (see ``corpus/README.md``)."""

    id: str
    path: str
    sha256: str
    kind: str
    year: int
    annotated: list[str]
    rows: dict[str, list[dict]]
    document: dict = field(default_factory=dict)
    regions: list[dict] = field(default_factory=list)
    """Parts of the text annotated exhaustively (``start``/``end``, with ``first``/``last``, the
    exact strings the region starts and ends with); empty means the whole text. Long documents
    (the codes) are annotated in regions: only mentions inside a region are scored."""

    def in_regions(self, start: int, end: int) -> bool:
        """Whether a span lies in the annotated part of the text (touching a region is enough
        for a predicted row: one that crosses a region's edge is scored, and is wrong)."""
        if not self.regions:
            return True
        return any(start < region["end"] and end > region["start"] for region in self.regions)

    @classmethod
    def from_json(cls, record: dict) -> GoldDocument:
        missing = [key for key in ("id", "path", "sha256", "kind", "year", "annotated") if key not in record]
        if missing:
            raise GoldError(f"record {record.get('id', '?')}: missing {', '.join(missing)}")
        return cls(
            id=record["id"],
            path=record["path"],
            sha256=record["sha256"],
            kind=record["kind"],
            year=record["year"],
            annotated=list(record["annotated"]),
            rows={table: list(record.get(table, [])) for table in GOLD_TABLES},
            document=dict(record.get("document", {})),
            regions=[dict(region) for region in record.get("regions", [])],
        )

    def to_json(self) -> dict:
        record = {
            "id": self.id,
            "path": self.path,
            "sha256": self.sha256,
            "kind": self.kind,
            "year": self.year,
            "document": self.document,
            "annotated": self.annotated,
        }
        if self.regions:
            record["regions"] = [
                {key: region[key] for key in ("start", "end", "first", "last") if key in region}
                for region in sorted(self.regions, key=lambda region: region.get("start", 0))
            ]
        for table in GOLD_TABLES:
            rows = sorted(self.rows[table], key=lambda row: (row.get("start", 0), row.get("end", 0)))
            # offsets and surface first: they are what a reader checks against the text
            record[table] = [
                {key: row[key] for key in ("start", "end", "text") if key in row}
                | {key: value for key, value in row.items() if key not in ("start", "end", "text")}
                for row in rows
            ]
        return record

    def file(self, project_root: Path) -> Path:
        """The annotated file, resolved against the project root."""
        return (project_root / self.path).resolve()

    def load(self, project_root: Path) -> Document:
        """The normalized document, after checking the file's SHA-256."""
        path = self.file(project_root)
        if not path.exists():
            raise FileNotFoundError(path)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != self.sha256:
            raise GoldError(f"{self.id}: {self.path} changed (SHA-256 {digest[:12]}…, gold has {self.sha256[:12]}…)")
        return load(path, doc_id=self.id)


def read_gold(path: Path) -> list[GoldDocument]:
    """Read gold.jsonl.

    Args:
        path: the JSON Lines file.

    Returns:
        The records in file order.
    """
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                records.append(GoldDocument.from_json(json.loads(line)))
            except json.JSONDecodeError as exc:
                raise GoldError(f"{path}:{number}: not JSON ({exc.msg})") from None
    return records


def write_gold(path: Path, records: Iterable[GoldDocument]) -> None:
    """Write gold.jsonl, one record per line, sorted by id (stable diffs)."""
    lines = [json.dumps(r.to_json(), ensure_ascii=False) for r in sorted(records, key=lambda r: r.id)]
    temporary = path.with_suffix(".jsonl.tmp")
    temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    temporary.replace(path)


# --- anchoring -----------------------------------------------------------------------------


def _occurrences(text: str, surface: str) -> list[int]:
    """Starts of ``surface`` in ``text`` as whole words (``2022-ci il`` not inside ``illər``)."""
    found, start = [], text.find(surface)
    while start >= 0:
        end = start + len(surface)
        before_ok = start == 0 or not (text[start - 1].isalnum() and surface[0].isalnum())
        after_ok = end == len(text) or not (text[end].isalnum() and surface[-1].isalnum())
        if before_ok and after_ok:
            found.append(start)
        start = text.find(surface, start + 1)
    return found


def _candidates(text: str, row: dict, surface: str, *, table: str, regions: list[dict] | None) -> list[int]:
    """Where a row's surface may go: its ``context``, its ``occurrence``, or every whole-word match
    (inside the regions when there are any)."""
    matches = _occurrences(text, surface)
    if regions:
        matches = [m for m in matches if any(r["start"] <= m and m + len(surface) <= r["end"] for r in regions)]
    if "context" in row:
        base = text.find(row["context"])
        inner = row["context"].find(surface)
        if base < 0 or inner < 0:
            raise GoldError(f"{table}: context {row['context']!r} of {surface!r} not found")
        return [base + inner]
    if "occurrence" in row:
        if not 1 <= row["occurrence"] <= len(matches):
            raise GoldError(f"{table}: {surface!r} occurs {len(matches)} times, not {row['occurrence']}")
        return [matches[row["occurrence"] - 1]]
    return matches


def anchor_rows(text: str, rows: list[dict], *, table: str, regions: list[dict] | None = None) -> list[dict]:
    """Give every row ``start``/``end`` in ``text``.

    A row keeps offsets that still match its ``text``. Otherwise it takes the ``occurrence``-th
    match (1-based) of its surface, or the match inside its ``context`` string, or the first
    match not yet claimed by another row of the table; longer surfaces claim first.
    Organization rows without ``org_key`` get :func:`org_key_for` of their name.

    Args:
        text: the normalized text.
        rows: rows with at least ``text``.
        table: the table's name (for messages).
        regions: anchored regions of the record; when given, only occurrences inside one count
            (``occurrence`` numbers them inside the regions too).

    Returns:
        New rows with offsets, without the ``occurrence``/``context`` helpers.

    Raises:
        GoldError: a surface that is not in the text, or more rows than occurrences.
    """
    claimed: list[tuple[int, int]] = []
    result: dict[int, dict] = {}

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in claimed)

    order = sorted(range(len(rows)), key=lambda i: -len(rows[i].get("text", "")))
    # Rows with explicit offsets or hints first, so automatic ones do not steal their places.
    order.sort(key=lambda i: 0 if ("start" in rows[i] or "occurrence" in rows[i] or "context" in rows[i]) else 1)
    for index in order:
        row = dict(rows[index])
        surface = row.get("text", "")
        if not surface:
            raise GoldError(f"{table}: a row without text: {row}")
        start = row.get("start")
        if not (
            isinstance(start, int)
            and text[start : start + len(surface)] == surface
            and row.get("end") == start + len(surface)
        ):
            matches = _candidates(text, row, surface, table=table, regions=regions)
            # Only sections share spans (one heading for several items).
            span_of = {m: (m, m + len(surface)) for m in matches}
            unclaimed = [m for m in matches if free(*span_of[m])]
            if not unclaimed and table == SECTIONS:
                unclaimed = [m for m in matches if span_of[m] in claimed]
            if not unclaimed:
                raise GoldError(f"{table}: {surface!r} not found (or every occurrence already claimed)")
            start = unclaimed[0]
        row["start"], row["end"] = start, start + len(surface)
        if table == ORGANIZATIONS and row.get("name") and not row.get("org_key"):
            row["org_key"] = org_key_for(row["name"])
        row.pop("occurrence", None), row.pop("context", None)
        claimed.append((row["start"], row["end"]))
        result[index] = row
    return [result[i] for i in range(len(rows))]


def anchor_regions(text: str, regions: list[dict]) -> list[dict]:
    """Give every region ``start``/``end`` from its ``first``/``last`` strings.

    A region keeps offsets at which its strings still stand; otherwise it starts at the first
    occurrence of ``first`` (or the ``occurrence``-th) and ends at the end of the first occurrence
    of ``last`` after that.

    Args:
        text: the normalized text.
        regions: dicts with ``first`` and ``last`` (and optionally ``start``/``end``/``occurrence``).

    Returns:
        Regions with ``start``, ``end``, ``first``, ``last``.

    Raises:
        GoldError: a string that is not in the text.
    """
    result = []
    for region in regions:
        first, last = region.get("first", ""), region.get("last", "")
        if not first or not last:
            raise GoldError(f"region {region}: needs 'first' and 'last' (the exact strings it starts and ends with)")
        start, end = region.get("start"), region.get("end")
        if isinstance(start, int) and isinstance(end, int) and _region_problem(text, region) is None:
            result.append({"start": start, "end": end, "first": first, "last": last})
            continue
        starts = [m.start() for m in re.finditer(re.escape(first), text)]
        wanted = region.get("occurrence", 1)
        if not 1 <= wanted <= len(starts):
            raise GoldError(f"region: {first!r} occurs {len(starts)} times, not {wanted}")
        start = starts[wanted - 1]
        tail = text.find(last, start + len(first) - len(last) if len(last) < len(first) else start)
        if tail < 0:
            raise GoldError(f"region: {last!r} not found after {first!r}")
        result.append({"start": start, "end": tail + len(last), "first": first, "last": last})
    return result


def _region_problem(text: str, region: dict) -> str | None:
    start, end = region.get("start"), region.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return f"region at {start}: offsets out of range"
    if not text.startswith(region.get("first", ""), start) or not text[:end].endswith(region.get("last", "")):
        first, last = region.get("first"), region.get("last")
        return f"region at {start}: the text there no longer starts with {first!r} and ends with {last!r}"
    return None


# --- validation ----------------------------------------------------------------------------


def _iso(value: object) -> bool:
    try:
        dt.date.fromisoformat(str(value))
        return True
    except ValueError:
        return False


def _check_row(table: str, row: dict) -> list[str]:
    problems = [f"missing {key}" for key in REQUIRED[table] if key not in row]
    for (vocabulary_table, column), allowed in VOCABULARY.items():
        optional_and_empty = column not in REQUIRED[table] and row.get(column) == ""
        if vocabulary_table == table and column in row and row[column] not in allowed and not optional_and_empty:
            problems.append(f"{column} {row[column]!r} not one of {sorted(allowed)}")
    if table == DATES and all(key in row for key in REQUIRED[DATES]):
        if not (_iso(row["date_start"]) and _iso(row["date_end"])):
            problems.append("date_start/date_end must be ISO dates")
        elif row["date_start"] > row["date_end"]:
            problems.append("date_start after date_end")
        if not isinstance(row["year_inferred"], bool):
            problems.append("year_inferred must be true or false")
    if (
        table == COUNTS
        and "value" in row
        and (
            not isinstance(row["value"], (int, float))
            or isinstance(row["value"], bool)
            or not math.isfinite(row["value"])
        )
    ):
        problems.append("value must be a finite number")
    if table == ORGANIZATIONS and "org_key" in row and not _ORG_KEY.match(str(row["org_key"])):
        problems.append("org_key must be a lowercase ASCII slug")
    if table == SECTIONS and "item" in row and not _ITEM.match(str(row["item"])):
        problems.append(f"item {row['item']!r} is not a number like 1 or 4.2.10")
    if table == REFERENCES and row.get("date") and not _iso(row["date"]):
        problems.append("date must be an ISO date or empty")
    if table == REFERENCES and row.get("target_item") and not _ITEM.match(str(row["target_item"])):
        problems.append("target_item must be an item number or empty")
    return problems


def validate_record(record: GoldDocument, text: str) -> list[str]:
    """Everything wrong with one record, checked against the document's normalized text.

    Args:
        record: the gold record.
        text: ``load(record's file).text``.

    Returns:
        Human-readable problems; empty when the record is valid.
    """
    problems = []
    if record.kind not in KINDS:
        problems.append(f"kind {record.kind!r} not one of {KINDS}")
    if not isinstance(record.year, int) or not 1990 <= record.year <= 2100:
        problems.append(f"year {record.year!r} is not a reporting year")
    problems += [f"annotated table {table!r} unknown" for table in record.annotated if table not in GOLD_TABLES]
    problems += [p for p in (_region_problem(text, region) for region in record.regions) if p]
    spans = sorted((r.get("start", 0), r.get("end", 0)) for r in record.regions)
    problems += [f"regions at {s1} and {s2} overlap" for (s1, e1), (s2, _) in itertools.pairwise(spans) if s2 < e1]
    if record.regions:
        problems += [
            f"{table} {row.get('text', '')!r} at {row.get('start')}: outside every region"
            for table in GOLD_TABLES
            for row in record.rows[table]
            if isinstance(row.get("start"), int)
            and isinstance(row.get("end"), int)
            and not any(r["start"] <= row["start"] and row["end"] <= r["end"] for r in record.regions)
        ]
    for table in GOLD_TABLES:
        rows = record.rows[table]
        if rows and table not in record.annotated:
            problems.append(f"{table}: rows given but the table is not listed in 'annotated'")
        problems += _overlaps(table, rows, text) + _rows_problems(table, rows, text)
    return problems


def _overlaps(table: str, rows: list[dict], text: str) -> list[str]:
    """Rows of one table whose spans overlap (a gold table's mentions never do)."""
    spans = sorted(
        {(r["start"], r["end"]) for r in rows if isinstance(r.get("start"), int) and isinstance(r.get("end"), int)}
    )
    return [
        f"{table}: rows {text[s1:e1]!r} at {s1} and {text[s2:e2]!r} at {s2} overlap"
        for (s1, e1), (s2, e2) in itertools.pairwise(spans)
        if s2 < e1
    ]


def _rows_problems(table: str, rows: list[dict], text: str) -> list[str]:
    """Offsets, surfaces, duplicates and values of the rows of one table."""
    problems, seen = [], set()
    for row in rows:
        where = f"{table} {row.get('text', '')!r} at {row.get('start')}"
        start, end = row.get("start"), row.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            problems.append(f"{where}: offsets out of range")
            continue
        if text[start:end] != row.get("text"):
            problems.append(f"{where}: surface differs from the text there ({text[start:end]!r})")
        key = (start, end, row.get("item"), row.get("target_item"), row.get("org_key"))
        if key in seen:
            problems.append(f"{where}: duplicate row")
        seen.add(key)
        problems.extend(f"{where}: {p}" for p in _check_row(table, row))
    return problems
