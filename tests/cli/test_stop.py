"""A batch never loses finished work: a worker that cannot start, a full disk or a folder that
stops being writable mid-run end with the finished files written (when possible), one error
line and exit status 4; an output folder that cannot work is refused (status 2) before any file
is parsed."""

from __future__ import annotations

import errno
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import reportparse
from reportparse.batch.workers import parse_file
from reportparse.cli import app as cli
from reportparse.cli import parse as parse_cli
from reportparse.output import preflight
from reportparse.output.folder import read_output
from reportparse.output.lock import LOCK_NAME

SAMPLE_TEXT = reportparse.sample_report_path().read_text(encoding="utf-8")

needs_rlimit = pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="RLIMIT_FSIZE (POSIX)")


def variant(index: int) -> str:
    return SAMPLE_TEXT.replace("2023-cü il üzrə", f"{2000 + index}-cü il üzrə")


@pytest.fixture
def folder(tmp_path) -> Path:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for index in range(4):
        (inputs / f"r{index}.txt").write_text(variant(index), encoding="utf-8")
    return inputs


def _documents(out: Path) -> list[str]:
    return sorted(Path(p).name for p in pd.read_csv(out / "documents.csv", dtype=str)["path"])


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("reportparse: error:")]


def test_a_worker_that_fails_to_start_mid_run_keeps_the_finished_files(folder, tmp_path, monkeypatch, capsys):
    def run_files(files, options, **_kwargs):
        yield from (parse_file(path, options) for path in files[:2])
        raise RuntimeError("a reportparse worker failed to start (exit code 1)")

    monkeypatch.setattr(parse_cli, "run_files", run_files)
    out = tmp_path / "out"
    status = cli.main(["parse", str(folder), "--out", str(out), "--quiet"])
    stderr = capsys.readouterr().err
    assert status == parse_cli.STOPPED == 4, stderr
    assert "Traceback" not in stderr
    [line] = _error_lines(stderr)
    assert "worker failed to start" in line and "the 2 file(s) parsed before it are written" in line
    assert stderr.splitlines()[-1].startswith("reportparse: stopped: 2 parsed, 0 failed; tables in")
    assert _documents(out) == ["r0.txt", "r1.txt"]
    assert not (out / LOCK_NAME).exists()
    monkeypatch.undo()
    assert cli.main(["parse", str(folder), "--out", str(out), "--resume", "--quiet", "-j", "0"]) == 0
    assert _documents(out) == ["r0.txt", "r1.txt", "r2.txt", "r3.txt"]


def _failing_writes(monkeypatch, fails: int) -> None:
    """The first ``fails`` writes of the run's tables fail as on a full disk."""
    real, calls = parse_cli.write_output, []

    def write_output(folder, *args, **kwargs):
        calls.append(folder)
        if len(calls) <= fails:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(Path(folder) / "sections.csv"))
        return real(folder, *args, **kwargs)

    monkeypatch.setattr(parse_cli, "write_output", write_output)
    monkeypatch.setattr(parse_cli, "CHECKPOINT_SECONDS", 0.0)


def test_a_full_disk_at_a_checkpoint_stops_the_run_and_writes_what_is_done_when_space_returns(
    folder, tmp_path, monkeypatch, capsys
):
    _failing_writes(monkeypatch, fails=1)  # the first checkpoint fails, the final write succeeds
    out = tmp_path / "out"
    status = cli.main(["parse", str(folder), "--out", str(out), "--quiet", "-j", "0"])
    stderr = capsys.readouterr().err
    assert status == 4 and "Traceback" not in stderr, stderr
    [line] = _error_lines(stderr)
    assert "No space left on device" in line and "free some space" in line and "sections.csv" in line
    assert "the 1 file(s) parsed before it are written" in line
    assert _documents(out) == ["r0.txt"]


def test_when_no_write_succeeds_the_folder_keeps_its_last_complete_tables(folder, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    assert cli.main(["parse", str(folder / "r0.txt"), "--out", str(out), "--quiet"]) == 0
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    _failing_writes(monkeypatch, fails=99)
    capsys.readouterr()
    status = cli.main(["parse", str(folder), "--out", str(out), "--quiet", "-j", "0", "--resume"])
    stderr = capsys.readouterr().err
    assert status == 4 and "Traceback" not in stderr, stderr
    [line] = _error_lines(stderr)
    assert "could not be written" in line and "keeps those of its last complete write" in line
    assert "1 parsed" in stderr and "tables in" not in stderr, "never claims tables it could not write"
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before


@needs_rlimit
def test_a_folder_that_stops_taking_writes_mid_run_ends_cleanly_with_complete_tables(tmp_path):
    """A real failure, not a mock: files over 64 KB fail with EFBIG (RLIMIT_FSIZE), so the run
    writes its first checkpoints and then cannot write sections.csv any more."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for index in range(12):
        (inputs / f"r{index:02}.txt").write_text(variant(index), encoding="utf-8")
    out = tmp_path / "out"

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, resource.RLIM_INFINITY))

    code = (
        "import sys, reportparse.cli.parse as p; p.CHECKPOINT_SECONDS = 0; "
        "from reportparse.cli.app import main; sys.exit(main(sys.argv[1:]))"
    )
    command = [sys.executable, "-c", code, "parse", str(inputs), "--out", str(out), "-j", "1", "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, preexec_fn=limit, timeout=300, check=False)
    assert result.returncode == 4, result.stderr
    assert "Traceback" not in result.stderr
    [line] = _error_lines(result.stderr)
    assert "File too large" in line and "keeps those of its last complete write" in line
    tables = read_output(out)  # complete and consistent: the last checkpoint
    assert 0 < len(tables["documents"]) < 12
    assert set(tables["sections"]["doc_id"]) == set(tables["documents"]["doc_id"])
    assert not (out / LOCK_NAME).exists() and not list(out.glob(".*.tmp"))
    resumed = subprocess.run(
        [sys.executable, "-m", "reportparse", "parse", str(inputs), "--out", str(out), "--resume", "-q"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert resumed.returncode == 0, resumed.stderr
    assert len(read_output(out)["documents"]) == 12


@needs_rlimit
def test_an_output_folder_that_cannot_be_written_is_refused_before_parsing(folder, tmp_path):
    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024, resource.RLIM_INFINITY))

    out = tmp_path / "out"
    command = [sys.executable, "-m", "reportparse", "parse", str(folder), "--out", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, preexec_fn=limit, timeout=120, check=False)
    assert result.returncode == 2, result.stderr
    expected = f"reportparse: error: cannot write into --out {out} (File too large); make it writable or choose another"
    assert result.stderr.strip() == expected + " folder"
    assert list(out.iterdir()) == [], "no probe or lock left behind"


def test_too_little_free_space_or_a_file_as_out_is_refused_before_parsing(folder, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(preflight, "free_bytes", lambda _folder: 2**20)
    out = tmp_path / "out"
    assert cli.main(["parse", str(folder), "--out", str(out)]) == 2
    stderr = capsys.readouterr().err
    assert "only 1.0 MB free on the disk of --out" in stderr and "at least 8.0 MB" in stderr
    assert list(out.iterdir()) == []
    monkeypatch.undo()
    (tmp_path / "file").write_text("x")
    assert cli.main(["parse", str(folder), "--out", str(tmp_path / "file")]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err


def test_the_exit_statuses_are_documented_in_help():
    help_text = cli.build_parser()._subparsers._group_actions[0].choices["parse"].format_help()  # type: ignore[union-attr]
    for status in ("0 all parsed", "1 none parsed", "2 usage error", "3 some failed", "4 stopped", "130 interrupted"):
        assert status in " ".join(help_text.split()), status


def test_parse_many_keeps_the_finished_files_when_the_batch_stops(folder, monkeypatch):
    """The Python API too: the documents parsed before the error are returned, the rest are listed."""
    from reportparse.batch import run
    from reportparse.batch.result import BATCH_STOPPED

    def run_files(files, options, **_kwargs):
        yield from (parse_file(path, options) for path in files[:2])
        raise RuntimeError("a reportparse worker failed to start (exit code 1)")

    monkeypatch.setattr(run, "run_files", run_files)  # parse_many imports it when called
    with pytest.warns(RuntimeWarning, match="the batch stopped on an error .*worker failed to start"):
        corpus = reportparse.parse_many(folder, progress=False)
    assert sorted(Path(p).name for p in corpus.documents["path"]) == ["r0.txt", "r1.txt"]
    assert len(corpus.sections) > 0
    assert sorted(Path(p).name for p in corpus.errors["path"]) == ["r2.txt", "r3.txt"]
    assert set(corpus.errors["error_type"]) == {BATCH_STOPPED}
    assert corpus.errors["message"].str.contains("not parsed: the batch stopped").all()
    assert any("2 inputs not reached" in note for note in corpus.notes)
