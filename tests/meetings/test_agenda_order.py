"""Agenda items: numbers used once per agenda, and items moved up and down without JavaScript."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from concord.meetings.models import AgendaItem
from tests.factories import make_item, make_meeting


@pytest.fixture
def agenda(world):
    meeting = make_meeting(body=world.board, date=dt.date(2025, 9, 1), status="held")
    items = [make_item(meeting=meeting, number=str(n), title=f"Topic {n}", position=0)
             for n in (1, 2, 3)]  # fmt: skip
    return meeting, items


def order(meeting) -> list[str]:
    return list(meeting.items.order_by("position", "id").values_list("title", flat=True))


def test_an_item_number_is_used_once_per_agenda(world, as_user, agenda) -> None:
    meeting, _ = agenda
    response = as_user(world.editor).post(
        reverse("meetings:item_create", args=[meeting.pk]),
        {"number": "2.", "title": "Another", "visibility": "public"},
    )
    assert response.status_code == 200
    assert "Item 2. is already on this agenda" in str(response.context["form"].errors["number"])
    assert meeting.items.count() == 3


def test_items_move_up_and_down(world, as_user, agenda) -> None:
    meeting, (first, second, third) = agenda
    client = as_user(world.editor)
    page = client.get(reverse("portal:meeting", args=[meeting.pk])).content.decode()
    assert "Move item 3 up" in page and "Move item 1 up" not in page
    response = client.post(reverse("meetings:item_move", args=[third.pk]), {"direction": "up"})
    assert response.status_code == 302
    assert order(meeting) == ["Topic 1", "Topic 3", "Topic 2"]
    client.post(reverse("meetings:item_move", args=[first.pk]), {"direction": "down"})
    assert order(meeting) == ["Topic 3", "Topic 1", "Topic 2"]
    client.post(
        reverse("meetings:item_move", args=[third.pk]), {"direction": "up"}
    )  # already first
    assert order(meeting) == ["Topic 3", "Topic 1", "Topic 2"]


def test_approved_minutes_are_not_reordered(world, as_user) -> None:
    item = world.public_item  # on approved minutes
    before = order(world.meeting)
    client = as_user(world.editor)
    response = client.post(
        reverse("meetings:item_move", args=[item.pk]), {"direction": "down"}, follow=True
    )
    assert "approved: their items are not reordered" in response.content.decode()
    assert order(world.meeting) == before


def test_only_editors_move_items_and_only_by_post(world, as_user, agenda) -> None:
    meeting, (first, *_) = agenda
    url = reverse("meetings:item_move", args=[first.pk])
    assert as_user(world.partner).post(url, {"direction": "down"}).status_code in (403, 404)
    assert as_user(world.editor).get(url).status_code == 405
    assert as_user(world.editor).post(url, {"direction": "sideways"}).status_code == 400
    assert AgendaItem.objects.get(pk=first.pk).position == 0
