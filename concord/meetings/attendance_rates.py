"""Who turns up: attendance rates per body, person, organisation and sector.

A member is *expected* at every held meeting of a body during their
membership. They count as attending if present in person or represented by
a deputy; apologies and absences count against the rate but are reported
apart, because boards read "sent apologies" differently from "did not come".
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from concord.governance.models import Body, Membership
from concord.lib.access import Viewer
from concord.meetings.models import Attendance, AttendanceStatus, Meeting, MeetingStatus
from concord.people.models import Person, Sector

GROUPINGS = ("body", "person", "organisation", "sector")


@dataclass
class AttendanceRate:
    label: str
    expected: int = 0
    present: int = 0
    deputised: int = 0
    apologies: int = 0
    absent: int = 0

    def count(self, outcome: str) -> None:
        """Add one expected attendance with its outcome (present, deputised, apologies, absent)."""
        self.expected += 1
        setattr(self, outcome, getattr(self, outcome) + 1)

    @property
    def attended(self) -> int:
        return self.present + self.deputised

    @property
    def rate(self) -> float | None:
        """Percentage of expected attendances met in person or by deputy."""
        return None if self.expected == 0 else 100.0 * self.attended / self.expected


def outcome_of(status: str | None, deputised: bool) -> str:
    """How one expected attendance went, from the member's own attendance status (if any
    row was recorded) and whether a deputy came in their place.

    >>> outcome_of("apologies", True), outcome_of(None, False), outcome_of("present", True)
    ('deputised', 'absent', 'present')
    """
    if status == AttendanceStatus.PRESENT:
        return "present"
    if deputised:
        return "deputised"
    if status == AttendanceStatus.APOLOGIES:
        return "apologies"
    return "absent"


def _outcome(person_id: int, rows: dict[int, Attendance], deputised: set[int]) -> str:
    row = rows.get(person_id)
    return outcome_of(row.status if row is not None else None, person_id in deputised)


def attendance_rates(
    meetings: QuerySet[Meeting],
    by: str,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[AttendanceRate]:
    """Attendance rates over held meetings (a Meeting queryset), grouped ``by`` one of GROUPINGS.

    Three queries whatever the number of meetings: meetings, memberships,
    attendance rows.
    """
    if by not in GROUPINGS:
        raise ValueError(f"by must be one of {GROUPINGS}")
    qs = meetings.filter(status=MeetingStatus.HELD)
    if start:
        qs = qs.filter(date__gte=start)
    if end:
        qs = qs.filter(date__lte=end)
    meeting_list = list(qs.select_related("body").only("pk", "date", "body__name", "body_id"))
    body_ids = {m.body_id for m in meeting_list}
    memberships = defaultdict(list)
    for m in Membership.objects.filter(body_id__in=body_ids).select_related(
        "person", "organisation"
    ):
        memberships[m.body_id].append(m)
    rows_by_meeting: dict[int, dict[int, Attendance]] = defaultdict(dict)
    deputised_by_meeting: dict[int, set[int]] = defaultdict(set)
    for a in Attendance.objects.filter(meeting__in=[m.pk for m in meeting_list]).only(
        "meeting_id", "person_id", "status", "deputising_for_id"
    ):
        if a.person_id:
            rows_by_meeting[a.meeting_id][a.person_id] = a
        if a.deputising_for_id and a.status == AttendanceStatus.PRESENT:
            deputised_by_meeting[a.meeting_id].add(a.deputising_for_id)
    sectors = dict(Sector.choices)
    groups: dict[object, AttendanceRate] = {}
    for meeting in meeting_list:
        for ms in memberships[meeting.body_id]:
            if (ms.start and ms.start > meeting.date) or (ms.end and ms.end < meeting.date):
                continue
            key: object
            if by == "body":
                key, label = meeting.body_id, meeting.body.name
            elif by == "person":
                key, label = ms.person_id, ms.person.display_name
            elif by == "organisation":
                org = ms.organisation
                key, label = (org.pk, org.name) if org else (None, "No organisation")
            else:
                sector = ms.organisation.sector if ms.organisation else "other"
                key, label = sector, sectors.get(sector, sector)
            group = groups.setdefault(key, AttendanceRate(label))
            outcome = _outcome(
                ms.person_id, rows_by_meeting[meeting.pk], deputised_by_meeting[meeting.pk]
            )
            group.count(outcome)
    return sorted(groups.values(), key=lambda g: (g.rate if g.rate is not None else -1, g.label))


def person_attendance_summary(
    person: Person, viewer: Viewer, memberships: list[Membership] | None = None
) -> AttendanceRate:
    """One person's attendance at held meetings of their bodies, during their memberships.

    ``memberships`` are the person's memberships of bodies the viewer may see,
    if the caller has them already. Two queries (three without them): the
    meetings they were expected at, and the attendance rows for them or their
    deputies at those meetings, read as plain values.
    """
    summary = AttendanceRate(person.display_name)
    if memberships is None:
        memberships = list(
            Membership.objects.filter(person=person, body__in=Body.objects.visible_to(viewer))
        )
    if not memberships:
        return summary
    spans = Q()
    for ms in memberships:
        span = Q(body_id=ms.body_id)
        if ms.start:
            span &= Q(date__gte=ms.start)
        if ms.end:
            span &= Q(date__lte=ms.end)
        spans |= span
    meeting_ids = list(
        Meeting.objects.filter(spans, status=MeetingStatus.HELD)
        .order_by()
        .values_list("pk", flat=True)
    )
    own_status: dict[int, str] = {}
    deputised: set[int] = set()
    for meeting_id, person_id, status in (
        Attendance.objects.filter(meeting_id__in=meeting_ids)
        .filter(Q(person=person) | Q(deputising_for=person))
        .order_by()
        .values_list("meeting_id", "person_id", "status")
    ):
        if person_id == person.pk:
            own_status[meeting_id] = status
        elif status == AttendanceStatus.PRESENT:
            deputised.add(meeting_id)
    for meeting_id in meeting_ids:
        summary.count(outcome_of(own_status.get(meeting_id), meeting_id in deputised))
    return summary
