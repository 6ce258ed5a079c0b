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
    actions = [(a.description, a.owners) for a in extract(doc.encode(), filename="p.md").actions]
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
    actions = [(a.description, a.owners) for a in extract(doc.encode(), filename="m.md").actions]
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
