"""Signing up to an event and giving a place back, with the waiting list moved up in turn.

Places are counted under a lock on the event's row, so two people posting at
once can never both take the last place. E-mails go out once the
transaction has committed; a failure to send is logged and the
registration stands (the page says so).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse

from concord.events.models import Event, Registration, RegistrationStatus

log = logging.getLogger(__name__)


class SignUpRefused(Exception):
    """Sign-up is closed, or this address already holds a place or a waiting-list spot."""


@dataclass(frozen=True)
class Places:
    """How many places are taken and how many people wait (no names)."""

    confirmed: int
    waiting: int
    capacity: int | None

    @property
    def left(self) -> int | None:
        return None if self.capacity is None else max(self.capacity - self.confirmed, 0)


def places(event: Event) -> Places:
    """The event's places taken and its waiting list's length (one query)."""
    counts = event.registrations.aggregate(
        confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
    )
    return Places(counts["confirmed"], counts["waiting"], event.capacity)


def sign_up(
    event: Event, *, name: str, email: str, organisation: str = "", needs: str = "", site: str = ""
) -> Registration:
    """Give ``name`` a place, or a spot on the waiting list when the event is full.

    Raises :class:`SignUpRefused` when sign-up is closed or the address is
    already signed up. ``site`` (scheme and host) makes the cancel link absolute.
    """
    email = email.strip().lower()
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        if not locked.is_open_for_sign_up():
            raise SignUpRefused("Sign-up to this event is closed.")
        live = locked.registrations.exclude(status=RegistrationStatus.CANCELLED)
        if live.filter(email=email).exists():
            raise SignUpRefused(
                "This address is already signed up; the e-mail we sent has a link to give the "
                "place back."
            )
        full = (
            locked.capacity is not None
            and live.filter(status=RegistrationStatus.CONFIRMED).count() >= locked.capacity
        )
        registration = Registration.objects.create(
            event=locked,
            name=name.strip(),
            email=email,
            organisation=organisation.strip(),
            needs=needs.strip(),
            status=RegistrationStatus.WAITING if full else RegistrationStatus.CONFIRMED,
        )
        transaction.on_commit(lambda: tell(registration, site))
    return registration


def cancel(registration: Registration, site: str = "") -> Registration | None:
    """Give a place (or a waiting-list spot) back; the first on the waiting list then
    takes a freed place and is told. Returns whoever moved up, if anyone."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=registration.event_id)
        registration.refresh_from_db()
        if registration.status == RegistrationStatus.CANCELLED:
            return None
        freed = registration.status == RegistrationStatus.CONFIRMED
        registration.status = RegistrationStatus.CANCELLED
        registration.save(update_fields=["status"])
        if not freed:
            return None
        confirmed = event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
        if event.capacity is not None and confirmed >= event.capacity:
            return None
        first = event.registrations.filter(status=RegistrationStatus.WAITING).first()
        if first is None:
            return None
        first.status = RegistrationStatus.CONFIRMED
        first.save(update_fields=["status"])
        transaction.on_commit(lambda: tell(first, site, moved_up=True))
        return first


def tell(registration: Registration, site: str = "", *, moved_up: bool = False) -> bool:
    """E-mail a registrant where they stand, with the link to give the place back.
    Returns whether the mail was handed to the server (a failure is logged)."""
    event = registration.event
    link = site + reverse("events:cancel", args=[registration.token])
    if registration.status == RegistrationStatus.CONFIRMED:
        opening = (
            "A place has come free and it is now yours" if moved_up else "Your place is confirmed"
        )
    else:
        opening = (
            "The event is full, so you are on the waiting list; "
            "we will e-mail you if a place comes free"
        )
    when = f"{event.starts_at:%A %d %B %Y, %H:%M}"
    body = (
        f"Dear {registration.name},\n\n{opening}: {event.title}, {when}"
        f"{', ' + event.venue if event.venue else ''}.\n\n"
        f"If you cannot come, give your place back here:\n{link}\n"
    )
    try:
        send_mail(
            f"{event.title}: {registration.get_status_display()}", body, None, [registration.email]
        )
    except Exception:  # the registration stands; the secretariat can resend
        log.exception("could not e-mail registration %s", registration.pk)
        return False
    return True
