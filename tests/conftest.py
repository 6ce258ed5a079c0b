"""Fixtures for every test: the small partnership (tests/personas.py) and its six personas.

``world`` is the partnership with a body editor and an entry of each kind in
every register; a folder whose tests need less (or more) overrides ``world`` in
its own conftest, built from the same ``tests.personas.build_world``. The
persona fixtures (``secretariat_user``, ``editor_user``, ``chair_user``,
``member_user``, ``outsider_user``, ``anonymous_user``) are that world's; sign
the test client in as one with ``as_user(user)``.
"""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from concord.governance.identity import keep_default_identity
from tests import personas

# Property tests judge their examples, never the clock: with no deadline and no
# "generation too slow" check, a busy machine cannot fail them. They are also
# derandomised (the examples are drawn from a seed taken from each test, with no
# example database), so every run, CI's included, tries the same examples: a
# failure is found by a change to the code, never by the luck of the draw.
hypothesis_settings.register_profile(
    "concord",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
    database=None,
)
hypothesis_settings.load_profile("concord")


@pytest.fixture(autouse=True)
def own_page_cache(settings, tmp_path):
    """Each test starts with an empty cache and counts page-cache generations in a
    file of its own: two runs in one checkout never change each other's cache or
    query counts, and a page cached by one test (every test starts at generation
    0) is never served in the next."""
    settings.CONCORD_PAGE_CACHE_GENERATION_FILE = tmp_path / "page-cache-generation"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def default_partnership_identity():
    """Every test starts with the default identity kept in memory: no page costs a
    query more for it in one test than in another (saving an identity drops it)."""
    keep_default_identity()
    yield
    keep_default_identity()


@pytest.fixture
def world(db) -> SimpleNamespace:
    return personas.build_world(editor=True, register_entries=True)


@pytest.fixture
def as_user(client: Client) -> Callable[[User | None], Client]:
    """Sign the test client in as a user (or stay anonymous for ``None``)."""

    def sign_in(user: User | None) -> Client:
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def secretariat_user(world: SimpleNamespace) -> User | None:
    return personas.persona(world, "secretariat")


@pytest.fixture
def editor_user(world: SimpleNamespace) -> User | None:
    return personas.persona(world, "body editor")


@pytest.fixture
def chair_user(world: SimpleNamespace) -> User | None:
    return personas.persona(world, "chair")


@pytest.fixture
def member_user(world: SimpleNamespace) -> User | None:
    return personas.persona(world, "member")


@pytest.fixture
def outsider_user(world: SimpleNamespace) -> User | None:
    return personas.persona(world, "outsider")


@pytest.fixture
def anonymous_user() -> None:
    return None
