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
