"""Every example in the package's docstrings runs and gives what it shows."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

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
