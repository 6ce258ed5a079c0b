"""Recording a meeting through the pages: details, attendance, items, approval, history."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from concord.governance.models import TermsOfReference
from concord.meetings.models import Attendance, Meeting, MinutesStatus
from concord.meetings.services import quorum
from tests.factories import make_body, make_meeting, make_membership, make_person


def test_a_secretariat_user_records_a_meeting(world, as_user) -> None:
    client = as_user(world.secretariat)
    response = client.post(
        reverse("meetings:create"),
        {
            "body": world.board.pk,
            "date": "2025-09-09",
            "start_time": "10:00",
            "end_time": "12:00",
            "venue": "Town Hall",
            "status": "held",
        },
    )
    meeting = Meeting.objects.get(body=world.board, date=dt.date(2025, 9, 9))
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:meeting", args=[meeting.pk])
    assert meeting.minutes_status == MinutesStatus.DRAFT
    assert meeting.history.first().history_user == world.secretariat


def test_a_meeting_that_ends_before_it_starts_is_refused_on_the_end_time(world, as_user) -> None:
    response = as_user(world.editor).post(
        reverse("meetings:create"),
        {
            "body": world.board.pk,
            "date": "2025-09-09",
            "start_time": "12:00",
            "end_time": "10:00",
            "status": "scheduled",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["end_time"] == ["The meeting must end after it starts."]


def test_a_date_that_is_not_a_date_is_reported_on_the_date_field(world, as_user) -> None:
    response = as_user(world.editor).post(
        reverse("meetings:create"), {"body": world.board.pk, "date": "31/31/2025", "status": "held"}
    )
    assert "date" in response.context["form"].errors
    assert "Date:" in response.content.decode()


def test_an_editor_cannot_record_a_meeting_of_a_body_they_do_not_edit(world, as_user) -> None:
    response = as_user(world.editor).post(
        reverse("meetings:create"),
        {"body": world.tasking.pk, "date": "2025-09-09", "status": "held"},
    )
    assert response.status_code == 200
    assert "body" in response.context["form"].errors
    assert not Meeting.objects.filter(body=world.tasking, date=dt.date(2025, 9, 9)).exists()


def _attendance_post(meeting, **fields) -> dict:
    data = {f"extra_{n}_status": "present" for n in range(1, 10)}
    data.update(fields)
    return data


def test_attendance_is_picked_from_the_membership_with_deputies_and_guests(world, as_user) -> None:
    member = make_membership(body=world.board, person=make_person(name="Eve Marsh")).person
    absent_member = make_membership(body=world.board, person=make_person(name="Fay Cole")).person
    # Editors pick people they may know: Gus sits on a public forum.
    deputy = make_membership(
        body=make_body(name="Police Forum"), person=make_person(name="Gus Reed")
    ).person
    meeting = make_meeting(body=world.board, date=dt.date(2025, 10, 1), status="held")
    client = as_user(world.editor)
    response = client.post(
        reverse("meetings:attendance", args=[meeting.pk]),
        _attendance_post(
            meeting,
            **{
                f"member_{member.pk}": "present",
                f"member_{member.pk}_role": "chair",
                f"member_{absent_member.pk}": "apologies",
                "extra_1_person": deputy.pk,
                "extra_1_deputising_for": absent_member.pk,
                "extra_2_guest": "Hana Visitor",
                "extra_2_status": "in_attendance",
            },
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    rows = {a.name: a for a in Attendance.objects.filter(meeting=meeting)}
    assert rows["Eve Marsh"].status == "present" and rows["Eve Marsh"].role == "chair"
    assert rows["Fay Cole"].status == "apologies"
    assert rows["Gus Reed"].deputising_for == absent_member
    assert rows["Hana Visitor"].person is None and rows["Hana Visitor"].status == "in_attendance"


def test_the_same_person_twice_in_one_meetings_attendance_is_refused(world, as_user) -> None:
    member = make_membership(body=world.board, person=make_person(name="Ida Twice")).person
    meeting = make_meeting(body=world.board, date=dt.date(2025, 10, 2), status="held")
    response = as_user(world.editor).post(
        reverse("meetings:attendance", args=[meeting.pk]),
        _attendance_post(
            meeting, **{f"member_{member.pk}": "present", "extra_1_person": member.pk}
        ),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["extra_1_person"] == [
        "Ida Twice is already recorded at this meeting."
    ]
    assert not meeting.attendances.exists()


def test_a_non_public_item_must_say_why(world, as_user) -> None:
    response = as_user(world.editor).post(
        reverse("meetings:item_create", args=[world.meeting.pk]),
        {"number": "3", "title": "Budget", "visibility": "restricted", "restriction_reason": ""},
    )
    assert response.status_code == 200
    assert "restriction_reason" in response.context["form"].errors


def test_minutes_are_approved_at_a_later_meeting_of_the_same_body(world, as_user) -> None:
    later = make_meeting(body=world.board, date=dt.date(2025, 4, 1), status="held")
    response = as_user(world.editor).post(
        reverse("meetings:approve", args=[later.pk]), {"meeting": world.draft.pk}
    )
    assert response.status_code == 302
    world.draft.refresh_from_db()
    assert world.draft.minutes_status == MinutesStatus.APPROVED
    assert world.draft.approved_at == later
    assert world.draft.approved_on == later.date


def test_minutes_cannot_be_approved_at_an_earlier_meeting(world, as_user) -> None:
    earlier = make_meeting(body=world.board, date=dt.date(2025, 1, 1), status="held")
    response = as_user(world.editor).post(
        reverse("meetings:approve", args=[earlier.pk]), {"meeting": world.draft.pk}
    )
    assert response.status_code == 200
    assert "meeting" in response.context["form"].errors
    world.draft.refresh_from_db()
    assert world.draft.minutes_status == MinutesStatus.DRAFT


def test_the_later_of_two_simultaneous_edits_is_refused(world, as_user) -> None:
    url = reverse("meetings:edit", args=[world.meeting.pk])
    base = {
        "body": world.board.pk,
        "date": "2025-03-04",
        "status": "held",
        "opened_version": world.meeting.version,
        "amendment_reason": "The venue was wrong.",  # the minutes were approved
    }
    first = as_user(world.editor).post(url, {**base, "venue": "Room A"})
    second = as_user(world.secretariat).post(url, {**base, "venue": "Room B"})
    assert first.status_code == 302
    assert second.status_code == 200
    assert "Someone else saved this meeting" in second.content.decode()
    world.meeting.refresh_from_db()
    assert world.meeting.venue == "Room A"


def test_every_change_to_a_meeting_is_in_its_history(world, as_user) -> None:
    client = as_user(world.editor)
    client.post(
        reverse("meetings:edit", args=[world.meeting.pk]),
        {
            "body": world.board.pk,
            "date": "2025-03-04",
            "status": "held",
            "venue": "The Old Library",
            "opened_version": world.meeting.version,
            "amendment_reason": "The venue was wrong.",  # the minutes were approved
        },
    )
    page = client.get(reverse("meetings:history", args=[world.meeting.pk])).content.decode()
    assert "board-editor" in page
    assert "The Old Library" in page
    assert "Council House, Room 2" in page


def test_imported_or_typed_html_is_escaped(world, as_user) -> None:
    world.public_item.minute_text = "<script>alert('x')</script> & <b>bold</b>"
    world.public_item.save()
    page = as_user(None).get(reverse("portal:meeting", args=[world.meeting.pk])).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page


@pytest.mark.parametrize(("present", "quorate"), [(1, False), (2, True)])
def test_quorum_counts_voting_members_and_their_deputies(db, present, quorate) -> None:
    meeting = make_meeting(date=dt.date(2025, 5, 5), status="held")
    TermsOfReference.objects.create(
        body=meeting.body, version=1, adopted_on=dt.date(2024, 1, 1), purpose="x", quorum=2
    )
    a, b = (make_membership(body=meeting.body).person for _ in range(2))
    make_membership(body=meeting.body, role="adviser")
    Attendance.objects.create(meeting=meeting, person=a)
    if present == 2:
        Attendance.objects.create(meeting=meeting, person=make_person(), deputising_for=b)
    assert quorum(meeting).is_quorate is quorate
