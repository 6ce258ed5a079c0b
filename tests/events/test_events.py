"""Events and sign-up (issue 14): places, the waiting list moved up in turn, e-mails through
a real SMTP server, limits against abuse, and registrants never shown to the public."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from concord.events.models import Event, EventStatus, Registration
from tests.factories import make_body, make_member_user, make_secretariat_user, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def make_event(**kwargs) -> Event:
    start = timezone.now() + dt.timedelta(days=10)
    kwargs.setdefault("title", "Community safety conference")
    kwargs.setdefault("starts_at", start)
    kwargs.setdefault("ends_at", start + dt.timedelta(hours=3))
    kwargs.setdefault("status", EventStatus.PUBLISHED)
    return Event.objects.create(**kwargs)


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # rate-limit counters
    yield
    cache.clear()


def sign(client, event, name, email, **extra):
    data = {"name": name, "email": email, **extra}
    return client.post(reverse("events:detail", args=[event.slug]), data)


def test_places_then_the_waiting_list_then_a_place_given_back_moves_the_first_up(client, smtp):
    event = make_event(capacity=2, venue="Civic Hall")
    for n in (1, 2, 3, 4):
        response = sign(client, event, f"Person {n}", f"p{n}@example.org")
        assert response.status_code == 302
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "p1@example.org": "confirmed",
        "p2@example.org": "confirmed",
        "p3@example.org": "waiting",
        "p4@example.org": "waiting",
    }
    (mail,) = smtp.bodies_to("p3@example.org")
    assert "waiting list" in mail
    (mail,) = smtp.bodies_to("p1@example.org")
    assert "Your place is confirmed: Community safety conference" in mail and "Civic Hall" in mail
    link = re.search(r"http://testserver(/events/give-back/\S+/)", mail)
    assert link, mail
    page = client.get(link[1])
    assert "Give my place back" in page.content.decode()
    # Opening the link changed nothing.
    assert Registration.objects.get(email="p1@example.org").status == "confirmed"
    client.post(link[1])
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses["p1@example.org"] == "cancelled"
    assert statuses["p3@example.org"] == "confirmed" and statuses["p4@example.org"] == "waiting"
    moved = smtp.bodies_to("p3@example.org")
    assert len(moved) == 2 and "A place has come free and it is now yours" in moved[1]
    assert "given back" in client.get(link[1]).content.decode()
    client.post(link[1])  # a second press changes nothing more
    assert Registration.objects.filter(status="confirmed").count() == 2


def test_an_address_signs_up_once_whatever_its_case(client, smtp):
    event = make_event()
    sign(client, event, "Ann", "Ann@Example.org")
    response = sign(client, event, "Ann again", "ann@example.ORG")
    assert response.status_code == 400
    assert "already signed up" in response.content.decode()
    assert Registration.objects.count() == 1


def test_sign_up_is_refused_once_closed_and_for_cancelled_events(client, smtp):
    closed = make_event(title="Closed", registration_closes=timezone.now() - dt.timedelta(hours=1))
    response = sign(client, closed, "Bo", "bo@example.org")
    assert response.status_code == 400 and "Sign-up is closed" in response.content.decode()
    cancelled = make_event(title="Off", status=EventStatus.CANCELLED)
    assert (
        "This event has been cancelled"
        in client.get(reverse("events:detail", args=[cancelled.slug])).content.decode()
    )
    assert sign(client, cancelled, "Bo", "bo@example.org").status_code == 400
    assert not Registration.objects.exists()


def test_a_missing_or_bad_field_is_named(client):
    event = make_event()
    response = sign(client, event, "", "not-an-address")
    page = response.content.decode()
    assert response.status_code == 400
    assert "id_name_error" in page or "This field is required" in page
    assert "Enter a valid email address" in page


def test_sign_ups_are_limited_per_address_and_per_client(client, smtp):
    events = [make_event(title=f"Seminar {n}") for n in range(7)]
    answers = [sign(client, e, "Cy", "cy@example.org").status_code for e in events]
    assert answers[:5] == [302] * 5 and answers[5] == 429
    cache.clear()
    answers = [
        sign(client, events[n % 7], f"P{n}", f"x{n}@example.org").status_code for n in range(22)
    ]
    assert 429 in answers and answers.index(429) == 20


def test_registrants_are_never_shown_to_the_public_or_members(client, smtp):
    board = make_body(name="Safer Board")
    event = make_event(body=board, capacity=1)
    sign(client, event, "Sentinel Registrant", "sentinel-reg@example.org", needs="Hearing loop")
    sign(client, event, "Second Sentinel", "sentinel-two@example.org")
    member = make_member_user(body=board)
    for user in (None, member):
        client.logout()
        if user:
            client.force_login(user)
        for url in ("/", reverse("events:list"), reverse("events:detail", args=[event.slug])):
            page = client.get(url).content.decode()
            assert "Sentinel" not in page and "sentinel-" not in page, url
        answer = client.get(reverse("events:registrations", args=[event.slug]))
        assert answer.status_code in (302, 403)


def test_organisers_see_registrants_and_the_csv_is_neutralised(client, smtp):
    board = make_body(name="Safer Board")
    event = make_event(body=board)
    sign(client, event, '=HYPERLINK("http://evil")', "eve@example.org", organisation="@SUM(A1)")
    editor = make_user(username="ed")
    board.editors.add(editor)
    client.force_login(editor)
    page = client.get(reverse("events:registrations", args=[event.slug])).content.decode()
    assert "eve@example.org" in page
    csv_text = client.get(
        reverse("events:registrations", args=[event.slug]) + "?format=csv"
    ).content.decode()
    assert "'=HYPERLINK" in csv_text and "'@SUM(A1)" in csv_text


def test_drafts_and_members_only_bodies_events_reach_only_insiders(client):
    hidden = make_body(name="Quiet Cell", visibility="members")
    make_event(title="Draft Gathering", status=EventStatus.DRAFT)
    make_event(title="Cell Briefing", body=hidden)
    make_event(title="Open Forum")
    public = client.get(reverse("events:list")).content.decode()
    assert "Open Forum" in public
    assert "Draft Gathering" not in public and "Cell Briefing" not in public
    assert client.get(reverse("events:detail", args=["cell-briefing"])).status_code == 404
    client.force_login(make_member_user(body=hidden))
    assert "Cell Briefing" in client.get(reverse("events:list")).content.decode()
    client.force_login(make_secretariat_user())
    assert "Draft Gathering" in client.get(reverse("events:list")).content.decode()


def test_the_event_form_checks_dates_places_and_offers_editors_only_their_bodies(client):
    mine = make_body(name="My Group")
    make_body(name="Secret Other Group", visibility="members")
    editor = make_user(username="ed")
    mine.editors.add(editor)
    client.force_login(editor)
    form_page = client.get(reverse("events:create")).content.decode()
    assert "My Group" in form_page and "Secret Other Group" not in form_page
    data = {
        "title": "Training day",
        "body": mine.pk,
        "starts_at": "2027-03-10T10:00",
        "ends_at": "2027-03-10T09:00",
        "capacity": "0",
        "status": "published",
    }
    response = client.post(reverse("events:create"), data)
    page = response.content.decode()
    assert "The event must end after it starts." in page
    assert "Give between 1 and 100,000 places" in page
    data.update(ends_at="2027-03-10T16:00", capacity="30")
    assert client.post(reverse("events:create"), data).status_code == 302
    event = Event.objects.get(slug="training-day")
    assert event.body == mine and event.history.count() == 1


def test_a_stale_save_of_an_event_is_refused(client):
    event = make_event(title="Seminar")
    client.force_login(make_secretariat_user())
    url = reverse("events:edit", args=[event.slug])
    data = {
        "title": "Seminar renamed",
        "slug": "seminar",
        "starts_at": "2027-03-10T10:00",
        "ends_at": "2027-03-10T12:00",
        "status": "published",
        "opened_version": event.version,
    }
    assert client.post(url, data).status_code == 302
    data["title"] = "Someone else's title"
    page = client.post(url, data).content.decode()
    assert "Someone else saved this" in page and "Someone else&#x27;s title" in page
    assert Event.objects.get(pk=event.pk).title == "Seminar renamed"


def test_the_list_needs_the_same_queries_however_many_events(client):
    for n in range(2):
        make_event(title=f"Small {n}", body=make_body())
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("events:list"))
    for n in range(20):
        make_event(title=f"Large {n}", body=make_body())
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("events:list"))
    assert len(large) == len(small)
