"""Legacy formats (.doc, .odt, .rtf) through LibreOffice or antiword; a clear error without them."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import reportparse
from reportparse.errors import ConverterMissingError, CorruptFileError, ResourceLimitError, UnsupportedFormatError
from reportparse.ingest import legacy
from reportparse.limits import Limits

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_DOCX = ROOT / "corpus" / "docx" / "sample-dax-2023-execution-report.docx"
needs_libreoffice = pytest.mark.skipif(
    legacy.libreoffice() is None,
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui (.ci/run does)",
)
needs_antiword = pytest.mark.skipif(
    legacy.antiword() is None, reason="antiword is not installed: apt-get install antiword (.ci/run does)"
)

REPORT = [
    "Dövlət Arxiv Xidmətinin Tədbirlər Planının 2023-cü ildə icrası barədə",
    "HESABAT",
    "1-ci bəndin icrasına dair (Arxiv sənədlərinə çıxış qaydalarının sadələşdirilməsi):",
    "Qaydanın yeni redaksiyası 2023-cü il 28 yanvar tarixində təsdiq edilmiş, 37 təklifdən 21-i nəzərə alınmışdır.",
    "2-ci bəndin icrasına dair (Elektron arxiv xidmətlərinin genişləndirilməsi):",
    "Əhaliyə 4 yeni elektron xidmət göstərilmiş, 2023-cü il ərzində 12 600 müraciət qəbul edilmişdir.",
]


def rtf(paragraphs: list[str]) -> bytes:
    """An RTF document as a word processor writes it: ASCII, other letters as \\uN? escapes."""

    def escape(text: str) -> str:
        return "".join(ch if ord(ch) < 128 else f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536}?" for ch in text)

    body = "".join(f"{{\\pard {escape(paragraph)}\\par}}\n" for paragraph in paragraphs)
    header = "{\\rtf1\\ansi\\ansicpg1254\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\\f0\\fs24\n"
    return (header + body + "}").encode("ascii")


@pytest.fixture
def no_converter(monkeypatch):
    monkeypatch.setattr(legacy.shutil, "which", lambda name, *args, **kwargs: None)


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> dict[str, Path]:
    """The sample DOCX saved by LibreOffice as .doc and .odt."""
    if legacy.libreoffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    folder = tmp_path_factory.mktemp("legacy")
    shutil.copy(SAMPLE_DOCX, folder / "sample.docx")
    found = {}
    for suffix in ("doc", "odt"):
        profile = (folder / f"profile-{suffix}").as_uri()
        subprocess.run(
            [legacy.libreoffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to", suffix]
            + ["--outdir", str(folder), str(folder / "sample.docx")],
            check=True,
            capture_output=True,
            timeout=180,
        )
        found[suffix] = folder / f"sample.{suffix}"
    return found


def test_without_a_converter_the_error_names_what_to_install(tmp_path, no_converter):
    doc = tmp_path / "hesabat.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    with pytest.raises(ConverterMissingError, match="apt-get install libreoffice-writer-nogui") as caught:
        reportparse.load(doc)
    assert "antiword" in str(caught.value) and "save the file as .docx" in str(caught.value)
    assert isinstance(caught.value, UnsupportedFormatError)
    odt = tmp_path / "hesabat.rtf"
    odt.write_bytes(rtf(REPORT))
    with pytest.raises(ConverterMissingError) as caught:
        reportparse.load(odt)
    assert "antiword" not in str(caught.value)


def test_without_a_converter_a_batch_lists_the_file_in_errors(tmp_path, no_converter):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("\n".join(REPORT), encoding="utf-8")
    (folder / "b.rtf").write_bytes(rtf(REPORT))
    corpus = reportparse.parse_many(folder, jobs=0, progress=False)
    assert list(corpus.documents["path"]) == [str(folder / "a.txt")]
    assert corpus.errors[["path", "error_type"]].values.tolist() == [[str(folder / "b.rtf"), "ConverterMissingError"]]
    corpus.to_csv(tmp_path / "out")
    assert "libreoffice-writer-nogui" in (tmp_path / "out" / "errors.csv").read_text(encoding="utf-8")


def test_bytes_that_are_not_the_format_are_refused_before_any_tool_runs(tmp_path, monkeypatch):
    monkeypatch.setattr(legacy, "_run", lambda *args, **kwargs: pytest.fail("no converter may run"))
    for name, data, what in (
        ("a.rtf", b"Hesabat", "not an RTF document"),
        ("b.doc", b"\xd0\xcf\x11\xe0", "not a Word 97-2003 document"),
        ("c.odt", b"{\\rtf1}", "not an OpenDocument text"),
    ):
        (tmp_path / name).write_bytes(data)
        with pytest.raises(CorruptFileError, match=what):
            reportparse.load(tmp_path / name)


@needs_libreoffice
def test_rtf_written_by_hand_is_parsed(tmp_path):
    path = tmp_path / "hesabat.rtf"
    data = rtf(REPORT)
    path.write_bytes(data)
    report = reportparse.parse(path)
    assert [line for line in report.document.text.split("\n") if line.strip()] == REPORT
    assert list(report.sections["item"].dropna()) == ["1", "2"]
    assert "2023-01-28" in set(report.dates["date_start"].astype(str))
    row = report.documents.iloc[0]
    assert (row["format"], row["extractor"]) == ("rtf", "libreoffice+python-docx")
    assert row["doc_id"] == hashlib.sha256(data).hexdigest()[:12]
    in_process = legacy.read(path, data, limits=Limits(isolate=False))  # python-docx here, not in a child
    assert in_process.pages == report.document.raw.pages and in_process.format == "rtf"


@needs_libreoffice
@pytest.mark.parametrize("suffix", ["doc", "odt"])
def test_doc_and_odt_give_the_docx_text(converted, suffix):
    document = reportparse.load(converted[suffix])
    assert document.text == reportparse.load(SAMPLE_DOCX).text
    assert document.raw.format == suffix
    assert document.raw.sha256 == hashlib.sha256(converted[suffix].read_bytes()).hexdigest()


@needs_antiword
def test_antiword_reads_doc_without_libreoffice(converted, monkeypatch):
    monkeypatch.setattr(legacy, "libreoffice", lambda: None)
    document = reportparse.load(converted["doc"])
    assert document.raw.extractor == "antiword"
    items = list(reportparse.parse(converted["doc"]).sections["item"].dropna())
    assert items == list(reportparse.parse(SAMPLE_DOCX).sections["item"].dropna())
    assert "Dövlət Arxiv Xidmətinin" in document.text


def _fake_converter(tmp_path: Path, script: str) -> Path:
    tool = tmp_path / "fake-soffice"
    tool.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    tool.chmod(0o755)
    return tool


def test_a_converter_that_runs_over_is_killed_with_its_children(tmp_path, monkeypatch):
    pid_file = tmp_path / "pids"
    tool = _fake_converter(tmp_path, f"sleep 60 & echo $! > {pid_file}; echo $$ >> {pid_file}; wait")
    monkeypatch.setattr(legacy, "libreoffice", lambda: str(tool))
    path = tmp_path / "hesabat.rtf"
    path.write_bytes(rtf(REPORT))
    started = time.monotonic()
    with pytest.raises(ResourceLimitError, match="took longer than 1 s"):
        legacy.read(path, path.read_bytes(), limits=Limits(max_seconds=1))
    assert time.monotonic() - started < 10
    for pid in map(int, pid_file.read_text().split()):
        assert _dead(pid), pid


def _dead(pid: int) -> bool:
    """Gone, or a zombie (killed; a container's init may never reap it)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().rsplit(")", 1)[1].split()[0] == "Z"


def test_a_converter_that_writes_nothing_is_a_corrupt_file(tmp_path, monkeypatch):
    tool = _fake_converter(tmp_path, "echo 'Error: source file could not be loaded' >&2")
    monkeypatch.setattr(legacy, "libreoffice", lambda: str(tool))
    path = tmp_path / "hesabat.rtf"
    path.write_bytes(rtf(REPORT))
    with pytest.raises(CorruptFileError, match="LibreOffice could not convert it .Error: source file could not be"):
        legacy.read(path, path.read_bytes())


@needs_libreoffice
def test_the_converter_is_not_held_to_a_batch_workers_memory_limit(tmp_path):
    """A worker with --memory-limit 100 (its size + 100 MB of address space): LibreOffice needs more."""
    path = tmp_path / "hesabat.rtf"
    path.write_bytes(rtf(REPORT))
    script = (
        "import re, resource, sys\n"
        "from pathlib import Path\n"
        "from reportparse.ingest import legacy\n"
        "from reportparse.limits import Limits\n"
        "size = int(re.search(r'VmSize:\\s+(\\d+)', Path('/proc/self/status').read_text())[1]) * 1024\n"
        "resource.setrlimit(resource.RLIMIT_AS, (size + 100 * 2**20, resource.getrlimit(resource.RLIMIT_AS)[1]))\n"
        "path = Path(sys.argv[1])\n"
        "print(legacy.read(path, path.read_bytes(), limits=Limits(isolate=False)).pages[0].split(chr(10))[0])\n"
    )
    if not Path("/proc/self/status").exists():
        pytest.skip("needs /proc (Linux) to measure the process's address space")
    result = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == REPORT[0]
