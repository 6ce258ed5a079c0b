"""Meetings as an iCalendar feed that Outlook, Google Calendar and Apple Calendar subscribe to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from zoneinfo import ZoneInfo

from django.conf import settings
from icalendar import Calendar, Event

from concord.events.models import Event as PartnershipEvent
from concord.events.models import EventStatus
from concord.meetings.models import Meeting, MeetingStatus

LONDON = ZoneInfo("Europe/London")
PRODID = "-//Concord//Concord partnership meetings//EN"

ICS_STATUS: dict[str, str] = {
    MeetingStatus.SCHEDULED: "CONFIRMED",
    MeetingStatus.HELD: "CONFIRMED",
    MeetingStatus.CANCELLED: "CANCELLED",
}


def meeting_uid(meeting: Meeting, host: str) -> str:
    """A UID that stays the same for the life of the meeting, so calendars update in place.

    >>> meeting_uid(Meeting(pk=5), "concord.example.org")
    'meeting-5@concord.example.org'
    """
    return f"meeting-{meeting.pk}@{host}"


def meeting_event(meeting: Meeting, *, host: str, url: str | None, stamp: dt.datetime) -> Event:
    """One VEVENT for a meeting (its body must be loaded).

    A meeting with a start time becomes a timed event in Europe/London; one
    without becomes an all-day event (``VALUE=DATE``, end exclusive). A
    missing or impossible end time is left out rather than invented.
    """
    event = Event()
    event.add("uid", meeting_uid(meeting, host))
    event.add("dtstamp", stamp)
    # The optimistic-lock version grows with every edit: exactly what SEQUENCE means.
    event.add("sequence", max(meeting.version - 1, 0))
    cancelled = meeting.status == MeetingStatus.CANCELLED
    summary = meeting.body.name
    # Google Calendar ignores STATUS on subscribed feeds, so say it in the title too.
    event.add("summary", f"Cancelled: {summary}" if cancelled else summary)
    event.add("status", ICS_STATUS.get(meeting.status, "CONFIRMED"))
    if meeting.start_time:
        start = dt.datetime.combine(meeting.date, meeting.start_time, tzinfo=LONDON)
        event.add("dtstart", start)
        if meeting.end_time and meeting.end_time > meeting.start_time:
            event.add("dtend", dt.datetime.combine(meeting.date, meeting.end_time, tzinfo=LONDON))
    else:
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    if meeting.venue:
        event.add("location", meeting.venue)
    if url:
        event.add("url", url)
    return event


def partnership_event(
    event: PartnershipEvent, *, host: str, url: str | None, stamp: dt.datetime
) -> Event:
    """One VEVENT for a partnership event (a conference, a seminar), never its registrants."""
    vevent = Event()
    vevent.add("uid", f"event-{event.pk}@{host}")
    vevent.add("dtstamp", stamp)
    vevent.add("sequence", max(event.version - 1, 0))
    cancelled = event.status == EventStatus.CANCELLED
    vevent.add("summary", f"Cancelled: {event.title}" if cancelled else event.title)
    vevent.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    vevent.add("dtstart", event.starts_at.astimezone(LONDON))
    vevent.add("dtend", event.ends_at.astimezone(LONDON))
    if event.venue:
        vevent.add("location", event.venue)
    if url:
        vevent.add("url", url)
    return vevent


def meetings_calendar(
    meetings: Iterable[Meeting],
    *,
    name: str,
    host: str,
    url_for: Callable[[Meeting], str | None] = lambda meeting: None,
    now: dt.datetime | None = None,
    events: Iterable[tuple[PartnershipEvent, str | None]] = (),
) -> bytes:
    """Serialise meetings (bodies loaded), and ``events`` with their pages' addresses,
    as one VCALENDAR with the VTIMEZONE it needs.

    The caller decides which meetings and events the viewer may see; this only formats.
    """
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    dates = []
    for meeting in meetings:
        cal.add_component(meeting_event(meeting, host=host, url=url_for(meeting), stamp=stamp))
        dates.append(meeting.date)
    for event, url in events:
        cal.add_component(partnership_event(event, host=host, url=url, stamp=stamp))
        dates.append(event.starts_at.date())
    if dates:
        # Only the transitions the feed spans, so the VTIMEZONE stays small.
        cal.add_missing_timezones(
            first_date=min(dates) - dt.timedelta(days=366),
            last_date=max(dates) + dt.timedelta(days=366),
        )
    ical: bytes = cal.to_ical()
    return ical
