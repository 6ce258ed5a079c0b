"""The draft agenda of a meeting, made from its body's work programme, and its editing.

A draft agenda opens as the body's meetings usually do (apologies; the minutes
of the previous meeting when there was one; matters arising when the body has
open actions), then its standing items, the reports scheduled to the meeting
and the items carried from actions. Nothing already on the agenda is proposed
again: an entry placed once (``AgendaPlacement``, even if its item was renamed or
taken off since), an item with the same title, or a second matters arising item.
The secretariat then adds, removes, moves (``concord.meetings.services.move_item``)
and renumbers the items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from concord.actions.models import Action
from concord.agenda.models import AgendaPlacement, EntryKind, WorkProgrammeEntry
from concord.meetings.models import (
    AgendaItem,
    ItemVisibility,
    Meeting,
    MeetingStatus,
    MinutesStatus,
)
from concord.meetings.services import next_item_number

APOLOGIES = "Apologies for absence"
PREVIOUS_MINUTES = "Minutes of the previous meeting"
MATTERS_ARISING = "Matters arising"


@dataclass(frozen=True)
class Proposal:
    """An item the draft agenda would add, and where it comes from."""

    title: str
    source: str
    entry: WorkProgrammeEntry | None = None
    is_matters_arising: bool = False

    @property
    def visibility(self) -> str:
        return self.entry.visibility if self.entry else ItemVisibility.PUBLIC

    @property
    def restriction_reason(self) -> str:
        return self.entry.restriction_reason if self.entry else ""


def same_title(title: str) -> str:
    """A title as compared for duplicates: case, spacing and end punctuation aside.

    >>> same_title("  Matters  Arising. ") == same_title("matters arising")
    True
    """
    return re.sub(r"\s+", " ", title).strip().rstrip(".:").casefold()


def _openers(meeting: Meeting) -> list[Proposal]:
    earlier = Meeting.objects.filter(body_id=meeting.body_id, date__lt=meeting.date).exclude(
        status=MeetingStatus.CANCELLED
    )
    openers = [Proposal(APOLOGIES, "Opening item")]
    if earlier.exists():
        openers.append(Proposal(PREVIOUS_MINUTES, "Opening item: there was an earlier meeting"))
    if Action.objects.filter(body_id=meeting.body_id).outstanding().exists():
        openers.append(
            Proposal(MATTERS_ARISING, "Opening item: open actions", is_matters_arising=True)
        )
    return openers


def proposals_for(meeting: Meeting) -> list[Proposal]:
    """What generating the draft agenda would add to ``meeting``, in agenda order.

    Every entry comes from the body's own programme; the caller shows them only to
    the body's editors and the secretariat.
    """
    on_agenda = list(meeting.items.values_list("title", "is_matters_arising"))
    titles = {same_title(t) for t, _ in on_agenda}
    has_matters = any(flag for _, flag in on_agenda)
    placed = set(AgendaPlacement.objects.filter(meeting=meeting).values_list("entry_id", flat=True))
    scheduled = WorkProgrammeEntry.objects.filter(meeting=meeting).exclude(kind=EntryKind.STANDING)
    entries = list(WorkProgrammeEntry.objects.standing_at(meeting).order_by("title", "pk")) + [
        *scheduled.filter(kind=EntryKind.REPORT).order_by(
            F("paper_due").asc(nulls_last=True), "pk"
        ),
        *scheduled.filter(kind=EntryKind.CARRIED).order_by("pk"),
    ]
    sources = {
        EntryKind.STANDING: "Standing item",
        EntryKind.REPORT: "Report scheduled to this meeting",
        EntryKind.CARRIED: "Carried from an open action",
    }
    candidates = _openers(meeting) + [
        Proposal(e.title, sources[EntryKind(e.kind)], entry=e)
        for e in entries
        if e.pk not in placed
    ]
    proposals = []
    for p in candidates:
        if same_title(p.title) in titles or (p.is_matters_arising and has_matters):
            continue
        titles.add(same_title(p.title))
        proposals.append(p)
    return proposals


def _refuse_if_approved(meeting: Meeting) -> None:
    if meeting.minutes_status == MinutesStatus.APPROVED:
        raise ValidationError("The minutes are approved: the agenda is no longer changed.")


def add_draft_agenda(meeting: Meeting) -> list[AgendaItem]:
    """Add the proposed items to the end of the agenda; returns them.

    The meeting's row is locked while the proposals are worked out and added, so
    two people generating at once add each item once.
    """
    _refuse_if_approved(meeting)
    with transaction.atomic():
        Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
        number, position = next_item_number(meeting)
        added = []
        for offset, proposal in enumerate(proposals_for(meeting)):
            item = AgendaItem.objects.create(
                meeting=meeting,
                number=str(int(number) + offset),
                position=position + offset,
                title=proposal.title,
                is_matters_arising=proposal.is_matters_arising,
                visibility=proposal.visibility,
                restriction_reason=proposal.restriction_reason,
                presenter=proposal.entry.lead_person if proposal.entry else None,
            )
            if proposal.entry is not None:
                AgendaPlacement.objects.create(entry=proposal.entry, meeting=meeting, item=item)
            added.append(item)
        return added


def renumber(meeting: Meeting) -> int:
    """Number the items 1, 2, 3… in agenda order; returns how many numbers changed."""
    _refuse_if_approved(meeting)
    changed = 0
    with transaction.atomic():
        items = AgendaItem.objects.select_for_update().filter(meeting=meeting)
        for n, item in enumerate(items.order_by("position", "id"), start=1):
            if item.number != str(n) or item.position != n - 1:
                changed += item.number != str(n)
                item.number, item.position = str(n), n - 1
                item.save(update_fields=["number", "position"])
    return changed


def remove_item(item: AgendaItem) -> None:
    """Take an item off a draft agenda: only while nothing has been recorded at it."""
    _refuse_if_approved(item.meeting)
    recorded = (
        item.minute_text.strip()
        or item.decisions.exists()
        or item.declarations.exists()
        or item.papers.exists()
        or Action.objects.filter(item=item).exists()
    )
    if recorded:
        raise ValidationError(
            f"Item {item.number} holds minutes, decisions, papers or actions: "
            "it stays on the agenda."
        )
    item.delete()
