"""Attendance layouts read across the eighth round of probe writers (invented text).

A register typed with its heading row over a rule and a column of codes
("P / AP / A"); a web page's table whose first cell names the group only
on its first row, with each member's initials after the name; names
written with joined initials ("N.P. Dube") or with Malay and Tamil
particles ("binti", "s/o").  None of this text comes from real minutes.
"""

from __future__ import annotations

from concord.ingest import extract


def _people(doc: str, filename: str = "minutes.txt") -> list[tuple[str, str]]:
    record = extract(doc.encode(), filename=filename)
    return [(p.name, p.status) for p in record.attendance]


def test_a_register_of_codes_under_a_ruled_heading_row() -> None:
    people = _people(
        "WARD 9 COMMITTEE\n"
        "MINUTES OF THE MEETING HELD ON THURSDAY 5 MARCH 2026\n\n"
        "2. ATTENDANCE REGISTER\n\n"
        "   NAME                      SECTOR                       P / AP / A\n"
        "   ------------------------------------------------------------------\n"
        "   Cllr N.P. Dube            Ward Councillor (Chair)          P\n"
        "   Ms T. Sono                Youth                            AP\n"
        "   Mr J. van Rooyen          Business                         P\n"
        "   Ms R. Mabe                Disability                       A\n\n"
        "3. ADOPTION OF THE AGENDA\n"
        "The agenda was adopted.\n"
    )
    assert people == [
        ("N.P. Dube", "present"),
        ("T. Sono", "apologies"),
        ("J. van Rooyen", "present"),
        ("R. Mabe", "absent"),
    ]


def test_a_group_named_on_its_first_row_with_initials_after_each_name() -> None:
    rows = [
        ("<strong>Members present:</strong>", "Joan Orme (JO)", "Chair &ndash; Orme Tools Ltd"),
        ("", "Cllr Stephen Hale (SH)", "Vice-Chair &ndash; Tarn County Council"),
        ("", "Dr Anita Bose (AB)", "University of Tarn"),
        ("<strong>Apologies:</strong>", "Paula Grey", "Tarn Health Trust"),
    ]
    table = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    people = _people(
        "<h1>Tarn Skills Board</h1><p>Minutes of the meeting held on 21 September 2016</p>"
        f"<table>{table}</table><h2>Item 1 &ndash; Welcome</h2><p>JO welcomed members.</p>",
        "minutes.html",
    )
    assert sorted(people) == [
        ("Anita Bose", "present"),
        ("Joan Orme", "present"),
        ("Paula Grey", "apologies"),
        ("Stephen Hale", "present"),
    ]


def test_names_with_malay_and_tamil_particles() -> None:
    rows = [
        ("S/N", "Name", "Designation", "Attendance"),
        ("1", "Mr Desmond Ong Kah Seng", "Chairman", "Present"),
        ("2", "Ms Nurul Aini binti Rahmat", "Vice-Chairman", "Present"),
        ("3", "Mr Suresh s/o Pillai", "Member", "Absent"),
    ]
    table = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    people = _people(
        "<h1>Estate Committee</h1><p>Minutes of the meeting held on 20 July 2022</p>"
        f"<p><b>Present</b></p><table>{table}</table><h3>1 CONFIRMATION OF MINUTES</h3>"
        "<p>The minutes were confirmed.</p>",
        "minutes.html",
    )
    assert people == [
        ("Desmond Ong Kah Seng", "present"),
        ("Nurul Aini binti Rahmat", "present"),
        ("Suresh s/o Pillai", "absent"),
    ]


def test_references_inside_numbered_items_are_not_items() -> None:
    record = extract(
        b"LOCAL ACTION GROUP\nMinutes of the meeting held on 15 July 2004\n\n"
        b"I.   MINUTES OF PREVIOUS MEETING\n     Agreed.\n"
        b"II.  MATTERS ARISING\n     None.\n"
        b"III. PROJECT APPROVALS\n"
        b"     PR/04/112  Knockbeg Open Farm Days\n     Approved, grant of 4,000.\n"
        b"     PR/04/115  Drumlea Craft Studio\n     Deferred.\n"
        b"IV.  DATE OF NEXT MEETING\n     16 September 2004.\n",
        filename="minutes.txt",
    )
    assert [(i.number, i.title) for i in record.items] == [
        ("I", "MINUTES OF PREVIOUS MEETING"),
        ("II", "MATTERS ARISING"),
        ("III", "PROJECT APPROVALS"),
        ("IV", "DATE OF NEXT MEETING"),
    ]
    council = extract(
        b"PARISH COUNCIL\nMinutes of the meeting held on 15 July 2024\n\n"
        b"24/031 Apologies\nNone.\n\n24/032 Planning\n"
        b"PL/118 Rear extension, 4 Mill Lane: no objection.\n\n24/033 Close\n",
        filename="minutes.txt",
    )
    assert [i.number for i in council.items] == ["24/031", "24/032", "24/033"]


def test_meetings_ahead_told_in_passing() -> None:
    def ahead(doc: str) -> list[str]:
        record = extract(doc.encode(), filename="notes.txt")
        return [m.date for m in record.next_meetings]

    head = "Branch committee\nNotes of the meeting held on 19 October 2011\n\n"
    assert ahead(head + "Next committee is Wednesday 16th November, same place, 6pm.\n") == [
        "2011-11-16"
    ]
    notes = "Task force\nNotes of the meeting held on 7 June 2022\n\n"
    assert ahead(notes + "Next one is Tuesday 5th July, 6pm, same place.\n") == ["2022-07-05"]
    assert ahead(head + "5) Branch AGM\nAGM agreed for Tuesday 24th January 2012, 6pm.\n") == [
        "2012-01-24"
    ]
    assert ahead(
        head + "The Board will meet in special session on Tuesday, 29 November 2011.\n"
    ) == ["2011-11-29"]
    # Another body's meeting is not this one's.
    assert ahead(head + "The working group will meet on 2 November 2011 to draft it.\n") == []


def test_a_typed_action_table_whose_headings_have_two_spaces_between() -> None:
    record = extract(
        b"COASTAL FORUM\nAction note of the meeting held on 9 June 2016\n\n"
        b"Present: Kate Mole (KM), Ian Reid (IR)\n\n"
        b"SUMMARY OF ACTIONS\n"
        b"------------------\n"
        b"No.  Action                                      Who        When\n"
        b"1    Check the grant round                       IR         next mtg\n"
        b"2    Put membership on the AGM agenda            KM         Oct\n",
        filename="notes.txt",
    )
    assert record.items == []
    assert [(a.description, a.owners) for a in record.actions] == [
        ("Check the grant round", ["Ian Reid"]),
        ("Put membership on the AGM agenda", ["Kate Mole"]),
    ]


def test_a_pdf_table_whose_columns_ran_together() -> None:
    record = extract(
        b"NORTHGATE ENTERPRISE PARTNERSHIP\nBOARD MEETING\n\n"
        b"Date: Tuesday 19 March 2013\n\n"
        b"Present\nBoard Members\n"
        b"Sir Malcolm Trent (Chair) Trent Engineering Ltd\n"
        b"Cllr Iris Madden Wexford District Council\n"
        b"Professor Tom Wren University of Northgate\n"
        b"Rukhsana Dar Northgate College Group\n"
        b"Cllr Pat Onyan Leader, Northgate City Council\n"
        b"Cllr Roy Bell Tarnford Borough Council (substitute for Cllr Di Fan)\n"
        b"Apologies\n"
        b"Peter Gill Gill Estates\n\n"
        b"1. Welcome and apologies\nThe Chair welcomed members.\n",
        filename="minutes.txt",
    )
    assert [(p.name, p.status, p.organisation) for p in record.attendance] == [
        ("Malcolm Trent", "present", "Trent Engineering Ltd"),
        ("Iris Madden", "present", "Wexford District Council"),
        ("Tom Wren", "present", "University of Northgate"),
        ("Rukhsana Dar", "present", "Northgate College Group"),
        ("Pat Onyan", "present", "Leader, Northgate City Council"),
        ("Roy Bell", "present", "Tarnford Borough Council"),
        ("Peter Gill", "apologies", "Gill Estates"),
    ]
    assert record.attendance[5].deputising_for == "Di Fan"


def test_a_roll_call_with_an_absent_member_and_a_note_on_circulation() -> None:
    record = extract(
        b"BOARD OF SUPERVISORS\nMinutes of the regular session, March 15, 2005\n\n"
        b"Present: Sundby, Ostrander, Hultgren, Pekarek\n\n"
        b"1. Trail grant\n"
        b"Motion by Ostrander, second by Sundby to authorize the Conservation Board to submit\n"
        b"the grant application. Roll call vote: Ayes - Ostrander, Sundby, Hultgren. Nays -\n"
        b"Pekarek. Absent - Reinholt. Motion carried 3-1.\n\n"
        b"Minutes approved by the Chair for circulation: 29 March 2005.\n",
        filename="minutes.txt",
    )
    assert record.decisions == [
        "To authorize the Conservation Board to submit the grant application. Motion carried 3-1."
    ]


def test_meta_in_a_label_table_in_hours_written_with_h_and_after_a_sites_menus() -> None:
    record = extract(
        b"<p>BUKIT TOWN COUNCIL</p><p>MINUTES OF THE 4TH ESTATE COMMITTEE MEETING FOR 2022</p>"
        b"<table><tr><td>Date</td><td>: Wednesday, 20 July 2022</td></tr>"
        b"<tr><td>Time</td><td>: 7.30 pm</td></tr>"
        b"<tr><td>Venue</td><td>: Meeting Room 2, Town Council HQ</td></tr></table>"
        b"<h3>1 CONFIRMATION OF MINUTES</h3><p>The minutes were confirmed.</p>",
        filename="minutes.html",
    )
    assert (record.venue, record.start_time) == ("Meeting Room 2, Town Council HQ", "19:30")
    ward = extract(
        b"WARD 9 COMMITTEE\nMINUTES OF THE MEETING HELD ON THURSDAY 22 AUGUST 2019\n"
        b"VENUE: COMMUNITY HALL\nTIME: 17H30\n\n1. OPENING\nThe meeting opened.\n\n"
        b"2. CLOSURE\nMeeting closed at 19h05 with a prayer.\n",
        filename="minutes.txt",
    )
    assert (ward.start_time, ward.end_time) == ("17:30", "19:05")
    menus = "".join(f"<li>{m}</li>" for m in ["Home", "Visiting", "Planning"] * 7)
    page = extract(
        f"<ul>{menus}</ul><h1>Planning Committee</h1>"
        "<p>Minutes of the meeting of the Planning Committee held at The Old Vicarage, "
        "Helmsby on Wednesday 8 June 2011, commencing at 10.00 am</p>"
        "<p>Present: Mr J. Pick (Chairman), Mr A. Bell</p>"
        "<h2>48/11 Apologies</h2><p>None.</p>".encode(),
        filename="minutes.html",
    )
    assert (page.venue, page.start_time) == ("The Old Vicarage, Helmsby", "10:00")


def test_a_blog_posts_notes_and_links_are_not_the_meeting() -> None:
    page = extract(
        b"<ul><li>Member login</li><li>Join the Society</li></ul>"
        b"<h1>Minutes of Council - 8 September 2016</h1>"
        b"<p>Posted on 3 October 2016 by Colm Darcy in Council</p>"
        b"<p>Minutes of the meeting of Council held at Society House, 12 Fitz Place on "
        b"Thursday 8 September 2016 at 5.30 p.m.</p>"
        b"<p>Present:</p><ul><li>Dr Aoife Rua, President (in the chair)</li>"
        b"<li>Sean Dris</li></ul>",
        filename="minutes.html",
    )
    assert (page.body, page.venue) == ("Council", "Society House, 12 Fitz Place")


def test_apologies_under_a_numbered_item_and_advisers_under_their_subheading() -> None:
    people = _people(
        "Traffic Committee\nMinutes of the meeting held on 14 August 2018\n\n"
        "PRESENT\nVoting members\nCr Robyn Cass (Chair)\nMdm Goh Siew Lan\n"
        "Non-voting / advisory\nMr Joel Tran\n\n"
        "1 APOLOGIES\nMr Ben Lox (Transit Bellamine, bus operator representative).\n\n"
        "2 DECLARATIONS OF INTEREST\nNil.\n"
    )
    assert people == [
        ("Robyn Cass", "present"),
        ("Goh Siew Lan", "present"),
        ("Joel Tran", "in_attendance"),
        ("Ben Lox", "apologies"),
    ]


def test_a_roll_call_by_surname_of_members_named_in_full() -> None:
    people = _people(
        "BOARD OF SUPERVISORS\nRegular session - March 15, 2005\n\n"
        "Supervisors present: Dale Hult (Chair), Marlys Ost, Gail Sund\n"
        "Supervisor absent: Tom Rein\n\n"
        "1. ROLL CALL\nRoll call: Present - Hult, Ost, Sund. Absent - Rein.\n"
    )
    assert people == [
        ("Dale Hult", "present"),
        ("Marlys Ost", "present"),
        ("Gail Sund", "present"),
        ("Tom Rein", "absent"),
    ]


def test_hon_is_no_sentence_end_and_a_clubs_officers_are_members() -> None:
    people = _people(
        "Parochial Church Council\nMinutes of the meeting held on 8 March 2016\n\n"
        "Present: The Revd Canon Pip Dorr (Vicar, in the chair), Mrs Janet Cobb (Hon. "
        "Treasurer), Mr Rupert Vane, Mrs Grace Ofori (Parish Safeguarding Officer)\n\n"
        "1. Opening prayer\n"
    )
    assert people == [
        ("Pip Dorr", "present"),
        ("Janet Cobb", "present"),
        ("Rupert Vane", "present"),
        ("Grace Ofori", "present"),
    ]
    club = _people(
        "Rugby Club AGM\nMinutes of the AGM held on 21 May 2026\n\n"
        "Officers present: Eleri Bowen (Hon. Secretary), Huw Rees (Hon. Treasurer), "
        "Aled Pross (Vice-Chairman)\n\n1. Welcome\n"
    )
    assert club == [("Eleri Bowen", "present"), ("Huw Rees", "present"), ("Aled Pross", "present")]


def test_initials_after_each_name_in_a_word_table_cell() -> None:
    rows = (
        "<tr><td><b>Present</b></td><td><b>Apologies</b></td></tr>"
        "<tr><td><p>Alan Trev (Chairman) AT</p><p>Jill Rans (Secretary) JR</p><p>Bryony Vell BV</p>"
        "</td><td><p>Denise Polg (Vice-Chairman)</p></td></tr>"
    )
    people = _people(
        "<p>Horticultural Society</p><p>Minutes of the committee meeting held on 7 November 2024"
        f"</p><table>{rows}</table><p>1. Welcome</p>",
        "minutes.html",
    )
    assert people == [
        ("Alan Trev", "present"),
        ("Jill Rans", "present"),
        ("Bryony Vell", "present"),
        ("Denise Polg", "apologies"),
    ]


def test_an_owner_with_a_helper_in_brackets_in_a_closing_list() -> None:
    record = extract(
        b"Residents Association\nNotes of the committee meeting held on 7 February 2023\n\n"
        b"Present: Kwame Asante, Gemma Stott, Sue Okafor\n\n"
        b"So to recap who's doing what:\n"
        b"- Sue - bouncy castle prices\n"
        b"- Kwame (with Gemma) - stairwell walkround and photos\n",
        filename="notes.txt",
    )
    assert [(a.description, a.owners) for a in record.actions] == [
        ("Bouncy castle prices", ["Sue Okafor"]),
        ("Stairwell walkround and photos", ["Kwame Asante", "Gemma Stott"]),
    ]


def test_a_closing_list_repeats_the_notes_tasks_in_short() -> None:
    record = extract(
        b"PTA committee\nNotes of the meeting held on 20 August 2024\n\n"
        b"Present: Aroha Tipene, Kirsten Vaega, Mel Haddon\n\n"
        b"Fun Run\nAroha's going to do the volunteer roster on the Google sheet - everyone "
        b"please put your name down.\n"
        b"Kirsten will send the PTA blurb to the office for the next newsletter.\n\n"
        b"Actions:\n* Aroha - volunteer roster\n* Kirsten - newsletter blurb by Fri 23 Aug\n",
        filename="notes.txt",
    )
    assert [(a.description[:30], a.owners, a.due) for a in record.actions] == [
        ("Do the volunteer roster on the", ["Aroha Tipene"], None),
        ("Send the PTA blurb to the offi", ["Kirsten Vaega"], "2024-08-23"),
    ]


def test_more_meetings_ahead_told_in_passing() -> None:
    def ahead(doc: str) -> list[str]:
        return [m.date for m in extract(doc.encode(), filename="n.txt").next_meetings]

    head = "Residents Association\nNotes of the meeting held on 10 May 2026\n\n"
    assert ahead(head + "Next EC: Sunday 7 June 2026, 10.30 am, same place.\n") == ["2026-06-07"]
    assert ahead(head + "• Next Members' Council: Wednesday 12 August 2026, 7.30pm\n") == [
        "2026-08-12"
    ]
    assert ahead(head + "The APCM will be held on Sunday 17th May 2026 after the service.\n") == [
        "2026-05-17"
    ]
    assert ahead(
        head + "The Chair announced that the Commission will hold a special meeting on "
        "Thursday, 16 July 2026.\n"
    ) == ["2026-07-16"]
    assert ahead(head + "The Annual Meeting of Members is scheduled for 22 September 2026.\n") == [
        "2026-09-22"
    ]
    assert ahead(head + "And put Tues 19 May in your diaries for the AGM please.\n") == [
        "2026-05-19"
    ]


def test_a_list_of_dates_ahead_without_a_year_each() -> None:
    record = extract(
        b"Programme Board\nMinutes of the meeting held on 14 April 2026\n\n"
        b"9. Date of next meeting\n"
        b"Tuesday 9 June 2026, 9.30am, Room G.12. Further 2026 dates: 8 September, 10 November.\n",
        filename="minutes.txt",
    )
    assert [m.date for m in record.next_meetings] == ["2026-06-09", "2026-09-08", "2026-11-10"]


def test_a_space_aligned_list_whose_entries_have_their_own_dashes() -> None:
    people = _people(
        "AREA FORUM\nNOTES OF MEETING\nTuesday 24th June 2008, 6.30pm\n\n"
        "  -------------------------------------------------------------------\n"
        "  **Councillors:**       Cllr Jim Oka (Chair) -- Ferncliffe ward\n"
        "                         Cllr Pauline Stan -- Ferncliffe ward\n"
        "                         Cllr Derek Amb -- Holme ward\n\n"
        "  **In attendance:**     Tracey Lough -- Brackenford Homes\n"
        "                         Paul Dent -- Democratic Services (notes)\n"
        "  -------------------------------------------------------------------\n\n"
        "**1) Welcome**\n",
        "notes.md",
    )
    assert people == [
        ("Jim Oka", "present"),
        ("Pauline Stan", "present"),
        ("Derek Amb", "present"),
        ("Tracey Lough", "in_attendance"),
        ("Paul Dent", "in_attendance"),
    ]


def test_also_came_heads_those_in_attendance() -> None:
    people = _people(
        "Tenants Association\nNotes of the committee meeting held on 7 February 2023\n\n"
        "Present: Kwame Asante, Lorraine Pybus.\n"
        "Also came: Cllr Jan Whitby and Gemma Stott (Wexcombe Homes).\n"
        "Apologies: Marie Cullen.\n"
    )
    assert people == [
        ("Kwame Asante", "present"),
        ("Lorraine Pybus", "present"),
        ("Jan Whitby", "in_attendance"),
        ("Gemma Stott", "in_attendance"),
        ("Marie Cullen", "apologies"),
    ]
