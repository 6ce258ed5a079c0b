"""Tasks written as notes, and owners named by office or after a clause (invented text).

Note-style minutes record tasks without an owner ("Letter to be sent to
…", "Need to book …"); formal ones name an office ("Director of Finance
to …") or open with a clause ("At the request of the Chair, …"); outline
numbers ("4.2iii)") stand before an action; a note-taker's "for next
meeting:" labels a task; a proxy's bracket names the member stood in for
and that member's office.  None of this text comes from real minutes.
"""

from __future__ import annotations

from concord.ingest import extract


def _record(doc: str) -> dict:
    return extract(doc.encode(), filename="minutes.txt").to_dict()


def _actions(doc: str) -> list[tuple[str, list[str]]]:
    return [(a["description"], a["owners"]) for a in _record(doc)["actions"]]


NOTES = """Lowfield Allotment Society
Committee meeting, 9 October 2023

Present: Ria Hale (Chair), Tam Ord, Una Pike

1. Water troughs
Two troughs are leaking. Replacement troughs to be ordered before the spring.

2. Open day
The open day raised £240. Need to book the hall for next year's open day: it fills up.

3. Rents
Rents are expected to be published in November. The next meeting to be held on 6 November.
"""


def test_a_passive_task_is_an_action_with_no_owner() -> None:
    actions = _actions(NOTES)
    assert ("Order replacement troughs before the spring", []) in actions


def test_a_need_written_as_a_note_is_an_action() -> None:
    actions = _actions(NOTES)
    assert ("Book the hall for next year's open day", []) in actions


def test_passive_statements_and_meetings_are_not_tasks() -> None:
    descriptions = [d for d, _ in _actions(NOTES)]
    assert not any("publish" in d.lower() or "hold" in d.lower() for d in descriptions)
    assert len(descriptions) == 2


def test_a_passive_wish_in_a_bullet_list_is_not_a_task() -> None:
    actions = _actions(
        """Lowfield Allotment Society, 9 October 2023

Present: Ria Hale (Chair), Tam Ord

1. What members want from the website
• Clear plot maps
• More photos to be added to the gallery
"""
    )
    assert actions == []


def test_owners_named_by_office_or_after_a_clause() -> None:
    actions = _actions(
        """Harbour Regeneration Board
Minutes of the meeting held on 14 March 2024

Present: Ned Voss (Chair), Pia Lund, Cal Reyes

1. Funding
Action: Director of Finance to report the grant position to the next meeting.
Action: At the request of the Chair, Pia Lund will draft the bid summary.
Action: It was suggested that the museum might host the launch. Cal Reyes will ask the curator.
"""
    )
    assert ("Report the grant position to the next meeting", ["Director of Finance"]) in actions
    assert ("Draft the bid summary", ["Pia Lund"]) in actions
    context = [a for a in actions if a[0].startswith("It was suggested")]
    assert context == [(context[0][0], ["Cal Reyes"])]


def test_outline_numbers_do_not_open_an_action() -> None:
    actions = _actions(
        """Harbour Regeneration Board, 14 March 2024

Present: Ned Voss (Chair), Pia Lund

4.2iii) Pia Lund to circulate the survey results. Action: PL
"""
    )
    assert actions == [("Circulate the survey results", ["Pia Lund"])]


AGENTS = """Kestrel Parks Advisory Board
Minutes of the meeting held on 10 February 2025

Those present were Ann Hale, Bo Dent and Cy Moss.

1. Bylaws
The board asked staff to draft the bylaws for review at the next regular meeting.

2. Pitch policy
The changes will be made by staff and presented at the next regular meeting.
The new fees will be funded by the County Lottery.

3. Minutes
The comments were noted for the next minutes, and Cy Moss will post the minutes to the list.
"""


def test_a_task_done_by_a_group_of_the_meeting_is_an_action() -> None:
    actions = _actions(AGENTS)
    assert ("Make the changes and present them at the next regular meeting", ["staff"]) in actions
    # Two tasks for one owner "at the next meeting" are two tasks.
    assert len([a for a in actions if a[1] == ["staff"]]) == 2
    assert not any("asked" in " ".join(owners) for _, owners in actions)
    # An outside funder is no owner.
    assert not any("fund" in d.lower() for d, _ in actions)


def test_an_attendees_task_after_a_comma_and_is_an_action() -> None:
    actions = _actions(AGENTS)
    assert ("Post the minutes to the list", ["Cy Moss"]) in actions


def test_an_imperative_is_not_an_owner() -> None:
    actions = _actions(
        """Kestrel Parks Advisory Board, 10 February 2025

Present: Ann Hale (Chair), Bo Dent

Actions arising:
• Advise Hostwell to close the old server
"""
    )
    assert actions == [("Advise Hostwell to close the old server", [])]


COUNCIL = """Ashby Parva Community Council
Minutes of the meeting held on 12 June 2024

Present: Cllr. Olga Lee (Chair), Cllr. Tom Ray, Cllr. Una Pike

1. Audit
The internal audit was completed. The Clerk was asked to write to the auditor to thank her.

2. Governance
• Cllr. O. Lee and the Clerk to review the standing orders.

3. Footpaths
Cllr. U. Pike had an enquiry about footpaths; Cllr. T. Ray would send her the map.

4. Strategy
The Partnership was asked to approve the final draft of the village plan.
"""


def test_initials_with_full_stops_an_office_and_reported_speech() -> None:
    actions = _actions(COUNCIL)
    assert ("Write to the auditor to thank her", ["Clerk"]) in actions
    assert ("Review the standing orders", ["Olga Lee", "Clerk"]) in actions
    assert ("Send her the map", ["Tom Ray"]) in actions


def test_a_body_asked_to_approve_is_not_given_a_task() -> None:
    assert not any("village plan" in d for d, _ in _actions(COUNCIL))


def test_a_for_next_meeting_label_over_a_task() -> None:
    actions = _actions(
        """2025-03-04 Garden steering meeting

Steering group present
* Ann Hale
* Bo Dent

Notes
* Plot waiting list is at twelve
* for next meeting: present budget (share with group in the meantime)
* Next steps: the shed was repaired
"""
    )
    assert actions == [("Present budget (share with group in the meantime)", [])]


def test_a_proxy_for_a_member_with_their_office_in_the_bracket() -> None:
    record = _record(
        """Castle Reading Circle, 12 December 2024

Present - Robin (chair), Mouse (proxy for Karne, librarian)
Apologies - Karne (librarian)

1. Books
Noted.
"""
    )
    mouse = [p for p in record["attendance"] if p["name"] == "Mouse"]
    assert mouse and mouse[0]["deputising_for"] == "Karne"
    assert mouse[0]["status"] == "present"
