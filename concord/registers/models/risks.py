"""The risk register: likelihood × impact, a target, controls, mitigations as tracker actions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from concord.actions.models import Action
from concord.people.models import Person
from concord.registers.models.base import EntryQuerySet, RegisterEntry

ONE_TO_FIVE = [MinValueValidator(1), MaxValueValidator(5)]


class RiskStatus(models.TextChoices):
    OPEN = "open", "Open"
    TOLERATED = "tolerated", "Tolerated"
    CLOSED = "closed", "Closed"


class RiskQuerySet(EntryQuerySet):
    def live(self) -> RiskQuerySet:
        """Risks still being managed (open or tolerated), not closed."""
        return self.exclude(status=RiskStatus.CLOSED)

    def above_target(self) -> RiskQuerySet:
        """Live risks whose score is above their target score."""
        return self.live().filter(score__gt=models.F("target_score"))


class Risk(RegisterEntry):
    """A risk to the partnership's plans, owned by a body (and a person)."""

    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    owner = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="risks_owned",
        verbose_name="owner (person)",
    )
    likelihood = models.PositiveSmallIntegerField(
        validators=ONE_TO_FIVE, help_text="1 (rare) to 5 (almost certain)."
    )
    impact = models.PositiveSmallIntegerField(
        validators=ONE_TO_FIVE, help_text="1 (negligible) to 5 (severe)."
    )
    score = models.PositiveSmallIntegerField(editable=False, default=1)
    target_score = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(25)],
        help_text="The score the controls and mitigations aim for, 1 to 25.",
    )
    controls = models.TextField(blank=True, help_text="What is already in place.")
    mitigation = models.TextField(blank=True, help_text="What more is to be done.")
    mitigation_actions = models.ManyToManyField(
        Action, blank=True, related_name="risks_mitigated", verbose_name="mitigation actions"
    )
    identified_on = models.DateField(default=dt.date.today)
    review_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=RiskStatus.choices, default=RiskStatus.OPEN)
    history = HistoricalRecords(m2m_fields=[mitigation_actions])

    objects = RiskQuerySet.as_manager()

    class Meta:
        ordering = ["-score", "title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(likelihood__gte=1, likelihood__lte=5),
                name="risk_likelihood_1_to_5",
            ),
            models.CheckConstraint(
                condition=models.Q(impact__gte=1, impact__lte=5), name="risk_impact_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        """A review date cannot come before the risk was identified."""
        if self.review_date and self.identified_on and self.review_date < self.identified_on:
            raise ValidationError(
                {"review_date": "The review date is before the date the risk was identified."}
            )

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.score = risk_score(self.likelihood, self.impact)
        super().save(*args, **kwargs)

    @property
    def is_above_target(self) -> bool:
        return self.status != RiskStatus.CLOSED and self.score > self.target_score


def risk_score(likelihood: int, impact: int) -> int:
    """A risk's score: likelihood times impact, 1 to 25.

    >>> risk_score(4, 5)
    20
    """
    return int(likelihood) * int(impact)
