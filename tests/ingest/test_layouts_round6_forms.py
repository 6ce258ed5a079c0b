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


def test_a_day_told_without_its_year_is_the_one_before_sending() -> None:
    note = MAILED.replace("Tuesday 5th March 2024, 10am till about 12.15,", "Tues 5 Mar,")
    assert _record(note)["date"] == "2024-03-05"
    us = MAILED.replace("Tuesday 5th March 2024, 10am till about 12.15,", "(3/5),")
    assert _record(us)["date"] == "2024-03-05"
    yesterday = MAILED.replace("Tuesday 5th March 2024, 10am till about 12.15,", "yesterday,")
    assert _record(yesterday)["date"] == "2024-03-05"


def test_the_sending_date_is_kept_when_nothing_else_dates_the_note() -> None:
    note = MAILED.replace("Tuesday 5th March 2024, 10am till about 12.15,", "Tuesday,")
    undated = note.replace("notes of Tuesday's meeting", "notes of the meeting")
    assert _record(undated)["date"] == "2024-03-06"
    assert _record(undated)["start_time"] is None  # 16:42 is when it was sent
    # "notes of Tuesday's meeting", sent on a Wednesday: the Tuesday before.
    assert _record(note)["date"] == "2024-03-05"


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


INFORMAL = """Larkvale Food Network - notes, Tues 5 March 2024, CVS meeting room

We kicked off about 7.05 and were done by 8.40. Only six of us.

Present: Tess Morley (chair), Rob Ince, Ama Boateng

1. Notes of last time
Agreed.

2. Next meeting
Tues 2 April 2024, 7pm, same place.
"""


def test_informal_start_and_end_in_the_evening_of_a_meeting_held_at_7pm() -> None:
    record = _record(INFORMAL)
    assert (record["start_time"], record["end_time"]) == ("19:05", "20:40")
    morning = INFORMAL.replace("7pm", "10am")
    # Nothing says evening: the times stay as told, the end after the start.
    assert (_record(morning)["start_time"], _record(morning)["end_time"]) == ("07:05", "08:40")
    afternoon = INFORMAL.replace("kicked off about 7.05 and were done by 8.40", "began at 2.00")
    assert _record(afternoon)["start_time"] == "14:00"


WRAPPED = """                     LARKVALE PARISH COUNCIL

   Minutes of the Ordinary Meeting of the Parish Council held in
   the Reading Room, Church Lane, Larkvale on Tuesday 14th
   October 1997 at 7.30 p.m.

PRESENT:        Cllr. A. Ince (Chairman)
                Cllr. B. Morley

97/101  APOLOGIES
        None.

97/102  CLOSE
        There being no further business the Chairman closed the meeting at
        9.17 p.m.
"""


def test_a_heading_wrapped_inside_its_date_and_a_closing_time_on_the_next_line() -> None:
    record = _record(WRAPPED)
    assert (record["date"], record["start_time"], record["end_time"]) == (
        "1997-10-14",
        "19:30",
        "21:17",
    )


def test_raised_ordinals_of_a_word_document_through_pandoc() -> None:
    doc = "**LARKVALE AREA FORUM**\n\n**Tuesday 24^th^ June 2008, 6.30pm**\n\nPresent: Ann Lee\n"
    assert _record(doc, "notes.md")["date"] == "2008-06-24"


NOTE_LIST = """Hi all, notes from last night.

WHO WAS THERE
Me (Ann - I chaired as Bo was away), Cy Dunn, Margaret (Peggy) Lee, Ed Hart and Di Fox
from the Council's grants team, who came along in Bo's place.

Apologies from Bo Roe.

1. Notes of last time
Approved.
"""


def test_a_list_under_a_heading_alone_keeps_its_names_past_an_odd_entry() -> None:
    people = {a["name"]: a for a in _record(NOTE_LIST)["attendance"]}
    assert set(people) == {"Cy Dunn", "Margaret Lee", "Ed Hart", "Di Fox", "Bo Roe"}
    assert people["Di Fox"]["organisation"] == "Council's grants team"
    assert people["Bo Roe"]["status"] == "apologies"


WORD_PAGE = """<html><head><meta http-equiv=Content-Type content="text/html; charset=windows-1252">
</head><body lang=EN-GB>
<p class=MsoNormal><b>LARKVALE VOLUNTARY SECTOR FORUM</b></p>
<p class=MsoNormal>Minutes of the meeting held on Tuesday 14th June 2005 at 6.30pm</p>
<p class=MsoNormal><b>Venue:</b><span style='mso-tab-count:1'>&nbsp;&nbsp; </span>Larkvale CVS</p>
<p class=MsoNormal><b>Present:<o:p></o:p></b></p>
<p class=MsoNormal style='margin-left:36.0pt;tab-stops:162.0pt'>Ann Lee<span
style='mso-tab-count:1'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span>Larkvale Mind (Chair)</p>
<p class=MsoNormal style='margin-left:36.0pt;tab-stops:162.0pt'>Bo Roe<span
style='mso-tab-count:1'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span>Larkvale Credit Union</p>
<p class=MsoNormal style='margin-left:36.0pt;tab-stops:162.0pt'>Cy Dunn<span
style='mso-tab-count:1'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span>Age Concern Larkvale</p>
<p class=MsoNormal>1.<span style='mso-tab-count:1'>&nbsp;&nbsp; </span>Welcome</p>
<p class=MsoNormal>Ann welcomed everyone.</p>
<p class=MsoNormal>2.<span style='mso-tab-count:1'>&nbsp;&nbsp; </span>Finance</p>
<p class=MsoNormal>The accounts were approved.</p>
</body></html>
"""


def test_word_web_page_tabs_are_columns_and_a_label_keeps_its_value() -> None:
    record = _record(WORD_PAGE.encode("cp1252"), "minutes.htm")
    people = {a["name"]: a for a in record["attendance"]}
    assert set(people) == {"Ann Lee", "Bo Roe", "Cy Dunn"}
    assert people["Ann Lee"]["role"] == "chair"
    assert people["Bo Roe"]["organisation"] == "Larkvale Credit Union"
    assert record["venue"] == "Larkvale CVS"
    assert [i["title"] for i in record["items"]] == ["Welcome", "Finance"]


TASKS_AND_DECISIONS = """Larkvale Parish Council
Minutes of the meeting held on 14 May 2024

Present: Cllr Ann Lee (Chair), Cllr Bo Roe, Mr Cy Dunn (Clerk)

1. Footpaths
It was agreed that the Clerk would write to the County about the stile on Footpath 7.

2. Annual meeting
It was agreed that the Annual Parish Meeting would be held on 21 April 2025.

3. Policies
The grants policy was ratified by the Finance Working Group on 2 May. The Council approved
the revised standing orders.

These minutes were approved by the Council at its meeting on 11 June 2024.
"""


def test_a_task_agreed_for_someone_is_their_action_not_a_decision() -> None:
    record = _record(TASKS_AND_DECISIONS)
    assert [(a["description"], a["owners"]) for a in record["actions"]] == [
        ("Write to the County about the stile on Footpath 7", ["Cy Dunn"])
    ]
    assert record["decisions"] == [
        "It was agreed that the Annual Parish Meeting would be held on 21 April 2025.",
        "The Council approved the revised standing orders.",
    ]


def test_a_numbered_heading_with_a_word_tab_stays_one_line() -> None:
    from concord.ingest.readers.htmlpage import parse
    from concord.ingest.text import PARA

    lines = [b.cells for b in parse(WORD_PAGE).blocks if b.kind == PARA]
    assert ("1. Welcome",) in lines
    assert ("Venue: Larkvale CVS",) in lines


def test_a_checklist_entry_with_its_owner_at_the_end_loses_its_box() -> None:
    doc = (
        "# Branch committee, 24 May 2017\n\n"
        "Present: Ravi Stone (RS), Chloe Park (CP)\n\n"
        "## 2. Events\n\n"
        "Discussion of the August site visit.\n\n"
        "- [ ] Find a second speaker for the August site visit - RS\n"
        "- [ ] Check whether the visit counts for CPD hours - CP\n"
    )
    actions = [(a["description"], a["owners"]) for a in _record(doc, "notes.md")["actions"]]
    assert ("Find a second speaker for the August site visit", ["Ravi Stone"]) in actions
    assert all(not d.startswith("[") for d, _ in actions)


FLAT_TABS = (
    "LARKVALE COMMUNITY COUNCIL Minutes of the Ordinary Meeting held on Monday 17th September"
    " 2012 at 7.30pm in Larkvale Hall Present:\tAnn Lee\tChair\tBo Roe\tSecretary\tCy Dunn\t\t"
    "Di Fox\t\t Also present:\tCllr Ed Gray\tLarkvale Council\tTwelve members of the public "
    "Apologies:\tFay Hunt\t\t 1. Welcome and apologies Ann welcomed everyone. Apologies as above."
    " 2. Minutes of the last meeting The minutes were approved as a true record. 3. Finance The"
    " Treasurer reported a balance of £2,341. It was agreed to apply for a grant. Members"
    " thanked her. The meeting closed at 9pm.\n"
)


def test_a_page_flattened_with_its_tables_tabs_reads_as_a_flattened_page() -> None:
    record = _record(FLAT_TABS)
    people = {a["name"]: a["status"] for a in record["attendance"]}
    assert {n: s for n, s in people.items() if s == "present"} == {
        "Ann Lee": "present", "Bo Roe": "present", "Cy Dunn": "present", "Di Fox": "present",
    }  # fmt: skip
    assert people["Ed Gray"] == "in_attendance"
    assert people["Fay Hunt"] == "apologies"
    assert [i["number"] for i in record["items"]] == ["1", "2", "3"]


def test_a_motions_movers_leave_no_stump_and_a_wrapped_date_stays_in_its_resolution() -> None:
    doc = (
        "LARKVALE TOWN COUNCIL\nMinutes of the meeting held on 20 November 2023\n\n"
        "Present: Cllr Ann Lee (Mayor), Cllr Bo Roe, Cllr Cy Dunn\n\n"
        "101/23  MINUTES\n\n"
        "It was moved by Cllr Roe, seconded by Cllr Dunn, and RESOLVED that the minutes of the\n"
        "meeting held on 16 October 2023 be approved.\n\n"
        "102/23  PRECEPT\n\n"
        "RESOLVED - That the budget agreed by the Finance Committee on\n"
        "30 October 2023 be approved and a precept of £148,600 requested.\n"
    )
    assert _record(doc)["decisions"] == [
        "It was RESOLVED that the minutes of the meeting held on 16 October 2023 be approved.",
        "That the budget agreed by the Finance Committee on 30 October 2023 be approved and a "
        "precept of £148,600 requested.",
    ]
