"""A meeting's minutes as a PDF in the house style (``print/house_style.html``).

The same content as the Word minutes (:mod:`concord.exports.minutes_docx`) and
the same rule: only what the viewer may read is written. Items come from
``AgendaItem.objects.visible_to(viewer)`` (through ``visible_items``), so a
restricted item is never in the file, and owners the viewer may not see are
withheld. Contact details are never included. Text is escaped by the template.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils.text import slugify

from concord.exports.minutes_docx import (
    ATTENDANCE_SECTIONS,
    attendance_line,
    format_date,
    format_time_span,
    ordered_attendance,
    owners_text,
    visible_items,
)
from concord.governance.identity import print_context
from concord.lib.access import Viewer
from concord.lib.pdf import html_to_pdf
from concord.meetings.models import AgendaItem, Meeting, MeetingStatus


@dataclass(frozen=True)
class PrintedItem:
    item: AgendaItem
    paragraphs: list[str]
    actions: list[tuple[str, str, str]]  # action, who, by when


def minutes_pdf_filename(meeting: Meeting) -> str:
    """e.g. 'community-safety-board-2025-03-04-minutes.pdf'."""
    return f"{slugify(meeting.body.name)}-{meeting.date:%Y-%m-%d}-minutes.pdf"


def minutes_context(meeting: Meeting, viewer: Viewer) -> dict[str, Any]:
    """What the printed minutes show, as this viewer may read them."""
    attendances = list(
        meeting.attendances.select_related("person", "organisation", "deputising_for")
    )
    sections = [
        (heading, [attendance_line(a) for a in ordered_attendance(people)])
        for status, heading in ATTENDANCE_SECTIONS
        if (people := [a for a in attendances if a.status == status])
    ]
    items = [
        PrintedItem(
            item=item,
            paragraphs=[p.strip() for p in item.minute_text.split("\n") if p.strip()],
            actions=[(a.description, owners_text(a), a.due_display) for a in item.actions.all()],
        )
        for item in visible_items(meeting, viewer)
    ]
    approved = ""
    if not meeting.is_draft and meeting.approved_at:
        approved = f"Approved at the meeting of {format_date(meeting.approved_at.date)}."
    elif not meeting.is_draft and meeting.approved_on:
        approved = f"Approved on {format_date(meeting.approved_on)}."
    return {
        "meeting": meeting,
        "title": f"{meeting.body.name} — {format_date(meeting.date)}",
        "when": format_time_span(meeting),
        "cancelled": meeting.status == MeetingStatus.CANCELLED,
        "approved": approved,
        "sections": sections,
        "items": items,
        "all_actions": [(p.item.number, *row) for p in items for row in p.actions],
        **print_context(),
    }


def minutes_pdf(meeting: Meeting, viewer: Viewer) -> bytes:
    """The minutes of ``meeting`` as PDF bytes, as this viewer may read them.

    The caller must already have checked that the viewer may read the minutes
    (``Meeting.objects.with_minutes_visible_to``); the items are filtered here too.
    """
    return html_to_pdf(render_to_string("exports/minutes.html", minutes_context(meeting, viewer)))
