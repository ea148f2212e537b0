"""events.csv (issue 20, item 6): every dated mention joined to its item and sentence, with its
role — event, citation (a date inside a reference to an act), deadline, period."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import reportparse
from reportparse.plans.compare import split_sentences as compare_sentences
from reportparse.structure.sentences import split_sentences
from reportparse.tables import schema
from reportparse.tables.events import events_table, role
from tests.corpus_paths import PROJECT_ROOT

SPEC = PROJECT_ROOT.parent / "shared" / "spec" / "tables.md"
REPORTS = PROJECT_ROOT / "corpus" / "reports"


@pytest.fixture(scope="module")
def report() -> reportparse.Report:
    return reportparse.parse(reportparse.sample_report_path())


def test_the_contract_columns_are_the_spec_columns():
    if not SPEC.exists():
        pytest.skip(f"{SPEC} is absent")
    cell = re.search(r"^\| events\.csv \| (.+) \|$", SPEC.read_text(encoding="utf-8"), flags=re.M).group(1)
    names = [re.match(r"\s*([a-z_]+)", part).group(1) for part in re.sub(r"\([^)]*\)", "", cell).split(",")]
    assert schema.TABLES["events"].contract == tuple(names)
    assert schema.TABLES["events"].column("role").values == ("event", "citation", "deadline", "period")


def test_one_event_per_date_with_its_item_sentence_and_offsets(report):
    events, dates = report.events, report.dates
    assert len(events) == len(dates)
    assert events["date_text"].tolist() == dates["text"].tolist()
    pd.testing.assert_series_equal(events["item"], dates["item"], check_names=False)
    pd.testing.assert_series_equal(events["date_start"], dates["date_start"], check_names=False)
    for row in events.itertuples():
        assert report.text[row.start : row.end] == row.text, "the sentence is the text from start to end"
        assert row.start <= row.date_start_offset < row.date_end_offset <= row.end
        assert report.text[row.date_start_offset : row.date_end_offset] == row.date_text
        assert "\n\n" not in row.text


def test_roles(report):
    events = report.events.set_index("date_text")
    assert events.loc["2021-ci il 10 fevral", "role"] == "citation"  # ... tarixli 45 nömrəli Qərarının
    assert events.loc["2021-ci il 10 fevral", "act_type"] == "Qərar"
    assert events.loc["2021-ci il 10 fevral", "act_number"] == "45"
    assert events.loc["15 mart 2023-cü il", "role"] == "event"
    assert events.loc["23-24 may", "role"] == "event"
    assert events.loc["dekabrın 30-dək", "role"] == "deadline"
    assert events.loc["2023-cü ilin II rübündə", "role"] == "period"
    assert events.loc["2023-cü ilin iyul–sentyabr aylarında", "role"] == "period"
    cited = report.events[report.events["role"] == "citation"]
    acts = report.references[report.references["kind"] == "act"]
    for row in cited.itertuples():  # every citation lies inside a reference to an act
        assert ((acts["start"] <= row.date_start_offset) & (acts["end"] >= row.date_end_offset)).any()
    assert set(report.events["role"]) == {"event", "citation", "deadline", "period"}
    assert report.events.loc[report.events["role"] != "citation", "act_type"].isna().all()


def test_role_rules():
    assert role("point", "day", cited=True) == "citation"
    assert role("deadline", "day", cited=False) == "deadline"
    assert role("range", "day", cited=False) == "event"
    assert role("range", "year", cited=False) == "period"
    assert role("period", "year", cited=False) == "period"


def test_events_of_tables_read_back_from_csv_are_the_same(tmp_path):
    """Built from tables only: a folder read back (--resume, its text form) gives the same events."""
    corpus = reportparse.parse_many(sorted(REPORTS.glob("*.txt"))[:3], jobs=0, progress=False)
    corpus.to_csv(tmp_path)
    text_form = {
        name: pd.read_csv(tmp_path / f"{name}.csv", dtype=str, keep_default_na=False)
        for name in ("sections", "dates", "references")
    }
    again = events_table(text_form["sections"], text_form["dates"], text_form["references"])
    pd.testing.assert_frame_equal(
        reportparse.read_tables(tmp_path)["events"], corpus.events.reset_index(drop=True), check_dtype=True
    )
    assert again["text"].tolist() == corpus.events["text"].tolist()
    assert len(corpus.events) == len(corpus.dates) > 50


def test_empty_tables_give_an_empty_events_table():
    empty = events_table(
        *(pd.DataFrame(columns=list(schema.TABLES[n].names)) for n in ("sections", "dates", "references"))
    )
    assert list(empty.columns) == list(schema.TABLES["events"].names) and empty.empty


def test_the_sentence_splitter_is_the_one_compare_uses():
    assert compare_sentences is split_sentences  # one splitter: events and compare evidence agree
    for path in sorted(REPORTS.glob("*.txt"))[:3]:
        text = path.read_text(encoding="utf-8")
        spans = split_sentences(text, 0, len(text))
        assert spans and all(text[s:e] == text[s:e].strip() and s < e for s, e in spans), path.name


def test_a_date_outside_heading_and_narrative_is_its_own_sentence():
    """A table-form report's commitment cell lies between the heading (the item number) and the
    narrative: no section piece holds it exactly, so the date stands for its sentence."""
    sections = pd.DataFrame(
        [
            {
                "doc_id": "d",
                "section": 1,
                "heading_start": 0,
                "heading": "1",
                "start": 40,
                "text": "Sentyabrın 1-də icra olunub.",
            }
        ]
    )
    shared = {"doc_id": "d", "item": "1", "granularity": "day", "recurrence": ""}
    dates = pd.DataFrame(
        [
            {**shared, "text": "2023-cü ilin sonunadək", "start": 5, "end": 27, "kind": "deadline"},
            {**shared, "text": "Sentyabrın 1-də", "start": 40, "end": 55, "kind": "point"},
        ]
    ).assign(date_start=["2023-12-31", "2023-09-01"], date_end=["2023-12-31", "2023-09-01"], year_inferred=False)
    references = pd.DataFrame(columns=list(schema.TABLES["references"].names))
    events = events_table(sections, dates, references)
    assert events[["text", "start", "end", "role"]].values.tolist() == [
        ["2023-cü ilin sonunadək", 5, 27, "deadline"],
        ["Sentyabrın 1-də icra olunub.", 40, 68, "event"],
    ]
