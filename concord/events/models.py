"""Events the partnership runs (conferences, seminars, training) and who signed up.

An event is published by the secretariat or an editor of its body; a
published event of a public body (or of no body) is public. People sign up
on its page with a name and an e-mail address: a place while there are
places, the waiting list after that, moved up in turn when a place is given
back. Registrants are personal data: their names and addresses are shown
only to the secretariat and the editors of the event's body, never on a
public page, feed or export.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from concord.governance.models import Body, Visibility
from concord.lib.access import Viewer
from concord.lib.locking import Versioned


class EventStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    CANCELLED = "cancelled", "Cancelled"


class EventQuerySet(models.QuerySet["Event"]):
    def visible_to(self, viewer: Viewer) -> EventQuerySet:
        """The secretariat sees every event; editors of a body its drafts too; everyone
        else the published (or cancelled) events of bodies they may see, and of no body."""
        if viewer.is_secretariat:
            return self
        seen_body = (
            models.Q(body__isnull=True)
            | models.Q(body__visibility=Visibility.PUBLIC)
            | models.Q(body_id__in=viewer.insider_body_ids)
        )
        shown = models.Q(status__in=[EventStatus.PUBLISHED, EventStatus.CANCELLED]) & seen_body
        return self.filter(shown | models.Q(body_id__in=viewer.editor_body_ids))

    def upcoming(self) -> EventQuerySet:
        """Events not yet over and not cancelled, soonest first."""
        now = timezone.now()
        return (
            self.filter(ends_at__gte=now)
            .exclude(status=EventStatus.CANCELLED)
            .order_by("starts_at", "pk")
        )


class Event(Versioned):
    """A conference, seminar, workshop or training session people sign up to."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    body = models.ForeignKey(
        Body,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        help_text="The body running it; left empty, the partnership as a whole.",
    )
    starts_at = models.DateTimeField("starts")
    ends_at = models.DateTimeField("ends")
    venue = models.CharField(max_length=300, blank=True)
    description = models.TextField(blank=True)
    capacity = models.PositiveIntegerField(
        null=True, blank=True, help_text="Places; left empty, no limit."
    )
    registration_closes = models.DateTimeField(
        null=True, blank=True, help_text="Left empty, sign-up closes when the event starts."
    )
    status = models.CharField(max_length=20, choices=EventStatus.choices, default=EventStatus.DRAFT)
    history = HistoricalRecords()

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.slug:
            self.slug = slugify(self.title)[:180] or "event"
        super().save(*args, **kwargs)

    def closes_at(self) -> dt.datetime:
        """When sign-up closes: the time set, else the start."""
        return self.registration_closes or self.starts_at

    def is_open_for_sign_up(self, now: dt.datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.status == EventStatus.PUBLISHED and now < self.closes_at()


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", "Place confirmed"
    WAITING = "waiting", "On the waiting list"
    CANCELLED = "cancelled", "Cancelled"


def new_token() -> str:
    """The secret in a registrant's cancel link."""
    return secrets.token_urlsafe(24)


class Registration(models.Model):
    """One person signed up to an event (personal data: see the module's note)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(max_length=200)
    email = models.EmailField(max_length=254)
    organisation = models.CharField(max_length=200, blank=True)
    needs = models.TextField(
        "access or dietary needs", blank=True, max_length=2000, help_text="Optional."
    )
    status = models.CharField(max_length=20, choices=RegistrationStatus.choices)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["token"])

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~models.Q(status="cancelled"),
                name="one_live_registration_per_address",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"
