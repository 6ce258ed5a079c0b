"""The work programme: editors of the body and the secretariat add and edit entries, members
read it, the public sees only public entries of public bodies that have gone out."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from concord.agenda.models import EntryKind, WorkProgrammeEntry
from tests.agenda.conftest import TODAY, at
from tests.factories import make_action, make_meeting


def programme_page(client, body) -> str:
    response = client.get(reverse("agenda:programme", args=[body.slug]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def programme(world):
    w = world
    w.standing = WorkProgrammeEntry.objects.create(
        body=w.board, kind=EntryKind.STANDING, title="Business Group update", lead_person=w.chair
    )
    w.report = WorkProgrammeEntry.objects.create(
        body=w.board,
        kind=EntryKind.REPORT,
        title="Night-time economy review",
        meeting=w.next_meeting,
        paper_due=TODAY + dt.timedelta(days=10),
        lead_organisation=w.police,
    )
    w.members_report = WorkProgrammeEntry.objects.create(
        body=w.board,
        kind=EntryKind.REPORT,
        title="Budget pressures briefing",
        meeting=w.next_meeting,
        visibility="members",
        restriction_reason="Draft budget figures",
    )
    w.restricted_report = WorkProgrammeEntry.objects.create(
        body=w.board,
        kind=EntryKind.REPORT,
        title="Informant handling audit",
        meeting=w.next_meeting,
        visibility="restricted",
        restriction_reason="Law enforcement",
    )
    return w


@pytest.mark.parametrize(
    "who, sees",
    [
        ("public", {"Business Group update"}),
        ("partner", {"Business Group update"}),
        (
            "board_adviser",
            {"Business Group update", "Night-time economy review", "Budget pressures briefing"},
        ),
        ("board_member", "all"),
        ("editor", "all"),
        ("secretariat", "all"),
    ],
)
def test_who_reads_what_before_the_agenda_is_out(programme, as_user, who, sees) -> None:
    everything = {
        "Business Group update",
        "Night-time economy review",
        "Budget pressures briefing",
        "Informant handling audit",
    }
    html = programme_page(
        as_user(None if who == "public" else getattr(programme, who)), programme.board
    )
    shown = {title for title in everything if title in html}
    assert shown == (everything if sees == "all" else sees)


def test_once_the_agenda_is_out_the_public_sees_its_public_reports(programme, client) -> None:
    with at(TODAY + dt.timedelta(days=14)):
        html = programme_page(client, programme.board)
    assert "Night-time economy review" in html and "Riverton Police" in html
    assert "Budget pressures briefing" not in html and "Informant handling audit" not in html


def test_a_members_only_bodys_programme_is_a_404_to_others(world, as_user) -> None:
    url = reverse("agenda:programme", args=[world.tasking.slug])
    assert as_user(None).get(url).status_code == 404
    assert as_user(world.partner).get(url).status_code == 404
    assert as_user(world.tasking_member).get(url).status_code == 200


def test_a_lead_the_viewer_may_not_know_is_not_named(world, client) -> None:
    from tests.factories import make_person

    hidden = make_person(name="Quentin Unlisted")
    WorkProgrammeEntry.objects.create(
        body=world.board, kind=EntryKind.STANDING, title="Estates update", lead_person=hidden
    )
    html = programme_page(client, world.board)
    assert "Estates update" in html and "Quentin Unlisted" not in html


def test_an_editor_adds_a_report_and_edits_it_with_the_version_check(world, as_user) -> None:
    client = as_user(world.editor)
    url = reverse("agenda:entry_create", args=[world.board.slug])
    response = client.post(
        url,
        {
            "kind": "report",
            "title": "Knife crime data",
            "lead_organisation": world.police.pk,
            "meeting": world.next_meeting.pk,
            "paper_due": "2026-03-16",
            "visibility": "public",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = WorkProgrammeEntry.objects.get(title="Knife crime data")
    assert (entry.body, entry.meeting, entry.paper_due) == (
        world.board,
        world.next_meeting,
        dt.date(2026, 3, 16),
    )
    edit = reverse("agenda:entry_edit", args=[entry.pk])
    data = {
        "kind": "report",
        "title": "Knife crime data, Q3",
        "meeting": world.next_meeting.pk,
        "visibility": "public",
        "opened_version": entry.version,
    }
    assert client.post(edit, data).status_code == 302
    stale = client.post(edit, {**data, "title": "Overwrite"})
    assert "Someone else saved" in stale.content.decode()
    entry.refresh_from_db()
    assert entry.title == "Knife crime data, Q3"
    assert entry.history.count() == 2


def test_form_errors_name_their_field(world, as_user) -> None:
    client = as_user(world.editor)
    url = reverse("agenda:entry_create", args=[world.board.slug])
    response = client.post(url, {"kind": "report", "title": "No meeting", "visibility": "members"})
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"meeting", "restriction_reason"}
    past = make_meeting(body=world.board, date=TODAY - dt.timedelta(days=3))
    response = client.post(
        url, {"kind": "report", "title": "x", "meeting": past.pk, "visibility": "public"}
    )
    assert "meeting" in response.context["form"].errors


@pytest.mark.parametrize("who, status", [("public", 302), ("partner", 403), ("board_member", 403)])
def test_only_editors_and_the_secretariat_change_it(programme, as_user, who, status) -> None:
    client = as_user(None if who == "public" else getattr(programme, who))
    assert (
        client.get(reverse("agenda:entry_create", args=[programme.board.slug])).status_code
        == status
    )
    assert client.get(reverse("agenda:entry_edit", args=[programme.standing.pk])).status_code in (
        status,
        404,
    )


def test_an_open_action_is_carried_with_its_items_visibility(world, as_user) -> None:
    client = as_user(world.editor)
    html = programme_page(client, world.board)
    assert "Notify Acme Cameras" in html  # the secret action, open, visible to the editor
    response = client.post(
        reverse("agenda:carry", args=[world.board.slug]),
        {"action": world.secret_action.pk, "meeting": world.next_meeting.pk},
    )
    assert response.status_code == 302
    entry = WorkProgrammeEntry.objects.get(action=world.secret_action)
    assert (entry.kind, entry.meeting, entry.visibility) == (
        "carried",
        world.next_meeting,
        "restricted",
    )
    assert "Notify Acme Cameras" not in programme_page(as_user(world.board_adviser), world.board)
    # carried once: no longer offered, listed once as an entry
    html = programme_page(as_user(world.editor), world.board)
    assert "Action: Notify Acme Cameras" in html
    assert f'name="action" value="{world.secret_action.pk}"' not in html


def test_carrying_refuses_an_action_of_another_body(world, as_user) -> None:
    client = as_user(world.editor)
    other = make_action(description="Someone else's")
    client.post(reverse("agenda:carry", args=[world.board.slug]), {"action": other.pk})
    client.post(
        reverse("agenda:carry", args=[world.board.slug]), {"action": "99999999999999999999"}
    )
    assert not WorkProgrammeEntry.objects.exists()


def test_ended_standing_items_and_past_reports_leave_the_programme(programme, as_user) -> None:
    programme.standing.standing_until = TODAY - dt.timedelta(days=1)
    programme.standing.save()
    past = make_meeting(body=programme.board, date=TODAY - dt.timedelta(days=30))
    WorkProgrammeEntry.objects.create(body=programme.board, title="Old report", meeting=past)
    html = programme_page(as_user(programme.secretariat), programme.board)
    assert "Business Group update" not in html and "Old report" not in html
    assert "Night-time economy review" in html
