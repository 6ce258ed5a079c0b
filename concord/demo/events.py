"""The demo's events: a conference with places left, a seminar that is full with a
waiting list, and one draft. Everyone signed up is invented (example.org addresses)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from concord.events.models import Event, Registration, RegistrationStatus
from concord.governance.models import Body

EVENTS = [
    # (title, body key, days ahead, hours, venue, places, signed up, status)
    ("Harrowby partnership conference", "board", 24, 6, "Civic Centre", 120, 9, "published"),
    ("Night-time economy seminar", "safer", 12, 3, "Market Hall, Room 1", 6, 8, "published"),
    ("Winter wellbeing workshop", "health", 40, 2, "Harrowby Library", None, 0, "draft"),
]


def build_events(bodies: dict[str, Body], today: dt.date) -> int:
    """Make the demo's events and their invented registrants; the number of events."""
    made = 0
    for title, key, days, hours, venue, places, signed, status in EVENTS:
        start = timezone.make_aware(
            dt.datetime.combine(today + dt.timedelta(days=days), dt.time(9, 30))
        )
        event = Event.objects.create(
            title=title,
            body=bodies.get(key),
            starts_at=start,
            ends_at=start + dt.timedelta(hours=hours),
            venue=venue,
            description=f"An invented {title.lower()} for the Harrowby demo.",
            capacity=places,
            status=status,
        )
        for n in range(signed):
            full = places is not None and n >= places
            Registration.objects.create(
                event=event,
                name=f"Demo Registrant {n + 1}",
                email=f"registrant{n + 1}.{event.pk}@example.org",
                status=RegistrationStatus.WAITING if full else RegistrationStatus.CONFIRMED,
            )
        made += 1
    return made
