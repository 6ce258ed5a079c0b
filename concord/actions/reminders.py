"""Reminding owners: a week before an action is due, and when it becomes overdue.

Run daily (cron or a systemd timer: ``concord send_reminders``). Each
reminder is recorded, so running twice a day, or catching up after a missed
day, never sends the same reminder twice; moving the due date re-arms it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse

from concord.actions.models import Action, ActionReminder, ReminderKind
from concord.governance.models import Membership
from concord.people.models import Person

DUE_SOON_DAYS = 7


@dataclass(frozen=True)
class ReminderRun:
    sent: int
    skipped_no_email: int


def _recipients(action: Action, members_by_body: dict[int, list[Person]]) -> list[Person]:
    people: dict[int, Person] = {}
    for owner in action.owners.all():
        if owner.person is not None:
            people[owner.person.pk] = owner.person
        elif owner.body_id:
            people.update((p.pk, p) for p in members_by_body.get(owner.body_id, []))
        elif owner.all_members:
            people.update((p.pk, p) for p in members_by_body.get(action.body_id, []))
    return list(people.values())


def send_reminders(today: dt.date | None = None) -> ReminderRun:
    """Send the due-soon and overdue reminders not yet sent; return what was done."""
    today = today or dt.date.today()
    due = (
        Action.objects.outstanding()
        .filter(
            Q(due_date__gt=today, due_date__lte=today + dt.timedelta(days=DUE_SOON_DAYS))
            | Q(due_date__lt=today)
        )
        .select_related("body")
        .prefetch_related("owners__person")
    )
    actions = list(due)
    body_ids = {o.body_id for a in actions for o in a.owners.all() if o.body_id}
    body_ids |= {a.body_id for a in actions if any(o.all_members for o in a.owners.all())}
    members_by_body: dict[int, list[Person]] = defaultdict(list)
    for ms in (
        Membership.objects.current(today).filter(body_id__in=body_ids).select_related("person")
    ):
        members_by_body[ms.body_id].append(ms.person)
    sent = skipped = 0
    for action in actions:
        if action.due_date is None:  # the query selects dated actions only
            continue
        kind = ReminderKind.OVERDUE if action.due_date < today else ReminderKind.DUE_SOON
        for person in _recipients(action, members_by_body):
            if not person.email:
                skipped += 1
                continue
            try:
                with transaction.atomic():
                    ActionReminder.objects.create(
                        action=action, person=person, kind=kind, due_date=action.due_date
                    )
                    _mail(action, person, kind)
            except IntegrityError:
                continue  # already reminded for this due date
            sent += 1
    return ReminderRun(sent=sent, skipped_no_email=skipped)


def _mail(action: Action, person: Person, kind: str) -> None:
    url = (
        settings.CONCORD_SITE_URL.rstrip("/")
        + reverse("actions:detail", args=[action.pk])
        + "#progress"
    )
    when = action.due_display
    if kind == ReminderKind.OVERDUE:
        subject = f"Overdue action ({action.body.name}): due {when}"
        opening = f"This action of the {action.body.name} was due {when} and is still open."
    else:
        subject = f"Action due {when} ({action.body.name})"
        opening = f"This action of the {action.body.name} is due {when}."
    body = (
        f"Dear {person.display_name},\n\n{opening}\n\n{action.description}\n\n"
        f"Add a progress note, mark it done or ask for it to be carried forward: {url}\n"
    )
    send_mail(subject, body, None, [person.email])
