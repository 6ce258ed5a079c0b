"""Meetings announced ahead in passing, and tasks the meeting directs
(invented text).

"The AGM will be in April" (a month with no year), "Council set a budget
work session for …", "a report for the May 12 meeting" announce meetings of
the body; the earliest is "the next meeting".  "Council directed staff to
…" gives staff a task; "Also there:" opens a list of people in attendance.
None of this text comes from real minutes.
"""

from __future__ import annotations

from concord.ingest import extract

NOTES = """Brookside Allotment Society
Committee meeting - Tue 3 Feb 26, 7pm, the pavilion

Present: Nan Quigley (chair), Ed Sowerby (treasurer), Pat Ollerton
Also there: Ros Umber from Tarnside Council for the first item.

Water troughs
Ros will ask the council's contractor to fix the leaking trough.
Ed reminded everyone the AGM will be in May - date to be fixed later.

Next meeting: Tue 3rd March, 7pm, same place.
"""

COUNCIL = """CITY OF WEST ALDER
REGULAR CITY COUNCIL MEETING MINUTES
March 4, 2025

1. ROLL CALL
Present: Mayor Lyle Ames; Councilmembers Tova Reed, Iker Sousa and Bree Long.
Staff present: City Manager Hugo Falk, Finance Director Mina Osei.

2. PARKS
Council directed staff to post the pool hours on the city website.
Finance Director Osei will bring a fee comparison to the April 1 meeting.
Council set a budget work session for Tuesday, April 15, 2025 at 5:00 p.m.

3. ADJOURNMENT
Next regular meeting: Tuesday, March 18, 2025, 6:00 p.m.
"""


def test_a_month_without_a_year_is_the_next_such_month() -> None:
    record = extract(NOTES.encode(), filename="notes.txt").to_dict()
    assert [m["date"] for m in record["next_meetings"]] == ["2026-03-03", "2026-05"]


def test_also_there_opens_a_list_in_attendance() -> None:
    record = extract(NOTES.encode(), filename="notes.txt").to_dict()
    people = {a["name"]: a["status"] for a in record["attendance"]}
    assert people["Ros Umber"] == "in_attendance"


def test_meetings_set_or_named_ahead_and_the_earliest_first() -> None:
    record = extract(COUNCIL.encode(), filename="minutes.txt").to_dict()
    assert [m["date"] for m in record["next_meetings"]] == [
        "2025-03-18",
        "2025-04-01",
        "2025-04-15",
    ]


def test_council_directed_staff_and_a_post_then_a_surname() -> None:
    record = extract(COUNCIL.encode(), filename="minutes.txt").to_dict()
    actions = {a["description"]: a["owners"] for a in record["actions"]}
    assert actions["Post the pool hours on the city website"] == ["staff"]
    assert actions["Bring a fee comparison to the April 1 meeting"] == ["Mina Osei"]


def _ahead(doc: str, name: str = "minutes.txt") -> list[str]:
    record = extract(doc.encode(), filename=name).to_dict()
    return [m["date"] for m in record["next_meetings"]]


def test_next_meeting_headings_under_any_numbering() -> None:
    """ "VIII. Next meeting", "26/040 NEXT MEETING", "Item 7. Next meetings",
    "Upcoming meetings:", "Next board:" and "Next call:" all announce dates."""
    head = "Rowan Vale Partnership Board\n3 March 2026\n\nPresent: Ann Lee, Bo Roe\n\n"
    assert _ahead(head + "VIII. Next meeting\nTuesday 14 July 2026, 14:00, Teams.\n") == [
        "2026-07-14"
    ]
    assert _ahead(head + "26/040  NEXT MEETING\nWednesday 8 April 2026 at 19:30.\n") == [
        "2026-04-08"
    ]
    assert _ahead(
        head + "Item 7. Next meetings\nBoard: 10 April 2026.\nAnnual meeting: 26 April 2026.\n"
    ) == ["2026-04-10", "2026-04-26"]
    assert _ahead(head + "Upcoming meetings: April 9, 2026 and May 14, 2026.\n") == [
        "2026-04-09",
        "2026-05-14",
    ]
    assert _ahead(head + "Next board: Thursday 10 April, same time.\n") == ["2026-04-10"]
    assert _ahead(head + "* Next call: Tuesday 17 March 2026, 17:00 UTC\n", "m.md") == [
        "2026-03-17"
    ]


def test_next_steps_with_a_date_announce_no_meeting() -> None:
    head = "Rowan Vale Partnership Board\n3 March 2026\n\nPresent: Ann Lee, Bo Roe\n\n"
    assert _ahead(head + "Next steps: Ann to report back by 3 May 2026.\n") == []


def test_an_item_to_schedule_the_next_meeting_with_its_date_below() -> None:
    doc = (
        "Minutes from the 20th Technical Steering Committee meeting, June 13, 2019\n\n"
        "Attendees: Nick Avery, Dan Bell\n\n1) Quorum\n\nA quorum was confirmed.\n\n"
        "2) Schedule Next Meeting\n\nJune 20th 2019.  3pm-4pm EDT (GMT-4).\n"
    )
    record = extract(doc.encode(), filename="tsc.md")
    assert [m.date for m in record.next_meetings] == ["2019-06-20"]
