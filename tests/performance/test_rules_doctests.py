"""The rules are documented by examples (run by tests/project/test_doctests.py); no Django."""

from __future__ import annotations

import doctest
import importlib
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import concord.performance.rules as rules

MODULES = [rules.__name__] + [
    f"{rules.__name__}.{m.name}" for m in pkgutil.iter_modules(rules.__path__)
]


def test_every_rule_module_has_examples():
    with_examples = [
        name for name in MODULES if doctest.DocTestFinder().find(importlib.import_module(name))
    ]
    assert len(with_examples) >= len(MODULES) - 1  # the package __init__ only re-exports


def test_the_rules_import_without_django():
    # the rules must stay usable outside Django (scripts, ingest, notebooks)
    code = (
        "import sys, concord.performance.rules; "
        "sys.exit(1 if any(m == 'django' or m.startswith('django.') for m in sys.modules) else 0)"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    root = Path(__file__).resolve().parents[2]
    run = subprocess.run([sys.executable, "-c", code], env=env, cwd=root, check=False)
    assert run.returncode == 0
