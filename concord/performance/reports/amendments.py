"""Corrections to published performance reports.

A published report is what a board was shown: its figures are frozen
(:func:`concord.performance.reports.freezing.freeze_report`) and so are its title,
introduction and recommendations (``PerformanceReport.save`` refuses a change).
A mistake found later is corrected in the open, as an amendment that says who
made it, when and why, shown with the report.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from concord.performance.models import PerformanceReport, ReportAmendment


class NotPublished(Exception):
    """A draft is edited directly; only a published report takes amendments."""


@transaction.atomic
def amend_report(
    report: PerformanceReport,
    *,
    part: str,
    correction: str,
    reason: str,
    user: Any = None,  # a User
) -> ReportAmendment:
    """Record a correction to ``part`` of a published report (its history names ``user``)."""
    locked = PerformanceReport.objects.select_for_update().get(pk=report.pk)
    if not locked.is_published:
        raise NotPublished("A draft report is edited directly, not amended.")
    return ReportAmendment.objects.create(
        report=locked, part=part, correction=correction, reason=reason, made_by=user
    )
