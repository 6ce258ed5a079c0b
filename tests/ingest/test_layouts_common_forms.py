"""Common ways of writing minutes: numbering items, attendance, actions, motions, headings.

Invented text only: each test writes a small document in one style and checks
the part of the record that style affects.
"""

from __future__ import annotations

import pytest

from concord.ingest import extract


def _record(doc: str, name: str = "minutes.txt") -> dict:
    return extract(doc.encode(), filename=name).to_dict()


def _items(doc: str) -> list[tuple[str, str]]:
    return [(i["number"], i["title"]) for i in _record(doc)["items"]]


def _people(doc: str) -> dict[str, str]:
    return {a["name"]: a["status"] for a in _record(doc)["attendance"]}


HEAD = "Minutes of the Tarnby Orchard Group, 3 March 2025\n\nPresent: Ann Lee, Bob Roe\n\n"


@pytest.mark.parametrize(
    ("numbers", "printed"),
    [
        (["1:", "2:", "3:"], ["1", "2", "3"]),
        (["(1)", "(2)", "(3)"], ["1", "2", "3"]),
        (["1.0", "2.0", "3.0"], ["1.0", "2.0", "3.0"]),
        (["I.", "II.", "III."], ["I", "II", "III"]),
        (["I)", "II)", "III)"], ["I", "II", "III"]),
        (["1 –", "2 –", "3 –"], ["1", "2", "3"]),
        (["1.\n", "2.\n", "3.\n"], ["1", "2", "3"]),
        (["Minute 23/01", "Minute 23/02", "Minute 23/03"], ["23/01", "23/02", "23/03"]),
    ],
)
def test_items_numbered_in_other_styles(numbers: list[str], printed: list[str]) -> None:
    titles = ["Apologies", "Minutes of the last meeting", "Pruning day"]
    body = "".join(
        f"{n} {t}\nThe group discussed this.\n{n.strip('.):( –')[-1:]}.1 A point was raised.\n\n"
        for n, t in zip(numbers, titles, strict=True)
    )
    assert _items(HEAD + body) == list(zip(printed, titles, strict=True))


def test_times_are_not_items() -> None:
    doc = "7:30 The meeting opened.\n\n1: Welcome\nAll were welcomed.\n2: Tools\n3: Paths\n"
    assert _items(HEAD + doc) == [("1", "Welcome"), ("2", "Tools"), ("3", "Paths")]


def test_regrets_excused_and_members_absent() -> None:
    people = _people(
        "Harrowby Tenants Board\nMinutes, 5 February 2025\n\n"
        "Members Present: Ann Lee, Bob Roe\nMembers Absent: Cy Dunn\n"
        "Regrets: Di Fox\nExcused: Ed Gray\n\n1. Welcome\nAnn opened the meeting.\n"
    )
    assert people == {
        "Ann Lee": "present",
        "Bob Roe": "present",
        "Cy Dunn": "absent",
        "Di Fox": "apologies",
        "Ed Gray": "apologies",
    }


def test_a_post_after_a_name_is_not_another_person() -> None:
    people = _people(HEAD.replace("Bob Roe", "Bob Roe, Parks Director, Cy Dunn"))
    assert people == {"Ann Lee": "present", "Bob Roe": "present", "Cy Dunn": "present"}


def test_attendance_in_two_sentences_of_one_paragraph() -> None:
    people = _people(
        "Harrowby Heritage Society\nMinutes of the AGM held on 9 April 2023\n\n"
        "Those present were Ann Lee (Chair), Bob Roe, Cy Dunn and Di Fox. "
        "Apologies were received from Ed Gray and Flo Hunt.\n\n"
        "1. Chair's report\nAnn Lee gave her report.\n"
    )
    assert people == {
        "Ann Lee": "present",
        "Bob Roe": "present",
        "Cy Dunn": "present",
        "Di Fox": "present",
        "Ed Gray": "apologies",
        "Flo Hunt": "apologies",
    }


def test_a_rank_in_capitals_is_a_title_but_a_first_name_is_not() -> None:
    record = _record(HEAD.replace("Bob Roe", "DI Rob Hale, Di Fox"))
    names = {a["name"]: a["title"] for a in record["attendance"]}
    assert names == {"Ann Lee": None, "Rob Hale": "DI", "Di Fox": None}


def test_a_month_in_brackets_is_when_and_the_next_item_ends_the_list() -> None:
    record = _record(
        HEAD.replace("Bob Roe", "Cy Dunn") + "4. Speeding\nThe group noted the report.\nActions\n"
        "- Ann to invite the road safety officer (October)\n"
        "- Cy Dunn to draft a letter to residents by 15 October 2025\n\n"
        "5. Date of next meeting\nTuesday 7 October 2025 at 6pm.\n"
    )
    actions = [(a["description"], a["owners"], a["due"]) for a in record["actions"]]
    assert actions == [
        ("Invite the road safety officer", ["Ann Lee"], "2025-10"),
        ("Draft a letter to residents", ["Cy Dunn"], "2025-10-15"),
    ]


def test_a_motion_seconded_in_its_own_sentence_and_then_carried() -> None:
    record = _record(
        "Harrowby Library Board of Trustees\nMinutes of the Regular Meeting, April 9, 2024\n\n"
        "Trustees Present: Ann Lee, Bob Roe, Cy Dunn\n\n"
        "1. Approval of Minutes\nRoe moved, seconded by Dunn, to approve the minutes of "
        "March 12, 2024. Motion carried unanimously.\n\n"
        "2. Budget\nDunn moved to adopt the budget as presented. Roe seconded. "
        "The motion passed 3-0.\n"
    )
    assert record["decisions"] == [
        "To approve the minutes of March 12, 2024. Motion carried unanimously.",
        "To adopt the budget as presented. The motion passed 3-0.",
    ]


def test_a_meeting_called_to_order_names_its_body_and_place() -> None:
    record = _record(
        "The regular meeting of the Harrowby City Council was called to order at 7:00 p.m. "
        "on Monday, March 3, 2025, in the Council Chambers by Mayor Ann Lee.\n\n"
        "Roll call: Ann Lee, Bob Roe\n\n1. Consent agenda\nApproved.\n"
    )
    assert (record["body"], record["date"], record["start_time"], record["venue"]) == (
        "Harrowby City Council",
        "2025-03-03",
        "19:00",
        "the Council Chambers",
    )


def test_a_community_group_and_the_place_under_its_date() -> None:
    record = _record(
        "Harrowby Friends of the Park\nCommittee Meeting\n"
        "Wednesday 6 November 2024, 7.30 pm – 9 pm\nSt Mary's Church Hall\n\n"
        "Present: Ann Lee, Bob Roe\n"
    )
    assert (record["body"], record["date"], record["start_time"], record["venue"]) == (
        "Harrowby Friends of the Park",
        "2024-11-06",
        "19:30",
        "St Mary's Church Hall",
    )


def test_html_list_items_that_open_with_bold_words_take_them_as_title() -> None:
    record = _record(
        "<html><body><h1>Tarnby Orchard Group</h1><p>Minutes of meeting, 3 March 2025</p>"
        "<ol>\n <li>\n  <strong>Welcome</strong> All were welcomed.</li>"
        "<li><b>Minutes:</b> Agreed.</li><li><b>Pruning day</b> Set for May.</li></ol>"
        "</body></html>",
        "minutes.html",
    )
    assert [(i["number"], i["title"]) for i in record["items"]] == [
        ("1", "Welcome"),
        ("2", "Minutes"),
        ("3", "Pruning day"),
    ]


def test_numbered_points_in_unnumbered_minutes_are_not_items() -> None:
    record = _record(
        HEAD + "Welcome\nAnn opened the meeting and set out two points.\n"
        "1. Members should bring their own tools.\n2. The shed is locked on Sundays.\n\n"
        "Pruning day\nSet for May.\n"
    )
    assert record["items"] == []


def test_a_list_starting_far_down_is_not_an_agenda_but_labelled_items_are() -> None:
    assert _items(HEAD + "7. Tools\n8. Shed\n9. Paths\n") == []
    assert _items(HEAD + "Item 7 Tools\nItem 8 Shed\n") == [("7", "Tools"), ("8", "Shed")]
