"""Publishing a performance report: its lines frozen as they are now.

A draft shows live figures (:func:`preview_lines`); publishing
(:func:`freeze_report`) copies every line's figures and statuses into
:class:`~concord.performance.models.ReportLine` rows, so a later revision
of the data never changes what the board was shown.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from concord.performance import rules
from concord.performance.breakdowns import frozen, group_points
from concord.performance.dashboard import dashboard
from concord.performance.models import (
    PerformanceReport,
    ReportAmendment,
    ReportLine,
    ReportStatus,
)
from concord.performance.reports.notes import draft_notes
from concord.performance.status import IndicatorStatus


class ReportAlreadyPublished(Exception):
    """A published report's snapshot is never rewritten."""


def report_statuses(
    report: PerformanceReport, *, as_of: dt.date | None = None
) -> list[IndicatorStatus]:
    """The live statuses of a report's indicators (the body's, and those of the
    public bodies answering to it), exceptions first.

    Used to preview a draft; a published report shows its frozen lines.
    """
    from concord.lib.access import Viewer

    board = dashboard(
        Viewer(is_secretariat=True), report.area, report.period, body=report.body, as_of=as_of
    )
    return sorted(
        board.rows, key=lambda r: (not r.is_exception, r.indicator.theme, r.indicator.code)
    )


def _line(report: PerformanceReport, position: int, s: IndicatorStatus) -> ReportLine:
    ind = s.indicator
    target = s.target
    low = target.low if isinstance(target, rules.Band) else target
    high = target.high if isinstance(target, rules.Band) else None
    value = s.ytd_value if s.ytd_value is not None else s.value
    return ReportLine(
        report=report,
        indicator=ind,
        position=position,
        is_exception=s.is_exception,
        indicator_code=ind.code,
        indicator_title=ind.title,
        theme=ind.theme,
        unit=ind.unit,
        unit_label=ind.unit_label,
        polarity=ind.polarity,
        period_code=str(s.period),
        value=value,
        observation_status=s.point.status if s.point else "",
        target=low,
        target_high=high,
        rag=s.rag.status.value,
        direction_previous=s.travel.against_previous.value,
        direction_mean=s.travel.against_mean.value,
        significance=s.significance.value,
        comparator=s.comparator.name if s.comparator else "",
        share_of_gap_closed=s.share_of_gap_closed,
        small_count=s.small_count,
    )


def preview_lines(report: PerformanceReport, *, as_of: dt.date | None = None) -> list[ReportLine]:
    """Unsaved report lines from the live data: what publishing now would freeze,
    with each indicator's figures by population group up to the report's period
    (one query for them all)."""
    statuses = report_statuses(report, as_of=as_of)
    inds = [s.indicator for s in statuses]
    points = group_points(inds, report.area, before=report.period.rule_period)
    lines = [_line(report, i, s) for i, s in enumerate(statuses, 1)]
    for line, ind in zip(lines, inds, strict=True):
        line.by_group = frozen(points[ind.pk], ind.tolerance)
    return lines


def freeze_report(
    report: PerformanceReport,
    user: Any = None,  # a User
    *,
    as_of: dt.date | None = None,
    commentary: dict[str, str] | None = None,
) -> PerformanceReport:
    """Publish a report: freeze every line's figures and statuses as they are now.

    The lines are copied into :class:`ReportLine` rows (exceptions first), so
    a later revision of the data, or a changed indicator, never rewrites what
    the board was shown. ``commentary`` maps indicator codes to the text shown
    beside them; without it, the draft notes (:mod:`.notes`) are published.
    One transaction; a report is frozen once
    (:class:`ReportAlreadyPublished` otherwise).
    """
    with transaction.atomic():
        locked = PerformanceReport.objects.select_for_update().get(pk=report.pk)
        if locked.status == ReportStatus.PUBLISHED:
            raise ReportAlreadyPublished(
                f"{locked} was published on {locked.published_at:%d %b %Y}."
            )
        lines = preview_lines(locked, as_of=as_of)
        drafts = draft_notes(locked)
        for line in lines:
            if commentary is not None:
                line.commentary = commentary.get(line.indicator_code, "")
            else:
                line.commentary = drafts.get(line.indicator_id or 0, "")
        ReportLine.objects.bulk_create(lines)
        locked.status = ReportStatus.PUBLISHED
        locked.published_at = timezone.now()
        locked.published_by = user
        locked.save(update_fields=["status", "published_at", "published_by"])
    report.refresh_from_db()
    return report


def report_lines(report: PerformanceReport) -> list[ReportLine]:
    """The frozen lines of a published report, or what publishing now would freeze
    with the draft notes as their commentary (the preview's indicators come
    loaded with their data sets)."""
    if report.is_published:
        return list(report.lines.select_related("indicator__dataset").order_by("position"))
    lines = preview_lines(report)
    drafts = draft_notes(report)
    for line in lines:
        line.commentary = drafts.get(line.indicator_id or 0, "")
    return lines


def report_amendments(report: PerformanceReport) -> list[ReportAmendment]:
    """A published report's corrections with who made them (one query; none for a draft)."""
    if not report.is_published:
        return []
    return list(report.amendments.select_related("made_by"))
