"""Every example in every docstring of Concord is run: they are documentation, keep them true.

One collector for the whole package, so a module that gains examples is
tested without anyone listing it.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import concord

SKIPPED_PARTS = {"migrations", "__main__"}


def _modules_with_examples() -> list[str]:
    names = ["concord"]
    for info in pkgutil.walk_packages(concord.__path__, "concord."):
        if not SKIPPED_PARTS.isdisjoint(info.name.split(".")):
            continue
        names.append(info.name)
    finder = doctest.DocTestFinder()
    return [
        name
        for name in sorted(names)
        if any(test.examples for test in finder.find(importlib.import_module(name)))
    ]


MODULES = _modules_with_examples()


def test_the_collector_finds_the_modules_with_examples() -> None:
    assert {"concord.settings", "concord.performance.rules.rag", "concord.ingest.text"} <= set(
        MODULES
    )


@pytest.mark.parametrize("name", MODULES)
def test_the_docstring_examples_hold(name: str) -> None:
    result = doctest.testmod(
        importlib.import_module(name),
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert result.failed == 0
