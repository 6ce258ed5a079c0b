"""Meetings through the API: visibility, drafts and restricted items as in the web pages."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import make_meeting


def test_anonymous_lists_only_public_bodies_meetings_paginated(client, world):
    data = client.get("/api/meetings?limit=2").json()
    assert data["count"] == 4
    assert data["limit"] == 2
    assert len(data["items"]) == 2
    assert data["items"][0]["id"] == world.untimed.pk  # latest first
    everything = client.get("/api/meetings").json()["items"]
    assert world.private_meeting.pk not in {m["id"] for m in everything}


def test_meetings_filter_by_body_and_dates(client, world):
    client.force_login(world.secretariat)
    data = client.get(f"/api/meetings?body={world.tasking.slug}").json()
    assert [m["id"] for m in data["items"]] == [world.private_meeting.pk]
    data = client.get("/api/meetings?from=2025-03-01&to=2025-05-31").json()
    assert {m["id"] for m in data["items"]} == {
        world.meeting.pk,
        world.private_meeting.pk,
        world.cancelled.pk,
    }


def test_bad_filters_are_422_not_500(client, world):
    assert client.get("/api/meetings?from=yesterday").status_code == 422
    assert client.get("/api/meetings?limit=0").status_code == 422
    assert client.get("/api/meetings/abc").status_code in {404, 422}


def test_a_meeting_of_a_hidden_body_is_404_and_a_missing_one_too(client, world):
    assert client.get(f"/api/meetings/{world.private_meeting.pk}").status_code == 404
    assert client.get("/api/meetings/999999").status_code == 404
    client.force_login(world.tasking_member)
    assert client.get(f"/api/meetings/{world.private_meeting.pk}").status_code == 200


def test_a_meeting_shows_attendance_items_decisions_and_actions(client, world):
    data = client.get(f"/api/meetings/{world.meeting.pk}").json()
    assert data["minutes_visible"] is True
    assert data["start_time"] == "10:00:00"
    chair = next(a for a in data["attendance"] if a["person_id"] == world.chair.pk)
    assert chair["role"] == "chair"
    deputy = next(a for a in data["attendance"] if a["person_id"] == world.deputy.pk)
    assert deputy["deputising_for"]["display_name"] == "Chief Supt Carol Hart"
    (item,) = data["items"]
    assert item["title"] == "Community safety plan"
    assert item["decisions"] == [{"kind": "agreed", "text": "to adopt the community safety plan"}]
    (action,) = item["actions"]
    assert action["description"] == "Publish the community safety plan"
    assert action["owners"][0]["person_id"] == world.chair.pk
    assert "example.org" not in str(data) and "01234" not in str(data)


@pytest.mark.parametrize("persona", [None, "partner", "board_adviser"])
def test_a_restricted_item_is_absent_for_those_who_may_not_see_it(client, world, persona):
    if persona:
        client.force_login(getattr(world, persona))
    data = client.get(f"/api/meetings/{world.meeting.pk}").json()
    assert [i["title"] for i in data["items"]] == ["Community safety plan"]
    assert "Acme" not in str(data)


def test_the_secretariat_sees_the_restricted_item(client, world):
    client.force_login(world.secretariat)
    data = client.get(f"/api/meetings/{world.meeting.pk}").json()
    restricted = next(i for i in data["items"] if i["id"] == world.secret_item.pk)
    assert restricted["visibility"] == "restricted"
    assert restricted["minute_text"] == "Preferred bidder is Acme Cameras."


def test_draft_minutes_are_withheld_from_the_public_but_not_from_members(client, world):
    data = client.get(f"/api/meetings/{world.draft.pk}").json()
    assert data["minutes_status"] == "draft"
    assert data["minutes_visible"] is False
    assert data["items"] == [] and data["attendance"] == []
    client.force_login(world.board_member)
    data = client.get(f"/api/meetings/{world.draft.pk}").json()
    assert data["minutes_visible"] is True
    assert [i["title"] for i in data["items"]] == ["Draft-only discussion"]


@pytest.mark.parametrize("total", [2, 10])
def test_listing_meetings_takes_two_queries_whatever_their_number(
    client, db, total, django_assert_num_queries
):
    for n in range(total):
        make_meeting(date=dt.date(2025, 1, 1) + dt.timedelta(days=n))
    with django_assert_num_queries(2):
        assert len(client.get("/api/meetings").json()["items"]) == total
