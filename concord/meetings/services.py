"""Rules about meetings: approving minutes, quorum, and who turns up."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, QuerySet

from concord.governance.models import VOTING_ROLES, Membership, TermsOfReference
from concord.lib.access import Viewer
from concord.lib.locking import claim_version, save_versioned
from concord.meetings.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Declaration,
    Meeting,
    MeetingStatus,
    MinutesStatus,
)
from concord.people.models import known_to


def approve_minutes(meeting: Meeting, *, at: Meeting, opened_version: int) -> None:
    """Record that ``meeting``'s minutes were approved at the later meeting ``at``.

    The approving meeting must be of the same body, later, and already
    taken place (not cancelled, not in the future); the minutes must be of a
    meeting that was not cancelled.
    """
    if at.body_id != meeting.body_id:
        raise ValidationError("Minutes are approved at a later meeting of the same body.")
    if at.date <= meeting.date:
        raise ValidationError("Minutes can only be approved at a later meeting.")
    if at.status == MeetingStatus.CANCELLED or at.date > dt.date.today():
        raise ValidationError(
            "Minutes can only be approved at a meeting that has taken place, "
            "not at a cancelled or future one."
        )
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError("A cancelled meeting has no minutes to approve.")
    with transaction.atomic():
        meeting.minutes_status = MinutesStatus.APPROVED
        meeting.approved_at = at
        meeting.approved_on = at.date
        save_versioned(meeting, opened_version)


@dataclass(frozen=True)
class Quorum:
    required: int | None
    present: int
    # Judged only once the meeting was held and its attendance recorded.
    judged: bool = True

    @property
    def is_quorate(self) -> bool | None:
        """True or False; None when no quorum is set or it cannot be judged yet.

        >>> Quorum(required=3, present=0, judged=False).is_quorate is None
        True
        >>> Quorum(required=3, present=2).is_quorate
        False
        """
        if self.required is None or not self.judged:
            return None
        return self.present >= self.required


def can_judge_quorum(meeting: Meeting, attendances: list[Attendance]) -> bool:
    """Is there anything to judge a quorum on: a meeting held, not in the future,
    whose attendance has been recorded?"""
    return (
        meeting.status == MeetingStatus.HELD
        and meeting.date <= dt.date.today()
        and bool(attendances)
    )


def members_present(attendances: list[Attendance], voting_ids: set[int]) -> int:
    """Count voting members present in person or through a deputy.

    >>> members_present([], {1})
    0
    """
    counted: set[int] = set()
    for a in attendances:
        if a.status != AttendanceStatus.PRESENT:
            continue
        if a.person_id in voting_ids:
            counted.add(a.person_id)
        elif a.deputising_for_id in voting_ids:
            counted.add(a.deputising_for_id)
    return len(counted)


def _quorum(
    meeting: Meeting, terms: list[TermsOfReference], voting_members: list[Membership]
) -> Quorum:
    """The quorum rule, given the body's terms of reference and voting memberships.

    The latest terms adopted by the meeting's date set the quorum; members
    count whose membership spans that date. A meeting not yet held, or whose
    attendance is not recorded, is not judged.
    """
    adopted = [t for t in terms if t.adopted_on <= meeting.date]
    required = max(adopted, key=lambda t: t.version).quorum if adopted else None
    voting = {
        m.person_id
        for m in voting_members
        if (m.start is None or m.start <= meeting.date) and (m.end is None or m.end >= meeting.date)
    }
    attendances = list(meeting.attendances.all())
    return Quorum(
        required, members_present(attendances, voting), can_judge_quorum(meeting, attendances)
    )


def quorum(meeting: Meeting) -> Quorum:
    """Whether a held meeting had the quorum its terms of reference require."""
    return _quorum(
        meeting,
        list(TermsOfReference.objects.filter(body_id=meeting.body_id)),
        list(Membership.objects.filter(body_id=meeting.body_id, role__in=VOTING_ROLES)),
    )


def inquorate_meetings(meetings: QuerySet[Meeting]) -> list[tuple[Meeting, Quorum]]:
    """Held meetings that did not reach their quorum, in four queries whatever their number."""
    meetings_list = list(
        meetings.filter(status=MeetingStatus.HELD)
        .select_related("body")
        .prefetch_related("attendances")
    )
    body_ids = {m.body_id for m in meetings_list}
    terms_by_body: dict[int, list[TermsOfReference]] = defaultdict(list)
    for terms in TermsOfReference.objects.filter(body_id__in=body_ids):
        terms_by_body[terms.body_id].append(terms)
    members_by_body: dict[int, list[Membership]] = defaultdict(list)
    for m in Membership.objects.filter(body_id__in=body_ids, role__in=VOTING_ROLES):
        members_by_body[m.body_id].append(m)
    result = []
    for meeting in meetings_list:
        q = _quorum(meeting, terms_by_body[meeting.body_id], members_by_body[meeting.body_id])
        if q.is_quorate is False:
            result.append((meeting, q))
    return result


def move_item(item: AgendaItem, step: int) -> bool:
    """Move an item one place up (``step=-1``) or down (``+1``) on its agenda.

    Positions are made 0, 1, 2… in agenda order first, so items added with equal
    positions move too. Approved minutes are not reordered (a correction to them is
    an amendment with a reason). Returns whether anything moved.
    """
    if item.meeting.minutes_status == MinutesStatus.APPROVED:
        raise ValidationError("The minutes are approved: their items are not reordered.")
    with transaction.atomic():
        items = list(
            AgendaItem.objects.select_for_update()
            .filter(meeting_id=item.meeting_id)
            .order_by("position", "id")
        )
        index = next(i for i, it in enumerate(items) if it.pk == item.pk)
        target = index + step
        if not 0 <= target < len(items):
            return False
        items[index], items[target] = items[target], items[index]
        for position, it in enumerate(items):
            if it.position != position:
                it.position = position
                it.save(update_fields=["position"])
        return True


class StaleOrder(Exception):
    """The agenda's order changed after the page that reorders it was opened."""

    message = (
        "Someone else changed this agenda's items while you were reordering them. "
        "Nothing was moved: the agenda below is as it is now; move the items again."
    )


def parse_order(text: str) -> list[int] | None:
    """Item ids posted as "12,7,9", or None when that is not a list of ids.

    >>> parse_order("12, 7,9"), parse_order(""), parse_order("1,x"), parse_order("1,1")
    ([12, 7, 9], [], None, None)
    """
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not all(p.isdigit() and len(p) <= 18 for p in parts):
        return None
    ids = [int(p) for p in parts]
    return ids if len(set(ids)) == len(ids) else None


def reorder_items(meeting: Meeting, opened: list[int], order: list[int]) -> bool:
    """Put the meeting's items in ``order`` (ids), if the agenda is still as ``opened``.

    ``opened`` is the order the page showed (the version check of the agenda's
    order): if an item was added, removed or moved since, nothing moves and
    :class:`StaleOrder` is raised. ``order`` must hold every item once.
    Approved minutes are not reordered. Numbers are kept (renumbering is its
    own step); each moved item's new position is in its history. Returns
    whether anything moved.
    """
    if meeting.minutes_status == MinutesStatus.APPROVED:
        raise ValidationError("The minutes are approved: their items are not reordered.")
    with transaction.atomic():
        items = list(
            AgendaItem.objects.select_for_update()
            .filter(meeting_id=meeting.pk)
            .order_by("position", "id")
        )
        if [it.pk for it in items] != opened:
            raise StaleOrder(StaleOrder.message)
        if sorted(order) != sorted(opened):
            raise ValidationError("The new order must list every item of the agenda once.")
        by_id = {it.pk: it for it in items}
        for position, pk in enumerate(order):
            item = by_id[pk]
            if item.position != position:
                item.position = position
                item.save(update_fields=["position"])
        return order != opened


def next_item_number(meeting: Meeting) -> tuple[str, int]:
    """The number and position for a new top-level item at the end of the agenda."""
    positions = list(meeting.items.values_list("position", "number"))
    position = max((p for p, _ in positions), default=-1) + 1
    numbers = [int(n) for _, n in positions if n.isdigit()]
    return str(max(numbers, default=0) + 1), position


def items_for(meeting: Meeting, viewer: Viewer) -> QuerySet[AgendaItem]:
    """The meeting's items the viewer may read, with what each shows, in agenda order.

    Their actions are not loaded here (actions sit above meetings):
    ``concord.actions.services.items_with_actions`` adds them.
    """
    return (
        AgendaItem.objects.visible_to(viewer)
        .filter(meeting=meeting)
        .select_related("presenter")
        .annotate(presenter_shown=known_to(viewer, "presenter"))
        .prefetch_related(
            "decisions",
            Prefetch(
                "declarations",
                queryset=Declaration.objects.select_related("person").annotate(
                    person_shown=known_to(viewer, "person")
                ),
            ),
            "papers",
        )
        .order_by("position", "id")
    )


def save_attendance(
    meeting: Meeting, entries: list[dict[str, Any]], opened_version: int | None = None
) -> None:
    """Make the meeting's attendance exactly ``entries``, saving only what changed.

    Rows are matched by person (or guest name) so that unchanged rows keep
    their history quiet and a correction shows as a change, not a new row.
    With ``opened_version`` (the form's), a save made after someone else's
    since the form was opened raises ``StaleEdit`` and changes nothing.
    """
    with transaction.atomic():
        if opened_version is not None:
            claim_version(meeting, "attendance_version", opened_version)
        existing = {
            (a.person_id or 0, "" if a.person_id else a.guest_name): a
            for a in meeting.attendances.all()
        }
        kept: set[int] = set()
        for entry in entries:
            person = entry["person"]
            key = (person.pk if person else 0, "" if person else entry["guest_name"])
            row = existing.get(key) or Attendance(meeting=meeting)
            changed = row.pk is None
            for field in (
                "person",
                "guest_name",
                "organisation",
                "status",
                "role",
                "deputising_for",
            ):
                if getattr(row, field) != entry[field]:
                    setattr(row, field, entry[field])
                    changed = True
            if changed:
                row.save()
            kept.add(row.pk)
        for row in meeting.attendances.exclude(pk__in=kept):
            row.delete()
