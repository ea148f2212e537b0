"""The benchmarks' history (benchmarks/history.py) and its comparison (benchmarks/compare_history.py)."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture
def history(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    return importlib.import_module("history")


@pytest.fixture
def compare_history(history: ModuleType) -> ModuleType:
    return importlib.import_module("compare_history")


def _entry(history: ModuleType, figures: dict[str, float], **options: object) -> dict:
    return history.make_entry("bench_x", figures, commit="abc1234def", **options)


def test_entry_holds_commit_time_load_cpus_and_figures(history: ModuleType) -> None:
    entry = _entry(history, {"words_per_s": 1000.0, "cost_ratio": 1.2}, lower_is_better=["cost_ratio"])
    assert entry["benchmark"] == "bench_x"
    assert entry["commit"] == "abc1234def"
    assert entry["figures"] == {"words_per_s": 1000.0, "cost_ratio": 1.2}
    assert entry["lower_is_better"] == ["cost_ratio"]
    assert entry["time"].endswith("+00:00")
    assert len(entry["load"]) == 3 and all(isinstance(x, float) for x in entry["load"])
    assert entry["cpus"] >= 1


def test_record_appends_one_json_line_per_run_and_read_returns_them(history: ModuleType, tmp_path: Path) -> None:
    path = history.record("bench_x", {"seconds": 2.5}, lower_is_better=["seconds"], results=tmp_path / "results")
    history.record("bench_x", {"seconds": 2.0}, lower_is_better=["seconds"], results=tmp_path / "results")
    assert path == tmp_path / "results" / "bench_x.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    assert json.loads(lines[0])["figures"] == {"seconds": 2.5}
    assert [entry["figures"]["seconds"] for entry in history.read(path)] == [2.5, 2.0]


def test_current_commit_is_none_outside_a_repository(history: ModuleType, tmp_path: Path) -> None:
    assert history.current_commit(cwd=tmp_path) is None
    assert history.uncommitted(cwd=tmp_path) is None


def test_an_entry_says_whether_src_had_uncommitted_changes(history: ModuleType) -> None:
    entry = history.make_entry("bench_x", {"seconds": 1.0})
    assert entry["uncommitted"] in (True, False, None)
    assert _entry(history, {"seconds": 1.0})["uncommitted"] is None  # a commit given: the caller knows what it measured


def test_bad_input_is_refused_with_a_clear_error(history: ModuleType, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not there: speed"):
        _entry(history, {"seconds": 1.0}, lower_is_better=["speed"])
    with pytest.raises(TypeError, match="'seconds' must be a number"):
        _entry(history, {"seconds": "fast"})  # type: ignore[dict-item]
    with pytest.raises(ValueError, match="plain file stem"):
        history.make_entry("a/b", {}, commit="x")
    broken = tmp_path / "bench_x.jsonl"
    broken.write_text('{"figures": {}}\n\nnot json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bench_x.jsonl:3: not a JSON line"):
        history.read(broken)


def test_compare_marks_a_regression_in_each_direction(history: ModuleType, compare_history: ModuleType) -> None:
    lower = ["cost_ratio", "seconds"]
    previous = _entry(history, {"words_per_s": 1000.0, "cost_ratio": 1.0, "seconds": 2.0}, lower_is_better=lower)
    latest = _entry(
        history, {"words_per_s": 800.0, "cost_ratio": 1.5, "seconds": 1.0, "new_figure": 3.0}, lower_is_better=lower
    )
    lines = compare_history.compare([previous, latest]).splitlines()
    assert lines[0].startswith("bench_x: latest ")
    by_name = {line.split()[0]: line.split() for line in lines[1:]}
    assert by_name["words_per_s"][-3:] == ["-20.0", "%", "WORSE"]
    assert by_name["cost_ratio"][-3:] == ["+50.0", "%", "WORSE"]
    assert by_name["seconds"][-3:] == ["-50.0", "%", "better"]
    assert by_name["new_figure"][1] == "new"


def test_compare_leaves_small_changes_unmarked_and_a_first_run_alone(
    history: ModuleType, compare_history: ModuleType
) -> None:
    previous, latest = _entry(history, {"words_per_s": 1000.0}), _entry(history, {"words_per_s": 950.0})
    line = compare_history.compare([previous, latest], threshold=10).splitlines()[1]
    assert line.split()[-2:] == ["-5.0", "%"]
    assert compare_history.compare([previous, latest], threshold=4).splitlines()[1].endswith("WORSE")
    first = compare_history.compare([latest])
    assert "first run" in first and "950" in first
    with pytest.raises(ValueError, match="no history"):
        compare_history.compare([])


def test_compare_script_prints_every_benchmark(history: ModuleType, tmp_path: Path) -> None:
    for seconds in (2.0, 3.0):
        history.append(_entry(history, {"seconds": seconds}, lower_is_better=["seconds"]), results=tmp_path)
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "compare_history.py"), "--results", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.splitlines()[1].split()[-3:] == ["+50.0", "%", "WORSE"]
    empty = subprocess.run(
        [sys.executable, str(BENCHMARKS / "compare_history.py"), "--results", str(tmp_path / "none")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "no benchmark history" in empty.stdout


def test_measured_leaves_out_what_was_not_measured(history: ModuleType) -> None:
    figures = {"f1": 0.9, "words_per_s": float("nan"), "skipped": None, "ratio": float("inf"), "files": 3}
    assert history.measured(figures) == {"f1": 0.9, "files": 3}
    history.make_entry("bench_x", history.measured(figures), commit="x")  # what is left is recordable


@pytest.mark.parametrize("script", sorted(BENCHMARKS.glob("bench_*.py")), ids=lambda path: path.name)
def test_every_benchmark_keeps_a_history_unless_told_not_to(script: Path) -> None:
    source = script.read_text(encoding="utf-8")
    assert "from history import" in source and "record(" in source, f"{script.name} does not call history.record"
    assert '"--no-history"' in source, f"{script.name} has no --no-history flag"
