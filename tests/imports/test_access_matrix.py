"""The import pages × every role: only the secretariat gets in."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.urls import reverse

from concord.imports.models import Document, MergeProposal
from concord.imports.services import import_paths
from concord.people.models import Person
from tests.imports.minutes import FIRST, SECOND
from tests.imports.staging import import_confirmed
from tests.personas import build_world

ROLES = [
    "anonymous",
    "stranger",
    "partner",
    "board_adviser",
    "board_member",
    "editor",
    "tasking_member",
    "secretariat",
]
L = 302  # sent to sign in
REFUSED = [L, 403, 403, 403, 403, 403, 403]


@pytest.fixture
def world(db, write) -> SimpleNamespace:
    w = build_world(editor=True)
    import_confirmed([write(FIRST, "feb.txt"), write(SECOND, "may.txt")])
    w.created = Person.objects.get(name="Mria Okafor")
    import_paths([write(FIRST, "heron.html")], body="Heron Forum")  # left awaiting review
    w.document = Document.objects.get(filename="heron.html")
    w.proposal = MergeProposal.objects.get()
    return w


PAGES = {
    "imports": ("get", lambda w: reverse("imports:list"), 200),
    "review": ("get", lambda w: reverse("imports:review", args=[w.document.pk]), 200),
    "original": ("get", lambda w: reverse("imports:original", args=[w.document.pk]), 200),
    "merge queue": ("get", lambda w: reverse("imports:proposals"), 200),
    "confirm": ("post", lambda w: reverse("imports:confirm", args=[w.document.pk]), 302),
    "discard": ("post", lambda w: reverse("imports:discard", args=[w.document.pk]), 302),
    "undo": ("post", lambda w: reverse("imports:undo", args=[w.document.pk - 1]), 302),
    "delete entry": (
        "post",
        lambda w: reverse("imports:delete_entry", args=["person", w.created.pk]),
        302,
    ),
    "decide": ("post", lambda w: reverse("imports:decide", args=[w.proposal.pk]), 302),
}


@pytest.mark.parametrize("page", list(PAGES))
@pytest.mark.parametrize("role", ROLES)
def test_only_the_secretariat_may_use_the_import_pages(client, world, page, role):
    method, url, allowed = PAGES[page]
    if role != "anonymous":
        client.force_login(getattr(world, role))
    data = {"decision": "reject", "minutes": "draft", "opened_version": 1}
    response = getattr(client, method)(url(world), data)
    expected = [*REFUSED, allowed][ROLES.index(role)]
    assert response.status_code == expected
    if role == "anonymous":
        assert "/accounts/login/" in response["Location"]
    if role != "secretariat":
        world.document.refresh_from_db()
        assert world.document.status == "review"
        assert MergeProposal.objects.get().status == "open"
        assert Document.objects.filter(status="confirmed").count() == 2
        assert Person.objects.filter(pk=world.created.pk).exists()


def test_the_nav_link_is_shown_to_the_secretariat_only(client, world):
    client.force_login(world.editor)
    assert reverse("imports:list").encode() not in client.get(reverse("home")).content
    client.force_login(world.secretariat)
    assert reverse("imports:list").encode() in client.get(reverse("home")).content
