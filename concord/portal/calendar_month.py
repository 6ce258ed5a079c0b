"""The public calendar: a month of meetings and events, week by week.

``month_from`` reads the ``month`` parameter (``YYYY-MM``) without ever
failing; ``month_grid`` lays the month out in weeks from Monday, each day
with the meetings and events on it that the viewer may see (two queries).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from concord.events.models import Event, EventStatus
from concord.lib.access import Viewer
from concord.meetings.models import Meeting

FIRST_YEAR, LAST_YEAR = 1990, 2100


def month_from(text: str, today: dt.date, problems: list[str]) -> dt.date:
    """The first day of the month named ``YYYY-MM`` in ``text`` (this month when empty);
    a value that is not a month from 1990 to 2100 adds a problem and gives this month.

    >>> problems = []
    >>> month_from("2026-02", dt.date(2026, 12, 2), problems)
    datetime.date(2026, 2, 1)
    >>> month_from("2026-13", dt.date(2026, 12, 2), problems)
    datetime.date(2026, 12, 1)
    >>> print(problems[0])
    Month: “2026-13” is not a month from 1990-01 to 2100-12; write it as YYYY-MM, e.g. 2026-12.
    """
    this_month = today.replace(day=1)
    text = text.strip()
    if not text:
        return this_month
    year, _, month = text.partition("-")
    shaped = text.isascii() and year.isdigit() and month.isdigit()
    if shaped and len(year) == 4 and len(month) <= 2:
        number = int(month)
        if FIRST_YEAR <= int(year) <= LAST_YEAR and 1 <= number <= 12:
            return dt.date(int(year), number, 1)
    problems.append(
        f"Month: “{text[:20]}” is not a month from {FIRST_YEAR}-01 to {LAST_YEAR}-12; "
        f"write it as YYYY-MM, e.g. {today:%Y-%m}."
    )
    return this_month


@dataclass
class Day:
    """One day of the grid; ``in_month`` is False for the days that pad the first and last week."""

    date: dt.date
    in_month: bool
    is_today: bool
    meetings: list[Meeting] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


@dataclass
class Month:
    first: dt.date
    weeks: list[list[Day]]
    previous: dt.date
    next: dt.date

    @property
    def has_entries(self) -> bool:
        return any(day.meetings or day.events for week in self.weeks for day in week)


def month_grid(first: dt.date, viewer: Viewer, today: dt.date) -> Month:
    """The month starting ``first`` in weeks from Monday, with what is on each day."""
    weeks_of_dates = calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    days = {
        date: Day(date, date.month == first.month, date == today)
        for week in weeks_of_dates
        for date in week
    }
    start, end = weeks_of_dates[0][0], weeks_of_dates[-1][-1]
    meetings = (
        Meeting.objects.visible_to(viewer)
        .filter(date__range=(start, end))
        .select_related("body")
        .order_by("date", "start_time", "pk")
    )
    for meeting in meetings:
        days[meeting.date].meetings.append(meeting)
    events = (
        Event.objects.visible_to(viewer)
        .filter(status__in=[EventStatus.PUBLISHED, EventStatus.CANCELLED])
        .filter(starts_at__date__range=(start, end))
        .order_by("starts_at", "pk")
    )
    for event in events:
        day = timezone.localtime(event.starts_at).date()
        if day in days:
            days[day].events.append(event)
    previous = (first - dt.timedelta(days=1)).replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return Month(
        first=first,
        weeks=[[days[d] for d in week] for week in weeks_of_dates],
        previous=previous if previous.year >= FIRST_YEAR else first,
        next=following if following.year <= LAST_YEAR else first,
    )
