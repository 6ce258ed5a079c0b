"""The agenda pack of a meeting: its agenda, its papers and the action log of open actions.

Only what the viewer may see goes in: the agenda comes from
``concord.meetings.publication.agenda_lines`` (an item the viewer may not see
is listed by number and reason only, its papers left out) and the action log
from ``Action.objects.visible_to(viewer)``, owners as the viewer may know them.
The Word pack (``pack_word``) lists the papers; the PDF pack (``pack_pdf``)
appends those that are PDFs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.http import Http404

from concord.actions.models import OUTSTANDING, Action
from concord.lib.access import Viewer
from concord.meetings.models import Meeting
from concord.meetings.publication import AgendaLine, agenda_lines


@dataclass(frozen=True)
class Pack:
    meeting: Meeting
    lines: list[AgendaLine]
    actions: list[Action]

    @property
    def title(self) -> str:
        date = self.meeting.date
        return f"Agenda pack: {self.meeting.body.name}, {date.day} {date:%B %Y}"

    @property
    def filename(self) -> str:
        return f"agenda-pack-{self.meeting.body.slug}-{self.meeting.date:%Y-%m-%d}"


def may_have_pack(meeting: Meeting, viewer: Viewer, today: dt.date | None = None) -> bool:
    """For a visible meeting: a meeting to come once its agenda is out to the viewer,
    a meeting held once they may read its minutes."""
    if meeting.is_ahead(today):
        return meeting.agenda_visible_to(viewer, today)
    return meeting.minutes_visible_to(viewer)


def pack_for(meeting: Meeting, viewer: Viewer, today: dt.date | None = None) -> Pack:
    """What the viewer's agenda pack holds; 404 if they may not have one yet."""
    if not may_have_pack(meeting, viewer, today):
        raise Http404("No agenda pack for you yet.")
    actions = list(
        Action.objects.visible_to(viewer)
        .matters_arising(meeting, viewer)
        .filter(status__in=OUTSTANDING)
        .select_related("item__meeting")
    )
    return Pack(meeting, agenda_lines(meeting, viewer, today), actions)


def owners_text(action: Action) -> str:
    """The owners as the viewer may know them (loaded by ``with_display_relations``)."""
    return "; ".join(o.shown_name for o in action.owners.all()) or "—"


def set_at(action: Action) -> str:
    """Where the action was set: the meeting's date and the item's number."""
    item = action.item
    if item is None:
        return "—"
    return f"{item.meeting.date.day} {item.meeting.date:%b %Y}, item {item.number}"
