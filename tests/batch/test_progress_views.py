"""Progress as each user meets it: a bar within the terminal's width, one updating display in a
notebook, log lines elsewhere."""

from __future__ import annotations

import fcntl
import io
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import types

import pytest

import reportparse
from reportparse.batch import progress as progress_module
from reportparse.batch.progress import NotebookBar, Progress, choose_view, fit_bar, in_notebook

LONG = "reportparse: 1234/5678 files, 12.3 files/s, ETA 1:02:03, 17 failed"


def frames(output: str) -> list[str]:
    """What the terminal shows after each redraw: the text between carriage returns and line ends."""
    return [re.sub(r"\x1b\[K", "", part) for part in re.split(r"[\r\n]", output) if part]


@pytest.mark.parametrize("columns", [20, 40, 60, 100])
def test_the_bar_is_never_wider_than_the_terminal(columns):
    stream = io.StringIO()
    bar = Progress(5678, stream=stream, interactive=True, columns=columns)
    for index in range(5678):
        bar.advance(failed=index % 300 == 0)
    bar.close()
    drawn = frames(stream.getvalue())
    assert drawn and all(len(frame) < columns for frame in drawn)
    assert stream.getvalue().count("\n") == 1  # redrawn in place, one line ended by close()
    assert "5678/5678 files" in drawn[-1] or drawn[-1].endswith("…")


def test_the_width_comes_from_columns(monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    stream = io.StringIO()
    bar = Progress(3, stream=stream, interactive=True)
    for _ in range(3):
        bar.advance(failed=True)
    bar.close()
    assert all(len(frame) <= 59 for frame in frames(stream.getvalue()))
    assert "[" in stream.getvalue()  # 60 columns leave room for a (shorter) bar


def test_fit_bar_drops_the_bar_before_cutting_the_status():
    assert fit_bar(1.0, "3/3 files", 80).startswith("[" + "#" * 24 + "]")
    assert fit_bar(0.0, "3/3 files", 14) == "3/3 files"
    assert fit_bar(0.0, LONG, 30) == LONG[:28] + "…"


def test_parse_on_a_60_column_terminal_redraws_in_place(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    text = reportparse.sample_report_path().read_text(encoding="utf-8")
    for index in range(6):
        (folder / f"hesabat-{index:02d}-{'uzun-ad' * 8}.txt").write_text(text + f"\n{index}", encoding="utf-8")
    for index in range(2):
        (folder / f"pozuq-{index}.pdf").write_bytes(b"not a PDF")  # failures lengthen the status
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 60, 0, 0))
    env = {key: value for key, value in os.environ.items() if key != "COLUMNS"}
    process = subprocess.Popen(
        [sys.executable, "-m", "reportparse", "parse", str(folder), "--out", str(tmp_path / "out"), "--jobs", "0"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=follower,
        env={**env, "PYTHONIOENCODING": "utf-8"},
    )
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 120)
        try:
            chunk = os.read(leader, 4096) if ready else b""
        except OSError:  # the child closed the terminal
            chunk = b""
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait(timeout=120) == 3  # some failed
    output = b"".join(chunks).decode("utf-8")
    bars = [frame for frame in frames(output) if frame.startswith("[") and "files" in frame]
    assert bars and "8/8 files" in bars[-1] and "2 failed" in bars[-1], output
    assert all(len(frame) <= 59 for frame in bars), bars


def fake_ipython(monkeypatch, shell_class: str | None, config: dict | None = None):
    shell = None if shell_class is None else type(shell_class, (), {"config": config or {}})()
    monkeypatch.setitem(sys.modules, "IPython", types.SimpleNamespace(get_ipython=lambda: shell))


def test_a_notebook_kernel_is_recognised(monkeypatch):
    monkeypatch.delitem(sys.modules, "IPython", raising=False)
    assert not in_notebook()  # IPython never imported: a script
    fake_ipython(monkeypatch, None)
    assert not in_notebook()  # IPython imported, no shell running
    fake_ipython(monkeypatch, "TerminalInteractiveShell")
    assert not in_notebook()  # the ipython console has a terminal
    fake_ipython(monkeypatch, "ZMQInteractiveShell")
    assert in_notebook()
    fake_ipython(monkeypatch, "Shell", {"IPKernelApp": {}})  # Colab's shell
    assert in_notebook()


def test_the_view_is_chosen_by_where_progress_goes(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr(sys, "stderr", io.StringIO())
    fake_ipython(monkeypatch, "ZMQInteractiveShell")
    assert choose_view(None) == "notebook"
    assert choose_view(io.StringIO()) == "log"  # a stream of one's own is written to as it is
    assert choose_view(None, interactive=False) == "log"
    monkeypatch.setattr(sys, "stderr", Terminal())
    assert choose_view(None) == "bar"  # a terminal wins (jupyter console, a kernel's own terminal)
    fake_ipython(monkeypatch, "TerminalInteractiveShell")
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert choose_view(None) == "log"


class Handle:
    def __init__(self, calls):
        self.calls = calls

    def update(self, data, **options):
        self.calls.append(("update", data, options))


def recording_display(calls):
    def display(data, **options):
        calls.append(("display", data, options))
        return Handle(calls)

    return display


def test_a_notebook_gets_one_display_updated_in_place(monkeypatch):
    calls = []
    clock = iter(range(1000))
    monkeypatch.setattr(progress_module.time, "monotonic", lambda: float(next(clock)))
    bar = Progress(4, notebook=NotebookBar(display=recording_display(calls)))
    for index in range(4):
        bar.advance(failed=index == 1)
    bar.close()
    assert [call[0] for call in calls].count("display") == 1
    assert calls[0][2] == {"raw": True, "display_id": True}
    assert all(call[0] == "update" for call in calls[1:]) and len(calls) >= 4
    last = calls[-1][1]
    assert last["text/plain"].startswith("reportparse: 4/4 files") and "1 failed" in last["text/plain"]
    assert '<progress value="4" max="4"' in last["text/html"]


def test_parse_many_in_a_notebook_writes_nothing_to_stderr(monkeypatch, capsys):
    calls = []
    fake_ipython(monkeypatch, "ZMQInteractiveShell")
    monkeypatch.setitem(sys.modules, "IPython.display", types.SimpleNamespace(display=recording_display(calls)))
    corpus = reportparse.parse_many([reportparse.sample_report_path()], jobs=0)
    assert len(corpus) == 1
    assert capsys.readouterr().err == ""
    assert calls and calls[0][0] == "display" and "1/1 files" in calls[-1][1]["text/plain"]


def test_the_ocr_page_bar_fits_too():
    from reportparse.ingest import ocr

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    for columns in (40, 60, 100):
        terminal = Terminal()
        bar = ocr.PageProgress(
            12, name="skan-" + "çox-uzun-ad-" * 10 + ".pdf", enabled=True, stream=terminal, columns=columns
        )
        for _page in range(12):
            bar.advance()
        bar.close()
        drawn = frames(terminal.getvalue())
        assert len(drawn) == 12 and all(len(frame) < columns for frame in drawn)
        assert drawn[-1].startswith("skan-çox") and "… " in drawn[-1] and "12/12 pages" in drawn[-1]
        assert terminal.getvalue().count("\n") == 1
