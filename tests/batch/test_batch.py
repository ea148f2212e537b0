"""Batch parsing: file discovery, isolated workers, errors.csv, exit statuses, resume, interruption."""

from __future__ import annotations

import importlib.util
import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import reportparse
from reportparse.batch.discover import discover, file_doc_id
from reportparse.batch.progress import Progress
from reportparse.batch.result import TIMEOUT
from reportparse.batch.workers import run_pool
from reportparse.devtools import pdfgen
from reportparse.output.folder import read_output
from reportparse.tables import datapackage
from tests.cli.test_cli import run

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_TEXT = reportparse.sample_report_path().read_text(encoding="utf-8")
TABLE_FILES = ("documents", "sections", "dates", "organizations", "counts", "references")


def variant(index: int) -> str:
    """The sample report with a different year: distinct bytes, so a distinct doc_id."""
    return SAMPLE_TEXT.replace("2023-cü il üzrə", f"{2000 + index}-cü il üzrə")


def read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """Good .txt/.pdf/.docx reports and an empty, two corrupt and an encrypted file, nested."""
    font = pdfgen.find_font()
    if font is None:
        pytest.skip("no TrueType font with Azerbaijani glyphs for the encrypted PDF")
    folder = tmp_path / "in"
    (folder / "nested").mkdir(parents=True)
    (folder / "good.txt").write_text(SAMPLE_TEXT, encoding="utf-8")
    shutil.copy(ROOT / "corpus" / "pdf" / "dgta-2020-execution-report.pdf", folder / "nested" / "good.pdf")
    shutil.copy(ROOT / "corpus" / "docx" / "ehma-2022-execution-report.docx", folder / "good.docx")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.7\n this is not really a PDF")
    (folder / "nested" / "corrupt.docx").write_bytes(b"PK\x03\x04 truncated")
    pdfgen.encrypted_pdf(folder / "locked.pdf", password="gizli", font=font)
    (folder / "picture.png").write_bytes(b"\x89PNG")  # not a report: ignored in a folder
    return folder


def test_a_folder_with_bad_files_parses_the_good_ones_and_lists_the_others(mixed_folder, tmp_path):
    out = tmp_path / "out"
    result = run("parse", str(mixed_folder), "--out", str(out), "--jobs", "2")
    assert result.returncode == 3, result.stderr  # some failed, the others parsed
    documents = read(out / "documents.csv")
    assert sorted(Path(p).name for p in documents["path"]) == ["good.docx", "good.pdf", "good.txt"]
    errors = read(out / "errors.csv")
    assert list(errors.columns) == ["path", "error_type", "message"]
    assert dict(zip(errors["path"].map(lambda p: Path(p).name), errors["error_type"], strict=True)) == {
        "corrupt.docx": "CorruptFileError",
        "corrupt.pdf": "CorruptFileError",
        "empty.txt": "EmptyDocumentError",
        "locked.pdf": "EncryptedPDFError",
    }
    assert all(errors["message"].str.len() > 10) and not errors["message"].str.contains(str(mixed_folder)).any()
    error_lines = [line for line in result.stderr.splitlines() if "error:" in line]
    assert len(error_lines) == 4, result.stderr
    assert "files/s" in result.stderr, "progress lines when standard error is not a terminal"
    assert "3 parsed, 4 failed" in result.stderr
    assert datapackage.validate(out) == []
    assert not list(out.glob("*.tmp")) and not list(out.glob(".*"))


def test_exit_status_zero_when_every_input_parses_two_when_there_is_none(tmp_path):
    (tmp_path / "a.txt").write_text(variant(1), encoding="utf-8")
    assert run("parse", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out")).returncode == 0
    (tmp_path / "nothing").mkdir()
    empty = run("parse", str(tmp_path / "nothing"), "--out", str(tmp_path / "out2"))
    assert empty.returncode == 2 and "no file in a format reportparse reads" in empty.stderr
    assert not (tmp_path / "out2").exists()


def test_resume_skips_parsed_files_and_gives_the_same_tables_as_one_run(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(3):
        (folder / f"r{index}.txt").write_text(variant(index), encoding="utf-8")
    run("parse", str(folder / "r0.txt"), str(folder / "r2.txt"), "--out", str(tmp_path / "out"))
    resumed = run("parse", str(folder), "--out", str(tmp_path / "out"), "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert "1 parsed, 0 failed, 2 already in" in resumed.stderr
    fresh = run("parse", str(folder), "--out", str(tmp_path / "fresh"))
    assert fresh.returncode == 0
    for name in (*TABLE_FILES, "errors"):
        assert (tmp_path / "out" / f"{name}.csv").read_bytes() == (tmp_path / "fresh" / f"{name}.csv").read_bytes(), (
            name
        )


def test_resume_drops_rows_of_documents_the_documents_table_does_not_list(tmp_path):
    (tmp_path / "a.txt").write_text(variant(1), encoding="utf-8")
    out = tmp_path / "out"
    assert run("parse", str(tmp_path / "a.txt"), "--out", str(out)).returncode == 0
    dates = read(out / "dates.csv")
    orphan = dates.iloc[:1].assign(doc_id="0123456789ab")  # as if killed between two table writes
    pd.concat([dates, orphan]).to_csv(out / "dates.csv", index=False)
    tables = read_output(out)
    assert len(tables["dates"]) == len(dates) and set(tables["dates"]["doc_id"]) == {file_doc_id(tmp_path / "a.txt")}


def test_a_slow_file_times_out_without_stopping_the_others(tmp_path):
    huge = tmp_path / "huge.txt"
    huge.write_text("\n\n".join([SAMPLE_TEXT] * 300), encoding="utf-8")  # ~3 MB: seconds of work
    good = tmp_path / "good.txt"
    good.write_text(variant(1), encoding="utf-8")
    results = {Path(r.path).name: r for r in run_pool([huge, good], jobs=1, timeout=0.5)}
    assert results["huge.txt"].error_type == TIMEOUT and "--timeout" in results["huge.txt"].message
    assert results["good.txt"].ok, "a fresh worker took over after the timeout"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the memory limit is an RLIMIT_AS (Linux)")
def test_a_file_needing_too_much_memory_fails_alone(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("ə" * 40_000_000, encoding="utf-8")  # 80 MB of bytes, far more once decoded
    good = tmp_path / "good.txt"
    good.write_text(variant(1), encoding="utf-8")
    result = run(
        "parse",
        str(big),
        str(good),
        "--out",
        str(tmp_path / "out"),
        "--jobs",
        "1",
        "--memory-limit",
        "60",
        "--timeout",
        "60",
    )
    assert result.returncode == 3, result.stderr
    errors = read(tmp_path / "out" / "errors.csv")
    assert list(errors["error_type"]) in (["MemoryLimit"], ["WorkerCrash"])
    assert list(read(tmp_path / "out" / "documents.csv")["path"]) == [str(good)]


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "kill"])
def test_an_interrupted_run_leaves_complete_tables_of_the_finished_files(tmp_path, signum):
    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(20):  # long enough (~0.25 s each) that the signal lands mid-run
        (folder / f"r{index:02}.txt").write_text("\n\n".join([variant(index)] * 12), encoding="utf-8")
    out = tmp_path / "out"
    command = [
        str(Path(sys.executable).with_name("reportparse")),
        "parse",
        str(folder),
        "--out",
        str(out),
        "--jobs",
        "1",
    ]
    process = subprocess.Popen(
        command, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"}
    )
    deadline = time.monotonic() + 60
    for line in process.stderr:  # progress lines: "reportparse: 2/20 files, ..."
        if "/20 files" in line or time.monotonic() > deadline:
            break
    process.send_signal(signum)
    rest = process.communicate(timeout=60)[1]
    assert process.returncode == 130, rest
    assert "interrupted" in rest
    documents = read(out / "documents.csv")
    assert 0 < len(documents) < 20
    for name in TABLE_FILES[1:]:
        assert set(read(out / f"{name}.csv")["doc_id"]) <= set(documents["doc_id"]), name
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")], "no temporary files"
    assert run("parse", str(folder), "--out", str(out), "--resume", "--jobs", "2").returncode == 0
    assert len(read(out / "documents.csv")) == 20


def test_discover_expands_folders_and_globs_and_reports_what_matches_nothing(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/one.txt", "a/b/two.TXT", "a/b/three.pdf", "a/skip.png"):
        (tmp_path / name).write_bytes(b"x")
    found = discover(
        [
            tmp_path / "a",
            str(tmp_path / "a" / "**" / "*.txt"),
            str(tmp_path / "nope-*.pdf"),
            str(tmp_path / "missing.docx"),
        ]
    )
    assert [p.relative_to(tmp_path).as_posix() for p in found.files] == ["a/b/three.pdf", "a/b/two.TXT", "a/one.txt"]
    assert [(Path(f.path).name, f.error_type) for f in found.failures] == [
        ("nope-*.pdf", "MissingFileError"),
        ("missing.docx", "MissingFileError"),
    ]
    assert discover([str(tmp_path / "a" / "*.txt")]).files == [tmp_path / "a" / "one.txt"]


def test_the_same_content_twice_is_parsed_once(tmp_path):
    for name in ("a.txt", "copy-of-a.txt"):
        (tmp_path / name).write_text(variant(1), encoding="utf-8")
    result = run("parse", str(tmp_path / "a.txt"), str(tmp_path / "copy-of-a.txt"), "--out", str(tmp_path / "out"))
    assert result.returncode == 0 and "same content as" in result.stderr
    assert len(read(tmp_path / "out" / "documents.csv")) == 1


def test_progress_draws_a_bar_on_a_terminal_and_lines_elsewhere():
    terminal, log = io.StringIO(), io.StringIO()
    bar, lines = Progress(4, stream=terminal, interactive=True), Progress(4, stream=log, interactive=False)
    for progress in (bar, lines):
        for index in range(4):
            progress.advance(failed=index == 2)
        progress.note("reportparse: error: x.pdf: broken")
        progress.close()
    assert "\r[" in terminal.getvalue() and "4/4 files" in terminal.getvalue() and "1 failed" in terminal.getvalue()
    assert "\r" not in log.getvalue()
    assert log.getvalue().splitlines()[-2].startswith("reportparse: 4/4 files")
    assert "files/s" in log.getvalue()


def test_a_missing_extra_is_a_usage_error_before_any_file_is_parsed(tmp_path, monkeypatch, capsys):
    from reportparse.cli import app as cli

    (tmp_path / "a.txt").write_text(variant(1), encoding="utf-8")
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name in ("pyarrow", "distributed") else real(name, *a)
    )
    for option in (["--format", "parquet"], ["--dask", "local"]):
        assert cli.main(["parse", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), *option]) == 2
        assert 'pip install "reportparse[' in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
