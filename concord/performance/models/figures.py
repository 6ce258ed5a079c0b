"""The figures: observations (with their provenance), targets and the imports that brought them."""

from __future__ import annotations

from typing import Self, TypeVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from concord.lib.access import Viewer
from concord.performance import rules
from concord.performance.models.areas import Area
from concord.performance.models.groups import Group
from concord.performance.models.indicators import Indicator
from concord.performance.models.periods import Period


class ObservationStatus(models.TextChoices):
    PROVISIONAL = "provisional", "Provisional"
    FINAL = "final", "Final"
    REVISED = "revised", "Revised"


class ImportBatch(models.Model):
    """One imported file: who, when, what, and how many rows it created or changed."""

    class Kind(models.TextChoices):
        OBSERVATIONS = "observations", "Observations"
        TARGETS = "targets", "Targets"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    filename = models.CharField(max_length=300, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(default=timezone.now)
    rows = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.filename or 'a file'}"


_M = TypeVar("_M", bound=models.Model)


class OfIndicatorQuerySet(models.QuerySet[_M]):
    """Records of an indicator: visible when the indicator is."""

    def visible_to(self, viewer: Viewer) -> Self:
        if viewer.is_secretariat:
            return self
        return self.filter(indicator__in=Indicator.objects.visible_to(viewer))


class ObservationQuerySet(OfIndicatorQuerySet["Observation"]):
    def for_everyone(self) -> Self:
        """Figures for all people, not for one population group (what most pages show)."""
        return self.filter(group__isnull=True)

    def for_group(self, group: Group | None) -> Self:
        """Figures for one population group, or for all people when ``group`` is none
        (either way a partial index applies: ``group = n`` or ``group IS NULL``)."""
        return self.for_everyone() if group is None else self.filter(group=group)

    def by_group(self) -> Self:
        """Figures for population groups (equality breakdowns)."""
        return self.filter(group__isnull=False)


class Observation(models.Model):
    """The value of an indicator for one area and period, with where it came from.

    ``status`` is provisional, final or revised (a final value later changed);
    ``entered_by``/``approved_by`` and the history records keep provenance.
    """

    # No single-column indexes on the keys: the two composite indexes below lead
    # with area and with indicator, and deleting a period (never done once it
    # has figures) may scan. Every index slows the bulk import (docs/performance.md).
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="observations", db_index=False
    )
    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, related_name="observations", db_index=False
    )
    period = models.ForeignKey(
        Period, on_delete=models.PROTECT, related_name="observations", db_index=False
    )
    # None: the figure is for all people; otherwise for one population group
    # (equality breakdowns). Indexed by the partial unique constraint below.
    group = models.ForeignKey(
        Group,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="observations",
        db_index=False,
    )
    value = models.FloatField()
    numerator = models.FloatField(null=True, blank=True)
    denominator = models.FloatField(null=True, blank=True)
    ci_low = models.FloatField("confidence interval, lower", null=True, blank=True)
    ci_high = models.FloatField("confidence interval, upper", null=True, blank=True)
    status = models.CharField(
        max_length=12, choices=ObservationStatus.choices, default=ObservationStatus.PROVISIONAL
    )
    note = models.TextField(blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,  # partial index in Meta: most rows have none
    )
    entered_at = models.DateTimeField(default=timezone.now)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,  # partial index in Meta: most rows have none
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    batch = models.ForeignKey(
        ImportBatch,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )
    # Only the original row's id is indexed in the history table: it is read one
    # observation at a time, and every index slows the bulk import.
    history = HistoricalRecords(
        no_db_index=["indicator", "area", "period", "group", "entered_by", "approved_by", "batch"]
    )

    objects = ObservationQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "area", "period"]
        constraints = [
            # Leading with area: the dashboard reads every indicator of one area.
            # Partial: the figures for all people (nearly every row) keep an index
            # of three columns; figures by group have their own, with the group.
            models.UniqueConstraint(
                fields=["area", "indicator", "period"],
                condition=models.Q(group__isnull=True),
                name="unique_observation",
            ),
            models.UniqueConstraint(
                fields=["area", "indicator", "period", "group"],
                condition=models.Q(group__isnull=False),
                name="unique_group_observation",
            ),
            models.CheckConstraint(
                condition=models.Q(ci_low__isnull=True)
                | models.Q(ci_high__isnull=True)
                | models.Q(ci_low__lte=models.F("ci_high")),
                name="observation_ci_ordered",
            ),
        ]
        # The ward table reads one indicator and period for thousands of areas.
        indexes = [
            # (figures for all people only: breakdowns are read one area at a time)
            models.Index(
                fields=["indicator", "period", "area"],
                name="obs_ind_period",
                condition=models.Q(group__isnull=True),
            ),
            # Found when a user is deleted (SET_NULL); only rows naming someone.
            models.Index(
                fields=["entered_by"],
                name="obs_entered_by",
                condition=models.Q(entered_by__isnull=False),
            ),
            models.Index(
                fields=["approved_by"],
                name="obs_approved_by",
                condition=models.Q(approved_by__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        group = f" group {self.group_id}" if self.group_id else ""
        return f"{self.indicator_id} {self.area_id} {self.period_id}{group}: {self.value}"

    @property
    def interval(self) -> rules.Interval | None:
        if self.ci_low is None or self.ci_high is None:
            return None
        return (self.ci_low, self.ci_high)


class TargetKind(models.TextChoices):
    TARGET = "target", "Target"
    MILESTONE = "milestone", "Profiled milestone"


class TargetQuerySet(OfIndicatorQuerySet["Target"]):
    pass


class Target(models.Model):
    """A target for an indicator, area and period.

    ``kind`` ``target``: an end target; with a baseline (value and period),
    the years before it are judged on the straight line from the baseline
    (a trajectory). ``milestone``: a profiled interim target; where
    milestones exist they are used instead of the straight line. For a
    cumulative indicator, milestones within a financial year are its
    year-to-date profile. ``value_high`` makes the target a band
    (``within_band`` indicators).
    """

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="targets")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="targets")
    kind = models.CharField(max_length=10, choices=TargetKind.choices, default=TargetKind.TARGET)
    value = models.FloatField()
    value_high = models.FloatField(null=True, blank=True)
    baseline_period = models.ForeignKey(
        Period, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    baseline_value = models.FloatField(null=True, blank=True)
    note = models.TextField(blank=True)
    batch = models.ForeignKey(
        ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    objects = TargetQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "area", "period"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "area", "period"], name="unique_target"),
            models.CheckConstraint(
                condition=models.Q(value_high__isnull=True)
                | models.Q(value_high__gte=models.F("value")),
                name="target_band_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.area_id} {self.period_id}: {self.value}"

    @property
    def rule_value(self) -> float | rules.Band:
        """The target as the rules take it: a number, or a band."""
        if self.value_high is not None:
            return rules.Band(self.value, self.value_high)
        return self.value
