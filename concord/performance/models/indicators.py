"""Indicators: what is measured, how it is judged, who owns it and who may see it."""

from __future__ import annotations

from functools import lru_cache

from django.db import models
from simple_history.models import HistoricalRecords

from concord.governance.models import Body
from concord.lib.access import Viewer
from concord.people.models import Person
from concord.performance import rules
from concord.performance.models.areas import DataSet


class Frequency(models.TextChoices):
    MONTHLY = "monthly", "Monthly"
    QUARTERLY = "quarterly", "Quarterly"
    ANNUAL = "annual", "Annual (calendar year)"
    FINANCIAL_YEAR = "financial_year", "Financial year"


FREQUENCY_KIND = {
    Frequency.MONTHLY: rules.PeriodKind.MONTH,
    Frequency.QUARTERLY: rules.PeriodKind.QUARTER,
    Frequency.ANNUAL: rules.PeriodKind.YEAR,
    Frequency.FINANCIAL_YEAR: rules.PeriodKind.FINANCIAL_YEAR,
}


class Unit(models.TextChoices):
    RATE_PER_1000 = "rate_per_1000", "Rate per 1,000"
    RATE_PER_100000 = "rate_per_100000", "Rate per 100,000"
    PERCENT = "percent", "%"
    COUNT = "count", "Count"
    POUNDS = "pounds", "£"
    TONNES = "tonnes", "Tonnes"
    SCORE = "score", "Score"
    OTHER = "other", "Other"


class PolarityChoice(models.TextChoices):
    HIGHER_IS_BETTER = "higher_is_better", "Higher is better"
    LOWER_IS_BETTER = "lower_is_better", "Lower is better"
    WITHIN_BAND = "within_band", "Within a band"
    NO_JUDGEMENT = "no_judgement", "No judgement"


class ToleranceKindChoice(models.TextChoices):
    PERCENT = "percent", "Percent of the target"
    POINTS = "points", "Points (the indicator's own units)"


class IndicatorQuerySet(models.QuerySet["Indicator"]):
    def visible_to(self, viewer: Viewer) -> IndicatorQuerySet:
        """Indicators of bodies the viewer may see, and those owned by no body."""
        if viewer.is_secretariat:
            return self
        return self.filter(
            models.Q(body__isnull=True) | models.Q(body__in=Body.objects.visible_to(viewer))
        )

    def reported(
        self,
        viewer: Viewer,
        *,
        body: Body | None = None,
        theme: str | None = None,
    ) -> IndicatorQuerySet:
        """The active indicators the viewer may see that a dashboard, trend or report
        covers: all of them, or those of ``body`` and of the public bodies answering
        to it (:meth:`BodyQuerySet.answering_to`), or of one ``theme``."""
        qs = self.visible_to(viewer).filter(is_active=True)
        if body is not None:
            qs = qs.filter(body_id__in=Body.objects.answering_to(body))
        if theme:
            qs = qs.filter(theme=theme)
        return qs


class Indicator(models.Model):
    """A measure the partnership reports, such as "NI 112 under-18 conception rate".

    How it is judged: ``polarity``, ``tolerance_amount``/``tolerance_kind``
    (amber width and "no change" width), ``cumulative`` (a count judged year
    to date), ``seasonal`` (compared with the same period a year earlier).
    ``lag_days``: how long after a period ends its value is due; until then
    the period before is the latest one judged.
    """

    code = models.CharField(max_length=30, unique=True)
    title = models.CharField(max_length=300)
    definition = models.TextField(blank=True)
    unit = models.CharField(max_length=20, choices=Unit.choices, default=Unit.COUNT)
    unit_label = models.CharField(
        max_length=100, blank=True, help_text="e.g. 'per 1,000 women aged 15–17'."
    )
    decimals = models.PositiveSmallIntegerField(default=1)
    polarity = models.CharField(
        max_length=20, choices=PolarityChoice.choices, default=PolarityChoice.HIGHER_IS_BETTER
    )
    frequency = models.CharField(
        max_length=20, choices=Frequency.choices, default=Frequency.QUARTERLY
    )
    source = models.CharField(max_length=300, blank=True)
    body = models.ForeignKey(
        Body,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicators",
        help_text="The body that owns the indicator and reports on it.",
    )
    lead_officer = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="led_indicators"
    )
    theme = models.CharField(max_length=100, blank=True, help_text="Strategy priority or theme.")
    equality_impact = models.TextField(blank=True)
    tolerance_amount = models.FloatField(null=True, blank=True)
    tolerance_kind = models.CharField(
        max_length=10, choices=ToleranceKindChoice.choices, default=ToleranceKindChoice.PERCENT
    )
    cumulative = models.BooleanField(
        default=False, help_text="A count that adds up over the financial year (judged YTD)."
    )
    seasonal = models.BooleanField(
        default=False, help_text="Compare with the same period a year earlier."
    )
    lag_days = models.PositiveIntegerField(
        default=0, help_text="Days after a period ends before its value is due."
    )
    suppress_small_counts = models.BooleanField(
        default=False, help_text="Hide small counts (numerators) on public pages."
    )
    dataset = models.ForeignKey(
        DataSet, null=True, blank=True, on_delete=models.SET_NULL, related_name="indicators"
    )
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords()

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def rule_polarity(self) -> rules.Polarity:
        return rules.Polarity(self.polarity)

    @property
    def tolerance(self) -> rules.Tolerance | None:
        """The indicator's tolerance for the rules, or ``None`` (no amber)."""
        if self.tolerance_amount is None:
            return None
        return _tolerance(self.tolerance_amount, self.tolerance_kind)

    @property
    def period_kind(self) -> rules.PeriodKind:
        """The kind of period its values are reported for."""
        return FREQUENCY_KIND[Frequency(self.frequency)]

    @property
    def is_illustrative(self) -> bool:
        return self.dataset is not None and self.dataset.illustrative


@lru_cache(maxsize=256)
def _tolerance(amount: float, kind: str) -> rules.Tolerance:
    """The rules' tolerance of an amount and kind, made once (it is frozen, and a
    dashboard asks each of hundreds of indicators for theirs)."""
    return rules.Tolerance(amount, rules.ToleranceKind(kind))
