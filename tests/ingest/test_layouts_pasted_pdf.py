"""Minutes pasted from a PDF into a text file (invented text).

The text keeps the PDF's line breaks: a heading's date cut before its year,
and a list of people with their posts in a hanging indent, each entry
starting a line however long the entry above it ran.
"""

from __future__ import annotations

from concord.ingest import extract
from concord.ingest.readers.wrapping import unwrap

MINUTES = """NORTHDALE CITY COUNCIL

ADULT SOCIAL CARE SCRUTINY PANEL

MINUTES of a meeting of the Adult Social Care Scrutiny Panel held in
Committee Room 1, Northdale Civic Centre on Wednesday, 9 September
2026 at 2.00 pm

PRESENT:    Councillor Ann Hale (Chair) – Lead Member for Adult Services
            Councillor Bo Dent – Member for Riverside and Docks
            Cy Marsh – Assistant Director of Commissioning Services
            Di Okoro – Head of Safeguarding, Northdale Partnership
            Ed Vance – Healthwatch Northdale

21.   DECLARATIONS OF INTEREST

      None were declared at the meeting by any member of the panel
      in respect of any item on the agenda for this meeting.
"""


def test_a_date_cut_before_its_year_is_joined() -> None:
    record = extract(MINUTES.encode(), filename="minutes.txt").to_dict()
    assert record["date"] == "2026-09-09"
    assert record["start_time"] == "14:00"


def test_each_person_and_post_starts_a_line_of_its_own() -> None:
    lines = [ln.rstrip() for ln in MINUTES.splitlines()]
    joined = unwrap(lines)
    assert "            Cy Marsh – Assistant Director of Commissioning Services" in joined
    assert "            Di Okoro – Head of Safeguarding, Northdale Partnership" in joined


def test_only_a_year_after_a_day_and_month_is_joined() -> None:
    assert unwrap(["Held on Monday 9 September", "2026 at 2 pm"]) == [
        "Held on Monday 9 September 2026 at 2 pm"
    ]
    kept = ["The budget for the year was agreed", "2026 figures follow."]
    assert unwrap(kept) == kept


def test_a_post_with_and_or_a_comma_is_one_person() -> None:
    people = extract(MINUTES.encode(), filename="minutes.txt").to_dict()["attendance"]
    names = {p["name"] for p in people}
    assert {"Bo Dent", "Di Okoro", "Ed Vance"} <= names
    assert "Docks" not in names and "Northdale Partnership" not in names


ITEMS = """14.   LIBRARY OPENING HOURS

      The panel considered the consultation on opening hours.

      RESOLVED – That

      (i)   the report be received;

      (ii)  the new opening hours be recommended to Cabinet for adoption on 3
            November 2026 and that the panel support, in principle, a trial
            of Sunday opening at the Market Street central

Northdale City Council – Adult Social Care Scrutiny Panel      Page 2 of 5
Chair's initials ..........

            library from January 2027.

15.   ANY OTHER BUSINESS

      None.
"""


def test_a_page_footer_inside_a_resolution_goes_and_the_parts_read_as_that_clauses() -> None:
    decisions = extract(ITEMS.encode(), filename="minutes.txt").to_dict()["decisions"]
    assert decisions[0] == "That the report be received."
    assert decisions[1].startswith("That the new opening hours be recommended to Cabinet")
    assert "adoption on 3 November 2026" in decisions[1]
    assert decisions[1].endswith("at the Market Street central library from January 2027.")
    assert not any("Page 2" in d or "initials" in d for d in decisions)


LABELS = """NORTHDALE CITY COUNCIL

Minutes of the Licensing Committee held on 2 June 2026 at 10.00 am

PRESENT:    Councillor Ann Hale (Chair), Councillor Bo Dent

ALSO IN     Cy Marsh – Licensing Manager
ATTENDANCE: Di Okoro – Solicitor to the Council

1.    APOLOGIES

      None.
"""


def test_a_label_wrapped_over_two_lines_of_its_column_is_one_label() -> None:
    people = extract(LABELS.encode(), filename="minutes.txt").to_dict()["attendance"]
    status = {p["name"]: p["status"] for p in people}
    assert status.get("Cy Marsh") == "in_attendance"
    assert status.get("Di Okoro") == "in_attendance"


def test_a_word_cut_by_a_hyphen_is_whole_when_the_text_spells_it_whole() -> None:
    lines = [
        "The plan was submitted in May and the pilot will be extended borough-",
        "wide. The plan, as sub-",
        "mitted, was agreed.",
    ]
    assert unwrap(lines) == [
        "The plan was submitted in May and the pilot will be extended borough-wide. "
        "The plan, as submitted, was agreed."
    ]
