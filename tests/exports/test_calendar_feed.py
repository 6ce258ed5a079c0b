"""The iCalendar feeds: right meetings for the viewer, valid for Outlook and Google."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from icalendar import Calendar

from tests.factories import make_meeting


def fetch(client, url: str) -> Calendar:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events_by_uid(cal: Calendar) -> dict[str, object]:
    return {str(event["UID"]): event for event in cal.walk("VEVENT")}


def uid(meeting) -> str:
    return f"meeting-{meeting.pk}@127.0.0.1"


def test_the_feed_parses_back_with_the_calendar_headers_outlook_needs(client, world):
    cal = fetch(client, reverse("exports:calendar_ics"))
    assert cal["VERSION"] == "2.0"
    assert "Concord" in str(cal["PRODID"])
    assert str(cal["X-WR-CALNAME"]).endswith("meetings and events")
    for event in cal.walk("VEVENT"):
        assert "DTSTAMP" in event and "DTSTART" in event and "SUMMARY" in event
        assert str(event["URL"]).startswith("http://testserver/")


def test_anonymous_gets_public_bodies_meetings_but_not_members_only_ones(client, world):
    events = events_by_uid(fetch(client, reverse("exports:calendar_ics")))
    assert uid(world.meeting) in events
    assert uid(world.untimed) in events
    assert uid(world.private_meeting) not in events


def test_a_member_of_a_members_only_body_gets_its_meetings(client, world):
    client.force_login(world.tasking_member)
    events = events_by_uid(fetch(client, reverse("exports:calendar_ics")))
    assert uid(world.private_meeting) in events


def test_a_timed_meeting_starts_in_london_time_with_a_vtimezone(client, world):
    response = client.get(reverse("exports:calendar_ics"))
    assert b"DTSTART;TZID=Europe/London:20250304T100000" in response.content
    cal = Calendar.from_ical(response.content)
    event = events_by_uid(cal)[uid(world.meeting)]
    assert event.start == dt.datetime(2025, 3, 4, 10, 0, tzinfo=event.start.tzinfo)
    assert event.end.hour == 12
    assert str(event["LOCATION"]) == "Council House, Room 2"
    assert str(event["SUMMARY"]) == "Safer Riverton Board"
    assert str(event["URL"]) == f"http://testserver/meetings/{world.meeting.pk}/"
    assert [tz.tz_name for tz in cal.timezones] == ["Europe/London"]
    assert cal.get_missing_tzids() == set()


def test_an_untimed_meeting_is_an_all_day_event(client, world):
    response = client.get(reverse("exports:calendar_ics"))
    assert b"DTSTART;VALUE=DATE:20250610" in response.content
    event = events_by_uid(Calendar.from_ical(response.content))[uid(world.untimed)]
    assert event.start == dt.date(2025, 6, 10)
    assert event.end == dt.date(2025, 6, 11)


def test_a_cancelled_meeting_is_marked_cancelled(client, world):
    event = events_by_uid(fetch(client, reverse("exports:calendar_ics")))[uid(world.cancelled)]
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["SUMMARY"]).startswith("Cancelled:")


def test_meeting_uids_are_stable_between_downloads(client, world):
    first = set(events_by_uid(fetch(client, reverse("exports:calendar_ics"))))
    second = set(events_by_uid(fetch(client, reverse("exports:calendar_ics"))))
    assert first == second


def test_a_body_feed_has_only_that_bodys_meetings(client, world):
    url = reverse("exports:body_calendar_ics", args=[world.board.slug])
    cal = fetch(client, url)
    assert str(cal["X-WR-CALNAME"]) == "Safer Riverton Board meetings"
    events = events_by_uid(cal)
    assert uid(world.meeting) in events
    assert uid(world.private_meeting) not in events


def test_a_members_only_body_feed_is_404_for_anonymous_but_served_to_its_members(client, world):
    url = reverse("exports:body_calendar_ics", args=[world.tasking.slug])
    assert client.get(url).status_code == 404
    client.force_login(world.tasking_member)
    assert uid(world.private_meeting) in events_by_uid(fetch(client, url))


def test_an_unknown_body_feed_is_404(client, world):
    assert client.get(reverse("exports:body_calendar_ics", args=["nope"])).status_code == 404


def test_an_empty_calendar_is_still_valid(client, db):
    cal = fetch(client, reverse("exports:calendar_ics"))
    assert cal.walk("VEVENT") == []


@pytest.mark.parametrize("extra", [0, 8])
def test_the_feed_takes_two_queries_whatever_the_number_of_meetings_and_events(
    client, world, extra, django_assert_num_queries
):
    from django.utils import timezone

    from concord.events.models import Event

    for n in range(extra):
        make_meeting(body=world.board, date=dt.date(2026, 1, 1 + n))
        start = timezone.make_aware(dt.datetime(2026, 2, 1 + n, 10))
        Event.objects.create(title=f"Event {n}", starts_at=start, ends_at=start, status="published")
    with django_assert_num_queries(2):  # the meetings, the events
        client.get(reverse("exports:calendar_ics"))


def test_calendars_can_be_subscribed_to_from_a_link(world, client) -> None:
    html = client.get(reverse("portal:body", args=[world.board.slug])).content.decode()
    path = reverse("exports:body_calendar_ics", args=[world.board.slug])
    assert f'href="webcal://testserver{path}"' in html
    response = client.get(path)
    assert response["Content-Type"].startswith("text/calendar")
    assert not response["Content-Disposition"].startswith("attachment")


def test_the_partnership_feed_carries_published_events_never_drafts_or_registrants(client, world):
    from django.utils import timezone

    from concord.events.models import Event, Registration

    start = timezone.make_aware(dt.datetime(2027, 5, 4, 9, 30))
    shown = Event.objects.create(
        title="Partnership conference",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=6),
        venue="Civic Hall",
        status="published",
    )
    Event.objects.create(
        title="Draft gathering", starts_at=start, ends_at=start + dt.timedelta(hours=1)
    )
    Registration.objects.create(
        event=shown, name="Sentinel Registrant", email="sentinel@example.org", status="confirmed"
    )
    response = client.get(reverse("exports:calendar_ics"))
    events = events_by_uid(Calendar.from_ical(response.content))
    event = events[f"event-{shown.pk}@127.0.0.1"]
    assert str(event["SUMMARY"]) == "Partnership conference"
    assert event.start == start and str(event["LOCATION"]) == "Civic Hall"
    assert str(event["URL"]) == f"http://testserver/events/{shown.slug}/"
    assert b"Draft gathering" not in response.content
    assert b"Sentinel" not in response.content and b"sentinel@" not in response.content
