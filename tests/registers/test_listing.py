"""A register's list: filters, a whitelisted sort, pages, and a message (never a 500) for
values it cannot use; entries of members-only bodies never named to outsiders."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.registers.entries import make_added_value

URL = reverse("registers:list", args=["added-value"])


def _titles(response) -> list[str]:
    return [entry.title for entry, _ in response.context["rows"]]


def test_the_public_reads_public_entries_of_public_bodies_only(world, as_user) -> None:
    page = as_user(None).get(URL)
    assert _titles(page) == ["Community safety plan adopted jointly"]
    text = page.content.decode()
    assert "Offender tasking saving" not in text
    assert "Board-only joint training" not in text


def test_members_read_their_bodys_entries(world, as_user) -> None:
    adviser = _titles(as_user(world.board_adviser).get(URL))
    assert set(adviser) == {"Community safety plan adopted jointly", "Board-only joint training"}
    tasking = _titles(as_user(world.tasking_member).get(URL))
    assert set(tasking) == {"Community safety plan adopted jointly", "Offender tasking saving"}
    assert len(_titles(as_user(world.secretariat).get(URL))) == 3


def test_a_members_only_body_is_not_offered_as_a_filter_to_outsiders(world, as_user) -> None:
    assert world.tasking.name not in as_user(world.partner).get(URL).content.decode()
    # Filtering by its id shows nothing of it either.
    page = as_user(world.partner).get(URL + f"?body={world.tasking.pk}")
    assert _titles(page) == []


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("?category=training", ["Board-only joint training"]),
        ("?q=SAFETY+plan", ["Community safety plan adopted jointly"]),
        ("?from=2025-05-02", []),
        ("?to=2025-05-01&category=funding", ["Offender tasking saving"]),
    ],
)
def test_filters(world, as_user, query, titles) -> None:
    assert _titles(as_user(world.secretariat).get(URL + query)) == titles


def test_sorts_are_whitelisted_and_put_blanks_last(world, as_user) -> None:
    make_added_value(body=world.board, title="Big", money_value=Decimal("5000"))
    page = as_user(world.secretariat).get(URL + "?sort=money")
    assert _titles(page) == [
        "Big",
        "Community safety plan adopted jointly",
        "Offender tasking saving",
        "Board-only joint training",
    ]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?sort=title;drop", "Sort: “title;drop” is not a way this list sorts"),
        ("?sort=-money_value", "Sort: “-money_value” is not a way"),
        ("?category=cakes", "Category: “cakes” is not one of"),
        ("?from=2025-02-30", "From: “2025-02-30” is not a date"),
        ("?body=" + "9" * 40, "Body: “99999999999999999999” is not one of the bodies."),
        ("?to=-1", "To: “-1” is not a date"),
    ],
)
def test_absurd_values_give_a_message_not_a_500(world, as_user, query, message) -> None:
    page = as_user(world.secretariat).get(URL + query)
    assert page.status_code == 400
    assert message in page.content.decode()
    assert len(_titles(page)) == 3  # the list still shows, unfiltered by the bad value


def test_the_list_is_paginated(world, as_user) -> None:
    for i in range(55):
        make_added_value(body=world.board, title=f"Entry {i:02}", date=dt.date(2020, 1, 1))
    first = as_user(world.secretariat).get(URL)
    assert len(_titles(first)) == 50
    assert "Page 1 of 2" in first.content.decode()
    second = as_user(world.secretariat).get(URL + "?page=2")
    assert len(_titles(second)) == 8
    assert as_user(world.secretariat).get(URL + "?page=" + "9" * 40).status_code == 200


def test_every_register_lists_for_the_public(world, as_user) -> None:
    for slug, shown, hidden in (
        ("funding", "Safer streets bid", "Tasking analyst bid"),
        ("publicity", "Partners cut burglary", "Tasking in the news"),
        ("risks", "Funding for wardens ends", "Tasking data breach"),
    ):
        text = as_user(None).get(reverse("registers:list", args=[slug])).content.decode()
        assert shown in text and hidden not in text, slug
        assert world.tasking.name not in text, slug
