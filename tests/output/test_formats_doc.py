"""docs/formats.md: every Python example runs as written, and the page names every format,
type and role the code has (so the page and the code cannot drift apart)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from reportparse.output.folder import FORMATS
from reportparse.tables.schema import ROLES, TABLES, TYPES
from reportparse.tables.types import PANDAS_DTYPES
from tests.corpus_paths import PROJECT_ROOT

DOC = PROJECT_ROOT / "docs" / "formats.md"
EXAMPLES = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


@pytest.mark.parametrize("code", EXAMPLES, ids=[f"example{i}" for i in range(len(EXAMPLES))])
def test_examples_run_as_written(code, tmp_path):
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.iterdir()) == [], "an example leaves no file behind in the current folder"


def test_the_page_names_every_format_type_role_and_events_column():
    text = DOC.read_text(encoding="utf-8")
    assert len(EXAMPLES) >= 3
    for fmt in FORMATS:
        assert f"| `{fmt}` |" in text, fmt
    for kind in TYPES:
        assert f"| {kind} | `{PANDAS_DTYPES[kind]}` |" in text, kind
    for role in ROLES:
        assert f"| `{role}` |" in text, role
    for column in TABLES["events"].names:
        assert f"`{column}`" in text, column
