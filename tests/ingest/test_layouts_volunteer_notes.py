"""Notes of volunteer-run spaces, projects and steering groups (invented text).

Their notes give tasks as bullets opening with the owners in brackets
("- (Roland) Draft the notice"), keep a log of actions in a Markdown table
headed "Detail" and "Resp.", and name a task force or a plenum in their
title.  None of this text comes from real minutes.
"""

from __future__ import annotations

from concord.ingest import extract
from concord.ingest.extraction.names import split_owners
from concord.ingest.extraction.task_shape import task_of


def _actions(doc: str, filename: str) -> list[tuple[str, list[str]]]:
    return [(a.description, a.owners) for a in extract(doc.encode(), filename=filename).actions]


def test_bullets_that_open_with_their_owners_in_brackets() -> None:
    doc = (
        "# Plenum 2021-03-02\n\n- Present: Rui, Jen, Valentine, Roland\n\n"
        "## Membership\n\n"
        "- (Rui, Jen) Updates if any.\n"
        "- (Roland) Draft the notice and give it to Valentine.\n"
        "- (Jen and/or Valentine) Send the notice to members.\n"
        "- (Valentine) Update on the revamp.\n"
        "- (Valentine) Received feedback from visitors about the hardware corner.\n"
    )
    actions = _actions(doc, "p.md")
    assert actions == [
        ("Draft the notice and give it to Valentine", ["Roland"]),
        ("Send the notice to members", ["Jen", "Valentine"]),
    ]
    assert split_owners("Jen and/or Valentine") == ["Jen", "Valentine"]


def test_an_action_log_headed_detail_and_resp() -> None:
    doc = (
        "# Steering Group\n\nMinutes of meeting held on 9 December 2015\n\n"
        "Present: Tom Grant (TG), Ann Goss (AG)\n\n"
        "2\\. Actions of the previous meeting\n\n"
        "| No. | Detail | Resp. | Status |\n| --- | --- | --- | --- |\n"
        "| 2.1 | Add the terms of reference to the website | TG | Done |\n"
        "| 2.2 | Invite the museum to join the group | AG | Not done |\n"
    )
    actions = _actions(doc, "m.md")
    assert actions == [
        ("Add the terms of reference to the website", ["Tom Grant"]),
        ("Invite the museum to join the group", ["Ann Goss"]),
    ]


def test_a_verb_opening_a_proposed_task_is_no_owner() -> None:
    def lower(word: str) -> bool:
        return word in {"propose", "agree"}

    assert task_of("Propose to move the hardware shelf to the front room.", [], lower) == (
        "Move the hardware shelf to the front room",
        [],
        None,
    )
    assert task_of("Bea to move the hardware shelf.", ["Bea Hart"], lower)[1] == ["Bea Hart"]


def test_a_task_force_named_under_an_etherpad_banner() -> None:
    doc = (
        "Welcome to the Etherpad! This pad is synchronized as you type.\n\n"
        "After each meeting, these notes will be archived.\n\n"
        "Harbour Carpentry 2018 Workshop Task Force\n\n"
        "Attendees\nAnn Lee\nBo Roe\n\nAgenda\n- budget\n"
    )
    assert extract(doc.encode(), filename="pad.txt").body == (
        "Harbour Carpentry 2018 Workshop Task Force"
    )


def test_a_nested_numbered_list_and_a_table_of_figures_are_no_items() -> None:
    doc = (
        "# Co-tenants meeting 2011-01-18\n\n## Minutes\n\n"
        "1. Property report\n    1. Lease done and signed\n    2. Still waiting on bank details\n"
        "2. General\n    1. First aid kit to be bought\n"
        "3. Membership\n\n| Tier | Count |\n| -- | -- |\n| 16 | 4 |\n| 32 | 1 |\n"
    )
    items = [(i.number, i.title) for i in extract(doc.encode(), filename="m.md").items]
    assert items == [("1", "Property report"), ("2", "General"), ("3", "Membership")]


def test_meetings_ahead_as_volunteers_and_residents_write_them() -> None:
    doc = (
        "Residents' Association\nMinutes of the committee meeting held on 11 October 2004\n\n"
        "Present: Ann Lee (Chair), Bo Roe\n\n"
        "1. AGM\nIt was agreed that the AGM should be held in the Village Hall on "
        "Monday 6th December 2004 at 7.30pm.\n\n"
        "2. Planning\nThe committee agreed to hold a strategic planning session on the "
        "8th November 2004.\n\n"
        "Next meeting January 10 2005\n"
    )
    dates = [m.date for m in extract(doc.encode(), filename="m.txt").next_meetings]
    assert sorted(dates) == ["2004-11-08", "2004-12-06", "2005-01-10"]


def test_a_plain_english_board_page() -> None:
    doc = (
        "# 2014-06-12 Data Board\n\n## Summary of outcomes\n\nThe Board agreed the plan.\n\n"
        "## Discussion topic 1: The selection process\n\nAnn presented the process.\n\n"
        "## Discussion topic 2: Terms of reference\n\nThe terms were adopted.\n\n"
        "## The people who came along\n\n"
        "* Ann Lee, Digital Service (Chair)\n* Bo Roe, Jisc\n* Cy Dunn, Harbour Trust\n"
    )
    record = extract(doc.encode(), filename="board.md")
    assert [(i.number, i.title) for i in record.items] == [
        ("1", "The selection process"),
        ("2", "Terms of reference"),
    ]
    assert [(p.name, p.organisation) for p in record.attendance] == [
        ("Ann Lee", "Digital Service"),
        ("Bo Roe", "Jisc"),
        ("Cy Dunn", "Harbour Trust"),
    ]


def test_to_do_markers_and_action_lists_named_for_their_topic() -> None:
    doc = (
        "# Committee meeting 2013-04-20\n\n- Present: Peter Dale, Ann Lee\n\n"
        "#### Treasurer Report\n\n- Rent paid for April.\n- Power bill and waste invoice TODO.\n"
        "- TODO - look up the NeverNever balance\n\n"
        "### Actions noted for language tags:\n\n"
        "1. Ann Lee to send the tag profile to the panel\n"
        "2. Peter Dale to check the registry wording\n"
    )
    actions = _actions(doc, "c.md")
    assert actions == [
        ("Power bill and waste invoice", []),
        ("Look up the NeverNever balance", []),
        ("Send the tag profile to the panel", ["Ann Lee"]),
        ("Check the registry wording", ["Peter Dale"]),
    ]


def test_agreement_and_consensus_as_volunteer_notes_label_them() -> None:
    doc = (
        "# Plenum 2021-03-02\n\n- Present: Rui Alves, Jen Koh\n\n## Business\n\n"
        "- Agreement that it is appropriate to send a mailout to members about covid rules.\n"
        "- A/C noise. Consensus: continue living with it.\n"
        "- Decision for meeting format: meet every two weeks, with a stand-up.\n"
        "- Agreement on the lease is still awaited.\n"
    )
    decisions = extract(doc.encode(), filename="p.md").decisions
    assert decisions == [
        "Agreement that it is appropriate to send a mailout to members about covid rules.",
        "Consensus: continue living with it.",
        "Decision for meeting format: meet every two weeks, with a stand-up.",
    ]


def test_notes_that_decide_or_give_tasks_are_a_meeting_record() -> None:
    doc = (
        "# Organiser catch-up 2019-11-06\n\n## Actions\n\n"
        "- Ann to book the venue for December\n- Bo to ask for a sponsor\n"
    )
    assert extract(doc.encode(), filename="n.md").kind == "minutes"
    assert extract(b"# Reading list\n\n- A book about birds\n", filename="n.md").kind == "other"
