"""A parse keeps each table as rows and makes its DataFrame on first lookup (issue 21): the frames
are the ones the rows always gave, a batch joins rows before making frames, and events made
bundle by bundle are the events of the whole."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys

import pandas as pd
import pytest

import reportparse
from reportparse.batch.result import FileResult
from reportparse.output import folder
from reportparse.output.folder import Collector
from reportparse.pipeline import TABLES, extract_tables
from reportparse.tables.build import Rows, derived_table, frame, joined
from reportparse.tables.events import events_table
from reportparse.tables.schema import COUNTS, DATES, EVENTS, REFERENCES, SECTIONS
from reportparse.tables.tableset import TableSet, combined_rows
from tests.corpus_paths import PROJECT_ROOT

REPORTS = sorted((PROJECT_ROOT / "corpus" / "reports").glob("*.txt"))


@pytest.fixture(scope="module")
def tables() -> TableSet:
    return extract_tables(reportparse.load(reportparse.sample_report_path()))


def test_a_parse_gives_rows_in_the_order_of_the_tables(tables):
    assert isinstance(tables, TableSet) and list(tables) == list(TABLES)
    assert all(tables.rows(name) is not None for name in TABLES)
    assert tables.row_count(DATES) == len(tables.rows(DATES)) > 10


def test_a_table_is_made_once_from_its_rows_and_kept(tables):
    rows = tables.rows(COUNTS)
    made = tables[COUNTS]
    pd.testing.assert_frame_equal(made, frame(COUNTS, rows.rows, objects=("value",)))
    assert tables[COUNTS] is made and tables.rows(COUNTS) is None
    assert tables.row_count(COUNTS) == len(made)
    assert tables.column(COUNTS, "start") == made["start"].tolist()


def test_a_column_is_read_from_rows_without_making_the_frame():
    tables = extract_tables(reportparse.load(reportparse.sample_report_path()))
    starts = tables.column(DATES, "start")
    assert tables.rows(DATES) is not None  # still rows
    assert starts == tables[DATES]["start"].tolist()
    with pytest.raises(KeyError):
        tables.column(DATES, "no such column")
    with pytest.raises(KeyError):
        tables.row_count("no such table")


def test_a_table_set_is_a_mutable_mapping_of_frames(tables):
    copy = TableSet([Rows(DATES, list(tables.rows(DATES).rows if tables.rows(DATES) else []))])
    copy["extra"] = pd.DataFrame({"a": [1]})
    assert list(copy) == [DATES, "extra"] and len(copy) == 2 and "extra" in copy
    del copy["extra"]
    assert list(copy) == [DATES] and "extra" not in copy
    again = copy.copy()
    again["more"] = pd.DataFrame()
    assert list(again) == [DATES, "more"] and list(copy) == [DATES]
    pd.testing.assert_frame_equal(again[DATES], copy[DATES])
    assert repr(copy).startswith("TableSet(dates: ")


def test_rows_pickle_as_rows_and_give_the_same_frames():
    tables = extract_tables(reportparse.load(reportparse.sample_report_path()))
    back = pickle.loads(pickle.dumps(tables))
    assert all(back.rows(name) is not None for name in TABLES)
    for name in TABLES:
        pd.testing.assert_frame_equal(back[name], tables[name])


def test_joined_rows_give_the_concatenated_frames():
    parts = [extract_tables(reportparse.load(path)) for path in REPORTS[:3]]
    for name in TABLES:
        rows = combined_rows(name, parts)
        assert rows is not None
        expected = folder._concat(name, [part[name] for part in parts])  # how a batch joined frames
        pd.testing.assert_frame_equal(rows.frame(), expected)
    with pytest.raises(ValueError, match="cannot join"):
        joined([Rows(DATES, []), Rows(COUNTS, [])])


def test_a_part_holding_a_frame_is_concatenated_instead():
    parts = [extract_tables(reportparse.load(path)) for path in REPORTS[:2]]
    parts[0][DATES]  # made a frame
    assert combined_rows(DATES, parts) is None
    assert combined_rows(DATES, [{}]) is None  # no part holds it


def test_a_parse_does_not_import_pandas_until_a_table_is_asked_for():
    code = (
        "import sys, json, reportparse\n"
        "report = reportparse.parse(reportparse.sample_report_path())\n"
        "before = 'pandas' in sys.modules\n"
        "meta = [report.title is not None, report.year, report.organization is not None, len(report.text) > 0]\n"
        "shown = repr(report)\n"
        "after_meta = 'pandas' in sys.modules\n"
        "n = len(report.dates)\n"
        "print(json.dumps([before, after_meta, 'pandas' in sys.modules, meta, n > 0, 'dates=' in shown]))\n"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(output) == [False, False, True, [True, 2023, True, True], True, True]


def _results(paths):
    for path in paths:
        document = reportparse.load(path)
        yield FileResult(path=str(path), doc_id=document.doc_id, tables=extract_tables(document))


def test_a_batch_gives_the_tables_and_events_of_the_whole(monkeypatch):
    monkeypatch.setattr(folder, "_BUNDLE", 2)  # several bundles, the last one smaller
    paths = REPORTS[:5]
    collector = Collector()
    for result in _results(paths):
        collector.add(result)
    combined = collector.tables()
    assert combined.derived == (EVENTS,)
    whole = {name: pd.concat([r.tables[name] for r in _results(paths)], ignore_index=True) for name in TABLES}
    order = whole["documents"].sort_values(["path", "doc_id"])["doc_id"].tolist()
    for name in TABLES:
        expected = pd.concat([whole[name][whole[name]["doc_id"] == d] for d in order], ignore_index=True)
        pd.testing.assert_frame_equal(combined[name], expected, check_dtype=False)
    events = derived_table(EVENTS, combined)
    expected_events = events_table(combined[SECTIONS], combined[DATES], combined[REFERENCES])
    pd.testing.assert_frame_equal(events, expected_events)
    assert len(events) == len(combined[DATES]) > 0
