"""The README as a new user meets it: short, the two set-up commands CI runs, every table's columns
described, and links (to docs/ and within it) that lead somewhere. Its examples run in
tests/test_doctests.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reportparse.pipeline import TABLES
from reportparse.tables.schema import TABLES as SCHEMA

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
PAGES = [README, *sorted((ROOT / "docs").glob("*.md"))]
WRITTEN_ELSEWHERE = {"docs/compare.md", "docs/formats.md"}
"""Pages other hands write: a link to them is accepted while they are absent."""

LINK = re.compile(r"(?<!!)\[(?:[^\]]|\n)+?\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```.*?^```$", re.MULTILINE | re.DOTALL)


def section(text: str, title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    assert match, f"no section {title!r}"
    return match.group(1)


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading."""
    text = re.sub(r"[`*_]|\[([^\]]*)\]\([^)]*\)", r"\1", heading.strip().lower())
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(page: Path) -> set[str]:
    found, seen = set(), {}
    for line in FENCE.sub("", page.read_text(encoding="utf-8")).splitlines():
        if match := re.match(r"#{1,6} (.+)", line):
            base = slug(match.group(1))
            count = seen.get(base, 0)
            seen[base] = count + 1
            found.add(base if count == 0 else f"{base}-{count}")
    return found


def test_readme_is_short():
    lines = README.read_text(encoding="utf-8").count("\n")
    assert lines < 250, f"README.md has {lines} lines: move material to docs/"


def test_the_set_up_is_the_two_commands_ci_runs():
    setup = section(README.read_text(encoding="utf-8"), "Set-up")
    commands = re.findall(r"^```sh\n(.*?)```$", setup, re.MULTILINE | re.DOTALL)
    assert [command.strip() for command in commands] == ["make demo", "make test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^step \"make test \(README\)\" make test$", ci, re.MULTILINE), (
        ".ci/run runs the README's make test"
    )
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^demo: ", makefile, re.MULTILINE) and re.search(r"^test: ", makefile, re.MULTILINE)


def test_the_first_example_needs_no_file_of_ones_own():
    first = re.search(r"^```python\n(.*?)^```$", README.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)
    assert first and "sample_report_path()" in first.group(1)
    assert 'if __name__ == "__main__":' in README.read_text(encoding="utf-8")


@pytest.mark.parametrize("table", [name for name in (*TABLES, "events") if name in SCHEMA])
def test_readme_describes_every_column(table):
    """Each table of the pipeline is named in the README's Tables section, with every column."""
    tables = section(README.read_text(encoding="utf-8"), "Tables")
    assert f"**{table}**" in tables, f"README.md, Tables: describe the {table} table"
    described = set(re.findall(r"`([a-z0-9_]+)`", tables))
    missing = [column.name for column in SCHEMA[table].columns if column.name not in described]
    assert not missing, f"README.md, Tables: {table} columns not described: {missing}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_relative_links_lead_somewhere(page):
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    broken = []
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target):  # http:, https:, mailto:
            continue
        path_part, _, anchor = target.partition("#")
        path = (page.parent / path_part).resolve() if path_part else page
        relative = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
        if not path.exists():
            if relative not in WRITTEN_ELSEWHERE:
                broken.append(f"{target}: no such file")
            continue
        if anchor and path.suffix == ".md" and anchor not in anchors(path):
            broken.append(f"{target}: no heading #{anchor} in {relative}")
    assert not broken, f"{page.relative_to(ROOT)}: " + "; ".join(broken)


def test_every_doc_page_is_linked_from_the_readme():
    readme = README.read_text(encoding="utf-8")
    for page in PAGES[1:]:
        assert f"(docs/{page.name})" in readme, f"link docs/{page.name} from README.md"


def test_the_slugs_are_githubs():
    assert slug("Scans (OCR)") == "scans-ocr"
    assert slug("show: one report in the terminal") == "show-one-report-in-the-terminal"
    assert slug("Web pages and legacy formats") == "web-pages-and-legacy-formats"
