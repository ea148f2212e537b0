"""Sample documents shipped inside the package (no network, no repository checkout needed)."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

SAMPLE_REPORT = "sample_report.txt"


def sample_report_path() -> Path:
    """Path of the bundled sample execution report (an invented agency, written by us).

    Returns:
        A filesystem path to the sample ``.txt`` report.
    """
    resource = files("reportparse") / "data" / SAMPLE_REPORT
    with as_file(resource) as path:  # a real file for a normal (non-zip) install
        return Path(path)
