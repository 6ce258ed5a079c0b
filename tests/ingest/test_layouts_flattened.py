"""Short pages flattened onto one line, "Ex Officio:" and "APOLOGIES FROM:" (invented text).

A converter that loses line breaks leaves a whole short set of minutes on
one line; the cues a reader uses (capitals headings, attendance labels,
item numbers 1, 2, 3) still cut it.  None of this text comes from real
minutes.
"""

from __future__ import annotations

from concord.ingest import extract


def _record(doc: str) -> dict:
    return extract(doc.encode(), filename="minutes.txt").to_dict()


def test_a_short_flattened_page_is_cut_at_its_cues() -> None:
    record = _record(
        "NORTHGATE COMMUNITY PARTNERSHIP MINUTES OF THE MEETING HELD ON 7 OCTOBER 2020\n"
        "PRESENT: Cllr Dora Penn (Chair), Hal Cruz (Police), Yusuf Amin (Health Trust). "
        "Ex Officio: Mo Tate. APOLOGIES FROM: Bea Lund. 1. MINUTES OF THE LAST MEETING "
        "The minutes were approved. 2. YOUTH PROVISION Hal Cruz to contact the youth "
        "service about Friday sessions. 3. ANY OTHER BUSINESS None.\n"
    )
    people = {a["name"]: a["status"] for a in record["attendance"]}
    assert people == {
        "Dora Penn": "present",
        "Hal Cruz": "present",
        "Yusuf Amin": "present",
        "Mo Tate": "present",
        "Bea Lund": "apologies",
    }
    assert [i["number"] for i in record["items"]] == ["1", "2", "3"]
    assert [(a["description"], a["owners"]) for a in record["actions"]] == [
        ("Contact the youth service about Friday sessions", ["Hal Cruz"])
    ]


def test_mixed_case_labels_on_a_flattened_line() -> None:
    record = _record(
        "Minutes of the Eastmoor Tenants Group, 14 March 2023\n"
        "Present - Gil Noor, Pam Reyes, Otis Kerr. Apologies: Uma Flint. 1. Welcome "
        "The chair welcomed everyone. 2. Repairs Otis Kerr to collect the repair "
        "reports from each block. 3. Date of next meeting 11 April 2023.\n"
    )
    people = {a["name"]: a["status"] for a in record["attendance"]}
    assert people == {
        "Gil Noor": "present",
        "Pam Reyes": "present",
        "Otis Kerr": "present",
        "Uma Flint": "apologies",
    }
    assert [i["number"] for i in record["items"]] == ["1", "2", "3"]


def test_an_ordinary_paragraph_of_that_length_is_left_whole() -> None:
    para = (
        "The group discussed the repairs to the play area at length. Members felt that "
        "the new surface was an improvement, although two parents had written to say "
        "that the gate still did not close properly. The council has been told twice "
        "and a third letter will follow if nothing is done by the spring."
    )
    record = _record(f"Minutes of the Eastmoor Tenants Group, 14 March 2023\n\n{para}\n")
    assert record["items"] == []
    assert record["attendance"] == []


def test_a_council_page_flattened_with_minute_references() -> None:
    doc = (
        "HARROWFIELD BOROUGH COUNCIL COMMUNITY SAFETY ADVISORY BOARD MINUTES Tuesday, 1st April, "
        "2014 Present: Cllr J A Orme (Chairman), Cllr O C Pask and Cllr D Sim. Ms A Tate (Kent "
        "Police) and Mr B Ulm (Fire and Rescue Service). Councillors M Wynn and S Yarrow were also "
        "present pursuant to Council Procedure Rule No 15.21. Apologies for absence were received "
        "from Councillors P Zeal and F Abel. CSA 14/1 DECLARATIONS OF INTEREST There were no "
        "declarations of interest. CSA 14/2 MINUTES RESOLVED: That the notes of the meeting held "
        "on 4 March 2014 be approved as a correct record. CSA 14/3 PARTNERSHIP PLAN The Board "
        "noted the report.\n"
    )
    record = extract(doc.encode(), filename="minutes.txt").to_dict()
    assert {a["name"]: a["status"] for a in record["attendance"]} == {
        "J A Orme": "present",
        "O C Pask": "present",
        "D Sim": "present",
        "A Tate": "present",
        "B Ulm": "present",
        "M Wynn": "in_attendance",
        "S Yarrow": "in_attendance",
        "P Zeal": "apologies",
        "F Abel": "apologies",
    }
    assert [(i["number"], i["title"]) for i in record["items"]] == [
        ("CSA 14/1", "DECLARATIONS OF INTEREST"),
        ("CSA 14/2", "MINUTES"),
        ("CSA 14/3", "PARTNERSHIP PLAN"),
    ]
    assert record["decisions"][0].startswith("That the notes of the meeting")


def test_items_and_sub_items_told_on_inside_bulleted_running_text() -> None:
    doc = (
        "MINUTES OF ASHCOTE PARISH COUNCIL MEETING HELD ON 4 MAY 2020 Present: Cllr Dan Lowe "
        "– Chairman, Cllr Mary Cane, Cllr Ian Mace. 1. Apologies for Absence: Cllr Mick Pike. "
        "2. No declarations of Interest made 3. Approval of Minutes: The minutes were accepted "
        "as a true record. 4. Reports 4.1 Chairman’s Report • Noted that bollards have been "
        "installed. 4.2 Clerk’s Report • Written report submitted with agenda. 5. Planning "
        "Applications: none received. 6. Other Reports – for information only: • Dog fouling "
        "remains an issue.\n"
    )
    items = [(i.number, i.title) for i in extract(doc.encode(), filename="p.txt").items]
    assert items == [
        ("1", "Apologies for Absence"),
        ("2", "No declarations of Interest made"),
        ("3", "Approval of Minutes"),
        ("4", "Reports"),
        ("5", "Planning Applications"),
        ("6", "Other Reports – for information only"),
    ]
