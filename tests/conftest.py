"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from .corpus_paths import shared_file


@pytest.fixture
def reference_report() -> Path:
    """The reference execution report of ../shared/corpus (skips when absent)."""
    return shared_file("reports/dmx-2022-opengov-execution-report.txt")
