"""The signed-in user and the session are kept under generations, and every session is checked."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import HASH_SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from concord.lib.pagecache import SESSIONS, current_generation, request_generation

pytestmark = pytest.mark.django_db


def tracker(client: Client) -> tuple[int, str, list[str]]:
    """Status, HTML and the SQL of one signed-in page."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("actions:tracker"))
    return response.status_code, response.content.decode(), [q["sql"] for q in queries]


def user_reads(sql: list[str]) -> list[str]:
    return [q for q in sql if 'FROM "auth_user"' in q]


def test_the_user_is_read_once_then_kept(client, world) -> None:
    client.force_login(world.secretariat)
    _, _, first = tracker(client)
    status, html, second = tracker(client)
    assert status == 200
    assert f"Signed in as {world.secretariat.username}" in html
    assert user_reads(first)
    assert not user_reads(second)


def test_nothing_is_kept_when_the_page_cache_is_off(client, world, settings) -> None:
    settings.CONCORD_PAGE_CACHE = False
    client.force_login(world.secretariat)
    tracker(client)
    assert user_reads(tracker(client)[2])


def test_each_session_gets_its_own_user(world) -> None:
    first, second = Client(), Client()
    first.force_login(world.secretariat)
    second.force_login(world.partner)
    for _ in range(2):
        assert f"Signed in as {world.secretariat.username}" in tracker(first)[1]
        html = tracker(second)[1]
        assert f"Signed in as {world.partner.username}" in html
        assert world.secretariat.username not in html


def test_a_new_password_signs_out_a_kept_session(client, world) -> None:
    client.force_login(world.secretariat)
    tracker(client)
    tracker(client)  # the user now comes from the cache
    world.secretariat.set_password("a brand new passphrase 123")
    world.secretariat.save()
    status, _, _ = tracker(client)
    assert status == 302  # to the sign-in page


def test_an_account_made_inactive_is_signed_out_at_once(client, world) -> None:
    client.force_login(world.partner)
    tracker(client)
    tracker(client)
    type(world.partner).objects.filter(pk=world.partner.pk).update(is_active=False)
    assert tracker(client)[0] == 302


def test_signing_out_ends_the_session_for_a_copied_cookie(world) -> None:
    browser, copy = Client(), Client()
    browser.force_login(world.secretariat)
    copy.cookies = browser.cookies  # the same session cookie, as a thief would hold it
    tracker(copy)
    tracker(copy)
    browser.post(reverse("logout"))
    assert tracker(copy)[0] == 302


def test_the_session_hash_is_checked_even_when_the_user_is_kept(client, world) -> None:
    """Sessions are not part of the generation, so a kept user must still match its session."""
    client.force_login(world.secretariat)
    tracker(client)
    tracker(client)
    session = SessionStore(client.cookies["sessionid"].value)
    session[HASH_SESSION_KEY] = "0" * 64  # as a session from before a password change would hold
    session.save()
    assert tracker(client)[0] == 302


def test_the_generation_is_read_again_after_the_request_writes(world) -> None:
    request = RequestFactory().get("/")
    before = request_generation(request)
    assert request_generation(request) == before  # read once…
    world.partner.first_name = "Changed"
    world.partner.save()
    assert request_generation(request) > before  # …and again after a write of its own


# -- sessions kept under their own generation (concord/lib/sessions.py) ------


def session_reads(sql: list[str]) -> list[str]:
    return [q for q in sql if 'FROM "django_session"' in q]


def test_the_session_is_read_once_then_kept(client, world, settings) -> None:
    assert settings.SESSION_ENGINE == "concord.lib.sessions"
    client.force_login(world.secretariat)
    _, _, first = tracker(client)
    _, _, second = tracker(client)
    assert session_reads(first)
    assert not session_reads(second)
    assert not second  # user, session and viewer kept, the table too: no query at all


def test_a_session_written_anywhere_is_read_again(client, world) -> None:
    client.force_login(world.secretariat)
    tracker(client)
    before = current_generation(SESSIONS)
    SessionStore(client.cookies["sessionid"].value).save()  # as another worker would
    assert current_generation(SESSIONS) > before
    assert session_reads(tracker(client)[2])


def test_an_expired_kept_session_is_refused(client, world, monkeypatch) -> None:
    client.force_login(world.secretariat)
    tracker(client)
    tracker(client)
    later = timezone.now() + dt.timedelta(days=400)  # past any session's expiry
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert tracker(client)[0] == 302


def test_nothing_about_sessions_is_kept_when_the_page_cache_is_off(client, world, settings) -> None:
    settings.CONCORD_PAGE_CACHE = False
    client.force_login(world.secretariat)
    tracker(client)
    assert session_reads(tracker(client)[2])
