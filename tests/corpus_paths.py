"""Where the real documents of ../shared/corpus are, if anywhere (a user's clone has none)."""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = PROJECT_ROOT.parent / "shared" / "corpus"
REFERENCE_REPORT = SHARED_CORPUS / "reports" / "dmx-2022-opengov-execution-report.txt"


def shared_file(relative: str) -> Path:
    """A file of ../shared/corpus, or skip the calling test, naming the missing path."""
    path = SHARED_CORPUS / relative
    if not path.exists():
        pytest.skip(f"{path} is absent (the real documents live outside the repository)")
    return path
