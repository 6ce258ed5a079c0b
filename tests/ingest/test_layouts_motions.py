"""Motions as town and city councils record them (invented text).

"Motion by A, second by B, to …" names its mover and seconder before what
it moves; the vote may follow name by name ("Roll call vote: Ayes - …",
"Nays - …") and the outcome may stand on a line of its own.  A motion to
adjourn decides nothing.  None of this text comes from real minutes.
"""

from __future__ import annotations

from concord.ingest import extract
from concord.ingest.extraction.decision_motions import motions


def _decisions(doc: str) -> list[str]:
    return extract(doc.encode(), filename="minutes.txt").to_dict()["decisions"]


MINUTES = """TOWN OF BRACKEN HOLLOW
SPECIAL TOWN COUNCIL MEETING MINUTES
March 3, 2025

1. APPROVAL OF AGENDA
Motion by Councilor Pike, second by Councilor Dunne, to approve the agenda as
printed. Motion passed 4-0.

2. SNOW REMOVAL CONTRACT
Motion by Councilor Dunne, second by Councilor Arkwright, to extend the plowing
contract with Birch Haulage for one winter.
Roll call vote: Ayes - Pike, Dunne, Arkwright.
Nays - Mendel.
Motion carried 3-1.
The Town Manager reported on salt stocks.

3. PARK SHELTER
Motion by Councilor Mendel, seconded by Councilor Pike, to accept the low bid
for the picnic shelter roof.
Motion carried 4-0.

4. ADJOURNMENT
Motion by Councilor Pike, second by Councilor Mendel, to adjourn. Motion carried 4-0.
"""


def test_motion_by_second_by_with_its_outcome_is_one_decision() -> None:
    decisions = _decisions(MINUTES)
    # Who moved and seconded is not the decision; what was moved and its outcome are.
    assert decisions[0] == "To approve the agenda as printed. Motion passed 4-0."


def test_a_roll_call_and_the_outcome_on_the_lines_below_belong_to_the_motion() -> None:
    decisions = _decisions(MINUTES)
    # The roll call, name by name, is left out of the decision's words.
    assert decisions[1] == (
        "To extend the plowing contract with Birch Haulage for one winter. Motion carried 3-1."
    )
    assert decisions[2] == "To accept the low bid for the picnic shelter roof. Motion carried 4-0."


def test_a_motion_to_adjourn_is_no_decision() -> None:
    decisions = _decisions(MINUTES)
    assert len(decisions) == 3
    assert not any("adjourn" in d for d in decisions)


def test_motions_reads_a_tally_between_motion_and_outcome() -> None:
    said = ["Motion by Ann, second by Bo, to buy a mower.", "Ayes - Ann, Bo."]
    said += ["Nays - Cy.", "Carried."]
    assert [m for m, _ in motions(said)] == [" ".join(said)]


BOARD = """Hollybank Infant School Governing Board
Minutes of the meeting held on 12 May 2025

Present: Ivy Marsh (Chair), Tom Oduya, Rani Gill, Sol Petrakis

1. Policies
(a) Lettings Policy - approved without amendment.
(b) Uniform Policy - the Chair proposed keeping the current supplier for one more year. Proposed by
Mrs Gill, seconded by Mr Oduya. Vote: 3 for, 0 against, 1 abstention. Carried.
(c) Behaviour Policy – deferred to the July meeting; the Headteacher to redraft section 4.
(d) Complaints Policy - agreed to circulate it to parents first.

2. Finance
(a) The bank statement was noted.
(b) RESOLVED to approve payments of £1,204.50 as listed.
(c) RESOLVED to give £50 towards the leavers' picnic. Mr Petrakis voted against.
"""


def test_a_topic_a_dash_and_the_verdict_is_a_decision() -> None:
    decisions = _decisions(BOARD)
    assert "Lettings Policy - approved without amendment." in decisions
    # The verdict, not the task after it.
    assert "Behaviour Policy – deferred to the July meeting." in decisions
    # "agreed to" someone doing something is not the verdict form.
    assert not any(d.startswith("Complaints Policy") for d in decisions)


def test_a_motion_with_its_vote_counts_over_wrapped_lines() -> None:
    decisions = _decisions(BOARD)
    uniform = [d for d in decisions if "Uniform Policy" in d]
    assert len(uniform) == 1
    assert uniform[0].startswith("Uniform Policy - the Chair proposed")
    assert uniform[0].endswith("Vote: 3 for, 0 against, 1 abstention. Carried.")


def test_resolved_in_a_lettered_sub_paragraph_is_a_decision() -> None:
    decisions = _decisions(BOARD)
    assert "RESOLVED to approve payments of £1,204.50 as listed." in decisions
    assert any(d.startswith("RESOLVED to give £50 towards the leavers' picnic.") for d in decisions)
    assert not any("bank statement" in d for d in decisions)


VERDICTS = """Minutes of the Tolworth Parish Council, 2 June 2025

Present: Cllr A. Lee (Chairman), Cllr B. Roe

1. Planning
25/00311/FUL - New garage, 3 Elm Way. RESOLVED to object on the grounds of loss of parking.
It was RESOLVED to accept the quotation from Oakleaf Tree Care for the churchyard yews.
It was RESOLVED to write to the highways team about the verge at Elm Way.
Mrs Pike asked about parking at Block D. Agreed that the Clerk will reply to her.
"""


def test_a_verdict_resolved_is_a_decision_not_a_task() -> None:
    record = extract(VERDICTS.encode(), filename="minutes.txt").to_dict()
    tasks = [a["description"] for a in record["actions"]]
    assert not any(t.startswith(("Object", "Accept")) for t in tasks)
    assert "Write to the highways team about the verge at Elm Way" in tasks
    assert any(d.startswith("RESOLVED to object") for d in record["decisions"])


def test_a_sentence_opens_after_a_letter_ending_a_place_name() -> None:
    record = extract(VERDICTS.encode(), filename="minutes.txt").to_dict()
    assert "Agreed that the Clerk will reply to her." in record["decisions"]


_BOARD = """Minutes of the Board meeting, 15 October 2024

Present: Brynn Hale, Steven Rook, Jordan Moore

Brynn made a motion to donate the ride-on mower to the allotment society. Steven seconded it.

Under discussion Jordan asked what happens if it breaks down.

The motion passed 3-0.

Brynn motioned to approve the proposed 2025 budget. Jordan seconded.

The motion passed 3-0.

**Motion:** Councilor Rook moved to accept the September minutes with the amendments.
Councilor Hale seconded the motion. Councilor Moore abstained. It passed 2-0.

**Action:** Moved by Hale, seconded by Rook, and carried unanimously by members
present to adopt the consent calendar.
"""


def test_an_outcome_alone_decides_the_motion_moved_above_it() -> None:
    decisions = extract(_BOARD.encode(), filename="board.md").to_dict()["decisions"]
    assert decisions == [
        "Brynn made a motion to donate the ride-on mower to the allotment society. "
        "The motion passed 3-0.",
        "Brynn motioned to approve the proposed 2025 budget. The motion passed 3-0.",
        "Motion: to accept the September minutes with the amendments. It passed 2-0.",
        "Carried unanimously by members present to adopt the consent calendar.",
    ]


def test_a_boards_action_that_is_its_vote_is_no_task() -> None:
    assert extract(_BOARD.encode(), filename="board.md").actions == []


def test_motions_told_in_the_present_tense_and_votes_that_pass() -> None:
    doc = (
        "Board meeting minutes, 12 March 2002\n\nPresent: Guido Ross, Tom Wu, Ann Lee\n\n"
        "Guido moves to set a deadline of 30 days for invoices. Tom seconds the motion,\n"
        "and the motion carries with two abstentions.\n\n"
        "Ann moves to adjourn. Tom seconds the motion. The motion carries.\n\n"
        "- Motion to get a surge protector for $10.00 max: (10: Yes 0:No)--Passed.\n"
        "- PLAN date set for November 7 at Parkview, vote passes unanimously\n"
    )
    assert _decisions(doc) == [
        "Guido moves to set a deadline of 30 days for invoices. Tom seconds the motion, "
        "and the motion carries with two abstentions.",
        "Motion to get a surge protector for $10.00 max: (10: Yes 0:No)--Passed.",
        "PLAN date set for November 7 at Parkview, vote passes unanimously.",
    ]
