"""The secretariat's page of the areas bodies serve (issue 14): only the secretariat,
a pair added or removed with its history, errors that name the field, a stale
addition or removal said plainly, and no hidden body offered to anyone who may not
see it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from concord.following.forms import BodyAreaForm
from concord.following.models import BodyArea
from concord.following.serving import pair_changes
from concord.governance.access import build_viewer
from concord.performance.models import Area
from tests.personas import PERSONAS, build_world, persona

pytestmark = pytest.mark.django_db

PAGE = "/following/areas-served/"


@pytest.fixture
def world():
    w = build_world()
    w.ward = Area.objects.create(code="E05009001", name="Foleshill", level="ward")
    w.other_ward = Area.objects.create(code="E05009002", name="Holbrook", level="ward")
    return w


def test_the_page_is_where_the_routes_say():
    assert reverse("following:areas_served") == PAGE


@pytest.mark.parametrize("name", [*PERSONAS, "tasking member"])
def test_only_the_secretariat_may_see_or_change_which_areas_bodies_serve(client, world, name):
    user = world.tasking_member if name == "tasking member" else persona(world, name)
    if user is not None:
        client.force_login(user)
    pair = BodyArea.objects.create(body=world.board, area=world.ward)
    get = client.get(PAGE)
    add = client.post(PAGE, {"body": world.board.pk, "area": world.other_ward.code})
    remove = client.post(reverse("following:remove_area_served", args=[pair.pk]))
    if name == "secretariat":
        assert get.status_code == 200 and b"Foleshill" in get.content
        assert add.status_code == 302 and remove.status_code == 302
        assert list(BodyArea.objects.values_list("area__code", flat=True)) == ["E05009002"]
        return
    expected = 302 if user is None else 403  # anonymous: to the sign-in page
    assert (get.status_code, add.status_code, remove.status_code) == (expected,) * 3
    assert list(BodyArea.objects.values_list("pk", flat=True)) == [pair.pk]  # nothing changed


def test_the_secretariat_adds_and_removes_a_pair_and_each_change_is_in_the_history(client, world):
    client.force_login(world.secretariat)
    response = client.post(PAGE, {"body": world.board.pk, "area": " e05009001 "})
    assert response.status_code == 302
    pair = BodyArea.objects.get()
    assert (pair.body, pair.area) == (world.board, world.ward)
    page = client.get(PAGE).content.decode()
    assert "Foleshill" in page and f"Added: {world.board} serves {world.ward}" in page
    # By exact name too.
    client.post(PAGE, {"body": world.board.pk, "area": "holbrook"})
    assert BodyArea.objects.count() == 2

    response = client.post(reverse("following:remove_area_served", args=[pair.pk]))
    assert response.status_code == 302 and not BodyArea.objects.filter(pk=pair.pk).exists()
    changes = pair_changes()
    assert [(c.what, c.area) for c in changes][:1] == [("removed", str(world.ward))]
    assert {c.who for c in changes} == {world.secretariat.get_username()}
    assert [c.what for c in changes] == ["removed", "added", "added"]
    page = client.get(PAGE).content.decode()
    assert f"Removed: {world.board} serves {world.ward}" in page


def test_errors_name_the_field_and_a_pair_is_never_added_twice(client, world):
    client.force_login(world.secretariat)
    BodyArea.objects.create(body=world.board, area=world.ward)
    twice = client.post(PAGE, {"body": world.board.pk, "area": world.ward.code})
    assert twice.status_code == 400
    assert f"Area: {world.board} already serves {world.ward}." in twice.content.decode()
    unknown = client.post(PAGE, {"body": world.board.pk, "area": "Atlantis"})
    assert unknown.status_code == 400
    assert "Area: No area has the code or name “Atlantis”." in unknown.content.decode()
    no_body = client.post(PAGE, {"body": "", "area": world.ward.code})
    assert no_body.status_code == 400 and "Body: " in no_body.content.decode()
    nonsense = client.post(PAGE, {"body": "9" * 40, "area": "\x00"})
    assert nonsense.status_code == 400
    Area.objects.create(code="L0001", name="Foleshill", level="ward")
    several = client.post(PAGE, {"body": world.board.pk, "area": "Foleshill"})
    assert "Area: More than one area is called “Foleshill”" in several.content.decode()
    assert "E05009001, L0001" in several.content.decode()
    assert BodyArea.objects.count() == 1


def test_removing_a_pair_someone_else_removed_says_so(client, world):
    client.force_login(world.secretariat)
    pair = BodyArea.objects.create(body=world.board, area=world.ward)
    url = reverse("following:remove_area_served", args=[pair.pk])
    pair.delete()
    response = client.post(url, {"body": world.board.slug}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[0][0] == f"{PAGE}?body={world.board.slug}"
    assert "That pair had already been removed" in response.content.decode()
    assert client.get(url).status_code == 405  # removing is a POST
    assert client.post(f"{PAGE}{2**70}/remove/").status_code == 302  # no 500


def test_one_bodys_areas_and_the_links_from_where_bodies_are_kept(client, world):
    BodyArea.objects.create(body=world.board, area=world.ward)
    BodyArea.objects.create(body=world.tasking, area=world.other_ward)
    client.force_login(world.secretariat)
    page = client.get(PAGE, {"body": world.board.slug}).content.decode()
    assert "Foleshill" in page and "Holbrook" not in page
    assert f'<option value="{world.board.pk}" selected>' in page  # the form starts on it
    assert f'href="{PAGE}"' in client.get("/register/bodies/").content.decode()
    assert f'href="{PAGE}"' in client.get("/register/").content.decode()
    edit = client.get(f"/register/bodies/{world.board.pk}/").content.decode()
    assert f'href="{PAGE}?body={world.board.slug}"' in edit


def test_a_hidden_body_is_never_offered_to_someone_who_may_not_see_it(world):
    editor = build_viewer(persona(world, "body editor"))
    form = BodyAreaForm(viewer=editor)
    assert world.tasking.name not in str(form["body"])
    assert world.board.name in str(form["body"])
    posted = BodyAreaForm({"body": world.tasking.pk, "area": world.ward.code}, viewer=editor)
    assert not posted.is_valid() and "body" in posted.errors
    # The secretariat may see the members-only group, so it is offered to them.
    assert world.tasking.name in str(BodyAreaForm(viewer=build_viewer(world.secretariat))["body"])
