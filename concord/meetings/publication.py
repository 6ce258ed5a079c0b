"""A meeting's agenda as it goes out: every item in order, what the viewer may see of each.

From the publication date (``Meeting.agenda_out_on``, a week before the
meeting unless another date is set) whoever may see a meeting to come sees
its agenda and papers; before it, only the secretariat and the body's
editors (``MeetingQuerySet.with_agenda_visible_to``). An item the viewer may
not see is listed by its number and the reason it is not public, never by
its title, and its papers are not listed at all. A paper sent after the
publication date is marked as sent late.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch

from concord.lib.access import Viewer
from concord.meetings.models import AgendaItem, Meeting, Paper
from concord.people.models import known_to


@dataclass(frozen=True)
class AgendaPaper:
    paper: Paper
    sent_late: bool


@dataclass(frozen=True)
class AgendaLine:
    """One line of an agenda: the item if the viewer may see it, else its number and reason."""

    number: str
    item: AgendaItem | None
    withheld_reason: str = ""
    papers: list[AgendaPaper] = field(default_factory=list)


def agenda_lines(
    meeting: Meeting, viewer: Viewer, today: dt.date | None = None
) -> list[AgendaLine]:
    """The agenda of ``meeting`` as ``viewer`` may see it, in agenda order; three queries.

    The caller has checked that the meeting's agenda (or minutes) are visible to
    the viewer; items they may not see still hold their place by number.
    """
    shown = {
        item.pk: item
        for item in AgendaItem.objects.on_agenda_visible_to(viewer, today)
        .filter(meeting=meeting)
        .select_related("presenter")
        .annotate(presenter_shown=known_to(viewer, "presenter"))
        .prefetch_related(Prefetch("papers", queryset=Paper.objects.order_by("title", "pk")))
    }
    lines = []
    for pk, number, reason in (
        AgendaItem.objects.filter(meeting=meeting)
        .order_by("position", "id")
        .values_list("pk", "number", "restriction_reason")
    ):
        item = shown.get(pk)
        if item is None:
            lines.append(AgendaLine(number, None, reason or "Not public"))
            continue
        papers = [AgendaPaper(p, p.sent_late_for(meeting)) for p in item.papers.all()]
        lines.append(AgendaLine(number, item, papers=papers))
    return lines
