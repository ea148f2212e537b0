"""Plan ingestion: numbered text lists, DOCX tables, PDF tables (pdfplumber), TSV, and a report's own headings."""

from __future__ import annotations

import pytest

from reportparse import load, load_text
from reportparse.errors import MissingFileError, PlanFormatError
from reportparse.plans.model import parse_deadline, split_executors
from reportparse.plans.read import load_plan, plan_from_report
from reportparse.resources import sample_report_path
from reportparse.structure.plan_sections import plan_segmentation
from tests.corpus_paths import PROJECT_ROOT

PLANS = PROJECT_ROOT / "corpus" / "plans"
TABLE_PLANS = {
    "tsv": PLANS / "dmmx-2020-2022-action-plan.tsv",
    "docx": PROJECT_ROOT / "corpus" / "docx" / "dmmx-2020-2022-action-plan.docx",
    "pdf": PROJECT_ROOT / "corpus" / "pdf" / "dmmx-2020-2022-action-plan.pdf",
}


def test_numbered_text_plan():
    plan = load_plan(PLANS / "dgta-2020-2022-action-plan.txt")
    assert plan.form == "text" and [entry.item for entry in plan] == [str(n) for n in range(1, 8)]
    assert (plan.period_start, plan.period_end) == ("2020-01-01", "2022-12-31")
    first = plan.get("1")
    assert first.measure.startswith("Gənclər təşkilatlarının") and first.measure.endswith("yaradılması")
    assert first.expected_result.startswith("Gənclər təşkilatlarının Agentliyin fəaliyyətinə")
    assert (first.deadline_kind, first.deadline_start, first.deadline_end) == ("period", "2020-01-01", "2020-12-31")
    # A comma inside a name (Nəqliyyat, Rabitə və …) does not split it; the qualifier is dropped.
    third = plan.get("3")
    assert len(third.executors) == 2 and "razılıq" not in " ".join(third.executors)
    assert (third.deadline_kind, third.deadline_end) == ("deadline", "2021-12-31")
    assert plan.get("2").deadline_kind == "continuous" and plan.get("2").deadline_start == "2020-01-01"
    assert plan.get("7").deadline_kind == "recurring"
    assert plan.get("4").executors[1] == "yerli icra hakimiyyəti orqanları" and plan.get("4").executor_ids[1] == ""
    assert all(key for key in plan.get("6").executor_ids) and len(plan.get("6").executors) == 3


def test_text_plan_offsets_point_at_the_item_numbers():
    document = load(PLANS / "ehma-2020-2024-action-plan.txt")
    plan = load_plan(PLANS / "ehma-2020-2024-action-plan.txt")
    for entry in plan:
        assert document.text[entry.start : entry.end] == entry.item


def test_chapters_and_bulleted_executors():
    plan = load_plan(PLANS / "ehma-2020-2024-action-plan.txt")
    assert [entry.item for entry in plan] == ["1.1.3", "2.1.9", "2.3.1", "3.1.2", "3.2.6", "4.2.10", "4.2.11", "5.3.4"]
    assert plan.get("1.1.3").chapter == "Normativ hüquqi bazanın təkmilləşdirilməsi"
    assert len(plan.get("3.2.6").executors) == 4 and len(plan.get("4.2.11").executors) == 5
    assert plan.get("3.1.2").deadline_end == "2022-12-31"
    assert plan.get("5.3.4").deadline_kind == "continuous"


@pytest.mark.parametrize("form", sorted(TABLE_PLANS))
def test_table_plans_give_the_same_items(form):
    plan = load_plan(TABLE_PLANS[form])
    reference = load_plan(TABLE_PLANS["tsv"])
    assert plan.form == f"{form}_table" and len(plan) == 10
    for entry, expected in zip(plan, reference, strict=True):
        assert (entry.item, entry.measure, entry.deadline_text) == (
            expected.item,
            expected.measure,
            expected.deadline_text,
        )
        assert entry.executors == expected.executors and entry.expected_result == expected.expected_result
    assert plan.get("3").executors[1].endswith("Texnologiyalar Nazirliyi")
    assert plan.get("9").deadline_kind == "point" and plan.get("9").deadline_start == "2021-07-01"
    assert plan.get("7").expected_result == ""


def test_table_items_are_located_in_the_document_text():
    document = load(TABLE_PLANS["docx"])
    plan = load_plan(TABLE_PLANS["docx"])
    assert all(document.text[entry.start : entry.end] == entry.item for entry in plan)


def test_split_executors():
    assert split_executors("Ədliyyə Nazirliyi, Nəqliyyat, Rabitə və Yüksək Texnologiyalar Nazirliyi") == [
        "Ədliyyə Nazirliyi",
        "Nəqliyyat, Rabitə və Yüksək Texnologiyalar Nazirliyi",
    ]
    assert split_executors("- A Agentliyi\n- B Xidməti (razılıq əsasında)") == ["A Agentliyi", "B Xidməti"]
    assert split_executors("X Xidməti; yerli icra hakimiyyəti orqanları") == [
        "X Xidməti",
        "yerli icra hakimiyyəti orqanları",
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2020–2022-ci illər", ("range", "2020-01-01", "2022-12-31")),
        ("2021-ci ilin sonunadək", ("deadline", "2021-12-31", "2021-12-31")),
        ("mütəmadi", ("continuous", "2020-01-01", "2022-12-31")),
        ("hər il, martın 1-dək", ("recurring", "2020-01-01", "2022-12-31")),
        ("2021-ci il 1 iyul", ("point", "2021-07-01", "2021-07-01")),
        ("vaxtaşırı", ("", "", "")),
    ],
)
def test_parse_deadline(text, expected):
    assert parse_deadline(text, period=("2020-01-01", "2022-12-31")) == expected


def test_plan_from_report_uses_its_headings():
    plan = plan_from_report(load(sample_report_path()))
    assert plan.form == "report"
    assert [entry.item for entry in plan] == ["1", "2", "3", "4.2.10", "5", "6", "7", "8"]
    assert plan.get("3").measure.startswith("Dövlət arxivlərində saxlanılan sənədlərin vahid elektron kataloqunun")


def test_plan_from_report_reads_deadlines_inside_sections():
    plan = plan_from_report(load(PROJECT_ROOT / "corpus" / "reports" / "dtkx-2019-execution-report.txt"))
    assert plan.get("1").deadline_kind == "range" and plan.get("2").deadline_kind == "continuous"


def test_plan_segmentation_of_a_text_plan():
    document = load(PLANS / "dgta-2020-2022-action-plan.txt")
    segmentation = plan_segmentation(document)
    headed = segmentation.headed
    assert [section.items for section in headed] == [[str(n)] for n in range(1, 8)]
    assert all(document.text[s.heading_start : s.heading_end] == f"{s.items[0]}." for s in headed)
    assert plan_segmentation(load_text("Heç bir tədbir yoxdur.")) is None


def test_errors(tmp_path):
    with pytest.raises(MissingFileError):
        load_plan(tmp_path / "absent.txt")
    empty = tmp_path / "plan.txt"
    empty.write_text("Bu faylda tədbir yoxdur.\n", encoding="utf-8")
    with pytest.raises(PlanFormatError, match="no plan measure"):
        load_plan(empty)
