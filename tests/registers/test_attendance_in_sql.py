"""Attendance by sector (and the other groupings) counted in SQL agrees with the Python
count it replaced, on a seeded world, in one query at any size."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

import pytest

from concord.governance.models import Membership
from concord.meetings.attendance_rates import (
    GROUPINGS,
    AttendanceRate,
    attendance_rates,
    outcome_of,
)
from concord.meetings.models import Attendance, AttendanceStatus, Meeting, MeetingStatus
from concord.people.models import Sector
from tests.factories import (
    make_body,
    make_meeting,
    make_membership,
    make_organisation,
    make_person,
)


def python_rates(meetings, by, start=None, end=None) -> list[AttendanceRate]:
    """The former implementation: every membership and attendance row read into Python."""
    qs = meetings.filter(status=MeetingStatus.HELD)
    if start:
        qs = qs.filter(date__gte=start)
    if end:
        qs = qs.filter(date__lte=end)
    meeting_list = list(qs.select_related("body"))
    members = defaultdict(list)
    for ms in Membership.objects.select_related("person", "organisation"):
        members[ms.body_id].append(ms)
    own: dict[tuple[int, int], str] = {}
    deputised: set[tuple[int, int]] = set()
    for a in Attendance.objects.all():
        if a.person_id:
            own[a.meeting_id, a.person_id] = a.status
        if a.deputising_for_id and a.status == AttendanceStatus.PRESENT:
            deputised.add((a.meeting_id, a.deputising_for_id))
    sectors = dict(Sector.choices)
    groups: dict[object, AttendanceRate] = {}
    for m in meeting_list:
        for ms in members[m.body_id]:
            if (ms.start and ms.start > m.date) or (ms.end and ms.end < m.date):
                continue
            org = ms.organisation
            key, label = {
                "body": (m.body_id, m.body.name),
                "person": (ms.person_id, ms.person.display_name),
                "organisation": (org.pk, org.name) if org else (None, "No organisation"),
                "sector": (
                    (org.sector, sectors[org.sector]) if org else ("other", sectors["other"])
                ),
            }[by]
            outcome = outcome_of(own.get((m.pk, ms.person_id)), (m.pk, ms.person_id) in deputised)
            groups.setdefault(key, AttendanceRate(label)).count(outcome)
    return sorted(groups.values(), key=lambda g: (g.rate if g.rate is not None else -1, g.label))


def seed(rng: random.Random, bodies: int, members: int, meetings: int) -> None:
    """Bodies with members (some with no organisation, some joining late or leaving early,
    one person on two bodies), held and cancelled meetings, every kind of attendance row,
    deputies and guests."""
    orgs = [make_organisation(sector=s) for s in Sector.values]
    shared = make_person(honorific="Cllr")
    for _ in range(bodies):
        body = make_body()
        seats = [
            make_membership(
                body=body,
                organisation=rng.choice([*orgs, None]),
                start=rng.choice([None, dt.date(2025, rng.randint(1, 6), 1)]),
                end=rng.choice([None, None, dt.date(2025, rng.randint(7, 12), 1)]),
            )
            for _ in range(members)
        ]
        seats.append(make_membership(body=body, person=shared, organisation=orgs[0]))
        for _ in range(meetings):
            held = rng.random() < 0.8
            meeting = make_meeting(
                body=body,
                date=dt.date(2025, rng.randint(1, 12), rng.randint(1, 28)),
                status=MeetingStatus.HELD if held else MeetingStatus.CANCELLED,
            )
            for seat in seats:
                roll = rng.random()
                if roll < 0.5:
                    status = rng.choice(AttendanceStatus.values)
                    Attendance.objects.create(meeting=meeting, person=seat.person, status=status)
                if roll > 0.3 and rng.random() < 0.3:
                    Attendance.objects.create(
                        meeting=meeting,
                        person=make_person(),
                        deputising_for=seat.person,
                        status=rng.choice(AttendanceStatus.values),
                    )
            Attendance.objects.create(meeting=meeting, guest_name="A guest")


def as_tuples(rates: list[AttendanceRate]) -> list[tuple]:
    return [(r.label, r.expected, r.present, r.deputised, r.apologies, r.absent) for r in rates]


@pytest.mark.parametrize("seed_value", [1, 2, 3])
def test_sql_counts_agree_with_the_python_count(db, seed_value) -> None:
    seed(random.Random(seed_value), bodies=3, members=5, meetings=6)
    assert Attendance.objects.filter(deputising_for__isnull=False).exists()
    period = {"start": dt.date(2025, 2, 1), "end": dt.date(2025, 11, 30)}
    for by in GROUPINGS:
        for span in ({}, period):
            sql = as_tuples(attendance_rates(Meeting.objects.all(), by, **span))
            assert sql == as_tuples(python_rates(Meeting.objects.all(), by, **span)), by
            assert sql  # there is something to compare


def test_only_the_given_meetings_count(db) -> None:
    seed(random.Random(4), bodies=2, members=3, meetings=3)
    first = Meeting.objects.order_by("pk").first().body
    mine = Meeting.objects.filter(body=first)
    assert as_tuples(attendance_rates(mine, "body")) == as_tuples(python_rates(mine, "body"))
    assert [r.label for r in attendance_rates(mine, "body")] == [first.name]


@pytest.mark.parametrize("size", [1, 4])
def test_one_query_at_any_size(db, django_assert_num_queries, size) -> None:
    seed(random.Random(5), bodies=size, members=2 * size, meetings=size + 1)
    for by in GROUPINGS:
        with django_assert_num_queries(1):
            attendance_rates(Meeting.objects.all(), by, start=dt.date(2025, 1, 1))
