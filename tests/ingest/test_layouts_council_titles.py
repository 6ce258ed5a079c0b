"""Councillors of other tiers and of councils overseas, and apologies told
inside the first minute (invented text).

"District Cllr" and "County Cllr" (English parishes hear from the tiers
above), "Councilmember" and "Mayor Pro Tem" (US cities), "Cr" and "Crs"
(Australia and New Zealand) are titles, not parts of a name; "Apologies
(consent given):" is a heading with a note; "Apologies were received and
accepted from …" opens a list in sentence form.  None of this text comes
from real minutes.
"""

from __future__ import annotations

from concord.ingest import extract
from concord.ingest.extraction.attendees import parse_entry


def _people(doc: str) -> dict[str, tuple[str, str | None]]:
    record = extract(doc.encode(), filename="minutes.txt").to_dict()
    return {a["name"]: (a["status"], a["title"]) for a in record["attendance"]}


PARISH = """BRAMLEY STOKE PARISH COUNCIL

Minutes of the Meeting of the Parish Council held on Monday 7th April 2025
at 7.00pm in the Reading Room, Bramley Stoke

Present:      Cllr P. Hooper (Chairman)
              Cllr N. Adeyemi
              Cllr G. Stott

In attendance: Mr Ian Wolsey (Clerk)
               Borough Cllr Fay Quinnell

25/014  APOLOGIES FOR ABSENCE
Apologies were received and accepted from Cllr K. Ryle (holiday) and
County Cllr B. Amis.

25/015  MINUTES
RESOLVED that the minutes of the March meeting be signed.
"""


def test_titles_of_other_tiers_and_apologies_in_the_first_minute() -> None:
    people = _people(PARISH)
    assert people["Fay Quinnell"] == ("in_attendance", "Borough Cllr")
    assert people["K. Ryle"] == ("apologies", "Cllr")
    assert people["B. Amis"] == ("apologies", "County Cllr")
    assert people["Ian Wolsey"][0] == "in_attendance"
    assert len(people) == 7


def test_a_heading_with_a_note_in_brackets() -> None:
    people = _people(
        "Minutes of the Governing Board, 3 March 2025\n\n"
        "Governors present: Mr Ali Shah (Chair), Mrs Dot Pym\n"
        "Apologies (consent given): Mr Lew Carr (Parent Governor)\n"
        "Absent (no apologies): Ms Ros Vane\n\n"
        "Item 1. Welcome\nThe Chair opened the meeting.\n"
    )
    assert people["Lew Carr"][0] == "apologies"
    assert people["Ros Vane"][0] == "absent"


def test_councils_overseas_write_titles_before_names() -> None:
    found = parse_entry("Mayor Jo Vance; Councilmembers Al Ruiz and Kim Park", "present")
    assert [(p.name, p.title) for p in found][:2] == [
        ("Jo Vance", "Mayor"),
        ("Al Ruiz", "Councilmember"),
    ]
    assert [p.name for p in found] == ["Jo Vance", "Al Ruiz", "Kim Park"]
    assert [(p.name, p.title) for p in parse_entry("Cr Tia Moana", "present")] == [
        ("Tia Moana", "Cr")
    ]
    assert parse_entry("Mayor Pro Tem Ned Lowe", "present")[0].name == "Ned Lowe"
