"""Layouts met in council, school, health and charity minutes (invented text).

Each test names one way of writing minutes that the first fixtures did not
show, and checks the part of the record it affects.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from concord.ingest import extract

LAYOUTS = Path(__file__).parent / "layouts"


def _record(text: str) -> dict:
    return extract(text.encode(), filename="minutes.txt").to_dict()


@pytest.fixture(scope="module")
def panel() -> dict:
    return _record((LAYOUTS / "wrenfold_scrutiny_panel.txt").read_text())


@pytest.fixture(scope="module")
def trustees() -> dict:
    return _record((LAYOUTS / "willows_trustees.txt").read_text())


def _people(record: dict) -> dict[str, dict]:
    return {a["name"]: a for a in record["attendance"]}


def test_a_plural_honorific_gives_each_name_in_the_list_its_title(panel: dict) -> None:
    people = _people(panel)
    for name in ("T. Brill", "S. Okafor", "P. Lindqvist", "M. Dunmore"):
        assert people[name]["title"] == "Cllr"
        assert people[name]["status"] == "present"
    assert people["M. Dunmore"]["role"] == "vice_chair"
    assert "Councillors T. Brill" not in people


def test_apologies_in_a_sentence_and_a_substitute_in_the_next(panel: dict) -> None:
    people = _people(panel)
    assert people["F. Greaves"]["status"] == "apologies"
    assert people["L. Moss"]["status"] == "apologies"
    assert people["H. Pryor"]["status"] == "present"
    assert people["H. Pryor"]["deputising_for"] == "L. Moss"


def test_an_attendee_who_agreed_to_do_something_owns_an_action(panel: dict) -> None:
    by_owner = {tuple(a["owners"]): a for a in panel["actions"]}
    action = by_owner[("Karen Doyle",)]
    assert action["due"] == "2023-06-13"  # "before the next meeting"


def test_council_minute_references_resolutions_and_closing_time(panel: dict) -> None:
    assert [i["number"] for i in panel["items"]][:2] == ["23/045", "23/046"]
    assert "That the summer plan be endorsed." in panel["decisions"]
    assert (panel["start_time"], panel["end_time"]) == ("18:30", "20:05")


def test_labels_on_one_line_give_date_time_and_venue(trustees: dict) -> None:
    assert trustees["date"] == "2021-05-11"
    assert trustees["start_time"] == "19:00"
    assert trustees["venue"] == "Zoom"


def test_roles_in_brackets_on_a_comma_separated_line(trustees: dict) -> None:
    people = _people(trustees)
    assert people["Maria Gonzales"]["role"] == "chair"
    assert people["Dev Sharma"]["organisation"] == "Treasurer"
    assert people["Harriet Crane"]["status"] == "apologies"
    assert people["Bea Norton"]["status"] == "in_attendance"


def test_initials_own_actions_and_this_month_is_the_meeting_month(trustees: dict) -> None:
    assert {
        "description": "Arrange the transfer this month",
        "owners": ["Dev Sharma"],
        "due": "2021-05",
    } in trustees["actions"]


def test_reviewed_and_approved_is_a_decision(trustees: dict) -> None:
    assert "The safeguarding policy was reviewed and approved." in trustees["decisions"]


def test_an_announcement_in_the_future_tense_is_not_an_action(trustees: dict) -> None:
    assert not any("step down" in a["description"] for a in trustees["actions"])


def test_a_markdown_table_of_actions_is_read_as_a_table() -> None:
    text = (
        "Minutes of the Allotments Committee held on 3 March 2024\n\n"
        "Present: Rosa Penn (Chair), Joe Tal, Mia Hart\n\n"
        "| Action | Who | When |\n"
        "|---|---|---|\n"
        "| Repair the north gate | JT | April 2024 |\n"
        "| Order compost for the shared beds | Mia Hart | 30/03/2024 |\n"
    )
    record = _record(text)
    assert record["actions"] == [
        {"description": "Repair the north gate", "owners": ["Joe Tal"], "due": "2024-04"},
        {
            "description": "Order compost for the shared beds",
            "owners": ["Mia Hart"],
            "due": "2024-03-30",
        },
    ]


def test_a_word_file_with_a_roll_call_table_and_heading_items(tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.add_heading("Elmstead Housing Association", 0)
    doc.add_paragraph("Audit and Risk Committee")
    doc.add_paragraph("Minutes of meeting: 7 June 2024, 2.00pm – 3.45pm")
    doc.add_paragraph("Location: Room 4, Elmstead Court and via Teams")
    doc.add_heading("Attendance", 1)
    table = doc.add_table(rows=1, cols=3)
    for cell, label in zip(table.rows[0].cells, ("Name", "Role", "Attendance"), strict=True):
        cell.text = label
    for row in (
        ("Gina Forde", "Committee Chair", "Present"),
        ("Raj Mistry", "Independent Member", "Present"),
        ("Olu Bankole", "Board Member", "Apologies"),
        ("Hana Stott", "Director of Finance", "In attendance"),
    ):
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    doc.add_heading("1. Internal audit progress", 1)
    doc.add_paragraph("Action: GF to add the data protection review to the plan – September 2024")
    doc.add_heading("2. Risk register", 1)
    doc.add_paragraph("HS will bring a cyber assurance update to the next meeting.")
    doc.add_paragraph("The next meeting will be on 13 September 2024 at 2pm.")
    path = tmp_path / "audit.docx"
    doc.save(str(path))

    record = extract(path).to_dict()
    assert record["body"] == "Elmstead Housing Association Audit and Risk Committee"
    assert (record["start_time"], record["end_time"]) == ("14:00", "15:45")
    assert record["venue"] == "Room 4, Elmstead Court and via Teams"
    people = _people(record)
    assert people["Gina Forde"]["role"] == "chair"
    assert people["Olu Bankole"]["status"] == "apologies"
    assert people["Hana Stott"]["organisation"] == "Director of Finance"
    assert [i["title"] for i in record["items"]] == ["Internal audit progress", "Risk register"]
    assert record["actions"] == [
        {
            "description": "Add the data protection review to the plan",
            "owners": ["Gina Forde"],
            "due": "2024-09",
        },
        {
            "description": "Bring a cyber assurance update to the next meeting",
            "owners": ["Hana Stott"],
            "due": "2024-09-13",
        },
    ]


def test_a_council_web_page_with_resolutions_in_a_list() -> None:
    record = extract(LAYOUTS / "wellbeing_board.html").to_dict()
    assert record["body"] == "Health and Wellbeing Board"
    assert record["venue"] == "Committee Room 2, Harrow Lane Civic Offices"
    people = _people(record)
    assert people["Joanna Pike"]["role"] == "chair"
    assert people["Sam Okoro"]["role"] == "vice_chair"
    assert people["Lee Grady"]["title"] == "Supt"
    assert people["Priti Shah"]["status"] == "in_attendance"
    assert people["Fiona Lam"]["status"] == "apologies"
    assert people["Hugh Barnes"]["deputising_for"] == "Fiona Lam"
    assert [i["number"] for i in record["items"]] == ["34", "35", "36", "37", "38"]
    assert "That the draft priorities be agreed for consultation." in record["decisions"]
    assert record["actions"] == [
        {
            "description": "Circulate the draft assessment to members",
            "owners": ["Priti Shah"],
            "due": "2024-02-29",
        }
    ]
    assert record["next_meetings"] == [{"date": "2024-03-13", "time": "14:00", "venue": None}]
