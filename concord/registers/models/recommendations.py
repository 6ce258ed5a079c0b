"""Recommendations made to the partnership by scrutiny, audit or inspection, the partnership's
response, and dated "what has happened" updates (the papers' progress note to scrutiny)."""

from __future__ import annotations

import datetime as dt
from typing import cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from concord.governance.models import Body
from concord.people.models import Person
from concord.registers.models.base import EntryQuerySet, RegisterEntry


class RecommendationSource(models.TextChoices):
    SCRUTINY = "scrutiny", "Scrutiny"
    AUDIT = "audit", "Audit"
    INSPECTION = "inspection", "Inspection"
    OTHER = "other", "Other review"


class RecommendationStatus(models.TextChoices):
    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    IMPLEMENTED = "implemented", "Implemented"
    NOT_ACCEPTED = "not_accepted", "Not accepted"


OPEN_STATUSES = (RecommendationStatus.OPEN, RecommendationStatus.IN_PROGRESS)


class RecommendationQuerySet(EntryQuerySet):
    def still_open(self) -> RecommendationQuerySet:
        """Recommendations still being worked on (open or in progress)."""
        return self.filter(status__in=OPEN_STATUSES)

    def with_last_update(self) -> RecommendationQuerySet:
        """Each annotated with ``last_update_on``, the date of its latest update (same query)."""
        # django-stubs types annotate() on a QuerySet[Any] as Any.
        return cast(
            RecommendationQuerySet, self.annotate(last_update_on=models.Max("updates__date"))
        )


class Recommendation(RegisterEntry):
    """A recommendation from scrutiny, an audit or an inspection, and what the partnership does."""

    source = models.CharField(
        max_length=20, choices=RecommendationSource.choices, default=RecommendationSource.SCRUTINY
    )
    source_name = models.CharField(
        "made by",
        max_length=200,
        help_text="The committee, auditor or inspectorate, e.g. “Crime and Disorder Scrutiny”.",
    )
    made_on = models.DateField("made on")
    reference = models.CharField(max_length=40, blank=True, help_text="Its number in the report.")
    text = models.TextField("recommendation")
    response = models.TextField(blank=True, help_text="The partnership's response.")
    owner = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recommendations_owned",
        verbose_name="owner (person)",
    )
    owner_body = models.ForeignKey(
        Body,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recommendations_owned",
        verbose_name="owner (body)",
    )
    status = models.CharField(
        max_length=20, choices=RecommendationStatus.choices, default=RecommendationStatus.OPEN
    )
    history = HistoricalRecords()

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        ordering = ["-made_on", "reference", "id"]

    def __str__(self) -> str:
        label = f"{self.reference}: " if self.reference else ""
        return f"{label}{self.text[:80]}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class RecommendationUpdate(models.Model):
    """A dated note of what has happened on a recommendation, and its status after."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="updates"
    )
    date = models.DateField(default=dt.date.today)
    note = models.TextField("what has happened")
    status_after = models.CharField(
        "status after", max_length=20, choices=RecommendationStatus.choices
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["recommendation", "date", "id"]

    def __str__(self) -> str:
        return f"{self.date}: {self.note[:60]}"

    def clean(self) -> None:
        """An update cannot come before the recommendation was made."""
        rec = getattr(self, "recommendation", None)
        if rec is not None and self.date and rec.made_on and self.date < rec.made_on:
            raise ValidationError(
                {
                    "date": "An update cannot come before the recommendation was made "
                    f"({rec.made_on:%-d %b %Y})."
                }
            )
