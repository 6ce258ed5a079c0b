"""Performance management: indicators, areas, periods, observations, targets and reports.

The rules that judge the figures (RAG, direction of travel, significance...)
are plain functions in :mod:`concord.performance.rules`; the queries that
feed them live in :mod:`concord.performance.status`. Each judgement stays
a separate field and is never blended into one colour.
"""

from __future__ import annotations

from typing import Any, Self, TypeVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from concord.governance.models import Body
from concord.lib.locking import Versioned
from concord.people.models import Person
from concord.performance import rules


class DataSet(models.Model):
    """Where a group of indicators' figures come from; ``illustrative`` marks made-up data."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    illustrative = models.BooleanField(
        default=False, help_text="The figures are invented for demonstration, not real."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class AreaLevel(models.TextChoices):
    NATION = "nation", "Nation"
    REGION = "region", "Region"
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    WARD = "ward", "Ward"
    LSOA = "lsoa", "Lower super output area"


class CodeScheme(models.TextChoices):
    GSS = "gss", "ONS GSS code"
    LOCAL = "local", "Local code"


class Area(models.Model):
    """A place figures are reported for: nation, region, local authority, ward, LSOA.

    ``code`` is an ONS GSS code (``E08000026``; ``E05…`` for wards) with
    ``scheme`` ``gss``, or a local code (``scheme`` ``local``) for places
    without one. ``depth`` is the number of ancestors, kept on save, so that
    "wards under this region" is one join chain (see
    :func:`concord.performance.areas.descendants_filter`).
    """

    code = models.CharField(max_length=20, unique=True)
    scheme = models.CharField(max_length=10, choices=CodeScheme.choices, default=CodeScheme.GSS)
    name = models.CharField(max_length=200)
    level = models.CharField(max_length=20, choices=AreaLevel.choices, db_index=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        indexes = [models.Index(fields=["parent", "level"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def save(self, *args, **kwargs) -> None:
        self.depth = 0 if self.parent is None else self.parent.depth + 1
        super().save(*args, **kwargs)


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


class PeriodKindChoice(models.TextChoices):
    MONTH = "month", "Month"
    QUARTER = "quarter", "Quarter"
    YEAR = "year", "Calendar year"
    FINANCIAL_YEAR = "financial_year", "Financial year"


class PeriodQuerySet(models.QuerySet["Period"]):
    def for_code(self, code: str | rules.Period) -> Period:
        """The stored period for a code such as ``2009-Q2`` or ``2009/10``, created if new.

        Raises ``ValueError`` for a code that is not a period.
        """
        p = rules.parse_period(code)
        period = self.filter(code=str(p)).first()
        if period is None:
            period, _ = self.get_or_create(code=str(p), defaults=Period.fields_for(p))
        return period


class Period(models.Model):
    """A reporting period: month, calendar quarter, calendar year or financial year.

    Stored once per code (``2009-04``, ``2009-Q2``, ``2009``, ``2009/10``) and
    ordered by start and end date. ``ordinal`` counts periods of one kind, so
    "the four quarters before" is a range query.
    """

    code = models.CharField(max_length=10, unique=True)
    kind = models.CharField(max_length=20, choices=PeriodKindChoice.choices)
    year = models.PositiveSmallIntegerField()
    number = models.PositiveSmallIntegerField(default=1)
    ordinal = models.IntegerField()
    start = models.DateField()
    end = models.DateField()

    objects = PeriodQuerySet.as_manager()

    class Meta:
        ordering = ["start", "end", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "ordinal"], name="unique_period_kind_ordinal")
        ]

    def __str__(self) -> str:
        return self.label

    @staticmethod
    def fields_for(p: rules.Period) -> dict:
        """Column values for a rules period (without ``code``)."""
        return {
            "kind": p.kind.value,
            "year": p.year,
            "number": p.number,
            "ordinal": p.ordinal,
            "start": p.start,
            "end": p.end,
        }

    @classmethod
    def build(cls, code: str | rules.Period) -> Period:
        """An unsaved Period for a code (``ValueError`` if it is not one)."""
        p = rules.parse_period(code)
        return cls(code=str(p), **cls.fields_for(p))

    @property
    def rule_period(self) -> rules.Period:
        """The same period as the rules understand it."""
        return rules.Period(rules.PeriodKind(self.kind), self.year, self.number)

    @property
    def label(self) -> str:
        """``Apr 2009``, ``Q2 2009``, ``2009``, ``2009/10``."""
        return self.rule_period.label()


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
    def visible_to(self, viewer) -> IndicatorQuerySet:  # noqa: ANN001 - concord.lib.access.Viewer
        """Indicators of bodies the viewer may see, and those owned by no body."""
        if viewer.is_secretariat:
            return self
        return self.filter(
            models.Q(body__isnull=True) | models.Q(body__in=Body.objects.visible_to(viewer))
        )

    def reported(
        self,
        viewer,  # noqa: ANN001 - concord.lib.access.Viewer
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
        return rules.Tolerance(self.tolerance_amount, rules.ToleranceKind(self.tolerance_kind))

    @property
    def period_kind(self) -> rules.PeriodKind:
        """The kind of period its values are reported for."""
        return FREQUENCY_KIND[Frequency(self.frequency)]

    @property
    def is_illustrative(self) -> bool:
        return self.dataset is not None and self.dataset.illustrative


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

    def visible_to(self, viewer) -> Self:  # noqa: ANN001
        if viewer.is_secretariat:
            return self
        return self.filter(indicator__in=Indicator.objects.visible_to(viewer))


class ObservationQuerySet(OfIndicatorQuerySet["Observation"]):
    pass


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
        no_db_index=["indicator", "area", "period", "entered_by", "approved_by", "batch"]
    )

    objects = ObservationQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "area", "period"]
        constraints = [
            # Leading with area: the dashboard reads every indicator of one area.
            models.UniqueConstraint(
                fields=["area", "indicator", "period"], name="unique_observation"
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
            models.Index(fields=["indicator", "period", "area"], name="obs_ind_period"),
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
        return f"{self.indicator_id} {self.area_id} {self.period_id}: {self.value}"

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


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class PerformanceReportQuerySet(models.QuerySet["PerformanceReport"]):
    def visible_to(self, viewer) -> PerformanceReportQuerySet:  # noqa: ANN001
        """Published reports of visible bodies; drafts only to the body's editors."""
        if viewer.is_secretariat:
            return self
        visible = self.filter(body__in=Body.objects.visible_to(viewer))
        return visible.filter(
            models.Q(status=ReportStatus.PUBLISHED) | models.Q(body__in=viewer.editor_body_ids)
        )


class PerformanceReport(Versioned):
    """A body's performance report for a period: exceptions first, then the rest.

    Publishing (:func:`concord.performance.reports.freezing.freeze_report`) freezes
    every line's figures and statuses into :class:`ReportLine` rows, so a
    later revision of the data never rewrites what the board was shown.
    """

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="performance_reports")
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=300)
    introduction = models.TextField(blank=True)
    recommendations = models.TextField(blank=True)
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="performance_reports",
    )
    status = models.CharField(
        max_length=12, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    objects = PerformanceReportQuerySet.as_manager()

    class Meta:
        ordering = ["-period__start", "body__name"]

    def __str__(self) -> str:
        return self.title

    # What a board was shown stays as it was: once published, these are locked with
    # the figures, and a correction is a ReportAmendment.
    LOCKED_WHEN_PUBLISHED = ("title", "introduction", "recommendations")

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Refuse to change a published report's words (:class:`ReportLocked`)."""
        if self.pk is not None:
            stored = (
                PerformanceReport.objects.filter(pk=self.pk, status=ReportStatus.PUBLISHED)
                .values(*self.LOCKED_WHEN_PUBLISHED)
                .first()
            )
            if stored is not None and any(
                stored[name] != getattr(self, name) for name in self.LOCKED_WHEN_PUBLISHED
            ):
                raise ReportLocked(
                    "A published report's title, introduction and recommendations are "
                    "frozen with its figures; record a correction as an amendment."
                )
        super().save(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.status == ReportStatus.PUBLISHED


class ReportLocked(Exception):
    """Someone tried to change the words of a published report."""


class AmendedPart(models.TextChoices):
    TITLE = "title", "Title"
    INTRODUCTION = "introduction", "Introduction"
    RECOMMENDATIONS = "recommendations", "Recommendations"
    FIGURES = "figures", "Figures or commentary"


class ReportAmendment(models.Model):
    """A correction to a published report: who made it, when, why, and what it says.

    The published words and figures are never rewritten; amendments are shown
    with the report, oldest first.
    """

    report = models.ForeignKey(
        PerformanceReport, on_delete=models.CASCADE, related_name="amendments"
    )
    part = models.CharField(max_length=20, choices=AmendedPart.choices)
    correction = models.TextField()
    reason = models.TextField()
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    made_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["made_at", "pk"]

    def __str__(self) -> str:
        return f"Amendment to {self.report}: {self.get_part_display()}"


class ReportLineQuerySet(models.QuerySet["ReportLine"]):
    def stories(self, indicator: Indicator, viewer) -> ReportLineQuerySet:  # noqa: ANN001 - a Viewer
        """The commentary on ``indicator`` in published reports the viewer may read,
        newest first (by the report's period, then when it was published): the
        story behind the figures on the indicator's page."""
        return (
            self.filter(
                indicator=indicator,
                report__in=PerformanceReport.objects.visible_to(viewer).filter(
                    status=ReportStatus.PUBLISHED
                ),
            )
            .exclude(commentary="")
            .select_related("report")
            .order_by("-report__period__end", "-report__published_at")
        )


class ReportLine(models.Model):
    """One indicator's figures and statuses as published in a report (a frozen snapshot).

    Everything shown is copied here, including the indicator's code, title
    and unit, so neither a data revision nor an edited indicator changes it.
    """

    report = models.ForeignKey(PerformanceReport, on_delete=models.CASCADE, related_name="lines")
    indicator = models.ForeignKey(Indicator, null=True, on_delete=models.SET_NULL, related_name="+")
    position = models.PositiveIntegerField()
    is_exception = models.BooleanField(default=False)
    indicator_code = models.CharField(max_length=30)
    indicator_title = models.CharField(max_length=300)
    theme = models.CharField(max_length=100, blank=True)
    unit = models.CharField(max_length=20, blank=True)
    unit_label = models.CharField(max_length=100, blank=True)
    polarity = models.CharField(max_length=20)
    period_code = models.CharField(max_length=10, blank=True)
    value = models.FloatField(null=True)
    observation_status = models.CharField(max_length=12, blank=True)
    target = models.FloatField(null=True)
    target_high = models.FloatField(null=True)
    rag = models.CharField(max_length=12)
    direction_previous = models.CharField(max_length=12)
    direction_mean = models.CharField(max_length=12)
    significance = models.CharField(max_length=12)
    comparator = models.CharField(max_length=200, blank=True)
    share_of_gap_closed = models.FloatField(null=True)
    # The value is a small count (concord.performance.figures.point): public readers see
    # "suppressed" instead, as on every other public page.
    small_count = models.BooleanField(default=False)
    commentary = models.TextField(blank=True)

    objects = ReportLineQuerySet.as_manager()

    class Meta:
        ordering = ["report", "position"]
        constraints = [
            models.UniqueConstraint(fields=["report", "position"], name="unique_report_line")
        ]

    def __str__(self) -> str:
        return f"{self.indicator_code} in {self.report_id}"


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
