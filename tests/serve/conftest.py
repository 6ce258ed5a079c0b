"""Fixtures for serving tests: the small partnership, and a cache emptied per test."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.core.cache import cache

from tests.personas import build_world


@pytest.fixture(autouse=True)
def empty_cache(settings, tmp_path):
    """Each test starts with no cached page and its own generation counter."""
    settings.CONCORD_PAGE_CACHE_GENERATION_FILE = tmp_path / "generation"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(db) -> SimpleNamespace:
    return build_world()
