"""Reading and changing a body's work programme: the page's entries, carrying actions."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from concord.actions.models import Action
from concord.agenda.models import EntryKind, WorkProgrammeEntry
from concord.governance.models import Body
from concord.lib.access import Viewer
from concord.meetings.models import ItemVisibility, Meeting, ahead
from concord.people.models import known_to

# Open actions offered for carrying, soonest due first: a page, not the whole tracker.
CARRIABLE_LIMIT = 25


def programme_of(
    body: Body, viewer: Viewer, today: dt.date | None = None
) -> QuerySet[WorkProgrammeEntry]:
    """The entries of the body's programme still to come that the viewer may see, with
    what a row shows (the lead named only if the viewer may know them); one query."""
    today = today or timezone.localdate()
    return (
        WorkProgrammeEntry.objects.visible_to(viewer, today)
        .current(today)
        .filter(body=body)
        .select_related("lead_person", "lead_organisation", "meeting")
        .annotate(lead_shown=known_to(viewer, "lead_person"))
        .order_by("kind", "meeting__date", "paper_due", "title", "pk")
    )


def meetings_ahead(body: Body, today: dt.date | None = None) -> QuerySet[Meeting]:
    """The body's meetings still to come, soonest first."""
    return Meeting.objects.filter(ahead(today or timezone.localdate()), body=body).order_by(
        "date", "pk"
    )


def carriable_actions(body: Body, viewer: Viewer) -> QuerySet[Action]:
    """Open actions of the body the viewer may see that are not yet on its programme."""
    return (
        Action.objects.visible_to(viewer)
        .outstanding()
        .filter(body=body, programmed__isnull=True)
        .order_by("due_date", "pk")[:CARRIABLE_LIMIT]
    )


def carry_action(action: Action, meeting: Meeting | None) -> WorkProgrammeEntry:
    """Put an open action on its body's programme, for ``meeting`` (or none yet).

    The entry is as visible as the item the action was set at, so carrying it
    discloses nothing its minutes did not.
    """
    item = action.item
    visibility = item.visibility if item is not None else ItemVisibility.MEMBERS
    reason = item.restriction_reason if item is not None else "Action recorded without an item"
    title = " ".join(action.description.split())
    return WorkProgrammeEntry.objects.create(
        body_id=action.body_id,
        kind=EntryKind.CARRIED,
        title=f"Action: {title}" if len(title) <= 290 else f"Action: {title[:288]}…",
        meeting=meeting,
        action=action,
        visibility=visibility,
        restriction_reason=reason if visibility != ItemVisibility.PUBLIC else "",
    )
