"""A chair's home: the next meeting's agenda state (not drafted, draft, published on a
date) and attendance at their bodies' meetings this year by sector; a member sees the
agenda state but not the attendance table. A fixed number of queries at two sizes."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from concord.meetings.models import Meeting
from concord.people.models import Person
from tests.factories import (
    make_attendance,
    make_body,
    make_item,
    make_meeting,
    make_member_user,
    make_membership,
    make_organisation,
)
from tests.querycounts import warm_up

TODAY = dt.date.today()


def home(client) -> str:
    return client.get(reverse("home")).content.decode()


def test_the_agenda_state_of_the_next_meeting_is_shown(world, as_user) -> None:
    chair = make_member_user(world.board, role="chair", username="the-chair")
    meeting = make_meeting(body=world.board, date=TODAY + dt.timedelta(days=20))
    client = as_user(chair)
    assert "Not drafted" in home(client)
    make_item(meeting=meeting, number="1", title="Apologies")
    out_on = meeting.date - dt.timedelta(days=7)
    assert f"Draft (goes out on {out_on.day} {out_on:%B %Y})" in home(client)
    Meeting.objects.filter(pk=meeting.pk).update(agenda_published_on=TODAY)
    assert f"Published on {TODAY.day} {TODAY:%B %Y}" in home(client)


def test_a_chair_sees_attendance_by_sector_this_year(world, as_user) -> None:
    chair = make_member_user(world.board, role="chair", username="the-chair")
    charity = make_organisation(name="Harrowby Aid", sector="voluntary")
    officer = make_membership(body=world.board, organisation=charity).person
    held = make_meeting(body=world.board, date=TODAY.replace(month=1, day=1), status="held")
    make_attendance(meeting=held, person=officer, status="apologies")
    html = home(as_user(chair))
    assert f"since 1 January {TODAY.year}, by sector" in html
    assert "<td>Voluntary &amp; community</td>" in html


def test_a_member_who_chairs_nothing_sees_no_attendance_table(world, as_user) -> None:
    member = make_member_user(world.board, role="member", username="a-member")
    make_meeting(body=world.board, date=TODAY + dt.timedelta(days=20))
    html = home(as_user(member))
    assert "Not drafted" in html
    assert "by sector" not in html


def test_the_chairs_home_takes_the_same_queries_at_two_sizes(world, as_user) -> None:
    user = make_member_user(world.board, role="chair", username="counted")
    person = Person.objects.get(user=user)
    client = as_user(user)
    warm_up(client)

    def grow(n: int) -> None:
        for i in range(n):
            body = make_body()
            make_membership(person=person, body=body, role="chair")
            upcoming = make_meeting(body=body, date=TODAY + dt.timedelta(days=i + 1))
            make_item(meeting=upcoming, title=f"Item {i}")
            held = make_meeting(body=body, date=TODAY.replace(month=1, day=1), status="held")
            make_attendance(meeting=held, person=person, status="present")

    grow(1)
    with CaptureQueriesContext(connection) as small:
        home(client)
    grow(10)
    with CaptureQueriesContext(connection) as large:
        home(client)
    assert len(small) == len(large)
