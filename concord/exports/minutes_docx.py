"""A meeting's minutes as a Word document, laid out as partnerships lay out their minutes.

Only what the viewer may read goes in: the items come from
``AgendaItem.objects.visible_to(viewer)``, so a restricted item is not
"hidden" in the file, it is never written to it. Contact details are never
included.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence

from django.db.models import QuerySet
from django.utils.text import slugify
from docx.document import Document as DocumentObject

from concord.actions.models import Action
from concord.actions.services import items_with_actions
from concord.governance.identity import letterhead
from concord.lib.access import Viewer
from concord.lib.word import add_cells, grid_table, new_document
from concord.meetings.models import (
    AgendaItem,
    Attendance,
    AttendanceRole,
    AttendanceStatus,
    Meeting,
    MeetingStatus,
)

ATTENDANCE_SECTIONS = (
    (AttendanceStatus.PRESENT, "Present"),
    (AttendanceStatus.APOLOGIES, "Apologies"),
    (AttendanceStatus.IN_ATTENDANCE, "In attendance"),
    (AttendanceStatus.ABSENT, "Absent"),
)
ROLE_ORDER: dict[str, int] = {AttendanceRole.CHAIR: 0, AttendanceRole.VICE_CHAIR: 1}


def format_date(value: dt.date) -> str:
    """A date as minutes write it.

    >>> import datetime as dt; format_date(dt.date(2025, 3, 4))
    '4 March 2025'
    """
    return f"{value.day} {value:%B %Y}"


def format_time_span(meeting: Meeting) -> str:
    """'10:00–12:00', '10:00', or '' when no time was recorded."""
    if not meeting.start_time:
        return ""
    start = f"{meeting.start_time:%H:%M}"
    if meeting.end_time:
        return f"{start}–{meeting.end_time:%H:%M}"
    return start


def attendance_line(attendance: Attendance) -> str:
    """One line of a Present / Apologies list (person, organisation, deputy loaded).

    e.g. 'Cllr Ram Smith (Chair), City Council, deputising for Dr Ann Lee'.
    """
    line = attendance.name
    if attendance.role:
        line += f" ({attendance.get_role_display()})"
    if attendance.organisation:
        line += f", {attendance.organisation.name}"
    if attendance.deputising_for:
        line += f", deputising for {attendance.deputising_for.display_name}"
    return line


def ordered_attendance(attendances: Iterable[Attendance]) -> list[Attendance]:
    """Chair first, then vice-chair, then everyone else by name."""
    return sorted(attendances, key=lambda a: (ROLE_ORDER.get(a.role, 9), a.name.lower()))


def owners_text(action: Action) -> str:
    """An action's owners as one cell: 'Dr Ann Lee; Health Board; All members'.

    Owners the reader may not see are withheld (``ActionOwner.shown_name``).
    """
    return "; ".join(owner.shown_name for owner in action.owners.all())


def visible_items(meeting: Meeting, viewer: Viewer) -> QuerySet[AgendaItem]:
    """The meeting's items this viewer may read, with decisions and actions, in agenda order."""
    return items_with_actions(meeting, viewer)


def minutes_filename(meeting: Meeting) -> str:
    """e.g. 'community-safety-board-2025-03-04-minutes.docx'."""
    return f"{slugify(meeting.body.name)}-{meeting.date:%Y-%m-%d}-minutes.docx"


def _actions_table(
    document: DocumentObject, rows: Sequence[tuple[str, ...]], headings: Sequence[str]
) -> None:
    table = grid_table(document, headings)
    for row in rows:
        add_cells(table, row)
    document.add_paragraph()


def minutes_document(meeting: Meeting, viewer: Viewer) -> bytes:
    """Write the minutes of ``meeting`` as a .docx, as this viewer may read them.

    The caller must already have checked that the viewer may read the
    minutes (``Meeting.objects.with_minutes_visible_to``); this function
    filters the items itself so that it can never leak a restricted one.
    """
    document = new_document(
        f"{meeting.body.name} — {format_date(meeting.date)}",
        marking=("DRAFT — subject to approval", "DRAFT") if meeting.is_draft else None,
        letterhead=letterhead(),
    )

    document.add_heading(f"{meeting.body.name} — {format_date(meeting.date)}", level=0)
    document.add_paragraph("Minutes of the meeting")
    when = format_time_span(meeting)
    if when:
        document.add_paragraph(f"Time: {when}")
    if meeting.venue:
        document.add_paragraph(f"Venue: {meeting.venue}")
    if meeting.status == MeetingStatus.CANCELLED:
        document.add_paragraph("This meeting was cancelled.").runs[0].bold = True
    if not meeting.is_draft and meeting.approved_at:
        document.add_paragraph(
            f"Approved at the meeting of {format_date(meeting.approved_at.date)}."
        )
    elif not meeting.is_draft and meeting.approved_on:
        document.add_paragraph(f"Approved on {format_date(meeting.approved_on)}.")

    attendances = list(
        meeting.attendances.select_related("person", "organisation", "deputising_for")
    )
    for status, heading in ATTENDANCE_SECTIONS:
        people = ordered_attendance(a for a in attendances if a.status == status)
        if not people:
            continue
        document.add_heading(heading, level=2)
        for attendance in people:
            document.add_paragraph(attendance_line(attendance), style="List Bullet")

    items = list(visible_items(meeting, viewer))
    all_actions: list[tuple[str, ...]] = []
    if items:
        document.add_heading("Minutes", level=1)
    for item in items:
        document.add_heading(f"{item.number}. {item.title}", level=2)
        if not item.is_public:
            note = document.add_paragraph()
            note.add_run(
                f"Not for publication ({item.get_visibility_display()})"
                + (f": {item.restriction_reason}" if item.restriction_reason else "")
            ).italic = True
        if item.shown_presenter:
            document.add_paragraph().add_run(
                f"Presented by {item.shown_presenter.display_name}"
            ).italic = True
        for paragraph in (p.strip() for p in item.minute_text.split("\n")):
            if paragraph:
                document.add_paragraph(paragraph)
        for decision in item.decisions.all():
            para = document.add_paragraph()
            para.add_run(f"{decision.get_kind_display()}: ").bold = True
            para.add_run(decision.text)
        actions = list(item.actions.all())
        if actions:
            rows = [(a.description, owners_text(a), a.due_display) for a in actions]
            _actions_table(document, rows, ("Action", "Who", "By when"))
            all_actions += [(item.number, *row) for row in rows]

    if all_actions:
        document.add_heading("Actions from this meeting", level=1)
        _actions_table(document, all_actions, ("Item", "Action", "Who", "By when"))

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
