"""Reordering the draft agenda by dragging (htmx posts the new order), with the order as it
was opened checked first; the up and down buttons stay for pages without JavaScript."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from concord.meetings.models import AgendaItem, MinutesStatus
from concord.meetings.services import StaleOrder, reorder_items
from tests.factories import make_item

HTMX = {"HTTP_HX_REQUEST": "true"}


def titles(meeting) -> list[str]:
    return list(meeting.items.order_by("position", "id").values_list("title", flat=True))


@pytest.fixture
def three(world):
    m = world.next_meeting
    world.items = [make_item(meeting=m, position=n, title=t) for n, t in enumerate("ABC")]
    world.ids = [i.pk for i in world.items]
    return world


def joined(ids) -> str:
    return ",".join(str(i) for i in ids)


def test_the_items_take_the_dragged_order_and_keep_their_numbers(three) -> None:
    a, b, c = three.ids
    assert reorder_items(three.next_meeting, [a, b, c], [c, a, b]) is True
    assert titles(three.next_meeting) == ["C", "A", "B"]
    moved = AgendaItem.objects.get(pk=c)
    assert moved.number == three.items[2].number  # renumbering is its own step
    assert moved.history.first().position == 0  # the move is in its history


def test_a_stale_order_moves_nothing(three) -> None:
    a, b, c = three.ids
    reorder_items(three.next_meeting, [a, b, c], [b, a, c])  # someone else, first
    with pytest.raises(StaleOrder):
        reorder_items(three.next_meeting, [a, b, c], [c, b, a])
    assert titles(three.next_meeting) == ["B", "A", "C"]
    extra = make_item(meeting=three.next_meeting, position=9, title="D")
    with pytest.raises(StaleOrder):  # an item added since the page was opened
        reorder_items(three.next_meeting, [b, a, c], [c, b, a])
    assert extra.pk not in three.ids


@pytest.mark.parametrize("order", ["missing", "foreign", "twice"])
def test_an_order_must_list_every_item_once(three, order) -> None:
    a, b, c = three.ids
    other = make_item(title="Elsewhere").pk
    new = {"missing": [a, b], "foreign": [a, b, other], "twice": [a, a, b, c]}[order]
    with pytest.raises(ValidationError):
        reorder_items(three.next_meeting, [a, b, c], new)
    assert titles(three.next_meeting) == ["A", "B", "C"]


def test_approved_minutes_are_not_reordered(three) -> None:
    three.next_meeting.minutes_status = MinutesStatus.APPROVED
    three.next_meeting.save()
    a, b, c = three.ids
    with pytest.raises(ValidationError):
        reorder_items(three.next_meeting, [a, b, c], [c, b, a])


def test_the_page_carries_the_script_and_the_opened_order(three, as_user) -> None:
    html = as_user(three.secretariat).get(reverse("agenda:draft", args=[three.next_meeting.pk]))
    text = html.content.decode()
    assert "concord/reorder" in text and "<script>" not in text  # a static file, no inline script
    assert f'data-opened="{joined(three.ids)}"' in text
    assert text.count('draggable="true"') == 3
    assert "Move item" in text  # the buttons stay for pages without JavaScript


def test_htmx_reorder_answers_the_list_and_a_stale_one_says_why(three, as_user) -> None:
    a, b, c = three.ids
    client = as_user(three.secretariat)
    url = reverse("agenda:reorder", args=[three.next_meeting.pk])
    response = client.post(url, {"opened": joined([a, b, c]), "order": joined([b, c, a])}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert "The items were reordered." in html and f'data-opened="{joined([b, c, a])}"' in html
    stale = client.post(url, {"opened": joined([a, b, c]), "order": joined([c, b, a])}, **HTMX)
    assert "Someone else changed" in stale.content.decode()
    assert titles(three.next_meeting) == ["B", "C", "A"]


@pytest.mark.parametrize("value", ["", "1,x", "9" * 40, "1,1"])
def test_a_bad_order_is_a_message_not_a_500(three, as_user, value) -> None:
    client = as_user(three.secretariat)
    url = reverse("agenda:reorder", args=[three.next_meeting.pk])
    response = client.post(url, {"opened": joined(three.ids), "order": value}, **HTMX)
    assert response.status_code == 200 and 'role="alert"' in response.content.decode()
    without_js = client.post(url, {"opened": joined(three.ids), "order": value})
    assert without_js.status_code == 302
    assert titles(three.next_meeting) == ["A", "B", "C"]


@pytest.mark.parametrize("who, status", [("public", 302), ("partner", 403), ("board_member", 403)])
def test_only_editors_reorder(three, as_user, who, status) -> None:
    a, b, c = three.ids
    client = as_user(None if who == "public" else getattr(three, who))
    url = reverse("agenda:reorder", args=[three.next_meeting.pk])
    assert client.post(
        url, {"opened": joined([a, b, c]), "order": joined([c, b, a])}
    ).status_code in (
        status,
        404,
    )
    assert titles(three.next_meeting) == ["A", "B", "C"]
    assert as_user(three.secretariat).get(url).status_code == 405
