"""Layouts read off the training half of the sixth blind round (invented text).

An e-mailed note is dated by the meeting it reports, not by when it was sent
(Outlook's "Sent:", a mail client's "Date:"); a time after a date is not a
two-digit year ("Thurs 12 June, 12.30"); text that went through UTF-8 read
as Windows-1252 ("â€“", "Â£") is mended before it is read.  None of this text
comes from real minutes.
"""

from __future__ import annotations

from concord.ingest import extract


def _record(doc: str | bytes, filename: str = "minutes.txt") -> dict:
    data = doc.encode() if isinstance(doc, str) else doc
    return extract(data, filename=filename).to_dict()


MAILED = """From: Tess Morley [tess.morley@larkvale-cvs.example]
Sent: 06 March 2024 16:42
To: Larkvale Food Network
Subject: notes of Tuesday's meeting

Hi all, here are the notes.

LARKVALE FOOD NETWORK - Tuesday 5th March 2024, 10am till about 12.15,
CVS meeting room

Who was there: Tess Morley (chair), Rob Ince, Ama Boateng

1) Notes of last time
Agreed, no changes.

2) Fridge rota
Rob to draw up the fridge rota for April.
"""

HEADER_DATED = """From: Jun Park <jun@hillside-ra.example>
To: committee@hillside-ra.example
Subject: minutes
Date: Thu, 9 Oct 2025 00:14:37 +0100

Hillside Residents' Association - committee, Wed 8 October 2025, 7.05pm

Present: Jun Park (chair), Dee Ross
"""


def test_an_emailed_note_is_dated_by_its_meeting_not_its_sending() -> None:
    record = _record(MAILED)
    assert (record["date"], record["start_time"], record["end_time"]) == (
        "2024-03-05",
        "10:00",
        "12:15",
    )
    record = _record(HEADER_DATED)
    assert (record["date"], record["start_time"]) == ("2025-10-08", "19:05")


def test_the_sending_date_is_kept_when_nothing_else_dates_the_note() -> None:
    note = MAILED.replace("Tuesday 5th March 2024, 10am till about 12.15,", "Tuesday,")
    assert _record(note)["date"] == "2024-03-06"
    assert _record(note)["start_time"] is None  # 16:42 is when it was sent


def test_a_date_line_that_is_not_in_an_email_header_still_dates_the_meeting() -> None:
    doc = "Larkvale Food Network\nDate: Tuesday 5 March 2024\nTime: 10am\n\nPresent: Rob Ince\n"
    assert _record(doc)["date"] == "2024-03-05"


def test_a_time_after_a_day_and_month_is_not_a_year() -> None:
    doc = (
        "Notes from the board held Thurs 12 June 2025.\n\n"
        "Next meeting: Thursday 10 July, 12.30pm, Brackenfield.\n"
    )
    assert [m["date"] for m in _record(doc)["next_meetings"]] == ["2025-07-10"]


MOJIBAKE = """LARKVALE ALLOTMENT SOCIETY
Minutes of the committee meeting held on 14 May 2024 at 7.30pm, the Pavilion

Present: Ann Lee (Chair), Bo Roe (Treasurer)

1. Finance â€“ accounts
Bo reported a balance of Â£2,341.18.
It was agreed to spend Â£600 on the cafÃ© shutters.

2. Any other business
None.
"""


def test_text_read_through_the_wrong_encoding_is_mended() -> None:
    record = _record(MOJIBAKE.encode("utf-8"))
    assert record["items"] == [
        {"number": "1", "title": "Finance – accounts"},
        {"number": "2", "title": "Any other business"},
    ]
    assert record["decisions"] == ["It was agreed to spend £600 on the café shutters."]
    # Text that was right to begin with is left as it is.
    right = _record(MOJIBAKE.replace("â€“", "–").replace("Â£", "£").replace("Ã©", "é"))
    assert right["decisions"] == record["decisions"]
