"""A signed-in user's viewer is kept in the cache until anything is written, and no longer."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concord.governance.access import build_viewer, kept_viewer
from tests.factories import make_body, make_membership, make_person, make_user

pytestmark = pytest.mark.django_db


def test_the_second_look_reads_nothing_from_the_register() -> None:
    user = make_user(username="reader")
    first = kept_viewer(user)
    with CaptureQueriesContext(connection) as queries:
        second = kept_viewer(user)
    assert second == first
    assert len(queries) == 0


def test_a_new_membership_shows_at_once() -> None:
    user = make_user(username="joiner")
    person = make_person(name="Jo Iner", user=user)
    body = make_body(name="Harrowby Youth Board")
    assert body.pk not in kept_viewer(user).member_body_ids
    make_membership(person=person, body=body, start=dt.date(2020, 1, 1))
    assert body.pk in kept_viewer(user).member_body_ids


def test_an_edited_body_shows_at_once() -> None:
    user = make_user(username="editor")
    body = make_body(name="Harrowby Safer Streets Group")
    assert not kept_viewer(user).can_edit_body(body.pk)
    body.editors.add(user)
    assert kept_viewer(user).can_edit_body(body.pk)


def test_users_never_share_a_viewer() -> None:
    editor, reader = make_user(username="ed"), make_user(username="re")
    body = make_body(name="Harrowby Health Board")
    body.editors.add(editor)
    assert kept_viewer(editor).can_edit_body(body.pk)
    assert not kept_viewer(reader).can_edit_body(body.pk)
    assert kept_viewer(reader) == build_viewer(reader)


def test_with_the_page_cache_off_it_is_built_every_time(settings) -> None:
    settings.CONCORD_PAGE_CACHE = False
    user = make_user(username="uncached")
    kept_viewer(user)
    with CaptureQueriesContext(connection) as queries:
        kept_viewer(user)
    assert len(queries) >= 3
