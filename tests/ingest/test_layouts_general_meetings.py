"""A general meeting's numbered resolutions and the meetings it fixes ahead
(invented text).

An AGM lists its resolutions by number with the vote on the same line;
the decision is the resolution and its outcome, not the count.  "The July
meeting would be held on …" and "the next AGM is expected to be held in
late June 2027" fix meetings ahead of the one minuted.
"""

from __future__ import annotations

from concord.ingest import extract

AGM = """# Orchard Lane Allotment Co-operative – Annual General Meeting

Held on Saturday 20 June 2026 at 2.00 pm in the Scout Hut, Orchard Lane.

**Present:** 31 members.

## Formal business

**Resolution 1:** To receive the accounts for 2025/26. *Carried (for 29, against 0, abstain 2).*

**Resolution 2 (special):** To change rule 7 so that plots may be shared. This needed a two-thirds majority. *Carried (for 25, against 4, abstain 2).*

**Resolution 3:** To raise the plot rent by 10%. *Defeated (for 8, against 21).*

**Ordinary resolution 4:** To appoint Kay Ash as auditor. *Carried unanimously.*

## Any other business

It was agreed that the September meeting would be held on Saturday 19th September 2026.
The 2027 AGM is expected to be held in late June 2027.
"""  # noqa: E501


def _record() -> dict:
    return extract(AGM.encode(), filename="agm.md").to_dict()


def test_numbered_resolutions_with_their_votes_are_decisions() -> None:
    decisions = _record()["decisions"]
    assert "Resolution 1: To receive the accounts for 2025/26. Carried." in decisions
    assert (
        "Resolution 2 (special): To change rule 7 so that plots may be shared. Carried."
        in decisions
    )
    assert "Ordinary resolution 4: To appoint Kay Ash as auditor. Carried unanimously." in decisions


def test_a_defeated_resolution_is_no_decision() -> None:
    assert not any("plot rent" in d for d in _record()["decisions"])


def test_a_month_named_meeting_and_an_expected_agm_are_meetings_ahead() -> None:
    dates = [m["date"] for m in _record()["next_meetings"]]
    assert dates == ["2026-09-19", "2027-06"]


NOTES = """# Hilltop Orchard group – notes, 3 March 2026

Where: the barn · When: 7–9 pm

Present: Ann Hale, Bo Dent, Cy Marsh

## 1. Last notes

On the proposal of Ann Hale, seconded by Bo Dent, the minutes of the February meeting were confirmed.

## 2. Cider press

Vote on buying a second-hand press for £400: 5 for, 1 against, 1 abstention — the press will be bought.

Vote on opening on Sundays: 2 for, 4 against.
"""  # noqa: E501


def test_a_vote_told_by_its_count_and_minutes_confirmed_are_decisions() -> None:
    decisions = extract(NOTES.encode(), filename="notes.md").to_dict()["decisions"]
    assert "The minutes of the February meeting were confirmed." in decisions
    assert any(d.startswith("Vote on buying a second-hand press") for d in decisions)
    assert not any("Sundays" in d for d in decisions)
