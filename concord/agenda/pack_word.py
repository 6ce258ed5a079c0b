"""The agenda pack as Word, in the house style (``concord.lib.word``)."""

from __future__ import annotations

import io

from concord.agenda.pack import Pack, owners_text, set_at
from concord.governance.identity import letterhead
from concord.lib.word import add_cells, grid_table, new_document


def pack_docx(pack: Pack) -> bytes:
    """The agenda, the list of papers (each marked if sent late) and the action log."""
    meeting = pack.meeting
    document = new_document(pack.title, letterhead=letterhead())
    document.add_heading(pack.title, level=0)
    details = f"{meeting.date.day} {meeting.date:%B %Y}"
    if meeting.start_time:
        details += f", {meeting.start_time:%H:%M}"
    if meeting.venue:
        details += f", {meeting.venue}"
    document.add_paragraph(details)
    document.add_heading("Agenda", level=1)
    for line in pack.lines:
        if line.item is None:
            document.add_paragraph(f"{line.number}. Not public: {line.withheld_reason}")
            continue
        document.add_paragraph(f"{line.number}. {line.item.title}")
        for p in line.papers:
            late = " (sent late)" if p.sent_late else ""
            document.add_paragraph(f"Paper: {p.paper.title}{late}", style="List Bullet")
    document.add_heading("Papers", level=1)
    papers = [(line.number, p) for line in pack.lines for p in line.papers]
    if not papers:
        document.add_paragraph("No papers.")
    for number, p in papers:
        document.add_paragraph(
            f"Item {number}: {p.paper.title}{' (sent late)' if p.sent_late else ''}. "
            "Download it from Concord; the PDF pack includes papers that are PDFs.",
            style="List Bullet",
        )
    document.add_heading("Action log: open actions", level=1)
    if not pack.actions:
        document.add_paragraph("No open actions.")
    else:
        table = grid_table(document, ("Action", "Who", "By when", "Status", "Set at"))
        for a in pack.actions:
            add_cells(
                table,
                (a.description, owners_text(a), a.due_display, a.get_status_display(), set_at(a)),
            )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
