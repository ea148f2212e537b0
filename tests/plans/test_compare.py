"""Comparing plans with reports: matching, one test per status rule, the table, history, agreement floors."""

from __future__ import annotations

import pandas as pd
import pytest

from reportparse import compare, load, load_text
from reportparse.cli.app import main
from reportparse.evaluation.commitments import REFERENCE_REPORT, evaluate_commitments
from reportparse.lang.az.status import RULES
from reportparse.plans.compare import (
    COMMITMENT_COLUMNS,
    compare_plan,
    decide,
    evidence_sentences,
    history,
    match_sections,
)
from reportparse.plans.model import PlanItem
from reportparse.plans.read import load_plan
from tests.corpus_paths import PROJECT_ROOT, shared_file

CORPUS = PROJECT_ROOT / "corpus"
DGTA_PLAN = CORPUS / "plans" / "dgta-2020-2022-action-plan.txt"
DGTA_REPORT = CORPUS / "reports" / "dgta-2020-execution-report.txt"
COMMITMENT = "Vətəndaşlar üçün elektron portalın yaradılması"
AGENCY = "dovlet-gencler-tesebbusleri-agentliyi"


def status_of(text: str, *, commitment: str = COMMITMENT, **deadline) -> tuple[str, str]:
    sentences = evidence_sentences(text, 0, len(text), commitment)
    decision = decide(sentences, **deadline)
    return decision.rule, decision.status


# --- one test per rule ---------------------------------------------------------------------------


def test_not_reported():
    assert status_of("") == ("not_reported", "no_evidence")


def test_negation():
    assert status_of("Hesabat ilində təlim keçirilməmişdir.") == ("negation", "not_started")


def test_intention_only():
    assert status_of("Portalın 2023-cü ildə yaradılması planlaşdırılır.") == ("intention_only", "not_started")
    assert status_of("Qayda təsdiq edildikdən sonra portalın yaradılması nəzərdə tutulmuşdur.") == (
        "intention_only",
        "not_started",
    )


def test_boilerplate_only():
    assert status_of("Bu istiqamətdə müvafiq işlər aparılmışdır.") == ("boilerplate_only", "limited")


def test_ongoing_only():
    assert status_of("Portalın hazırlanması işləri davam etdirilməkdədir.") == ("ongoing_only", "limited")


def test_no_action():
    assert status_of("Portal barədə məlumat.") == ("no_action", "limited")


def test_preparatory_only():
    text = (
        "Portalın texniki tapşırığı hazırlanmış və təsdiq edilmişdir. "
        "Portalın yaradılması 2021-ci ilin sonunadək planlaşdırılır."
    )
    assert status_of(text) == ("preparatory_only", "limited")


def test_conditional_pending():
    text = (
        "Elektron xidmətlər istifadəyə verilmişdir. "
        "Qanunvericilikdə dəyişikliklər edildikdən sonra işlərin davam etdirilməsi nəzərdə tutulmuşdur."
    )
    assert status_of(text) == ("conditional_pending", "limited")


def test_core_pending_and_the_next_cycle():
    text = (
        "Vətəndaşlar üçün elektron portal yaradılmış və 5 xidmət istifadəyə verilmişdir. "
        "Vətəndaşlar üçün elektron portalın ikinci mərhələsinin 2021-ci ildə yaradılması planlaşdırılır."
    )
    assert status_of(text, year=2020, deadline_kind="range", deadline_end="2022-12-31") == (
        "core_pending",
        "substantial",
    )
    # The same plan for a later year of a recurring measure is its next cycle, not a pending part.
    text = text.replace("2021-ci ildə", "2021-ci il martın 1-dək")
    from reportparse.extract.dates import find_dates

    dates = pd.DataFrame(
        [{"start": m.start, "end": m.end, "date_end": m.date_end.isoformat()} for m in find_dates(text)]
    )
    sentences = evidence_sentences(text, 0, len(text), COMMITMENT, dates.assign(date_start=dates["date_end"]))
    assert decide(sentences, year=2020, deadline_kind="recurring").rule == "completed"
    assert decide(sentences, year=2020, deadline_kind="range", deadline_end="2022-12-31").rule == "core_pending"
    # A measure due in 2020 and planned for 2021 is delayed, not in its next cycle.
    assert decide(sentences, year=2020, deadline_kind="period", deadline_end="2020-12-31").rule == "core_pending"


def test_remainder_is_core_pending():
    text = "Sistem 7 qoruqdan 5-ində tətbiq edilmişdir. Qalan 2 qoruqda onun tətbiqi nəzərdə tutulur."
    assert status_of(text, commitment="Elektron bilet sisteminin tətbiqi") == ("core_pending", "substantial")


def test_core_boilerplate():
    text = (
        "Müraciətlərin cavablandırılması təmin edilmişdir. "
        "Vətəndaşlar üçün elektron portalın yaradılması ilə bağlı müvafiq işlər aparılmışdır."
    )
    assert status_of(text) == ("core_boilerplate", "substantial")


def test_completed():
    text = "Portal 2020-ci il 1 iyul tarixində istifadəyə verilmişdir. Portala 3 000 istifadəçi qoşulmuşdur."
    rule, status = status_of(text)
    assert (rule, status) == ("completed", "complete")


def test_every_rule_is_tested_here():
    tested = {
        "not_reported",
        "negation",
        "intention_only",
        "boilerplate_only",
        "ongoing_only",
        "no_action",
        "preparatory_only",
        "conditional_pending",
        "core_pending",
        "core_boilerplate",
        "completed",
    }
    assert {name for name, _status, _meaning in RULES} == tested


# --- matching -----------------------------------------------------------------------------------

ITEMS = [
    PlanItem("1", "Gənclər üçün elektron xidmətlərin vahid portalının yaradılması"),
    PlanItem("2", "Agentliyin əməkdaşları üçün etik davranış qaydaları mövzusunda təlimlərin keçirilməsi"),
    PlanItem("3", "Könüllülərin elektron reyestrinin yaradılması"),
]


def section(item, commitment):
    return {"item": item, "commitment": commitment, "start": 0, "end": 0}


def test_match_by_number_in_any_order():
    sections = [section("3", ITEMS[2].measure), section("1", ITEMS[0].measure), section("2", ITEMS[1].measure)]
    matches = match_sections(ITEMS, sections)
    assert [(m.item.item, m.section["item"], m.method, m.confidence) for m in matches] == [
        ("1", "1", "number", 1.0),
        ("2", "2", "number", 1.0),
        ("3", "3", "number", 1.0),
    ]


def test_match_by_text_when_numbers_differ_or_are_missing():
    sections = [
        section("7", "Əməkdaşlar üçün etik davranış qaydaları üzrə təlimlərin keçirilməsi"),  # renumbered
        section("1", "Könüllülərin elektron reyestrinin yaradılması"),  # a number that belongs to another item
        section("9", "İctimai Şuranın iclaslarının keçirilməsi"),  # no plan item
    ]
    matches = match_sections(ITEMS, sections)
    by_item = {m.item.item: m for m in matches if m.item}
    assert by_item["2"].section["item"] == "7" and by_item["2"].method == "text" and 0.4 <= by_item["2"].confidence < 1
    assert by_item["3"].section["item"] == "1" and by_item["3"].method == "text"
    assert by_item["1"].section is None and by_item["1"].method == "none"
    assert [m.section["item"] for m in matches if m.method == "report_only"] == ["9"]


AGENCY_TITLE = (
    "Azərbaycan Respublikasının Dövlət Gənclər Təşəbbüsləri Agentliyi\n\n"
    "Tədbirlər Planının 2021-ci ildə icrası barədə\n\nHESABAT\n\n"
)
SHUFFLED = (
    "5-ci bəndin icrasına dair (Könüllülərin elektron reyestrinin yaradılması):\n\n"
    "Reyestr 2021-ci il 3 mart tarixində istifadəyə verilmişdir.\n\n"
    "1-ci bəndin icrasına dair (Gənclər üçün elektron xidmətlərin vahid portalının yaradılması):\n\n"
    "Portalın yaradılması planlaşdırılır.\n"
)


def test_compare_with_shuffled_and_renumbered_report():
    plan = load_plan(DGTA_PLAN)
    frame = compare(plan, load_text(AGENCY_TITLE + SHUFFLED))
    rows = {row["item"]: row for row in frame.to_dict("records") if row["executor_id"] == AGENCY}
    # The report's item 1 is the plan's item 3, its item 5 the plan's item 6: matched by text.
    assert rows["3"]["report_item"] == "1" and rows["3"]["match"] == "text" and rows["3"]["status"] == "not_started"
    assert rows["6"]["report_item"] == "5" and rows["6"]["match"] == "text" and rows["6"]["status"] == "complete"
    assert rows["5"]["status"] == "no_evidence" and not rows["5"]["reported"]
    assert rows["1"]["status"] == "no_evidence" and rows["1"]["match"] == "none"
    assert len(rows) == len(plan) and (frame["year"] == 2021).all()
    # The co-executors of items 3 and 6 wrote nothing: their rows stay without evidence.
    others = frame[frame["executor_id"] != AGENCY]
    assert len(others) == 5 and (others["status"] == "no_evidence").all()


def test_a_report_without_a_named_body_is_matched_by_number_only():
    plan = load_plan(DGTA_PLAN)
    text = SHUFFLED.replace("1-ci bəndin", "3-cü bəndin")  # 3 is the portal's own number; 5 is another item's
    comparison = compare_plan(plan, load_text("HESABAT\n\n" + text), year=2021)
    frame = comparison.commitments
    reported = frame[frame["reported"]]
    # Number only: the plan's 3 is found, credited to its first executor, flagged, of low confidence;
    # the section numbered 5 (the plan's item 6 by its text) is not matched by text: report_only.
    assert list(reported["item"]) == ["3"] and list(reported["executor_id"]) == [AGENCY]
    assert list(reported["flags"]) == ["body_unknown"] and (reported["confidence"] <= 0.5).all()
    assert list(comparison.report_only["report_item"]) == ["5"]
    assert list(comparison.reports["reason"]) == ["body_unknown"] and comparison.unmatched_reports.empty


# --- the table ----------------------------------------------------------------------------------


def test_compare_table_columns_and_evidence_spans():
    document = load(DGTA_REPORT)
    frame = compare(DGTA_PLAN, document)
    assert list(frame.columns[: len(COMMITMENT_COLUMNS)]) == list(COMMITMENT_COLUMNS)
    # One row per (item, executor, year): items 3 to 6 have co-executors, who wrote nothing here.
    assert len(frame) == 12 and (frame["year"] == 2020).all()
    own = frame[frame["executor_id"] == AGENCY]
    assert len(own) == 7 and own["reported"].all() and (own["match"] == "number").all()
    assert (frame.loc[frame["executor_id"] != AGENCY, "status"] == "no_evidence").all()
    assert set(own["status"]) <= {"complete", "substantial", "limited"}
    for row in own.to_dict("records"):
        assert row["evidence"] and row["rule"] and row["executor_relation"] == "own"
        for span in row["evidence_spans"].split("; "):
            start, end = map(int, span.split("-"))
            assert " ".join(document.text[start:end].split()) in row["evidence"]
            assert row["report_start"] <= start < end <= row["report_end"]
    first = own.iloc[0]
    assert first["n_dated_events"] >= 2 and first["executor_ids"]
    assert own.loc[own["item"] == "3", "executor_role"].item() == ""
    assert frame.loc[(frame["item"] == "3") & (frame["executor_id"] != AGENCY), "executor_role"].item() == "agreement"


def test_without_a_plan_the_report_is_its_own_plan():
    frame = compare(None, CORPUS / "reports" / "rtra-2023-execution-report.txt")
    assert list(frame["item"]) == [str(n) for n in range(1, 8)]
    assert (frame["status"] == "complete").all()
    assert set(frame["executor_id"]) == {"reqemsal-tedris-resurslari-agentliyi"}


def test_history_keeps_the_own_reports_latest_status():
    later = load_text(
        AGENCY_TITLE.replace("2021", "2022")
        + "2-ci bəndin icrasına dair (Qrant müsabiqələrinin nəticələrinin dərc edilməsi):\n\n"
        "Nəticələr 2022-ci il 1 iyul tarixində dərc edilmişdir.\n"
    )
    other_body = load(CORPUS / "reports" / "dmmx-2021-execution-report.txt", doc_id="other")
    frame = compare(DGTA_PLAN, [DGTA_REPORT, other_body, later])
    assert set(frame["year"]) == {2020, 2022}  # the other body's 2021 report gives no year of statuses
    table = history(frame)
    assert list(table.columns) == [
        "plan_id",
        "item",
        "executor_id",
        "executor",
        "commitment",
        "2020",
        "2022",
        "latest_status",
        "latest_year",
        "n_reported",
        "overdue",
    ]
    own = table[table["executor_id"] == AGENCY].set_index("item")
    assert len(own) == 7 and own.loc["3", "2020"] == "limited"
    # Item 1 was completed in 2020; the 2022 report does not mention it: it stays complete.
    assert own.loc["1", "2022"] == "no_evidence" and own.loc["1", "latest_status"] == "complete"
    assert own.loc["1", "latest_year"] == 2020 and own.loc["2", "latest_year"] == 2022
    assert own.loc["2", "n_reported"] == 2


def test_cli_compare(tmp_path, capsys):
    code = main(["compare", "--plan", str(DGTA_PLAN), "--report", str(DGTA_REPORT), "--out", str(tmp_path)])
    assert code == 0
    written = pd.read_csv(tmp_path / "commitments.csv", dtype=str, keep_default_na=False)
    assert len(written) == 12 and (tmp_path / "plan.csv").exists()
    assert "12 rows" in capsys.readouterr().err


def test_cli_compare_reports_a_bad_plan(tmp_path, capsys):
    assert (
        main(["compare", "--plan", str(tmp_path / "absent.txt"), "--report", str(DGTA_REPORT), "--out", str(tmp_path)])
        == 1
    )
    assert "absent.txt" in capsys.readouterr().err


# --- agreement with the gold statuses -------------------------------------------------------------

OWN_CORPUS_FLOOR = 0.9
"""Agreement reached on corpus/commitments.jsonl without the reference report (60/63 = 0.952)."""


def test_agreement_floor_on_the_own_corpus():
    evaluation = evaluate_commitments(CORPUS)
    agree, total = evaluation.agreement(exclude={REFERENCE_REPORT})
    assert total == 63 and agree / total >= OWN_CORPUS_FLOOR


def test_agreement_on_the_reference_report():
    shared_file("reports/dmx-2022-opengov-execution-report.txt")
    agree, total = evaluate_commitments(CORPUS).agreement({REFERENCE_REPORT})
    assert total == 10 and agree >= 8


@pytest.mark.parametrize("status", ["complete", "no_evidence"])
def test_gold_reasoning_is_written(status):
    from reportparse.evaluation.commitments import read_commitments

    rows = [row for row in read_commitments(CORPUS / "commitments.jsonl") if row["status"] == status]
    assert rows and all(len(row["reasoning"]) > 40 for row in rows)
