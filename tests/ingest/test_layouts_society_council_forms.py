"""Common layouts of council, NHS, society, club and project minutes (invented text).

Each document was written for its test in a layout such minutes take (a roll
call keyed "* denotes attended", "Visitors:", handles beside names, a
resolution that tells the Clerk what to do, "Agreed to …" notes, motions
"Moved by …" after what was moved) and was seen to fail before its rule.
None of this text comes from real minutes.
"""

from __future__ import annotations

from concord.ingest import extract


def _record(doc: str, name: str = "minutes.txt") -> dict:
    return extract(doc.encode(), filename=name).to_dict()


def _people(record: dict) -> dict[str, tuple[str, str | None]]:
    return {a["name"]: (a["status"], a["organisation"]) for a in record["attendance"]}


def test_roll_call_keyed_with_a_star_and_names_after_commas() -> None:
    record = _record(
        "EASTSIDE HOUSING FORUM\nMINUTES – 2 JULY 2015\n\n"
        "Member organisations (* denotes attended)\n"
        "Eastside Tenants Union – Rob Amis*, Sue Bell\n"
        "Greenway Homes – Tim Cole*\n"
        "Parkview Residents – Una Dent, Val Eyre*\n\n"
        "Also attending: Xavier Gold (Forum Coordinator)\n\n"
        "1. MINUTES OF LAST MEETING\nAgreed.\n\n2. REPAIRS BACKLOG\n"
        "Tim Cole will circulate the figures before the next meeting.\n"
    )
    assert _people(record) == {
        "Rob Amis": ("present", "Eastside Tenants Union"),
        "Sue Bell": ("absent", "Eastside Tenants Union"),
        "Tim Cole": ("present", "Greenway Homes"),
        "Una Dent": ("absent", "Parkview Residents"),
        "Val Eyre": ("present", "Parkview Residents"),
        "Xavier Gold": ("in_attendance", "Forum Coordinator"),
    }
    assert [a["owners"] for a in record["actions"]] == [["Tim Cole"]]


def test_visitors_are_in_attendance_and_a_club_meeting_names_no_body() -> None:
    record = _record(
        "Hillcrest Amateur Radio Club\nMinutes of the Club Meeting, Monday 3 March 2025\n\n"
        "Members present: Ann Lee G4ABC (President), Bob Roe M0XYZ, Cy Dunn 2E0KLM\n"
        "Visitors: Fay Hill\nApologies: Gus Ives G3GUS\n\n"
        "Minutes of the previous meeting were read and accepted. Moved by M0XYZ, "
        "seconded by 2E0KLM. Motion carried.\n\nG4ABC to arrange a work party.\n"
    )
    assert record["body"] == "Hillcrest Amateur Radio Club"
    assert _people(record)["Fay Hill"][0] == "in_attendance"
    assert _people(record)["Gus Ives"][0] == "apologies"
    # What was moved is the sentence before "Moved by …": one decision.
    assert record["decisions"] == [
        "Minutes of the previous meeting were read and accepted. Motion carried."
    ]
    assert [a["owners"] for a in record["actions"]] == [["Ann Lee"]]


def test_handles_beside_names_own_checklist_tasks_and_are_no_organisation() -> None:
    record = _record(
        "# Lumen Project Technical Steering Committee – 2025-01-28\n\n"
        "## Attendees\n- Ada Brook (@abrook, Northwind)\n- Ben Carver (@bcarver, Independent)\n"
        "- Cleo Dorn (@cdorn)\n\n## Notes\nThe TSC voted to adopt the draft security policy.\n\n"
        "## Action items\n- [ ] @bcarver triage the 3.2 blockers\n"
        "- [ ] @cdorn publish the security policy on the website\n",
        "notes.md",
    )
    assert _people(record) == {
        "Ada Brook": ("present", "Northwind"),
        "Ben Carver": ("present", "Independent"),
        "Cleo Dorn": ("present", None),
    }
    assert [a["owners"] for a in record["actions"]] == [["Ben Carver"], ["Cleo Dorn"]]
    assert record["decisions"] == ["The TSC voted to adopt the draft security policy."]


def test_resolution_tells_the_clerk_and_a_post_ending_in_an_office_owns_actions() -> None:
    record = _record(
        "ASHBY MAGNA PARISH COUNCIL\n\nMinutes of the meeting held on Tuesday 4th March 2025 "
        "at 7.30pm in the Village Hall\n\nCouncillors present: Cllr Mary Hollis (Chairman), "
        "Cllr Anna Stroud\nIn attendance: Mrs Jane Wilde (Town Clerk)\n\n"
        "25/034 PLANNING\nRESOLVED:\n1. That the council raises no objection to application "
        "25/0112.\n2. That the clerk writes to the planning authority about the hedge.\n\n"
        "25/035 FINANCE\nResolved that the Town Clerk be instructed to order two benches.\n"
        "Action: Town Clerk to renew the insurance.\n"
    )
    actions = {a["description"]: a["owners"] for a in record["actions"]}
    assert actions == {
        "Write to the planning authority about the hedge": ["Jane Wilde"],
        "Order two benches": ["Jane Wilde"],
        "Renew the insurance": ["Jane Wilde"],
    }
    assert len(record["decisions"]) == 3


def test_a_resolution_naming_no_attendee_sets_no_task() -> None:
    record = _record(
        "Minutes of the Elm Parish Council, 4 March 2025\n\nPresent: Cllr Ann Lee, Cllr Bob Roe\n\n"
        "1. PLANNING\nRESOLVED: That Planning Committee approve the scheme.\n"
    )
    assert record["actions"] == []


def test_agreed_to_notes_and_minutes_accepted_without_a_subject_are_decisions() -> None:
    record = _record(
        "Millfield Residents' Association\nCommittee meeting, Thursday 6 February 2020\n\n"
        "Present: Anne Bright (Chair), Carl Dunmore, Eve Frost\n\n"
        "1) Minutes\nAccepted as a true record.\n\n"
        "2) Matters arising\nAgreed to thank the caretaker. AB\n\n"
        "3) Summer fair\nThe committee agreed to hold the fair on 13 June.\n"
    )
    assert record["decisions"] == [
        "Accepted as a true record.",
        "Agreed to thank the caretaker.",
        "The committee agreed to hold the fair on 13 June.",
    ]
    assert [(a["description"], a["owners"]) for a in record["actions"]] == [
        ("Thank the caretaker", ["Anne Bright"])
    ]


def test_bodies_named_in_titles_of_several_shapes() -> None:
    assert (
        _record(
            "Brookside Primary School PTA\nCommittee Meeting Minutes\nDate: 21/09/2022\n\n"
            "Attendees: Hannah Ives (Chair), Iain Jupp\n"
        )["body"]
        == "Brookside Primary School PTA"
    )
    assert (
        _record(
            "# Westgate Cycle Campaign — monthly meeting\n\n**Date:** Tuesday 8 October 2024\n\n"
            "**Present:** Jo Kemp (chair), Lev Marr\n",
            "notes.md",
        )["body"]
        == "Westgate Cycle Campaign"
    )
    trust = _record(
        "Harlow Vale NHS Foundation Trust\nBoard of Directors – Public Meeting\n"
        "Minutes of the meeting held on 12 June 2024, 10:00 – 12:30, Boardroom, Vale House\n\n"
        "Present:\nSarah Kimble\tChair\nColin Reeve\tNon-Executive Director\n"
    )
    assert trust["body"] == "Harlow Vale NHS Foundation Trust Board of Directors"
    # A place after a 24-hour time range on the date line.
    assert trust["venue"] == "Boardroom, Vale House"
    assert (trust["start_time"], trust["end_time"]) == ("10:00", "12:30")


def test_label_then_spaced_columns_with_continuation_rows() -> None:
    record = _record(
        "PRIMARY CARE PANEL\n\nMinutes of meeting 16-03-06 held at Meadow House\n\n"
        "Members:     Dr Rachel Oduya         GP Lead (Chair)\n"
        "             Simon Platt             Head of Contracts\n"
        "             Tessa Quirke            Lay Member\n"
        "Apologies:   Dr Victor Ross          GP Member\n"
        "Minute taker: Wendy Shaw\n\n"
        "Date:   16 March 2006    Time: 7pm\n\n1. DECLARATIONS OF INTEREST\nNone declared.\n"
    )
    people = {a["name"]: (a["status"], a["role"]) for a in record["attendance"]}
    assert people == {
        "Rachel Oduya": ("present", "chair"),
        "Simon Platt": ("present", None),
        "Tessa Quirke": ("present", None),
        "Victor Ross": ("apologies", None),
        "Wendy Shaw": ("in_attendance", None),
    }


def test_a_lone_spaced_row_under_a_heading_without_colon() -> None:
    people = _people(
        _record(
            "Southfield Steering Group\nNotes of meeting: Monday 20th January 2020\n\n"
            "Attendees\nName                Representing\nGina Ross           Parish Council\n"
            "Harry Stone         Residents\n\nApologies\nKeith Vane          Residents\n\n"
            "Item 1  Housing survey\nThe survey closed.\n"
        )
    )
    assert people["Keith Vane"] == ("apologies", "Residents")
    assert people["Gina Ross"] == ("present", "Parish Council")


def test_html_list_of_titled_items_gets_the_numbers_a_browser_shows() -> None:
    record = _record(
        "<html><body><p>Minutes of the Board of Trustees, 5 July 2017</p>"
        "<p><b>Present</b> Kate Lowry (Chair), Matt Noble</p><ol>"
        "<li>Minutes of the previous meeting<br/>Approved as a correct record.</li>"
        "<li>Fundraising<br/>Matt Noble to contact the lottery fund.</li>"
        "</ol><p>Actions agreed:</p><ol><li>Write to the council.</li>"
        "<li>Order new bins<br/>for the car park.</li></ol></body></html>",
        "minutes.html",
    )
    assert [(i["number"], i["title"]) for i in record["items"]] == [
        ("1", "Minutes of the previous meeting"),
        ("2", "Fundraising"),
    ]
    assert record["decisions"] == [
        "The minutes of the previous meeting were approved as a correct record."
    ]


def test_html_page_title_names_the_site_body_when_the_page_does_not() -> None:
    page = (
        "<html><head><title>2023 AGM | Riverside Linux Users Group</title></head><body>"
        "<h1>2023 AGM</h1><p>Held on 27 February 2023.</p>"
        "<p>Present: Ann Lee, Bob Roe, Cy Dunn</p></body></html>"
    )
    record = _record(page, "agm.html")
    assert record["body"] == "Riverside Linux Users Group"
    assert record["date"] == "2023-02-27"
    # A body named in the page itself comes first.
    named = page.replace("<h1>2023 AGM</h1>", "<h1>Minutes of the Elm Tree Club AGM</h1>")
    assert _record(named, "agm.html")["body"] == "Elm Tree Club"


def test_parish_council_following_were_present_and_the_clerk_named_in_brackets() -> None:
    record = _record(
        "LOWER DENTON PARISH COUNCIL\n\nMINUTES of the Ordinary Meeting of the Parish Council "
        "held on Tuesday 4th March 2025 at 7.30pm at Denton Memorial Hall.\n\n"
        "The following were present: Cllrs Hart (Chairman), Ingle, Jessop and Keel.\n"
        "Also present: the Clerk (Mrs Lyn Marsh) and two members of the public.\n\n"
        "Minute 23/045 Apologies for absence\nApologies were received from Cllr Nuttall.\n\n"
        "Minute 23/046 Approval of minutes\nIt was RESOLVED that the minutes of the meeting held "
        "on 4th February 2025 be approved as a true record. Proposed Cllr Ingle, seconded "
        "Cllr Keel, all in favour.\n\nMinute 23/047 Highways\n"
        "The Clerk to report the potholes to the county council.\n"
    )
    people = {a["name"]: (a["status"], a["role"]) for a in record["attendance"]}
    assert people == {
        "Hart": ("present", "chair"),
        "Ingle": ("present", None),
        "Jessop": ("present", None),
        "Keel": ("present", None),
        "Lyn Marsh": ("in_attendance", None),
        "Nuttall": ("apologies", None),
    }
    # The resolution and the motion that carried it are one decision.
    assert record["decisions"] == [
        "It was RESOLVED that the minutes of the meeting held on 4th February 2025 be approved "
        "as a true record. All in favour."
    ]
    assert [a["owners"] for a in record["actions"]] == [["Lyn Marsh"]]
