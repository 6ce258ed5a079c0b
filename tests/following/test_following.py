"""Following by e-mail (issue 14): double opt-in, one-click unsubscribe, limits against
abuse, digests sent once through a real SMTP server, and Atom feeds of public items only."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from concord.events.models import Event, EventStatus
from concord.following import journal, services
from concord.following.models import BodyArea, Follow, Notice
from concord.meetings.models import MinutesStatus
from concord.performance.models import Area
from concord.portal.models import Topic
from tests.factories import make_body, make_decision, make_item, make_meeting

pytestmark = pytest.mark.django_db(transaction=True)

SITE = "http://127.0.0.1:8000"


@pytest.fixture(autouse=True)
def fresh_cache(settings):
    settings.CONCORD_SITE_URL = SITE
    cache.clear()  # rate-limit counters
    yield
    cache.clear()


def link_in(mail: str, name: str) -> str:
    found = re.search(rf"{SITE}(/follow/{name}/\S+/)", mail)
    assert found, mail
    return found.group(1)


def follow_confirmed(client, smtp, kind: str, key: str, email: str) -> Follow:
    response = client.post(reverse("following:follow", args=[kind, key]), {"email": email})
    assert response.status_code == 302 and response.url == reverse("following:sent")
    mail = smtp.bodies_to(email.lower())[-1]
    confirm = link_in(mail, "confirm")
    assert client.post(confirm).status_code == 302
    return Follow.objects.filter(email=email.lower()).latest("pk")


def approved_decision(body, text="Agreed the town centre plan", **item):
    meeting = make_meeting(body=body, status="held", minutes_status=MinutesStatus.APPROVED)
    return make_decision(item=make_item(meeting=meeting, **item), text=text)


def test_double_opt_in_the_get_changes_nothing_and_the_post_confirms(client, smtp):
    body = make_body(name="Safer Streets")
    response = client.post(
        reverse("following:follow", args=["body", body.slug]), {"email": "Ann@Example.ORG"}
    )
    assert response.status_code == 302
    follow = Follow.objects.get()
    assert follow.email == "ann@example.org" and follow.confirmed_at is None
    (message,) = smtp.messages
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Unsubscribe"].strip().startswith(f"<{SITE}/follow/unsubscribe/")
    confirm = link_in(smtp.bodies_to("ann@example.org")[0], "confirm")
    page = client.get(confirm)
    assert page.status_code == 200 and b"Follow Safer Streets?" in page.content
    follow.refresh_from_db()
    assert follow.confirmed_at is None  # the GET changed nothing
    assert client.post(confirm).status_code == 302
    follow.refresh_from_db()
    assert follow.confirmed_at is not None
    assert b"You follow Safer Streets" in client.get(confirm).content


def test_a_tampered_or_expired_link_confirms_nothing(client, smtp, settings):
    body = make_body()
    client.post(reverse("following:follow", args=["body", body.slug]), {"email": "a@example.org"})
    confirm = link_in(smtp.bodies_to("a@example.org")[0], "confirm")
    assert client.post(confirm[:-3] + "xx/").status_code == 404
    assert client.get("/follow/confirm/" + "x" * 400 + "/").status_code == 404
    Follow.objects.update(created_at=timezone.now() - dt.timedelta(days=8))
    assert call_command("send_digests", "--now") is None
    assert not Follow.objects.exists()  # unconfirmed follows expire, the address with them
    assert client.post(confirm).status_code == 404


def test_the_answer_never_says_whether_an_address_already_follows(client, smtp):
    body = make_body()
    follow_confirmed(client, smtp, "body", body.slug, "b@example.org")
    again = client.post(
        reverse("following:follow", args=["body", body.slug]), {"email": "b@example.org"}
    )
    fresh = client.post(
        reverse("following:follow", args=["body", body.slug]), {"email": "c@example.org"}
    )
    assert again.status_code == fresh.status_code == 302 and again.url == fresh.url
    assert len(smtp.bodies_to("b@example.org")) == 1  # nothing sent to one already following
    assert Follow.objects.count() == 2


def test_requests_are_limited_per_address_and_per_client(client, smtp):
    body = make_body()
    url = reverse("following:follow", args=["body", body.slug])
    codes = [client.post(url, {"email": "d@example.org"}).status_code for _ in range(4)]
    assert codes == [302, 302, 302, 429]
    codes = [client.post(url, {"email": f"e{n}@example.org"}).status_code for n in range(18)]
    assert codes[-1] == 429 and codes[0] == 302


def test_members_only_bodies_and_absurd_subjects_cannot_be_followed(client):
    hidden = make_body(visibility="members")
    assert client.get(reverse("following:follow", args=["body", hidden.slug])).status_code == 404
    assert client.get(reverse("following:feed", args=["body", hidden.slug])).status_code == 404
    assert client.get("/follow/planet/earth/").status_code == 404
    assert client.get("/follow/body/" + "a" * 300 + "/").status_code == 404
    form = client.post(reverse("following:follow", args=["body", make_body().slug]), {"email": "x"})
    assert form.status_code == 400 and b"Enter a valid email address" in form.content


def test_one_click_unsubscribe_deletes_the_address(client, smtp):
    body = make_body()
    follow_confirmed(client, smtp, "body", body.slug, "f@example.org")
    unsubscribe = link_in(smtp.bodies_to("f@example.org")[0], "unsubscribe")
    assert client.get(unsubscribe).status_code == 200
    assert Follow.objects.exists()  # the GET changed nothing
    csrf_client = client.__class__(enforce_csrf_checks=True)
    response = csrf_client.post(unsubscribe, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Follow.objects.exists()
    # Any token gets the same answer.
    assert csrf_client.post("/follow/unsubscribe/nonsense/").status_code == 200


def test_a_digest_is_sent_once_with_public_news_only(client, smtp):
    body = make_body(name="Town Board")
    topic = Topic.objects.create(name="Town centre")
    ward = Area.objects.create(code="E05001219", name="St Michael's", level="ward")
    BodyArea.objects.create(body=body, area=ward)
    approved_decision(body, "Old decision")
    approved_decision(body, "Old decision, before anyone followed")
    follow_confirmed(client, smtp, "body", body.slug, "g@example.org")
    follow_confirmed(client, smtp, "topic", topic.slug, "g@example.org")
    follow_confirmed(client, smtp, "area", ward.code, "h@example.org")
    smtp.messages.clear()

    decision = approved_decision(body, "Agreed the town centre plan")
    topic.decisions.add(decision)
    approved_decision(body, "SENTINEL-RESTRICTED", visibility="restricted")
    draft = make_meeting(body=body, status="held")  # minutes in draft
    make_decision(item=make_item(meeting=draft), text="SENTINEL-DRAFT")
    start = timezone.now() + dt.timedelta(days=5)
    Event.objects.create(
        title="Town fair", body=body, starts_at=start, ends_at=start + dt.timedelta(hours=2),
        status=EventStatus.PUBLISHED,
    )  # fmt: skip
    Event.objects.create(
        title="SENTINEL-DRAFT-EVENT", body=body, starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
    )  # fmt: skip
    make_meeting(body=body, date=timezone.localdate() + dt.timedelta(days=3))  # agenda out

    run = services.send_digests()
    assert run.mailed == 2
    (mail,) = smtp.bodies_to("g@example.org")
    assert mail.count("Town centre plan") == 0  # titles are the items'
    assert "Town fair" in mail and "Agenda: Town Board" in mail and "Minutes approved" in mail
    assert mail.count("Decision of Town Board") == 1  # followed twice, told once
    assert "SENTINEL" not in mail and "Old decision" not in mail
    (area_mail,) = smtp.bodies_to("h@example.org")
    assert "Town fair" in area_mail
    assert smtp.messages[0]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    assert services.send_digests().mailed == 0  # a rerun sends nothing twice
    assert len(smtp.messages) == 2


def test_a_digest_not_sent_is_tried_again(client, smtp, settings):
    body = make_body()
    services.send_digests()
    follow_confirmed(client, smtp, "body", body.slug, "i@example.org")
    approved_decision(body)
    port, settings.EMAIL_PORT = settings.EMAIL_PORT, 1  # nothing listens there
    smtp.messages.clear()
    with pytest.raises(OSError):
        services.send_digests()
    follow = Follow.objects.get()
    assert Notice.objects.exists() and follow.sent_through < Notice.objects.latest("pk").pk
    settings.EMAIL_PORT = port
    assert services.send_digests().mailed == 1  # the rolled-back digest goes out now
    assert len(smtp.bodies_to("i@example.org")) == 1


def test_an_item_withdrawn_from_the_public_is_neither_fed_nor_mailed(client, smtp):
    body = make_body()
    services.send_digests()
    follow_confirmed(client, smtp, "body", body.slug, "j@example.org")
    decision = approved_decision(body, "SENTINEL-WITHDRAWN")
    journal.note_changes()
    decision.item.visibility = "restricted"
    decision.item.restriction_reason = "Legal advice"
    decision.item.save()
    smtp.messages.clear()
    services.send_digests()
    assert not any("SENTINEL" in b for b in smtp.bodies_to("j@example.org"))
    feed = client.get(reverse("following:feed", args=["body", body.slug]))
    assert feed.status_code == 200 and b"SENTINEL" not in feed.content


def test_feeds_per_body_topic_and_area_carry_public_items_and_no_address(client, smtp):
    body = make_body(name="Feed Board")
    topic = Topic.objects.create(name="Housing")
    ward = Area.objects.create(code="E05001220", name="Upper Stoke", level="ward")
    BodyArea.objects.create(body=body, area=ward)
    decision = approved_decision(body, "Agreed housing")
    topic.decisions.add(decision)
    approved_decision(body, "SENTINEL-RESTRICTED", visibility="restricted")
    follow_confirmed(client, smtp, "body", body.slug, "sentinel-follower@example.org")
    services.send_digests()
    for kind, key in (("body", body.slug), ("topic", topic.slug), ("area", ward.code)):
        feed = client.get(reverse("following:feed", args=[kind, key]))
        assert feed.status_code == 200 and feed["Content-Type"].startswith("application/atom")
        assert b"Decision of Feed Board" in feed.content, kind
        assert b"SENTINEL" not in feed.content and b"sentinel-follower" not in feed.content


def test_the_command_queues_the_task(db):
    from django_tasks_db.models import DBTaskResult

    call_command("send_digests")
    assert DBTaskResult.objects.filter(task_path__endswith="send_digests").count() == 1


def test_a_signed_out_crawl_finds_no_follower_address(client, smtp):
    from tests.imports.crawl import crawl_public, found

    body = make_body(name="Crawled Board")
    topic = Topic.objects.create(name="Crawled topic")
    ward = Area.objects.create(code="E05001221", name="Crawled ward", level="ward")
    BodyArea.objects.create(body=body, area=ward)
    topic.decisions.add(approved_decision(body, "Agreed the crawl"))
    follow_confirmed(client, smtp, "body", body.slug, "sentinel-body@example.org")
    follow_confirmed(client, smtp, "area", ward.code, "sentinel-area@example.org")
    client.post(
        reverse("following:follow", args=["topic", topic.slug]),
        {"email": "sentinel-unconfirmed@example.org"},
    )
    services.send_digests()
    pages = crawl_public(client)
    assert f"/follow/body/{body.slug}/feed.atom" in pages
    assert f"/follow/area/{ward.code}/feed.atom" in pages
    assert any("Agreed the crawl" in text or "Crawled Board" in text for text in pages.values())
    assert found(pages, "sentinel-") == []
