"""The wheel carries everything a user needs at run time: the models, the sample data, the type
marker and the spaCy entry points; installed from it (not editable), the model modes work."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.corpus_paths import PROJECT_ROOT

REQUIRED = (
    "reportparse/py.typed",
    "reportparse/data/sample_report.txt",
    "reportparse/models/az_org_ner/config.cfg",
    "reportparse/models/az_org_ner/meta.json",
    "reportparse/models/az_org_ner/ner/model",
    "reportparse/models/az_org_ner/vocab/strings.json",
    "reportparse/models/az_org_stanza/ner.pt",
    "reportparse/models/az_org_stanza/pretrain.pt",
    "reportparse/models/az_org_stanza/resources.json",
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    pytest.importorskip("setuptools")
    out = tmp_path_factory.mktemp("wheel")
    # --no-build-isolation: built with the setuptools of this environment, offline
    command = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        str(PROJECT_ROOT),
        "--no-deps",
        "--no-build-isolation",
        "-w",
        str(out),
        "-q",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    (built,) = out.glob("reportparse-*.whl")
    return built


def test_the_wheel_holds_the_models_the_sample_and_the_entry_points(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        missing = [name for name in REQUIRED if name not in names]
        assert not missing
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        text = archive.read(entry_points).decode()
    assert "[spacy_factories]" in text and "az_dates = reportparse.components.dates:make_dates_component" in text
    assert "[console_scripts]" in text and "reportparse = reportparse.cli:main" in text
    assert not [n for n in names if n.startswith(("tests/", "corpus/", "benchmarks/"))]


def test_installed_from_the_wheel_the_model_modes_find_their_model(wheel, tmp_path):
    """The shipped NER model is found inside the installed package, not in a source checkout."""
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(site)!r})\n"
        "import reportparse\n"
        f"assert reportparse.__file__.startswith({str(site)!r}), reportparse.__file__\n"
        "from reportparse.ner.model import DEFAULT_MODEL\n"
        f"assert str(DEFAULT_MODEL).startswith({str(site)!r}), DEFAULT_MODEL\n"
        "report = reportparse.parse(reportparse.sample_report_path(), ner='rules+model')\n"
        "print(len(report.organizations), sorted(set(report.organizations['source'])))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    count, sources = result.stdout.split(" ", 1)
    assert int(count) > 10 and "rules" in sources
