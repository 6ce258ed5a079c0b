"""More ways of writing who attended, each in an invented document.

"Members:" and "Participants" headings, a lone row of spaced columns under a
label, "X and Y were also present.", posts written before names ("Parks
Director Flo Hunt"), call signs beside names, a society's officers, and
minutes whose only list is "In attendance".
"""

from __future__ import annotations

from concord.ingest import extract


def _people(doc: str, name: str = "minutes.txt") -> dict[str, str]:
    return {
        a["name"]: a["status"] for a in extract(doc.encode(), filename=name).to_dict()["attendance"]
    }


def test_members_heading_over_spaced_columns_and_single_rows() -> None:
    people = _people(
        "Northdale Health Board\nMinutes of the meeting held on 12 May 2021\n\n"
        "Members:\nDr Ann Lee       Chair\nBob Roe          Chief Officer\n\n"
        "In attendance:\nDi Fox           Head of Governance (minutes)\n\n"
        "Apologies:\nEd Gray          Lay Member\n\n1. Welcome\nThe chair opened.\n"
    )
    assert people == {
        "Ann Lee": "present",
        "Bob Roe": "present",
        "Di Fox": "in_attendance",
        "Ed Gray": "apologies",
    }


def test_members_and_participants_labels() -> None:
    assert _people(
        "Minutes of the Trust Board, 12 May 2021\n\n"
        "Members: Ann Lee (Chair); Bob Roe (Chief Executive)\n"
        "In attendance: Di Fox (Company Secretary)\n\n1. Welcome\n"
    ) == {"Ann Lee": "present", "Bob Roe": "present", "Di Fox": "in_attendance"}
    assert _people(
        "# Tools Committee – Meeting Notes, 20 September 2024\n\n"
        "## Participants\n* Ann Lee\n* Bob Roe\n\n## Notes\nWe met.\n",
        "notes.md",
    ) == {"Ann Lee": "present", "Bob Roe": "present"}


def test_community_councillors_and_elected_members_lines() -> None:
    assert _people(
        "Riverside Community Council\nMinutes of meeting 13 May 2024\n\n"
        "Community Councillors: Ann Lee, Bob Roe\nElected members: Cllr Di Fox\n"
        "Members of the public: 4\n\n1. Welcome\n"
    ) == {"Ann Lee": "present", "Bob Roe": "present", "Di Fox": "present"}


def test_names_then_were_also_present() -> None:
    people = _people(
        "MINUTES OF THE SAFETY PANEL\nheld on Tuesday 1 April 2025\n\n"
        "PRESENT: Cllr J A Orme (Chairman), Cllr O C Pask and Cllr D Reel\n\n"
        "Councillors M Tarn and S Vell were also present.\n\n"
        "Apologies for absence were received from Councillors P Wynn and F Yates.\n\n"
        "SP 25/1 DECLARATIONS OF INTEREST\nNone.\n"
    )
    assert people == {
        "J A Orme": "present",
        "O C Pask": "present",
        "D Reel": "present",
        "M Tarn": "in_attendance",
        "S Vell": "in_attendance",
        "P Wynn": "apologies",
        "F Yates": "apologies",
    }


def test_also_present_in_the_same_paragraph() -> None:
    assert _people(
        "Minutes of the Elm Street Residents Group, 12 May 2021\n\n"
        "Present were Ann Lee, Bob Roe and Cy Dunn. Also present was Ed Gray from the council.\n\n"
        "1. Welcome\n"
    ) == {
        "Ann Lee": "present",
        "Bob Roe": "present",
        "Cy Dunn": "present",
        "Ed Gray": "in_attendance",
    }


def test_posts_written_before_names_in_a_roll_call() -> None:
    people = _people(
        "CITY OF HARBOUR BAY\nPARKS ADVISORY BOARD\nRegular Meeting Minutes\nMarch 3, 2025\n\n"
        "ROLL CALL\nPresent: Chair Ann Lee, Boardmembers Cy Dunn and Di Fox\n"
        "Absent: Boardmember Ed Gray\n"
        "Staff: Parks Director Flo Hunt, Recording Secretary Gus Ives\n\n"
        "1. CALL TO ORDER\n"
    )
    assert people == {
        "Ann Lee": "present",
        "Cy Dunn": "present",
        "Di Fox": "present",
        "Ed Gray": "absent",
        "Flo Hunt": "in_attendance",
        "Gus Ives": "in_attendance",
    }


def test_call_signs_and_a_societys_officers() -> None:
    people = _people(
        "Westvale Radio Club\nMonthly Meeting Minutes – April 21, 2025\n\n"
        "Officers present: Ann Lee KB1ABC (President), Bob Roe W1XYZ (Vice President)\n"
        "Members present: Di Fox KD9AAA, Ed Gray, Flo Hunt (K3ZZZ)\nGuests: Gus Ives\n\n"
        "Old Business\nThe repeater was discussed.\n"
    )
    assert people == {
        "Ann Lee": "present",
        "Bob Roe": "present",
        "Di Fox": "present",
        "Ed Gray": "present",
        "Flo Hunt": "present",
        "Gus Ives": "in_attendance",
    }


def test_in_attendance_alone_means_present() -> None:
    assert _people(
        "Stonebridge Development Association\nMinutes of meeting held 5 December 2016\n\n"
        "In attendance: John Smith (Chairperson), Mary Byrne, Pat Kelly.\nApologies: Tom Burke.\n\n"
        "1. Minutes of previous meeting\nAgreed.\n"
    ) == {
        "John Smith": "present",
        "Mary Byrne": "present",
        "Pat Kelly": "present",
        "Tom Burke": "apologies",
    }


def test_an_organisation_with_a_preposition_is_not_a_person() -> None:
    assert _people(
        "Minutes of the Data Panel, 3 August 2011\n\n"
        "Present:\nAnn Lee, Talk About Town\nBob Roe, Acme\n\n"
        "1. Welcome\n"
    ) == {"Ann Lee": "present", "Bob Roe": "present"}


def test_how_they_attended_in_brackets_and_scribes() -> None:
    assert _people(
        "Orchard Society Committee Meeting\n20 September 2024\n\n"
        "Present (in person): Ann Lee, Bob Roe\nPresent (online): Cy Dunn\n"
        "Attending remotely: Di Fox\nScribe: Ed Gray\n\n1. Welcome\n2. Accounts\n3. AOB\n"
    ) == {
        "Ann Lee": "present",
        "Bob Roe": "present",
        "Cy Dunn": "present",
        "Di Fox": "present",
        "Ed Gray": "in_attendance",
    }


def test_a_commissions_roll_with_posts_after_names_and_semicolons() -> None:
    assert _people(
        "CITY OF RIVERTON\nPLANNING COMMISSION MINUTES\nJanuary 28, 2002\n\n"
        "Commissioners Present: Ann Lee, Bob Roe\nCommissioners Absent: Di Fox\n"
        "Staff Present: Ed Gray, Planning Manager; Flo Hunt, Secretary\n"
        "Others Present: Gus Ives\n\n1. CALL TO ORDER\n"
    ) == {
        "Ann Lee": "present",
        "Bob Roe": "present",
        "Di Fox": "absent",
        "Ed Gray": "in_attendance",
        "Flo Hunt": "in_attendance",
        "Gus Ives": "in_attendance",
    }


def test_roll_call_taken_with_here_and_absent() -> None:
    assert _people(
        "Parks Board Minutes, March 3, 2025\n\n"
        "Roll call was taken: Ann Lee – here; Bob Roe – absent; Cy Dunn – here.\n\n"
        "1. Call to order\n"
    ) == {"Ann Lee": "present", "Bob Roe": "absent", "Cy Dunn": "present"}


def test_name_dash_organisation_separated_by_semicolons() -> None:
    assert _people(
        "Valley Partnership Board\nMinutes 12 May 2021\n\n"
        "Present: Ann Lee – Chair; Bob Roe – Valley Council; Cy Dunn – Police\n\n1. Welcome\n"
    ) == {"Ann Lee": "present", "Bob Roe": "present", "Cy Dunn": "present"}


def test_a_numbered_html_list_after_an_inline_list_is_not_names() -> None:
    doc = (
        "<html><body><h2>Valley Allotments Committee</h2><p>Minutes of 12 May 2021</p>"
        "<p><strong>Present:</strong> Ann Lee (chair), Bob Roe</p>"
        "<p><strong>Apologies:</strong> Di Fox</p>"
        "<ol><li>Welcome</li><li>Accounts</li><li>AOB</li></ol></body></html>"
    )
    assert _people(doc, "minutes.html") == {
        "Ann Lee": "present",
        "Bob Roe": "present",
        "Di Fox": "apologies",
    }


def test_surname_first_in_capitals_and_shouted_lists() -> None:
    assert _people(
        "Valley Partnership Board\nMinutes 12 May 2021\n\n"
        "PRESENT\nLEE, Ann (Chair)\nROE, Bob\nDUNN, Cy\n\n1. Welcome\n"
    ) == {"Ann Lee": "present", "Bob Roe": "present", "Cy Dunn": "present"}
    people = _people(
        "VALLEY PARTNERSHIP BOARD\nMINUTES 12 MAY 2021\n\n"
        "PRESENT: ANN LEE (CHAIR), BOB ROE\nAPOLOGIES: DI FOX\n\n1. WELCOME\n"
    )
    assert people == {"ANN LEE": "present", "BOB ROE": "present", "DI FOX": "apologies"}


def test_a_council_page_laid_out_by_a_pdf_converter() -> None:
    doc = (
        "                 HARROWFIELD BOROUGH COUNCIL\n\n"
        "                 COMMUNITY SAFETY ADVISORY BOARD\n\n"
        "                                        Tuesday, 1st April, 2014\n\n"
        "   Present:      Cllr Mrs J A Orme (Chairman), Cllr O C Pask (Vice-\n"
        "                 Chairman), Cllr T Ross and Cllr\n"
        "                 D Sim\n\n"
        "                 Ms A Tate (Kent Police) and Mr B Ulm (Fire and Rescue\n"
        "                 Service)\n\n"
        "   CSA 14/1      DECLARATIONS OF INTEREST\n\n"
        "                 There were none.\n"
    )
    record = extract(doc.encode(), filename="minutes.txt").to_dict()
    people = {a["name"]: (a["status"], a["role"]) for a in record["attendance"]}
    assert people == {
        "J A Orme": ("present", "chair"),
        "O C Pask": ("present", "vice_chair"),
        "T Ross": ("present", None),
        "D Sim": ("present", None),
        "A Tate": ("present", None),
        "B Ulm": ("present", None),
    }
    assert [i["number"] for i in record["items"]] == ["CSA 14/1"]


def test_labels_run_together_on_one_line_and_initials_in_brackets() -> None:
    people = _people(
        "# Delivery Group\n\n**Date:** 9 September 2010  "
        "**Attendees:** Ann Lee (AL - Chair), Bob Roe (BR for Cy Dunn)  **Apologies:** Flo Hunt\n\n"
        "## Budget\nAnn reported.\n",
        "notes.md",
    )
    assert people == {"Ann Lee": "present", "Bob Roe": "present", "Flo Hunt": "apologies"}


def test_html_table_of_labels_beside_cells_of_names() -> None:
    doc = (
        "<html><body><h1>Delivery Group</h1><p>9 September 2010</p><table>"
        "<tr><td>Present:</td><td>Ann Lee (Chair)<br>Bob Roe<br>Di Fox</td></tr>"
        "<tr><td>Apologies:</td><td>Flo Hunt</td></tr></table><h3>1. Welcome</h3></body></html>"
    )
    assert _people(doc, "minutes.html") == {
        "Ann Lee": "present",
        "Bob Roe": "present",
        "Di Fox": "present",
        "Flo Hunt": "apologies",
    }


def test_tables_of_participants_or_representatives_with_ticks_and_crosses() -> None:
    doc = (
        "# Tools Committee Meeting\n\n**Date:** 20 September 2024\n\n"
        "| Committee Member | Affiliation | Attended |\n|---|---|---|\n"
        "| Ann Lee | Acme | ✅ |\n| Bob Roe | Blue | ❌ |\n\n## Notes\nWe met.\n"
    )
    assert _people(doc, "notes.md") == {"Ann Lee": "present", "Bob Roe": "absent"}
    doc = doc.replace("Committee Member", "Representative").replace("❌", "N")
    assert _people(doc, "notes.md") == {"Ann Lee": "present", "Bob Roe": "absent"}


def test_attended_by() -> None:
    head = "Harbour Radio Society\nMinutes of meeting 21 April 2025\n\n"
    items = "\n1. Welcome\n2. Repeater\n3. AOB\n"
    assert _people(head + "Attended by: Ann Lee, Bob Roe\n" + items) == {
        "Ann Lee": "present",
        "Bob Roe": "present",
    }
    assert _people(
        head + "The meeting was attended by Ann Lee, Bob Roe and Cy Dunn.\n"
        "Apologies were received from Ed Gray.\n" + items
    ) == {"Ann Lee": "present", "Bob Roe": "present", "Cy Dunn": "present", "Ed Gray": "apologies"}


def test_a_list_of_names_without_a_label_when_nothing_else_names_anyone() -> None:
    head = "Harbour Radio Society\nMinutes of meeting 21 April 2025\n\n"
    items = "\n1. Welcome\n2. Repeater\n3. AOB\n"
    assert _people(head + "Ann Lee (Chair), Bob Roe, Cy Dunn, Di Fox\n" + items) == {
        "Ann Lee": "present",
        "Bob Roe": "present",
        "Cy Dunn": "present",
        "Di Fox": "present",
    }
    # A list in the items is not attendance, nor is a list of places.
    assert _people(head + items + "We visited Ann Lee, Bob Roe and Cy Dunn.\n") == {}
    assert _people(head + "Tarnby, Elmford, Westvale and Rook\n" + items) == {}


def test_who_was_there_in_notes_of_a_club() -> None:
    """Informal notes: "Who was there:", "There:", "Not there:", "Apols:"."""
    people = _people(
        "Kelso Rowing Club - committee\nTuesday 3 March 2026, boathouse\n\n"
        "Who was there: Ina Cole (chaired), Tod Vane, Pia Rusk and Len Marr.\n"
        "Apols: Ada Holt\nNot there: Sam Pell\n\n"
        "1. Boats\nThe four needs a new rigger. Tod will order one.\n"
    )
    assert people == {
        "Ina Cole": "present",
        "Tod Vane": "present",
        "Pia Rusk": "present",
        "Len Marr": "present",
        "Ada Holt": "apologies",
        "Sam Pell": "absent",
    }


def test_notes_typed_in_lower_case_and_wrapped() -> None:
    """A secretary's notes all in lower case, the list wrapped over lines:
    the names are capitalised, "apols:" opens its own list, and "there are"
    in prose opens none."""
    people = _people(
        "hillfoot allotments - cttee\nweds 4/3/26 - the hut\n\n"
        "there: june akers (chair), raj mehta (treas), bo lind,\n"
        "tessa gray (plots)\n"
        "apols: col weir, mina osei\n\n"
        "--- last mins ---\nok. signed.\n\n"
        "there are still six empty plots. raj to chase the waiting list.\n"
    )
    assert people == {
        "June Akers": "present",
        "Raj Mehta": "present",
        "Bo Lind": "present",
        "Tessa Gray": "present",
        "Col Weir": "apologies",
        "Mina Osei": "apologies",
    }


def test_a_status_column_and_initials_in_the_name_column() -> None:
    """A table of Name / Ward / "Present / Apologies", and one of Role /
    Name (with the initials the minutes use) / "Attended" with yes and no."""
    council = _people(
        "Harwick County Council\nScrutiny Committee, 3 March 2026\n\nMembers\n"
        "Name\tWard\tPresent / Apologies\n"
        "Ann Lee (Chair)\tHarwick North\tPresent\n"
        "Bo Roe\tHarwick East\tApologies\n"
        "Cy Dunn\tMillbrook\tPresent (remote)\n\n"
        "Witnesses: Di Fox, Director of Highways\n\n"
        "1. Roads\nThe committee heard evidence.\n"
    )
    assert council == {
        "Ann Lee": "present",
        "Bo Roe": "apologies",
        "Cy Dunn": "present",
        "Di Fox": "in_attendance",
    }
    society = _people(
        "<h1>Chess Society committee</h1><p>4 March 2026</p><h2>Attendance</h2><table>"
        "<tr><th>Role</th><th>Name</th><th>Attended</th></tr>"
        "<tr><td>President</td><td>Ed Gray (EG)</td><td>yes</td></tr>"
        "<tr><td>Treasurer</td><td>Flo Hunt (FH)</td><td>apologies</td></tr>"
        "<tr><td>Secretary</td><td>Gus Ince (GI)</td><td>no</td></tr></table>"
        "<h2>1. Tournament</h2><p>EG to book the hall.</p>",
        "minutes.html",
    )
    assert society == {"Ed Gray": "present", "Flo Hunt": "apologies", "Gus Ince": "absent"}


def test_a_group_of_members_with_the_status_after_each_name() -> None:
    """An open-source steering group: "TSC members (quorum …):", then each
    member with "-- present", "-- regrets (…)" or "-- not present"."""
    people = _people(
        "Tessel project TSC meeting, 2026-02-03\n\n"
        "TSC members (quorum is 3 of 5):\n\n"
        "* Ann Lee (chair) -- present\n* Bo Roe -- present, joined 17:20\n"
        "* Cy Dunn -- regrets (travelling)\n* Di Fox -- not present\n\n"
        "Agenda\n\n1. Release plan\nWe agreed the 2.1 date.\n",
        "minutes.md",
    )
    assert people == {
        "Ann Lee": "present",
        "Bo Roe": "present",
        "Cy Dunn": "apologies",
        "Di Fox": "absent",
    }
