"""Attendance written as columns aligned with spaces, and "Apologies from:" (invented text).

Minutes typed in a plain editor line names and organisations up with runs of
spaces instead of tabs, and wrap a long organisation onto an indented line
under its column.  None of this text comes from real minutes.
"""

from __future__ import annotations

from concord.ingest import extract


def _people(doc: str) -> dict[str, tuple[str, str | None]]:
    record = extract(doc.encode(), filename="minutes.txt").to_dict()
    return {a["name"]: (a["status"], a["organisation"]) for a in record["attendance"]}


def test_apologies_from_after_a_list_of_those_present() -> None:
    people = _people(
        """Copperfield Allotments Association
Minutes of the meeting held on 2 May 2024

Present: Ada Voss, Ben Orr
Apologies from: Dee Knox, Eli Ward.

1. Minutes of the last meeting
Agreed.
"""
    )
    assert people["Dee Knox"] == ("apologies", None)
    assert people["Eli Ward"] == ("apologies", None)
    assert people["Ada Voss"] == ("present", None)


def test_name_and_organisation_columns_aligned_with_spaces() -> None:
    people = _people(
        """Pelham Village Hall Committee
Minutes of meeting 16-03-06

Present
Name            Organisation
Ada Voss        Pelham Parish Council
Ben Orr         Pelham WI
Cy Lamb         Friends of Pelham
                Primary School
Apologies received from:  Dee Knox

1. Roof repairs
Quotes were discussed.
"""
    )
    assert people == {
        "Ada Voss": ("present", "Pelham Parish Council"),
        "Ben Orr": ("present", "Pelham WI"),
        "Cy Lamb": ("present", "Friends of Pelham Primary School"),
        "Dee Knox": ("apologies", None),
    }


def test_space_aligned_columns_without_a_header_row() -> None:
    people = _people(
        """Minutes of the Ashcombe Safer Streets Group, 9 January 2025

Present:
   Insp. Rhea Gold       Ashcombe Police
   Tomas Fry             Ashcombe Borough Council
   Lena Marr             Ashcombe Housing Trust

1. Street lighting
The group noted the new lamps.
"""
    )
    assert people["Rhea Gold"][1] == "Ashcombe Police"
    assert people["Tomas Fry"] == ("present", "Ashcombe Borough Council")
    assert people["Lena Marr"] == ("present", "Ashcombe Housing Trust")
    assert len(people) == 3


def test_a_sentence_with_double_spaces_is_not_a_table() -> None:
    record = extract(
        b"""Minutes of the Ashcombe Safer Streets Group, 9 January 2025

Present: Tomas Fry, Lena Marr

1. Street lighting
The group noted the new lamps.  Tomas Fry to report back in March.
""",
        filename="minutes.txt",
    ).to_dict()
    assert [a["description"] for a in record["actions"]] == ["Report back in March"]
