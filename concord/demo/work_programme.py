"""The demo bodies' work programmes: standing items and reports for the meetings ahead.

Everything is invented for Harrowby. The demo's next agendas are already
published (``publish_next_agendas``), and the programme holds reports that are
not on them yet, so "Add these items" on an agenda page has something to do.
"""

from __future__ import annotations

import datetime as dt

from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from concord.agenda.models import EntryKind, WorkProgrammeEntry
from concord.governance.models import Body
from concord.meetings.models import Meeting

STANDING = {
    "board": ["Harrowby Business Group update", "Partnership risk register"],
    "exec": ["Performance exceptions report"],
    "safer": ["Community safety hotspots briefing"],
}
REPORTS = {
    "board": ["Annual strategic assessment", "Harrowby Pound grants: year-end report"],
    "exec": ["Budget monitoring, partnership fund"],
    "safer": ["Night-time economy review"],
    "health": ["Winter pressures plan"],
}


def publish_next_agendas(scheduled: list[Meeting], today: dt.date) -> None:
    """The agendas of the demo's meetings ahead went out today (or on the meeting's day)."""
    for meeting in scheduled:
        meeting.agenda_published_on = min(today, meeting.date)
    bulk_update_with_history(scheduled, Meeting, ["agenda_published_on"], batch_size=500)


def build_work_programmes(bodies: dict[str, Body], scheduled: list[Meeting], today: dt.date) -> int:
    """Standing items of the busiest bodies, and reports scheduled to their next meetings."""
    entries = [
        WorkProgrammeEntry(body=bodies[key], kind=EntryKind.STANDING, title=title)
        for key, titles in STANDING.items()
        for title in titles
    ]
    by_body: dict[int, list[Meeting]] = {}
    for meeting in sorted(scheduled, key=lambda m: m.date):
        by_body.setdefault(meeting.body_id, []).append(meeting)
    for key, titles in REPORTS.items():
        ahead = by_body.get(bodies[key].pk, [])
        for n, title in enumerate(titles):
            for_meeting: Meeting | None = ahead[n % len(ahead)] if ahead else None
            due = max(today, for_meeting.date - dt.timedelta(days=10)) if for_meeting else None
            entries.append(
                WorkProgrammeEntry(
                    body=bodies[key],
                    kind=EntryKind.REPORT,
                    title=title,
                    meeting=for_meeting,
                    paper_due=due,
                )
            )
    bulk_create_with_history(entries, WorkProgrammeEntry, batch_size=500)
    return len(entries)
