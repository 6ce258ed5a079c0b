"""Layouts read off the training half of the fifth blind round (invented text).

A post's undertaking is its task ("the Chief Fire Officer undertook to
…", "it was agreed that the Clerk would …"), also after a clause that sets
the scene.  Members listed under their council's name ("Coldmoor County
Council: Councillors A, B and C"); one person a line in a table cell with
their posts after commas; informal headings ("On the call:", "Couldn't
make it:", "apols -"); a couple sharing a surname and "+ 4 residents";
notes typed in lower case number their headings in lower case.  None of
this text comes from real minutes.
"""

from __future__ import annotations

from concord.ingest import extract


def _record(doc: str, filename: str = "minutes.txt") -> dict:
    return extract(doc.encode(), filename=filename).to_dict()


AUTHORITY = """MINUTES of a meeting of the Harrowdale Fire Authority held on 3 March 2025

PRESENT:

Councillor J. Okafor (Chair) - Harrowdale City Council

Fenmoor County Council:       Councillors P. Astley, L. Dray,
                              S. Hurst and T. Venn
Harrowdale City Council:      Councillors A. Foyle and G. Lusk

1. Response plan

In response to a question from Councillor Dray, the Chief Fire Officer undertook to provide
members with response times for each station before the consultation opens.

2. Funding

After discussion it was agreed that the Clerk would write to the Minister setting out the
Authority's concerns.
"""


def test_members_listed_under_their_council() -> None:
    people = {a["name"]: a for a in _record(AUTHORITY)["attendance"]}
    assert set(people) == {
        "J. Okafor", "P. Astley", "L. Dray", "S. Hurst", "T. Venn", "A. Foyle", "G. Lusk",
    }  # fmt: skip
    assert people["S. Hurst"]["organisation"] == "Fenmoor County Council"
    assert people["G. Lusk"]["organisation"] == "Harrowdale City Council"
    assert people["G. Lusk"]["title"] == "Cllr"


def test_a_posts_undertaking_and_what_the_clerk_would_do_are_tasks() -> None:
    actions = [(a["description"], a["owners"]) for a in _record(AUTHORITY)["actions"]]
    assert (
        "Provide members with response times for each station before the consultation opens",
        ["Chief Fire Officer"],
    ) in actions
    assert (
        "Write to the Minister setting out the Authority's concerns",
        ["Clerk"],
    ) in actions


def test_a_board_agreeing_to_act_is_still_its_decision() -> None:
    record = _record(
        "Minutes of the Fenmoor Partnership Board, 3 March 2025\n\n"
        "Present: Ann Lee (Chair), Bo Roe\n\n"
        "1. Bid\nThe Board agreed to support the bid.\n"
    )
    assert record["actions"] == []
    assert record["decisions"] == ["The Board agreed to support the bid."]


HOSPITAL = """<html><body>
<p>Medical Advisory Committee</p>
<p>Minutes of the meeting held on 24 May 2025</p>
<table>
<tr><td><p><b>Members Present:</b></p></td>
<td><p>Dr. Hal Marsh, Chief of Staff (Chair)<br>
Dr. Kofi Ansah, President, Medical Staff Association<br>
Dr. Rita Lamb, Chief, Department of Surgery<br>Gil Thorne, President &amp; CEO</p></td></tr>
<tr><td><p><b>Regrets:</b></p></td>
<td><p>Dr. Bea Holl, Chief, Anaesthesia<br>Dr. Mira Gold, Chief, Paediatrics</p></td></tr>
</table>
<p>1. Call to order</p>
<p>The meeting opened at 7.30.</p>
</body></html>
"""


def test_one_person_a_line_in_a_table_cell_with_posts_after_commas() -> None:
    people = {a["name"]: a["status"] for a in _record(HOSPITAL, "minutes.html")["attendance"]}
    assert people == {
        "Hal Marsh": "present",
        "Kofi Ansah": "present",
        "Rita Lamb": "present",
        "Gil Thorne": "present",
        "Bea Holl": "apologies",
        "Mira Gold": "apologies",
    }


NOTES = """eastfield tenants association
committee meeting - minutes
wed 3rd feb 2016, community room

present - Carol Ince (chair), Jas Bhogal, Kenny Doyle (blk C rep) + 4 residents from Tarn Walk
apols - Derek & Pat Lomas, Ruth Adey

1. mins of december meeting
agreed as correct

2. matters arising
nothing new

3. police update
Dan said there have been reports of motorbikes round the garages.

4. aob
none
"""


def test_notes_in_lower_case_number_their_headings_in_lower_case() -> None:
    items = [(i["number"], i["title"]) for i in _record(NOTES)["items"]]
    assert items == [
        ("1", "mins of december meeting"),
        ("2", "matters arising"),
        ("3", "police update"),
        ("4", "aob"),
    ]


def test_a_couple_sharing_a_surname_and_a_count_of_residents() -> None:
    people = {a["name"]: a["status"] for a in _record(NOTES)["attendance"]}
    assert people == {
        "Carol Ince": "present",
        "Jas Bhogal": "present",
        "Kenny Doyle": "present",
        "Derek Lomas": "apologies",
        "Pat Lomas": "apologies",
        "Ruth Adey": "apologies",
    }


CALL = """**Westbrook Mutual Aid - coordinators call - action notes**
Sun 10 May 2020, 4pm, Zoom

On the call: Priya Nair (facilitating), Hannah Lowe, Tom Kettle
Couldn't make it: Josie Brand, Andy Pell

### shopping
- requests are up
"""


def test_informal_headings_on_the_call_and_couldnt_make_it() -> None:
    people = {a["name"]: a["status"] for a in _record(CALL, "notes.md")["attendance"]}
    assert people == {
        "Priya Nair": "present",
        "Hannah Lowe": "present",
        "Tom Kettle": "present",
        "Josie Brand": "apologies",
        "Andy Pell": "apologies",
    }


SITE_PAGE = """<html><head>
<title>Committee minutes - January 2025 | Fellside Words Festival</title></head>
<body><header><p class="tagline">11-13 May 2025 · Fellside, North Yorkshire</p></header>
<article><h1>Committee minutes - January 2025</h1>
<p class="posted">Posted on 9 February 2025 by Festival Secretary</p>
<p>Fellside Words Festival - Organising Committee</p>
<p>Minutes of the meeting held on Thursday 23 January 2025 at the Plough, starting at 7.15pm.</p>
<p>Present: Isla Garth (Chair), Ned Thorpe, Kit Mallory</p>
<h3>1. Programme</h3>
<p>The committee approved the draft programme.</p>
<p>Next meeting: Thursday 20 February 2025, 7.15pm, the Plough.</p>
</article></body></html>
"""


def test_the_date_the_minutes_say_the_meeting_was_held_beats_a_sites_banner() -> None:
    record = _record(SITE_PAGE, "minutes.html")
    assert record["date"] == "2025-01-23"
    assert [m["date"] for m in record["next_meetings"]] == ["2025-02-20"]


def test_a_date_before_last_updated_on_the_same_line_is_the_meetings() -> None:
    record = _record(
        "AGM 2006 - Minutes of meeting 16-03-06          Last updated 08-12-07\n\n"
        "Attendees : J Rear, A Finch\n\n1. Introduction.\nThe Chairman opened the meeting.\n"
    )
    assert record["date"] == "2006-03-16"


def test_a_rule_of_dashes_is_joined_to_no_text() -> None:
    record = _record(
        "WESTHAVEN MUNICIPAL COUNCIL - STANDING COMMITTEE\n"
        "Proceedings of the meeting held on 21 September 2017\n\n"
        "Members Present: Sri K. Rao (Chairperson), Smt. R. Lakshmi\n\n"
        "  -------------------------------------------------------------------------\n"
        "  1. Confirmation of the proceedings of the meeting held on 24.08.2017.\n"
        "  RESOLVED to confirm the proceedings of the last meeting as a true record.\n"
        "  -------------------------------------------------------------------------\n"
        "  2. Road works in Ward 14\n"
        "  RESOLVED to approve the estimate for the road works in Ward 14 as presented.\n"
        "  -------------------------------------------------------------------------\n"
    )
    assert not any("---" in d for d in record["decisions"])
    assert record["decisions"] == [
        "RESOLVED to confirm the proceedings of the last meeting as a true record.",
        "RESOLVED to approve the estimate for the road works in Ward 14 as presented.",
    ]


def test_start_and_end_told_in_the_many_ways_minutes_tell_them() -> None:
    def times(opening: str, closing: str) -> tuple[str | None, str | None]:
        record = _record(
            "Minutes of the Fenby Forum\nMeeting of 4 March 2025\n\n"
            f"Present: Ann Lee (Chair), Bo Roe\n\n{opening}\n\n1. Grants\n"
            f"The forum approved the grants.\n\n{closing}\n"
        )
        return record["start_time"], record["end_time"]

    assert times("The Chair opened the meeting.", "The meeting closed at 12:10.") == (
        None,
        "12:10",
    )
    assert times("Started 6.00pm, finished 8.10pm.", "") == ("18:00", "20:10")
    assert times("Dr Lee called the meeting to order at 0730 hrs.", "Adjourned.") == (
        "07:30",
        None,
    )
    assert times(
        "The Presiding Member declared the meeting open at 4.00pm.",
        "The meeting ended with a vote of thanks to the Chair at 1.10 P.M.",
    ) == ("16:00", "13:10")


def test_south_asian_honorifics_are_titles() -> None:
    record = _record(
        "WESTHAVEN MUNICIPAL COUNCIL - STANDING COMMITTEE\n"
        "Proceedings of the meeting held on 21 September 2017\n\n"
        "Members Present: Sri K. Rao (Chairperson), Smt. R. Lakshmi, Shri Anil Gupta\n\n"
        "1. Roads\nRESOLVED to approve the estimate.\n"
    )
    people = [(a["title"], a["name"]) for a in record["attendance"]]
    assert people == [("Sri", "K. Rao"), ("Smt.", "R. Lakshmi"), ("Shri", "Anil Gupta")]


def test_a_date_in_figures_wrapped_onto_the_next_line_is_read() -> None:
    record = _record(
        "WESTHAVEN MUNICIPAL COUNCIL - STANDING COMMITTEE\n"
        "Proceedings of the meeting held on 21 September 2017\n\n"
        "Members Present: Sri K. Rao (Chairperson), Smt. R. Lakshmi\n\n"
        "1. Roads\n"
        "  The Chairperson informed members that the General Body meeting of the Council\n"
        "  will be held on 28.09.2017. The next meeting of this Committee will be held on\n"
        "  19.10.2017 at 11.00 A.M. in the Council Hall of the municipal office building.\n"
    )
    assert [m["date"] for m in record["next_meetings"]] == ["2017-10-19"]


def test_a_chat_handle_and_all_own_tasks() -> None:
    record = _record(
        "# Westbrook Mutual Aid - coordinators call\nSun 10 May 2020\n\n"
        "On the call: Priya Nair, Tom Kettle, Dami Ade\n\n"
        "### shopping\n- requests are up\n"
        "  - @Tom to put the guide in the volunteer pack and pin it in the group\n\n"
        "### actions\n- Dami – set up a zoom social\n- all – vote in the petrol poll\n",
        "notes.md",
    )
    actions = [(a["description"], a["owners"]) for a in record["actions"]]
    assert (
        "Put the guide in the volunteer pack and pin it in the group",
        ["Tom Kettle"],
    ) in actions
    assert ("Set up a zoom social", ["Dami Ade"]) in actions
    assert ("Vote in the petrol poll", ["all"]) in actions


def test_minute_references_with_letters_and_two_slashes_or_run_into_the_title() -> None:
    def items(lines: str, filename: str = "minutes.txt") -> list[tuple[str, str]]:
        doc = "Planning Committee\nMinutes of the meeting held on 4 March 2025\n\n" + lines
        return [(i["number"], i["title"]) for i in _record(doc, filename)["items"]]

    assert items(
        "PL/118  APOLOGIES FOR ABSENCE\nNone.\n\nPL/119  DECLARATIONS OF INTEREST\nNone.\n\n"
        "PL/120  MINUTES\nApproved.\n"
    ) == [("PL/118", "APOLOGIES FOR ABSENCE"), ("PL/119", "DECLARATIONS OF INTEREST"),
          ("PL/120", "MINUTES")]  # fmt: skip
    assert items(
        "WC47/26/01  OPENING AND WELCOME\nThe chair opened.\n\n"
        "WC47/26/02  ADOPTION OF THE AGENDA\nAdopted.\n"
    ) == [("WC47/26/01", "OPENING AND WELCOME"), ("WC47/26/02", "ADOPTION OF THE AGENDA")]
    assert items(
        '<p><span class="minref">C26/51</span><strong>Welcome and declarations</strong></p>'
        "<p>None were declared.</p>"
        '<p><span class="minref">C26/52</span><strong>Minutes of the last meeting</strong></p>'
        "<p>Approved.</p>",
        "minutes.html",
    ) == [("C26/51", "Welcome and declarations"), ("C26/52", "Minutes of the last meeting")]


def test_a_qualified_heading_with_its_names_names_members_or_others() -> None:
    record = _record(
        "North Glen Carers Forum\nNotes of the meeting on 5 March 2026\n\n"
        "Carers present: Moira Bax (Chair), Iain Lenn, Agnes Ferr\n"
        "Officers present: Laura Kinn\n\n1. Welcome\nMoira welcomed everyone.\n"
    )
    people = {a["name"]: a["status"] for a in record["attendance"]}
    assert people == {
        "Moira Bax": "present",
        "Iain Lenn": "present",
        "Agnes Ferr": "present",
        "Laura Kinn": "in_attendance",
    }


RADIO = """<html><body><h1>Harbour Radio Ltd - Board of Directors</h1>
<p>Date: Tuesday 24 March 2026</p>
<table><tr><th>Directors present</th><th>Apologies</th><th>In attendance</th></tr>
<tr><td>Nia Corr (Chair)<br>Josh Whit (Vice-Chair)<br>Ade Ogun</td>
<td>Ffion Prit<br>Olly Stead</td>
<td>Becky Lom, Station Manager</td></tr></table>
<h2>Item 1 - Welcome</h2><p>The Chair opened the meeting.</p>
</body></html>"""

AGENCIES = """<html><body><h1>Kilbrannagh Emergency Planning Group</h1>
<p>Minutes of meeting, Tuesday 24 February 2026</p>
<table><tr><th>Agency</th><th>Attendees</th></tr>
<tr><td>County Council</td><td>Siobhan Flann, Senior Engineer (Chair)<br>Gerry Lal, Emergency
Management Officer</td></tr>
<tr><td>Defence Forces</td><td>Lt. Shane Gilm</td></tr></table>
<h2>Item 1 - Minutes</h2><p>Agreed.</p>
</body></html>"""


def test_a_cell_of_names_under_each_heading_or_beside_its_agency() -> None:
    people = {a["name"]: a["status"] for a in _record(RADIO, "minutes.html")["attendance"]}
    assert people == {
        "Nia Corr": "present",
        "Josh Whit": "present",
        "Ade Ogun": "present",
        "Ffion Prit": "apologies",
        "Olly Stead": "apologies",
        "Becky Lom": "in_attendance",
    }
    found = {
        a["name"]: (a["organisation"], a["title"], a["role"])
        for a in _record(AGENCIES, "minutes.html")["attendance"]
    }
    assert found == {
        "Siobhan Flann": ("County Council", None, "chair"),
        "Gerry Lal": ("County Council", None, None),
        "Shane Gilm": ("Defence Forces", "Lt", None),
    }


def test_next_meeting_under_an_item_dash_in_shorthand_or_wrapped_after_its_weekday() -> None:
    def ahead(doc: str, filename: str = "minutes.txt") -> list[str]:
        return [m["date"] for m in _record(doc, filename)["next_meetings"]]

    assert ahead(
        "# LAA Delivery Group\n\nNotes of meeting, 12 February 2008\n\n"
        "Present: Ann Lee (Chair), Bo Roe\n\n### Item 5 — Funding\n\nThe group agreed the plan.\n\n"
        "### Item 6 — Next meeting\n\nTuesday 1 April 2008, 1.30pm, Room G.14.\n",
        "notes.md",
    ) == ["2008-04-01"]
    assert ahead(
        "scouts exec - thurs 19 march 2026\n\nthere: ann lee, bo roe, cy dunn\n\n"
        "1. camp\nbook the site\n\nnext mtg thurs 7 may, 7.30, hut\n"
    ) == ["2026-05-07"]
    assert ahead(
        "CITY OF MARLOW BEND\nCITY COMMISSION MINUTES\nMarch 3, 2026\n\n"
        "1. CALL TO ORDER\nThe Mayor called the meeting to order at 6:00 p.m. and welcomed the\n"
        "members of the public who had come to hear the discussion of the new budget.\n\n"
        "2. ADJOURNMENT\nThe next Regular Meeting of the City Commission will be held on Tuesday,\n"
        "March 17, 2026 at 6:00 p.m. in the Commission Chambers of City Hall, 100 Main Street.\n"
    ) == ["2026-03-17"]
