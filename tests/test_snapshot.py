"""The tables of the project corpus are those stored in tests/snapshots/tables.json (issue 21: a
speed-up changes no table). A change meant to change tables stores the new fingerprints with
``python -m reportparse.devtools.snapshot --update`` and commits them with it."""

from __future__ import annotations

import pytest

from reportparse.devtools import snapshot
from tests.corpus_paths import PROJECT_ROOT


def test_the_corpus_tables_are_the_stored_ones():
    stored = snapshot.read(PROJECT_ROOT / snapshot.STORED)
    if not stored:
        pytest.fail(f"{snapshot.STORED} is missing: python -m reportparse.devtools.snapshot --update")
    current = snapshot.fingerprints(snapshot.inputs(PROJECT_ROOT / "corpus"), root=PROJECT_ROOT)
    changed = snapshot.differences(stored, current)
    assert not changed, (
        "tables changed (if meant, store them: python -m reportparse.devtools.snapshot --update):\n"
        + "\n".join(changed)
    )


def test_differences_name_each_changed_table_and_input():
    stored = {"a.txt": {"dates": "aa:1", "counts": "bb:2"}, "gone.txt": {"dates": "cc:0"}}
    current = {"a.txt": {"dates": "aa:1", "counts": "dd:3"}, "new.txt": {"dates": "ee:0"}}
    assert snapshot.differences(stored, current) == [
        "new.txt: new input",
        "gone.txt: input gone",
        "a.txt: counts bb:2 -> dd:3",
    ]
    assert snapshot.differences(current, current) == []


def test_the_fingerprint_changes_with_a_table_and_not_with_the_folder(tmp_path):
    report = PROJECT_ROOT / "corpus" / "reports" / "dgta-2020-execution-report.txt"
    here = snapshot.fingerprints([report], root=PROJECT_ROOT)
    copy = tmp_path / "corpus" / "reports" / report.name
    copy.parent.mkdir(parents=True)
    copy.write_bytes(report.read_bytes())
    assert snapshot.fingerprints([copy], root=tmp_path) == here  # the checkout's place is left out
    copy.write_text(report.read_text(encoding="utf-8").replace("2020", "2021", 1), encoding="utf-8")
    assert snapshot.fingerprints([copy], root=tmp_path) != here
