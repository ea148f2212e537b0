"""Every example runs: the package's docstrings give what they show, and the ``python`` blocks of
README.md and docs/*.md run as written."""

from __future__ import annotations

import doctest
import importlib
import os
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import reportparse

OPTIONAL = {"reportparse.batch.dask"}  # needs the [dask] extra
MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(reportparse.__path__, "reportparse.")
    if info.name not in OPTIONAL and not info.name.endswith("__main__")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


# --- The examples of README.md and docs/*.md run as written --------------------------------------

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)
NOT_RUN = re.compile(r"<!-- not run: [^>]*\S[^>]*-->\s*$")
"""A block right after ``<!-- not run: REASON -->`` is skipped (it needs a cluster, an extra, ...)."""


def python_blocks(page: Path) -> list[tuple[int, str]]:
    """The ``python`` blocks of a Markdown page that should run: (line, code)."""
    text = page.read_text(encoding="utf-8")
    return [
        (text.count("\n", 0, match.start()) + 1, match.group(1))
        for match in FENCE.finditer(text)
        if not NOT_RUN.search(text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1])
    ]


def test_the_pages_have_examples():
    assert python_blocks(ROOT / "README.md"), "README.md should show Python"
    assert NOT_RUN.search("<!-- not run: needs a Dask scheduler -->") and not NOT_RUN.search("<!-- not run: -->")


@pytest.mark.parametrize(
    "page", [page for page in PAGES if python_blocks(page)], ids=lambda p: p.relative_to(ROOT).as_posix()
)
def test_page_examples_run_as_written(page, tmp_path):
    """Each page's blocks in order, as one script run by ``python`` (``__main__``, worker processes
    and all), from a folder where ``corpus/`` is the repository's, as a reader at the root has it."""
    blocks = python_blocks(page)
    name = page.relative_to(ROOT).as_posix()
    script = tmp_path / "example.py"
    script.write_text("\n\n".join(f"# --- {name}, line {line}\n{code}" for line, code in blocks), encoding="utf-8")
    workdir = tmp_path / "work"
    workdir.mkdir()
    (workdir / "corpus").symlink_to(ROOT / "corpus", target_is_directory=True)
    package_root = str(Path(reportparse.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))}
    result = subprocess.run(
        [sys.executable, str(script)], cwd=workdir, capture_output=True, text=True, timeout=600, env=env, check=False
    )
    assert result.returncode == 0, f"{name}: an example fails\n{result.stderr[-3000:]}"
