"""The facts pages as the public meets them: a signed-out crawl finds none of what is
kept back, and no page asks more of the database as indicators, wards and strategies grow."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.facts.world import NOT_FACTS, SENTINEL, grow
from tests.imports.crawl import crawl_public, found

PAGES = {
    "index": lambda w: reverse("facts:index"),
    "priority": lambda w: reverse("facts:priority", args=[w.plan.pk, "safer-streets"]),
    "priority of a ward": lambda w: (
        reverse("facts:priority", args=[w.plan.pk, "safer-streets"]) + f"?area={w.wards[1].code}"
    ),
    "priority csv": lambda w: reverse("facts:priority_csv", args=[w.plan.pk, "safer-streets"]),
    "profile": lambda w: reverse("facts:profile", args=[w.wards[1].code]),
    "profile csv": lambda w: reverse("facts:profile_csv", args=[w.wards[1].code]),
}


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Counted past the anonymous page cache, which would answer with no query at all."""
    settings.CONCORD_PAGE_CACHE = False


def _count(url: str) -> int:
    client = Client()
    assert client.get(url).status_code == 200, url  # warm: the identity, fixed URLs
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.parametrize("page", list(PAGES))
def test_queries_do_not_grow_with_indicators_wards_and_strategies(world, page) -> None:
    grow(world, 1)
    small = _count(PAGES[page](world))
    grow(world, 6)
    large = _count(PAGES[page](world))
    assert large == small, f"{page}: {small} queries with little data, {large} with more"
    assert small <= 14, f"{page}: {small} queries"


def test_a_signed_out_crawl_finds_nothing_kept_back(world, client) -> None:
    pages = crawl_public(client)
    facts = [url for url in pages if url.startswith("/facts/")]
    assert reverse("facts:priority", args=[world.plan.pk, "safer-streets"]) in facts
    assert reverse("facts:profile_csv", args=[world.wards[1].code]) in facts
    assert found(pages, SENTINEL) == []
    assert [url for url in facts if NOT_FACTS in pages[url] or "OT 1" in pages[url]] == []
