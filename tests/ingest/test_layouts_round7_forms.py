"""Actions read across many writers of the probe set (invented text).

A task that points back ("Chase this", "Correct it") is told with what it
points to; "It was agreed to set the precept at …" is the meeting's verdict,
not a task for anyone.  None of this text comes from real minutes.
"""

from __future__ import annotations

from concord.ingest import extract


def _actions(doc: str) -> list[dict]:
    return extract(doc.encode(), filename="minutes.txt").to_dict()["actions"]


POINTING_BACK = """Minutes of the Brookfield Allotment Society committee, 3 June 2025

Present: Ann Lee (chair), Bo Fry, Cy Dunn

1. Water troughs
Bo said the trough on the east path had been leaking since April.
Cy will chase this with the water company.

2. Website
Ann noted that the plot waiting list on the website is out of date.
Bo to update it before the July meeting.

3. Shed
The lock on the tool shed has gone. Motion carried unanimously. Cy to sort it out.
"""


def test_a_task_that_points_back_is_told_with_what_it_points_to() -> None:
    chase, update, shed = (a["description"] for a in _actions(POINTING_BACK))
    assert chase.startswith("Chase this with the water company (")
    assert "trough on the east path had been leaking" in chase
    assert update.startswith("Update it before the July meeting (")
    assert "plot waiting list on the website is out of date" in update
    # (How the vote went is not what the shed task is about; the line before it is.)
    assert shed == "Sort it out (The lock on the tool shed has gone)"


A_TASK_THAT_SAYS_ITSELF = """Minutes of the Brookfield Allotment Society committee, 3 June 2025

Present: Ann Lee (chair), Bo Fry

1. Open day
The open day will be on 5 July. Bo to book the marquee from Hendry Hire for the open day.
"""


def test_a_task_that_says_what_it_is_about_is_left_alone() -> None:
    (action,) = _actions(A_TASK_THAT_SAYS_ITSELF)
    assert action["description"] == "Book the marquee from Hendry Hire for the open day"


VERDICTS = """Minutes of Wexcombe Parish Council, 12 January 2026

Present: Cllr Ann Lee (Chair), Cllr Bo Fry, Cy Dunn (Clerk)

1. Precept
It was agreed to set the precept at £14,200 for 2026/27.

2. Internal audit
It was agreed to reappoint Fenmoor Audit Services as internal auditor for 2026/27.

3. Fun day
It was agreed to hold the fun day on Saturday 13 June on the green.

4. Footpath
It was agreed to write to the County Council about the blocked footpath at Mill Lane.

5. Risks
RESOLVED that the flood risk be increased from 8 to 12 on the register.
"""


def test_the_meetings_verdict_is_no_task_but_a_letter_to_write_is() -> None:
    assert [a["description"] for a in _actions(VERDICTS)] == [
        "Write to the County Council about the blocked footpath at Mill Lane"
    ]


REPORTED = """Notes of the Hollybank Patient Group, 14 May 2025

Present: Ann Lee (chair), Bo Fry, Cy Dunn, Di Fox

1. Newsletter
Bo said he'd write the summer newsletter and bring a draft to the June meeting.
Cy and Di kindly said they would sort out the stall rota for the fete.
Ann said she would like to stand down as chair next year.
"""


def test_a_task_told_in_reported_speech_is_the_speakers() -> None:
    assert [(a["description"], a["owners"]) for a in _actions(REPORTED)] == [
        ("Write the summer newsletter and bring a draft to the June meeting", ["Bo Fry"]),
        ("Sort out the stall rota for the fete", ["Cy Dunn", "Di Fox"]),
    ]


NUMBERED_AND_LOGGED = """Minutes of the Eastmere Estates Programme Board, 9 April 2025

Present: Hal Bee (chair), Lou Kaye, Mo Reid

3. Depot
3.4 LK will issue the revised depot drawings showing the new entrance.

Action log
- EPB-012 Revised depot drawings with the new entrance — LK — 30 Apr 2025
- EPB-013 Options for the yard lighting — MR — 14 May 2025
"""


def test_paragraph_numbers_and_log_references_are_no_part_of_a_task() -> None:
    actions = [(a["description"], a["owners"], a["due"]) for a in _actions(NUMBERED_AND_LOGGED)]
    # (The minute and the log row are one task, counted once.)
    assert actions == [
        ("Revised depot drawings with the new entrance", ["Lou Kaye"], "2025-04-30"),
        ("Options for the yard lighting", ["Mo Reid"], "2025-05-14"),
    ]


def _decisions(doc: str) -> list[str]:
    return extract(doc.encode(), filename="minutes.txt").to_dict()["decisions"]


SIGNED_AND_POSTED = """Minutes of the Tarnside Friends of the Park committee, 2 March 2025

Present: Ann Lee (chair), Bo Fry, Cy Dunn (Co-ordinator)

1. Benches
It was agreed to buy two benches for the lakeside path.
It was agreed that the Co-ordinator would order the benches from Parkline.

These minutes were approved at the committee meeting on 6 April 2025 and are published for members.

Signed as a true record: ........................  Date: ____________
"""


def test_a_signature_line_a_publication_note_and_a_posts_task_are_no_decisions() -> None:
    assert _decisions(SIGNED_AND_POSTED) == [
        "It was agreed to buy two benches for the lakeside path."
    ]


GROUPS_AND_PRONOUNS = """Minutes of the Kelby Credit Union board, 20 March 2025

Present: Ann Lee (chair), Bo Fry, Cy Dunn (Treasurer)

1. Training
All directors to complete the online conduct module before the next board meeting.
Bo said the new pool would open in May; he'll bring the first usage figures to the June meeting.

2. Budget
Arising from minute 12, the Treasurer undertook to circulate the revised budget by 4 April.
RESOLVED:
(1) That the budget for 2025/26 be approved.
(2) That a proposal for a members' newsletter be brought to the board in June.
"""


def test_a_group_a_pronoun_and_a_numbered_resolution_set_tasks() -> None:
    actions = [(a["description"], a["owners"]) for a in _actions(GROUPS_AND_PRONOUNS)]
    assert actions == [
        ("Complete the online conduct module before the next board meeting", ["All directors"]),
        ("Bring the first usage figures to the June meeting", ["Bo Fry"]),
        ("Circulate the revised budget", ["Cy Dunn"]),
        ("Bring a proposal for a members' newsletter to the board in June", []),
    ]


OWNER_FIRST = """Notes of the Harbour Youth Club committee, 27 January 2026

Present: Aroha Tane (chair), Mel Rua, Craig Moss

1. Beach day
Agreed to go ahead on 21 February.
- Owner: Mel — Due: 13 Feb — book the van from the rugby club
- Owner: Aroha · Due: 13 Feb — get the permission slips out and back

2. Fence
Staff were directed to get two more quotes for the fence.
"""


def test_an_owner_and_date_before_the_task_and_staff_directed() -> None:
    actions = [(a["description"], a["owners"], a["due"]) for a in _actions(OWNER_FIRST)]
    assert actions == [
        ("Book the van from the rugby club", ["Mel Rua"], "2026-02-13"),
        ("Get the permission slips out and back", ["Aroha Tane"], "2026-02-13"),
        ("Get two more quotes for the fence", ["Staff"], None),
    ]


LETTERED_RESOLUTIONS = """Minutes of the Harwick Children's Board, 21 January 2026

Present: Ann Lee (chair), Bo Fry

1. Constitution
The Board agreed:
  (a) that a revised constitution be drafted for approval at the
      March meeting;
  (b) that the Board continue to be chaired by an independent
      chair for the time being.

2. Validation list
RESOLVED (the officer members not voting):
(a) the draft validation list be approved for consultation; and (b) the Manager be
authorised to make minor changes before publication under Section 100A(4) of the Act.
"""


def test_a_lettered_resolution_is_one_decision_a_part() -> None:
    assert _decisions(LETTERED_RESOLUTIONS) == [
        "That a revised constitution be drafted for approval at the March meeting.",
        "That the Board continue to be chaired by an independent chair for the time being.",
        "The draft validation list be approved for consultation.",
        "The Manager be authorised to make minor changes before publication under Section"
        " 100A(4) of the Act.",
    ]


LABELLED_POST = """Minutes of the Haverleigh VCS Forum Executive, 14 June 2005

Present: Jo Whitfield (Co-ordinator), Ann Lee (Chair), Bo Fry

4. Grants review
It was agreed that the Co-ordinator would draft the Forum's response to the grants review.
Action: JW
"""


def test_a_posts_task_with_its_owner_on_the_next_line_is_one_action() -> None:
    assert [(a["description"], a["owners"]) for a in _actions(LABELLED_POST)] == [
        ("Draft the Forum's response to the grants review", ["Jo Whitfield"])
    ]
    assert _decisions(LABELLED_POST) == []


GIST_WITH_A_DATE = """Minutes of the Brookfield Allotment Society committee, 3 June 2025

Present: Ann Lee (chair), Bo Fry, Cy Dunn

1. Troughs
The trough on the east path has leaked since 14 April 2025. Cy to chase this. – CD
"""


def test_a_date_in_the_gist_is_no_due_date() -> None:
    (action,) = _actions(GIST_WITH_A_DATE)
    assert action["description"].startswith("Chase this (")
    assert "14 April 2025" in action["description"]
    assert action["due"] is None
