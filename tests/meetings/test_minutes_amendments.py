"""Approved minutes are locked: a correction asks why and is shown with the minutes."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from concord.meetings.models import MinutesAmendment

REASON = "Reason for correcting approved minutes"


def item_post(item, **extra) -> dict:
    data = {
        "number": item.number,
        "title": item.title,
        "minute_text": "The board discussed the plan and asked for a summary.",
        "visibility": "public",
        "opened_version": item.version,
    }
    return {**data, **extra}


def test_an_approved_item_is_not_changed_without_a_reason(world, as_user) -> None:
    item = world.public_item
    response = as_user(world.editor).post(
        reverse("meetings:item_edit", args=[item.pk]), item_post(item)
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "amendment_reason" in form.errors
    assert REASON in response.content.decode()
    item.refresh_from_db()
    assert "asked for a summary" not in item.minute_text
    assert not MinutesAmendment.objects.exists()


def test_a_correction_is_recorded_and_shown_with_the_minutes(world, as_user) -> None:
    item = world.public_item
    response = as_user(world.editor).post(
        reverse("meetings:item_edit", args=[item.pk]),
        item_post(item, amendment_reason="The chair asked for a summary to be minuted."),
    )
    assert response.status_code == 302
    amendment = MinutesAmendment.objects.get()
    assert (amendment.meeting, amendment.what, amendment.made_by) == (
        world.meeting,
        "Item 1",
        world.editor,
    )
    public = Client().get(reverse("portal:meeting", args=[world.meeting.pk])).content.decode()
    assert "Corrections made after approval" in public
    assert "Item 1:</strong> The chair asked for a summary to be minuted." in public
    assert "asked for a summary" in public
    assert world.editor.get_username() not in public  # who, for signed-in readers only
    signed_in = as_user(world.secretariat).get(reverse("portal:meeting", args=[world.meeting.pk]))
    assert world.editor.get_username() in signed_in.content.decode()
    assert amendment.history.count() == 1


def test_draft_minutes_are_edited_without_a_reason(world, as_user) -> None:
    item = world.draft.items.get()
    response = as_user(world.editor).post(
        reverse("meetings:item_edit", args=[item.pk]), item_post(item)
    )
    assert response.status_code == 302
    assert not MinutesAmendment.objects.exists()


@pytest.mark.parametrize("view", ["meetings:decision_create", "meetings:declaration_create"])
def test_adding_to_an_approved_item_asks_why(world, as_user, view) -> None:
    page = as_user(world.editor).get(reverse(view, args=[world.public_item.pk]))
    assert REASON in page.content.decode()


def test_approved_attendance_is_corrected_with_a_reason(world, as_user) -> None:
    client = as_user(world.editor)
    url = reverse("meetings:attendance", args=[world.meeting.pk])
    data = {f"extra_{n}_status": "present" for n in range(1, 10)}
    data["extra_1_guest"] = "Dee Guest"
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "amendment_reason" in refused.context["form"].errors
    accepted = client.post(url, {**data, "amendment_reason": "A deputy was left out."})
    assert accepted.status_code == 302, accepted.content.decode()[:3000]
    assert MinutesAmendment.objects.get().what == "Attendance"
    assert list(world.meeting.attendances.values_list("guest_name", flat=True)) == ["Dee Guest"]
