"""Layouts seen in the minutes of more than one kind of body (invented text).

Each test writes a small document of its own in one layout, and checks the
part of the record that layout affects.  None of this text comes from real
minutes.
"""

from __future__ import annotations

from concord.ingest import extract


def _text(doc: str, name: str = "minutes.txt") -> dict:
    return extract(doc.encode(), filename=name).to_dict()


def _people(record: dict) -> dict[str, tuple[str, str | None]]:
    return {a["name"]: (a["status"], a["role"]) for a in record["attendance"]}


def test_html_numbered_list_of_headed_items_keeps_its_numbers() -> None:
    record = _text(
        """<html><body><h1>Minutes of Tarnby Parish Council</h1>
        <ol class="minute-matters">
          <li><h4>APOLOGIES</h4><p>None were received.</p></li>
          <li><h4>PLANNING</h4><p>Two applications were noted.</p>
            <ol><li>Barn conversion at Leat Farm</li><li>Porch at 3 Mill Lane</li></ol></li>
          <li><h4>ANY OTHER BUSINESS</h4><p>None.</p></li>
        </ol>
        <p>Actions agreed:</p>
        <ol><li>Write to the highways team.</li><li>Order new bins.</li></ol>
        </body></html>""",
        "minutes.html",
    )
    assert [(i["number"], i["title"]) for i in record["items"]] == [
        ("1", "APOLOGIES"),
        ("2", "PLANNING"),
        ("3", "ANY OTHER BUSINESS"),
    ]


def test_html_layout_table_is_read_as_running_text() -> None:
    record = _text(
        """<html><body><table><tr><td>
        <h2>4 March 2019</h2>
        <p><b>Present</b> - Pip (chair), Wren (vice chair), Moss (proxy for Fern)
        <br/><b>Apologies</b> - Fern, Sorrel
        <br/><b>AWOL</b> - Bramble</p>
        </td><td></td></tr></table></body></html>""",
        "minutes.html",
    )
    people = _people(record)
    assert people["Pip"] == ("present", "chair")
    assert people["Wren"] == ("present", "vice_chair")
    assert people["Fern"][0] == "apologies"
    assert people["Bramble"][0] == "absent"
    moss = next(a for a in record["attendance"] if a["name"] == "Moss")
    assert moss["deputising_for"] == "Fern"


def test_underlined_headings_name_who_was_present_or_absent() -> None:
    record = _text(
        """Harbour Friends steering meeting
================================

Steering Committee Present
--------------------------

* Olu Bankole
* Greta Lind

Steering Committee Absent
-------------------------
* Ravi Menon -- travelling

Public Present
--------------

* Dot
* Lars Petersen

Public Comment
--------------

Nothing raised.
"""
    )
    assert _people(record) == {
        "Olu Bankole": ("present", None),
        "Greta Lind": ("present", None),
        "Ravi Menon": ("absent", None),
        "Dot": ("in_attendance", None),
        "Lars Petersen": ("in_attendance", None),
    }


def test_roll_call_by_member_organisation_with_stars_for_who_attended() -> None:
    record = _text(
        """Roll Call / Attendance

Voting members

* Members present count towards a quorum.

* Bluefin Labs - Ada Quist *
* Corvid Systems - Ben Ortega / Cleo Dunn *
* Orchard Data - Dev Amin (board chair) *
* Gale Works - Eli Stroud

"*" marks those attending

Other Attendees
* Fay Moreno (Corvid Systems)
"""
    )
    people = _people(record)
    assert people["Ada Quist"] == ("present", None)
    assert people["Ben Ortega"] == ("absent", None)
    assert people["Cleo Dunn"] == ("present", None)
    assert people["Dev Amin"] == ("present", "chair")
    assert people["Eli Stroud"] == ("absent", None)
    assert people["Fay Moreno"] == ("in_attendance", None)
    orgs = {a["name"]: a["organisation"] for a in record["attendance"]}
    assert orgs["Cleo Dunn"] == "Corvid Systems"


def test_tabbed_rows_with_initials_and_a_dash_column() -> None:
    record = _text(
        "Attendees:\n"
        "Nell Hardy (NH) (Chair)\t\t-\tEast Vale Health Board\n"
        "Owen Pryce (OPr)\t\t-\tWestshire Council\n"
        "\n"
        "Apologies:\n"
        "Ria Thomas (RT)\t\t-\tCoast University\n"
    )
    people = _people(record)
    assert people == {
        "Nell Hardy": ("present", "chair"),
        "Owen Pryce": ("present", None),
        "Ria Thomas": ("apologies", None),
    }


def test_one_name_per_tab_cell_after_the_heading() -> None:
    record = _text(
        "AGM minutes\n\nAttendees :\tK Amis\tL Bose\tT Crane\nApologies :\tP Dale\tS Eke\n\n"
        "1. Welcome.\nThe meeting opened.\n"
    )
    people = _people(record)
    assert people["K Amis"][0] == "present"
    assert people["T Crane"][0] == "present"
    assert people["S Eke"][0] == "apologies"


FLATTENED = (
    "03-14-2011 (Library) Minutes MINUTES LIBRARY ADVISORY BOARD MINUTES Monday, March 14, 2011 "
    "7:00 p.m. Town Hall Annex CALL TO ORDER The meeting was called to order by the chair. "
    "Those present were Hal Obi, Rita Senn, Carl Voss and June Park. PUBLIC FORUM N/A "
    "MINUTES REVIEW 1. A motion to accept the minutes was made by Rita Senn. "
    "2. Review of opening hours The board reviewed the winter opening hours and heard from staff "
    "about the evening sessions. 3. Book sale The spring book sale raised a modest sum for the "
    "children's corner. ADJOURNMENT The meeting was adjourned at 8:10 p.m."
)


def test_a_page_flattened_onto_one_line_is_read_at_its_cues() -> None:
    record = _text(FLATTENED)
    assert [a["name"] for a in record["attendance"]] == [
        "Hal Obi",
        "Rita Senn",
        "Carl Voss",
        "June Park",
    ]
    assert [(i["number"], i["title"]) for i in record["items"]] == [
        ("1", "MINUTES REVIEW"),
        ("2", "Review of opening hours"),
        ("3", "Book sale"),
    ]


def test_a_short_paragraph_that_mentions_present_is_left_alone() -> None:
    record = _text("Minutes of the Garden Club\n\nPresent: Ann Lee, Bo Roe\n\n1. Welcome\n")
    assert [a["name"] for a in record["attendance"]] == ["Ann Lee", "Bo Roe"]


ACTION_LAYOUTS = """Minutes of the Riverside Allotment Society committee, 5 May 2024

Present: Pat Long, Kim Tate, Lou Marsh, Cllr Ola Williams

1. Matters arising
Cllr. O. Williams would write to the school about the gate on Mill Lane. Cllr. O. Williams
The water trough leak was reported to the landlord last week. Clerk

2. Open Action Items
1. [Pat] Draft the volunteer rota for the summer open day
1. [KT] to book the hall for the quiz night, Pat to send a reminder email by 3 June 2024
1. [Lou] Order the new gate sign (Done)

3. Finance
The accounts were discussed at length. ACTION: Kim Tate (KT) to circulate the budget
It was AGREED to invite the ward officer to the July meeting.

4. Closing the old account
Steps for closing the old account:
• Move the balance to the new account.
• Return the old cheque books to the bank.
"""


def test_actions_in_lists_mid_line_after_the_sentence_and_agreed_to() -> None:
    record = _text(ACTION_LAYOUTS)
    actions = {a["description"]: (a["owners"], a["due"]) for a in record["actions"]}
    assert actions["Draft the volunteer rota for the summer open day"] == (["Pat Long"], None)
    assert actions["Book the hall for the quiz night"] == (["Kim Tate"], None)
    assert actions["Send a reminder email"] == (["Pat Long"], "2024-06-03")
    assert actions["Order the new gate sign"] == (["Lou Marsh"], None)
    assert actions["Circulate the budget"] == (["Kim Tate"], None)
    assert actions["Write to the school about the gate on Mill Lane"] == (["Ola Williams"], None)
    assert actions["Invite the ward officer to the July meeting"] == ([], "2024-07")
    assert "Move the balance to the new account" in actions
    assert "Return the old cheque books to the bank" in actions
    assert len(record["actions"]) == 10  # the leak report's "Clerk" included


def test_a_person_agreeing_is_not_the_meeting_agreeing() -> None:
    record = _text(
        "Minutes of the Quay Forum\n\nPresent: Ann Lee, Bo Roe\n\n"
        "1. Plans\nAnn agreed that the discussion would need to be structured.\n"
        "The plan was approved. Action: The plan was approved.\n"
    )
    assert record["actions"] == []


def test_motions_moved_seconded_and_carried_are_one_decision_each() -> None:
    record = _text(
        "Minutes of the Hillside Bowls Club AGM\n\nPresent: Ann Lee, Bo Roe, Cy Dunn\n\n"
        "1. Accounts\nAnn moved the accounts be adopted. Bo seconded. Carried unanimously.\n"
        "2. Fees\nA motion to raise fees was made by Cy Dunn. Bo Roe 2nd the motion. "
        "The committee will report back.\n"
        "3. Close\nThe meeting was adjourned with a motion by Ann and 2nd by Bo.\n"
    )
    # Who moved and seconded is not the decision; what was moved is.
    assert record["decisions"] == ["The accounts be adopted. Carried unanimously."]


WRAPPED = """Minutes of the Eastgate Residents Forum, 2 April 2024

Present: Ann Lee, Bo Roe, Cy Dunn, Di Fox, Ed Gray, Flo Hart, Gus Ives,
Hal Jones, Ivy King

1. Streets

> Members reported that the pavements on the north side of the estate
> remained blocked by bins on collection days and that the new signs had
> made no difference to parking near the school gates in the mornings.
> It was AGREED to write to the council asking for the bins to be moved
> to the rear lanes before the summer.

2. Hall

The hall committee explained that the roof repair would be finished by
the end of the month and that bookings could resume in May once the
insurer had inspected the work and signed it off in writing as agreed.
"""


def test_hard_wrapped_and_quoted_text_is_read_as_paragraphs() -> None:
    record = _text(WRAPPED)
    assert len(record["attendance"]) == 9
    assert record["decisions"][0].startswith("It was AGREED to write to the council")
    assert record["decisions"][0].endswith("before the summer.")
    assert [a["description"] for a in record["actions"]] == [
        "Write to the council asking for the bins to be moved to the rear lanes before the summer"
    ]


def test_front_matter_dates_are_the_page_s_not_the_meeting_s() -> None:
    record = _text(
        "---\ntitle: Committee meeting 4 March 2023\nlayout: post\ncreated: 9/4/2023\n---\n\n"
        "LARKFIELD TENANTS ASSOCIATION\n\nCOMMITTEE MEETING MONDAY 4 MARCH 2024\n\n"
        "Present: Ann Lee, Bo Roe\n\n1. Welcome\n",
        "minutes.md",
    )
    assert record["date"] == "2024-03-04"
    assert "layout" not in " ".join(a["name"] for a in record["attendance"])


def test_front_matter_title_gives_the_date_when_the_minutes_do_not() -> None:
    record = _text(
        "---\ntitle: Harbour Panel minutes from 3rd August 2011\ncreated: 23/9/2011\n---\n"
        "<p>Present:</p><p>Ann Lee, Harbour Trust</p><p>1. Welcome</p>",
        "minutes.html",
    )
    assert record["date"] == "2011-08-03"


def test_times_told_in_sentences_and_an_online_venue() -> None:
    record = _text(
        "Minutes of the Oakridge Parish Council\n\n"
        "The Council held its meeting remotely via Zoom on 10 June 2020.\n\n"
        "Present: Ann Lee, Bo Roe\n\n"
        "1. Opening\nThe Chair opened the meeting at 7.30pm and welcomed all.\n"
        "2. Close\nThe Chair closed the meeting at 8.53pm.\n"
    )
    assert (record["start_time"], record["end_time"]) == ("19:30", "20:53")
    assert record["venue"] == "remotely via Zoom"


def test_meeting_opened_and_closed_without_at() -> None:
    record = _text(
        "Gamma Society committee\n\n12 December 2002\n\nPresent - Ann Lee, Bo Roe\n"
        "Meeting opened 12:30\n\n1. Minutes\nPassed.\n\nMeeting Closed 12:47\n"
    )
    assert (record["start_time"], record["end_time"]) == ("12:30", "12:47")


def test_announced_meetings_in_sentences() -> None:
    record = _text(
        "Minutes of the Fenwick Panel, 3 August 2011\n\nPresent: Ann Lee, Bo Roe\n\n"
        "1. Close\nThe next meeting is planned for November 2011.\n"
    )
    assert [m["date"] for m in record["next_meetings"]] == ["2011-11"]
    record = _text(
        "Minutes of the Fenwick Panel, 14 July 2022\n\nPresent: Ann Lee, Bo Roe\n\n"
        "1. AOB\n• Clash with the conference - we will meet again in 4 weeks, Aug 11\n"
        "It was agreed that the AGM would be held on Wednesday 7th September.\n"
    )
    assert [m["date"] for m in record["next_meetings"]] == ["2022-08-11", "2022-09-07"]


def test_initial_and_surname_expanded_when_the_text_names_them_in_full() -> None:
    record = _text(
        "AGM minutes 16-03-06\n\nAttendees :\tJ Rear\tA Finch\tR Chape\n\n"
        "1. Introduction.\nThe Chairman, Andy Finch, opened the meeting.\n"
    )
    assert [a["name"] for a in record["attendance"]] == ["J Rear", "Andy Finch", "R Chape"]


def test_side_by_side_columns_with_organisations_in_brackets() -> None:
    record = _text(
        "HARBOUR BOARD\nMinutes of a meeting held on 19 November 2010\n"
        "Present:\tAlso present:\n"
        "Ann Lee (Chair)\tKim Tate (Harbour Office)\n"
        "Bo Roe\tLou Marsh (Port Trust)\n"
        "Welcome\n"
    )
    people = {a["name"]: (a["status"], a["organisation"]) for a in record["attendance"]}
    assert people["Kim Tate"] == ("in_attendance", "Harbour Office")
    assert people["Lou Marsh"] == ("in_attendance", "Port Trust")
    assert people["Bo Roe"] == ("present", None)


def test_bare_approved_lines_elections_and_passed_minutes() -> None:
    record = _text(
        "Northside Neighbours steering meeting, 2 May 2024\n\nPresent: Ann Lee, Bo Roe\n\n"
        "Agenda\n"
        "* budget plan\n  As presented by Ann, with small changes, approved\n"
        "* Officer slate:\n  - chair Ann Lee\n  - treasurer Bo Roe\n  - Approved\n\n"
        "Elections\nAll other committee members were re-elected.\nMinutes passed, no objections.\n"
    )
    assert record["decisions"] == [
        "Budget plan, As presented by Ann, with small changes, approved.",
        "Officer slate: chair Ann Lee; treasurer Bo Roe – Approved.",
        "All other committee members were re-elected.",
        "Minutes passed, no objections.",
    ]


def test_escaped_markdown_numbers_are_items_and_a_closing_action_list_is_not() -> None:
    record = _text(
        "# Minutes of the Brook Lane Forum\n\nPresent: Ann Lee, Bo Roe\n\n"
        "1\\. APOLOGIES\nNone.\n\n2\\. BUDGET\nThe budget was noted.\n\n"
        "Actions\n\n1.\tAgree the letter to the school at the next meeting.\n"
        "2.\tAL to draft the newsletter.\n",
        "minutes.md",
    )
    assert [(i["number"], i["title"]) for i in record["items"]] == [
        ("1", "APOLOGIES"),
        ("2", "BUDGET"),
    ]
    assert [a["owners"] for a in record["actions"]] == [[], ["Ann Lee"]]


def test_the_meeting_asking_a_role_to_do_something() -> None:
    record = _text(
        "Minutes of the Westfield Library Board, 4 March 2024\n\nPresent: Ann Lee, Bo Roe\n\n"
        "1. Bylaws\nBo Roe made a motion to adopt the county bylaws and asked staff to draft "
        "the bylaws for board review. The chair asked members to note the report.\n"
    )
    assert [(a["description"], a["owners"]) for a in record["actions"]] == [
        ("Draft the bylaws for board review", ["staff"])
    ]


def test_organisation_then_minutes_of_a_meeting_of_its_board_on_one_line() -> None:
    record = _text(
        "The Lantern Software Society   Minutes of Regular Meeting of the Board of Directors\n\n"
        "March 12th, 2002.\n\nPresent:\n\nAnn Lee\n\nBo Roe\n"
    )
    assert record["body"] == "Lantern Software Society Board of Directors"


def test_an_indented_continuation_line_joins_its_sentence() -> None:
    record = _text(
        "Minutes of the Quarry Trust board\n\nPresent: Ann Lee, Bo Roe\n\n"
        "1. Deadlines\n\nDue to time constraints, it is decided to move this item to the next\n"
        "   meeting or the mailing list. Ann also notes a subcommittee may help.\n"
    )
    assert record["decisions"] == [
        "Due to time constraints, it is decided to move this item to the next meeting or the "
        "mailing list."
    ]


def test_a_lower_case_line_continues_an_unfinished_one_wrapped_short() -> None:
    """Typed minutes wrapped by hand, short of the page's width: a line that
    starts in lower case goes on with the unfinished line above it."""
    from concord.ingest.readers.wrapping import unwrap

    said = [
        "It was RESOLVED that the committee buy two benches from the small grants",
        "reserve. Proposed Ann Lee, seconded Bo Roe; all in favour.",
        "Present: Ann Lee, Bo Roe and the Treasurer, who reported on the accounts",
        "Cy Dunn sent apologies.",
    ]
    assert unwrap(said) == [
        "It was RESOLVED that the committee buy two benches from the small grants reserve. "
        "Proposed Ann Lee, seconded Bo Roe; all in favour.",
        said[2],
        said[3],
    ]


def test_a_shouted_minute_heading_keeps_its_subtitle_after_a_colon() -> None:
    record = _text(
        "UNIVERSITY OF HARLOW\nQUALITY COMMITTEE\n\nPresent: Dr Ann Lee (Chair); Mr Bo Roe\n\n"
        "12. MINUTES OF THE LAST MEETING (QC/25/1)\nApproved.\n"
        "13. NEW COURSES: BSc NURSING WITH HEALTH STUDIES (QC/25/2)\nThe Committee approved it.\n"
        "14. RISK REGISTER: The register was noted.\n"
    )
    assert [i["title"] for i in record["items"]] == [
        "MINUTES OF THE LAST MEETING (QC/25/1)",
        "NEW COURSES: BSc NURSING WITH HEALTH STUDIES (QC/25/2)",
        "RISK REGISTER",
    ]
