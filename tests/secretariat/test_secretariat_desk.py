"""The secretariat's desk: what needs attention, and attendance rates."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from concord.governance.models import TermsOfReference
from concord.meetings.attendance_rates import attendance_rates
from concord.meetings.models import Attendance, Meeting
from concord.secretariat.health import needs_attention
from tests.factories import (
    make_action,
    make_body,
    make_meeting,
    make_membership,
    make_organisation,
    make_person,
)


def test_needs_attention_lists_each_kind_of_problem(world) -> None:
    today = dt.date(2025, 6, 1)
    no_owner = make_action(body=world.board, item=world.public_item, due_date=dt.date(2025, 7, 1))
    ended = make_membership(body=world.board, start=dt.date(2020, 1, 1), end=dt.date(2025, 5, 1))
    TermsOfReference.objects.create(
        body=world.board,
        version=1,
        adopted_on=dt.date(2024, 1, 1),
        purpose="Keep the town safe",
        quorum=3,
        review_date=dt.date(2025, 6, 20),
    )
    a = needs_attention(today)
    assert world.draft in a.draft_minutes
    assert world.meeting not in a.draft_minutes
    assert a.overdue == [world.public_action] and a.overdue_count == 1
    assert no_owner in a.no_owner and world.public_action not in a.no_owner
    assert world.secret_action in a.no_date
    assert ended in a.ended_memberships
    assert world.board in a.terms_due
    assert world.tasking in a.terms_due  # no terms of reference at all
    # The draft's attendance was never recorded: nothing to judge its quorum on.
    assert not world.draft.attendances.exists()
    assert [m for m, _ in a.inquorate] == [world.meeting]


def test_the_needs_attention_page_shows_counts(world, as_user) -> None:
    page = as_user(world.secretariat).get(reverse("secretariat:dashboard")).content.decode()
    assert "Minutes not yet approved (1)" in page


def test_attendance_rates_count_deputies_as_attending_and_group_by_sector(db) -> None:
    council = make_organisation(name="Council", sector="public")
    charity = make_organisation(name="Charity", sector="voluntary")
    body = make_body()
    public_rep = make_membership(body=body, organisation=council).person
    vol_rep = make_membership(body=body, organisation=charity).person
    late_joiner = make_membership(body=body, organisation=charity, start=dt.date(2025, 3, 1)).person
    for day, attend in ((dt.date(2025, 1, 10), True), (dt.date(2025, 4, 10), False)):
        m = make_meeting(body=body, date=day, status="held")
        Attendance.objects.create(meeting=m, person=public_rep)
        if attend:
            Attendance.objects.create(meeting=m, person=make_person(), deputising_for=vol_rep)
        else:
            Attendance.objects.create(meeting=m, person=vol_rep, status="apologies")
            Attendance.objects.create(meeting=m, person=late_joiner, status="present")
    make_meeting(body=body, date=dt.date(2025, 5, 1), status="cancelled")
    rates = {r.label: r for r in attendance_rates(Meeting.objects.all(), "sector")}
    assert (rates["Public"].expected, rates["Public"].attended, rates["Public"].rate) == (
        2,
        2,
        100.0,
    )
    vol = rates["Voluntary & community"]
    assert (vol.expected, vol.present, vol.deputised, vol.apologies) == (3, 1, 1, 1)
    by_person = {r.label: r for r in attendance_rates(Meeting.objects.all(), "person")}
    assert by_person[late_joiner.display_name].expected == 1


def test_attendance_rates_take_a_fixed_number_of_queries(db, django_assert_num_queries) -> None:
    body = make_body()
    people = [make_membership(body=body).person for _ in range(3)]
    for n in range(5):
        m = make_meeting(body=body, date=dt.date(2025, 1, 1 + n), status="held")
        for p in people:
            Attendance.objects.create(meeting=m, person=p)
    with django_assert_num_queries(1):  # counted in SQL, grouped by organisation
        attendance_rates(Meeting.objects.all(), "organisation")


def test_overdue_actions_are_counted_by_body_most_first(world, as_user) -> None:
    today = dt.date(2025, 6, 1)
    for n in range(3):
        make_action(body=world.tasking, description=f"Late {n}", due_date=dt.date(2025, 5, n + 1))
    attention = needs_attention(today)
    assert attention.overdue_by_body == [
        (world.tasking.pk, world.tasking.name, 3),
        (world.board.pk, world.board.name, 1),  # world.public_action, due April 2025
    ]
    assert sum(n for _, _, n in attention.overdue_by_body) == attention.overdue_count
    page = as_user(world.secretariat).get(reverse("secretariat:dashboard")).content.decode()
    assert "Overdue actions by body" in page
