"""--resume: files whose bytes changed replace their old rows; a folder whose tables contradict
each other is refused (status 2, naming the contradiction), while the rows an interrupted write
can leave are still dropped quietly."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import reportparse
from reportparse.batch.discover import file_doc_id
from reportparse.output.folder import read_output
from reportparse.output.lock import LOCK_NAME
from reportparse.output.resume import InconsistentOutputError
from tests.cli.test_cli import run

SAMPLE_TEXT = reportparse.sample_report_path().read_text(encoding="utf-8")
TABLE_FILES = ("documents", "sections", "dates", "organizations", "counts", "references", "errors")


def variant(index: int) -> str:
    return SAMPLE_TEXT.replace("2023-cü il üzrə", f"{2000 + index}-cü il üzrə")


def read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


@pytest.fixture
def parsed(tmp_path) -> tuple[Path, Path]:
    """Two reports parsed into out/."""
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    for index in range(2):
        (folder / f"r{index}.txt").write_text(variant(index), encoding="utf-8")
    assert run("parse", str(folder), "--out", str(out), "-j", "1").returncode == 0
    return folder, out


def test_a_file_changed_since_it_was_written_is_parsed_again_and_replaces_its_rows(parsed, tmp_path):
    folder, out = parsed
    old_id = file_doc_id(folder / "r0.txt")
    (folder / "r0.txt").write_text(variant(7), encoding="utf-8")
    resumed = run("parse", str(folder), "--out", str(out), "--resume", "-j", "1")
    assert resumed.returncode == 0, resumed.stderr
    assert "1 parsed, 0 failed, 1 already in" in resumed.stderr and "1 changed since the last run" in resumed.stderr
    documents = read(out / "documents.csv")
    assert documents["path"].is_unique and len(documents) == 2, "never two documents for one path"
    assert file_doc_id(folder / "r0.txt") in set(documents["doc_id"])
    for name in TABLE_FILES[1:-1]:
        assert old_id not in set(read(out / f"{name}.csv")["doc_id"]), f"stale rows left in {name}"
    fresh = tmp_path / "fresh"
    assert run("parse", str(folder), "--out", str(fresh), "-j", "1").returncode == 0
    for name in TABLE_FILES:
        assert (out / f"{name}.csv").read_bytes() == (fresh / f"{name}.csv").read_bytes(), name


def test_a_changed_file_that_now_fails_loses_its_stale_rows_too(parsed):
    folder, out = parsed
    (folder / "r1.txt").write_bytes(b"")  # emptied since
    resumed = run("parse", str(folder), "--out", str(out), "--resume", "-j", "1")
    assert resumed.returncode == 3, resumed.stderr
    assert [Path(p).name for p in read(out / "documents.csv")["path"]] == ["r0.txt"]
    assert [Path(p).name for p in read(out / "errors.csv")["path"]] == ["r1.txt"]


def _edit(out: Path, name: str, change) -> None:
    frame = read(out / f"{name}.csv")
    change(frame).to_csv(out / f"{name}.csv", index=False, lineterminator="\n")


def _duplicate_path(frame: pd.DataFrame) -> pd.DataFrame:
    return pd.concat([frame, frame.iloc[:1].assign(doc_id="0123456789ab")])


@pytest.mark.parametrize(
    ("table", "change", "message"),
    [
        ("sections", lambda f: f[f["doc_id"] != f["doc_id"].iloc[0]], "have no row in sections.csv"),
        ("documents", _duplicate_path, "two documents for one path"),
        ("documents", lambda f: pd.concat([f, f.iloc[:1]]), "lists a doc_id twice"),
        ("dates", lambda f: f.drop(columns=["date_start"]), "dates.csv lacks the column date_start"),
    ],
    ids=["document-without-sections", "two-rows-one-path", "doc-id-twice", "missing-column"],
)
def test_a_folder_whose_tables_contradict_each_other_is_refused(parsed, table, change, message):
    folder, out = parsed
    _edit(out, table, change)
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    with pytest.raises(InconsistentOutputError, match=message):
        read_output(out)
    resumed = run("parse", str(folder), "--out", str(out), "--resume")
    assert resumed.returncode == 2, resumed.stderr
    assert message in resumed.stderr and "--resume" in resumed.stderr and "new folder" in resumed.stderr
    assert "Traceback" not in resumed.stderr
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before, "nothing written"
    assert not (out / LOCK_NAME).exists()


def test_a_missing_or_unreadable_table_is_refused(parsed):
    folder, out = parsed
    (out / "counts.csv").unlink()
    resumed = run("parse", str(folder), "--out", str(out), "--resume")
    assert resumed.returncode == 2 and "counts.csv is missing" in resumed.stderr, resumed.stderr
    (out / "counts.csv").write_bytes(b'doc_id,item\n"unterminated\n')
    resumed = run("parse", str(folder), "--out", str(out), "--resume")
    assert resumed.returncode == 2 and "cannot read counts.csv" in resumed.stderr, resumed.stderr


def test_rows_a_cut_write_leaves_are_still_dropped_not_refused(parsed):
    folder, out = parsed
    documents = read(out / "documents.csv")
    _edit(out, "documents", lambda f: f.iloc[1:])  # documents written without r0 (a replaced file, or a cut)
    tables = read_output(out)
    assert set(tables["sections"]["doc_id"]) == set(documents["doc_id"].iloc[1:])
    resumed = run("parse", str(folder), "--out", str(out), "--resume")
    assert resumed.returncode == 0 and "1 parsed, 0 failed, 1 already in" in resumed.stderr, resumed.stderr
    assert read(out / "documents.csv").equals(documents)


def test_a_run_killed_just_after_dropping_a_changed_file_leaves_a_folder_that_resumes(parsed, monkeypatch, capsys):
    """The changed file's row leaves documents first, so a kill right then leaves only rows that
    documents does not list (dropped quietly), never a document without its rows."""
    from reportparse.cli import app as cli
    from reportparse.cli import parse as parse_cli

    folder, out = parsed
    old_id = file_doc_id(folder / "r0.txt")
    (folder / "r0.txt").write_text(variant(8), encoding="utf-8")

    def killed(*_args, **_kwargs):
        raise SystemExit(137)  # as if killed before parsing anything

    monkeypatch.setattr(parse_cli, "Collector", killed)
    with pytest.raises(SystemExit):
        cli.main(["parse", str(folder), "--out", str(out), "--resume", "--quiet"])
    assert old_id not in set(read(out / "documents.csv")["doc_id"])
    assert old_id in set(read(out / "sections.csv")["doc_id"]), "the other tables still hold its rows"
    assert old_id not in set(read_output(out)["sections"]["doc_id"]), "read back without them"
    monkeypatch.undo()
    assert cli.main(["parse", str(folder), "--out", str(out), "--resume", "--quiet", "-j", "0"]) == 0
    assert len(read(out / "documents.csv")) == 2 and old_id not in set(read(out / "sections.csv")["doc_id"])
