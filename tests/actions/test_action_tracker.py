"""Chasing actions: due dates as written, owners, matters arising, lineage, reminders."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from concord.actions.dues import parse_due
from concord.actions.filters import TrackerFilters
from concord.actions.models import Action, ActionStatus, ActionUpdate
from concord.actions.reminders import send_reminders
from concord.governance.access import build_viewer
from tests.factories import make_action, make_meeting, make_membership, make_person


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30/09/2008", (dt.date(2008, 9, 30), "day")),
        ("2008-09-30", (dt.date(2008, 9, 30), "day")),
        ("Sept 08", (dt.date(2008, 9, 30), "month")),
        ("September 2008", (dt.date(2008, 9, 30), "month")),
        ("Feb 2024", (dt.date(2024, 2, 29), "month")),
        ("2008-09", (dt.date(2008, 9, 30), "month")),
        ("3 March 2026", (dt.date(2026, 3, 3), "day")),
        ("someday", None),
        ("31/02/2026", None),
        ("2026-13", None),
    ],
)
def test_due_dates_are_read_as_people_write_them(text: str, expected) -> None:
    assert parse_due(text) == expected


def _action_post(**fields) -> dict:
    data = {"description": "Draft the cohesion strategy", "status": "open"}
    data.update(fields)
    return data


def test_an_action_is_recorded_with_owners_and_a_month_only_due_date(world, as_user) -> None:
    response = as_user(world.editor).post(
        reverse("actions:create", args=[world.public_item.pk]),
        _action_post(due="Sept 2025", owner_people=[world.chair.pk, world.deputy.pk]),
    )
    assert response.status_code == 302
    action = Action.objects.get(description="Draft the cohesion strategy")
    assert (action.due_date, action.due_precision) == (dt.date(2025, 9, 30), "month")
    assert action.due_display == "September 2025"
    assert {o.person for o in action.owners.all()} == {world.chair, world.deputy}
    assert action.body == world.board and action.item == world.public_item


def test_a_due_date_that_is_not_a_date_is_reported_on_the_due_field(world, as_user) -> None:
    response = as_user(world.editor).post(
        reverse("actions:create", args=[world.public_item.pk]), _action_post(due="someday")
    )
    assert response.status_code == 200
    assert "someday" in response.context["form"].errors["due"][0]
    assert "Due:" in response.content.decode()
    assert not Action.objects.filter(description="Draft the cohesion strategy").exists()


def test_an_owner_who_does_not_exist_is_reported_on_the_owner_field(world, as_user) -> None:
    response = as_user(world.editor).post(
        reverse("actions:create", args=[world.public_item.pk]), _action_post(owner_people=[999999])
    )
    assert response.status_code == 200
    assert "owner_people" in response.context["form"].errors


def test_a_body_or_all_members_can_own_an_action(world, as_user) -> None:
    as_user(world.editor).post(
        reverse("actions:create", args=[world.public_item.pk]),
        _action_post(owner_bodies=[world.board.pk], all_members="on"),
    )
    owners = [str(o) for o in Action.objects.get(description__startswith="Draft").owners.all()]
    assert owners == [world.board.name, "All members"]


def test_matters_arising_lists_the_bodys_open_actions_from_earlier_meetings(world) -> None:
    next_meeting = make_meeting(body=world.board, date=dt.date(2025, 4, 1), status="held")
    done = make_action(body=world.board, item=world.public_item, status=ActionStatus.DONE)
    later = make_action(body=world.board, item=None, created_on=dt.date(2025, 4, 2))
    listed = set(Action.objects.matters_arising(next_meeting))
    assert world.public_action in listed and world.secret_action in listed
    assert done not in listed and later not in listed
    assert world.private_action not in listed


def test_closing_an_action_in_matters_arising_keeps_its_lineage(world, as_user) -> None:
    second = make_meeting(body=world.board, date=dt.date(2025, 4, 1), status="held")
    third = make_meeting(body=world.board, date=dt.date(2025, 5, 1), status="held")
    client = as_user(world.editor)
    action = world.public_action
    prefix = f"a{action.pk}"
    client.post(
        reverse("meetings:matters_arising", args=[second.pk]),
        {
            "action": action.pk,
            f"{prefix}-note": "Printer booked",
            f"{prefix}-status": "carried_forward",
            f"{prefix}-opened_version": action.version,
        },
    )
    action.refresh_from_db()
    assert action.status == ActionStatus.CARRIED_FORWARD
    response = client.post(
        reverse("meetings:matters_arising", args=[third.pk]),
        {
            "action": action.pk,
            f"{prefix}-note": "Published on the website",
            f"{prefix}-status": "done",
            f"{prefix}-opened_version": action.version,
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert "Saved" in response.content.decode()
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE
    assert action.closed_at_item.meeting == third
    assert action.closed_on == third.date
    assert [(u.meeting, u.status_after) for u in action.updates.order_by("date")] == [
        (second, "carried_forward"),
        (third, "done"),
    ]
    page = client.get(reverse("actions:detail", args=[action.pk])).content.decode()
    assert "Printer booked" in page and "Closed at" in page


def test_a_stale_update_to_an_action_is_refused_not_lost(world, as_user) -> None:
    action = world.public_action
    opened = action.version
    url = reverse("actions:detail", args=[action.pk])
    prefix = f"a{action.pk}"
    first = as_user(world.editor).post(
        url,
        {f"{prefix}-note": "First", f"{prefix}-status": "open", f"{prefix}-opened_version": opened},
    )
    second = as_user(world.secretariat).post(
        url,
        {
            f"{prefix}-note": "Second",
            f"{prefix}-status": "done",
            f"{prefix}-opened_version": opened,
        },
    )
    assert first.status_code == 302
    assert "Someone else saved this action" in second.content.decode()
    assert list(ActionUpdate.objects.filter(action=action).values_list("note", flat=True)) == [
        "First"
    ]
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN


def test_an_owner_may_record_progress_on_their_own_action(world, as_user) -> None:
    world.chair.user = world.stranger
    world.chair.save()
    action = world.public_action
    prefix = f"o{action.pk}"  # an owner's form: a note, done, or a carry-forward request
    response = as_user(world.stranger).post(
        reverse("actions:detail", args=[action.pk]),
        {
            f"{prefix}-note": "Drafted",
            f"{prefix}-outcome": "progress",
            f"{prefix}-opened_version": action.version,
        },
    )
    assert response.status_code == 302
    assert action.updates.get().author == world.stranger


def test_someone_who_is_not_an_owner_may_not_record_progress(world, as_user) -> None:
    action = world.public_action
    prefix = f"a{action.pk}"
    response = as_user(world.partner).post(
        reverse("actions:detail", args=[action.pk]),
        {
            f"{prefix}-note": "x",
            f"{prefix}-status": "done",
            f"{prefix}-opened_version": action.version,
        },
    )
    assert response.status_code == 403
    assert not action.updates.exists()


def test_the_tracker_filters_by_body_owner_organisation_status_and_overdue(world) -> None:
    viewer = build_viewer(world.secretariat)
    today = dt.date(2025, 6, 1)

    def ids(**kw) -> set[int]:
        return {a.pk for a in Action.objects.for_tracker(viewer, TrackerFilters(today=today, **kw))}

    world.chair.organisation = world.council
    world.chair.save()
    assert ids(body=world.tasking.pk) == {world.private_action.pk}
    assert ids(owner=world.chair.pk) == {world.public_action.pk}
    assert ids(owner_name="ann le") == {world.public_action.pk}
    assert ids(organisation=world.council.pk) == {world.public_action.pk}
    assert ids(overdue=True) == {world.public_action.pk}  # due April 2025, the others undated
    world.public_action.status = ActionStatus.DONE
    world.public_action.save()
    assert world.public_action.pk not in ids()
    assert world.public_action.pk in ids(status="done")


def test_a_month_only_due_date_is_overdue_only_after_the_month(db) -> None:
    action = make_action(due_date=dt.date(2025, 9, 30), due_precision="month")
    assert not Action.objects.overdue(dt.date(2025, 9, 30)).filter(pk=action.pk).exists()
    assert Action.objects.overdue(dt.date(2025, 10, 1)).filter(pk=action.pk).exists()


def test_my_actions_include_those_owned_through_a_body(world, as_user) -> None:
    member = world.board_member.person
    via_body = make_action(body=world.board, item=world.public_item, description="Whole board task")
    via_body.owners.create(all_members=True)
    page = as_user(world.board_member).get(reverse("actions:mine")).content.decode()
    assert "Whole board task" in page
    assert member.display_name in page


def test_owners_are_reminded_a_week_before_and_when_overdue_once_each(db, settings) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    owner = make_person(name="Jo Owner", email="jo@example.org")
    no_email = make_person(name="No Mail")
    soon = make_action(description="Soon", due_date=dt.date(2025, 6, 5), owners=(owner, no_email))
    late = make_action(description="Late", due_date=dt.date(2025, 5, 1), owners=(owner,))
    make_action(description="Far off", due_date=dt.date(2025, 9, 1), owners=(owner,))
    make_action(description="Done", due_date=dt.date(2025, 5, 1), owners=(owner,), status="done")
    run = send_reminders(dt.date(2025, 6, 1))
    assert (run.sent, run.skipped_no_email) == (2, 1)
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects[0].startswith("Action due 5 Jun 2025") and "Overdue" in subjects[1]
    assert all(m.to == ["jo@example.org"] for m in mail.outbox)
    assert send_reminders(dt.date(2025, 6, 2)).sent == 0  # nothing twice
    soon.due_date = dt.date(2025, 6, 8)
    soon.save()
    assert send_reminders(dt.date(2025, 6, 2)).sent == 1  # a new due date re-arms it
    assert late.reminders.count() == 1


def test_reminders_reach_members_of_an_owning_body(db, settings) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    membership = make_membership(person=make_person(email="m@example.org"))
    action = make_action(body=membership.body, due_date=dt.date(2025, 5, 1))
    action.owners.create(all_members=True)
    assert send_reminders(dt.date(2025, 6, 1)).sent == 1
    assert mail.outbox[0].to == ["m@example.org"]


def test_an_absurd_id_in_the_tracker_filters_is_ignored_not_a_500(world, as_user) -> None:
    response = as_user(world.secretariat).get(reverse("actions:tracker") + "?body=" + "9" * 40)
    assert response.status_code == 200
