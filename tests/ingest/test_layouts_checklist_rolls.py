"""Roll calls kept as checklists, stand-ins, "Action Point:" labels and minute
references under a table of dates (invented text).

Open-source foundations' technical committees keep their roll call as a
Markdown checklist under "Voting member attendance", ticked for who came;
an apology may name who represented the member.  Hackspace and club boards
write "Action Point: - Ross to draft …" and "Action Point: - Members to be
recruited …".  A school committee's PDF sets its dates rotated in a table
cell, one digit a line, above minute references ("BM 18/2021").  None of
this text comes from real minutes.
"""

from __future__ import annotations

from concord.ingest import extract

_ROLL = """# Technical Steering Committee - 4 March 2025

## Voting member attendance

* [x] Dana Whitlock - Chairperson, Larchwood Studios Ltd
* [x] Omar Feldt, Brightline
* [ ] Priya Castellan, Northgate Pictures, Inc.
* [x] Tomasz Herrera, Double Exposure
* [ ] Wen Ashdown, Quarry Games

## Apologies

* Wen Ashdown, Quarry Games (represented by Lior Basset)

## Other Attendees

* Hal Mercer (Foundation staff)

## Agenda

* Release plan
    * Omar: the branch is ready.
"""


def test_a_checklist_roll_call_ticks_who_came() -> None:
    people = {
        p.name: (p.status, p.organisation, p.role, p.deputising_for)
        for p in extract(_ROLL.encode(), filename="tsc.md").attendance
    }
    assert people == {
        "Dana Whitlock": ("present", "Larchwood Studios Ltd", "chair", None),
        "Omar Feldt": ("present", "Brightline", None, None),
        "Priya Castellan": ("absent", "Northgate Pictures, Inc", None, None),
        "Tomasz Herrera": ("present", "Double Exposure", None, None),
        # Unticked, then listed with apologies; and who came in her place.
        "Wen Ashdown": ("apologies", "Quarry Games", None, None),
        "Lior Basset": ("present", "Quarry Games", None, "Wen Ashdown"),
        "Hal Mercer": ("in_attendance", "Foundation staff", None, None),
    }


def test_a_ticked_roll_call_is_not_a_list_of_tasks() -> None:
    assert extract(_ROLL.encode(), filename="tsc.md").actions == []


def test_action_point_labels_with_a_dash_and_a_task_in_the_passive() -> None:
    doc = (
        "Board meeting, 15 October 2024\n\nPresent: Ross Pell, Mike Ormond, Ben Yates\n\n"
        "The board agreed to create a finance sub committee.\n\n"
        "Action Point: - Members to be recruited for this Sub Committee\n\n"
        "Action Point: - Ross to draft terms of reference for each Sub Committee\n"
    )
    actions = [(a.description, a.owners) for a in extract(doc.encode(), filename="b.md").actions]
    assert actions == [
        ("Recruit members for this Sub Committee", []),
        ("Draft terms of reference for each Sub Committee", ["Ross Pell"]),
    ]


def test_minute_references_under_a_table_cell_of_single_digits() -> None:
    doc = (
        "HOLLY LANE SCHOOL GOVERNORS\n\nBusiness Committee 23/11/2024\n\n"
        "\t2\n\t0\n\nGOVERNOR ATTENDANCE\n\n"
        "Agenda:\n\nBM 18/2024 To record those present\n"
        "BM 19/2024 To agree the Minutes of the last meeting\nBM 20/2024 Finance\n"
    )
    items = [(i.number, i.title) for i in extract(doc.encode(), filename="g.txt").items]
    assert items == [
        ("BM 18/2024", "To record those present"),
        ("BM 19/2024", "To agree the Minutes of the last meeting"),
        ("BM 20/2024", "Finance"),
    ]


def test_a_roll_under_a_closed_heading_wrapped_onto_two_lines() -> None:
    doc = (
        "# Makerspace Meeting Minutes for 2024-04-18 #\n\n## Roll ##\n"
        "Andy K, Brian W.(remote), Celeste W.(remote), Dmitri V., John C.,\n"
        "Lance C., Mason D., Matt C.\n\n## Old Business ##\n * We meet weekly.\n"
    )
    record = extract(doc.encode(), filename="m.md")
    assert len(record.attendance) == 8
    assert record.attendance[-1].name == "Matt C"


def test_an_html_definition_list_of_attendance_in_markdown() -> None:
    doc = (
        "Minutes of the AGM of Fenwick Chess Club, held on 7 September 2023.\n\n"
        '<dl class="dl-horizontal">\n\t<dt>In the Chair</dt>\n\t\t<dd>Jim Albury</dd>\n'
        "\t<dt>Members present</dt>\n\t\t<dd>Jim Albury, Sunil Bhat, Nora Collings</dd>\n"
        "\t<dt>Apologies for absence</dt>\n\t\t<dd>Andrew Bowles, Colin Soley</dd>\n</dl>\n\n"
        "## 1. Welcome\n\nA warm welcome was given.\n"
    )
    people = {p.name: (p.status, p.role) for p in extract(doc.encode(), filename="a.md").attendance}
    assert people == {
        "Jim Albury": ("present", "chair"),
        "Sunil Bhat": ("present", None),
        "Nora Collings": ("present", None),
        "Andrew Bowles": ("apologies", None),
        "Colin Soley": ("apologies", None),
    }


def test_a_speakers_tag_then_their_own_undertaking() -> None:
    doc = (
        "Steering Committee, 16 December 2024\n\nPresent:\n"
        "- Rhona Garvey (RGa), Met Service - Chair\n- Stefan Pohl (SP)\n"
        "- Peter Drummond\n- J Nicholas-Lee\n\n1. Legal position\n\n"
        "- RGa - I will send the confirmation email to members.\n"
        "- SP: I'll confirm the person.\n- RGa – to check the date of renewal.\n\n"
        "2. Other\n\nWe're umming and ahhing, Peter D to post to the list to ask for help.\n\n"
        "Cllr Nicholas Lee agreed to investigate a new website.\n"
    )
    actions = [(a.description, a.owners) for a in extract(doc.encode(), filename="s.md").actions]
    assert actions == [
        ("Send the confirmation email to members", ["Rhona Garvey"]),
        ("Confirm the person", ["Stefan Pohl"]),
        ("Check the date of renewal", ["Rhona Garvey"]),
        ("Post to the list to ask for help", ["Peter Drummond"]),
        ("Investigate a new website", ["J Nicholas-Lee"]),
    ]


def test_headings_naming_everyone_members_with_officers_and_who_was_not_present() -> None:
    doc = (
        "# Advisory Board meeting, 28 February 2025\n\n## Attendees\n\n"
        "The following new board members were present:\n\n"
        "Board members and officers present:\n\n- Jo Belsey, Harbour Bank\n- Tom Gaul, SAP\n\n"
        "Also present:\n\n- Seth Tiso, Lightway\n\nNot present:\n\n- Rolf Trask, Nitro\n\n"
        "## People Present\n\n- Dan Harms\n\nMeeting attendees: Dustin, Craig\n\n"
        "## Proceedings\n\nThe chair opened the meeting.\n"
    )
    people = {p.name: p.status for p in extract(doc.encode(), filename="ab.md").attendance}
    assert people == {
        "Jo Belsey": "present",
        "Tom Gaul": "present",
        "Seth Tiso": "in_attendance",
        "Rolf Trask": "absent",
        "Dan Harms": "present",
        "Dustin": "present",
        "Craig": "present",
    }
