"""Actions through the API: signed-in only, tracker filters, hidden ones 404."""

from __future__ import annotations

import pytest

from concord.actions.models import ActionUpdate
from tests.factories import make_action, make_body


def test_anonymous_callers_get_401_for_actions(client, world):
    assert client.get("/api/actions").status_code == 401
    assert client.get(f"/api/actions/{world.public_action.pk}").status_code == 401


def test_a_partner_lists_only_the_actions_they_may_see(client, world):
    client.force_login(world.partner)
    data = client.get("/api/actions").json()
    assert [a["id"] for a in data["items"]] == [world.public_action.pk]
    assert data["items"][0]["due_precision"] == "month"


def test_the_tracker_filters_apply(client, world):
    client.force_login(world.secretariat)
    data = client.get(f"/api/actions?body={world.tasking.pk}").json()
    assert [a["id"] for a in data["items"]] == [world.private_action.pk]
    data = client.get(f"/api/actions?owner={world.deputy.pk}").json()
    assert [a["id"] for a in data["items"]] == [world.secret_action.pk]
    world.public_action.status = "done"
    world.public_action.save()
    ids = {a["id"] for a in client.get("/api/actions").json()["items"]}
    assert world.public_action.pk not in ids
    ids = {a["id"] for a in client.get("/api/actions?status=all").json()["items"]}
    assert world.public_action.pk in ids


def test_an_action_shows_its_progress_notes(client, world):
    ActionUpdate.objects.create(
        action=world.public_action, note="Draft circulated", status_after="open"
    )
    client.force_login(world.partner)
    data = client.get(f"/api/actions/{world.public_action.pk}").json()
    assert data["item"]["title"] == "Community safety plan"
    assert [u["note"] for u in data["updates"]] == ["Draft circulated"]


@pytest.mark.parametrize("persona", ["partner", "board_adviser"])
def test_an_action_on_a_restricted_item_is_404_for_those_who_may_not_see_it(client, world, persona):
    client.force_login(getattr(world, persona))
    assert client.get(f"/api/actions/{world.secret_action.pk}").status_code == 404
    assert client.get(f"/api/actions/{world.private_action.pk}").status_code == 404
    assert client.get("/api/actions/999999").status_code == 404


@pytest.mark.parametrize("total", [2, 10])
def test_listing_actions_takes_the_same_queries_whatever_their_number(
    client, world, total, django_assert_num_queries
):
    body = make_body(name="Counting group")
    for n in range(total):
        make_action(body=body, description=f"Action {n}", owners=(world.chair, world.deputy))
    client.force_login(world.secretariat)
    url = f"/api/actions?body={body.pk}"
    # session, user, viewer (groups, person, edited bodies), count, actions, owners
    with django_assert_num_queries(8):
        assert len(client.get(url).json()["items"]) == total


def test_impossible_ids_and_offsets_are_refused_not_a_server_error(client, world):
    client.force_login(world.secretariat)
    big = "9" * 25
    assert client.get(f"/api/actions?body={big}").status_code == 422
    assert client.get(f"/api/actions?owner={big}").status_code == 422
    assert client.get(f"/api/meetings?offset={big}").status_code == 422
    assert client.get(f"/api/actions/{big}").status_code == 404
    assert client.get(f"/api/meetings/{big}").status_code == 404
    assert client.get(f"/api/people/{big}").status_code == 404
