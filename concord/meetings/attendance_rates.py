"""Who turns up: attendance rates per body, person, organisation and sector.

A member is *expected* at every held meeting of a body during their
membership. They count as attending if present in person or represented by
a deputy; apologies and absences count against the rate but are reported
apart, because boards read "sent apologies" differently from "did not come".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from concord.governance.models import Body, Membership
from concord.lib.access import Viewer
from concord.meetings.models import Attendance, AttendanceStatus, Meeting, MeetingStatus
from concord.people.models import Person, Sector

GROUPINGS = ("body", "person", "organisation", "sector")
OUTCOMES = ("present", "deputised", "apologies", "absent")


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


def _expected_attendances(meetings: QuerySet[Meeting, Any]) -> QuerySet[Membership]:
    """One row per expected attendance: a membership joined to each held meeting of its
    body (from ``meetings``) that falls within the membership, annotated with its outcome.

    The outcome is worked out in SQL as :func:`outcome_of` does in Python: the member's
    own attendance row (a correlated subquery on the one-row-per-person constraint) and
    whether a deputy stood in for them and came.
    """
    meeting = "body__meetings"
    # Without the model's ordering: it would join meeting, body and person for nothing.
    own_status = (
        Attendance.objects.filter(meeting_id=OuterRef(meeting), person_id=OuterRef("person_id"))
        .order_by()
        .values("status")[:1]
    )
    deputy_came = Attendance.objects.filter(
        meeting_id=OuterRef(meeting),
        deputising_for_id=OuterRef("person_id"),
        status=AttendanceStatus.PRESENT,
    )
    return (
        Membership.objects.filter(
            Q(start__isnull=True) | Q(start__lte=F(f"{meeting}__date")),
            Q(end__isnull=True) | Q(end__gte=F(f"{meeting}__date")),
            **{f"{meeting}__in": meetings},
        )
        .annotate(own_status=Subquery(own_status), deputised=Exists(deputy_came))
        .annotate(
            outcome=Case(
                When(own_status=AttendanceStatus.PRESENT, then=Value("present")),
                When(deputised=True, then=Value("deputised")),
                When(own_status=AttendanceStatus.APOLOGIES, then=Value("apologies")),
                default=Value("absent"),
            )
        )
        .order_by()
    )


#: The columns each grouping is counted by, in SQL.
_GROUP_COLUMNS: dict[str, tuple[str, ...]] = {
    "body": ("body_id", "body__name"),
    "person": ("person_id", "person__honorific", "person__name"),
    "organisation": ("organisation_id", "organisation__name"),
    "sector": ("sector",),
}


def _label(by: str, row: dict[str, object], sectors: dict[str, str]) -> str:
    if by == "body":
        return str(row["body__name"])
    if by == "person":
        return f"{row['person__honorific']} {row['person__name']}".strip()
    if by == "organisation":
        return str(row["organisation__name"]) if row["organisation_id"] else "No organisation"
    return sectors.get(str(row["sector"]), str(row["sector"]))


def attendance_rates(
    meetings: QuerySet[Meeting],
    by: str,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[AttendanceRate]:
    """Attendance rates over held meetings (a Meeting queryset), grouped ``by`` one of GROUPINGS.

    Counted in the database: one query whatever the number of meetings, members
    and attendance rows (each expected attendance is a membership joined to a held
    meeting of its body; see ``_expected_attendances``), counted by group and
    outcome.
    """
    if by not in GROUPINGS:
        raise ValueError(f"by must be one of {GROUPINGS}")
    qs = meetings.filter(status=MeetingStatus.HELD)
    if start:
        qs = qs.filter(date__gte=start)
    if end:
        qs = qs.filter(date__lte=end)
    expected = _expected_attendances(qs.order_by().values("pk"))
    if by == "sector":
        expected = expected.annotate(sector=Coalesce("organisation__sector", Value(Sector.OTHER)))
    columns = _GROUP_COLUMNS[by]
    # Grouped by the outcome too (rather than one conditional count per outcome), so
    # each expected attendance's outcome, with its two subqueries, is worked out once.
    rows = expected.values(*columns, "outcome").annotate(n=Count("*"))
    sectors = dict(Sector.choices)
    by_key: dict[tuple[object, ...], AttendanceRate] = {}
    for row in rows:
        key = tuple(row[c] for c in columns)
        group = by_key.setdefault(key, AttendanceRate(_label(by, row, sectors)))
        group.expected += row["n"]
        setattr(group, row["outcome"], getattr(group, row["outcome"]) + row["n"])
    groups = list(by_key.values())
    return sorted(groups, key=lambda g: (g.rate if g.rate is not None else -1, g.label))


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
