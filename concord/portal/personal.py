"""What a signed-in person's home page shows: their bodies and their actions.

A chair (or vice-chair) sees, for each body they chair, its next meeting, the
state of its agenda (not drafted, draft, or published on a date), how many of
its actions are overdue (linking to the tracker filtered to them), and the
attendance at their bodies' meetings this year by sector; every member sees
the bodies they sit on, their next meetings with the agenda's state, and
their own outstanding actions. A fixed number of queries however many bodies,
meetings or actions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from concord.actions.models import Action
from concord.governance.models import Body, Membership, Role
from concord.lib.access import Viewer
from concord.meetings.attendance_rates import AttendanceRate, attendance_rates
from concord.meetings.models import AGENDA_NOTICE, AgendaItem, Meeting, MeetingStatus
from concord.people.models import Person

CHAIR_ROLES = (Role.CHAIR, Role.VICE_CHAIR)
MY_ACTIONS_SHOWN = 5


@dataclass
class PersonalHome:
    person: Person
    # annotated: next_meeting_id, next_meeting_date, overdue, chaired; and agenda_status
    bodies: list[Body]
    actions: list[Action]
    actions_count: int
    # attendance at the chaired bodies' meetings held since 1 January, by sector
    attendance: list[AttendanceRate] = field(default_factory=list)
    attendance_since: dt.date | None = None


def agenda_status(items: int, out_on: dt.date | None, today: dt.date) -> str:
    """The state of a meeting's agenda in words.

    >>> d = dt.date(2025, 3, 10)
    >>> agenda_status(0, d, dt.date(2025, 3, 1)), agenda_status(4, d, dt.date(2025, 3, 1))
    ('Not drafted', 'Draft (goes out on 10 March 2025)')
    >>> agenda_status(4, d, d)
    'Published on 10 March 2025'
    """
    if not items:
        return "Not drafted"
    when = f"{out_on.day} {out_on:%B %Y}" if out_on else ""
    if out_on and out_on <= today:
        return f"Published on {when}"
    return f"Draft (goes out on {when})" if when else "Draft"


def _bodies(viewer: Viewer, person: Person, today: dt.date) -> QuerySet[Body]:
    seats = Membership.objects.current(today).filter(person=person, body=OuterRef("pk"))
    upcoming = (
        Meeting.objects.filter(body=OuterRef("pk"), date__gte=today)
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("date", "start_time", "pk")
    )
    overdue = (  # only actions the viewer may see are counted
        Action.objects.visible_to(viewer)
        .overdue(today)
        .filter(body=OuterRef("pk"))
        .order_by()
        .values("body")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Body.objects.visible_to(viewer)
        .filter(pk__in=Membership.objects.current(today).filter(person=person).values("body"))
        .annotate(
            chaired=Exists(seats.filter(role__in=CHAIR_ROLES)),
            next_meeting_id=Subquery(upcoming.values("pk")[:1]),
            next_meeting_date=Subquery(upcoming.values("date")[:1]),
            next_meeting_published_on=Subquery(upcoming.values("agenda_published_on")[:1]),
            overdue=Coalesce(Subquery(overdue, output_field=IntegerField()), 0),
        )
        .annotate(
            next_meeting_items=Coalesce(
                Subquery(
                    AgendaItem.objects.filter(meeting_id=OuterRef("next_meeting_id"))
                    .order_by()
                    .values("meeting_id")
                    .annotate(n=Count("pk"))
                    .values("n"),
                    output_field=IntegerField(),
                ),
                0,
            )
        )
        .order_by("-chaired", "name")
    )


def _agenda_status_of(body: Any, today: dt.date) -> str:
    """The agenda state of a body's next meeting ('' when none is scheduled)."""
    if not body.next_meeting_id:
        return ""
    out_on = body.next_meeting_published_on or body.next_meeting_date - AGENDA_NOTICE
    return agenda_status(body.next_meeting_items, out_on, today)


def personal_home(viewer: Viewer, today: dt.date | None = None) -> PersonalHome | None:
    """The signed-in person's bodies and actions, or None if the account has no person."""
    if not viewer.person_id:
        return None
    person = Person.objects.filter(pk=viewer.person_id).first()
    if person is None:
        return None
    today = today or dt.date.today()
    mine = Action.objects.owned_by(person, viewer).outstanding()
    bodies = list(_bodies(viewer, person, today))
    for b in bodies:
        b.agenda_status = _agenda_status_of(b, today)  # type: ignore[attr-defined]
    chaired = [b.pk for b in bodies if b.chaired]  # type: ignore[attr-defined]
    since = today.replace(month=1, day=1)
    attendance = (
        attendance_rates(
            Meeting.objects.visible_to(viewer).filter(body_id__in=chaired),
            "sector",
            start=since,
            end=today,
        )
        if chaired
        else []
    )
    return PersonalHome(
        person=person,
        bodies=bodies,
        actions=list(mine[:MY_ACTIONS_SHOWN]),
        actions_count=mine.count(),
        attendance=attendance,
        attendance_since=since if chaired else None,
    )
