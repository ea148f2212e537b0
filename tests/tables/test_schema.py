"""The schema registry: the contract of ../shared/spec/tables.md, vocabularies from the extractors,
and every consumer (tables, datapackage, gold, invariants) reading the same registry."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import reportparse
from reportparse.devtools.invariants import table_violations
from reportparse.evaluation import gold
from reportparse.extract import counts, dates, organizations, references
from reportparse.lang.az.organizations import GAZETTEER, HEADS
from reportparse.pipeline import TABLES, extract_tables
from reportparse.tables import schema
from reportparse.tables.build import empty_table
from reportparse.tables.datapackage import resource
from tests.corpus_paths import PROJECT_ROOT

SPEC = PROJECT_ROOT.parent / "shared" / "spec" / "tables.md"


def _spec_columns(cell: str) -> list[str]:
    """Column names of a spec table cell: comma-separated at parenthesis depth 0, up to a ';'."""
    names, depth, part = [], 0, ""
    for char in cell + ",":
        depth += (char == "(") - (char == ")")
        if depth == 0 and char in ",;":
            names.append(re.match(r"\s*`?([a-z_]+)", part).group(1))
            part = ""
            if char == ";":
                break
        else:
            part += char
    return names


def test_contract_columns_are_the_spec_columns_in_order():
    if not SPEC.exists():
        pytest.skip(f"{SPEC} is absent")
    rows = re.findall(r"^\| (\w+)\.csv \| (.+) \|$", SPEC.read_text(encoding="utf-8"), flags=re.M)
    spec = {name: _spec_columns(cell) for name, cell in rows}
    for name in TABLES:
        assert schema.TABLES[name].contract == tuple(spec[name]), name


def test_vocabularies_are_the_extractors_own():
    assert schema.TABLES["dates"].column("kind").values == dates.KINDS
    assert schema.TABLES["dates"].column("granularity").values == dates.GRANULARITIES
    assert schema.TABLES["counts"].column("kind").values == counts.KINDS
    assert schema.TABLES["counts"].column("qualifier").values == counts.QUALIFIERS
    assert schema.TABLES["references"].column("kind").values == references.KINDS
    assert schema.TABLES["organizations"].column("type").values == organizations.TYPES
    assert gold.VOCABULARY[("counts", "kind")] == frozenset(counts.KINDS)
    assert "duration" in gold.VOCABULARY[("counts", "kind")] and "deadline" in gold.VOCABULARY[("dates", "kind")]
    # frequency words are no dates (corpus/README.md): no kind continuous, a recurrence column instead
    assert "continuous" not in gold.VOCABULARY[("dates", "kind")]
    assert gold.VOCABULARY[("dates", "recurrence")] == frozenset(dates.RECURRENCES)


def test_every_type_in_the_language_data_is_a_known_type():
    assert {head.type for head in HEADS.values()} <= set(organizations.TYPES)
    assert {body.type for body in GAZETTEER} <= set(organizations.TYPES)


def test_a_datapackage_field_per_column_with_the_schema_type_and_values():
    for name, table in schema.TABLES.items():
        fields = resource(name, list(table.names))["schema"]["fields"]
        assert [field["name"] for field in fields] == list(table.names)
        for field, column in zip(fields, table, strict=True):
            assert field["type"] == column.type
            assert field.get("constraints", {}).get("enum", []) == list(column.values)
    anaphoric = resource("organizations", ["anaphoric"])["schema"]["fields"][0]
    assert anaphoric["type"] == "boolean", "the Parquet file stores it as a boolean, so must the descriptor"


def test_empty_tables_have_the_schema_columns_and_dtypes():
    for name in (*TABLES, "entities", "errors"):
        frame = empty_table(name)
        assert list(frame.columns) == list(schema.TABLES[name].names)
        for column, dtype in schema.pandas_dtypes(name).items():
            assert str(frame[column].dtype) == dtype, (name, column)


def test_tables_of_the_own_corpus_use_only_the_allowed_values():
    seen: dict[tuple[str, str], set[str]] = {}
    for path in sorted((PROJECT_ROOT / "corpus" / "reports").glob("*.txt")):
        document = reportparse.load(path)
        tables = extract_tables(document)
        assert table_violations(document, tables) == []
        for name, frame in tables.items():
            assert list(frame.columns) == list(schema.TABLES[name].names)
            for column in schema.TABLES[name]:
                if column.values:
                    seen.setdefault((name, column.name), set()).update(v for v in frame[column.name] if v != "")
    for (name, column), values in seen.items():
        assert values <= set(schema.TABLES[name].column(column).values), (name, column)
    assert "duration" in seen[("counts", "kind")], "the corpus exercises the duration kind"


def test_invariants_report_a_value_outside_its_vocabulary():
    document = reportparse.load_text("Hesabat.\n\n1-ci bəndin icrasına dair:\n\n2022-ci ildə 5 tədbir keçirilib.")
    tables = extract_tables(document)
    assert table_violations(document, tables) == []
    broken = {**tables, "counts": tables["counts"].assign(kind="quantity")}
    assert any("counts: kind 'quantity' not one of" in problem for problem in table_violations(document, broken))


def test_a_table_rejects_repeated_column_names_and_unknown_types():
    with pytest.raises(ValueError, match="repeated"):
        schema.Table("x", "", (schema.Column("a", "string", ""), schema.Column("a", "string", "")))
    with pytest.raises(ValueError, match="unknown type"):
        schema.Column("a", "text", "")
    assert isinstance(empty_table("dates"), pd.DataFrame)
