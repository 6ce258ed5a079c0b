"""Fixtures for serving tests: the small partnership, and a cache emptied per test."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.core.cache import cache

from tests.personas import build_world


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no cached page (its own generation counter: tests/conftest.py)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(db) -> SimpleNamespace:
    return build_world()
