"""A signed-in person's home: the bodies they sit on (chaired first) with the next meeting
and overdue actions, and their own outstanding actions; never what they may not see."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from concord.people.models import Person
from tests.factories import (
    make_action,
    make_body,
    make_item,
    make_meeting,
    make_member_user,
    make_membership,
)
from tests.querycounts import warm_up

TODAY = dt.date.today()


def home(client) -> str:
    return client.get(reverse("home")).content.decode()


def test_a_chair_sees_their_bodys_next_meeting_and_overdue_actions(world, as_user) -> None:
    chair = make_member_user(world.board, role="chair", username="the-chair")
    upcoming = make_meeting(body=world.board, date=TODAY + dt.timedelta(days=14))
    make_action(body=world.board, description="Late one", due_date=TODAY - dt.timedelta(days=3))
    html = home(as_user(chair))
    assert "Your bodies" in html and "You chair" in html
    assert reverse("portal:meeting", args=[upcoming.pk]) in html
    # world.public_action (due April 2025) and the late one, both open and past due
    assert f'?body={world.board.pk}&amp;overdue=1">2 overdue' in html


def test_overdue_counts_leave_out_actions_the_member_may_not_see(world, as_user) -> None:
    member = make_member_user(world.board, role="adviser", username="adviser")
    # world.secret_action sits on a restricted item: advisers (non-voting) may not read it
    world.secret_action.due_date = TODAY - dt.timedelta(days=1)
    world.secret_action.save()
    html = home(as_user(member))
    assert "You chair" not in html
    assert f'?body={world.board.pk}&amp;overdue=1">1 overdue' in html


def test_a_member_sees_their_own_outstanding_actions(world, as_user) -> None:
    user = make_member_user(make_body(name="Youth Forum"), username="youth")
    person = Person.objects.get(user=user)
    make_action(body=person.memberships.get().body, description="Book the hall", owners=(person,))
    html = home(as_user(user))
    assert "Your actions" in html and "Book the hall" in html
    assert "Youth Forum" in html


def test_the_public_home_has_nothing_personal(world, client) -> None:
    assert "Your actions" not in home(client)


def test_the_personal_home_takes_the_same_queries_whatever_the_size(world, as_user) -> None:
    user = make_member_user(world.board, role="chair", username="counted")
    person = Person.objects.get(user=user)
    client = as_user(user)
    warm_up(client)
    make_action(body=world.board, owners=(person,), due_date=TODAY - dt.timedelta(days=1))

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            home(client)
        return len(queries)

    small = count()
    for n in range(12):
        body = make_body(name=f"Group {n}")
        make_member_user(body)  # someone else
        make_membership(person=person, body=body, role="chair")
        meeting = make_meeting(body=body, date=TODAY + dt.timedelta(days=n + 1))
        make_action(body=body, item=make_item(meeting=meeting), owners=(person,),
                    due_date=TODAY - dt.timedelta(days=1))  # fmt: skip
    assert count() == small
