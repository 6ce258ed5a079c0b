"""Layouts of consortium and project boards (invented text).

Research consortia, cross-border projects and federations write their
steering committees' minutes in one shape: a register table of partners
with a status column ("present", "remote", "excused – substituted by …"),
"Non-voting:" participants, numbered action points ("AP5.1") owned by a
partner's number and the person's initials ("P5 (JBM)"), repeated in a
closing summary table, and the next meeting named by its number ("PSC6
will be held on 12–13.03.2015").  None of this text comes from real minutes.
"""

from __future__ import annotations

from concord.ingest import extract
from concord.ingest.extraction.dates import find_dates
from concord.ingest.extraction.names import split_owners

_MINUTES = """# TIDEWAY - Project Steering Committee

**Minutes of PSC meeting no. 3**

| | |
|---|---|
| **Date** | 14.05.2025 |
| **Time** | 10:00 - 15:30 |
| **Chair** | Prof. Dr. Hanna Lindqvist (HL, Coordinator, P1) |

## Participants

| Partner | Organisation | Representative | Attendance |
|---|---|---|---|
| P1 | University of Norrvik | Prof. Dr. Hanna Lindqvist | present |
| P2 | Centro de Estudos Costeiros | Eng. Tiago Moreira (TM) | present |
| P3 | Vestby Analytics AS | Ola Brekke (OB) | remote |
| P4 | IMC | Prof. Paolo Venturi | excused - substituted by Dr. Giulia Serra (present) |
| P5 | Hafenamt Ostkamp | Dr. Jens Albrecht (JA) | absent |

Non-voting: Dr. Maren Aas (P1, project manager); Leon Duval (observer).

## I. Opening

HL welcomed the participants.

## II. Work plan

- [ ] **AP3.1** P2 (TM) and P3 (OB) to align the sensor calibration protocols - due 30.06.2025
- [ ] **AP3.2** Coordinator (HL) to submit the amendment request to the funder - due 15.06.2025

## III. Next meeting

**PSC4** will be held on 9-10.10.2025 in Corte.

### Summary of action points

| No. | Action | Who | Due |
|---|---|---|---|
| AP3.1 | Align sensor calibration protocols | TM, OB | 30.06.2025 |
| AP3.2 | Amendment request to funder | HL | 15.06.2025 |
"""


def _record():
    return extract(_MINUTES.encode(), filename="psc3.md")


def test_a_register_of_partners_with_a_status_column_and_a_stand_in() -> None:
    people = {p.name: (p.status, p.deputising_for) for p in _record().attendance}
    assert people == {
        "Hanna Lindqvist": ("present", None),
        "Tiago Moreira": ("present", None),
        "Ola Brekke": ("present", None),
        "Paolo Venturi": ("apologies", None),
        "Giulia Serra": ("present", "Paolo Venturi"),
        "Jens Albrecht": ("absent", None),
        "Maren Aas": ("in_attendance", None),
        "Leon Duval": ("in_attendance", None),
    }


def test_numbered_action_points_owned_by_partner_codes_are_counted_once() -> None:
    actions = [(a.description, a.owners, a.due) for a in _record().actions]
    assert actions == [
        (
            "Align the sensor calibration protocols",
            ["Tiago Moreira", "Ola Brekke"],
            "2025-06-30",
        ),
        ("Submit the amendment request to the funder", ["Hanna Lindqvist"], "2025-06-15"),
    ]


def test_the_next_meeting_named_by_its_number_over_two_days() -> None:
    assert [m.date for m in _record().next_meetings] == ["2025-10-09"]


def test_a_range_of_days_is_dated_by_its_first() -> None:
    assert [f.value for f in find_dates("12-13 March 2015, or 9–10.10.2025")] == [
        "2015-03-12",
        "2025-10-09",
    ]
    # Not a range: the second day before the first.
    assert [f.value for f in find_dates("on 13-12 March 2015")] == ["2015-03-12"]


def test_a_partner_number_or_post_before_the_person_in_brackets() -> None:
    assert split_owners("P5 (JBM) and P2 (Rui Costa)") == ["JBM", "Rui Costa"]
    assert split_owners("Coordinator (HL)") == ["HL"]
    # A person with a post in brackets stays as written.
    assert split_owners("Ann Lee (Chair)") == ["Ann Lee (Chair"]


def test_titles_of_parliaments_orders_and_engineers() -> None:
    doc = (
        "VILLAGE COUNCIL\nMinutes of the meeting held on 3 March 2024\n\n"
        "Present: Hon. Marcia Doyle (Chair), The Hon. Errol Baptiste, Brother Felix Mora, "
        "Ing. Lucia Paredes, Imam Yusuf Kamara\n\n1. Welcome\nThe Chair opened the meeting.\n"
    )
    people = [(p.title, p.name) for p in extract(doc.encode(), filename="m.txt").attendance]
    assert people == [
        ("Hon", "Marcia Doyle"),
        ("Hon", "Errol Baptiste"),
        ("Br", "Felix Mora"),
        ("Ing.", "Lucia Paredes"),
        ("Imam", "Yusuf Kamara"),
    ]
