"""Shared fixtures and the hypothesis profiles.

Profiles (``HYPOTHESIS_PROFILE=…``): ``ci`` (default) runs 2,000 examples per property test
that does not pin its own count, so tests/test_properties.py totals over 10,000 examples in
about a minute; ``long`` runs 50,000 each (about half an hour); ``dev`` 200, for quick edits.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.corpus_paths import shared_file

# No deadline: the machine is shared, so a slow example is load, not a bug (speed lives in benchmarks/).
_PROFILE = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow], "print_blob": True}
settings.register_profile("ci", max_examples=2_000, **_PROFILE)
settings.register_profile("long", max_examples=50_000, **_PROFILE)
settings.register_profile("dev", max_examples=200, **_PROFILE)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def reference_report() -> Path:
    """The reference execution report of ../shared/corpus (skips when absent)."""
    return shared_file("reports/dmx-2022-opengov-execution-report.txt")
