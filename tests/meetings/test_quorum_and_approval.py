"""Quorum is judged only when it means something; minutes are approved only at a meeting
that has taken place, with the obvious earlier meeting offered first."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from concord.governance.models import TermsOfReference
from concord.meetings.models import Meeting, MinutesStatus
from concord.meetings.services import approve_minutes, quorum
from tests.factories import make_meeting

TODAY = dt.date.today()


@pytest.fixture
def board(world):
    TermsOfReference.objects.create(
        body=world.board, version=1, adopted_on=dt.date(2000, 1, 1), purpose="x", quorum=3
    )
    return world.board


def test_a_meeting_without_recorded_attendance_is_not_judged(board) -> None:
    held = make_meeting(body=board, date=TODAY - dt.timedelta(days=3), status="held")
    q = quorum(held)
    assert q.required == 3 and q.present == 0
    assert q.is_quorate is None


def test_a_future_or_scheduled_meeting_is_not_judged(board, world) -> None:
    future = make_meeting(body=board, date=TODAY + dt.timedelta(days=10), status="held")
    scheduled = make_meeting(body=board, date=TODAY - dt.timedelta(days=1), status="scheduled")
    for meeting in (future, scheduled):
        meeting.attendances.create(person=world.chair, status="present")
        assert quorum(meeting).is_quorate is None


def test_a_held_meeting_with_attendance_is_judged(board, world) -> None:
    held = make_meeting(body=board, date=TODAY - dt.timedelta(days=3), status="held")
    held.attendances.create(guest_name="A Visitor", status="present")
    assert quorum(held).is_quorate is False


def test_no_red_banner_before_attendance_is_taken(board, world, as_user) -> None:
    held = make_meeting(body=board, date=TODAY - dt.timedelta(days=3), status="held")
    page = as_user(world.secretariat).get(reverse("portal:meeting", args=[held.pk]))
    assert "Not quorate" not in page.content.decode()
    held.attendances.create(guest_name="A Visitor", status="present")
    page = as_user(world.secretariat).get(reverse("portal:meeting", args=[held.pk]))
    assert "Not quorate: 0 voting members present, 3 required." in page.content.decode()


def test_the_approval_form_offers_the_meeting_just_before_first(world, as_user) -> None:
    board = world.board
    at = make_meeting(body=board, date=TODAY - dt.timedelta(days=1), status="held")
    older = make_meeting(body=board, date=TODAY - dt.timedelta(days=90), status="held")
    latest = make_meeting(body=board, date=TODAY - dt.timedelta(days=30), status="held")
    cancelled = make_meeting(body=board, date=TODAY - dt.timedelta(days=20), status="cancelled")
    form = as_user(world.secretariat).get(reverse("meetings:approve", args=[at.pk])).context["form"]
    offered = list(form.fields["meeting"].queryset)
    assert offered[:2] == [latest, older]
    assert cancelled not in offered
    assert form.initial["meeting"] == latest.pk


def test_minutes_are_never_approved_at_a_future_or_cancelled_meeting(world) -> None:
    earlier = make_meeting(body=world.board, date=TODAY - dt.timedelta(days=30), status="held")
    future = make_meeting(body=world.board, date=TODAY + dt.timedelta(days=30))
    cancelled = make_meeting(
        body=world.board, date=TODAY - dt.timedelta(days=2), status="cancelled"
    )
    for at in (future, cancelled):
        with pytest.raises(ValidationError, match="has taken place"):
            approve_minutes(earlier, at=at, opened_version=earlier.version)
    earlier.refresh_from_db()
    assert earlier.minutes_status == MinutesStatus.DRAFT


def test_a_future_meeting_offers_no_approval_button(world, as_user) -> None:
    future = make_meeting(body=world.board, date=TODAY + dt.timedelta(days=30))
    page = as_user(world.secretariat).get(reverse("portal:meeting", args=[future.pk]))
    assert reverse("meetings:approve", args=[future.pk]) not in page.content.decode()
    response = as_user(world.secretariat).post(
        reverse("meetings:approve", args=[future.pk]), {"meeting": world.draft.pk}
    )
    assert response.status_code == 200
    assert "has taken place" in str(response.context["form"].errors["meeting"])
    assert Meeting.objects.get(pk=world.draft.pk).minutes_status == MinutesStatus.DRAFT
