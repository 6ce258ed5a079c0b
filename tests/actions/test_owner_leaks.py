"""Hole 1: a members-only body (or a person only the body's members know) named as an
action's owner never reaches anyone who may not see it, on any rendering of owners."""

from __future__ import annotations

import io
import zipfile
from types import SimpleNamespace

import pytest
from django.urls import reverse

from concord.actions.models import ActionOwner
from tests.factories import make_membership, make_person
from tests.performance.pages_world import build_perf_world

SECRET_NAMES = ("Offender Tasking Group", "offender-tasking", "Sam Sleuth")


@pytest.fixture
def w(db) -> SimpleNamespace:
    """The shared personas; the public action is also owned by the members-only tasking
    group and by Sam Sleuth, who sits only on that group."""
    w = build_perf_world()
    w.sleuth = make_person(name="Sam Sleuth")
    make_membership(person=w.sleuth, body=w.tasking)
    ActionOwner.objects.create(action=w.public_action, body=w.tasking)
    ActionOwner.objects.create(action=w.public_action, person=w.sleuth)
    w.ttc.actions.add(w.public_action)
    return w


def assert_no_secret(text: str) -> None:
    for name in SECRET_NAMES:
        assert name not in text
    assert "Owner not shown" in text


def docx_text(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        return z.read("word/document.xml").decode()


def test_the_public_meeting_page_withholds_a_members_only_owner(client, w):
    html = client.get(reverse("portal:meeting", args=[w.meeting.pk])).content.decode()
    assert "Cllr Ann Lee" in html
    assert_no_secret(html)


def test_the_meetings_api_withholds_a_members_only_owner(client, w):
    data = client.get(f"/api/meetings/{w.meeting.pk}").json()
    owners = data["items"][0]["actions"][0]["owners"]
    withheld = {"kind": "withheld", "name": "Owner not shown", "person_id": None, "body_slug": None}
    assert withheld in owners
    assert_no_secret(str(data))


def test_the_word_minutes_withhold_a_members_only_owner(client, w):
    response = client.get(reverse("exports:minutes_docx", args=[w.meeting.pk]))
    assert_no_secret(docx_text(response.content))


def test_the_actions_csv_withholds_a_members_only_owner(client, w):
    client.force_login(w.partner)
    csv_text = client.get(reverse("exports:actions_csv") + "?status=all").content.decode()
    assert "Publish the community safety plan" in csv_text
    assert_no_secret(csv_text)


def test_the_tracker_and_action_page_withhold_a_members_only_owner(client, w):
    client.force_login(w.partner)
    assert_no_secret(client.get(reverse("actions:tracker")).content.decode())
    assert_no_secret(
        client.get(reverse("actions:detail", args=[w.public_action.pk])).content.decode()
    )


def test_the_actions_api_withholds_a_members_only_owner(client, w):
    client.force_login(w.partner)
    assert_no_secret(str(client.get("/api/actions").json()))
    assert_no_secret(str(client.get(f"/api/actions/{w.public_action.pk}").json()))


def test_a_person_page_withholds_a_members_only_co_owner(client, w):
    client.force_login(w.partner)
    html = client.get(reverse("people:person", args=[w.chair.pk])).content.decode()
    assert "Publish the community safety plan" in html
    assert_no_secret(html)


def test_the_turn_the_curve_plan_withholds_a_members_only_owner(client, w):
    url = reverse("performance:turn_the_curve", args=[w.rate.pk]) + f"?area={w.la.code}"
    html = client.get(url).content.decode()
    assert "Publish the community safety plan" in html
    assert_no_secret(html)


def test_matters_arising_withholds_it_from_an_editor_outside_the_group(client, w):
    later = w.meeting.__class__.objects.create(body=w.board, date=w.meeting.date.replace(month=9))
    client.force_login(w.editor)
    html = client.get(reverse("meetings:matters_arising", args=[later.pk])).content.decode()
    assert "Publish the community safety plan" in html
    assert_no_secret(html)


def test_members_of_the_group_and_the_secretariat_see_the_owners(client, w):
    for user in (w.tasking_member, w.secretariat):
        client.force_login(user)
        html = client.get(reverse("portal:meeting", args=[w.meeting.pk])).content.decode()
        assert "Offender Tasking Group" in html and "Sam Sleuth" in html


def test_a_person_is_shown_to_whoever_may_know_them(client, w):
    # Sam attends the public meeting: anyone who may read those minutes may know Sam.
    w.meeting.attendances.create(person=w.sleuth, status="present")
    html = client.get(reverse("portal:meeting", args=[w.meeting.pk])).content.decode()
    assert "Sam Sleuth" in html
    assert "Offender Tasking Group" not in html


def test_a_presenter_or_declarant_the_visitor_may_not_know_is_not_named(client, w):
    w.public_item.presenter = w.sleuth
    w.public_item.save()
    w.public_item.declarations.create(person=w.sleuth, interest="Owns a camera firm")
    html = client.get(reverse("portal:meeting", args=[w.meeting.pk])).content.decode()
    assert "Sam Sleuth" not in html and "Owns a camera firm" in html
    assert "Name not shown" in html
    data = client.get(f"/api/meetings/{w.meeting.pk}").json()
    assert data["items"][0]["presenter"] is None and "Sam Sleuth" not in str(data)
    document = docx_text(client.get(reverse("exports:minutes_docx", args=[w.meeting.pk])).content)
    assert "Sam Sleuth" not in document
    client.force_login(w.tasking_member)
    html = client.get(reverse("portal:meeting", args=[w.meeting.pk])).content.decode()
    assert "Presented by Sam Sleuth" in html and "Sam Sleuth — Owns a camera firm" in html


def test_the_tracker_cannot_be_filtered_by_a_person_the_viewer_may_not_know(client, w):
    client.force_login(w.partner)
    by_id = reverse("actions:tracker") + f"?owner={w.sleuth.pk}&status=all"
    by_name = reverse("actions:tracker") + "?owner_name=Sleuth&status=all"
    for url in (by_id, by_name):
        assert "Publish the community safety plan" not in client.get(url).content.decode()
    csv_text = client.get(reverse("exports:actions_csv") + "?owner_name=Sleuth").content.decode()
    assert "Publish the community safety plan" not in csv_text
    assert client.get(f"/api/actions?owner={w.sleuth.pk}").json()["count"] == 0
    client.force_login(w.tasking_member)
    assert "Publish the community safety plan" in client.get(by_name).content.decode()
