"""Recommendations: recording "what has happened", the progress note to scrutiny (HTML and
Word) and, for the annual report, the recommendations progressed in a year."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction

from concord.lib.access import Viewer
from concord.lib.locking import save_versioned
from concord.lib.word import new_document
from concord.registers.models import Recommendation, RecommendationUpdate

NOTE_TITLE = "Progress on recommendations"


def add_update(
    recommendation: Recommendation,
    *,
    on: dt.date,
    note: str,
    status_after: str,
    opened_version: int,
    author: Any = None,
) -> RecommendationUpdate:
    """Record what has happened on ``recommendation`` and move it to ``status_after``.

    Refused (``ValidationError`` by field) for a date before the recommendation was made;
    refused (``StaleEdit``) if the recommendation was saved since ``opened_version``.
    """
    update = RecommendationUpdate(
        recommendation=recommendation, date=on, note=note, status_after=status_after, author=author
    )
    update.full_clean(exclude=["author"])
    with transaction.atomic():
        recommendation.status = status_after
        save_versioned(recommendation, opened_version)
        update.save()
    return update


@dataclass(frozen=True)
class Progressed:
    """A recommendation as a note or report shows it: its updates (of the period) and status."""

    recommendation: Recommendation
    updates: list[RecommendationUpdate]

    @property
    def status(self) -> str:
        return str(self.recommendation.get_status_display())


def _with_updates(queryset: Any, start: dt.date | None, end: dt.date | None) -> Any:
    updates = RecommendationUpdate.objects.order_by("date", "id")
    if start:
        updates = updates.filter(date__gte=start)
    if end:
        updates = updates.filter(date__lte=end)
    return queryset.select_related("body").prefetch_related(
        models.Prefetch("updates", queryset=updates, to_attr="shown_updates")
    )


def recommendations_progressed(start: dt.date, end: dt.date, viewer: Viewer) -> list[Progressed]:
    """The recommendations the viewer may see that had a "what has happened" update from
    ``start`` to ``end`` (both included), oldest recommendation first, each with only that
    period's updates — what the annual report's "recommendations progressed" lists.

    Two queries whatever the number of recommendations.
    """
    updated = RecommendationUpdate.objects.filter(date__gte=start, date__lte=end)
    queryset = (
        Recommendation.objects.visible_to(viewer)
        .filter(pk__in=updated.values("recommendation_id"))
        .order_by("made_on", "reference", "id")
    )
    return [Progressed(r, r.shown_updates) for r in _with_updates(queryset, start, end)]


def progress_note(recommendations: Any) -> list[Progressed]:
    """Each recommendation of ``recommendations`` (already as the viewer may see them, in the
    list's order) with every one of its updates: the rows of the note to scrutiny."""
    return [Progressed(r, r.shown_updates) for r in _with_updates(recommendations, None, None)]


def progress_note_docx(rows: list[Progressed], *, today: dt.date) -> bytes:
    """The progress note as Word, in the house style: for each recommendation, the
    recommendation, the response, what has happened (dated) and its status."""
    document = new_document(NOTE_TITLE)
    document.add_heading(NOTE_TITLE, level=0)
    document.add_paragraph(f"As at {today.day} {today:%B %Y}.")
    if not rows:
        document.add_paragraph("No recommendations.")
    for row in rows:
        rec = row.recommendation
        heading = f"{rec.reference}. " if rec.reference else ""
        made = f"{rec.made_on.day} {rec.made_on:%B %Y}"
        document.add_heading(f"{heading}{rec.source_name}, {made}", 2)
        table = document.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        happened = "\n".join(f"{u.date.day} {u.date:%b %Y}: {u.note}" for u in row.updates)
        for label, text in (
            ("Recommendation", rec.text),
            ("Response", rec.response or "No response recorded."),
            ("What has happened", happened or "Nothing recorded yet."),
            ("Status", row.status),
        ):
            cells = table.add_row().cells
            cells[0].text = label
            cells[1].text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
