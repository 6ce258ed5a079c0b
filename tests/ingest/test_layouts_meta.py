"""Meeting details told in running sentences (invented text)."""

from __future__ import annotations

import pytest

from concord.ingest import extract


def _record(doc: str) -> dict:
    return extract(doc.encode(), filename="minutes.txt").to_dict()


def test_a_venue_in_a_sentence_stops_at_the_sentence_end_and_hrs_times() -> None:
    record = _record(
        """Westfold Licensing Sub-Committee

Minutes of the meeting held on Tuesday 3 June 2025 in Committee Room 2, Westfold House. The meeting started at 18.00 hrs.

Members present: Cllr Ann Hale (Chair), Cllr Bo Dent

123/25 Declarations of interest
None.

The meeting closed at 19.25 hrs.
"""  # noqa: E501
    )
    assert record["venue"] == "Committee Room 2, Westfold House"
    assert (record["start_time"], record["end_time"]) == ("18:00", "19:25")


def test_an_abbreviation_in_a_venue_does_not_end_it() -> None:
    record = _record(
        """Minutes of the Old Quay Society, held on 2 March 2024 in St. Bride's Hall, Old Quay.

Present: Ann Hale, Bo Dent
"""
    )
    assert record["venue"] == "St. Bride's Hall, Old Quay"


def test_a_capitals_heading_opening_with_minutes_and_a_venue_after_the_time() -> None:
    record = _record(
        """MINUTES HARBOUR AND MARINA ADVISORY BOARD
Tuesday, March 4, 2025 7:00 p.m. Committee Room B, Civic Centre

Those present were Ann Hale, Bo Dent and Cy Moss.

1. Call to order
The meeting was called to order.
"""
    )
    assert record["body"] == "HARBOUR AND MARINA ADVISORY BOARD"
    assert record["venue"] == "Committee Room B, Civic Centre"
    assert record["date"] == "2025-03-04"


def test_a_long_agenda_title_that_opens_with_discuss_and_consider_is_an_item() -> None:
    record = _record(
        """Kestrel Parks Advisory Board
Minutes of the meeting held on 10 February 2025

Those present were Ann Hale, Bo Dent and Cy Moss.

1. Approval of minutes
The minutes were approved.

2. Discuss and consider the draft rules for the use of the sports pitches by clubs and an example of rules from the Library Board.
The board asked staff to draft the rules.
"""  # noqa: E501
    )
    assert [i["number"] for i in record["items"]] == ["1", "2"]
    assert record["items"][1]["title"].startswith("Discuss and consider the draft rules")


def test_a_heading_that_opens_with_the_date_gives_the_body() -> None:
    record = _record(
        """2025-04-09 Garden Steering Group meeting
=========================================

6:30 PM, Google meet

Steering group present
* Ann Hale
* Bo Dent
"""
    )
    assert record["body"] == "Garden Steering Group"
    assert record["date"] == "2025-04-09"


def test_an_american_numeric_date_when_the_middle_number_cannot_be_a_month() -> None:
    doc = (
        "# Harbour Radio Club Monthly Meeting - 04/21/2025\n\n"
        "Attendance: Ann Lee, Bob Roe\n\nNext meeting: Monday, May 19th\n"
    )
    record = extract(doc.encode(), filename="notes.md").to_dict()
    assert record["date"] == "2025-04-21"
    assert [m["date"] for m in record["next_meetings"]] == ["2025-05-19"]
    # Day first stays the reading whenever both could be months.
    doc2 = "Harbour Radio Club\nMinutes of 03/04/2025\n\nPresent: Ann Lee, Bob Roe\n"
    assert extract(doc2.encode(), filename="m.txt").to_dict()["date"] == "2025-04-03"


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("WARC Monthly Meeting - 04/21/2025", "WARC"),
        ("TSC Meeting 2024-09-20", "TSC"),
        ("Monthly Meeting 2024-09-20", None),
    ],
)
def test_the_name_before_meeting_in_a_title_when_nothing_else_names_a_body(
    title: str, body: str | None
) -> None:
    doc = f"{title}\n\nAttendance: Ann Lee, Bob Roe\n\nWe talked.\n"
    assert extract(doc.encode(), filename="m.txt").to_dict()["body"] == body


def test_the_first_line_names_the_organisation_whose_body_met() -> None:
    """A school, trust, university or town printed above its body's heading."""
    school = _record(
        "ORCHARD LANE INFANT SCHOOL\nFULL GOVERNING BOARD\n\n"
        "Minutes of the meeting held on Monday 3rd March 2025 at 6.30 pm in the staff room\n\n"
        "Governors present: Mrs Ada Pike (Chair), Mr Sol Venn\n\nItem 1. Welcome\nNone.\n"
    )
    assert school["body"] == "ORCHARD LANE INFANT SCHOOL FULL GOVERNING BOARD"
    assert school["venue"] == "the staff room"
    town = _record(
        "TOWN OF MILLBROOK FORKS\nSPECIAL TOWN COUNCIL MEETING MINUTES\nMay 5, 2025\n"
        "Council Chambers, Millbrook Forks Town Hall, 14 N. Main Street\n\n"
        "1. CALL TO ORDER\nThe Mayor called the meeting to order.\n"
    )
    assert town["body"] == "MILLBROOK FORKS TOWN COUNCIL"
    assert town["venue"] == "Council Chambers, Millbrook Forks Town Hall, 14 N. Main Street"
    trust = _record(
        "Wexcombe Community NHS Trust\n\nMinutes of the Board of Directors meeting held in public\n"
        "Date: 4 June 2025\n\nPresent: Ann Lee (Chair), Bo Roe\n\n1. Welcome\nNone.\n"
    )
    assert trust["body"] == "Wexcombe Community NHS Trust Board of Directors"


def test_a_hybrid_meeting_keeps_the_room_and_the_call() -> None:
    record = _record(
        "UNIVERSITY OF HARLOW\nQUALITY COMMITTEE\n\nMinutes of the meeting of the Quality "
        "Committee held on Tuesday, 4th March 2025 at 10.00am in Room 2.11, Lister Building, "
        "and via Teams.\n\nPresent: Dr Ann Lee (Chair); Mr Bo Roe\n\n1. MINUTES\nApproved.\n"
    )
    assert record["venue"] == "Room 2.11, Lister Building, and via Teams"
    assert record["body"] == "University of Harlow Quality Committee"


def test_times_in_labels_in_four_figures_and_after_a_named_meeting() -> None:
    def times(doc: str) -> tuple[str | None, str | None]:
        record = extract(doc.encode(), filename="t.md")
        return record.start_time, record.end_time

    assert times(
        "# Co-tenants meeting, 18 January 2011\n\n- Opened: 18:50\n- Closed: 19:35\n\n"
        "## People Present\n\n- Dan Harms\n"
    ) == ("18:50", "19:35")
    assert times(
        "# Plenum, 19 January 2021\n\n## 20:06 Open\n\nPresent: Bob, Jen\n\n"
        "## Budget\n\nAgreed.\n\n## 22:10 Close\n"
    ) == ("20:06", "22:10")
    assert times(
        "Committee meeting, 20 April 2013\n\n- Meeting Opened: 1318\n\n"
        "Present: Peter Dee, Nick Bell\n\n#### Meeting Closed\n\n1357\n"
    ) == ("13:18", "13:57")
    assert times(
        "Governors' committee, 23 November 2020\n\nThe meeting commenced at 1835.\n\n"
        "Present: Ann Lee, Bo Chan\n\nThe meeting closed at 2015\n"
    ) == ("18:35", "20:15")
    assert times(
        "Police Liaison Group, 21 October 2008\n\nPresent: Dr Atton, Ms Lawe\n\n"
        "Dr Atton closed the Police Liaison Group meeting at 8.50pm.\n"
    ) == (None, "20:50")
