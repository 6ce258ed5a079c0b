"""Decisions told in ways the meeting's own act can be told apart from (invented text).

"It was again agreed", "deferred to the next meeting" and a motion's
outcome are decisions; a motion put ("Proposed: That …"), background in the
past perfect ("standards that had been adopted elsewhere") and one office
holder's undertaking ("The Chair … agreed to look into it") are not.  None
of this text comes from real minutes.
"""

from __future__ import annotations

from concord.ingest import extract
from concord.ingest.extraction.decisions import is_decision


def _decisions(doc: str) -> list[str]:
    return extract(doc.encode(), filename="minutes.txt").to_dict()["decisions"]


MINUTES = """Elmstead Village Hall Committee
Minutes of the meeting held on 2 May 2024

Present: Joy Ashe (Chair), Raj Tull, Bea Venn

1. Minutes
Proposed: That the minutes of the meeting held on 4 April 2024 are hereby adopted and approved.
The minutes were approved by all members present.

2. Heating
Members asked if the hall could use the heating contract that had been adopted by the school.
The Chair was worried that the committee's budget was tight but agreed to look into it.

3. Future meetings
It was again agreed that meetings would be held every two months.
The review of the hire charges was deferred to the next meeting.
"""


def test_a_motion_put_is_not_a_decision_but_its_outcome_is() -> None:
    decisions = _decisions(MINUTES)
    assert not any(d.startswith("Proposed") for d in decisions)
    assert "The minutes were approved by all members present." in decisions


def test_background_and_an_office_holders_undertaking_are_not_decisions() -> None:
    decisions = _decisions(MINUTES)
    assert not any("heating contract" in d for d in decisions)
    assert not any(d.startswith("The Chair was worried") for d in decisions)


def test_again_agreed_and_deferred_are_decisions() -> None:
    decisions = _decisions(MINUTES)
    assert "It was again agreed that meetings would be held every two months." in decisions
    assert "The review of the hire charges was deferred to the next meeting." in decisions
    assert len(decisions) == 3


def test_a_motion_with_its_vote_on_one_line_is_a_decision() -> None:
    assert is_decision("Motion: to approve the accounts - carried unanimously.")
    assert not is_decision("Motion: that the accounts be approved.")


def test_consensus_meeting_frequency_and_an_elliptic_outcome_are_decisions() -> None:
    decisions = _decisions(
        """Elmstead Village Hall Committee
Minutes of the meeting held on 2 May 2024

Present: Joy Ashe (Chair), Raj Tull, Bea Venn

1. Bookings
The booking policy was read out and the changes agreed.
In discussion there was a consensus that hirers should leave the hall as they found it.

2. Future meetings
From now on the committee will meet every eight weeks.
Raj will meet the caretaker next week.
"""
    )
    assert decisions == [
        "The booking policy was read out and the changes agreed.",
        "In discussion there was a consensus that hirers should leave the hall as they found it.",
        "From now on the committee will meet every eight weeks.",
    ]


def test_a_proposal_seconded_with_all_in_favour_and_a_vote() -> None:
    head = (
        "Minutes of the Elm Street Parents Association, 12 May 2021\n\n"
        "Present: Ann Lee, Bob Roe\n\n1. Fair\n"
    )
    for body in (
        "Ann proposed that the fair be held on 3 July, seconded by Bob. All in favour.\n",
        "A vote was taken and the committee voted to buy a new gazebo.\n",
    ):
        record = extract((head + body).encode(), filename="minutes.txt").to_dict()
        assert record["decisions"] == [body.strip()]


NOTES = """Riverside Court Residents' Group
Committee meeting - Mon 2 June 2025, 7pm

Present: Ann Lee (chair), Bo Roe, Cy Dunn

Notes of the last meeting
Read and agreed, with one spelling corrected.

Garden
We talked about the raised beds. Consensus was to wait for the grant.
"""


def test_an_outcome_without_its_subject_takes_the_heading_above() -> None:
    decisions = _decisions(NOTES)
    assert "Notes of the last meeting: Read and agreed, with one spelling corrected." in decisions


def test_consensus_was_to_is_a_decision() -> None:
    assert "Consensus was to wait for the grant." in _decisions(NOTES)
    assert is_decision("The consensus was that the fair should move to June.")


def test_the_approval_of_minutes_says_which_minutes() -> None:
    """Under "Minutes of …" the minutes say only the outcome; the decision
    says which minutes it was (one that already does is kept).  A motion
    told at length under a title that names no minutes ("Approval of
    Minutes") keeps its own words."""
    head = "Rowan Vale Steering Group\n6 May 2026\n\nPresent: Ann Lee, Bo Roe\n\n"
    tail = "9. Budget\nWe looked at the figures.\n"
    assert _decisions(head + "1. Minutes of 1 April 2026\nAgreed as accurate.\n" + tail) == [
        "The minutes of 1 April 2026 were agreed as accurate."
    ]
    assert _decisions(
        head + "2) Notes of last meeting (9 March) - approved and signed, no changes.\n"
        "3) Budget\nWe looked at the figures.\n"
    ) == ["Notes of last meeting (9 March) - approved and signed, no changes."]
    assert _decisions(
        head
        + "1. Minutes of 1 April 2026\nMoved Ann / seconded Bo that the minutes be accepted.\n"
        + tail
    ) == ["The minutes of 1 April 2026 were accepted."]
    told = (
        "A motion to approve the minutes of the last meeting was made by Ann Lee, "
        "seconded by Bo Roe; the group approved it unanimously."
    )
    assert _decisions(head + f"1. Approval of Minutes\n{told}\n" + tail) == [told]
