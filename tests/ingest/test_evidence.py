"""Evidence: each extracted field's span in the text and how sure it is (invented documents)."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from concord.ingest import ExtractionError, extract, extract_with_evidence, read_text
from concord.ingest.cli import main
from concord.ingest.evidence import UNSURE, Finder, locate_evidence, unsure
from concord.ingest.record import Action, Attendee, Item, MeetingRecord, NextMeeting
from tests.ingest.test_properties import minutes_words

MINUTES = """Wrenfield Library Friends Committee
Minutes of the meeting held on Thursday 16th March 2006, 7.30 pm - 9.15 pm
Venue: Wrenfield Library, Reading Room

Present:
Cllr Ada Finch (Chair), Wrenfield Town Council
Basil Thorne, Wrenfield Rotary
Robbie
Apologies:
CD

1. Minutes of the last meeting
The minutes of the last meeting were agreed as a correct record.

2. Summer reading scheme
The committee agreed to fund the summer reading scheme.
Action: Basil Thorne to order the reading packs by 30/04/06.
Action: Gwen Hollis to book the puppet show by the next meeting.

3. Date of next meeting
Thursday 20th April 2006 in the Reading Room.
"""


def _text(evidence: dict, plain: str) -> str:
    assert evidence["start"] is not None, evidence
    return plain[evidence["start"] : evidence["end"]]


# What an extractor reads from MINUTES (written out, so these tests do not depend on the rules).
RECORD = MeetingRecord(
    body="Wrenfield Library Friends Committee",
    date="2006-03-16",
    start_time="19:30",
    end_time="21:15",
    venue="Wrenfield Library, Reading Room",
    attendance=[
        Attendee("Ada Finch", "Cllr", "Wrenfield Town Council", role="chair"),
        Attendee("Basil Thorne", organisation="Wrenfield Rotary"),
        Attendee("Robbie"),
        Attendee("CD", status="apologies"),
    ],
    items=[
        Item("1", "Minutes of the last meeting"),
        Item("2", "Summer reading scheme"),
        Item("3", "Date of next meeting"),
    ],
    actions=[
        Action("Order the reading packs", ["Basil Thorne"], "2006-04-30"),
        Action("Book the puppet show", ["Gwen Hollis"], "2006-04-20"),
    ],
    decisions=[
        "The minutes of the last meeting were agreed as a correct record.",
        "The committee agreed to fund the summer reading scheme.",
    ],
    next_meetings=[NextMeeting("2006-04-20")],
)


def _record() -> tuple[MeetingRecord, dict]:
    return RECORD, locate_evidence(RECORD, MINUTES.strip("\n"))


def test_every_field_points_at_the_text_it_came_from() -> None:
    record, ev = _record()
    plain = MINUTES.strip("\n")
    assert _text(ev["body"], plain) == "Wrenfield Library Friends Committee"
    assert _text(ev["date"], plain) == "16th March 2006"
    assert record.start_time == "19:30" and _text(ev["start_time"], plain) == "7.30 pm"
    assert _text(ev["end_time"], plain) == "9.15 pm"
    names = [_text(a["name"], plain) for a in ev["attendance"]]
    assert names[:2] == ["Ada Finch", "Basil Thorne"]
    assert _text(ev["attendance"][0]["organisation"], plain) == "Wrenfield Town Council"
    assert [_text(i, plain) for i in ev["items"]] == [i.title for i in record.items]
    assert [_text(d, plain) for d in ev["decisions"]] == [
        "The minutes of the last meeting were agreed as a correct record",
        "The committee agreed to fund the summer reading scheme",
    ]
    first = ev["actions"][0]
    assert _text(first["description"], plain).lower() == "order the reading packs"
    assert _text(first["owners"][0], plain) == "Basil Thorne"
    assert _text(first["due"], plain) == "30/04/06"
    assert _text(ev["next_meetings"][0], plain) == "20th April 2006"
    # The shape mirrors the record's.
    assert len(ev["attendance"]) == len(record.attendance)
    assert len(ev["actions"]) == len(record.actions)


def test_what_a_reviewer_should_check_is_unsure_with_a_reason() -> None:
    record, ev = _record()
    by_name = dict(zip([a.name for a in record.attendance], ev["attendance"], strict=True))
    assert by_name["Robbie"]["name"]["reason"] == "no surname"
    assert by_name["CD"]["name"]["reason"] == "only initials"
    assert by_name["Basil Thorne"]["name"]["confidence"] == 1.0
    puppet = ev["actions"][1]
    assert record.actions[1].owners == ["Gwen Hollis"]
    assert puppet["owners"][0]["reason"] == "owner not in the attendance"
    assert puppet["owners"][0]["confidence"] < UNSURE
    assert puppet["due"]["reason"] == "due date inferred from “next meeting”"
    assert puppet["due"]["confidence"] < UNSURE
    flagged = {path for path, _ in unsure(ev)}
    assert ("actions", 1, "owners", 0) in flagged and ("actions", 0, "description") not in flagged


def test_an_action_without_owner_or_due_date_is_flagged_on_its_description() -> None:
    text = "Riverside Board\n1. Parks\nThe parks plan needs rewriting."
    record = MeetingRecord(
        attendance=[Attendee("Ann Lee")],
        items=[Item("1", "Parks")],
        actions=[Action("The parks plan needs rewriting")],
    )
    span = locate_evidence(record, text)["actions"][0]["description"]
    assert span["start"] == text.index("The parks")
    assert span["reason"] == "no owner; no due date" and span["confidence"] < UNSURE


def test_a_value_not_in_the_text_is_not_found_and_unsure() -> None:
    record = MeetingRecord(body="Riverside Board", decisions=["It was agreed to sell the castle."])
    ev = locate_evidence(record, "Riverside Board\nThe board noted the report.")
    assert ev["decisions"][0] == {
        "start": None, "end": None, "confidence": 0.3, "reason": "not found in the text",
    }  # fmt: skip
    assert ev["date"] is None and ev["venue"] is None  # empty fields have no evidence


def test_text_found_ignoring_case_spacing_and_dashes() -> None:
    text = "Action:  circulate   the plan –\nnew version\nto partners"
    span = Finder(text).find("Circulate the plan - new version to partners")
    assert (span.start, span.end, span.confidence) == (9, len(text), 0.95)


def test_text_that_differs_slightly_is_found_fuzzily_with_a_lower_confidence() -> None:
    text = "Items\n2. Neighbourhood policing priorities were discussed at length."
    span = Finder(text).find("Neighbourhod policing priorites were discussed")
    assert span.start is not None and 0.75 < span.confidence < 0.95
    assert text[span.start : span.end].startswith("Neighbourhood policing")


def test_a_number_is_not_found_inside_a_longer_one() -> None:
    text = "Write to ward 123.\nWrite to ward 12."
    assert Finder(text).find("Write to ward 12").start == text.index("Write to ward 12.")


def test_repeated_text_is_matched_in_order() -> None:
    text = "1. Budget\nNoted.\n2. Budget\nNoted.\n3. Budget\nNoted."
    record = MeetingRecord(items=[Item(str(n), "Budget") for n in (1, 2, 3)])
    starts = [s["start"] for s in locate_evidence(record, text)["items"]]
    assert starts == [3, 20, 37]


def test_owner_written_by_first_name_or_initials_near_the_action() -> None:
    text = "Present: Ann Lee, Bo Fry\n1. Roads\nAnn to write to the council. (BF) to call."
    record = MeetingRecord(
        attendance=[Attendee("Ann Lee"), Attendee("Bo Fry")],
        actions=[Action("Write to the council", ["Ann Lee"]), Action("Call", ["Bo Fry"])],
    )
    ev = locate_evidence(record, text)
    first, second = ev["actions"][0]["owners"][0], ev["actions"][1]["owners"][0]
    assert first["start"] == text.index("Ann to") and first["end"] == first["start"] + 3
    assert text[second["start"] : second["end"]] == "BF"
    assert first["confidence"] >= UNSURE and second["confidence"] >= UNSURE


def test_month_due_dates_and_meeting_dates_by_their_written_forms() -> None:
    text = "Kestrel Group — 3 Sept 2025\nAction: Ed Moss to report by end of October 2025."
    record = MeetingRecord(
        date="2025-09-03",
        attendance=[Attendee("Ed Moss")],
        actions=[Action("Report", ["Ed Moss"], "2025-10")],
        next_meetings=[NextMeeting("2025-12-01")],
    )
    ev = locate_evidence(record, text)
    assert text[ev["date"]["start"] : ev["date"]["end"]] == "3 Sept 2025"
    assert text[ev["actions"][0]["due"]["start"] : ev["actions"][0]["due"]["end"]] == "October 2025"
    assert ev["next_meetings"][0]["reason"] == "not found in the text"


def test_a_long_document_costs_about_one_pass_per_kind_of_field() -> None:
    """5,000 items with an action each: every field found, in order (no quadratic scan)."""
    lines = ["Harrowfield Group", "Minutes of the meeting held on 9 April 2025", "Present:"]
    lines += ["Nell Ashby, Harrowfield Council", ""]
    for n in range(1, 5001):
        lines += [f"{n}. Ward report number {n}", f"Nell to write to ward {n}.", ""]
    text = "\n".join(lines)
    record = MeetingRecord(
        attendance=[Attendee("Nell Ashby", organisation="Harrowfield Council")],
        items=[Item(str(n), f"Ward report number {n}") for n in range(1, 5001)],
        actions=[Action(f"Write to ward {n}", ["Nell Ashby"]) for n in range(1, 5001)],
    )
    ev = locate_evidence(record, text)
    assert text[ev["items"][4999]["start"] : ev["items"][4999]["end"]] == "Ward report number 5000"
    action = ev["actions"][1233]
    assert text[action["description"]["start"] : action["description"]["end"]] == (
        "write to ward 1234"
    )
    assert action["owners"][0]["start"] == action["description"]["start"] - len("Nell to ")


def test_extract_alone_is_unchanged_and_the_cli_json_carries_evidence(tmp_path, capsys) -> None:
    path = tmp_path / "friends.txt"
    path.write_text(MINUTES, encoding="utf-8")
    record, evidence = extract_with_evidence(str(path))
    assert extract(str(path)) == record
    assert main([str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["evidence"] == evidence
    assert {k: v for k, v in out.items() if k != "evidence"} == record.to_dict()
    assert main([str(path), "--json", "--no-evidence"]) == 0
    assert "evidence" not in json.loads(capsys.readouterr().out)


def _spans(node: object) -> list[dict]:
    if isinstance(node, dict) and "confidence" in node:
        return [node]
    values = node.values() if isinstance(node, dict) else node if isinstance(node, list) else []
    return [s for v in values for s in _spans(v)]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(minutes_words, st.text(max_size=20)), max_size=200))
def test_any_text_gives_spans_inside_it(words: list[str]) -> None:
    """Evidence never fails: every span lies inside the plain text, confidence in 0..1."""
    data = " ".join(words).encode("utf-8", "surrogatepass")
    try:
        record, evidence = extract_with_evidence(data, filename="m.txt")
    except ExtractionError:
        return
    plain = read_text(data, filename="m.txt")
    assert list(evidence)[:5] == ["body", "date", "start_time", "end_time", "venue"]
    assert len(evidence["items"]) == len(record.items)
    for span in _spans(evidence):
        assert 0 <= span["confidence"] <= 1
        if span["start"] is not None:
            assert 0 <= span["start"] < span["end"] <= len(plain)
