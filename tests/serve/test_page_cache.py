"""Anonymous pages come from the cache, and a change shows on the very next request."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.test import Client

from concord.lib import pagecache

pytestmark = pytest.mark.django_db


def cache_state(response) -> str | None:
    return response.headers.get(pagecache.HEADER)


def test_a_second_anonymous_request_is_answered_from_the_cache(client, world) -> None:
    url = f"/meetings/{world.meeting.pk}/"
    first = client.get(url)
    second = client.get(url)
    assert (cache_state(first), cache_state(second)) == ("miss", "hit")
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_a_saved_change_shows_on_the_next_anonymous_request(client, world) -> None:
    url = f"/meetings/{world.meeting.pk}/"
    assert b"welcomed the progress" in client.get(url).content
    assert cache_state(client.get(url)) == "hit"
    world.public_item.minute_text = "The board rejected the plan."
    world.public_item.save()
    after = client.get(url)
    assert cache_state(after) == "miss"
    assert b"rejected the plan" in after.content
    assert b"welcomed the progress" not in after.content


def test_a_bulk_update_without_signals_also_invalidates(client, world) -> None:
    url = f"/bodies/{world.board.slug}/"
    client.get(url)
    assert cache_state(client.get(url)) == "hit"
    world.board.__class__.objects.filter(pk=world.board.pk).update(name="Safer Riverton Trust")
    after = client.get(url)
    assert b"Safer Riverton Trust" in after.content


def test_a_deletion_invalidates_the_meeting_page(client, world) -> None:
    url = f"/meetings/{world.meeting.pk}/"
    assert b"to adopt the community safety plan" in client.get(url).content
    world.public_item.decisions.all().delete()
    assert b"to adopt the community safety plan" not in client.get(url).content


@pytest.mark.django_db(transaction=True)
def test_the_generation_moves_again_when_the_transaction_commits() -> None:
    from tests.factories import make_body

    before = pagecache.current_generation()
    with transaction.atomic():
        make_body(name="Youth Forum")
        during = pagecache.current_generation()
    # A page rendered from the old rows while the transaction was open was
    # filed under `during`; after the commit that key is never read again.
    assert before < during < pagecache.current_generation()


def test_signed_in_pages_are_never_served_to_the_public(client, world) -> None:
    url = f"/meetings/{world.meeting.pk}/"
    client.force_login(world.secretariat)
    signed_in = client.get(url)
    assert b"Contract award for CCTV" in signed_in.content
    assert cache_state(signed_in) is None
    assert cache_state(client.get(url)) is None

    visitor = Client()
    first, second = visitor.get(url), visitor.get(url)
    for response in (first, second):
        assert b"Contract award for CCTV" not in response.content
        assert b"Community safety plan" in response.content
    assert cache_state(second) == "hit"


def test_a_cached_public_page_is_never_served_to_someone_signed_in(client, world) -> None:
    url = f"/meetings/{world.meeting.pk}/"
    Client().get(url)
    assert cache_state(Client().get(url)) == "hit"
    client.force_login(world.secretariat)
    response = client.get(url)
    assert cache_state(response) is None
    assert b"Contract award for CCTV" in response.content


def test_members_only_pages_stay_hidden_from_the_public(client, world) -> None:
    member = Client()
    member.force_login(world.tasking_member)
    url = f"/bodies/{world.tasking.slug}/"
    assert member.get(url).status_code == 200
    assert client.get(url).status_code == 404
    assert client.get(url).status_code == 404


def test_no_response_from_the_cache_carries_a_cookie(client, world) -> None:
    urls = [
        "/",
        "/bodies/",
        f"/bodies/{world.board.slug}/",
        "/meetings/",
        f"/meetings/{world.meeting.pk}/",
        "/calendar.ics",
        "/api/meetings",
    ]
    for url in urls:
        client.get(url)
        again = client.get(url)
        assert cache_state(again) == "hit", url
        assert not again.cookies, url
        assert "Set-Cookie" not in again.headers, url


def test_pages_that_set_a_cookie_are_not_kept(client, world) -> None:
    response = client.get("/accounts/login/")
    assert response.cookies  # the CSRF cookie
    assert cache_state(response) is None
    assert cache_state(client.get("/accounts/login/")) is None


def test_forms_with_a_csrf_token_work_for_each_visitor(world) -> None:
    from tests.factories import make_user

    make_user(username="visitor", password="a-long-password-1")
    for _ in range(2):
        visitor = Client(enforce_csrf_checks=True)
        page = visitor.get("/accounts/login/")
        token = page.context["csrf_token"]
        answer = visitor.post(
            "/accounts/login/",
            {"username": "visitor", "password": "a-long-password-1", "csrfmiddlewaretoken": token},
        )
        assert answer.status_code == 302, answer.content[:300]


def test_a_visitor_with_a_session_cookie_is_not_answered_from_the_cache(client, world) -> None:
    url = "/bodies/"
    client.get(url)
    assert cache_state(client.get(url)) == "hit"
    client.cookies["sessionid"] = "anything"
    assert cache_state(client.get(url)) is None


def test_htmx_fragments_and_full_pages_are_kept_apart(client, world) -> None:
    full = client.get("/meetings/")
    fragment = client.get("/meetings/", headers={"HX-Request": "true"})
    assert cache_state(fragment) == "miss"
    assert cache_state(client.get("/meetings/")) == "hit"
    assert client.get("/meetings/").content == full.content


def test_posts_and_health_checks_bypass_the_cache(client, world) -> None:
    client.get("/healthz")
    assert cache_state(client.get("/healthz")) is None
    assert cache_state(client.post("/meetings/")) is None


def test_the_cache_can_be_switched_off(client, world, settings) -> None:
    settings.CONCORD_PAGE_CACHE = False
    client.get("/bodies/")
    assert cache_state(client.get("/bodies/")) is None


def test_a_change_made_by_another_process_invalidates_this_ones_pages(
    client, world, settings
) -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    url = "/bodies/"
    client.get(url)
    assert cache_state(client.get(url)) == "hit"
    # A worker or command on the same machine bumps the counter file they share.
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="tests.settings",
        CONCORD_PAGE_CACHE_GENERATION_FILE=str(settings.CONCORD_PAGE_CACHE_GENERATION_FILE),
    )
    code = (
        "import django; django.setup(); "
        "from concord.lib import pagecache; pagecache.bump_generation()"
    )
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root, env=env)
    assert cache_state(client.get(url)) == "miss"


def test_a_wrong_password_does_not_empty_the_cache(client, world) -> None:
    """django-axes records failed sign-ins; that changes no page, so the cache stays."""
    from axes.models import AccessAttempt

    url = f"/meetings/{world.meeting.pk}/"
    client.get(url)
    before = pagecache.current_generation()
    Client().post("/accounts/login/", {"username": "nobody", "password": "wrong"})
    assert AccessAttempt.objects.exists()  # the attempt was recorded…
    assert pagecache.current_generation() == before  # …and moved nothing
    assert cache_state(client.get(url)) == "hit"
