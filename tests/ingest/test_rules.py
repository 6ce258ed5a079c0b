"""Small rules: dates, names, owners, items and decisions."""

from __future__ import annotations

from datetime import date

from concord.ingest import extract
from concord.ingest.extraction.dates import find_times, resolve_due
from concord.ingest.extraction.decisions import is_decision
from concord.ingest.extraction.items import title_and_body
from concord.ingest.extraction.names import resolve_owner, split_title

MEETING = date(2008, 9, 3)


def test_it_resolves_a_month_and_two_digit_year_timescale() -> None:
    assert resolve_due("Sept 08", MEETING) == "2008-09"


def test_it_resolves_a_month_only_due_date_against_the_meeting_year() -> None:
    assert resolve_due("in November", MEETING) == "2008-11"
    assert resolve_due("in March", MEETING) == "2009-03"


def test_it_resolves_a_numeric_british_date() -> None:
    assert resolve_due("31/10/08", MEETING) == "2008-10-31"


def test_it_resolves_by_the_next_meeting_to_the_announced_date() -> None:
    assert resolve_due("by the next meeting", MEETING, "2008-10-22") == "2008-10-22"
    assert resolve_due("by the next meeting", MEETING, None) is None


def test_it_takes_the_later_month_of_a_range() -> None:
    assert resolve_due("Sept/Oct 08", MEETING) == "2008-10"


def test_it_reads_twelve_and_twenty_four_hour_times() -> None:
    assert [t for _, t in find_times("from 9.30am until 12 noon, then 14:15")] == [
        "09:30",
        "12:00",
        "14:15",
    ]


def test_it_normalises_honorifics_into_titles() -> None:
    assert split_title("Councillor Ann Lee") == ("Cllr", "Ann Lee")
    assert split_title("Professor Li Wei") == ("Prof.", "Li Wei")
    assert split_title("Chief Inspector Mo Reid") == ("Chief Insp", "Mo Reid")
    assert split_title("Sgt Kim Hale") == ("Sgt", "Kim Hale")


def test_it_resolves_owners_only_when_unambiguous() -> None:
    people = ["Jo Bell", "Jo Carr", "Sam Hill"]
    assert resolve_owner("Sam", people) == "Sam Hill"
    assert resolve_owner("Jo", people) == "Jo"
    assert resolve_owner("JC", people) == "Jo Carr"


def test_it_splits_an_item_title_from_its_first_sentence() -> None:
    assert title_and_body("Budget – The report was noted.") == ("Budget", "The report was noted.")
    assert title_and_body("Future Plans – Planning Session") == (
        "Future Plans – Planning Session",
        "",
    )


def test_it_knows_individual_agreement_is_not_a_decision() -> None:
    assert is_decision("The Committee agreed to defer the item.")
    assert not is_decision("Jo agreed to look into it.")
    assert not is_decision("The strategy is to be approved next year.")


def test_it_does_not_read_a_sentence_as_a_numbered_item() -> None:
    record = extract(
        b"Board minutes 1 May 2024\n\n1. Apologies\n\n2. The minutes of the last meeting were approved as read.\n\n"  # noqa: E501
        b"3. Budget\n",
        filename="m.txt",
    )
    assert [i.number for i in record.items] == ["1", "3"]


def test_it_reads_an_attendance_table_with_name_and_attendance_columns() -> None:
    html = (
        b"<h1>Parish Council</h1><p>Minutes of the meeting on 2 April 2024</p>"
        b"<table><tr><th>Name</th><th>Organisation</th><th>Attendance</th></tr>"
        b"<tr><td>Cllr Ann Lee</td><td>Parish Council</td><td>Present</td></tr>"
        b"<tr><td>Bob Hart</td><td>Village Hall</td><td>Apologies</td></tr></table>"
    )
    people = extract(html, filename="m.html").attendance
    assert [(p.name, p.title, p.status) for p in people] == [
        ("Ann Lee", "Cllr", "present"),
        ("Bob Hart", None, "apologies"),
    ]


def test_it_reads_apologies_written_as_a_sentence() -> None:
    record = extract(
        b"Minutes of the Town Forum, 5 June 2024\n\nApologies for absence were received from Ann Lee and Bob Hart.\n",  # noqa: E501
        filename="m.txt",
    )
    assert [(p.name, p.status) for p in record.attendance] == [
        ("Ann Lee", "apologies"),
        ("Bob Hart", "apologies"),
    ]
