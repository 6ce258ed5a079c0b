"""The examples in the library's docstrings stay true."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import concord.ingest

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(concord.ingest.__path__, "concord.ingest.")
    if "cli" not in m.name
) + ["concord.ingest"]


@pytest.mark.parametrize("name", MODULES)
def test_the_docstring_examples_of_each_module_hold(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
