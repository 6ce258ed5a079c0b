"""Fixtures for the export tests."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.personas import build_world


@pytest.fixture
def world(db) -> SimpleNamespace:
    return build_world()
