"""Actions given to a role resolve to the attendee who holds it (invented text).

"Treasurer to pay …" or "Chair to write …" name the person through the
attendance ("Ola Birch (Treasurer)", "Kit Danes (Chair)").  None of this
text comes from real minutes.
"""

from __future__ import annotations

from concord.ingest import extract


def _actions(doc: str) -> list[tuple[str, list[str]]]:
    record = extract(doc.encode(), filename="minutes.txt").to_dict()
    return [(a["description"], a["owners"]) for a in record["actions"]]


def test_role_owners_resolve_through_the_attendance() -> None:
    actions = _actions(
        """Minutes of the Hollin Bridge Trust, 4 July 2022

Present: Kit Danes (Chair), Lou Amery, Ola Birch (Treasurer), Rae Moss (Secretary)

1. Grants
Treasurer to pay the scouts' grant by the end of July.
The Secretary will send the grant letters to each group.
Chair to write to the mayor. KD
"""
    )
    assert ("Pay the scouts' grant", ["Ola Birch"]) in actions
    assert ("Send the grant letters to each group", ["Rae Moss"]) in actions
    # Told twice (by role, then by initials): one action.
    assert actions.count(("Write to the mayor", ["Kit Danes"])) == 1
    assert len(actions) == 3


def test_a_role_nobody_holds_stays_a_role_and_a_shared_one_is_not_guessed() -> None:
    actions = _actions(
        """Minutes of the Fenwick Road Residents, 8 May 2021

Present: Abe Lowe (Chair), Cass Ivory, Dan Ives

1. Bins
Clerk to ask the council for more bins.
Chair to thank the volunteers.
"""
    )
    assert ("Ask the council for more bins", ["Clerk"]) in actions
    assert ("Thank the volunteers", ["Abe Lowe"]) in actions


def test_an_action_label_takes_one_sentence_and_the_next_is_read_on_its_own() -> None:
    actions = _actions(
        """Minutes of the Hollin Bridge Trust, 4 July 2022

Present: Kit Danes (Chair), Lou Amery, Nat Sorrel

1. Website
Discussed. ACTION: Lou to get three quotes. Nat will check the hosting costs by 1 September.
Action: Nat Sorrel to renew the domain name. The old address stays live until then.
"""
    )
    assert ("Get three quotes", ["Lou Amery"]) in actions
    assert ("Check the hosting costs", ["Nat Sorrel"]) in actions
    assert ("Renew the domain name", ["Nat Sorrel"]) in actions
    assert len(actions) == 3


def test_an_action_label_after_context_covers_the_whole_paragraph() -> None:
    actions = _actions(
        """Minutes of the Hollin Bridge Trust, 4 July 2022

Present: Kit Danes (Chair), Lou Amery, Nat Sorrel

1. Website
Action: It was suggested that the library might host the site. Nat Sorrel will ask the librarian.
"""
    )
    assert len(actions) == 1
    assert actions[0][0].startswith("It was suggested that the library")


BOARD = """Minutes of the Board of Directors, Wexcombe Community Trust, 4 June 2025

Members present: Ann Lee (Chair); Bo Roe (Chief Finance Officer);
Cy Dunn (Chief Operating Officer); Di Fox (Director of Estates and Facilities)
In attendance: Eve Hart (Clerk and Responsible Financial Officer); Flo Kerr (Academic Registrar)

1. Finance
Action: Present the savings plan to the Audit Committee in July - CFO / COO
The Clerk will order two new noticeboards.
Mr Hart had reported on the audit. Finance Officer Kerr will circulate the timetable by 30 June.
The Academic Registrar would look at the survey results.

Action log
| Action | Owner | Due |
|---|---|---|
| Arrange the estates walkabout | Director of Estates and Facilities | September 2025 |
"""


def test_posts_and_their_acronyms_name_the_one_attendee_who_holds_them() -> None:
    actions = dict(_actions(BOARD))
    assert actions["Present the savings plan to the Audit Committee in July"] == [
        "Bo Roe",
        "Cy Dunn",
    ]
    # "Clerk and Responsible Financial Officer" holds both posts.
    assert actions["Order two new noticeboards"] == ["Eve Hart"]
    # A post with "and" in it is one owner, not two.
    assert actions["Arrange the estates walkabout"] == ["Di Fox"]


def test_a_post_then_a_surname_names_the_attendee() -> None:
    actions = dict(_actions(BOARD))
    assert actions["Circulate the timetable"] == ["Flo Kerr"]


def test_a_job_title_s_reported_intention_is_no_task() -> None:
    # "would" is reported speech: a named attendee's or a clerk's, not a post's.
    assert not any("survey results" in d for d, _ in _actions(BOARD))
