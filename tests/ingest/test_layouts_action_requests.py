"""Tasks set by a request tagged as an action, and checklist entries that
mention their owner by full name (invented text)."""

from __future__ import annotations

from concord.ingest import extract

BOARD = """Riverbend Homes – Board meeting, 12 May 2026

Present: Ann Hale (Chair), Bo Dent, Cy Marsh (Director of Finance)

1  Finance
The Board asked that a cash-flow forecast be brought to the July meeting. (Action: CM)
"""

NOTES = """# Allotment group notes – 4 March 2026

Present: Ann Hale, Bo Dent

## Tasks

- [ ] @Ann Hale — order the new water butts for the top plots
- [ ] @Bo — book the hall for the plant sale
"""


def test_a_request_tagged_as_an_action_reads_as_its_task() -> None:
    actions = extract(BOARD.encode(), filename="m.txt").to_dict()["actions"]
    assert [(a["description"], a["owners"]) for a in actions] == [
        ("Bring a cash-flow forecast to the July meeting", ["Cy Marsh"])
    ]


def test_a_mention_by_full_name_leaves_no_surname_in_the_task() -> None:
    actions = extract(NOTES.encode(), filename="m.md").to_dict()["actions"]
    assert [(a["description"], a["owners"]) for a in actions] == [
        ("Order the new water butts for the top plots", ["Ann Hale"]),
        ("Book the hall for the plant sale", ["Bo Dent"]),
    ]


AGM = """# Millbrook Cycling Club AGM – 9 May 2026

Present: Ann Hale (Chair), Bo Dent (Treasurer), 23 members

## Any other business

- Club hut: Bo said the roof had been patched again and the committee would get quotes for a new roof before the winter — **action: committee, by October 2026**.
- Kit: the club will be ordering new jerseys later — **action: Ann Hale**.
"""  # noqa: E501


def test_an_owner_after_an_action_tag_takes_the_task_told_before_it() -> None:
    actions = extract(AGM.encode(), filename="agm.md").to_dict()["actions"]
    found = [(a["description"], a["owners"], a["due"]) for a in actions]
    assert ("Get quotes for a new roof before the winter", ["committee"], "2026-10") in found
    # "will be ordering" tells what is happening, not what someone will do.
    assert not any(d.startswith("Be ") for d, _, _ in found)
