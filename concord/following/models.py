"""Following a body, a topic or an area by e-mail, and the journal of what the public may see.

Followers are anonymous: a ``Follow`` is an e-mail address (personal data,
stored lower-cased, shown on no page, feed or export) and what it follows.
It is made unconfirmed by the public form and confirmed from the link mailed
to the address (double opt-in); unconfirmed follows expire; unsubscribing
deletes the row.

``Notice`` is the journal digests and feeds are made from: one row per
thing the public may see (a published agenda, approved minutes, a decision,
an event), noted by the scheduled task when it first finds it public
(``journal.note_changes``). Visibility is checked again whenever a notice is
used, so an item withdrawn from the public is neither mailed nor fed.
"""

from __future__ import annotations

import secrets

from django.db import models
from simple_history.models import HistoricalRecords

from concord.governance.models import Body
from concord.performance.models import Area
from concord.portal.models import Topic

# An unconfirmed follow (and its confirmation link) lasts this long.
CONFIRM_DAYS = 7


class Subject(models.TextChoices):
    BODY = "body", "Body"
    TOPIC = "topic", "Topic"
    AREA = "area", "Area"


def new_token() -> str:
    """The secret in a follow's unsubscribe link."""
    return secrets.token_urlsafe(24)


class FollowQuerySet(models.QuerySet["Follow"]):
    def confirmed(self) -> FollowQuerySet:
        return self.filter(confirmed_at__isnull=False)

    def of_subject(self, kind: str, subject: models.Model) -> FollowQuerySet:
        return self.filter(**{kind: subject})


class Follow(models.Model):
    """One address following one body, topic or area (personal data: see the module)."""

    email = models.EmailField(max_length=254)
    body = models.ForeignKey(
        Body, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    area = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # The last journal notice this follow has been mailed about (or had when confirmed).
    sent_through = models.BigIntegerField(default=0)

    objects = FollowQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(body__isnull=False, topic__isnull=True, area__isnull=True)
                    | models.Q(body__isnull=True, topic__isnull=False, area__isnull=True)
                    | models.Q(body__isnull=True, topic__isnull=True, area__isnull=False)
                ),
                name="follow_exactly_one_subject",
            ),
            models.UniqueConstraint(fields=["email", "body"], name="follow_body_once"),
            models.UniqueConstraint(fields=["email", "topic"], name="follow_topic_once"),
            models.UniqueConstraint(fields=["email", "area"], name="follow_area_once"),
        ]

    def __str__(self) -> str:
        return f"follow {self.pk}"

    @property
    def subject(self) -> Body | Topic | Area:
        found = self.body or self.topic or self.area
        assert found is not None
        return found


class NoticeKind(models.TextChoices):
    AGENDA = "agenda", "Agenda published"
    MINUTES = "minutes", "Minutes approved"
    DECISION = "decision", "Decision"
    EVENT = "event", "Event"


class Notice(models.Model):
    """Something the public may see, noted when first found (see the module)."""

    kind = models.CharField(max_length=20, choices=NoticeKind.choices)
    object_id = models.BigIntegerField()
    body = models.ForeignKey(
        Body, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(max_length=400)
    link = models.CharField(max_length=400)
    happened = models.DateField()
    noted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-pk"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="one_notice_per_item")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"


class BodyArea(models.Model):
    """A body serving an area (a ward's board serves its ward): following the area
    is following the bodies serving it. Set by the secretariat on
    ``/following/areas-served/`` (``serving.py``) or in the admin."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+")
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["body", "area"], name="body_serves_area_once")
        ]

    def __str__(self) -> str:
        return f"{self.body} serves {self.area}"
