"""Owners update their own actions: a dated note, done, or a request to carry forward that the
secretariat sees at matters arising (never a silent change of status)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from concord.actions.models import ActionStatus, ActionUpdate
from concord.actions.reminders import send_reminders


@pytest.fixture
def owner(world):
    """The chair owns the public action; their account is the "stranger" user."""
    world.chair.user = world.stranger
    world.chair.save()
    return world


def post_update(client, action, outcome: str, note: str = "Drafted the plan", version=None):
    prefix = f"o{action.pk}"
    return client.post(
        reverse("actions:detail", args=[action.pk]),
        {
            f"{prefix}-note": note,
            f"{prefix}-outcome": outcome,
            f"{prefix}-opened_version": action.version if version is None else version,
        },
    )


def test_an_owner_adds_a_dated_note_and_the_status_stays(owner, as_user) -> None:
    action = owner.public_action
    response = post_update(as_user(owner.stranger), action, "progress")
    assert response.status_code == 302 and response["Location"].endswith("#progress")
    update = action.updates.get()
    assert (update.note, update.date, update.author) == (
        "Drafted the plan",
        dt.date.today(),
        owner.stranger,
    )
    assert update.status_after == ActionStatus.OPEN and not update.carry_forward_requested
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN and action.version == 2


def test_an_owner_marks_their_action_done(owner, as_user) -> None:
    action = owner.public_action
    post_update(as_user(owner.stranger), action, "done", note="Published on the website")
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE and action.closed_on == dt.date.today()


def test_asking_to_carry_forward_is_a_request_not_a_change(owner, as_user) -> None:
    action = owner.public_action
    client = as_user(owner.stranger)
    post_update(client, action, "carry", note="Waiting for the council's figures")
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN  # the body decides
    assert action.updates.get().carry_forward_requested
    page = client.get(reverse("actions:detail", args=[action.pk])).content.decode()
    assert "Asks to carry forward" in page
    assert action.history.count() == 2  # the version bump is in the history too


@pytest.mark.parametrize("outcome", ["dropped", "carried_forward", ""])
def test_an_owner_may_not_drop_or_carry_forward_themselves(owner, as_user, outcome) -> None:
    action = owner.public_action
    response = post_update(as_user(owner.stranger), action, outcome)
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"outcome"}
    assert not action.updates.exists()


def test_an_owners_stale_update_is_refused(owner, as_user) -> None:
    action = owner.public_action
    client = as_user(owner.stranger)
    post_update(client, action, "progress", note="First")
    response = post_update(client, action, "done", note="Second", version=1)
    assert "Someone else saved this action" in response.content.decode()
    assert list(action.updates.values_list("note", flat=True)) == ["First"]


def test_an_empty_note_or_bad_version_names_the_field(owner, as_user) -> None:
    client = as_user(owner.stranger)
    blank = post_update(client, owner.public_action, "progress", note="   ")
    assert "Progress note" in blank.content.decode() and blank.context["form"].errors["note"]
    absurd = post_update(client, owner.public_action, "progress", version="9" * 40)
    assert absurd.status_code == 200 and "opened_version" in absurd.context["form"].errors


def test_editors_keep_the_full_progress_form(owner, as_user) -> None:
    page = as_user(owner.editor).get(reverse("actions:detail", args=[owner.public_action.pk]))
    html = page.content.decode()
    assert f'name="a{owner.public_action.pk}-status"' in html
    assert f'name="o{owner.public_action.pk}-outcome"' not in html


def test_someone_else_sees_no_form_and_is_refused(owner, as_user) -> None:
    client = as_user(owner.partner)
    html = client.get(reverse("actions:detail", args=[owner.public_action.pk])).content.decode()
    assert "Record progress" not in html
    assert post_update(client, owner.public_action, "done").status_code == 403


def test_my_actions_and_the_reminder_lead_to_the_update_form(owner, as_user, settings) -> None:
    action = owner.public_action
    html = as_user(owner.stranger).get(reverse("actions:mine")).content.decode()
    assert f'href="{reverse("actions:detail", args=[action.pk])}#progress"' in html
    settings.CONCORD_SITE_URL = "https://concord.example"
    send_reminders(today=action.due_date + dt.timedelta(days=3))
    sent = [m for m in mail.outbox if owner.chair.email in m.to]
    assert sent, "the owner is reminded"
    link = f"https://concord.example{reverse('actions:detail', args=[action.pk])}#progress"
    assert link in sent[0].body and "carried forward" in sent[0].body


def test_matters_arising_marks_what_owners_sent_since_the_last_meeting(owner, as_user) -> None:
    action = owner.public_action
    ActionUpdate.objects.create(
        action=action, date=dt.date(2025, 3, 1), note="Old news", status_after="open"
    )
    post_update(as_user(owner.stranger), action, "carry", note="Need another month")
    # The board's next meeting after 4 March 2025 (the cancelled one in May does not count).
    page = as_user(owner.secretariat).get(
        reverse("meetings:matters_arising", args=[owner.untimed.pk])
    )
    html = page.content.decode()
    new, old = html.index("Need another month"), html.index("Old news")
    assert html.count("New since 4 Mar") == 1
    assert html.rindex("New since 4 Mar", 0, new) > old  # the badge is on the new update
    assert "Asks to carry forward" in html
