"""Layouts of minutes published on websites and in repositories (invented text).

Markdown pipe tables of members with a "Name" column beside columns whose
headings read like names ("Call Sign", "Member No"); attendee lists with
mail links; names written with accents; discussion tables whose last
column holds the actions, two owners in one cell.  Each document was
written for its test and seen to fail before its rule; none of this text
comes from real minutes.
"""

from __future__ import annotations

from concord.ingest import extract


def _record(doc: str, name: str = "minutes.md") -> dict:
    return extract(doc.encode(), filename=name).to_dict()


def _people(record: dict) -> dict[str, str]:
    return {a["name"]: a["status"] for a in record["attendance"]}


def test_pipe_table_of_members_with_a_name_column_and_a_visitor() -> None:
    record = _record(
        "---\ntitle: Notes of the Quarterly Meeting, 9 June 2024\n---\n"
        "The following people were present:\n\n"
        "| Name          | Licence Ref | Office    | Dues |\n"
        "| ------------- | ----------- | --------- | ---- |\n"
        "| Petra Quill   | KX-1        | Chair     | Paid |\n"
        "| Omar Rennick  | KX-7        | Treasurer | Paid |\n"
        "| Sian Tolley   | KX-9        | Member    | Due  |\n"
        "| Uri Vance     | -           | Guest     | -    |\n\n"
        "## Business\n\nOmar will renew the insurance before the autumn show.\n"
    )
    assert _people(record) == {
        "Petra Quill": "present",
        "Omar Rennick": "present",
        "Sian Tolley": "present",
        "Uri Vance": "in_attendance",
    }
    assert [a["owners"] for a in record["actions"]] == [["Omar Rennick"]]


def test_the_following_were_present_is_the_members_list() -> None:
    record = _record(
        "Allotment Society\nMinutes, 4 May 2023\n\nThe following members attended:\n"
        "Hal Ives\nJo Kemp\n\nApologies: Lia Moss\n"
    )
    assert _people(record) == {"Hal Ives": "present", "Jo Kemp": "present", "Lia Moss": "apologies"}


def test_attendee_list_with_mail_links_and_a_recording_link_after() -> None:
    record = _record(
        "# Working Group Call (2024-03-14)\n\n## Attendees:\n\n"
        "* Wren Ashby (Co-lead) [Wren Ashby](mailto:wren@example.org)\n"
        "* Yusuf Bello [yb@example.net](mailto:yb@example.net)\n"
        "* Zara Colley\n\n"
        "Recording: [Call recording 14 March](https://video.example.org/r/123)\n"
        "Chat log: https://files.example.org/chat/123\n\n## Notes\n\nWren opened the call.\n"
    )
    assert _people(record) == {
        "Wren Ashby": "present",
        "Yusuf Bello": "present",
        "Zara Colley": "present",
    }


def test_names_with_accents_are_names() -> None:
    record = _record(
        "Minutes of the Harbour Residents Group, 2 March 2019.\n\n"
        "Present: Áine Ní Dhuibhir, Søren Vølund, Joaquín de Oñate and Éric Lefèvre.\n\n"
        "Apologies: Zoë Brandt\n",
        "minutes.txt",
    )
    assert _people(record) == {
        "Áine Ní Dhuibhir": "present",
        "Søren Vølund": "present",
        "Joaquín de Oñate": "present",
        "Éric Lefèvre": "present",
        "Zoë Brandt": "apologies",
    }


def test_an_action_cell_naming_two_owners_is_two_actions() -> None:
    record = _record(
        "# Tenants Panel 2025-02-11\n\n## Attendees\n\n* Ann Lee\n* Bob Roe\n* Cy Dunn\n\n"
        "| Topic | Discussion | Follow-up actions |\n| --- | --- | --- |\n"
        "| Lifts | The lifts failed twice. | Ann to write to the landlord about the lifts "
        "and Cy to collect residents' photos. |\n"
        "| Garden | A shed is needed. | Bob to get three quotes for a shed. |\n"
    )
    assert [(a["description"], a["owners"]) for a in record["actions"]] == [
        ("Write to the landlord about the lifts", ["Ann Lee"]),
        ("Collect residents' photos", ["Cy Dunn"]),
        ("Get three quotes for a shed", ["Bob Roe"]),
    ]


def test_council_web_page_references_alone_over_titles_and_presenters() -> None:
    # A council's committee web page: each minute reference alone on its
    # line, the title under it (with the link to its paper), no list of
    # who attended; speakers are named in the titles.
    record = _record(
        "Agenda and minutes\n\nLeisure Scrutiny Panel - Wednesday, 5th June, 2019 6.00 pm\n\n"
        "Venue: Room 4, Town Hall, Ashby\n\nItems\nNo. Item\n\n"
        "LSP 19/7\n\nDeclarations of interest\n\nMinutes:\n\nNone were made.\n\n"
        "LSP 19/8\n\nMinutes pdf icon PDF 120 KB\n\nMinutes:\n\n"
        "RESOLVED: That the minutes of the meeting held on 6 March 2019 be approved.\n\n"
        "LSP 19/9\n\nPresentation by Dr Rhian Sollis, Head of Sport at Ashby College\n\n"
        "Minutes:\n\nMembers received a presentation from Dr Sollis.\n\n"
        "LSP 19/10\n\nPresentation by Sergeant Ola Birch of Wessex Police on Night Safety\n\n"
        "Minutes:\n\nThe Panel thanked Sergeant Birch.\n",
        "minutes.txt",
    )
    assert [(i["number"], i["title"]) for i in record["items"]] == [
        ("LSP 19/7", "Declarations of interest"),
        ("LSP 19/8", "Minutes"),
        ("LSP 19/9", "Presentation by Dr Rhian Sollis, Head of Sport at Ashby College"),
        ("LSP 19/10", "Presentation by Sergeant Ola Birch of Wessex Police on Night Safety"),
    ]
    assert _people(record) == {"Rhian Sollis": "in_attendance", "Ola Birch": "in_attendance"}


def test_decisions_told_with_a_pronoun_take_what_they_refer_to() -> None:
    record = _record(
        "Minutes of the Orchard Society committee, 3 October 2018\n\n"
        "Present: Ann Lee, Bob Roe, Cy Dunn\n\n"
        "1. MINUTES OF THE SEPTEMBER MEETING\n"
        "These were proposed as correct by Bob Roe, seconded by Cy Dunn.\n\n"
        "2. LIBRARY\n"
        "A proposal was made to move the pamphlets into the hall cupboard. "
        "This proposal was warmly approved.\n\n"
        "3. WEBSITE\n"
        "Cy suggests to move the photo archive to a separate page. "
        "The committee agrees, and Cy will do it.\n\n"
        "4. ELECTIONS\n"
        "The request for volunteers led to Dee Ford being nominated and then elected "
        "as Show Secretary.\n\n"
        "5. PREVIOUS MINUTES\nThe minutes of the August meeting were read and signed.\n",
        "minutes.txt",
    )
    assert record["decisions"] == [
        "MINUTES OF THE SEPTEMBER MEETING: These were proposed as correct by Bob Roe, "
        "seconded by Cy Dunn.",
        "A proposal was made to move the pamphlets into the hall cupboard. "
        "This proposal was warmly approved.",
        "Cy suggests to move the photo archive to a separate page. "
        "The committee agrees, and Cy will do it.",
        "The request for volunteers led to Dee Ford being nominated and then elected "
        "as Show Secretary.",
        "The minutes of the August meeting were read and signed.",
    ]


def test_a_motion_whose_vote_is_told_at_length_is_one_decision() -> None:
    record = _record(
        "Minutes of the Monthly Meeting, 14 May 2024\n\nPresent: Ann Lee, Bob Roe, Cy Dunn\n\n"
        "## Treasurer\n\nBob moved that the accounts be adopted as presented. "
        "The motion was seconded by Cy. A show of hands in favour of the motion was taken, "
        "and the motion was carried.\n",
    )
    assert record["decisions"] == [
        "That the accounts be adopted as presented. "
        "A show of hands in favour of the motion was taken, and the motion was carried."
    ]


def test_posts_in_square_brackets_and_tasks_after_a_clause_or_topic() -> None:
    record = _record(
        "# Parents Group 2 May 2024\n\n"
        "**Present:** Ann Lee (AL), Bob Roe [Treasurer] (BR), Cy Dunn [Chair] (CD), Di Fox (DF)\n\n"
        "## Summary of Actions\n\n"
        "* **Hall hire:** BR to pay the deposit. Anyone with a van should tell BR.\n\n"
        "### Hall\n\n"
        "* **Hire:** The hall is booked. Some things still to do, BR will chase the caretaker.\n"
        "* **Fair:** As soon as the date is fixed, Cy will send the invitations.\n"
        "* Summer fair: Di (DF) will ask the band about their fee.\n",
    )
    assert _people(record) == dict.fromkeys(["Ann Lee", "Bob Roe", "Cy Dunn", "Di Fox"], "present")
    assert [(a["description"], a["owners"]) for a in record["actions"]] == [
        ("Pay the deposit", ["Bob Roe"]),
        ("Chase the caretaker", ["Bob Roe"]),
        ("Send the invitations", ["Cy Dunn"]),
        ("Ask the band about their fee", ["Di Fox"]),
    ]


def test_a_numbered_list_led_in_by_a_sentence_is_no_agenda() -> None:
    record = _record(
        "Residents Group notes, 8 March 2022\n\nPresent: Ann Lee, Bob Roe\n\n"
        "## Projects\n\n"
        "* Working parties: there are four, each led by a volunteer. They are:\n"
        "    1. Litter pickers\n    2. Bulb planters\n    3. Bench painters\n    4. Pond team\n",
    )
    assert record["items"] == []


def test_online_venue_start_told_in_a_sentence_and_a_body_under_its_organisation() -> None:
    record = _record(
        "Minutes of the Management Committee meeting of Westbrook Residents Association, "
        "7 March 2023.\n\n"
        "The meeting was held online using a Teams video call.\n\n"
        "The meeting was opened by the Chair, Ann Lee, at 7:15 pm.\n\n"
        "Present: Ann Lee, Bob Roe, Cy Dunn\n\n"
        "Bob reported on the accounts.\n\nThe meeting was adjourned at 8:40 pm.\n",
        "minutes.txt",
    )
    assert record["body"] == "Westbrook Residents Association Management Committee"
    assert record["venue"] == "online using a Teams video call"
    assert (record["start_time"], record["end_time"]) == ("19:15", "20:40")


def test_a_body_named_by_a_bare_noun_takes_its_full_name_from_the_page_title() -> None:
    record = _record(
        "---\ntitle: Open Streets Panel – third meeting 4 May 2021\n---\n\n"
        "Panel attendance: Ann Lee (Chair), Bob Roe, Cy Dunn\n\n"
        "1. Notes of the last meeting\n\nThe Panel agreed the notes.\n",
    )
    assert record["body"] == "Open Streets Panel"


def test_meetings_in_an_appended_schedule_and_an_agm_decided_on() -> None:
    record = _record(
        "Minutes of the Hillside Cycling Club meeting, 10 March 2025\n\n"
        "Present: Ann Lee, Bob Roe, Cy Dunn\n\n"
        "It was agreed to hold the AGM on Monday 14th April 2025.\n\n"
        "---\n\n### Club calendar\n\n"
        "March 22\nSpring Sportive:\n\n- Route to follow.\n\n"
        "May 12\nClub Meeting:\n\n- Summer rides\n\n"
        "June 7-8\nTwo-day tour\n\n"
        "June 9\nCommittee Meeting\n",
    )
    assert [m["date"] for m in record["next_meetings"]] == [
        "2025-04-14",
        "2025-05-12",
        "2025-06-09",
    ]


def test_an_owner_named_by_a_short_name_and_the_call_sign_the_table_gives() -> None:
    record = _record(
        "Minutes of the Ridge Radio Society meeting, 2 June 2025\n\n"
        "The following people were present:\n\n"
        "| Name           | Call Sign | Office    |\n| --- | --- | --- |\n"
        "| Josephine Hale | M0JHX     | Secretary |\n| Omar Rennick   | G4ORK     | Treasurer |\n\n"
        "### New Business\n\n"
        "- Field day: Jo (M0JHX) will book the field for July. Status - Open\n",
    )
    assert [(a["description"], a["owners"]) for a in record["actions"]] == [
        ("Book the field for July", ["Josephine Hale"])
    ]


def test_notes_with_a_pronoun_owner_and_a_task_that_is_to_be_done() -> None:
    record = _record(
        "Minutes of the Village Hall Committee, 9 January 2018.\n\n"
        "Present: Nora Penn, Owen Quist, Pia Rowe\n\n"
        "Matters arising:\n"
        "a. Nora had found a supplier for new curtains, she will get a price.\n"
        "b. The roof repair is finished. Thank you cards are to be sent to the volunteers.\n",
        "minutes.txt",
    )
    assert [(a["description"], a["owners"]) for a in record["actions"]] == [
        ("Get a price", ["Nora Penn"]),
        ("Send thank you cards to the volunteers", []),
    ]


def test_a_councils_planning_responses_and_payments_with_their_total() -> None:
    record = _record(
        "Minutes of Brockley Parish Council, 4 March 2021\n\n"
        "Present: Cllr Ann Lee (Chair), Cllr Bob Roe, Cllr Cy Dunn\n\n"
        "5. PLANNING\n"
        "• 21/00412/FUL\nSingle storey rear extension\nOak Cottage\nMill Lane\nNO OBJECTIONS\n"
        "• 21/00430/HOU\nNew vehicle access\nThe Old Forge\n"
        "OBJECT: the access is on a blind bend.\n\n"
        "6. PAYMENTS\nThe following payments were approved:\n"
        "• Clerk's salary, March £420.00\n• Hall hire £35.00\nTOTAL £455.00\n",
        "minutes.txt",
    )
    assert record["decisions"] == [
        "21/00412/FUL, Single storey rear extension, Oak Cottage, Mill Lane: no objections.",
        "21/00430/HOU, New vehicle access, The Old Forge: OBJECT: the access is on a blind bend.",
        "The following payments were approved: TOTAL £455.00.",
    ]


def test_a_motion_on_the_above_takes_the_line_before() -> None:
    record = _record(
        "Minutes of the Riverside Chess Club AGM, 1 March 2024\n\nPresent: Ann Lee, Bob Roe\n\n"
        "Subscriptions\nThe committee proposed raising the subscription to £20 a year.\n"
        "Bob moved the above be adopted. Ann seconded. Carried unanimously.\n",
        "minutes.txt",
    )
    assert record["decisions"] == [
        "The committee proposed raising the subscription to £20 a year. Carried unanimously."
    ]


def test_a_report_due_later_in_the_same_meeting_is_no_action() -> None:
    record = _record(
        "Minutes of the Canal Society AGM, 6 May 2022\n\nPresent: Ann Lee, Bob Roe\n\n"
        "Chair's report\nBob will report on the towpath survey under Any Other Business of "
        "this meeting. Ann will write to the trust about the lock gates.\n",
        "minutes.txt",
    )
    assert [(a["description"], a["owners"]) for a in record["actions"]] == [
        ("Write to the trust about the lock gates", ["Ann Lee"])
    ]


def test_a_council_sites_menus_sidebar_and_breadcrumb_name_no_body() -> None:
    """The site's chrome around the minutes: a menu, a search box, a
    breadcrumb and a sidebar of links, none of them the body that met."""
    page = (
        '<html><body><a class="skip-link" href="#m">Skip to main content</a>'
        '<header><nav aria-label="Main"><ul><li><a href="/tax">Council tax</a></li>'
        '<li><a href="/bins">Bins and recycling</a></li></ul></nav>'
        '<form role="search"><input type="search" name="q"></form></header>'
        '<div id="breadcrumb">You are here: <a href="/">Home</a> &raquo; '
        '<a href="/m">Meetings</a> &raquo; Minutes</div>'
        '<aside><h2>In this section</h2><ul><li><a href="/a">About the Board</a></li>'
        '<li><a href="/b">Members</a></li></ul></aside>'
        '<main id="m"><h1>Orchard Vale Health and Wellbeing Board</h1>'
        "<p>Minutes of the meeting held on 4 March 2026 at Orchard House</p>"
        "<p>Present: Ann Lee (Chair), Bo Roe</p><h2>1. Welcome</h2><p>The Chair welcomed all.</p>"
        "</main></body></html>"
    )
    record = _record(page, "minutes.html")
    assert record["body"] == "Orchard Vale Health and Wellbeing Board"
    assert _people(record) == {"Ann Lee": "present", "Bo Roe": "present"}


def test_a_wiki_breadcrumb_and_mail_headers_name_no_body() -> None:
    wiki = _record(
        "Tarnside Partnership wiki › Theme groups › Older People › Notes\n\n"
        "# Older People Theme Group\n\n12 May 2026\n\nPresent: Ann Lee, Bo Roe\n\n"
        "1. Welcome\n\nThe chair welcomed all.\n"
    )
    assert wiki["body"] == "Older People Theme Group"
    mail = _record(
        "From: Jo Dunn <jo@tarnside-rowing.example>\nTo: committee@tarnside-rowing.example\n\n"
        "Tarnside Rowing Club Committee\n12 May 2026\n\nThere: Ann Lee, Bo Roe\n\n"
        "1. Boats\nThe four needs a new rigger.\n",
        "minutes.txt",
    )
    assert mail["body"] == "Tarnside Rowing Club Committee"
