"""Markdown checklists and @names as actions (invented text).

Notes kept in wikis and issue trackers record a meeting's tasks as a
checklist ("- [ ] …", "* [x] …"), naming the owner with an @name, a
"Name:" prefix or "Name to …".  None of this text comes from real minutes.
"""

from __future__ import annotations

from concord.ingest import extract


def _actions(doc: str, name: str = "notes.md") -> list[tuple[str, list[str]]]:
    record = extract(doc.encode(), filename=name).to_dict()
    return [(a["description"], a["owners"]) for a in record["actions"]]


def test_checklist_entries_are_actions_with_their_owners() -> None:
    actions = _actions(
        """# Kestle Allotment Society committee, 3 March 2024

Present: Wren Abbot, Cato Lyle, Ines Morrow

## 1. Water troughs
- [ ] @Cato chase the plumber about the leaking trough
- [x] Ines: put the new rota on the noticeboard
- [ ] Wren to order two more water butts

## 2. Any other business
Nothing was raised.
"""
    )
    assert ("Chase the plumber about the leaking trough", ["Cato Lyle"]) in actions
    assert ("Put the new rota on the noticeboard", ["Ines Morrow"]) in actions
    assert ("Order two more water butts", ["Wren Abbot"]) in actions
    assert len(actions) == 3


def test_checklist_variants_star_bullets_trailing_and_several_names() -> None:
    actions = _actions(
        """Minutes of the Dunmere Youth Club trustees, 12 June 2023

Attendees: Piet Horne, Asha Brill, Rolf Ekwall

* [ ] Book the minibus for the summer trip @Asha
* [X] @Piet @Rolf renew the first aid certificates
* [ ] review the safeguarding policy before September
"""
    )
    assert ("Book the minibus for the summer trip", ["Asha Brill"]) in actions
    assert ("Renew the first aid certificates", ["Piet Horne", "Rolf Ekwall"]) in actions
    assert any(d.startswith("Review the safeguarding policy") and o == [] for d, o in actions)
    assert len(actions) == 3


def test_a_checklist_is_not_read_twice_and_plain_bullets_stay_notes() -> None:
    actions = _actions(
        """Tollgate Residents Panel, 5 May 2022

Present: Mina Roe, Jory Platt

Notes:
- The bus shelter was repaired last week.
- Residents liked the new benches.

Tasks:
- [ ] Jory to ask the council about the bus timetable
"""
    )
    assert actions == [("Ask the council about the bus timetable", ["Jory Platt"])]
