"""Files shipped inside the package: the sample report (``data/``) and the trained models
(``models/``). They are found through :mod:`importlib.resources`, so they are there in a wheel
and in a site-packages install as in a checkout; nothing is downloaded."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

SAMPLE_REPORT = "sample_report.txt"
"""The bundled sample execution report (an invented agency, written by us), under ``data/``."""

ORG_NER_MODEL = "az_org_ner"
"""The shipped spaCy organization NER model, under ``models/``."""

ORG_STANZA_MODEL = "az_org_stanza"
"""The shipped Stanza organization NER model (needs ``reportparse[stanza]``), under ``models/``."""


def package_version() -> str:
    """The installed distribution's version (``0.0.0+unknown`` in a source tree not installed);
    ``reportparse.__version__`` reads it on first use (importlib.metadata costs 30 ms)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("reportparse")
    except PackageNotFoundError:
        return "0.0.0+unknown"


def package_path(*parts: str) -> Path:
    """A filesystem path of a file or folder shipped inside the package.

    Args:
        parts: path components below the package folder (``"models", "az_org_ner"``).

    Returns:
        The path (a real file or folder for a normal, non-zip install).
    """
    resource = files("reportparse").joinpath(*parts)
    with as_file(resource) as path:
        return Path(path)


def sample_report_path() -> Path:
    """Path of the bundled sample execution report (an invented agency, written by us).

    Returns:
        A filesystem path to the sample ``.txt`` report.
    """
    return package_path("data", SAMPLE_REPORT)


def shipped_model(name: str) -> Path:
    """Path of a model folder shipped in the package (:data:`ORG_NER_MODEL`, :data:`ORG_STANZA_MODEL`)."""
    return package_path("models", name)
