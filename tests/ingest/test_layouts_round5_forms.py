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
