"""Bodies and people through the API: members-only bodies hidden, contact details guarded."""

from __future__ import annotations

import pytest

from tests.factories import make_body, make_membership, make_person


def test_anonymous_lists_public_bodies_only(client, world):
    slugs = {b["slug"] for b in client.get("/api/bodies").json()}
    assert world.board.slug in slugs
    assert world.tasking.slug not in slugs


def test_a_member_lists_their_members_only_body(client, world):
    client.force_login(world.tasking_member)
    slugs = {b["slug"] for b in client.get("/api/bodies").json()}
    assert world.tasking.slug in slugs


def test_a_hidden_body_is_404_and_an_unknown_one_too(client, world):
    assert client.get(f"/api/bodies/{world.tasking.slug}").status_code == 404
    assert client.get("/api/bodies/no-such-body").status_code == 404


def test_a_body_lists_its_current_members_without_contact_details(client, world):
    make_membership(person=world.chair, body=world.board, organisation=world.council, role="chair")
    data = client.get(f"/api/bodies/{world.board.slug}").json()
    chair = next(m for m in data["members"] if m["person"]["id"] == world.chair.pk)
    assert chair["role"] == "chair"
    assert chair["organisation"] == {"id": world.council.pk, "name": "Riverton City Council"}
    assert "example.org" not in str(data)


def test_a_body_reporting_to_a_hidden_body_does_not_name_it(client, world):
    child = make_body(name="Public sub-group", reports_to=world.tasking)
    assert client.get(f"/api/bodies/{child.slug}").json()["reports_to"] is None
    listed = {b["slug"]: b for b in client.get("/api/bodies").json()}
    assert listed[child.slug]["reports_to"] is None
    client.force_login(world.tasking_member)
    assert client.get(f"/api/bodies/{child.slug}").json()["reports_to"] == {
        "slug": world.tasking.slug,
        "name": world.tasking.name,
    }


@pytest.mark.parametrize("persona", [None, "partner", "board_member"])
def test_people_come_without_contact_details_unless_secretariat(client, world, persona):
    if persona:
        client.force_login(getattr(world, persona))
    data = client.get(f"/api/people/{world.chair.pk}").json()
    assert data["display_name"] == "Cllr Ann Lee"
    assert data["contact"] is None
    assert "ann.lee@example.org" not in str(data)


def test_the_secretariat_gets_contact_details(client, world):
    client.force_login(world.secretariat)
    data = client.get(f"/api/people/{world.chair.pk}").json()
    assert data["contact"] == {"email": "ann.lee@example.org", "phone": ""}


def test_someone_known_only_to_a_members_only_body_is_404_to_the_public(client, world):
    insider = make_person(name="Quiet Insider")
    make_membership(person=insider, body=world.tasking)
    assert client.get(f"/api/people/{insider.pk}").status_code == 404
    assert client.get("/api/people/999999").status_code == 404
    client.force_login(world.tasking_member)
    data = client.get(f"/api/people/{insider.pk}").json()
    assert [m["body"]["slug"] for m in data["memberships"]] == [world.tasking.slug]


def test_a_persons_seats_on_hidden_bodies_are_left_out(client, world):
    make_membership(person=world.chair, body=world.board)
    make_membership(person=world.chair, body=world.tasking)
    data = client.get(f"/api/people/{world.chair.pk}").json()
    assert [m["body"]["slug"] for m in data["memberships"]] == [world.board.slug]


@pytest.mark.parametrize("extra", [0, 8])
def test_listing_bodies_takes_one_query_whatever_their_number(
    client, world, extra, django_assert_num_queries
):
    for n in range(extra):
        make_body(name=f"Group {n}", reports_to=world.board)
    with django_assert_num_queries(1):
        assert len(client.get("/api/bodies").json()) == 2 + extra
