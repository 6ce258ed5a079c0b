"""The persona base (tests/personas.py): each of the six personas is who it says it is."""

from __future__ import annotations

from concord.governance.access import build_viewer
from concord.governance.models import Membership
from tests.factories import make_body
from tests.personas import PERSONAS, make_body_editor, make_chair_user, persona


def test_each_persona_holds_the_role_it_is_named_for(world):
    users = {name: persona(world, name) for name in PERSONAS}
    assert users["anonymous"] is None
    signed_in = [user for user in users.values() if user is not None]
    assert len({user.pk for user in signed_in}) == 5  # five different accounts
    viewers = {name: build_viewer(user) for name, user in users.items()}

    assert viewers["secretariat"].is_secretariat
    assert viewers["body editor"].editor_body_ids == {world.board.pk}
    assert viewers["chair"].voting_body_ids == {world.board.pk}
    assert Membership.objects.get(person__user=users["chair"]).role == "chair"
    assert viewers["member"].voting_body_ids == {world.board.pk}
    assert viewers["outsider"].is_authenticated
    assert not viewers["outsider"].member_body_ids and not viewers["outsider"].can_edit_any
    assert not viewers["anonymous"].is_authenticated


def test_the_chair_is_made_once_and_the_fixtures_are_the_worlds(
    world, chair_user, editor_user, secretariat_user, anonymous_user
):
    assert persona(world, "chair") == chair_user
    assert editor_user == world.editor
    assert secretariat_user == world.secretariat
    assert anonymous_user is None


def test_the_factories_make_a_persona_of_any_body(db):
    body = make_body()
    assert build_viewer(make_body_editor(body)).editor_body_ids == {body.pk}
    assert build_viewer(make_chair_user(body)).voting_body_ids == {body.pk}
