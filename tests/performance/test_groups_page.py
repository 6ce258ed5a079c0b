"""The secretariat's page of population groups (equality breakdowns): list, add and edit
dimensions and their groups, with the reference group; history kept, a stale save
refused, each error on its field; nobody else may open it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from concord.performance.models import Dimension, Group
from tests.performance.pages_world import build_perf_world
from tests.performance.test_pages_reports import text_of


@pytest.fixture
def w(db):
    world = build_perf_world()
    world.sex = Dimension.objects.create(name="Sex", code="sex", order=1)
    world.female = Group.objects.create(dimension=world.sex, name="Female", code="female")
    return world


def test_only_the_secretariat_may_open_or_change_the_groups(client, w):
    urls = [
        reverse("performance:groups"),
        reverse("performance:dimension_create"),
        reverse("performance:dimension_edit", args=[w.sex.pk]),
        reverse("performance:group_create", args=[w.sex.pk]),
        reverse("performance:group_edit", args=[w.female.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 302  # to sign in
        assert client.post(url, {"name": "Taken", "code": "taken"}).status_code == 302
    for user in (w.editor, w.board_member, w.partner):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 403
            assert client.post(url, {"name": "Taken", "code": "taken"}).status_code == 403
        assert (
            "Population groups" not in client.get(reverse("performance:dashboard")).content.decode()
        )
    assert not Dimension.objects.filter(name="Taken").exists()
    assert not Group.objects.filter(name="Taken").exists()


def test_the_secretariat_adds_a_dimension_its_groups_and_its_reference(client, w):
    client.force_login(w.secretariat)
    response = client.post(
        reverse("performance:dimension_create"),
        {"name": "Ethnic group", "code": "ethnicity", "order": "2", "description": "ONS 2021"},
    )
    assert response.status_code == 302
    eth = Dimension.objects.get(code="ethnicity")
    for order, name in enumerate(("White", "Asian"), 1):
        url = reverse("performance:group_create", args=[eth.pk])
        data = {"name": name, "code": name.lower(), "order": str(order)}
        assert client.post(url, data).status_code == 302
    white = Group.objects.get(dimension=eth, code="white")
    edit = reverse("performance:dimension_edit", args=[eth.pk])
    form = client.get(edit).content.decode()
    assert (
        ">Ethnic group: White</option>" in form and "Female</option>" not in form
    )  # its own groups only
    data = {"name": "Ethnic group", "code": "ethnicity", "order": "2", "opened_version": "1"}
    assert client.post(edit, {**data, "reference_group": str(white.pk)}).status_code == 302
    eth.refresh_from_db()
    assert eth.reference_group == white
    assert eth.history.count() == 2 and eth.history.first().history_user == w.secretariat
    assert white.history.get().history_user == w.secretariat
    page = text_of(client.get(reverse("performance:groups")))
    assert "Reference group: White." in page
    assert "White white 1 Edit White" in page and "Asian asian 2 Edit Asian" in page
    assert "Reference group: none (highest against lowest)." in page  # Sex


def test_another_dimension_s_group_cannot_be_the_reference(client, w):
    eth = Dimension.objects.create(name="Ethnic group", code="ethnicity")
    client.force_login(w.secretariat)
    response = client.post(
        reverse("performance:dimension_edit", args=[eth.pk]),
        {
            "name": "Ethnic group",
            "code": "ethnicity",
            "order": "0",
            "opened_version": "1",
            "reference_group": str(w.female.pk),
        },
    )
    assert response.status_code == 200
    assert "reference_group" in response.context["form"].errors
    eth.refresh_from_db()
    assert eth.reference_group is None


def test_a_duplicate_name_or_code_is_refused_on_its_field(client, w):
    client.force_login(w.secretariat)
    url = reverse("performance:group_create", args=[w.sex.pk])
    response = client.post(url, {"name": "female", "code": "FEMALE", "order": "1"})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["name"] == ["Sex already has a group with this name."]
    assert errors["code"] == ["Sex already has a group with this code."]
    other = Dimension.objects.create(name="Gender", code="gender")
    url = reverse("performance:group_create", args=[other.pk])
    assert client.post(url, {"name": "Female", "code": "female", "order": "1"}).status_code == 302
    response = client.post(
        reverse("performance:dimension_create"), {"name": "Sex", "code": "sex2", "order": "0"}
    )
    assert "name" in response.context["form"].errors
    edit = reverse("performance:group_edit", args=[w.female.pk])
    response = client.post(edit, {"name": "Female", "code": "female", "order": "x"})
    assert "order" in response.context["form"].errors


def test_a_stale_save_is_refused_and_keeps_what_was_typed(client, w):
    client.force_login(w.secretariat)
    edit = reverse("performance:group_edit", args=[w.female.pk])
    data = {"name": "Women", "code": "female", "order": "1", "opened_version": "1"}
    assert client.post(edit, data).status_code == 302
    response = client.post(edit, {**data, "name": "Females"})  # opened before the first save
    assert response.status_code == 200
    assert "Females" in response.content.decode()
    assert response.context["form"].non_field_errors()
    w.female.refresh_from_db()
    assert w.female.name == "Women" and w.female.history.count() == 2


def test_an_unknown_dimension_or_group_is_a_404(client, w):
    client.force_login(w.secretariat)
    assert client.get(reverse("performance:dimension_edit", args=[999])).status_code == 404
    assert client.get(reverse("performance:group_create", args=[999])).status_code == 404
    assert client.get(reverse("performance:group_edit", args=[999])).status_code == 404
