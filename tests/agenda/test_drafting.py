"""The draft agenda, generated from the work programme: openers where the body has them,
standing items, scheduled reports, carried actions; never twice; edited by the secretariat."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from concord.agenda.drafting import add_draft_agenda, proposals_for, remove_item, renumber
from concord.agenda.models import AgendaPlacement, EntryKind, WorkProgrammeEntry
from concord.agenda.programme import carry_action
from concord.meetings.models import AgendaItem
from tests.agenda.conftest import TODAY
from tests.factories import make_body, make_decision, make_item, make_meeting


def agenda_of(meeting) -> list[tuple[str, str]]:
    return list(meeting.items.order_by("position", "id").values_list("number", "title"))


@pytest.fixture
def planned(world):
    w = world
    WorkProgrammeEntry.objects.create(
        body=w.board, kind=EntryKind.STANDING, title="Business Group update", lead_person=w.chair
    )
    WorkProgrammeEntry.objects.create(
        body=w.board,
        kind=EntryKind.STANDING,
        title="Ended standing item",
        standing_until=TODAY - dt.timedelta(days=1),
    )
    WorkProgrammeEntry.objects.create(
        body=w.board, title="Night-time economy review", meeting=w.next_meeting
    )
    WorkProgrammeEntry.objects.create(
        body=w.board,
        title="Budget pressures briefing",
        meeting=w.next_meeting,
        visibility="members",
        restriction_reason="Draft budget figures",
    )
    WorkProgrammeEntry.objects.create(
        body=w.board,
        title="For a later meeting",
        meeting=make_meeting(body=w.board, date=TODAY + dt.timedelta(days=60)),
    )
    carry_action(w.public_action, w.next_meeting)
    return w


def test_a_draft_agenda_comes_from_the_programme_in_order(planned) -> None:
    added = add_draft_agenda(planned.next_meeting)
    assert agenda_of(planned.next_meeting) == [
        ("1", "Apologies for absence"),
        ("2", "Minutes of the previous meeting"),
        ("3", "Matters arising"),
        ("4", "Business Group update"),
        ("5", "Night-time economy review"),
        ("6", "Budget pressures briefing"),
        ("7", "Action: Publish the community safety plan"),
    ]
    assert len(added) == 7
    matters = AgendaItem.objects.get(meeting=planned.next_meeting, title="Matters arising")
    assert matters.is_matters_arising
    budget = AgendaItem.objects.get(title="Budget pressures briefing")
    assert (budget.visibility, budget.restriction_reason) == ("members", "Draft budget figures")
    assert AgendaItem.objects.get(title="Business Group update").presenter == planned.chair
    assert AgendaPlacement.objects.count() == 4


def test_generating_again_adds_nothing_twice(planned) -> None:
    add_draft_agenda(planned.next_meeting)
    first = agenda_of(planned.next_meeting)
    # Renaming a generated item does not bring the entry back.
    AgendaItem.objects.filter(title="Business Group update").update(title="Business Group")
    assert proposals_for(planned.next_meeting) == []
    assert add_draft_agenda(planned.next_meeting) == []
    assert len(agenda_of(planned.next_meeting)) == len(first)


def test_items_already_on_the_agenda_by_hand_are_not_proposed(planned) -> None:
    make_item(meeting=planned.next_meeting, number="1", position=0, title="apologies for absence.")
    make_item(
        meeting=planned.next_meeting,
        number="2",
        position=1,
        title="Actions",
        is_matters_arising=True,
    )
    titles = [p.title for p in proposals_for(planned.next_meeting)]
    assert "Apologies for absence" not in titles and "Matters arising" not in titles
    add_draft_agenda(planned.next_meeting)
    assert agenda_of(planned.next_meeting)[2] == ("3", "Minutes of the previous meeting")


def test_a_new_body_has_only_apologies_to_open_with(world) -> None:
    first_meeting = make_meeting(
        body=make_body(name="New Forum"), date=TODAY + dt.timedelta(days=5)
    )
    assert [p.title for p in proposals_for(first_meeting)] == ["Apologies for absence"]


def test_renumbering_follows_the_agenda_order(planned) -> None:
    add_draft_agenda(planned.next_meeting)
    items = list(planned.next_meeting.items.order_by("position"))
    AgendaItem.objects.filter(pk=items[0].pk).update(number="9a")
    from concord.meetings.services import move_item

    move_item(items[6], -1)
    assert renumber(planned.next_meeting) == 3
    numbers = agenda_of(planned.next_meeting)
    assert [n for n, _ in numbers] == ["1", "2", "3", "4", "5", "6", "7"]
    assert numbers[5][1] == "Action: Publish the community safety plan"


def test_removing_an_item_only_while_nothing_is_recorded_at_it(planned) -> None:
    add_draft_agenda(planned.next_meeting)
    apologies = AgendaItem.objects.get(meeting=planned.next_meeting, title="Apologies for absence")
    remove_item(apologies)
    report = AgendaItem.objects.get(title="Night-time economy review")
    make_decision(item=report, text="to note")
    with pytest.raises(ValidationError):
        remove_item(report)
    assert not AgendaItem.objects.filter(pk=apologies.pk).exists()
    standing = AgendaItem.objects.get(title="Business Group update")
    remove_item(standing)
    # What the secretariat took off does not come back when the agenda is generated again
    # (the apologies opener does: it was not from the programme).
    assert [p.title for p in proposals_for(planned.next_meeting)] == ["Apologies for absence"]


def test_approved_minutes_are_not_regenerated_or_renumbered(world) -> None:
    with pytest.raises(ValidationError):
        add_draft_agenda(world.meeting)
    with pytest.raises(ValidationError):
        renumber(world.meeting)


def test_the_agenda_page_builds_moves_renumbers_and_publishes(planned, as_user) -> None:
    client = as_user(planned.secretariat)
    page = reverse("agenda:draft", args=[planned.next_meeting.pk])
    html = client.get(page).content.decode()
    assert "Add these 7 items to the agenda" in html
    client.post(reverse("agenda:generate", args=[planned.next_meeting.pk]))
    html = client.get(page).content.decode()
    assert "Everything on the work programme for this meeting is on the agenda" in html
    third = AgendaItem.objects.get(meeting=planned.next_meeting, number="3")
    moved = client.post(
        reverse("meetings:item_move", args=[third.pk]), {"direction": "up", "next": page}
    )
    assert moved["Location"] == f"{page}#item-{third.pk}"
    assert agenda_of(planned.next_meeting)[1] == ("3", "Matters arising")
    client.post(reverse("agenda:renumber", args=[planned.next_meeting.pk]))
    assert agenda_of(planned.next_meeting)[1] == ("2", "Matters arising")
    apologies = AgendaItem.objects.get(meeting=planned.next_meeting, number="1")
    client.post(reverse("agenda:remove", args=[apologies.pk]))
    assert len(agenda_of(planned.next_meeting)) == 6
    saved = client.post(
        page,
        {"agenda_published_on": TODAY.isoformat(), "opened_version": planned.next_meeting.version},
    )
    assert saved.status_code == 302
    planned.next_meeting.refresh_from_db()
    assert planned.next_meeting.agenda_published_on == TODAY
    late = client.post(
        page, {"agenda_published_on": "2027-01-01", "opened_version": planned.next_meeting.version}
    )
    assert "agenda_published_on" in late.context["form"].errors


def test_a_move_never_redirects_off_site(planned, as_user) -> None:
    item = make_item(meeting=planned.next_meeting, position=5)
    make_item(meeting=planned.next_meeting, position=6)
    response = as_user(planned.secretariat).post(
        reverse("meetings:item_move", args=[item.pk]),
        {"direction": "down", "next": "//evil.example/"},
    )
    assert response["Location"].startswith(
        reverse("portal:meeting", args=[planned.next_meeting.pk])
    )


@pytest.mark.parametrize("who, status", [("public", 302), ("partner", 404), ("board_member", 403)])
def test_only_editors_reach_the_agenda_page(planned, as_user, who, status) -> None:
    from concord.meetings.models import Meeting

    Meeting.objects.filter(pk=planned.next_meeting.pk).update(agenda_published_on=TODAY)
    client = as_user(None if who == "public" else getattr(planned, who))
    expected = 403 if who == "partner" else status
    assert (
        client.get(reverse("agenda:draft", args=[planned.next_meeting.pk])).status_code == expected
    )
    assert (
        client.post(reverse("agenda:generate", args=[planned.next_meeting.pk])).status_code
        == expected
    )
    assert not planned.next_meeting.items.exists()
