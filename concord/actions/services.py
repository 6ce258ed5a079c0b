"""The action tracker's rules: filtering, matters arising, progress and closing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from django.db import transaction
from django.db.models import Prefetch, QuerySet

from concord.actions.models import (
    OUTSTANDING,
    Action,
    ActionOwner,
    ActionQuerySet,
    ActionStatus,
    ActionUpdate,
)
from concord.governance.models import Body, Membership
from concord.lib.access import PUBLIC, Viewer
from concord.lib.locking import save_versioned
from concord.meetings.models import AgendaItem, Meeting
from concord.meetings.services import items_for
from concord.people.models import Organisation, Person

ActionQS = TypeVar("ActionQS", bound=QuerySet[Action])


def owners_prefetch(viewer: Viewer) -> Prefetch:
    """Prefetch an action's owners as ``viewer`` may see them (``ActionOwner.shown_*``)."""
    return Prefetch(
        "owners",
        queryset=(
            ActionOwner.objects.shown_to(viewer).select_related("person", "body").order_by("id")
        ),
    )


def with_display_relations(qs: ActionQS, viewer: Viewer) -> ActionQS:
    """Load what an action list shows (body, meeting, owners) in a fixed number of queries.

    Owners come annotated for ``viewer``: a body or person the viewer may not
    see is rendered as withheld, never by name. Where an action was closed is
    not shown in lists; the action's own page adds ``closed_at_item__meeting``.
    """
    return qs.select_related("body", "item__meeting").prefetch_related(owners_prefetch(viewer))


def items_with_actions(meeting: Meeting, viewer: Viewer) -> QuerySet[AgendaItem]:
    """``items_for(meeting, viewer)`` with each item's actions, owners shown as the viewer may."""
    return items_for(meeting, viewer).prefetch_related(
        Prefetch("actions", queryset=with_display_relations(Action.objects.all(), viewer))
    )


@dataclass(frozen=True)
class TrackerFilters:
    """What the tracker is filtered by; every field optional."""

    body: int | None = None
    owner: int | None = None
    owner_name: str = ""
    organisation: int | None = None
    organisation_name: str = ""
    status: str = "outstanding"
    overdue: bool = False
    today: dt.date | None = None

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> TrackerFilters:
        """Read filters from query parameters, ignoring anything malformed."""

        def number(name: str) -> int | None:
            value = params.get(name, "")
            # Longer strings of digits overflow the database's integer ids.
            return int(value) if value.isdigit() and len(value) <= 15 else None

        status = params.get("status", "outstanding")
        if status not in {"outstanding", "all", *ActionStatus.values}:
            status = "outstanding"
        return cls(
            body=number("body"),
            owner=number("owner"),
            owner_name=" ".join(params.get("owner_name", "").split())[:100],
            organisation=number("organisation"),
            organisation_name=" ".join(params.get("organisation_name", "").split())[:100],
            status=status,
            overdue=params.get("overdue") in {"1", "on", "true"},
        )


# Up to this many people, an owner or organisation filter lists their ids in the
# query instead of nesting a subquery: PostgreSQL then sees how few they are and
# stops walking the due-date index early (measured: 24 ms down to 7 ms).
LISTED_PEOPLE = 1000


def _owned_by(people: QuerySet | list[int]) -> QuerySet:
    """Ids of actions owned by any of ``people`` (person ids, or a queryset of them)."""
    return ActionOwner.objects.filter(person_id__in=people).order_by().values("action_id")


def _listed(people: QuerySet) -> QuerySet | list[int]:
    """``people`` (a queryset of person ids) as a list if it is short, else as it is."""
    ids = list(people[: LISTED_PEOPLE + 1])
    return ids if len(ids) <= LISTED_PEOPLE else people


def _people_of(organisations: QuerySet[Organisation]) -> QuerySet:
    """Ids of people who work for, or sit on a body for, any of ``organisations``."""
    return (
        Person.objects.filter(organisation__in=organisations)
        .order_by()
        .values_list("pk", flat=True)
        .union(
            Membership.objects.filter(organisation__in=organisations)
            .order_by()
            .values_list("person_id", flat=True)
        )
    )


def tracker_queryset(viewer: Viewer, filters: TrackerFilters) -> QuerySet[Action]:
    """The actions the viewer may see, filtered for the tracker, soonest due first.

    Owner and organisation filters are subqueries of action ids rather than
    joins: no ``DISTINCT`` over the whole list, and no ``OR`` across joined
    tables, which made SQLite read every action (50 ms at 50,000 actions).
    """
    qs = Action.objects.visible_to(viewer)
    if filters.body:
        qs = qs.filter(body_id=filters.body)
    # Owners are looked for only among people the viewer may know: filtering by a
    # hidden person's id or name would tell which actions they own.
    known = Person.objects.visible_to(viewer)
    if filters.owner:
        owner = known.filter(pk=filters.owner).order_by().values_list("pk", flat=True)
        qs = qs.filter(pk__in=_owned_by(owner))
    if filters.owner_name:
        people = known.search(filters.owner_name).order_by().values_list("pk", flat=True)
        qs = qs.filter(pk__in=_owned_by(_listed(people)))
    if filters.organisation:
        organisation = Organisation.objects.filter(pk=filters.organisation)
        qs = qs.filter(pk__in=_owned_by(_listed(_people_of(organisation))))
    if filters.organisation_name:
        # A name search, not a drop-down: a national deployment has thousands.
        matching = Organisation.objects.search(filters.organisation_name).order_by()
        qs = qs.filter(pk__in=_owned_by(_listed(_people_of(matching))))
    if filters.status == "outstanding":
        qs = qs.filter(status__in=OUTSTANDING)
    elif filters.status != "all":
        qs = qs.filter(status=filters.status)
    if filters.overdue:
        qs = qs.overdue(filters.today)
    return with_display_relations(qs, viewer).order_by("due_date", "id")


def actions_owned_by(person: Person, viewer: Viewer) -> ActionQuerySet:
    """Actions a person owns directly, or through a body they sit on, or as 'all members'."""
    body_ids = list(person.memberships.current().values_list("body_id", flat=True))
    # Three index look-ups joined by UNION rather than one OR: with the OR, both
    # SQLite and PostgreSQL read every owner row (62,000 at bench scale, 11 ms).
    owners = ActionOwner.objects.order_by()
    owned = (
        owners.filter(person=person)
        .values("action_id")
        .union(
            owners.filter(body_id__in=body_ids).values("action_id"),
            owners.filter(all_members=True, action__body_id__in=body_ids).values("action_id"),
        )
    )
    qs = Action.objects.visible_to(viewer).filter(pk__in=owned)
    return with_display_relations(qs, viewer).order_by("due_date", "id")


def matters_arising(meeting: Meeting, viewer: Viewer = PUBLIC) -> QuerySet[Action]:
    """Actions the meeting should review: outstanding actions of its body set before
    it, and those already closed at this meeting, so the review also shows what got
    done. ``created_on`` is the date of the meeting that set an action (Action.save)."""
    # Two index look-ups rather than one OR: with the OR, SQLite's planner
    # scans every action of every body (measured: 90 ms at 50,000 actions).
    outstanding = (
        Action.objects.filter(
            body_id=meeting.body_id, status__in=OUTSTANDING, created_on__lt=meeting.date
        )
        .order_by()
        .values_list("pk", flat=True)
    )
    items_here = list(meeting.items.order_by().values_list("pk", flat=True))
    closed_here = (
        Action.objects.filter(closed_at_item_id__in=items_here)
        .order_by()
        .values_list("pk", flat=True)
    )
    qs = Action.objects.filter(pk__in=[*outstanding, *closed_here])
    return (
        with_display_relations(qs, viewer).prefetch_related("updates").order_by("created_on", "id")
    )


def matters_arising_item(meeting: Meeting) -> AgendaItem:
    """The meeting's 'Matters arising' item, created (as item 1) if the meeting has none."""
    item = meeting.items.filter(is_matters_arising=True).first()
    if item is None:
        item = AgendaItem.objects.create(
            meeting=meeting,
            number="1",
            position=0,
            title="Minutes of the last meeting and matters arising",
            is_matters_arising=True,
        )
    return item


def record_progress(
    action: Action,
    *,
    opened_version: int,
    note: str,
    status: str,
    user,  # the signed-in User
    meeting: Meeting | None = None,
    on: dt.date | None = None,
) -> ActionUpdate:
    """Add a dated progress note and move the action to ``status``.

    Closing (done or dropped) at a meeting records the meeting's matters
    arising item as where it was closed, completing its lineage. Refuses a
    stale edit (see :mod:`concord.lib.locking`).
    """
    on = on or (meeting.date if meeting else dt.date.today())
    with transaction.atomic():
        action.status = status
        if status in OUTSTANDING:
            action.closed_on = None
            action.closed_at_item = None
        else:
            action.closed_on = on
            action.closed_at_item = matters_arising_item(meeting) if meeting else None
        save_versioned(action, opened_version)
        return ActionUpdate.objects.create(
            action=action, date=on, note=note, status_after=status, meeting=meeting, author=user
        )


def create_action(
    *,
    body: Body,
    description: str,
    item: AgendaItem | None = None,
    owners: Iterable[Person] = (),
    owner_bodies: Iterable[Body] = (),
    all_members: bool = False,
    due_date: dt.date | None = None,
    due_precision: str = "day",
    created_on: dt.date | None = None,
) -> Action:
    """Record a new action with its owners in one transaction."""
    with transaction.atomic():
        action = Action.objects.create(
            body=body,
            item=item,
            description=description,
            due_date=due_date,
            due_precision=due_precision,
            created_on=created_on or (item.meeting.date if item else dt.date.today()),
        )
        set_owners(action, owners=owners, owner_bodies=owner_bodies, all_members=all_members)
        return action


def set_owners(
    action: Action,
    *,
    owners: Iterable[Person] = (),
    owner_bodies: Iterable[Body] = (),
    all_members: bool = False,
) -> None:
    """Replace an action's owners (each change is kept in the owners' history)."""
    for owner in action.owners.all():
        owner.delete()
    rows = [ActionOwner(action=action, person=p) for p in dict.fromkeys(owners)]
    rows += [ActionOwner(action=action, body=b) for b in dict.fromkeys(owner_bodies)]
    if all_members:
        rows.append(ActionOwner(action=action, all_members=True))
    for row in rows:
        row.save()  # one by one so that each owner gets its history row
