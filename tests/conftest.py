"""Fixtures for every test."""

from __future__ import annotations

import pytest

from concord.governance.identity import keep_default_identity


@pytest.fixture(autouse=True)
def default_partnership_identity():
    """Every test starts with the default identity kept in memory: no page costs a
    query more for it in one test than in another (saving an identity drops it)."""
    keep_default_identity()
    yield
    keep_default_identity()
