from __future__ import annotations

import pytest

from tests.facts.world import build_facts_world


@pytest.fixture
def world(db):
    return build_facts_world()
