"""The examples in the export helpers' docstrings are documentation: keep them true."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize(
    "name",
    [
        "concord.lib.cells",
        "concord.lib.params",
        "concord.performance.pages",
        "concord.exports.calendar_ics",
        "concord.exports.minutes_docx",
        "concord.exports.popolo",
        "concord.exports.views",
    ],
)
def test_docstring_examples_hold(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0
    assert result.failed == 0
