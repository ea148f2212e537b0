"""``reportparse compare`` as a command: inputs like ``parse``, exit codes, errors.csv, every table."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from reportparse.cli.app import main
from reportparse.devtools import pdfgen
from reportparse.tables import datapackage
from tests.corpus_paths import PROJECT_ROOT

SCENARIO = PROJECT_ROOT / "corpus" / "multibody"
PLAN = SCENARIO / "plan-2021-2022.txt"
REPORTS = SCENARIO / "reports"
TABLES = (
    "commitments",
    "matrix",
    "summary",
    "commitments_history",
    "report_only",
    "unmatched_reports",
    "reports",
    "plan",
)


def compare(*args: str) -> int:
    return main(["compare", "--quiet", "--plan", str(PLAN), *args])


def read(folder, name) -> pd.DataFrame:
    return pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)


def test_a_folder_of_reports_gives_every_table(tmp_path, capsys):
    assert compare("--report", str(REPORTS), "--out", str(tmp_path), "--jobs", "2") == 0
    for name in TABLES:
        assert (tmp_path / f"{name}.csv").is_file(), name
    assert not (tmp_path / "errors.csv").exists() and (tmp_path / "compare.html").is_file()
    assert datapackage.validate(tmp_path) == []
    assert len(read(tmp_path, "commitments")) == 56
    err = capsys.readouterr().err
    assert "gomruk-2021.txt: not used" in err and "edliyye-2023.txt: not used" in err
    assert "10 report(s) read, 2 not used, 0 failed" in err


def test_an_independent_validator_accepts_the_package(tmp_path):
    frictionless = pytest.importorskip("frictionless")
    missing = str(tmp_path / "absent.txt")  # errors.csv is described too
    assert compare("--report", str(REPORTS / "e*.txt"), missing, "--out", str(tmp_path / "out"), "--excel") == 3
    report = frictionless.validate(str(tmp_path / "out" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_jobs_do_not_change_the_tables(tmp_path):
    assert compare("--report", str(REPORTS / "e*.txt"), "--out", str(tmp_path / "serial"), "--jobs", "0") == 0
    assert compare("--report", str(REPORTS / "e*.txt"), "--out", str(tmp_path / "parallel"), "--jobs", "2") == 0
    for name in ("commitments", "matrix", "summary"):
        pd.testing.assert_frame_equal(read(tmp_path / "serial", name), read(tmp_path / "parallel", name))


def test_some_reports_fail(tmp_path, capsys):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    out = tmp_path / "out"
    code = compare(
        "--report", str(REPORTS / "statistika-2021.txt"), str(bad), str(tmp_path / "absent-*.txt"), "--out", str(out)
    )
    assert code == 3
    errors = read(out, "errors")
    assert sorted(errors["path"].str.rsplit("/", n=1).str[-1]) == ["absent-*.txt", "broken.pdf"]
    assert datapackage.validate(out) == []
    assert "broken.pdf" in capsys.readouterr().err


def test_every_report_fails(tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    assert compare("--report", str(bad), "--out", str(tmp_path / "out")) == 1
    assert list(read(tmp_path / "out", "errors")["error_type"]) != []


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--year", "2021"], "--year applies to a single report"),
        (["--executor", "dovlet-gomruk-komitesi"], "executes no item of the plan"),
    ],
)
def test_usage_errors(tmp_path, capsys, extra, message):
    assert compare("--report", str(REPORTS), "--out", str(tmp_path), *extra) == 2
    assert message in capsys.readouterr().err


def test_no_report_files(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert compare("--report", str(empty), "--out", str(tmp_path / "out")) == 2
    assert "no report files" in capsys.readouterr().err


def test_executor_option(tmp_path):
    assert compare("--report", str(REPORTS), "--out", str(tmp_path), "--executor", "Dövlət Miqrasiya Xidməti") == 0
    frame = read(tmp_path, "commitments")
    assert set(frame["executor_id"]) == {"dovlet-miqrasiya-xidmeti"} and len(frame) == 14


def test_an_encrypted_report_with_its_password(tmp_path):
    font = pdfgen.find_font()
    if font is None:
        pytest.skip("no TrueType font with Azerbaijani glyphs for the encrypted PDF")
    text = (REPORTS / "miqrasiya-2021.txt").read_text(encoding="utf-8")
    locked = pdfgen.encrypted_pdf(tmp_path / "locked.pdf", password="gizli", text=text, font=font)
    out = tmp_path / "out"
    assert compare("--report", str(locked), "--out", str(out / "without")) == 1
    assert compare("--report", str(locked), "--out", str(out / "with"), "--password", "gizli") == 0
    frame = read(out / "with", "commitments")
    reported = frame[frame["reported"] == "True"]
    assert set(reported["executor_id"]) == {"dovlet-miqrasiya-xidmeti"} and len(reported) >= 4


def test_without_a_plan_each_report_is_its_own(tmp_path):
    reports = [str(REPORTS / "statistika-2021.txt"), str(REPORTS / "emek-2022.txt")]
    assert main(["compare", "-q", "--report", *reports, "--out", str(tmp_path)]) == 0
    frame = read(tmp_path, "commitments")
    assert set(frame["executor_id"]) == {"dovlet-statistika-komitesi", "emek-ve-ehalinin-sosial-mudafiesi-nazirliyi"}
    assert not (tmp_path / "plan.csv").exists()
    shutil.rmtree(tmp_path)


def test_an_earlier_run_is_never_replaced_silently(tmp_path, capsys):
    out = tmp_path / "out"
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    assert compare("--report", str(REPORTS / "statistika-2021.txt"), str(bad), "--out", str(out)) == 3
    assert (out / "errors.csv").exists()
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    capsys.readouterr()
    assert compare("--report", str(REPORTS / "edliyye-2021.txt"), "--out", str(out)) == 2
    assert "holds the results of an earlier run" in capsys.readouterr().err
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before  # nothing touched
    assert compare("--report", str(REPORTS / "edliyye-2021.txt"), "--out", str(out), "--overwrite") == 0
    assert not (out / "errors.csv").exists()  # no table of the earlier run left beside the new ones
    assert set(read(out, "reports")["report_path"].map(lambda p: p.rsplit("/", 1)[-1])) == {"edliyye-2021.txt"}


def test_without_a_usable_report_every_item_is_listed_unreported(tmp_path):
    outside = tmp_path / "gomruk.txt"  # a body that executes no item of the plan
    shutil.copy(REPORTS / "gomruk-2021.txt", outside)
    assert compare("--report", str(outside), "--out", str(tmp_path / "out")) == 0
    matrix = read(tmp_path / "out", "matrix")
    plan_items = read(tmp_path / "out", "plan")["item"]
    assert set(matrix["item"]) == set(plan_items) and set(matrix["undated"]) == {"no_evidence"}
    summary = read(tmp_path / "out", "summary")
    assert set(summary["share_no_evidence"].astype(float)) == {100.0}
    assert len(read(tmp_path / "out", "unmatched_reports")) == 1


def test_timeout_and_memory_limit_reach_the_reader(tmp_path, monkeypatch):
    from reportparse.cli import compare as command

    seen = []
    real = command.load

    def spy(path, **options):
        seen.append(options["limits"])
        return real(path, **options)

    monkeypatch.setattr(command, "load", spy)
    report = str(REPORTS / "edliyye-2021.txt")
    assert compare("--report", report, "--out", str(tmp_path / "a"), "--timeout", "7", "--memory-limit", "900") == 0
    assert compare("--report", report, "--out", str(tmp_path / "b"), "--timeout", "0", "--memory-limit", "0") == 0
    assert [(limits.max_seconds, limits.max_memory_mb) for limits in seen] == [(7.0, 900), (None, None)]
