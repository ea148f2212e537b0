"""Files of formats reportparse does not read are counted by extension, never skipped silently."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import reportparse
from reportparse.batch.discover import discover, skipped_summary
from reportparse.tables import datapackage
from tests.cli.test_cli import run

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "corpus" / "html" / "dmx-2022-news-execution-report.html"
REPORT = ROOT / "corpus" / "reports" / "dmmx-2021-execution-report.txt"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_bytes(REPORT.read_bytes())
    (folder / "sub" / "b.html").write_bytes(PAGE.read_bytes())
    for name in ("plan.xlsx", "photo.jpg", "sub/scan.JPG", "README"):
        (folder / name).write_bytes(b"\x00not a report")
    return folder


def test_folders_and_patterns_count_what_they_skip(tmp_path):
    folder = _folder(tmp_path)
    found = discover([folder])
    assert found.files == [folder / "a.txt", folder / "sub" / "b.html"]
    assert found.skipped_files == Counter({".jpg": 2, ".xlsx": 1, "no extension": 1})
    assert found.notes == [
        "4 files in formats reportparse does not read skipped (2 .jpg, 1 .xlsx, 1 no extension); it reads"
        " .doc, .docx, .htm, .html, .odt, .pdf, .rtf, .text, .txt"
    ]
    by_pattern = discover([str(folder / "**" / "*")])
    assert by_pattern.files == found.files and by_pattern.skipped_files == found.skipped_files
    only_text = discover([str(folder / "*.txt")])
    assert only_text.files == [folder / "a.txt"] and not only_text.skipped_files and not only_text.notes


def test_a_file_named_explicitly_is_tried_not_counted(tmp_path):
    folder = _folder(tmp_path)
    found = discover([folder / "plan.xlsx"])
    assert found.files == [folder / "plan.xlsx"] and not found.skipped_files


def test_summary_lists_the_most_frequent_extensions_first():
    skipped = Counter({".a": 1, ".b": 5, ".c": 2, ".d": 2, ".e": 1, ".f": 1, ".g": 3})
    assert skipped_summary(skipped) == "5 .b, 3 .g, 2 .c, 2 .d, 1 .a, ..."


def test_corpus_notes_and_the_parse_summary_say_how_many_were_skipped(tmp_path):
    folder = _folder(tmp_path)
    corpus = reportparse.parse_many(folder, jobs=0, progress=False)
    assert sorted(Path(path).name for path in corpus.documents["path"]) == ["a.txt", "b.html"]
    assert any(note.startswith("4 files in formats reportparse does not read skipped") for note in corpus.notes)
    result = run("parse", str(folder), "--out", str(tmp_path / "out"), "--jobs", "0", "--quiet")
    assert result.returncode == 0, result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert "2 parsed, 0 failed, 4 skipped as not a report format (2 .jpg, 1 .xlsx, 1 no extension)" in last
    assert datapackage.validate(tmp_path / "out") == []  # "html" is a format of the documents table
