"""The command line, run as a user would: in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import reportparse
from reportparse.tables.schema import TABLES as SCHEMA

SCRIPT = Path(sys.executable).with_name("reportparse")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "reportparse"]
    return subprocess.run(
        command + list(args),
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def test_console_script_is_installed():
    assert SCRIPT.exists(), "the [project.scripts] entry point should be installed next to python"


def test_version_and_help():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"reportparse {reportparse.__version__}"
    for command in ([], ["parse"], ["demo"], ["text"], ["show"]):
        helped = run(*command, "--help")
        assert helped.returncode == 0 and "usage: reportparse" in helped.stdout


def test_parse_writes_documents_csv(tmp_path):
    good = tmp_path / "in" / "a.txt"
    good.parent.mkdir()
    good.write_text("H E S A B A T\n\n1-ci bəndin icrasına dair (öhdəlik):\nİcra olunub.", encoding="utf-8")
    (tmp_path / "in" / "nested").mkdir()
    (tmp_path / "in" / "nested" / "b.txt").write_text("İkinci hesabat.", encoding="utf-8")
    (tmp_path / "in" / "ignored.png").write_bytes(b"\x89PNG")
    result = run("parse", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    table = pd.read_csv(tmp_path / "out" / "documents.csv", dtype=str, keep_default_na=False)
    assert list(table.columns[: len(SCHEMA["documents"].contract)]) == list(SCHEMA["documents"].contract)
    assert sorted(Path(p).name for p in table["path"]) == ["a.txt", "b.txt"]
    assert table.loc[table["path"].str.endswith("a.txt"), "title"].item() == "HESABAT"
    assert set(table["n_pages"]) == {"1"}
    assert not list((tmp_path / "out").glob("*.tmp")), "no temporary files are left behind"


def test_failed_files_are_reported_one_line_each_and_do_not_stop_the_run(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Mətn.", encoding="utf-8")
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"this is not a pdf")
    result = run("parse", str(good), str(bad), str(tmp_path / "missing.docx"), "--out", str(tmp_path / "out"))
    assert result.returncode == 3, "some inputs failed, the others were parsed"
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert len(errors) == 2
    assert any(str(bad) in line for line in errors) and any("missing.docx" in line for line in errors)
    assert len(pd.read_csv(tmp_path / "out" / "documents.csv")) == 1


def test_exit_code_is_non_zero_when_every_input_fails(tmp_path):
    result = run("parse", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "no such file" in result.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["errors.csv"], "no tables when nothing was parsed"


def test_excel_flag_writes_a_bom(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Şəki şəhəri.", encoding="utf-8")
    assert run("parse", str(source), "--out", str(tmp_path / "out"), "--excel").returncode == 0
    assert (tmp_path / "out" / "documents.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_demo_prints_the_tables_of_the_bundled_sample(tmp_path):
    result = run("demo", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "Dövlət Arxiv Xidməti" in result.stdout and "sections (9 rows)" in result.stdout
    assert "dates (37 rows" in result.stdout and "references (5 rows)" in result.stdout
    assert (tmp_path / "documents.csv").exists()


def test_text_command_prints_normalized_and_raw_text(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("H E S A B A T\n\n\nMətn  burada.", encoding="utf-8")
    assert run("text", str(source)).stdout == "HESABAT\n\nMətn burada.\n"
    assert run("text", str(source), "--raw").stdout == "H E S A B A T\n\n\nMətn  burada.\n"
    missing = run("text", str(tmp_path / "yox.txt"))
    assert missing.returncode == 1 and "no such file" in missing.stderr


@pytest.mark.parametrize("args", [["parse"], ["parse", "x.txt"], ["bogus"]])
def test_usage_errors_exit_2(args):
    assert run(*args).returncode == 2


def test_parse_writes_every_table_and_warns_when_no_headings(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(
        "HESABAT\n\n1-ci bəndin icrasına dair (Öhdəlik):\nİcra olunub.\n\n"
        "2-ci və 3-cü bəndlərin icrası barədə:\nDavam.",
        encoding="utf-8",
    )
    letter = tmp_path / "letter.txt"
    letter.write_text("Sadəcə məktub.", encoding="utf-8")
    result = run("parse", str(report), str(letter), "--out", str(tmp_path / "out"), "--year", "2021")
    assert result.returncode == 0, result.stderr
    assert "letter.txt: no plan-item headings" in result.stderr
    for name in ("documents", "sections", "dates", "organizations", "counts", "references"):
        assert (tmp_path / "out" / f"{name}.csv").exists()
    sections = pd.read_csv(tmp_path / "out" / "sections.csv", dtype=str, keep_default_na=False)
    assert list(sections["item"]) == ["", "", "1", "2", "3"], "documents in path order: letter.txt, r.txt"
    assert sections.loc[2, "commitment"] == "Öhdəlik"
    documents = pd.read_csv(tmp_path / "out" / "documents.csv", dtype=str, keep_default_na=False)
    assert set(documents["year"]) == {"2021"} and list(documents["n_sections"]) == ["0", "2"]


@pytest.mark.parametrize(("given", "expected"), [(None, "system"), ("mimalloc", "mimalloc")])
def test_the_command_gives_arrow_memory_back_unless_told_otherwise(given, expected):
    """The command uses the system allocator for Arrow (freed table memory is returned), and keeps
    an allocator the user chose."""
    pytest.importorskip("pyarrow")
    env = {key: value for key, value in os.environ.items() if key != "ARROW_DEFAULT_MEMORY_POOL"}
    if given:
        env["ARROW_DEFAULT_MEMORY_POOL"] = given
    code = "import reportparse.cli, pyarrow; print(pyarrow.default_memory_pool().backend_name)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == expected
