"""Broken and hostile files: each gives a clear ReportParseError (or loads) within 10 s and
bounded memory, and a batch holding all of them still parses the good files.

The files are generated (:mod:`reportparse.devtools.hostile`), once per session. Each case runs
in a forked child under an address-space limit of :data:`EXTRA_MEMORY` beyond what the child
had at the fork, and is killed after :data:`TIME_LIMIT` seconds: both bounds are generous on
purpose (docs/reliability.md has the measured figures), so the test is not
flaky on a loaded machine yet catches a hang or a blow-up. The file is read in that child
(``Limits(isolate=False)``): these tests hold the guards themselves, not the isolated reader
behind them (tests/ingest/test_sandbox.py).
"""

from __future__ import annotations

import multiprocessing
import resource
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pandas as pd
import pytest

import reportparse
from reportparse.devtools import hostile
from reportparse.errors import CorruptFileError, EncryptedPDFError, ReportParseError, ResourceLimitError
from reportparse.ingest.bombs import check_pdf_streams, check_zip_members, inflated_size
from reportparse.limits import Limits
from reportparse.pipeline import extract_tables

TIME_LIMIT = 10.0
EXTRA_MEMORY = 1024 * 2**20
"""Address space a case may add to the forked child, once warmed up (its allocators set up)."""


@pytest.fixture(scope="session")
def hostile_files(tmp_path_factory) -> dict[str, Path]:
    return hostile.write_cases(tmp_path_factory.mktemp("hostile"))


def _address_space() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * resource.getpagesize()


def _run_case(path: str, connection) -> None:
    """In the child: load (and tabulate) under the memory limit; report outcome, time, memory."""
    extract_tables(reportparse.load_text("1-ci bəndin icrasına dair:\n15 mart 2022-ci il."))  # warm-up
    resource.setrlimit(resource.RLIMIT_AS, (_address_space() + EXTRA_MEMORY, resource.RLIM_INFINITY))
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            document = reportparse.load(path, limits=Limits(isolate=False))
            tables = extract_tables(document)
        outcome = (
            "ok",
            f"{len(document.pages)} pages, {len(document.text)} chars, {len(tables['dates'])} dates",
            [type(w.message).__name__ for w in caught],
        )
    except ReportParseError as exc:
        outcome = (type(exc).__name__, str(exc), [])
    except BaseException as exc:  # noqa: BLE001 - reported to the parent as a failure
        outcome = ("unexpected " + type(exc).__name__, str(exc)[:500], [])
    growth = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - baseline) / 1024
    connection.send((*outcome, time.perf_counter() - started, growth))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork, RLIMIT_AS and /proc are Linux features")
@pytest.mark.parametrize("case", hostile.CASES, ids=[case.name for case in hostile.CASES])
def test_hostile_file_fails_clearly_in_bounded_time_and_memory(case, hostile_files):
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_run_case, args=(str(hostile_files[case.name]), send))
    child.start()
    finished = receive.poll(TIME_LIMIT)
    if not finished:
        child.kill()
    child.join()
    assert finished, f"{case.name}: no result within {TIME_LIMIT} s (exit code {child.exitcode})"
    kind, message, caught, seconds, growth_mb = receive.recv()
    print(f"{case.name}: {kind} in {seconds:.2f} s, peak RSS +{growth_mb:.0f} MB, warnings {caught}: {message[:120]}")
    expected = case.error.__name__ if case.error else "ok"
    assert kind == expected, f"{case.name}: expected {expected}, got {kind}: {message}"
    if case.error:
        assert hostile_files[case.name].name in message, "the message names the file"
        assert ";" in message, "the message says what to do"


def test_good_control_pdf_loads(tmp_path):
    path = tmp_path / "good.pdf"
    path.write_bytes(hostile.good_pdf(3))
    document = reportparse.load(path)
    assert len(document.pages) == 3 and "2-ci bendin icrasina dair" in document.text


# --- the limits themselves -------------------------------------------------------------------


def test_limits_are_configurable_and_named_in_the_error(hostile_files):
    with pytest.raises(ResourceLimitError, match=r"1,000 pages, more than the limit of 500 \(max_pages\)"):
        reportparse.load(hostile_files["1000-pages"], limits=Limits(max_pages=500))
    with pytest.raises(ResourceLimitError, match="max_file_bytes"):
        reportparse.load(hostile_files["1000-pages"], limits=Limits(max_file_bytes=1000))
    with pytest.raises(ResourceLimitError, match="max_chars"):
        reportparse.load(hostile_files["1000-pages"], limits=Limits(max_chars=5_000))
    with pytest.raises(ResourceLimitError, match="max_chars"):
        reportparse.load_text("söz " * 100, limits=Limits(max_chars=100))
    assert len(reportparse.load(hostile_files["1000-pages"], limits=Limits(max_pages=1_000)).pages) == 1_000


def test_bomb_guard_sees_through_chained_and_hidden_filters():
    import zlib

    payload = b"BT (x) Tj ET\n" * 200_000
    twice = zlib.compress(zlib.compress(payload))
    assert inflated_size(twice, 2, 1 << 40) == len(payload)
    assert inflated_size(twice, 1, 1 << 40) == len(payload), "a second zlib layer is found by its header"
    assert inflated_size(zlib.compress(payload), 1, 1000) < 2 * 2**20, "counting stops near the budget"
    bomb = hostile.bomb_pdf(inflated_bytes=64 * 2**20)
    hidden = bomb.replace(b"/Filter [/FlateDecode /FlateDecode]", b"/Filter 9 0 R".ljust(35))
    for data in (bomb, hidden):
        with pytest.raises(ResourceLimitError, match="max_stream_bytes"):
            check_pdf_streams(data, Limits(max_stream_bytes=32 * 2**20))
    under = Limits(max_stream_bytes=128 * 2**20, max_page_content_bytes=128 * 2**20, max_page_text_bytes=None)
    check_pdf_streams(bomb, under)  # under every limit: passes
    with pytest.raises(ResourceLimitError, match="max_inflated_bytes"):
        check_pdf_streams(hostile.thousand_page_pdf(), Limits(max_inflated_bytes=10_000))


def test_zip_bomb_docx_is_refused_before_inflating(tmp_path):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * (64 * 2**20))
    path = tmp_path / "bomb.docx"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 1_000_000
    with pytest.raises(ResourceLimitError, match="word/document.xml"):
        reportparse.load(path, limits=Limits(max_stream_bytes=16 * 2**20))
    check_zip_members(b"not a zip", Limits())  # left to the DOCX reader's own error


# --- a batch of them -------------------------------------------------------------------------


def test_batch_with_every_hostile_file_parses_the_good_ones(hostile_files, tmp_path):
    folder = hostile_files["bomb"].parent
    good = tmp_path / "good"
    good.mkdir()
    (good / "report.txt").write_text(reportparse.sample_report_path().read_text(encoding="utf-8"), encoding="utf-8")
    (good / "report.pdf").write_bytes(hostile.good_pdf(2))
    out = tmp_path / "out"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "reportparse",
            "parse",
            str(folder),
            str(good),
            "--out",
            str(out),
            "--jobs",
            "2",
            "--timeout",
            "60",
            "--quiet",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 3, run.stderr  # some failed
    documents = pd.read_csv(out / "documents.csv")
    parsed = {Path(p).name for p in documents["path"]}
    loadable = {case.filename for case in hostile.CASES if case.error is None}
    assert parsed == loadable | {"report.txt", "report.pdf"}
    errors = pd.read_csv(out / "errors.csv")
    failing = {case.filename: case.error.__name__ for case in hostile.CASES if case.error is not None}
    assert dict(zip(errors["path"].map(lambda p: Path(p).name), errors["error_type"], strict=True)) == failing


def test_a_damaged_pdf_after_an_encrypted_one_is_not_called_encrypted(tmp_path):
    """PDFium keeps its last error process-wide: in one worker, a file without a page tree read
    after an encrypted one must still be a CorruptFileError."""
    files = {}
    for case in hostile.CASES:
        if case.filename in ("encrypted.pdf", "zero-pages.pdf"):
            files[case.filename] = tmp_path / case.filename
            files[case.filename].write_bytes(case.make())
    here = Limits(isolate=False)  # one process, as in a batch worker
    with pytest.raises(EncryptedPDFError):
        reportparse.load(files["encrypted.pdf"], limits=here)
    with pytest.raises(CorruptFileError, match="no pages"):
        reportparse.load(files["zero-pages.pdf"], limits=here)
