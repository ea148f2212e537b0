"""Discovery and symbolic links: loops, links inside and outside the input folder, --follow-links."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

import reportparse
from reportparse.batch.discover import discover
from tests.cli.test_cli import run

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")

SAMPLE_TEXT = reportparse.sample_report_path().read_text(encoding="utf-8")


def variant(index: int) -> str:
    return SAMPLE_TEXT.replace("2023-cü il üzrə", f"{2000 + index}-cü il üzrə")


@pytest.fixture
def tree(tmp_path) -> Path:
    """in/ with reports, loops and links inside; outside/ with reports and a loop of its own.

    in/a.txt, in/sub/b.txt              reports
    in/sub/up -> ..                     a loop (to in/)
    in/sub/twice -> ../sub              a folder inside, pointing inside
    in/a-again.txt -> a.txt             a file inside, pointing inside
    in/ext -> ../outside                a folder pointing outside
    in/c-link.txt -> ../outside/c.txt   a file pointing outside
    outside/c.txt, outside/deep/d.txt   reports outside
    outside/deep/back -> ..             a loop outside (to outside/)
    outside/deep/home -> ../../in       a link from outside back into in/
    """
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "outside" / "deep").mkdir(parents=True)
    for index, name in enumerate(["in/a.txt", "in/sub/b.txt", "outside/c.txt", "outside/deep/d.txt"]):
        (tmp_path / name).write_text(variant(index), encoding="utf-8")
    links = {
        "in/sub/up": "..",
        "in/sub/twice": "../sub",
        "in/a-again.txt": "a.txt",
        "in/ext": "../outside",
        "in/c-link.txt": "../outside/c.txt",
        "outside/deep/back": "..",
        "outside/deep/home": "../../in",
    }
    for name, target in links.items():
        os.symlink(target, tmp_path / name)
    return tmp_path


def _names(paths, root: Path) -> list[str]:
    return [Path(p).relative_to(root).as_posix() for p in paths]


@pytest.mark.parametrize("pattern", ["{in}", "{in}/**/*.txt", "{in}/**", "{in}/*/"])
def test_links_inside_and_loops_give_each_file_once_and_outside_links_are_counted(tree, pattern):
    started = time.monotonic()
    found = discover([pattern.format(**{"in": tree / "in"})])
    assert time.monotonic() - started < 5, "no walk around a loop"
    expected = ["in/sub/b.txt"] if pattern.endswith("*/") else ["in/a.txt", "in/sub/b.txt"]
    assert _names(found.files, tree) == expected
    skipped = {"in/ext", "in/c-link.txt"} if not pattern.endswith("*/") else {"in/ext"}
    assert set(_names(found.skipped_links, tree)) == skipped
    assert any("not followed" in note and "--follow-links" in note for note in found.notes)


def test_follow_links_follows_outside_links_without_duplicates_or_hanging(tree):
    for pattern in (tree / "in", f"{tree / 'in'}/**/*.txt"):
        found = discover([pattern], follow_links=True)
        assert not found.skipped_links and not any("not followed" in note for note in found.notes)
        real = [os.path.realpath(path) for path in found.files]
        assert len(real) == len(set(real)), "each file once"
        assert sorted(_names(real, tree)) == ["in/a.txt", "in/sub/b.txt", "outside/c.txt", "outside/deep/d.txt"]


def test_two_input_folders_do_not_count_links_between_them(tree):
    found = discover([tree / "in", tree / "outside"])
    assert _names(found.skipped_links, tree) == [], "in/ext and in/c-link.txt point into an input folder"
    assert sorted(_names(found.files, tree)) == ["in/a.txt", "in/sub/b.txt", "outside/c.txt", "outside/deep/d.txt"]


def test_a_link_named_explicitly_is_always_used(tree):
    assert _names(discover([tree / "in" / "c-link.txt"]).files, tree) == ["in/c-link.txt"]
    assert _names(discover([tree / "in" / "ext"]).files, tree) == ["in/ext/c.txt", "in/ext/deep/d.txt"]


def test_cli_and_parse_many_follow_links_only_when_asked(tree):
    out = tree / "out"
    result = run("parse", str(tree / "in"), "--out", str(out), "--jobs", "1")
    assert result.returncode == 0, result.stderr
    assert "2 symbolic links pointing outside the input folders not followed" in result.stderr
    assert "2 parsed, 0 failed, 2 symbolic link(s) not followed (--follow-links)" in result.stderr
    followed = run("parse", str(tree / "in"), "--out", str(tree / "out2"), "--jobs", "1", "--follow-links")
    assert followed.returncode == 0 and "4 parsed, 0 failed" in followed.stderr, followed.stderr
    corpus = reportparse.parse_many(tree / "in", jobs=0, progress=False)
    assert len(corpus) == 2 and any("--follow-links" in note for note in corpus.notes)
    assert len(reportparse.parse_many(tree / "in", jobs=0, progress=False, follow_links=True)) == 4
