"""Layouts of foundations', working groups' and societies' minutes published as
Markdown or HTML pages (invented text).

A page's front matter may be the only place the meeting is dated; an agenda
table may count minutes into the meeting ("0", "5", "10") beside its topics
while the minutes number the items 1, 2, 3; a participants list gives each
person's company and membership in brackets; a heritage network numbers its
items "1.0.", "2.0.".  None of this text comes from real minutes.
"""

from __future__ import annotations

from concord.ingest import extract

_SIG = """---
SIG: Policy and Compliance SIG
Document type: Minutes
Date: 2026-08-10
---

## Agenda
| Min | Topic | Moderator |
| --: | ----- | --- |
|   0 | Approve previous minutes | Ciara |
|   5 | Plan for the deliverables list | Ciara |
|  10 | Logging standard | Ciara |

## Participants

- Stefan Hale, Individual (Voting Member)
- Feng Cho, Oracle (Voting Member)
- Omar Sayed, Cisco Systems (Chair)
- Duncan Spar, Spar Consulting LLC (Member)

## Minutes
1. **Approve previous minutes**.
The minutes of the previous meeting were approved without objection.

2. **Plan for the deliverables list**.
Discussed.

3. **Logging standard**.
Noted.
"""


def test_a_front_matter_date_when_the_minutes_give_none() -> None:
    assert extract(_SIG.encode(), filename="sig.md").date == "2026-08-10"


def test_an_agenda_tables_minutes_into_the_meeting_are_not_item_numbers() -> None:
    items = [(i.number, i.title) for i in extract(_SIG.encode(), filename="sig.md").items]
    assert items == [
        ("1", "Approve previous minutes"),
        ("2", "Plan for the deliverables list"),
        ("3", "Logging standard"),
    ]


def test_participants_with_their_company_and_membership() -> None:
    people = {
        p.name: (p.organisation, p.role)
        for p in extract(_SIG.encode(), filename="sig.md").attendance
    }
    assert people == {
        "Stefan Hale": ("Individual (Voting Member)", None),
        "Feng Cho": ("Oracle (Voting Member)", None),
        "Omar Sayed": ("Cisco Systems", "chair"),
        "Duncan Spar": ("Spar Consulting LLC (Member)", None),
    }


def test_items_numbered_one_point_nought_with_a_stop() -> None:
    doc = (
        "<html><body><p>Heritage Network meeting, 14 April 2008</p>"
        "<p>1.0. Welcome</p><p>Ann welcomed everyone.</p><p>2.0. Apologies</p><p>None.</p>"
        "<p>3.0. Minutes from last meeting</p><p>Agreed.</p></body></html>"
    )
    items = [(i.number, i.title) for i in extract(doc.encode(), filename="n.htm").items]
    assert items == [("1.0", "Welcome"), ("2.0", "Apologies"), ("3.0", "Minutes from last meeting")]


def test_actions_struck_through_when_done_and_owned_by_initials_after_the_label() -> None:
    doc = (
        "Date and time: 2020-04-07 15:00UTC\n\n# Action items\n\n"
        "1. ~DH: pull out the list of people who filled in the survey.~\n"
        "1. ~~JB: add a brief note to the docs.~~\n\n# Minutes\n\n"
        "Present: Lewis Mitchel, David Hamm, Jack Betts\n\n## Survey\n\n"
        "Action DH: intersect with the new publications list.\n"
    )
    actions = [(a.description, a.owners) for a in extract(doc.encode(), filename="f.md").actions]
    assert actions == [
        ("Pull out the list of people who filled in the survey", ["David Hamm"]),
        ("Add a brief note to the docs", ["Jack Betts"]),
        ("Intersect with the new publications list", ["David Hamm"]),
    ]


def test_attendees_named_by_their_account_handles() -> None:
    doc = (
        "# API Working Group\n\n## Date: 2020-03-09\n\n### Attendees\n\n"
        "* **@nornagon**\n* **@zcbenz**\n* **@codebytere**\n\n### Followup\n\n* Extensions API\n"
    )
    people = [(p.name, p.status) for p in extract(doc.encode(), filename="api.md").attendance]
    assert people == [("nornagon", "present"), ("zcbenz", "present"), ("codebytere", "present")]
    # One word alone under the heading is a note, not a person.
    lone = "# Board\n\n## Attendees\n\n- quorate\n\n## Budget\n\nAgreed.\n"
    assert extract(lone.encode(), filename="b.md").attendance == []
