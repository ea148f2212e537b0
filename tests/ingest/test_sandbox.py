"""Reading PDF and DOCX files in a child process (reportparse.ingest.sandbox): the same result as
reading them in-process, and a crash, a runaway or an exhausted memory becomes an error naming the
file, never a dead interpreter. Batch workers, isolated already, read in-process."""

from __future__ import annotations

import dataclasses
import os
import sys
import threading
import time
import warnings
from pathlib import Path

import pytest
from lxml import etree

import reportparse
from reportparse.batch.workers import run_pool
from reportparse.devtools import hostile
from reportparse.errors import CorruptFileError, EncryptedPDFError, NoTextLayerWarning, ResourceLimitError
from reportparse.ingest import loader, sandbox
from reportparse.limits import Limits

ROOT = Path(__file__).resolve().parents[2]
HERE = Limits(isolate=False)
GUARD_OFF = Limits(
    max_stream_bytes=None,
    max_inflated_bytes=None,
    max_page_content_bytes=None,
    max_form_draws=None,
    max_page_text_bytes=None,
)

pytestmark = pytest.mark.skipif(not sandbox.available(), reason="needs fork and fd passing (POSIX)")


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _server_pid() -> int:
    server = sandbox._server
    assert server is not None and server.alive(), "the file was not read in the isolated reader"
    return server.process.pid


def test_isolated_reading_gives_exactly_the_in_process_result():
    paths = sorted((ROOT / "corpus" / "pdf").glob("*.pdf")) + sorted((ROOT / "corpus" / "docx").glob("*.docx"))
    assert len(paths) >= 6
    for path in paths:
        isolated = reportparse.load(path)
        assert _server_pid() != os.getpid()
        here = reportparse.load(path, limits=HERE)
        assert isolated.raw == here.raw and isolated.text == here.text and isolated.doc_id == here.doc_id, path
    plumber = ROOT / "corpus" / "pdf" / "dgta-2020-execution-report.pdf"
    assert (
        reportparse.load(plumber, pdf_engine="pdfplumber").raw
        == reportparse.load(plumber, pdf_engine="pdfplumber", limits=HERE).raw
    )


@pytest.mark.shared_corpus
def test_isolated_reading_of_the_shared_corpus_pdfs_is_identical_too():
    paths = sorted((ROOT.parent / "shared" / "corpus" / "pdf").glob("*.pdf"))
    if not paths:
        pytest.skip("../shared/corpus/pdf is absent")
    for path in paths:
        assert reportparse.load(path).raw == reportparse.load(path, limits=HERE).raw, path


def test_the_default_goes_through_the_child_and_isolate_false_does_not(tmp_path, monkeypatch):
    path = _write(tmp_path, "report.pdf", hostile.good_pdf(2))

    def refuse(*args, **kwargs):
        raise AssertionError("read in the child")

    monkeypatch.setattr(sandbox, "read", refuse)
    assert "2-ci bendin" in reportparse.load(path, limits=HERE).text
    with pytest.raises(AssertionError, match="read in the child"):
        reportparse.load(path)
    monkeypatch.setattr(sandbox, "_isolated", True)  # as in a batch worker (mark_isolated)
    assert "2-ci bendin" in reportparse.load(path).text


def test_warnings_and_errors_cross_over_unchanged(tmp_path):
    partly_scanned = _write(tmp_path, "partly.pdf", hostile.text_pdf([["Hesabat 2022"], []]))
    caught = {}
    for name, limits in (("isolated", Limits()), ("here", HERE)):
        with warnings.catch_warnings(record=True) as found:
            warnings.simplefilter("always")
            reportparse.load(partly_scanned, limits=limits)
        caught[name] = [(warning.category, str(warning.message)) for warning in found]
    assert (
        caught["isolated"]
        == caught["here"]
        == [(NoTextLayerWarning, f"{partly_scanned}: pages without text (scanned?): 2")]
    )

    encrypted = _write(tmp_path, "locked.pdf", hostile.encrypted_pdf())
    with pytest.raises(EncryptedPDFError, match="pass password") as raised:
        reportparse.load(encrypted)
    assert raised.value.path == str(encrypted)
    assert reportparse.load(encrypted, password="gizli").text
    with pytest.raises(CorruptFileError, match="not a readable PDF") as raised:
        reportparse.load(_write(tmp_path, "garbage.pdf", hostile.garbage_pdf()))
    assert raised.value.path.endswith("garbage.pdf")
    with pytest.raises(ValueError, match="unknown PDF engine"):
        reportparse.load(partly_scanned, pdf_engine="nope")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is enforced on Linux")
def test_a_native_abort_is_an_error_and_the_interpreter_lives_on(tmp_path):
    """The 4 GiB bomb with the guard off: PDFium aborts in the child (SIGABRT) under the memory limit."""
    bomb = _write(tmp_path, "bomb.pdf", hostile.bomb_pdf())
    started = time.monotonic()
    with pytest.raises((ResourceLimitError, CorruptFileError), match="bomb.pdf") as raised:
        reportparse.load(bomb, limits=dataclasses.replace(GUARD_OFF, max_memory_mb=1024))
    assert "max_memory_mb" in str(raised.value) or "crashed" in str(raised.value)
    assert time.monotonic() - started < 30
    assert "2-ci bendin" in reportparse.load(_write(tmp_path, "next.pdf", hostile.good_pdf(2))).text


def test_a_runaway_is_stopped_at_max_seconds(tmp_path):
    slow = _write(tmp_path, "many.pdf", hostile.many_objects_pdf())  # pdfplumber: several seconds
    reportparse.load(_write(tmp_path, "warm.pdf", hostile.good_pdf(1)))  # the server is up
    started = time.monotonic()
    with pytest.raises(ResourceLimitError, match=r"many.pdf: .*longer than the limit of 0.5 s \(max_seconds\)"):
        reportparse.load(slow, pdf_engine="pdfplumber", limits=Limits(max_seconds=0.5))
    assert time.monotonic() - started < 3


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is enforced on Linux")
def test_out_of_memory_in_lxml_or_pdfminer_is_a_resource_limit(tmp_path):
    big = _write(tmp_path, "big.docx", hostile.big_docx())
    with pytest.raises(ResourceLimitError, match=r"big.docx: .*limit of 100 MB \(max_memory_mb\)"):
        reportparse.load(big, limits=Limits(max_memory_mb=100))
    many = _write(tmp_path, "many.pdf", hostile.many_objects_pdf())
    with pytest.raises(ResourceLimitError, match=r"many.pdf: .*\(max_memory_mb\)"):
        reportparse.load(many, pdf_engine="pdfplumber", limits=Limits(max_memory_mb=40))


def test_memory_reported_as_damage_is_a_resource_limit_in_process_too(tmp_path, monkeypatch):
    assert sandbox.caused_by_memory(etree.XMLSyntaxError("unknown error", 2, 0, 0))
    assert not sandbox.caused_by_memory(etree.XMLSyntaxError("Opening and ending tag mismatch", 76, 1, 1))
    path = _write(tmp_path, "report.docx", b"PK")

    def exhausted(path, data, **options):
        try:
            raise MemoryError
        except MemoryError as exc:
            raise CorruptFileError("not a valid DOCX file", path=path) from exc

    monkeypatch.setitem(loader.READERS, ".docx", exhausted)
    with pytest.raises(ResourceLimitError, match="report.docx: reading the file needs more than this process"):
        reportparse.load(path, limits=HERE)


def test_threads_read_at_the_same_time():
    paths = sorted((ROOT / "corpus" / "pdf").glob("*.pdf")) * 3
    expected = {path: reportparse.load(path, limits=HERE).raw for path in set(paths)}
    results: dict[int, object] = {}

    def read(index: int, path: Path) -> None:
        results[index] = reportparse.load(path).raw

    threads = [threading.Thread(target=read, args=item) for item in enumerate(paths)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert [results.get(index) for index in range(len(paths))] == [expected[path] for path in paths]


def _descendants(pid: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    parents[int(entry)] = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _is_server(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            return b"sandbox import serve" in cmdline.read()
    except OSError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="walks /proc")
def test_batch_workers_read_in_process_without_a_second_child(tmp_path):
    files = [_write(tmp_path, f"r{index}.pdf", hostile.good_pdf(2 + index)) for index in range(4)]
    seen: set[int] = set()
    for result in run_pool(files, jobs=2):
        assert result.ok, result
        seen |= {pid for pid in _descendants(os.getpid()) if _is_server(pid)}
    own = sandbox._server.process.pid if sandbox._server is not None else None
    assert seen <= {own}, "a batch worker started an isolated reader of its own"


def test_log_records_of_the_child_travel_to_the_caller():
    """What pdfminer logs in the child is handed to the caller's loggers: records must pickle."""
    import logging
    import pickle

    keeper = sandbox._LogKeeper()
    logger = logging.getLogger("pdfminer.reportparse-test")
    logger.addHandler(keeper)
    try:
        logger.warning("font %s has no widths", object())
        logger.info("not kept: below warning")
    finally:
        logger.removeHandler(keeper)
    (record,) = pickle.loads(pickle.dumps(keeper.records))
    assert record.name == "pdfminer.reportparse-test" and record.getMessage().startswith("font <object object")


def test_every_project_error_survives_the_trip_from_the_child():
    """The child sends reportparse's own errors back without a trial copy: they must pickle, path kept."""
    import inspect
    import pickle

    from reportparse import errors

    classes = [
        cls
        for _, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, errors.ReportParseError) and cls.__module__ == errors.__name__
    ]
    assert len(classes) >= 8
    for cls in classes:
        error = cls("broken", path="/data/hesabat.pdf")
        copy = pickle.loads(pickle.dumps(error, protocol=pickle.HIGHEST_PROTOCOL))
        assert type(copy) is cls
        assert str(copy) == str(error) == "/data/hesabat.pdf: broken"
        assert copy.path == "/data/hesabat.pdf"
    decoding = pickle.loads(pickle.dumps(errors.DecodingError("bad byte", path="a.txt", offset=7)))
    assert decoding.offset == 7
