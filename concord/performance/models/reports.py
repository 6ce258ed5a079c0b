"""Performance reports for a body, their amendments and their frozen lines."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from concord.governance.models import Body
from concord.lib.access import Viewer
from concord.lib.locking import Versioned
from concord.performance.models.areas import Area
from concord.performance.models.indicators import Indicator
from concord.performance.models.periods import Period


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class PerformanceReportQuerySet(models.QuerySet["PerformanceReport"]):
    def visible_to(self, viewer: Viewer) -> PerformanceReportQuerySet:
        """Published reports of visible bodies; drafts (their draft commentary with them)
        only to the body's editors and members."""
        if viewer.is_secretariat:
            return self
        visible = self.filter(body__in=Body.objects.visible_to(viewer))
        return visible.filter(
            models.Q(status=ReportStatus.PUBLISHED) | models.Q(body__in=viewer.insider_body_ids)
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
    story = models.TextField("story behind the figures", blank=True)
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
    LOCKED_WHEN_PUBLISHED = ("title", "introduction", "story", "recommendations")

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
                    "A published report's title, introduction, story behind the figures and "
                    "recommendations are frozen with its figures; record a correction as an "
                    "amendment."
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
    STORY = "story", "Story behind the figures"
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


class ReportNote(models.Model):
    """The draft commentary on one indicator of a report, written before publication.

    Seen by the report's body (its members and editors) with the draft,
    edited by its editors; publishing copies it into the frozen
    :class:`ReportLine`, and from then on it is locked (``save`` refuses):
    a correction is a :class:`ReportAmendment`.
    """

    report = models.ForeignKey(PerformanceReport, on_delete=models.CASCADE, related_name="notes")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "indicator"]
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"], name="unique_report_note")
        ]

    def __str__(self) -> str:
        return f"Note on {self.indicator_id} in {self.report_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Refuse to change the commentary of a published report (:class:`ReportLocked`)."""
        if PerformanceReport.objects.filter(
            pk=self.report_id, status=ReportStatus.PUBLISHED
        ).exists():
            raise ReportLocked(
                "A published report's commentary is frozen with its figures; record a "
                "correction as an amendment."
            )
        super().save(*args, **kwargs)


class ReportLineQuerySet(models.QuerySet["ReportLine"]):
    def stories(self, indicator: Indicator, viewer: Viewer) -> ReportLineQuerySet:
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
    # The figures by population group the report shows, frozen with the rest
    # (concord.performance.breakdowns.frozen: each dimension's latest two periods).
    by_group = models.JSONField(default=dict, blank=True)

    objects = ReportLineQuerySet.as_manager()

    class Meta:
        ordering = ["report", "position"]
        constraints = [
            models.UniqueConstraint(fields=["report", "position"], name="unique_report_line")
        ]

    def __str__(self) -> str:
        return f"{self.indicator_code} in {self.report_id}"
