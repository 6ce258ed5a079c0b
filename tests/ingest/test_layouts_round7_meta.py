"""Headings read across many writers of the probe set (invented text).

A heading's parts set apart by dots or bars hold the venue; a body named
only by what it is ("the Full Council", "Cabinet") is named with its
organisation; a committee's name under its organisation may run over two
lines or sit under a rule.  None of this text comes from real minutes.
"""

from __future__ import annotations

from concord.ingest import extract


def _record(doc: str) -> dict:
    return extract(doc.encode(), filename="minutes.txt").to_dict()


def test_the_venue_among_a_headings_parts() -> None:
    record = _record(
        "Thornfield Library Trust Board\n"
        "Tuesday, 10 March 2026 · 6:30 p.m. · Conference Room, 212 Front Street\n\n"
        "Present: Ann Lee (chair), Bo Fry\n"
    )
    assert (record["date"], record["venue"]) == ("2026-03-10", "Conference Room, 212 Front Street")


def test_a_venue_held_at_before_the_date() -> None:
    record = _record(
        "Minutes of a meeting held at Woodhatch Place, Kingsmere on 2 March 2026, 10.30 am\n\n"
        "Present: Ann Lee (chair), Bo Fry\n"
    )
    assert record["venue"] == "Woodhatch Place, Kingsmere"


def test_the_full_council_is_named_by_its_council() -> None:
    record = _record(
        "ELMSTEAD TOWN COUNCIL\n"
        "MINUTES OF THE MEETING OF THE FULL COUNCIL held on Tuesday 10 March 2026\n\n"
        "PRESENT: Cllr Ann Lee (Chair), Cllr Bo Fry\n"
    )
    assert record["body"] == "ELMSTEAD TOWN COUNCIL"


def test_a_committee_under_a_rule_and_over_two_lines() -> None:
    record = _record(
        "WENLOCK COUNTY COUNCIL\n"
        "======================\n"
        "LICENSING ACT 2003 SUB-COMMITTEE (PANEL B)\n"
        "Minutes of the hearing held on Wednesday, 4 March 2026\n\n"
        "Present: Cllr Ann Lee (Chair), Cllr Bo Fry\n"
    )
    assert record["body"] == "WENLOCK COUNTY COUNCIL LICENSING ACT 2003 SUB-COMMITTEE (PANEL B)"
    record = _record(
        "BRAYFORD DISTRICT COUNCIL\n"
        "HARROW LANE LIBRARY AND COMMUNITY HUB\n"
        "PROJECT STEERING GROUP\n"
        "Notes of meeting held on Tuesday 10 February 2026, 2.00pm - 3.35pm\n\n"
        "Present: Ann Lee (Chair), Bo Fry\n"
    )
    assert record["body"] == (
        "BRAYFORD DISTRICT COUNCIL HARROW LANE LIBRARY AND COMMUNITY HUB PROJECT STEERING GROUP"
    )
