"""The partnership as Popolo JSON (organizations, persons, memberships, events).

Popolo (https://www.popoloproject.com/) is what civic tools exchange: partner
organisations and bodies are both ``organizations`` (told apart by the id
prefix and ``classification``), meetings are ``events``. Everything honours
the viewer: a members-only body, its memberships and meetings appear only
for its insiders and the secretariat; contact details only for the
secretariat.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from concord.governance.models import Body, Membership
from concord.lib.access import Viewer
from concord.meetings.models import Meeting, MeetingStatus
from concord.people.models import Organisation, Person

LONDON = ZoneInfo("Europe/London")

# Open Civic Data event statuses.
EVENT_STATUS: dict[str, str] = {
    MeetingStatus.SCHEDULED: "confirmed",
    MeetingStatus.HELD: "passed",
    MeetingStatus.CANCELLED: "cancelled",
}


def popolo_id(kind: str, pk: int | None) -> str | None:
    """A stable, typed identifier.

    >>> popolo_id("body", 3), popolo_id("body", None)
    ('body/3', None)
    """
    return f"{kind}/{pk}" if pk is not None else None


def event_moment(date: dt.date, time: dt.time | None) -> str:
    """An ISO 8601 date, or date-time with the London offset when the time is known.

    >>> event_moment(dt.date(2025, 7, 1), dt.time(10, 30))
    '2025-07-01T10:30:00+01:00'
    >>> event_moment(dt.date(2025, 7, 1), None)
    '2025-07-01'
    """
    if time is None:
        return date.isoformat()
    return dt.datetime.combine(date, time, tzinfo=LONDON).isoformat()


def person_json(person: Person, *, with_contact: bool) -> dict[str, Any]:
    data: dict[str, Any] = {"id": popolo_id("person", person.pk), "name": person.name}
    if person.honorific:
        data["honorific_prefix"] = person.honorific
    if with_contact:
        details = []
        if person.email:
            data["email"] = person.email
            details.append({"type": "email", "value": person.email})
        if person.phone:
            details.append({"type": "voice", "value": person.phone})
        if details:
            data["contact_details"] = details
    return data


def popolo_export(viewer: Viewer) -> dict[str, list[dict[str, Any]]]:
    """Everything the viewer may see, in Popolo shape, in four queries whatever the size."""
    organisations = [
        {
            "id": popolo_id("organisation", org.pk),
            "name": org.name,
            "classification": org.sector,
            "parent_id": popolo_id("organisation", org.parent_id),
            **({"other_names": [{"name": org.short_name}]} if org.short_name else {}),
            **({"links": [{"url": org.website}]} if org.website else {}),
        }
        for org in Organisation.objects.order_by("name")
    ]
    bodies = list(Body.objects.visible_to(viewer).order_by("name"))
    body_ids = {body.pk for body in bodies}
    body_names = {body.pk: body.name for body in bodies}
    organisations += [
        {
            "id": popolo_id("body", body.pk),
            "name": body.name,
            "classification": body.kind,
            # A parent the viewer may not see is left out, not named.
            "parent_id": popolo_id("body", body.reports_to_id)
            if body.reports_to_id in body_ids
            else None,
            **({"description": body.description} if body.description else {}),
        }
        for body in bodies
    ]

    memberships = list(
        Membership.objects.filter(body_id__in=body_ids)
        .select_related("person")
        .order_by("body_id", "role", "person__name", "pk")
    )
    people = {m.person_id: m.person for m in memberships}
    persons = [
        person_json(person, with_contact=viewer.is_secretariat)
        for person in sorted(people.values(), key=lambda p: (p.name, p.pk))
    ]
    membership_rows = []
    for m in memberships:
        row: dict[str, Any] = {
            "id": popolo_id("membership", m.pk),
            "person_id": popolo_id("person", m.person_id),
            "organization_id": popolo_id("body", m.body_id),
            "on_behalf_of_id": popolo_id("organisation", m.organisation_id),
            "role": m.role,
            "label": m.get_role_display(),
        }
        if m.start:
            row["start_date"] = m.start.isoformat()
        if m.end:
            row["end_date"] = m.end.isoformat()
        membership_rows.append(row)

    events = []
    for meeting in Meeting.objects.visible_to(viewer).order_by("date", "pk"):
        event: dict[str, Any] = {
            "id": popolo_id("meeting", meeting.pk),
            "name": f"{body_names.get(meeting.body_id, 'Partnership')} meeting",
            "classification": "meeting",
            "start_date": event_moment(meeting.date, meeting.start_time),
            "organization_id": popolo_id("body", meeting.body_id),
            "status": EVENT_STATUS.get(meeting.status, meeting.status),
        }
        if meeting.end_time:
            event["end_date"] = event_moment(meeting.date, meeting.end_time)
        if meeting.venue:
            event["location"] = meeting.venue
        events.append(event)

    return {
        "organizations": organisations,
        "persons": persons,
        "memberships": membership_rows,
        "events": events,
    }
