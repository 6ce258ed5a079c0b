"""Invented minutes in varied layouts give the records we wrote down for them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from concord.ingest import extract

FIXTURES = Path(__file__).parent / "fixtures"
DOCUMENTS = sorted(p for p in FIXTURES.iterdir() if p.is_file())


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_it_extracts_the_expected_record_from_each_fixture(path: Path) -> None:
    expected = json.loads((FIXTURES / "expected" / f"{path.stem}.json").read_text())
    assert extract(path).to_dict() == expected


def _record(name: str) -> dict:
    return extract(FIXTURES / name).to_dict()


def test_it_reads_a_chair_marker_and_a_deputy_from_one_person_per_line() -> None:
    record = _record("riverside_board.txt")
    by_name = {a["name"]: a for a in record["attendance"]}
    assert by_name["Marion Oakes"]["role"] == "chair"
    assert by_name["Marion Oakes"]["title"] == "Cllr"
    assert by_name["Priya Lakeman"]["deputising_for"] == "Owen Strand"
    assert by_name["Priya Lakeman"]["organisation"] == "Riverside Housing Group"
    assert by_name["Lena Fairweather"]["status"] == "in_attendance"


def test_it_reads_the_time_range_and_venue_after_the_date() -> None:
    record = _record("riverside_board.txt")
    assert (record["start_time"], record["end_time"]) == ("14:00", "16:00")
    assert record["venue"] == "Riverside Civic Centre, Mill Lane"


def test_it_turns_an_agreed_passive_task_into_an_action() -> None:
    actions = _record("riverside_board.txt")["actions"]
    assert {
        "description": "Send a letter of thanks to the outgoing chief executive",
        "owners": [],
        "due": None,
    } in actions


def test_it_reads_minute_references_and_resolved_paragraphs() -> None:
    record = _record("northbrook_trust_board.txt")
    assert [i["number"] for i in record["items"]] == [
        "24/031",
        "24/032",
        "24/033",
        "24/034",
        "24/035",
    ]
    assert "That the winter plan be approved." in record["decisions"]
    assert "That the report be noted." in record["decisions"]


def test_it_attaches_an_action_marker_at_the_end_of_a_paragraph_to_its_last_sentence() -> None:
    actions = _record("northbrook_trust_board.txt")["actions"]
    assert actions[0]["owners"] == ["Ruth Vale"]
    assert actions[0]["due"] == "2024-11-14"  # "the next meeting", announced later


def test_it_reads_a_roll_call_with_a_status_after_each_name() -> None:
    statuses = {a["name"]: a["status"] for a in _record("oakfield_governors.md")["attendance"]}
    assert statuses["Amira Quinn"] == "apologies"
    assert statuses["Colin Hatch"] == "absent"
    assert statuses["Grace Holloway"] == "present"
    assert statuses["Sally Penrose"] == "in_attendance"


def test_it_reads_a_comma_separated_attendance_line_and_initials_at_paragraph_ends() -> None:
    record = _record("hollybrook_trustees.txt")
    assert [a["name"] for a in record["attendance"] if a["status"] == "present"] == [
        "Rachel Dunn",
        "Samuel Ortega",
        "Keira Patel",
        "Tom Whitby",
        "Nadia Fenwick",
    ]
    assert record["actions"][0]["owners"] == ["Keira Patel"]
    assert record["actions"][0]["due"] == "2025-02-28"
    assert record["actions"][1]["owners"] == ["Samuel Ortega"]


def test_it_reads_an_html_action_table_with_who_and_by_when_columns() -> None:
    record = _record("westvale_action_notes.html")
    assert record["kind"] == "action_notes"
    assert record["actions"][0]["owners"] == ["Hannah Ridley"]
    assert record["actions"][0]["due"] == "2025-07"
    assert record["actions"][1]["due"] == "2025-07-17"


def test_it_reads_outstanding_actions_and_names_on_separate_lines() -> None:
    record = _record("ashcombe_outstanding.txt")
    assert record["actions"][:2] == [
        {
            "description": "Refresh the anti-social behaviour hotspot map",
            "owners": ["Gareth Lowe"],
            "due": "2024-11-30",
        },
        {
            "description": "Update the partnership risk register",
            "owners": ["Nora Castell"],
            "due": "2024-12",
        },
    ]
    assert record["attendance"][1]["title"] == "Insp"
    assert record["attendance"][1]["organisation"] == "Eastshire Police"
    assert [m["date"] for m in record["next_meetings"]] == ["2025-01-14", "2025-04-08"]
