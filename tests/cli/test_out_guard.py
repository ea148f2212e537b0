"""The output folder guard (issue 20, item 3): ``parse --out DIR`` never silently replaces the
tables an earlier run left there; ``--resume`` or ``--overwrite`` says what to do with them."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import reportparse
from reportparse.batch.discover import file_doc_id
from reportparse.cli import app as cli
from reportparse.cli import parse as parse_cli
from reportparse.output.folder import read_output
from reportparse.output.guard import OutputNotEmptyError, check_previous_results
from reportparse.output.lock import LOCK_NAME

SAMPLE_TEXT = reportparse.sample_report_path().read_text(encoding="utf-8")


def variant(index: int) -> str:
    return SAMPLE_TEXT.replace("2023-cü il üzrə", f"{2000 + index}-cü il üzrə")


@pytest.fixture
def reports(tmp_path) -> list[Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    paths = [folder / f"r{index}.txt" for index in range(3)]
    for index, path in enumerate(paths):
        path.write_text(variant(index), encoding="utf-8")
    return paths


def parse(*args: str | Path) -> int:
    return cli.main(["parse", *map(str, args), "--quiet", "-j", "0"])


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def documents(out: Path) -> list[str]:
    return sorted(Path(path).name for path in pd.read_csv(out / "documents.csv", dtype=str)["path"])


def error_line(stderr: str) -> str:
    [line] = [line for line in stderr.splitlines() if line.startswith("reportparse: error:")]
    return line


@pytest.mark.parametrize("state", ["new", "empty", "unrelated files", "only errors.csv", "documents without rows"])
def test_a_folder_without_results_is_used(reports, tmp_path, state):
    out = tmp_path / "out"
    if state != "new":
        out.mkdir()
    if state == "unrelated files":
        (out / "notes.txt").write_text("qeydlər", encoding="utf-8")
        (out / "sections.csv").write_text("a,b\n1,2\n", encoding="utf-8")  # no documents table: not results
    if state == "only errors.csv":
        (out / "errors.csv").write_text("path,error_type,message\nx.pdf,CorruptFileError,bad\n", encoding="utf-8")
    if state == "documents without rows":
        (out / "documents.csv").write_text("doc_id,path\n", encoding="utf-8")
    assert parse(reports[0], "--out", out) == 0
    assert documents(out) == ["r0.txt"]
    if state == "unrelated files":
        assert (out / "notes.txt").read_text(encoding="utf-8") == "qeydlər"


def test_a_rerun_of_the_same_inputs_is_refused_and_told_which_option_to_use(reports, tmp_path, capsys):
    out = tmp_path / "out"
    assert parse(*reports, "--out", out) == 0
    before = snapshot(out)
    capsys.readouterr()
    assert parse(*reports, "--out", out) == 2
    line = error_line(capsys.readouterr().err)
    assert f"--out {out} already holds the tables of these inputs (3 document(s)" in line
    assert "--resume parses only the files that are new or changed" in line and "--overwrite parses everything" in line
    assert snapshot(out) == before and LOCK_NAME not in before, "nothing touched, the lock released"


def test_results_of_other_inputs_are_refused_naming_them(reports, tmp_path, capsys):
    out = tmp_path / "out"
    assert parse(reports[0], reports[1], "--out", out) == 0
    before = snapshot(out)
    capsys.readouterr()
    assert parse(reports[1], reports[2], "--out", out) == 2
    line = error_line(capsys.readouterr().err)
    assert f"--out {out} holds the tables of other inputs: 1 of its 2 document(s)" in line
    assert f"({reports[0]})" in line, "names the document that is not among the inputs"
    assert "--overwrite replaces them, --resume adds" in line
    assert snapshot(out) == before


def test_overwrite_replaces_the_tables_of_other_inputs(reports, tmp_path):
    out = tmp_path / "out"
    assert parse(reports[0], reports[1], "--out", out) == 0
    assert parse(reports[2], "--out", out, "--overwrite") == 0
    assert documents(out) == ["r2.txt"]
    tables = pd.read_csv(out / "sections.csv", dtype=str)
    assert set(tables["doc_id"]) == {file_doc_id(reports[2])}, "no row of the replaced documents is left"
    assert parse(reports[2], "--out", out) == 2, "the new tables are guarded in turn"


def test_resume_adds_to_the_tables_of_other_inputs(reports, tmp_path, capsys):
    out = tmp_path / "out"
    assert parse(reports[0], "--out", out) == 0
    assert parse(reports[1], "--out", out, "--resume") == 0
    assert documents(out) == ["r0.txt", "r1.txt"]
    capsys.readouterr()
    assert parse(*reports, "--out", out, "--resume") == 0
    assert "1 parsed, 0 failed, 2 already in" in capsys.readouterr().err


def test_more_inputs_than_the_folder_holds_count_as_a_rerun(reports, tmp_path, capsys):
    out = tmp_path / "out"
    assert parse(reports[0], "--out", out) == 0
    capsys.readouterr()
    assert parse(reports[0].parent, "--out", out) == 2  # the folder: r0.txt and two more
    assert "already holds the tables of these inputs (1 document(s)" in error_line(capsys.readouterr().err)


def test_relative_and_absolute_names_of_one_file_are_the_same_input(reports, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    monkeypatch.chdir(reports[0].parent)
    assert parse("r0.txt", "--out", out) == 0
    capsys.readouterr()
    assert parse(reports[0], "--out", out) == 2
    assert "these inputs" in error_line(capsys.readouterr().err)


def test_resume_and_overwrite_exclude_each_other(reports, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        parse(reports[0], "--out", tmp_path / "out", "--resume", "--overwrite")
    assert exit_.value.code == 2 and "not allowed with argument" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "content", [b"doc_id;yol\nabc;r0.txt\n", b"\xff\xfe\x00garbage"], ids=["no path column", "not text"]
)
def test_an_unreadable_documents_table_is_refused_until_overwritten(reports, tmp_path, capsys, content):
    out = tmp_path / "out"
    out.mkdir()
    (out / "documents.csv").write_bytes(content)
    assert parse(reports[0], "--out", out) == 2
    line = error_line(capsys.readouterr().err)
    assert f"--out {out} holds a documents.csv that cannot be read (" in line and "--overwrite replaces" in line
    assert (out / "documents.csv").read_bytes() == content
    assert parse(reports[0], "--out", out, "--overwrite") == 0
    assert documents(out) == ["r0.txt"]


def test_tables_of_the_other_format_are_guarded_too(reports, tmp_path, capsys):
    pytest.importorskip("pyarrow")
    out = tmp_path / "out"
    assert parse(reports[0], "--out", out, "--format", "parquet") == 0
    capsys.readouterr()
    assert parse(reports[1], "--out", out) == 2, "a CSV run would replace errors.csv and datapackage.json"
    assert "other inputs" in error_line(capsys.readouterr().err)
    assert not (out / "documents.csv").exists()


def test_a_report_parsed_from_text_is_another_input(reports, tmp_path):
    out = tmp_path / "out"
    reportparse.parse(variant(7)).to_csv(out)  # no path: it cannot be among a run's files
    with pytest.raises(OutputNotEmptyError, match=r"1 of its 1 document\(s\) .*\(text, no file\)"):
        check_previous_results(out, inputs=reports)


def test_the_python_api_keeps_replacing(reports, tmp_path):
    out = tmp_path / "out"
    reportparse.parse(reports[0]).to_csv(out)
    reportparse.parse(reports[1]).to_csv(out)  # only the command line guards
    assert documents(out) == ["r1.txt"]


def test_overwrite_empties_documents_before_the_old_rows_leave(reports, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    assert parse(reports[0], reports[1], "--out", out) == 0

    def full_disk(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(out / "sections.csv"))

    monkeypatch.setattr(parse_cli, "write_output", full_disk)  # as if killed writing the first table
    assert parse(reports[2], "--out", out, "--overwrite") == 4
    assert "No space left on device" in error_line(capsys.readouterr().err)
    assert read_output(out)["documents"].empty, "the old documents left documents first: a consistent folder"
    monkeypatch.undo()
    assert parse(reports[2], "--out", out, "--resume") == 0
    assert documents(out) == ["r2.txt"]


def test_the_command_refuses_in_a_subprocess_and_help_names_overwrite(reports, tmp_path):
    out = tmp_path / "out"
    command = [sys.executable, "-m", "reportparse", "parse", str(reports[0]), "--out", str(out), "-q", "-j", "0"]
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    assert subprocess.run(command, capture_output=True, text=True, check=False, env=environment).returncode == 0
    again = subprocess.run(command, capture_output=True, text=True, check=False, env=environment)
    assert again.returncode == 2 and "--resume" in again.stderr and "Traceback" not in again.stderr
    assert len(again.stderr.splitlines()) == 1
    helped = subprocess.run([*command[:4], "--help"], capture_output=True, text=True, check=False, env=environment)
    assert "--overwrite" in helped.stdout and "holding earlier tables" in " ".join(helped.stdout.split())
