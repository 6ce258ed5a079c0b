"""Draft commentary on a performance report, written before it is published.

The lead officer drafts the story behind the figures, the recommendations
(both on the report itself) and a note on each indicator (each exception
above all); the body's members read the draft, its editors change it until
publication, when :func:`~concord.performance.reports.freezing.freeze_report`
copies the notes into the frozen lines. After that the model refuses a
change; a correction is an amendment (:mod:`concord.performance.reports.amendments`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from concord.lib.locking import StaleEdit
from concord.performance.models import PerformanceReport, ReportLocked, ReportNote, ReportStatus

MAX_NOTE = 4000


def draft_notes(report: PerformanceReport) -> dict[int, str]:
    """The draft note on each indicator of a report, by indicator id (one query)."""
    return dict(report.notes.exclude(text="").values_list("indicator_id", "text"))


def tidy_note(text: str) -> str:
    """A note as stored: runs of spaces and line breaks made one space, at most 4,000 characters.

    >>> tidy_note("  Quitters  up\\n by a third. ")
    'Quitters up by a third.'
    """
    return " ".join(text.split())[:MAX_NOTE]


def save_draft_notes(
    report: PerformanceReport,
    texts: Mapping[int, str],
    *,
    opened_version: int,
    user: Any = None,  # a User
) -> int:
    """Save the draft notes (indicator id → text) of a draft report; returns how many changed.

    Refused if someone saved the report's words or notes since the form was
    opened at ``opened_version`` (:class:`StaleEdit`) or if the report has
    been published meanwhile (:class:`ReportLocked`). One transaction; each
    changed note keeps its history.
    """
    with transaction.atomic():
        claimed = PerformanceReport.objects.filter(
            pk=report.pk, version=opened_version, status=ReportStatus.DRAFT
        ).update(version=F("version") + 1)
        if claimed != 1:
            if PerformanceReport.objects.filter(
                pk=report.pk, status=ReportStatus.PUBLISHED
            ).exists():
                raise ReportLocked(
                    "The report was published meanwhile: its commentary is frozen with its "
                    "figures. Record a correction as an amendment."
                )
            raise StaleEdit(report)
        report.version = opened_version + 1
        existing = {n.indicator_id: n for n in report.notes.all()}
        changed = 0
        now = timezone.now()
        for indicator_id, raw in texts.items():
            text = tidy_note(raw)
            note = existing.get(indicator_id)
            if note is None and not text:
                continue
            if note is None:
                note = ReportNote(report=report, indicator_id=indicator_id)
            elif note.text == text:
                continue
            note.text, note.updated_by, note.updated_at = text, user, now
            note.save()
            changed += 1
    return changed
