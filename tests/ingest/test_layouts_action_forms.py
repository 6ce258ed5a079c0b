"""More ways of writing an action, each in an invented document."""

from __future__ import annotations

import pytest

from concord.ingest import extract

HEAD = (
    "Minutes of the Elm Street Residents Group, 12 May 2021\n\n"
    "Present: Ann Lee, Bob Roe, Cy Dunn (Treasurer)\n\n1. Garden\n"
)


def _actions(body: str) -> list[tuple[str, list[str]]]:
    record = extract((HEAD + body).encode(), filename="minutes.md").to_dict()
    return [(a["description"], a["owners"]) for a in record["actions"]]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "It was agreed that Bob would write to the school.\n",
            [("Write to the school", ["Bob Roe"])],
        ),
        (
            "Action items:\n- Ann: send the letter to the council\n- Bob – book the hall\n",
            [("Send the letter to the council", ["Ann Lee"]), ("Book the hall", ["Bob Roe"])],
        ),
        (
            "The newsletter needs writing [Action – Ann].\n",
            [("The newsletter needs writing", ["Ann Lee"])],
        ),
        (
            "AP1: Ann to send the letter.\nAP2: Bob to book the hall.\n",
            [("Send the letter", ["Ann Lee"]), ("Book the hall", ["Bob Roe"])],
        ),
        (
            "Ann is to write to the council. Bob is asked to book the hall.\n",
            [("Write to the council", ["Ann Lee"]), ("Book the hall", ["Bob Roe"])],
        ),
    ],
)
def test_action_forms(body: str, expected: list[tuple[str, list[str]]]) -> None:
    assert _actions(body) == expected


def test_a_lower_case_task_after_a_dash_needs_an_attendee() -> None:
    assert _actions("Actions:\n- Zed – book the hall\n") != [("Book the hall", ["Zed"])]


def test_an_owner_named_by_a_call_sign_given_in_the_attendance() -> None:
    doc = (
        "Westvale Radio Club\nMonthly Meeting Minutes – April 21, 2025\n\n"
        "Members present: Ann Lee KB1ABC, Bob Roe (W1XYZ), Cy Dunn\n\n"
        "Old Business\nKB1ABC will order a new antenna. W1XYZ to test the repeater.\n"
    )
    record = extract(doc.encode(), filename="minutes.txt").to_dict()
    assert [(a["description"], a["owners"]) for a in record["actions"]] == [
        ("Order a new antenna", ["Ann Lee"]),
        ("Test the repeater", ["Bob Roe"]),
    ]


def test_the_clerk_given_a_task_after_a_comma() -> None:
    doc = (
        "Ashcote Parish Council, 4 September 2018\n\nPresent\nCouncillors Dan Rich (Chair) "
        "and Rob Heal\nClerk Jo Connel\n\n1. Vacancy\n\nIt is with regret the resignation "
        "of Councillor Dixon has been received, the Clerk to complete the forms to inform "
        "the community of the vacancy.\n"
    )
    actions = [(a.description, a.owners) for a in extract(doc.encode(), filename="p.txt").actions]
    assert actions == [("Complete the forms to inform the community of the vacancy", ["Jo Connel"])]
