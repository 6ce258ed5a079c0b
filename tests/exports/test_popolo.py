"""Popolo JSON: exchangeable with civic tools, and no more than the viewer may see."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from concord.exports.popolo import popolo_export
from concord.lib.access import PUBLIC
from tests.factories import make_body, make_meeting, make_membership, make_person


def fetch(client) -> dict:
    response = client.get(reverse("exports:popolo"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def by_id(rows: list[dict]) -> dict[str, dict]:
    return {row["id"]: row for row in rows}


def seat_people(world) -> None:
    make_membership(person=world.chair, body=world.board, organisation=world.council, role="chair")
    make_membership(
        person=world.deputy,
        body=world.tasking,
        organisation=world.police,
        start=dt.date(2024, 4, 1),
    )


def test_it_has_the_four_popolo_collections_with_typed_ids(client, world):
    seat_people(world)
    data = fetch(client)
    assert set(data) == {"organizations", "persons", "memberships", "events"}
    orgs = by_id(data["organizations"])
    assert orgs[f"organisation/{world.council.pk}"]["classification"] == "public"
    board = orgs[f"body/{world.board.pk}"]
    assert board["classification"] == "theme_group"
    (membership,) = [m for m in data["memberships"] if m["person_id"] == f"person/{world.chair.pk}"]
    assert membership == {
        "id": membership["id"],
        "person_id": f"person/{world.chair.pk}",
        "organization_id": f"body/{world.board.pk}",
        "on_behalf_of_id": f"organisation/{world.council.pk}",
        "role": "chair",
        "label": "Chair",
    }
    event = by_id(data["events"])[f"meeting/{world.meeting.pk}"]
    assert event["start_date"] == "2025-03-04T10:00:00+00:00"
    assert event["end_date"] == "2025-03-04T12:00:00+00:00"
    assert event["location"] == "Council House, Room 2"
    assert event["organization_id"] == f"body/{world.board.pk}"
    assert event["status"] == "passed"
    assert by_id(data["events"])[f"meeting/{world.untimed.pk}"]["start_date"] == "2025-06-10"
    assert by_id(data["events"])[f"meeting/{world.cancelled.pk}"]["status"] == "cancelled"


def test_anonymous_gets_no_contact_details(client, world):
    seat_people(world)
    data = fetch(client)
    chair = by_id(data["persons"])[f"person/{world.chair.pk}"]
    assert chair == {
        "id": f"person/{world.chair.pk}",
        "name": "Ann Lee",
        "honorific_prefix": "Cllr",
    }
    text = str(data)
    assert "@example.org" not in text
    assert "01234" not in text


def test_the_secretariat_gets_contact_details(client, world):
    seat_people(world)
    client.force_login(world.secretariat)
    persons = by_id(fetch(client)["persons"])
    assert persons[f"person/{world.chair.pk}"]["email"] == "ann.lee@example.org"
    assert {"type": "voice", "value": "01234 567890"} in persons[f"person/{world.deputy.pk}"][
        "contact_details"
    ]


def test_members_only_bodies_their_seats_and_meetings_are_for_insiders(client, world):
    seat_people(world)
    hidden = (f"body/{world.tasking.pk}", f"meeting/{world.private_meeting.pk}")
    data = fetch(client)
    ids = {row["id"] for key in ("organizations", "events") for row in data[key]}
    assert not ids & set(hidden)
    assert f"person/{world.deputy.pk}" not in by_id(data["persons"])
    client.force_login(world.tasking_member)
    data = fetch(client)
    ids = {row["id"] for key in ("organizations", "events") for row in data[key]}
    assert set(hidden) <= ids
    assert f"person/{world.deputy.pk}" in by_id(data["persons"])


def test_a_hidden_parent_body_is_not_named(client, world):
    child = make_body(name="Public sub-group", reports_to=world.tasking)
    orgs = by_id(fetch(client)["organizations"])
    assert orgs[f"body/{child.pk}"]["parent_id"] is None
    client.force_login(world.tasking_member)
    orgs = by_id(fetch(client)["organizations"])
    assert orgs[f"body/{child.pk}"]["parent_id"] == f"body/{world.tasking.pk}"


def test_the_export_takes_four_queries_whatever_its_size(world, django_assert_num_queries):
    with django_assert_num_queries(4):
        small = popolo_export(PUBLIC)
    for n in range(10):
        body = make_body(name=f"Group {n}")
        make_membership(body=body, person=make_person(), role="member")
        make_meeting(body=body)
    with django_assert_num_queries(4):
        large = popolo_export(PUBLIC)
    assert len(large["memberships"]) == len(small["memberships"]) + 10
    assert len(large["events"]) == len(small["events"]) + 10
