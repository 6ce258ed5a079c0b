"""Changing actions: recording them with their owners, progress and closing.

Which actions a list shows are QuerySet methods (``Action.objects.for_tracker``,
``.matters_arising``, ``.owned_by``, ``.with_display_relations``); the
tracker's filters are ``concord.actions.filters.TrackerFilters``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Prefetch, QuerySet

from concord.actions.models import (
    OUTSTANDING,
    Action,
    ActionOwner,
    ActionStatus,
    ActionUpdate,
    owners_prefetch,
)
from concord.governance.models import Body
from concord.lib.access import Viewer
from concord.lib.locking import save_versioned
from concord.meetings.models import AgendaItem, Decision, Meeting
from concord.meetings.services import items_for
from concord.people.models import Person


def items_with_actions(meeting: Meeting, viewer: Viewer) -> QuerySet[AgendaItem]:
    """``items_for(meeting, viewer)`` with each item's actions, owners shown as the viewer may."""
    return items_for(meeting, viewer).prefetch_related(
        Prefetch("actions", queryset=Action.objects.with_display_relations(viewer))
    )


def items_for_minutes(meeting: Meeting, viewer: Viewer) -> QuerySet[AgendaItem]:
    """The meeting's items the viewer may read, with what the minutes page shows of each.

    In agenda order, with their decisions and their actions (owners shown as the
    viewer may). Lighter than ``items_with_actions``: no presenter, declarations,
    papers, or each action's body and meeting, which the minutes page does not show.
    """
    return (
        AgendaItem.objects.visible_to(viewer)
        .filter(meeting=meeting)
        .order_by("position", "id")
        .prefetch_related(
            # One item's decisions in the order they were recorded (the model's
            # ordering would join the meeting and body to sort them).
            Prefetch("decisions", queryset=Decision.objects.order_by("id")),
            Prefetch(
                "actions", queryset=Action.objects.all().prefetch_related(owners_prefetch(viewer))
            ),
        )
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
    user: Any,  # the signed-in User
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


def record_owner_update(
    action: Action, *, opened_version: int, note: str, outcome: str, user: Any
) -> ActionUpdate:
    """An owner's update, dated today: a note; the action done; or a request to carry it forward.

    Only "done" changes the action's status. A carry-forward request is a note
    marked as such (``carry_forward_requested``): the action stays as it is until
    the body decides at matters arising. Refuses a stale edit like every save.
    """
    if outcome == "done":
        return record_progress(
            action, opened_version=opened_version, note=note, status=ActionStatus.DONE, user=user
        )
    if outcome not in ("progress", "carry"):
        raise ValueError(f"unknown outcome {outcome!r}")
    with transaction.atomic():
        save_versioned(action, opened_version)
        return ActionUpdate.objects.create(
            action=action,
            note=note,
            status_after=action.status,
            author=user,
            carry_forward_requested=outcome == "carry",
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
