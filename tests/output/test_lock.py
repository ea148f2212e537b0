"""One writer per output folder: the lock file, busy and stale locks, --force-unlock, release on
exit, Ctrl-C and SIGTERM, and the Python API's writes."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import reportparse
from reportparse.output.folder import write_output
from reportparse.output.lock import LOCK_NAME, Holder, OutputLock, OutputLockedError, holder_alive
from tests.cli.test_cli import run

SAMPLE_TEXT = reportparse.sample_report_path().read_text(encoding="utf-8")
HOLD = """
import os, sys
from reportparse.output.lock import OutputLock
with OutputLock(sys.argv[1]):
    print("held", flush=True)
    if sys.argv[2] == "die":
        os._exit(0)  # as if killed: no release
    sys.stdin.read()
"""


@pytest.fixture
def report(tmp_path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(SAMPLE_TEXT, encoding="utf-8")
    return path


def _holder(folder: Path, mode: str) -> subprocess.Popen:
    """A process that takes the folder's lock, then holds it (``wait``) or dies with it (``die``)."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(folder), mode], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "held"
    return process


def test_a_second_writer_is_refused_and_told_who_holds_the_folder(report, tmp_path):
    out = tmp_path / "out"
    holder = _holder(out, "wait")
    try:
        content = json.loads((out / LOCK_NAME).read_text(encoding="utf-8"))
        assert content["pid"] == holder.pid and content["host"] == socket.gethostname() and content["started"]
        result = run("parse", str(report), "--out", str(out))
        assert result.returncode == 2, result.stderr
        assert f"pid {holder.pid} on host {socket.gethostname()}" in result.stderr and "in use" in result.stderr
        assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1
        assert not (out / "documents.csv").exists()
        forced = run("parse", str(report), "--out", str(out), "--force-unlock")
        assert forced.returncode == 2 and "stop it first" in forced.stderr, "a live holder here is never overridden"
        with pytest.raises(OutputLockedError, match=f"pid {holder.pid}"):
            reportparse.parse(report).to_csv(out)
    finally:
        holder.communicate(input="")
    assert not (out / LOCK_NAME).exists(), "the holder released its lock"
    assert run("parse", str(report), "--out", str(out)).returncode == 0


def test_a_stale_lock_is_reported_with_what_to_do_and_not_taken_silently(report, tmp_path):
    out = tmp_path / "out"
    dead = _holder(out, "die")
    dead.wait()
    result = run("parse", str(report), "--out", str(out))
    assert result.returncode == 2, result.stderr
    assert f"pid {dead.pid}" in result.stderr and "gone" in result.stderr and "--force-unlock" in result.stderr
    assert str(out / LOCK_NAME) in result.stderr, "says which file to delete"
    assert sorted(p.name for p in out.iterdir()) == [LOCK_NAME], "nothing written"
    forced = run("parse", str(report), "--out", str(out), "--force-unlock")
    assert forced.returncode == 0, forced.stderr
    assert (out / "documents.csv").exists() and not (out / LOCK_NAME).exists()


@pytest.mark.parametrize(
    "content",
    [
        json.dumps({"pid": 1, "host": "elsewhere.example", "started": "2025-01-01T00:00:00Z", "token": "x"}),
        "",
    ],
    ids=["other-host", "unreadable"],
)
def test_a_lock_that_cannot_be_checked_is_refused_until_forced(report, tmp_path, content):
    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK_NAME).write_text(content, encoding="utf-8")
    result = run("parse", str(report), "--out", str(out))
    assert result.returncode == 2 and "--force-unlock" in result.stderr, result.stderr
    assert ("elsewhere.example" if content else "cannot be read") in result.stderr
    assert run("parse", str(report), "--out", str(out), "--force-unlock").returncode == 0
    assert not (out / LOCK_NAME).exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process start times from /proc")
def test_a_reused_pid_does_not_keep_a_lock_alive():
    me = Holder(pid=os.getpid(), host=socket.gethostname(), started="", token="t")
    assert holder_alive(me) is True
    assert holder_alive(Holder(os.getpid(), socket.gethostname(), "", "t", process_start="1")) is False
    assert holder_alive(Holder(os.getpid(), "elsewhere.example", "", "t")) is None


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "kill"])
def test_a_run_holds_the_lock_and_releases_it_when_interrupted(tmp_path, signum):
    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(12):  # each file long enough (~0.5 s) that the run outlasts the second command's start
        text = SAMPLE_TEXT.replace("2023-cü il üzrə", f"{2000 + index}-cü il üzrə")
        (folder / f"r{index:02}.txt").write_text("\n\n".join([text] * 24), encoding="utf-8")
    out = tmp_path / "out"
    command = [str(Path(sys.executable).with_name("reportparse")), "parse", str(folder), "--out", str(out), "-j", "1"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    deadline = time.monotonic() + 60
    for line in process.stderr:
        if "/12 files" in line or time.monotonic() > deadline:
            break
    assert json.loads((out / LOCK_NAME).read_text(encoding="utf-8"))["pid"] == process.pid
    second = run("parse", str(folder), "--out", str(out))
    assert second.returncode == 2 and f"pid {process.pid}" in second.stderr
    process.send_signal(signum)
    rest = process.communicate(timeout=60)[1]
    assert process.returncode == 130, rest
    assert not (out / LOCK_NAME).exists(), "released on interruption"
    assert run("parse", str(folder), "--out", str(out), "--resume").returncode == 0


def test_write_output_takes_the_lock_and_a_holder_may_write_again(report, tmp_path):
    tables = reportparse.parse(report).tables
    out = tmp_path / "out"
    write_output(out, tables)
    assert not (out / LOCK_NAME).exists(), "the API's lock lasts one write"
    with OutputLock(out):
        write_output(out, tables)  # the holder writes freely (the command line holds it for a run)
        failures: list[BaseException] = []
        thread = threading.Thread(target=lambda: _try(lambda: write_output(out, tables), failures))
        thread.start()
        thread.join()
        assert len(failures) == 1 and isinstance(failures[0], OutputLockedError), "another thread is another writer"
    assert not (out / LOCK_NAME).exists()


def _try(action, failures: list[BaseException]) -> None:
    try:
        action()
    except BaseException as exc:  # noqa: BLE001
        failures.append(exc)
