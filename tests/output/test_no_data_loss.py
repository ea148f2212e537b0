"""No data loss in batch mode: 1,000 files, 5 % of them broken, through ``reportparse parse``.

* an uninterrupted run ends with 950 documents in documents.csv and 50 rows in errors.csv;
* a run killed with SIGKILL after its first checkpoint, then re-run with ``--resume``, ends
  with exactly the tables of the uninterrupted run (every CSV compared line for line). The
  killed run cannot release its lock: the re-run names it as stale and stops (status 2) until
  ``--force-unlock`` is given.

The files are small text reports (plus broken .txt, .pdf and .docx); the module takes about
80 s with ``--jobs 2`` on a 2-core machine (docs/reliability.md), hence the ``slow`` mark: it
runs in CI, ``-m 'not slow'`` skips it while editing.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from reportparse.cli import parse as parse_cli
from reportparse.devtools import hostile

pytestmark = pytest.mark.slow

GOOD, BROKEN = 950, 50
TABLE_FILES = ("documents", "sections", "dates", "organizations", "counts", "references")


def _report(index: int) -> str:
    day, month = index % 28 + 1, ("mart", "aprel", "may", "iyun")[index % 4]
    return (
        f"Dövlət Xidmətinin 2022-ci il üzrə hesabatı № {index}\n\n"
        f"1-ci bəndin icrasına dair (Təlim {index}):\n"
        f"{day} {month} 2022-ci il tarixdə {index % 90 + 10} nəfər əməkdaş təlimdə iştirak etmişdir.\n\n"
        f"2-ci bənd üzrə:\nHesabat dekabrın 30-dək Nazirlər Kabinetinə təqdim edilmişdir.\n"
    )


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    """1,000 inputs: 950 distinct reports and 50 broken files, shuffled into 10 folders."""
    root = tmp_path_factory.mktemp("batch")
    rng = random.Random(1000)
    broken = [
        ("txt", b"hesabat \xc3\x28 pozulub "),
        ("pdf", hostile.garbage_pdf(512, seed=0)),
        ("docx", hostile.docx_not_zip()),
    ]
    files = [(f"report-{i:04d}.txt", _report(i).encode()) for i in range(GOOD)]
    for i in range(BROKEN):
        suffix, data = broken[i % 3]
        files.append((f"broken-{i:02d}.{suffix}", data + str(i).encode()))
    rng.shuffle(files)
    for number, (name, data) in enumerate(files):
        folder = root / f"part-{number % 10}"
        folder.mkdir(exist_ok=True)
        (folder / name).write_bytes(data)
    return root


def _parse(inputs: Path, out: Path, *extra: str, checkpoint: float | None = None) -> subprocess.Popen:
    code = "import sys; from reportparse.cli.app import main; sys.exit(main(sys.argv[1:]))"
    if checkpoint is not None:  # checkpoint often, so a kill lands after some files are written
        code = f"import reportparse.cli.parse as p; p.CHECKPOINT_SECONDS = {checkpoint}; " + code
    return subprocess.Popen(
        [sys.executable, "-c", code, "parse", str(inputs), "--out", str(out), "--jobs", "2", "--quiet", *extra],
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _lines(path: Path) -> list[str]:
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    return [header, *sorted(rows)]


@pytest.fixture(scope="module")
def uninterrupted(batch, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("uninterrupted")
    run = _parse(batch, out)
    _, stderr = run.communicate(timeout=600)
    assert run.returncode == 3, stderr  # some inputs failed, the others were parsed
    return out


def test_every_good_file_is_in_the_tables_and_every_broken_one_in_errors(uninterrupted):
    documents = pd.read_csv(uninterrupted / "documents.csv")
    errors = pd.read_csv(uninterrupted / "errors.csv")
    assert len(documents) == GOOD and documents["doc_id"].is_unique
    assert len(errors) == BROKEN and errors["path"].str.contains("broken-").all()
    assert set(errors["error_type"]) == {"DecodingError", "CorruptFileError"}
    sections = pd.read_csv(uninterrupted / "sections.csv")
    assert set(sections["doc_id"]) == set(documents["doc_id"])
    assert len(pd.read_csv(uninterrupted / "dates.csv")) >= 2 * GOOD


@pytest.mark.skipif(not hasattr(parse_cli, "CHECKPOINT_SECONDS"), reason="parse_cli.CHECKPOINT_SECONDS is gone")
def test_killed_run_resumed_gives_exactly_the_uninterrupted_tables(batch, uninterrupted, tmp_path):
    out = tmp_path / "killed"
    run = _parse(batch, out, checkpoint=0.5)
    documents, deadline = out / "documents.csv", time.monotonic() + 300
    while not documents.exists() and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(run.pid, signal.SIGKILL)  # the parent and its workers, without any chance to write
    run.communicate()
    assert documents.exists(), "no checkpoint was written before the kill"
    written = len(pd.read_csv(documents))
    assert 0 < written < GOOD, f"the kill should land mid-run ({written} documents written)"

    refused = _parse(batch, out, "--resume")
    _, stderr = refused.communicate(timeout=600)
    assert refused.returncode == 2 and f"pid {run.pid}" in stderr and "--force-unlock" in stderr, stderr
    assert len(pd.read_csv(documents)) == written, "a refused run writes nothing"

    resumed = _parse(batch, out, "--resume", "--force-unlock")
    _, stderr = resumed.communicate(timeout=600)
    assert resumed.returncode == 3, stderr
    assert f"{written} already in" in stderr
    for name in (*TABLE_FILES, "errors"):
        assert _lines(out / f"{name}.csv") == _lines(uninterrupted / f"{name}.csv"), name
    assert not (out / ".reportparse.lock").exists(), "the resumed run released its lock"
