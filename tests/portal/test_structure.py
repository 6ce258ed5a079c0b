"""The structure diagram (issue 14): drawn from the data by Graphviz, every box a link,
with a nested list beside it; members-only bodies and their names reach only insiders."""

from __future__ import annotations

import re
import subprocess

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from concord.governance.access import build_viewer
from concord.lib.access import Viewer
from concord.portal.structure import as_tree, diagram_svg, structure_for
from tests.factories import (
    make_body,
    make_member_user,
    make_membership,
    make_organisation,
    make_secretariat_user,
)
from tests.querycounts import warm_up

URL = "/structure/"


@pytest.fixture
def place(db):
    cache.clear()
    board = make_body(name="Harbour Board", slug="harbour-board", kind="board")
    hidden = make_body(
        name="Zebra Tasking Cell", slug="zebra-cell", visibility="members", reports_to=board
    )
    theme = make_body(name="Safer Streets Group", slug="safer-streets", reports_to=board)
    orphan = make_body(name="Youth Voice Forum", slug="youth-voice", reports_to=hidden)
    council = make_organisation(name="Harbour Borough Council", sector="public")
    charity = make_organisation(name="Harbour Food Bank", sector="voluntary")
    make_membership(body=theme, organisation=council)
    make_membership(body=theme, organisation=charity)
    make_membership(body=hidden, organisation=make_organisation(name="Quiet Org Ltd"))
    return board, hidden, theme, orphan


def test_the_public_sees_public_bodies_linked_and_never_a_members_only_name(client, place):
    board, hidden, theme, orphan = place
    page = client.get(URL).content.decode()
    for body in (board, theme, orphan):
        assert f'href="{reverse("portal:body", args=[body.slug])}"' in page
        assert body.name in page
    assert "Zebra Tasking Cell" not in page and "zebra-cell" not in page
    assert "Quiet Org Ltd" not in page
    # Organisations represented, by sector, in the picture and in the list.
    assert "Public 1, Voluntary &amp; community 1" in page
    assert "Harbour Food Bank (Voluntary &amp; community)" in page


def test_a_public_body_under_a_hidden_one_stands_at_the_top_for_the_public(place):
    board, hidden, theme, orphan = place
    public_roots = {n.name for n in as_tree(structure_for(Viewer()))}
    assert public_roots == {"Harbour Board", "Youth Voice Forum"}
    full = as_tree(structure_for(Viewer(is_secretariat=True)))
    assert [n.name for n in full] == ["Harbour Board"]
    children = {c.name: c for c in full[0].children}
    assert set(children) == {"Safer Streets Group", "Zebra Tasking Cell"}
    assert [c.name for c in children["Zebra Tasking Cell"].children] == ["Youth Voice Forum"]


def test_members_of_a_hidden_body_see_it_in_the_diagram(client, place):
    board, hidden, theme, orphan = place
    client.force_login(make_member_user(body=hidden))
    page = client.get(URL).content.decode()
    assert "Zebra Tasking Cell" in page
    assert f'href="{reverse("portal:body", args=["zebra-cell"])}"' in page


def test_every_box_of_the_svg_is_a_link_to_its_body_and_arrows_follow_reports_to(place):
    nodes = structure_for(Viewer(is_secretariat=True))
    svg = diagram_svg(nodes, lambda slug: f"/bodies/{slug}/")
    assert svg.startswith("<svg") and "<?xml" not in svg and "<!--" not in svg
    links = set(re.findall(r'xlink:href="(/bodies/[^"]+/)"', svg))
    assert links == {f"/bodies/{n.slug}/" for n in nodes}
    assert svg.count('class="edge"') == 3  # three bodies report to another


def test_names_from_the_register_are_escaped_in_the_picture(client, db):
    cache.clear()
    make_body(name='<script>alert("x")</script> & Co', slug="odd")
    page = client.get(URL).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page


def test_a_loop_in_reports_to_still_shows_each_body_once(db):
    first = make_body(name="Alpha Group")
    second = make_body(name="Beta Group", reports_to=first)
    first.reports_to = second
    first.save()
    tree = as_tree(structure_for(Viewer(is_secretariat=True)))
    names = []

    def walk(nodes):
        for node in nodes:
            names.append(node.name)
            walk(node.children)

    walk(tree)
    assert sorted(names) == ["Alpha Group", "Beta Group"]


def test_the_picture_is_drawn_once_per_structure_and_again_after_a_change(
    client, place, monkeypatch
):
    board = place[0]
    calls = []
    real_run = subprocess.run

    def counting_run(*args, **kwargs):
        calls.append(args)
        return real_run(*args, **kwargs)

    monkeypatch.setattr(subprocess, "run", counting_run)
    client.get(URL)
    client.get(URL)
    assert len(calls) == 1
    board.name = "Harbour Partnership Board"
    board.save()
    page = client.get(URL).content.decode()
    assert len(calls) == 2
    assert "Harbour Partnership Board" in page


def test_the_page_needs_the_same_queries_however_many_bodies(client, db):
    cache.clear()
    client.force_login(make_secretariat_user())

    def grow(n):
        for _ in range(n):
            body = make_body()
            make_membership(body=body, organisation=make_organisation())

    grow(2)
    warm_up(client, URL)
    with CaptureQueriesContext(connection) as small:
        assert client.get(URL).status_code == 200
    grow(20)
    warm_up(client, URL)  # after writes the kept viewer is built again
    with CaptureQueriesContext(connection) as large:
        assert client.get(URL).status_code == 200
    assert len(large) == len(small)


def test_the_viewer_helper_matches_the_page(place):
    secretariat = build_viewer(make_secretariat_user())
    assert len(structure_for(secretariat)) == 4


def test_the_bodies_pages_never_name_a_hidden_parent(client, place):
    board, hidden, theme, orphan = place
    for url in (reverse("portal:bodies"), reverse("portal:body", args=[orphan.slug])):
        page = client.get(url).content.decode()
        assert "Youth Voice Forum" in page
        assert "Zebra Tasking Cell" not in page, url
    page = client.get(reverse("portal:body", args=[theme.slug])).content.decode()
    assert "reporting to" in page and "Harbour Board" in page
