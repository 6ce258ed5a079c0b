"""SQL queries per page must not grow with the data: an N+1 cannot come back."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from concord.meetings.models import Decision
from concord.portal.models import Topic
from tests.factories import (
    make_action,
    make_attendance,
    make_body,
    make_decision,
    make_item,
    make_meeting,
    make_membership,
    make_person,
)
from tests.querycounts import warm_up


def _grow(world, n: int) -> None:
    """Add n meetings' worth of records to the board: items, decisions, actions, attendance."""
    for i in range(n):
        meeting = make_meeting(
            body=world.board, date=dt.date(2024, 1, 1) + dt.timedelta(days=7 * i), status="held"
        )
        person = make_person()
        make_membership(body=world.board, person=person)
        make_attendance(meeting=meeting, person=person)
        item = make_item(meeting=meeting)
        make_decision(item=item)
        make_action(
            item=item, body=world.board, owners=(person, world.chair), due_date=dt.date(2024, 6, 1)
        )
        make_body(reports_to=world.board)


PAGES = {
    "tracker": lambda w: reverse("actions:tracker"),
    "tracker filtered": lambda w: reverse("actions:tracker") + f"?body={w.board.pk}&overdue=1",
    "tracker by names": lambda w: (
        reverse("actions:tracker") + "?owner_name=person&organisation_name=riverton&status=all"
    ),
    "tracker by ids": lambda w: (
        reverse("actions:tracker") + f"?owner={w.chair.pk}&organisation={w.council.pk}"
    ),
    "my actions": lambda w: reverse("actions:mine"),
    "body": lambda w: reverse("portal:body", args=[w.board.slug]),
    "meetings": lambda w: reverse("portal:meetings"),
    "bodies": lambda w: reverse("portal:bodies"),
    "meeting": lambda w: reverse("portal:meeting", args=[w.last.pk]),
    "matters arising": lambda w: reverse("meetings:matters_arising", args=[w.last.pk]),
    "minutes on one page": lambda w: reverse("meetings:minutes", args=[w.last.pk]),
    "person": lambda w: reverse("people:person", args=[w.chair.pk]),
    "needs attention": lambda w: reverse("secretariat:dashboard"),
    "attendance": lambda w: reverse("secretariat:attendance") + "?from=2020-01-01",
    "register people": lambda w: reverse("register:list", args=["people"]),
    "actions csv": lambda w: reverse("exports:actions_csv") + "?status=all",
    "minutes docx": lambda w: reverse("exports:minutes_docx", args=[w.last.pk]),
    "minutes pdf": lambda w: reverse("exports:minutes_pdf", args=[w.last.pk]),
    "api actions": lambda w: "/api/actions?status=all",
    "api meeting": lambda w: f"/api/meetings/{w.last.pk}",
    "topics": lambda w: reverse("portal:topics"),
    "topic": lambda w: reverse("portal:topic", args=[_tag_every_decision().slug]),
    "decisions by topic": lambda w: (
        reverse("portal:decisions") + f"?topic={_tag_every_decision().slug}"
    ),
    "search": lambda w: reverse("search:search") + "?q=item+or+decision+or+action",
    "search filtered": lambda w: (
        reverse("search:search") + f"?q=decision&body={w.board.slug}&from=2024-01-01&type=decision"
    ),
}


def _tag_every_decision() -> Topic:
    """A topic on every decision so far, and a second one on none (the topic pages)."""
    topic, _ = Topic.objects.get_or_create(name="Community safety")
    topic.decisions.add(*Decision.objects.all())
    Topic.objects.get_or_create(name="Parks")
    return topic


def _signed_in(as_user, user):
    """A client signed in as ``user`` whose session has been read once.

    The session is then kept in the cache until a session is written
    (concord/lib/sessions.py), which adding data does not do: both counts
    below are of requests that find it kept. Pages, the user and the viewer
    are read again after every write, so the counts still see every query.
    """
    client = as_user(user)
    warm_up(client)
    return client


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.parametrize("page", list(PAGES))
def test_queries_per_page_do_not_grow_with_the_data(world, as_user, page: str) -> None:
    client = _signed_in(as_user, world.secretariat)
    world.last = make_meeting(body=world.board, date=dt.date(2026, 1, 1), status="held")
    make_item(meeting=world.last, title="Matters arising", is_matters_arising=True)
    _grow(world, 2)
    small = _count(client, PAGES[page](world))
    _grow(world, 8)
    large = _count(client, PAGES[page](world))
    assert large == small, f"{page}: {small} queries with little data, {large} with more"


# Pages a partner (not the secretariat) sees go through the visibility rules,
# which are subqueries: they must not add queries as the data grows either.
PARTNER_PAGES = [
    "tracker",
    "tracker by names",
    "my actions",
    "person",
    "meeting",
    "body",
    "actions csv",
    "api actions",
    "api meeting",
    "search",
    "search filtered",
    "topics",
    "topic",
    "decisions by topic",
]


@pytest.mark.parametrize("page", PARTNER_PAGES)
def test_queries_per_page_do_not_grow_for_a_partner_either(world, as_user, page: str) -> None:
    client = _signed_in(as_user, world.board_member)
    world.last = make_meeting(body=world.board, date=dt.date(2026, 1, 1), status="held")
    _grow(world, 2)
    small = _count(client, PAGES[page](world))
    _grow(world, 8)
    large = _count(client, PAGES[page](world))
    assert large == small, f"{page}: {small} queries with little data, {large} with more"


@pytest.mark.parametrize(
    ("page", "most"),
    [("tracker", 9), ("tracker filtered", 9), ("tracker by names", 11), ("person", 13)],
)
def test_the_busiest_pages_stay_within_their_query_budget(world, as_user, page, most) -> None:
    client = as_user(world.secretariat)
    world.last = make_meeting(body=world.board, date=dt.date(2026, 1, 1), status="held")
    _grow(world, 3)
    assert _count(client, PAGES[page](world)) <= most
