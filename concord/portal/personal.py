"""What a signed-in person's home page shows: their bodies and their actions.

A chair (or vice-chair) sees, for each body they chair, its next meeting and
how many of its actions are overdue, linking to the tracker filtered to them;
every member sees the bodies they sit on, their next meetings, and their own
outstanding actions. A fixed number of queries however many bodies or actions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Exists, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from concord.actions.models import Action
from concord.governance.models import Body, Membership, Role
from concord.lib.access import Viewer
from concord.meetings.models import Meeting, MeetingStatus
from concord.people.models import Person

CHAIR_ROLES = (Role.CHAIR, Role.VICE_CHAIR)
MY_ACTIONS_SHOWN = 5


@dataclass
class PersonalHome:
    person: Person
    bodies: list[Body]  # annotated: next_meeting_id, next_meeting_date, overdue, chaired
    actions: list[Action]
    actions_count: int


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
            overdue=Coalesce(Subquery(overdue, output_field=IntegerField()), 0),
        )
        .order_by("-chaired", "name")
    )


def personal_home(viewer: Viewer, today: dt.date | None = None) -> PersonalHome | None:
    """The signed-in person's bodies and actions, or None if the account has no person."""
    if not viewer.person_id:
        return None
    person = Person.objects.filter(pk=viewer.person_id).first()
    if person is None:
        return None
    today = today or dt.date.today()
    mine = Action.objects.owned_by(person, viewer).outstanding()
    return PersonalHome(
        person=person,
        bodies=list(_bodies(viewer, person, today)),
        actions=list(mine[:MY_ACTIONS_SHOWN]),
        actions_count=mine.count(),
    )
