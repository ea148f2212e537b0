"""Exports: CSV with and without BOM, datapackage.json, Parquet, column and row order."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

import reportparse
from reportparse.pipeline import TABLES
from reportparse.tables import datapackage
from reportparse.tables.schema import TABLES as SCHEMA
from tests.cli.test_cli import run

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "corpus" / "reports"
SAMPLE_TEXT = reportparse.sample_report_path().read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def corpus() -> reportparse.Corpus:
    return reportparse.parse_many(REPORTS, jobs=0, progress=False)


def test_excel_flag_writes_a_bom_to_every_csv_and_the_letters_survive(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(SAMPLE_TEXT, encoding="utf-8")
    assert run("parse", str(source), "--out", str(tmp_path / "excel"), "--excel").returncode == 0
    assert run("parse", str(source), "--out", str(tmp_path / "plain")).returncode == 0
    for name in (*TABLES, "errors"):
        excel = (tmp_path / "excel" / f"{name}.csv").read_bytes()
        plain = (tmp_path / "plain" / f"{name}.csv").read_bytes()
        assert excel.startswith(b"\xef\xbb\xbf") and not plain.startswith(b"\xef\xbb\xbf"), name
        assert excel[3:] == plain, "the BOM is the only difference"
    organizations = (tmp_path / "excel" / "organizations.csv").read_text(encoding="utf-8-sig")
    assert "Azərbaycan Respublikasının Dövlət Arxiv Xidməti" in organizations
    descriptor = json.loads((tmp_path / "excel" / "datapackage.json").read_text(encoding="utf-8"))
    assert {resource["encoding"] for resource in descriptor["resources"]} == {"utf-8-sig"}
    umask = os.umask(0)
    os.umask(umask)
    modes = {path.stat().st_mode & 0o777 for path in (tmp_path / "excel").iterdir()}
    assert modes == {0o666 & ~umask}, "files readable as the umask allows, not private like temporary files"


def test_datapackage_describes_every_table_and_validates(corpus, tmp_path):
    corpus.to_csv(tmp_path)
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    resources = {resource["name"]: resource for resource in descriptor["resources"]}
    assert set(resources) == {*TABLES, "entities", "events", "errors"}
    for name, resource in resources.items():
        fields = resource["schema"]["fields"]
        header = pd.read_csv(tmp_path / resource["path"], nrows=0).columns.tolist()
        assert [field["name"] for field in fields] == header, name
        assert all(field["type"] in {"string", "integer", "number", "boolean", "date"} for field in fields)
        assert all(field["description"] for field in fields)
    for name in (*TABLES, "entities", "events", "errors"):  # every column the schema knows is described specifically
        columns = SCHEMA[name].names
        assert not [c for c in columns if datapackage.describe(name, c).startswith("Extra column")], name
    assert resources["documents"]["schema"]["primaryKey"] == ["doc_id"]
    for name in set(TABLES) - {"documents"}:
        assert resources[name]["schema"]["foreignKeys"][0] == {
            "fields": ["doc_id"],
            "reference": {"resource": "documents", "fields": ["doc_id"]},
        }
    assert datapackage.validate(tmp_path) == []


def test_validate_finds_bad_values_and_dangling_keys(corpus, tmp_path):
    corpus.to_csv(tmp_path)
    dates = pd.read_csv(tmp_path / "dates.csv", dtype=str, keep_default_na=False)
    dates.loc[0, "start"] = "twelve"
    dates.loc[1, "doc_id"] = "ffffffffffff"
    dates.to_csv(tmp_path / "dates.csv", index=False)
    problems = datapackage.validate(tmp_path)
    assert any(p.startswith("dates.start: 1 values are not integer") for p in problems), problems
    assert any(p.startswith("dates: 1 rows whose ['doc_id'] is not in documents") for p in problems), problems


def test_columns_start_with_the_contract_and_rows_do_not_depend_on_input_order_or_workers(tmp_path):
    files = sorted(REPORTS.glob("*.txt"))[:4]
    forward = reportparse.parse_many(files, jobs=2, progress=False)
    backward = reportparse.parse_many(files[::-1], jobs=0, progress=False)
    for name in TABLES:
        assert list(forward.tables[name].columns[: len(SCHEMA[name].contract)]) == list(SCHEMA[name].contract)
        pd.testing.assert_frame_equal(forward.tables[name], backward.tables[name])
    assert list(forward.documents["path"]) == sorted(map(str, files))


def test_parquet_holds_the_same_tables_as_csv(corpus, tmp_path):
    pytest.importorskip("pyarrow")
    corpus.to_parquet(tmp_path / "parquet")
    corpus.to_csv(tmp_path / "csv")
    assert datapackage.validate(tmp_path / "parquet") == []
    for name in TABLES:
        parquet = pd.read_parquet(tmp_path / "parquet" / f"{name}.parquet")
        csv = pd.read_csv(tmp_path / "csv" / f"{name}.csv", dtype=str, keep_default_na=False)
        assert list(parquet.columns) == list(csv.columns)
        for column in SCHEMA[name]:  # numbers compare as numbers: 37 in CSV is 37.0 in a float column
            if column.type == "number":
                parquet[column.name] = parquet[column.name].astype(float)
                csv[column.name] = csv[column.name].replace("", None).astype(float)
        as_text = parquet.astype(object).where(parquet.notna(), "").astype(str)
        pd.testing.assert_frame_equal(as_text.reset_index(drop=True), csv.astype(str), check_dtype=False)


def test_parquet_columns_have_the_schema_types(corpus, tmp_path):
    """Integers, numbers, booleans and dates are stored typed, as datapackage.json declares them."""
    pyarrow = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    corpus.to_parquet(tmp_path)
    expected = {
        "integer": pyarrow.types.is_integer,
        "number": pyarrow.types.is_floating,
        "boolean": pyarrow.types.is_boolean,
        "date": pyarrow.types.is_date32,
        "string": lambda kind: pyarrow.types.is_string(kind) or pyarrow.types.is_large_string(kind),
    }
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        if resource["format"] != "parquet":
            continue
        stored = pq.read_schema(tmp_path / resource["path"])
        for field in resource["schema"]["fields"]:
            assert expected[field["type"]](stored.field(field["name"]).type), (resource["name"], field)
    counts = pd.read_parquet(tmp_path / "counts.parquet")
    assert counts["value"].sum() > 0, "numbers add up (they are not strings)"


def test_validate_rejects_values_outside_a_vocabulary(corpus, tmp_path):
    corpus.to_csv(tmp_path)
    counts = pd.read_csv(tmp_path / "counts.csv", dtype=str, keep_default_na=False)
    counts.loc[0, "kind"] = "quantity"
    counts.to_csv(tmp_path / "counts.csv", index=False)
    problems = datapackage.validate(tmp_path)
    assert any(p.startswith("counts.kind: values outside") and "quantity" in p for p in problems), problems


def test_a_frictionless_validator_accepts_both_formats(corpus, tmp_path):
    """An independent implementation of the standard reads our descriptors as we mean them."""
    frictionless = pytest.importorskip("frictionless")
    pytest.importorskip("pyarrow")
    corpus.to_csv(tmp_path / "csv")
    corpus.to_parquet(tmp_path / "parquet")
    for folder in ("csv", "parquet"):
        report = frictionless.validate(str(tmp_path / folder / "datapackage.json"))
        assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_cli_format_parquet_and_excel_only_with_csv(tmp_path):
    pytest.importorskip("pyarrow")
    source = tmp_path / "a.txt"
    source.write_text(SAMPLE_TEXT, encoding="utf-8")
    assert run("parse", str(source), "--out", str(tmp_path / "out"), "--format", "parquet").returncode == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        [f"{name}.parquet" for name in (*TABLES, "entities", "events")] + ["errors.csv", "datapackage.json"]
    )
    assert run("parse", str(source), "--out", str(tmp_path / "x"), "--format", "parquet", "--excel").returncode == 2


def test_entities_table_is_written_and_described(tmp_path):
    """entities.csv: one row per org_id of organizations.csv, its key declared in datapackage.json."""
    report = reportparse.parse(reportparse.sample_report_path())
    report.to_csv(tmp_path)
    entities = pd.read_csv(tmp_path / "entities.csv", keep_default_na=False)
    organizations = pd.read_csv(tmp_path / "organizations.csv", keep_default_na=False)
    assert len(organizations) > 5
    assert set(entities["org_id"]) == set(organizations["org_id"]) and len(entities) == entities["org_id"].nunique()
    assert entities["n_mentions"].sum() == len(organizations)
    assert list(entities.columns) == list(report.entities.columns)
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    resources = {entry["name"]: entry for entry in descriptor["resources"]}
    assert resources["entities"]["schema"]["primaryKey"] == ["org_id"]
    assert {"fields": ["org_id"], "reference": {"resource": "entities", "fields": ["org_id"]}} in resources[
        "organizations"
    ]["schema"]["foreignKeys"]
    assert datapackage.validate(tmp_path) == []
