"""Outcome-Based Accountability “turn the curve” reports."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from concord.governance.models import Body
from concord.lib.locking import Versioned
from concord.performance.models.areas import Area
from concord.performance.models.figures import OfIndicatorQuerySet
from concord.performance.models.indicators import Indicator


class TurnTheCurveQuerySet(OfIndicatorQuerySet["TurnTheCurve"]):
    pass


class TurnTheCurve(Versioned):
    """An Outcome-Based Accountability "turn the curve" report for one indicator and area.

    The baseline and its forecast come from the observations; people write
    the story behind the baseline, the partners with a role to play and what
    works; the action plan is a set of tracker Actions, so their progress
    shows here and in matters arising.
    """

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="turn_the_curve"
    )
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    body = models.ForeignKey(
        Body, null=True, blank=True, on_delete=models.SET_NULL, related_name="turn_the_curve"
    )
    story = models.TextField("story behind the baseline", blank=True)
    partners = models.TextField("partners with a role to play", blank=True)
    what_works = models.TextField("what works", blank=True)
    forecast_ahead = models.PositiveSmallIntegerField(default=4)
    actions = models.ManyToManyField(
        "actions.Action", blank=True, related_name="turn_the_curve_reports"
    )
    updated_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords(m2m_fields=[actions])

    objects = TurnTheCurveQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "area"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "area"], name="unique_turn_the_curve")
        ]

    def __str__(self) -> str:
        return f"Turning the curve: {self.indicator}"
