"""The examples in the importer's docstrings are documentation: keep them true."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize(
    "name",
    [
        "concord.people.matching",
        "concord.imports.applying",
        "concord.imports.extracting",
        "concord.imports.draft",
        "concord.imports.placing",
        "concord.imports.planning",
        "concord.imports.review_forms",
        "concord.imports.lineage",
        "concord.imports.services",
        "concord.imports.storage",
        "concord.demo.back_catalogue",
        "concord.demo.documents",
    ],
)
def test_docstring_examples_hold(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0
    assert result.failed == 0
