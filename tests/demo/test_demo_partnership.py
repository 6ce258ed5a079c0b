"""The demo partnership: deterministic, and shaped like a real partnership."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from concord.actions.models import Action, ActionStatus, ActionUpdate, DuePrecision
from concord.demo.partnership import build_demo_partnership, demo_counts
from concord.governance.access import build_viewer
from concord.governance.models import Body, BodyKind, Membership, TermsOfReference, Visibility
from concord.lib.access import SECRETARIAT_GROUP
from concord.meetings.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    ItemVisibility,
    Meeting,
    MeetingStatus,
    MinutesStatus,
)
from concord.people.models import Organisation, PersonAlias, Sector

TODAY = dt.date(2026, 3, 1)
SCALE = 0.3


def build(**kwargs):
    kwargs.setdefault("today", TODAY)
    kwargs.setdefault("scale", SCALE)
    return build_demo_partnership(**kwargs)


# A transactional test: PostgreSQL refuses to TRUNCATE (flush) inside the
# transaction that just wrote the rows with deferred constraint checks.
@pytest.mark.django_db(transaction=True)
def test_the_same_seed_builds_the_same_partnership() -> None:
    first = build(seed=7)
    counts = demo_counts()
    first_titles = list(AgendaItem.objects.order_by("id").values_list("title", flat=True))
    # Wipe everything the builder made and build again with the same seed.
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)
    second = build(seed=7)
    assert second.counts() == first.counts()
    assert demo_counts() == counts
    assert list(AgendaItem.objects.order_by("id").values_list("title", flat=True)) == first_titles


@pytest.mark.django_db
def test_it_builds_a_board_an_executive_six_theme_groups_and_a_private_task_group() -> None:
    build()
    kinds = list(Body.objects.values_list("kind", flat=True))
    assert kinds.count(BodyKind.BOARD) == 1
    assert kinds.count(BodyKind.EXECUTIVE) == 1
    assert kinds.count(BodyKind.THEME_GROUP) == 6
    board = Body.objects.get(kind=BodyKind.BOARD)
    assert board.is_public
    assert set(
        Body.objects.filter(kind=BodyKind.THEME_GROUP).values_list("reports_to", flat=True)
    ) == {board.pk}
    assert Body.objects.filter(kind=BodyKind.TASK_GROUP, visibility=Visibility.MEMBERS).exists()


@pytest.mark.django_db
def test_it_has_forty_odd_organisations_in_every_sector() -> None:
    build()
    assert Organisation.objects.count() >= 40
    sectors = set(Organisation.objects.values_list("sector", flat=True))
    assert sectors == set(Sector.values)
    assert Organisation.objects.filter(parent__isnull=False).exists()
    assert PersonAlias.objects.exists()


@pytest.mark.django_db
def test_terms_of_reference_are_versioned_and_one_is_overdue_for_review() -> None:
    build()
    assert TermsOfReference.objects.filter(version=2).exists()
    assert TermsOfReference.objects.filter(quorum__isnull=False).count() == (
        TermsOfReference.objects.count()
    )
    assert TermsOfReference.objects.filter(review_date__lt=TODAY).exists()
    assert Membership.objects.filter(end__lt=TODAY).exists()


@pytest.mark.django_db
def test_meetings_have_attendance_deputies_guests_and_restricted_items() -> None:
    build(scale=1.0)
    assert Attendance.objects.filter(deputising_for__isnull=False).exists()
    assert Attendance.objects.filter(person__isnull=True).exclude(guest_name="").exists()
    statuses = set(Attendance.objects.values_list("status", flat=True))
    assert statuses == set(AttendanceStatus.values)
    restricted = AgendaItem.objects.filter(visibility=ItemVisibility.RESTRICTED)
    assert restricted.exists()
    assert "" not in set(restricted.values_list("restriction_reason", flat=True))
    assert AgendaItem.objects.filter(visibility=ItemVisibility.MEMBERS).exists()
    assert Meeting.objects.filter(notes__icontains="not quorate").exists()
    assert Meeting.objects.filter(status=MeetingStatus.SCHEDULED, date__gt=TODAY).exists()


@pytest.mark.django_db
def test_minutes_are_approved_at_a_later_meeting_and_the_latest_stay_draft() -> None:
    build()
    approved = Meeting.objects.filter(minutes_status=MinutesStatus.APPROVED)
    assert approved.exists()
    for meeting in approved.select_related("approved_at"):
        assert meeting.approved_at.body_id == meeting.body_id
        assert meeting.approved_at.date > meeting.date
    for body in Body.objects.all():
        latest = body.meetings.filter(status=MeetingStatus.HELD).order_by("-date").first()
        if latest is not None:
            assert latest.minutes_status == MinutesStatus.DRAFT


@pytest.mark.django_db
def test_actions_are_carried_forward_with_updates_and_some_are_overdue() -> None:
    build()
    assert Action.objects.filter(status=ActionStatus.CARRIED_FORWARD).exists()
    assert Action.objects.filter(status=ActionStatus.DONE, closed_at_item__isnull=False).exists()
    assert ActionUpdate.objects.filter(meeting__isnull=False).exists()
    assert Action.objects.filter(updates__isnull=False).distinct().count() > 1
    assert Action.objects.filter(due_precision=DuePrecision.MONTH).exists()
    assert (
        Action.objects.filter(owners__all_members=True).exists()
        or Action.objects.filter(owners__body__isnull=False).exists()
    )
    assert Action.objects.overdue(TODAY).exists()
    # History is kept for records made in bulk too.
    assert Meeting.history.count() >= Meeting.objects.count()


@pytest.mark.django_db
def test_it_creates_the_demo_accounts_with_their_rights() -> None:
    summary = build()
    users = get_user_model().objects
    assert set(summary.usernames) <= set(users.values_list("username", flat=True))
    secretariat = users.get(username="secretariat")
    assert secretariat.groups.filter(name=SECRETARIAT_GROUP).exists()
    assert not secretariat.has_usable_password()
    member = users.get(username="member")
    assert member.person.memberships.exists()
    editor = users.get(username="editor")
    assert editor.edited_bodies.count() == 1
    assert users.get(username="chair").edited_bodies.count() == 1
    assert build_viewer(secretariat).is_secretariat
    assert build_viewer(editor).editor_body_ids


@pytest.mark.django_db(transaction=True)
def test_it_has_an_event_with_places_a_full_one_with_a_waiting_list_and_a_draft() -> None:
    from concord.events.models import Event
    from concord.events.services import places

    build()
    by_status = {e.title: (e.status, places(e)) for e in Event.objects.all()}
    assert len(by_status) == 3
    full = [p for status, p in by_status.values() if p.capacity and p.left == 0]
    assert full and full[0].waiting > 0
    assert any(status == "draft" for status, _ in by_status.values())
