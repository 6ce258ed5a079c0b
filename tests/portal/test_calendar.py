"""The public calendar month (issue 14): meetings and events the viewer may see, day by
day, months either side; a month that cannot be one is a 400 naming the parameter."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from concord.events.models import Event, EventStatus
from tests.factories import make_body, make_meeting

URL = reverse("portal:calendar")


def event_on(day: dt.date, title: str, **kwargs) -> Event:
    start = timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))
    kwargs.setdefault("status", EventStatus.PUBLISHED)
    return Event.objects.create(
        title=title, starts_at=start, ends_at=start + dt.timedelta(hours=2), **kwargs
    )


@pytest.fixture
def month(db):
    board = make_body(name="Harbour Board")
    hidden = make_body(name="Zebra Cell", visibility="members")
    make_meeting(body=board, date=dt.date(2027, 2, 9), start_time=dt.time(14, 0))
    make_meeting(body=hidden, date=dt.date(2027, 2, 10))
    event_on(dt.date(2027, 2, 17), "Spring conference")
    event_on(dt.date(2027, 2, 18), "Unpublished workshop", status=EventStatus.DRAFT)
    return board


def test_a_month_shows_what_the_public_may_see_on_its_days(client, month):
    page = client.get(URL, {"month": "2027-02"}).content.decode()
    assert "Calendar: February 2027" in page
    assert "Harbour Board</a> 14:00" in page
    assert "Spring conference" in page
    assert "Zebra Cell" not in page and "Unpublished workshop" not in page
    assert '?month=2027-01"' in page and '?month=2027-03"' in page
    # February 2027 starts on a Monday and fills four weeks exactly.
    assert page.count("<tr>") == 1 + 4


def test_this_month_by_default_with_today_marked(client, db):
    page = client.get(URL).content.decode()
    assert f"Calendar: {dt.date.today():%B %Y}" in page
    assert 'aria-current="date"' in page


@pytest.mark.parametrize(
    "value", ["2027-13", "0001-01", "9999-12", "2027", "x" * 100_000, "२०२७-०१"]
)
def test_a_month_that_cannot_be_one_is_a_400_naming_it(client, db, value):
    response = client.get(URL, {"month": value})
    assert response.status_code == 400
    assert "Month:" in response.content.decode()


def test_the_month_needs_the_same_queries_however_much_is_on(client, db):
    def fill(n, day):
        for k in range(n):
            make_meeting(body=make_body(), date=day)
            event_on(day, f"Event {day} {k}")

    fill(1, dt.date(2027, 2, 3))
    with CaptureQueriesContext(connection) as small:
        client.get(URL, {"month": "2027-02"})
    fill(15, dt.date(2027, 2, 4))
    with CaptureQueriesContext(connection) as large:
        client.get(URL, {"month": "2027-02"})
    assert len(large) == len(small)
