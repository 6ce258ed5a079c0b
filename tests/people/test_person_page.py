"""A person's page: who may see whom, the capped action list, and the attendance summary."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from concord.actions.models import Action, ActionOwner, ActionStatus
from concord.governance.access import build_viewer
from concord.lib.access import Viewer
from concord.meetings.attendance_rates import attendance_rates, person_attendance_summary
from concord.meetings.models import Attendance, Meeting
from concord.people.models import Person
from concord.people.views import PERSON_ACTIONS
from tests.factories import (
    make_action,
    make_attendance,
    make_body,
    make_meeting,
    make_membership,
    make_person,
)


@pytest.fixture
def hidden(world):
    """Someone named only as a guest in the members-only group's minutes."""
    person = make_person(name="Quentin Marsh-Avery")
    make_attendance(meeting=world.private_meeting, person=person, status="in_attendance")
    return person


def test_people_are_visible_through_bodies_and_minutes_the_viewer_may_read(world, hidden) -> None:
    outsider = build_viewer(world.stranger)
    seen = set(Person.objects.visible_to(outsider))
    assert world.chair in seen  # attended the public board's approved meeting
    assert hidden not in seen
    assert hidden in Person.objects.visible_to(build_viewer(world.tasking_member))
    assert hidden in Person.objects.visible_to(build_viewer(world.secretariat))


def test_a_person_is_listed_once_however_many_seats_and_meetings_they_have(world) -> None:
    make_membership(person=world.chair, body=world.board, role="chair")
    make_membership(person=world.chair, body=make_body())
    qs = Person.objects.visible_to(build_viewer(world.stranger)).filter(pk=world.chair.pk)
    assert list(qs) == [world.chair]


def test_viewers_always_see_themselves(world) -> None:
    viewer = build_viewer(world.partner)
    assert viewer.person_id in set(Person.objects.visible_to(viewer).values_list("pk", flat=True))


@pytest.mark.parametrize(
    ("role", "status"),
    [("stranger", 404), ("partner", 404), ("tasking_member", 200), ("secretariat", 200)],
)
def test_the_page_of_a_hidden_person_is_a_404(world, hidden, as_user, role, status) -> None:
    response = as_user(getattr(world, role)).get(reverse("people:person", args=[hidden.pk]))
    assert response.status_code == status


def test_the_api_hides_the_same_people(world, hidden, as_user) -> None:
    assert as_user(world.stranger).get(f"/api/people/{hidden.pk}").status_code == 404
    assert as_user(world.tasking_member).get(f"/api/people/{hidden.pk}").status_code == 200


def test_a_missing_person_is_a_404(world, as_user) -> None:
    assert as_user(world.secretariat).get("/people/999999/").status_code == 404


def _owned(person: Person, n: int, **kwargs) -> list:
    body = kwargs.pop("body", None) or make_body()
    return [
        make_action(
            body=body,
            owners=(person,),
            due_date=dt.date(2026, 1, 1) + dt.timedelta(days=i),
            description=f"Outstanding task number {i:03d}",
            **kwargs,
        )
        for i in range(n)
    ]


def test_the_page_lists_the_soonest_due_outstanding_actions_and_links_to_the_rest(
    world,
    as_user,
) -> None:
    person = make_person(name="Tobias Wren")
    make_membership(person=person, body=world.board)
    actions = _owned(person, PERSON_ACTIONS + 2)
    done = make_action(owners=(person,), description="Finished long ago", status="done")
    page = as_user(world.secretariat).get(reverse("people:person", args=[person.pk]))
    html = page.content.decode()
    shown = [a for a in actions if a.description in html]
    assert shown == actions[:PERSON_ACTIONS]
    assert done.description not in html
    assert f"The {PERSON_ACTIONS} soonest due are shown" in html
    tracker = reverse("actions:tracker") + f"?owner={person.pk}&amp;status=all"
    assert tracker in html
    # and the tracker behind the link has them all, done ones too
    full = as_user(world.secretariat).get(
        reverse("actions:tracker"), {"owner": person.pk, "status": "all"}
    )
    assert full.context["page"].paginator.count == len(actions) + 1


def test_the_page_says_nothing_about_more_when_all_are_shown(world, as_user) -> None:
    _owned(world.deputy, 2)
    html = as_user(world.secretariat).get(reverse("people:person", args=[world.deputy.pk]))
    assert "soonest due are shown" not in html.content.decode()


def test_actions_owned_through_a_body_or_as_all_members_count_once(db) -> None:
    person = make_person()
    body = make_body()
    make_membership(person=person, body=body)
    direct = make_action(owners=(person,))
    through_body = make_action()
    ActionOwner.objects.create(action=through_body, body=body)
    everyone = make_action(body=body)
    ActionOwner.objects.create(action=everyone, all_members=True)
    both = make_action(body=body, owners=(person,))
    ActionOwner.objects.create(action=both, all_members=True)
    elsewhere = make_action()
    ActionOwner.objects.create(action=elsewhere, all_members=True)
    found = list(Action.objects.owned_by(person, Viewer(user_id=1, is_secretariat=True)))
    assert sorted(a.pk for a in found) == sorted([direct.pk, through_body.pk, everyone.pk, both.pk])


def test_the_summary_agrees_with_the_attendance_rates_report(db, django_assert_num_queries) -> None:
    person = make_person(name="Imogen Tarrant")
    board, forum = make_body(), make_body()
    make_membership(person=person, body=board)
    make_membership(person=person, body=forum, start=dt.date(2025, 3, 1), end=dt.date(2025, 9, 1))
    outcomes = ["present", "apologies", None, "deputy", "present", "absent"]
    for n, outcome in enumerate(outcomes):
        for body in (board, forum):
            day = dt.date(2025, 1, 15) + dt.timedelta(days=40 * n)
            meeting = make_meeting(body=body, date=day, status="held")
            if outcome == "deputy":
                Attendance.objects.create(
                    meeting=meeting, person=make_person(), deputising_for=person
                )
                Attendance.objects.create(meeting=meeting, person=person, status="apologies")
            elif outcome:
                Attendance.objects.create(meeting=meeting, person=person, status=outcome)
    make_meeting(body=board, date=dt.date(2025, 2, 1), status="cancelled")
    viewer = build_viewer(None)  # both bodies are public
    memberships = list(person.memberships.all())
    with django_assert_num_queries(2):
        summary = person_attendance_summary(person, viewer, memberships)
    report = {r.label: r for r in attendance_rates(Meeting.objects.all(), "person")}[
        person.display_name
    ]
    got = (summary.expected, summary.present, summary.deputised, summary.apologies, summary.absent)
    assert got == (
        report.expected,
        report.present,
        report.deputised,
        report.apologies,
        report.absent,
    )
    assert summary.expected == 6 + 4  # the forum's four meetings fall within the membership
    assert summary.deputised == 2


def test_the_actions_list_omits_closed_ones_even_if_due_first(world, as_user) -> None:
    early_done = make_action(
        owners=(world.deputy,), due_date=dt.date(2020, 1, 1), status=ActionStatus.DONE
    )
    html = as_user(world.secretariat).get(reverse("people:person", args=[world.deputy.pk]))
    assert early_done.description not in html.content.decode()
