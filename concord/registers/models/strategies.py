"""The partnership's strategies: a period of years, an owning body, dated status steps,
priorities, the indicators that measure them, documents and a review date."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from concord.performance.models import Indicator
from concord.registers.models.base import EntryQuerySet, RegisterEntry

YEARS = [MinValueValidator(1990), MaxValueValidator(2100)]


class StrategyStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    CONSULTATION = "consultation", "Out to consultation"
    APPROVED = "approved", "Approved"
    PUBLISHED = "published", "Published"
    UNDER_REVIEW = "under_review", "Under review"


class Strategy(RegisterEntry):
    """A strategy of the partnership (a community safety plan, a children and young
    people's plan…), owned by a body; its steps in ``concord.registers.strategies``."""

    title = models.CharField(max_length=200)
    start_year = models.PositiveSmallIntegerField("from (year)", validators=YEARS)
    end_year = models.PositiveSmallIntegerField("to (year)", validators=YEARS)
    summary = models.TextField(blank=True)
    priorities = models.TextField(blank=True, help_text="One priority per line.")
    indicators = models.ManyToManyField(
        Indicator, blank=True, related_name="strategies", verbose_name="linked indicators"
    )
    documents = models.TextField(
        blank=True, help_text="Links to the strategy and its papers, one per line (https://…)."
    )
    status = models.CharField(
        max_length=20, choices=StrategyStatus.choices, default=StrategyStatus.DRAFT
    )
    drafted_on = models.DateField("drafting from", default=dt.date.today)
    consultation_on = models.DateField("out to consultation on", null=True, blank=True)
    approved_on = models.DateField(null=True, blank=True)
    published_on = models.DateField(null=True, blank=True)
    review_started_on = models.DateField("review started on", null=True, blank=True)
    review_date = models.DateField(null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[indicators])

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["-start_year", "title", "id"]
        verbose_name_plural = "strategies"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__gte=models.F("start_year")),
                name="strategy_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} {self.period}"

    @property
    def period(self) -> str:
        """The strategy's years, as "2008–2028"."""
        return f"{self.start_year}–{self.end_year}"

    @property
    def priority_list(self) -> list[str]:
        return [line.strip() for line in self.priorities.splitlines() if line.strip()]

    @property
    def document_links(self) -> list[str]:
        return [line.strip() for line in self.documents.splitlines() if line.strip()]

    def clean(self) -> None:
        problems = {}
        if self.start_year and self.end_year and self.end_year < self.start_year:
            problems["end_year"] = "The strategy cannot end before it starts."
        if self.review_date and self.drafted_on and self.review_date < self.drafted_on:
            problems["review_date"] = "The review date is before the strategy was started."
        if problems:
            raise ValidationError(problems)


class StrategyFile(models.Model):
    """A document of a strategy uploaded as a file (the plan itself, a consultation
    summary), read by whoever may read the strategy. Its type is the one its bytes
    show (``concord.registers.strategy_files``), never the one its name claims."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="files")
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to="strategies/%Y/")
    kind = models.CharField(max_length=10, help_text="The type its bytes show: pdf, docx, odt.")
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["strategy", "title", "id"]

    def __str__(self) -> str:
        return self.title
