"""The publicity register: press and media coverage, and awards the partnership won."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from concord.registers.models.base import EntryQuerySet, RegisterEntry, money_field


class PublicityKind(models.TextChoices):
    COVERAGE = "coverage", "Coverage"
    AWARD = "award", "Award won"


class Publicity(RegisterEntry):
    """A piece of coverage (outlet, headline, reach, advertising value) or an award won."""

    kind = models.CharField(
        max_length=20, choices=PublicityKind.choices, default=PublicityKind.COVERAGE
    )
    date = models.DateField()
    outlet = models.CharField(
        "outlet or awarding body", max_length=200, help_text="Newspaper, station, site or judge."
    )
    headline = models.CharField("headline or award", max_length=300)
    reach = models.PositiveIntegerField(
        null=True, blank=True, help_text="Readers, listeners or viewers, if known."
    )
    advertising_value = money_field(
        "advertising value equivalent (£)",
        null=True,
        blank=True,
        help_text="What the same space would have cost as advertising.",
    )
    link = models.URLField(max_length=500, blank=True)
    history = HistoricalRecords()

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = "publicity entry"
        verbose_name_plural = "publicity"

    def __str__(self) -> str:
        return self.headline
