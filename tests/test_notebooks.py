"""The notebooks in notebooks/: stored executed (someone browsing the repository sees their
results), re-executed here top to bottom, charts shown inline, nothing left behind, and runnable
on a core install (the charts skipped with a message saying what to install).

Re-execute them after a change as docs/development.md says ("Notebooks").
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import reportparse

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

FOLDER = Path(__file__).resolve().parents[1] / "notebooks"
NOTEBOOKS = sorted(FOLDER.glob("*.ipynb"))
INSTALL_HINT = 'pip install "reportparse[notebooks]"'
MAX_STORED_BYTES = 300_000
"""Stored outputs stay small: a page of HTML and a few small charts per notebook."""


def code_cells(notebook):
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def execute(path: Path, cwd: Path, monkeypatch, *, first: str | None = None):
    """Run a notebook as Jupyter would, in ``cwd``, with this reportparse on the kernel's path."""
    package_root = str(Path(reportparse.__file__).resolve().parents[1])
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")])))
    notebook = nbformat.read(path, as_version=4)
    if first is not None:
        notebook.cells.insert(0, nbformat.v4.new_code_cell(first))
    nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}
    ).execute()
    return notebook


def outputs(notebook, output_type: str | None = None):
    return [
        output
        for cell in code_cells(notebook)
        for output in cell.outputs
        if output_type is None or output.output_type == output_type
    ]


def plain_text(notebook) -> str:
    return "\n".join(
        output.get("text", "") or output.get("data", {}).get("text/plain", "") for output in outputs(notebook)
    )


def test_there_are_notebooks():
    assert {path.name for path in NOTEBOOKS} >= {"quickstart.ipynb", "compare.ipynb"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_executes_and_leaves_nothing_behind(path, tmp_path, monkeypatch):
    before = sorted(FOLDER.iterdir())
    notebook = execute(path, tmp_path, monkeypatch)
    assert not outputs(notebook, "error")
    assert sorted(FOLDER.iterdir()) == before, "the notebook wrote into notebooks/"
    assert not list(tmp_path.iterdir()), "the notebook wrote into its working folder"
    assert not [o for o in outputs(notebook, "stream") if o.name == "stderr"], "no red stderr blocks"
    for cell in code_cells(notebook):
        if "parse_many(" in cell.source:  # progress: one display, updated in place
            shown = [output for output in cell.outputs if output.output_type == "display_data"]
            assert len(shown) == 1 and "<progress" in shown[0]["data"]["text/html"]
            assert shown[0]["data"]["text/plain"].startswith("reportparse: 4/4 files, ")
    charts = [cell for cell in code_cells(notebook) if "plt.show()" in cell.source]
    try:
        import matplotlib  # noqa: F401
    except ModuleNotFoundError:
        return
    for cell in charts:  # shown inline (no Agg backend that draws nowhere)
        assert any("image/png" in output.get("data", {}) for output in cell.outputs), cell.source[:80]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_without_matplotlib_and_says_what_to_install(path, tmp_path, monkeypatch):
    notebook = execute(
        path, tmp_path, monkeypatch, first="import sys\nsys.modules['matplotlib'] = None  # a core install"
    )
    assert not outputs(notebook, "error")
    assert INSTALL_HINT in plain_text(notebook)
    assert not [output for output in outputs(notebook) if "image/png" in output.get("data", {})]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_executed_with_small_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    code = code_cells(notebook)
    assert [cell.execution_count for cell in code] == list(range(1, len(code) + 1)), (
        f"store {path.name} executed top to bottom (docs/development.md, Notebooks)"
    )
    assert not outputs(notebook, "error")
    assert sum(bool(cell.outputs) for cell in code) >= len(code) - 1, "a browsing reader sees the results"
    for cell in code:
        if "plt.show()" in cell.source:  # charts stored as images
            assert any("image/png" in output.get("data", {}) for output in cell.outputs)
    size = sum(len(json.dumps(output)) for output in outputs(notebook))
    assert size < MAX_STORED_BYTES, f"{size} bytes of stored outputs"
    first = notebook.cells[0]
    assert first.cell_type == "markdown" and INSTALL_HINT in first.source, "say at the top what to install"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_needs_no_headless_backend_nor_files_of_its_own(path):
    sources = "\n".join(cell.source for cell in code_cells(nbformat.read(path, as_version=4)))
    assert "matplotlib.use(" not in sources
    assert "mkdtemp" not in sources
    if "write_" in sources or "to_csv(" in sources:  # files go to a temporary folder, removed at the end
        assert "TemporaryDirectory()" in sources and "cleanup()" in sources
