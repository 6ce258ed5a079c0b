"""The signed-in action tracker keeps its rendered table per viewer until anything is written."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from concord.actions.models import ActionOwner
from tests.factories import make_membership, make_person
from tests.performance.pages_world import build_perf_world

pytestmark = pytest.mark.django_db
SECRET = "Sam Sleuth"


@pytest.fixture
def w(db) -> SimpleNamespace:
    """The public action is also owned by Sam, whom only the tasking group's members know."""
    w = build_perf_world()
    w.sleuth = make_person(name=SECRET)
    make_membership(person=w.sleuth, body=w.tasking)
    ActionOwner.objects.create(action=w.public_action, person=w.sleuth)
    return w


def tracker(client) -> tuple[str, int]:
    """The tracker's HTML and how many queries answering it took."""
    with CaptureQueriesContext(connection) as queries:
        html = client.get(reverse("actions:tracker") + "?status=all").content.decode()
    return html, len(queries)


def table(html: str) -> str:
    return html[html.index("<table>") : html.index("</table>")]


def test_the_table_comes_from_the_cache_on_the_second_request(client, w) -> None:
    client.force_login(w.secretariat)
    first, first_queries = tracker(client)
    second, second_queries = tracker(client)
    assert "Publish the community safety plan" in first
    # The same table (the rest of the page, a masked CSRF token say, may differ).
    assert table(second) == table(first)
    # The action list, its owners and the filters' list of bodies are not read again.
    assert second_queries <= first_queries - 3


def test_the_filters_come_from_the_cache_with_the_table(client, w) -> None:
    client.force_login(w.secretariat)
    tracker(client)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(reverse("actions:tracker") + "?status=all").content.decode()
    assert f'<option value="{w.tasking.pk}"' in html
    assert not [
        q
        for q in queries
        if q["sql"].startswith('SELECT "governance_body"."id", "governance_body"."name"')
    ]
    assert not [q for q in queries if 'FROM "actions_action"' in q["sql"]]


def test_a_change_shows_on_the_next_request(client, w) -> None:
    client.force_login(w.secretariat)
    tracker(client)
    w.public_action.description = "Publish the revised safety plan"
    w.public_action.save()
    html, _ = tracker(client)
    assert "Publish the revised safety plan" in html
    assert "Publish the community safety plan" not in html


def test_what_one_viewer_may_see_is_never_shown_to_another(w) -> None:
    # Both sign in first: signing in writes (last_login), which would empty the cache.
    secretariat, partner = Client(), Client()
    secretariat.force_login(w.secretariat)
    partner.force_login(w.partner)
    assert SECRET in tracker(secretariat)[0]
    for _ in range(2):
        html, _ = tracker(partner)
        assert "Publish the community safety plan" in html
        assert SECRET not in html
        assert "Owner not shown" in html


def test_nothing_is_kept_when_the_page_cache_is_off(client, w, settings) -> None:
    settings.CONCORD_PAGE_CACHE = False
    client.force_login(w.secretariat)
    _, first_queries = tracker(client)
    _, second_queries = tracker(client)
    assert second_queries == first_queries
