"""Fixtures for serving tests: the small partnership (the cache is emptied per test
and the generation counter is per test: tests/conftest.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.personas import build_world


@pytest.fixture
def world(db) -> SimpleNamespace:
    return build_world()
