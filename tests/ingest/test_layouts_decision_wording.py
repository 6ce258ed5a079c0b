"""How decisions are worded and found in notes (invented text).

A motion's decision is what was moved and its outcome: who moved and
seconded it, and a vote read name by name, are not the decision.  A motion
that failed decides nothing, however many voted for it.  Notes in headline
style ("Agenda approved as circulated.") are decisions when they tell of a
thing, not of a person ("Sue agreed.").  A Markdown blockquote and an arrow
("=> Decided: …") set a point off as a bullet does.  None of this text
comes from real minutes.
"""

from __future__ import annotations

from concord.ingest import extract
from concord.ingest.extraction.decision_motions import plain_wording
from concord.ingest.extraction.decisions import is_decision


def _record(doc: str, filename: str = "minutes.txt") -> dict:
    return extract(doc.encode(), filename=filename).to_dict()


COMMISSION = """CITY OF FARROW BEND
PLANNING COMMISSION MINUTES
April 8, 2025

1. AGENDA
Motion by Commissioner Vale, second by Commissioner Hurst, to approve the agenda as printed.
Roll call vote: Vale - Aye; Hurst - Aye; Moreno - Aye.
Motion carried 3-0.

2. MINUTES
The minutes of March 11, 2025 were approved as written, proposed by Commissioner Hurst and
seconded by Commissioner Moreno.

3. SIGN ORDINANCE
Motion by Commissioner Moreno, second by Commissioner Vale, to recommend the sign ordinance to
Council. Motion failed 1-2 (Moreno in favor).

4. ADJOURNMENT
Moved by Commissioner Hurst, seconded by Commissioner Vale, THAT the Commission adjourn at 8:40 p.m.
Carried.
"""


def test_a_motion_decision_leaves_out_who_moved_and_the_roll_call() -> None:
    decisions = _record(COMMISSION)["decisions"]
    assert decisions[0] == "To approve the agenda as printed. Motion carried 3-0."
    assert decisions[1] == "The minutes of March 11, 2025 were approved as written."


def test_a_failed_motion_and_a_motion_to_adjourn_decide_nothing() -> None:
    decisions = _record(COMMISSION)["decisions"]
    assert len(decisions) == 2
    assert not any("sign ordinance" in d or "adjourn" in d for d in decisions)


def test_plain_wording_keeps_what_was_moved_and_its_outcome() -> None:
    assert (
        plain_wording(
            "Moved Ann Lee, seconded Bo Roe, that the accounts be adopted. "
            "CARRIED (12 for, 1 against)."
        )
        == "That the accounts be adopted. CARRIED (12 for, 1 against)."
    )
    assert (
        plain_wording(
            "On the proposal of Cllr. Kaye, seconded by Cllr. Dunne, "
            "the schedule of works was adopted."
        )
        == "The schedule of works was adopted."
    )
    assert plain_wording("Ann moved the report be received. Bo seconded. Carried.") == (
        "The report be received. Carried."
    )
    assert plain_wording("The fees were approved (moved Ann Lee, seconded Bo Roe).") == (
        "The fees were approved."
    )


def test_plain_wording_keeps_a_sentence_it_cannot_part_from_its_outcome() -> None:
    # The outcome is told inside the movers' clause: the sentence is kept whole.
    said = (
        "It was proposed by Cllr. J. Lee, seconded by Cllr. A. Roe "
        "and agreed that the return be approved."
    )
    assert plain_wording(said) == said
    # "moved as correct by" is how the minutes were approved, not a mover's tag.
    said = "These were moved as correct by Ann Lee."
    assert plain_wording(said) == said


NOTES = """Harlow Lane Friends Group - committee notes, 3 March 2025

Present: Ann Lee, Bo Roe, Cy Dunn

1. Agenda approved as circulated.
2. Notes of 3 February agreed, no changes.
3. Treasurer's report accepted and placed on file.
4. Litter pick - Sue agreed.
5. Anything else - To be signed by the Chair.
"""


def test_notes_in_headline_style_are_decisions() -> None:
    decisions = _record(NOTES)["decisions"]
    assert "Agenda approved as circulated." in decisions
    assert "Notes of 3 February agreed, no changes." in decisions
    assert "Treasurer's report accepted and placed on file." in decisions
    assert len(decisions) == 3


def test_a_headline_about_a_person_or_a_clause_is_no_decision() -> None:
    assert is_decision("Agenda approved as circulated.")
    assert not is_decision("Sue agreed.")
    assert not is_decision("The Chair agreed, and thanked everyone.")
    assert not is_decision("To be signed by the Chair.")
    assert not is_decision("Ann asked if anything could be adopted, and what else to consider.")


def test_a_body_named_senate_or_corporation_decides() -> None:
    assert is_decision("Senate approved the new programme for first intake in 2027.")
    assert is_decision("The Corporation approved the appointment of a governor.")


MARKDOWN = """# Riverside Food Bank steering group

Notes of the meeting on 14 May 2025

## 1. Opening hours

We talked about Saturday demand.

> **Agreed:** the food bank will open on Saturday mornings from June.

## 2. Vans

=> Decided: the second van will be sold in the autumn.
"""


def test_a_blockquote_or_an_arrow_sets_off_a_decision() -> None:
    decisions = _record(MARKDOWN, "notes.md")["decisions"]
    assert "The food bank will open on Saturday mornings from June." in decisions
    assert any(d.startswith("Decided: the second van will be sold") for d in decisions)


CLUB = """Pontcarreg Community Garden - committee notes, 6 September 2025

Present: Ann Lee (Chair), Bo Roe, Cy Dunn

1. Grants
(a) Kilvenny Toddlers - £250 towards a new play mat. Agreed unanimously.
(b) Decision D-7.1: the open day will run on 14 February in the hall.

2. Elections
President: Ann Lee - elected unopposed
Treasurer: Bo Roe - elected unopposed

3. Reports
The committee accepted the treasurer's report and the examiner's notes.
The TSC accepted his resignation with thanks.
"""


def test_an_outcome_alone_takes_the_sentence_before_and_numbered_decisions() -> None:
    decisions = _record(CLUB)["decisions"]
    assert "Kilvenny Toddlers - £250 towards a new play mat. Agreed unanimously." in decisions
    assert "The open day will run on 14 February in the hall." in decisions


def test_elected_unopposed_and_accepted_are_decisions() -> None:
    decisions = _record(CLUB)["decisions"]
    assert "President: Ann Lee - elected unopposed." in decisions
    assert "Treasurer: Bo Roe - elected unopposed." in decisions
    assert "The committee accepted the treasurer's report and the examiner's notes." in decisions
    assert "The TSC accepted his resignation with thanks." in decisions


def test_a_verdict_conclusion_or_outcome_label_and_a_verdict_over_a_list() -> None:
    doc = (
        "# API Working Group, 12 March 2024\n\nParticipants: Ann Lee, Bo Chan\n\n"
        "* Properties - getters and setters or functions?\n"
        "  * **Verdict** - we will make both available to consumers.\n"
        "* Open spec proposals\n  * **Verdict:**\n"
        "    * Open proposals block their implementations being merged\n"
        "    * Proposals can be updated after merge\n"
        "* Conclusion: seems fine to make an invite request.\n"
    )
    decisions = extract(doc.encode(), filename="wg.md").decisions
    assert decisions == [
        "We will make both available to consumers.",
        "Open proposals block their implementations being merged.",
        "Proposals can be updated after merge.",
        "Seems fine to make an invite request.",
    ]
