"""Gold corpus tooling: anchoring rows, validating records, and the corpus itself."""

from __future__ import annotations

import hashlib
import json

import pytest

from reportparse import load
from reportparse.evaluation.gold import (
    GoldDocument,
    GoldError,
    anchor_rows,
    org_key_for,
    read_gold,
    validate_record,
)
from tests.corpus_paths import PROJECT_ROOT

GOLD = PROJECT_ROOT / "corpus" / "gold.jsonl"
TEXT = "15 mart 2022-ci il və 4 noyabr 2022-ci il tarixlərdə; 2020–2022-ci illər üçün 2022-ci il ərzində"


def date(text: str, **values) -> dict:
    row = {
        "text": text,
        "date_start": "2022-01-01",
        "date_end": "2022-12-31",
        "granularity": "year",
        "kind": "period",
        "year_inferred": False,
    }
    return row | values


def test_anchor_claims_longer_surfaces_first_and_whole_words_only():
    rows = anchor_rows(
        TEXT, [date("2022-ci il"), date("15 mart 2022-ci il"), date("4 noyabr 2022-ci il")], table="dates"
    )
    assert [TEXT[r["start"] : r["end"]] for r in rows] == ["2022-ci il", "15 mart 2022-ci il", "4 noyabr 2022-ci il"]
    assert rows[0]["start"] == TEXT.rindex("2022-ci il ərzində"), "not inside the dates above, not inside 'illər'"


def test_anchor_occurrence_and_context():
    text = "Xidmətin 2022-ci il planı; 2022-ci il hesabatı"
    assert anchor_rows(text, [date("2022-ci il", occurrence=2)], table="dates")[0]["start"] == text.rindex("2022")
    assert anchor_rows(text, [date("2022-ci il", context="2022-ci il hesabatı")], table="dates")[0][
        "start"
    ] == text.rindex("2022")
    with pytest.raises(GoldError, match="occurs 2 times"):
        anchor_rows(text, [date("2022-ci il", occurrence=3)], table="dates")
    with pytest.raises(GoldError, match="not found"):
        anchor_rows(text, [date("2023-cü il")], table="dates")
    with pytest.raises(GoldError, match="not found"):
        anchor_rows(text, [date("2022-ci il")] * 3, table="dates")


def test_anchor_keeps_offsets_that_still_match_and_fills_org_keys():
    text = "Nazirlər Kabinetinə və Nazirlər Kabinetinə"
    second = text.rindex("Nazirlər")
    rows = anchor_rows(
        text,
        [
            {
                "text": "Nazirlər Kabinetinə",
                "start": second,
                "end": second + 19,
                "name": "Azərbaycan Respublikasının Nazirlər Kabineti",
                "type": "state_body",
            }
        ],
        table="organizations",
    )
    assert rows[0]["start"] == second and rows[0]["org_key"] == "nazirler-kabineti"


def test_org_keys_are_ascii_slugs():
    assert (
        org_key_for("“Təmiz Dünya” Qadınlara Yardım İctimai Birliyi") == "temiz-dunya-qadinlara-yardim-ictimai-birliyi"
    )


def record_for(text_rows: dict) -> GoldDocument:
    return GoldDocument.from_json(
        {
            "id": "t",
            "path": "x.txt",
            "sha256": "0",
            "kind": "report",
            "year": 2022,
            "annotated": list(text_rows),
            **text_rows,
        }
    )


def test_validation_catches_moved_offsets_bad_values_and_overlaps():
    good = anchor_rows(
        TEXT,
        [date("15 mart 2022-ci il", date_start="2022-03-15", date_end="2022-03-15", granularity="day", kind="point")],
        table="dates",
    )
    assert validate_record(record_for({"dates": good}), TEXT) == []
    moved = [dict(good[0], start=good[0]["start"] + 1, end=good[0]["end"] + 1)]
    assert any("surface differs" in p for p in validate_record(record_for({"dates": moved}), TEXT))
    bad = [dict(good[0], date_start="2022-13-01", granularity="week")]
    problems = validate_record(record_for({"dates": bad}), TEXT)
    assert any("granularity" in p for p in problems) and any("ISO" in p for p in problems)
    overlapping = good + anchor_rows(TEXT, [date("mart 2022-ci il")], table="dates")
    assert any("overlap" in p for p in validate_record(record_for({"dates": overlapping}), TEXT))
    count = [
        {
            "text": "15",
            "start": 0,
            "end": 2,
            "value": float("inf"),
            "unit": "",
            "counted": "",
            "qualifier": "exact",
            "kind": "count",
        }
    ]
    assert any("finite" in p for p in validate_record(record_for({"counts": count}), TEXT))


def test_a_changed_file_is_detected(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Mətn.", encoding="utf-8")
    record = GoldDocument.from_json(
        {
            "id": "a",
            "path": "a.txt",
            "sha256": hashlib.sha256(b"other").hexdigest(),
            "kind": "report",
            "year": 2022,
            "annotated": [],
        }
    )
    with pytest.raises(GoldError, match="changed"):
        record.load(tmp_path)


def test_cli_anchor_and_validate_round_trip(tmp_path):
    from reportparse.cli.app import main

    (tmp_path / "corpus").mkdir()
    (tmp_path / "r.txt").write_text(TEXT, encoding="utf-8")
    draft = tmp_path / "draft.json"
    draft.write_text(
        json.dumps(
            {
                "id": "r",
                "path": "r.txt",
                "sha256": "",
                "kind": "report",
                "year": 2022,
                "annotated": ["dates"],
                "dates": [date("2020–2022-ci illər", kind="range", date_start="2020-01-01")],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    corpus = str(tmp_path / "corpus")
    assert main(["corpus", "--corpus", corpus, "anchor", str(draft)]) == 0
    assert main(["corpus", "--corpus", corpus, "validate"]) == 0
    record = read_gold(tmp_path / "corpus" / "gold.jsonl")[0]
    assert record.rows["dates"][0]["start"] == TEXT.index("2020–2022")
    (tmp_path / "r.txt").write_text(TEXT + " dəyişdi", encoding="utf-8")
    assert main(["corpus", "--corpus", corpus, "validate"]) == 1


def test_the_project_gold_corpus_is_valid():
    """Every record of corpus/gold.jsonl anchors in its document (shared ones skip when absent)."""
    records = read_gold(GOLD)
    assert len(records) >= 12
    checked = 0
    for record in records:
        path = record.file(PROJECT_ROOT)
        if not path.exists():
            continue
        assert hashlib.sha256(path.read_bytes()).hexdigest() == record.sha256, f"{record.id}: file changed"
        problems = validate_record(record, load(path).text)
        assert problems == [], f"{record.id}: {problems[:5]}"
        checked += 1
    assert checked >= 8, "the project's own documents are always there"
