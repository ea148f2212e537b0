"""Typed tables (issue 20, item 1): the schema's types as pandas dtypes in the API's DataFrames,
the conversion between the text form and the typed form, and what ``import reportparse`` loads."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reportparse
from reportparse.pipeline import TABLES
from reportparse.tables import schema
from reportparse.tables.types import PANDAS_DTYPES, pandas_types, text_frame, typed_column, typed_frame

WHOLE_ITEMS = (
    "Hesabat 2023.\n\n1-ci bəndin icrasına dair:\n\n15 mart 2023-cü il tarixdə 5 tədbir keçirilib.\n\n"
    "2-ci bəndin icrasına dair:\n\n2023-cü ilin II rübündə 37 təklif alınıb.\n"
)


@pytest.fixture(scope="module")
def report() -> reportparse.Report:
    return reportparse.parse(reportparse.sample_report_path())


def test_every_table_of_a_report_has_the_dtypes_of_its_schema(report):
    for name in (*TABLES, schema.ENTITIES, schema.EVENTS):
        frame = getattr(report, name)
        assert list(frame.columns) == list(schema.TABLES[name].names), name
        assert {c: str(t) for c, t in frame.dtypes.items()} == pandas_types(name), name
    assert str(report.dates["date_start"].dtype) == "datetime64[s]"
    assert report.counts["value"].dtype == "Float64" and report.counts["value"].sum() > 1_000_000
    assert report.documents["period_start"].item() == pd.Timestamp("2022-01-01")
    assert report.documents["warnings"].isna().all(), "an empty cell is missing, not ''"
    assert report.sections["item"].iloc[0] is pd.NA and "1" in set(report.sections["item"].dropna())


def test_the_typed_form_is_converted_once_and_follows_a_replaced_table(report):
    assert report.dates is report.dates
    tables = dict(report.tables)
    copy = reportparse.Report(report.document, tables)
    before = copy.dates
    tables["dates"] = tables["dates"].iloc[:3]
    assert len(copy.dates) == 3 and len(before) == len(report.dates)


def test_whole_number_items_stay_text():
    report = reportparse.parse(WHOLE_ITEMS)
    assert list(report.sections["item"].dropna()) == ["1", "2"]
    assert report.dates["item"].tolist() == ["1", "2"]
    assert report.counts["value"].tolist() == [5.0, 37.0]


def test_dates_reach_centuries_that_nanoseconds_do_not():
    typed = typed_column(pd.Series(["1501-01-01", "", "2500-12-31"]), "date")
    assert typed.dt.year.tolist()[::2] == [1501, 2500] and typed.isna().tolist() == [False, True, False]


def test_bad_values_are_refused_with_their_column():
    with pytest.raises(ValueError, match=r"dates\.start: .*twelve"):
        typed_frame("dates", pd.DataFrame({"start": ["twelve"]}))
    with pytest.raises(ValueError, match=r"dates\.date_start: .*not a date"):
        typed_frame("dates", pd.DataFrame({"date_start": ["15 mart"]}))
    with pytest.raises(ValueError, match=r"dates\.year_inferred: .*not a boolean"):
        typed_frame("dates", pd.DataFrame({"year_inferred": ["maybe"]}))


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
_DAY = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))


@st.composite
def _text_rows(draw) -> pd.DataFrame:
    """Rows of the dates table in the text form (as built, or as read from a CSV)."""
    n = draw(st.integers(0, 6))
    return pd.DataFrame(
        {
            "doc_id": [draw(st.from_regex(r"[0-9a-f]{12}", fullmatch=True)) for _ in range(n)],
            "item": [draw(st.sampled_from(["", "1", "10", "4.2.10", "6;7", "01"])) for _ in range(n)],
            "text": [draw(_TEXT) for _ in range(n)],
            "start": pd.array([draw(st.integers(0, 10**9)) for _ in range(n)], dtype="Int64"),
            "date_start": [draw(st.one_of(st.just(""), _DAY.map(dt.date.isoformat))) for _ in range(n)],
            "year_inferred": pd.array([draw(st.sampled_from([True, False, None])) for _ in range(n)], dtype="boolean"),
        }
    )


@settings(max_examples=60, deadline=None)
@given(_text_rows())
def test_text_and_typed_forms_convert_both_ways(frame):
    typed = typed_frame("dates", frame)
    for column in frame.columns:
        assert str(typed[column].dtype) == PANDAS_DTYPES[schema.TABLES["dates"].column(column).type]
    back = text_frame("dates", typed)
    assert back["item"].tolist() == frame["item"].tolist(), "01 stays 01, 1 stays 1"
    assert back["date_start"].tolist() == frame["date_start"].tolist()
    assert back["text"].tolist() == frame["text"].tolist()
    pd.testing.assert_frame_equal(typed_frame("dates", back), typed)


def test_import_reportparse_loads_no_table_machinery():
    code = (
        "import sys, json, reportparse\n"
        "reportparse.read_tables\n"
        "print(json.dumps(sorted(m for m in ('pandas', 'openpyxl', 'datasette') if m in sys.modules)))\n"
    )
    loaded = json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
    assert "openpyxl" not in loaded and "datasette" not in loaded, "the workbook's engine loads when one is read"
    code = "import sys, json, reportparse\nprint(json.dumps('pandas' in sys.modules))\n"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == (
        "false"
    )


def test_counts_values_keep_integers_beside_decimals_in_the_text_form():
    """counts.value holds each value as found: 2500 is written 2500 even beside 20,0 (→ 20.0)."""
    import reportparse

    report = reportparse.parse("1-ci bəndin icrasına dair: Müddət 12 ay, 20,0 faiz, 2500 nəfər.")
    values = report.tables["counts"]["value"].tolist()
    assert values == [12, 20.0, 2500] and [type(v) for v in values] == [int, float, int]
    assert report.counts["value"].dtype == "Float64"  # the typed form: numbers
