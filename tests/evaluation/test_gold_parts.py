"""Regions of long documents and the development/blind parts of the gold."""

from __future__ import annotations

import hashlib
import json

import pytest

from reportparse import load
from reportparse.cli import main
from reportparse.evaluation.gold import GoldDocument, GoldError, anchor_regions, anchor_rows, validate_record
from reportparse.evaluation.score import evaluate, evaluate_parts

TEXT = (
    "Maddə 1. Ümumi müddəalar\n\n"
    "Bu Qanun 15 mart 2022-ci il tarixdən qüvvəyə minir.\n\n"
    "Maddə 2. Keçid müddəaları\n\n"
    "Qanun 4 noyabr 2022-ci il tarixdə dərc edilmişdir.\n\n"
    "Maddə 3. Yekun\n\n"
    "Hesabat 2023-cü ildə təqdim edilir.\n"
)


def _record(path, rows, regions, *, record_id="doc"):
    return {
        "id": record_id,
        "path": path.name,
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "kind": "act",
        "year": 2022,
        "annotated": ["dates"],
        "regions": regions,
        "dates": rows,
    }


def _date(text, start, end, granularity="day", kind="point"):
    return {
        "text": text,
        "date_start": start,
        "date_end": end,
        "granularity": granularity,
        "kind": kind,
        "year_inferred": False,
    }


@pytest.fixture()
def corpus(tmp_path):
    """A project root with corpus/ (development part) and corpus/blind/ (blind part)."""
    (tmp_path / "corpus" / "blind").mkdir(parents=True)
    document = tmp_path / "act.txt"
    document.write_text(TEXT, encoding="utf-8")
    text = load(document).text
    regions = anchor_regions(text, [{"first": "Maddə 2.", "last": "dərc edilmişdir."}])
    rows = anchor_rows(text, [_date("4 noyabr 2022-ci il", "2022-11-04", "2022-11-04")], table="dates", regions=regions)
    record = GoldDocument.from_json(_record(document, rows, regions))
    assert validate_record(record, text) == []
    line = json.dumps(record.to_json(), ensure_ascii=False)
    (tmp_path / "corpus" / "gold.jsonl").write_text(line + "\n", encoding="utf-8")
    whole_rows = anchor_rows(text, [_date("4 noyabr 2022-ci il", "2022-11-04", "2022-11-04")], table="dates")
    whole = _record(document, whole_rows, [], record_id="whole")
    (tmp_path / "corpus" / "blind" / "gold.jsonl").write_text(json.dumps(whole) + "\n", encoding="utf-8")
    return tmp_path / "corpus", text


def test_regions_anchor_to_their_strings_and_hold_their_rows(corpus):
    _, text = corpus
    (region,) = anchor_regions(text, [{"first": "Maddə 2.", "last": "dərc edilmişdir."}])
    assert text[region["start"] : region["end"]].startswith("Maddə 2.")
    assert text[region["start"] : region["end"]].endswith("dərc edilmişdir.")
    # rows are anchored inside the regions only
    (row,) = anchor_rows(text, [{"text": "2022-ci il"}], table="dates", regions=[region])
    assert row["start"] > region["start"]
    with pytest.raises(GoldError, match="not found"):
        anchor_rows(text, [{"text": "2023-cü ildə"}], table="dates", regions=[region])
    with pytest.raises(GoldError, match="not found after"):
        anchor_regions(text, [{"first": "Maddə 3.", "last": "Maddə 1."}])
    with pytest.raises(GoldError, match="needs 'first' and 'last'"):
        anchor_regions(text, [{"first": "Maddə 3."}])


def test_validation_names_rows_outside_regions_and_moved_regions(corpus):
    _, text = corpus
    region = anchor_regions(text, [{"first": "Maddə 2.", "last": "dərc edilmişdir."}])[0]
    outside = {"start": text.index("15 mart"), "end": text.index("15 mart") + 18, "text": "15 mart 2022-ci il"}
    outside |= _date("15 mart 2022-ci il", "2022-03-15", "2022-03-15")
    record = GoldDocument.from_json(
        {"id": "x", "path": "x", "sha256": "", "kind": "act", "year": 2022, "annotated": ["dates"]}
        | {"regions": [region], "dates": [outside]}
    )
    assert any("outside every region" in problem for problem in validate_record(record, text))
    record.rows["dates"] = []
    record.regions = [dict(region, start=region["start"] + 1)]
    assert any("no longer starts with" in problem for problem in validate_record(record, text))


def test_only_rows_inside_regions_are_scored(corpus):
    folder, _ = corpus
    development = evaluate(folder).totals()["dates"]
    # the pipeline also finds 15 mart 2022 and 2023 outside the region: they are not counted
    assert (development.gold, development.predicted, development.strict) == (1, 1, 1)
    whole = evaluate(folder, gold_file=folder / "blind" / "gold.jsonl").totals()["dates"]
    assert whole.gold == 1 and whole.predicted == 3 and whole.strict == 1


def test_parts_are_scored_apart_and_labelled(corpus, capsys):
    folder, _ = corpus
    parts = evaluate_parts(folder)
    assert list(parts) == ["development", "blind"]
    assert parts["blind"].totals()["dates"].predicted == 3
    assert list(evaluate_parts(folder, parts=["blind"])) == ["blind"]
    with pytest.raises(ValueError, match="unknown gold part"):
        evaluate_parts(folder, parts=["test"])

    assert main(["evaluate", "--corpus", str(folder), "--table", "dates"]) == 0
    out = capsys.readouterr().out  # by default only the development part: the blind one is asked for
    assert "== development part (in-sample" in out and "== blind part" not in out
    assert "scored with --part blind" in out
    argv = ["evaluate", "--corpus", str(folder), "--table", "dates", "--part", "development", "--part", "blind"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "== development part (in-sample" in out and "== blind part" in out
    assert out.index("development part") < out.index("blind part")

    assert main(["evaluate", "--corpus", str(folder), "--table", "dates", "--part", "blind", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert list(figures) == ["blind"] and figures["blind"]["tables"]["dates"]["predicted"] == 3


def test_a_missing_part_is_a_clear_error(corpus, capsys):
    folder, _ = corpus
    (folder / "blind" / "gold.jsonl").unlink()
    assert list(evaluate_parts(folder)) == ["development"]
    assert main(["evaluate", "--corpus", str(folder), "--part", "blind"]) == 2
    assert "no gold file" in capsys.readouterr().err


def test_recurrence_is_optional_checked_and_scored():
    from reportparse.evaluation.gold import _check_row
    from reportparse.evaluation.score import score_rows

    row = _date("dekabrın 30-dək", "2022-12-30", "2022-12-30", kind="deadline") | {"start": 0, "end": 15}
    assert _check_row("dates", row) == []
    assert _check_row("dates", row | {"recurrence": ""}) == []
    assert _check_row("dates", row | {"recurrence": "yearly"}) == []
    assert any("recurrence" in problem for problem in _check_row("dates", row | {"recurrence": "sometimes"}))
    predicted = [row | {"recurrence": "yearly"}]
    assert score_rows("dates", predicted, [row | {"recurrence": "yearly"}]).values_correct == 1
    assert score_rows("dates", predicted, [row]).values_correct == 0  # absent in the gold: no recurrence
