"""Informal notes read across many writers of the probe set (invented text).

Chatty notes give tasks as plans ("Sue's going to ring round"), as bullets
that open with a name and a colon, and recap them under headings of their
own ("So to recap who's doing what:", "Jobs list"); owners may sit in
Markdown emphasis at a line's end; attendance may be set apart by dots;
the AGM's date and a second meeting "followed by" are meetings ahead.
None of this text comes from real minutes.
"""

from __future__ import annotations

from concord.ingest import extract


def _record(doc: str, filename: str = "notes.txt") -> dict:
    return extract(doc.encode(), filename=filename).to_dict()


CHATTY = """Hi all, notes from Tuesday's committee (4 February 2025).

Present: Sue Hart, Pete Lomas, Kwame Osei

The fun day is on 5 July. Sue's going to ring round for bouncy castle prices.
Kwame and Pete are going to do a walkround of the stairwells and take photos.

So to recap who's doing what:
- Pete - raffle prizes from the Co-op
- Sue - bouncy castle prices

Next meeting is Tuesday 4th March, same place. And don't forget the AGM is
Tuesday 15th April at 7pm in the community flat.
"""


def test_plans_a_recap_and_the_agm_in_a_chatty_note() -> None:
    record = _record(CHATTY)
    actions = [(a["description"], a["owners"]) for a in record["actions"]]
    assert actions == [
        ("Ring round for bouncy castle prices", ["Sue Hart"]),
        ("Do a walkround of the stairwells and take photos", ["Kwame Osei", "Pete Lomas"]),
        ("Raffle prizes from the Co-op", ["Pete Lomas"]),
    ]
    assert [m["date"] for m in record["next_meetings"]] == ["2025-03-04", "2025-04-15"]


MARKDOWN = """# Elmbank Food Co-operative - members' council, 14 September 2022

**Present:** Ruth Adeyemi (RA) – chairing · Simon Pell (SP) – minutes · Ffion Gough (FG)

### Share offer
- Model three share offer scenarios for the October meeting — **SP**
- Ffion: ask the bank about a bridging loan before the October meeting
"""


def test_dotted_attendance_an_owner_in_bold_and_a_name_with_a_colon() -> None:
    record = _record(MARKDOWN, "council.md")
    people = {a["name"]: a for a in record["attendance"]}
    assert list(people) == ["Ruth Adeyemi", "Simon Pell", "Ffion Gough"]
    assert people["Ruth Adeyemi"]["role"] == "chair"
    assert [(a["description"], a["owners"]) for a in record["actions"]] == [
        ("Model three share offer scenarios for the October meeting", ["Simon Pell"]),
        ("Ask the bank about a bridging loan before the October meeting", ["Ffion Gough"]),
    ]


def test_a_second_meeting_followed_by() -> None:
    record = _record(
        "Minutes of the Finance Committee, 17 June 2004\n\n"
        "Present: Ann Lee (Chair), Bo Fry\n\n"
        "7. Any other business\n"
        "Members thanked the Treasurer. The next meeting will be held on Thursday 16 September "
        "2004 at 10.00 am in the "
        "Committee Room at Police Headquarters, followed by "
        "Thursday 18 November 2004 at 10.00 am.\n"
    )
    assert [m["date"] for m in record["next_meetings"]] == ["2004-09-16", "2004-11-18"]


def test_thursday_nights_meeting_started_in_the_evening() -> None:
    record = _record(
        "Subject: Notes from Thursday's committee meeting (11th April 2024)\n\n"
        "Hi all, here are my notes from Thursday night at the hut.\n\n"
        "Present: Ann Lee (chair), Bo Fry\n\n"
        "We started at 7.35 because the key had gone walkabout again.\n"
        "We finished about 9.15.\n"
    )
    assert (record["start_time"], record["end_time"]) == ("19:35", "21:15")


REPORTED_ELSEWHERE = """Minutes of the Larch Grove PTA, 20 August 2024

Present: Ann Lee (chair), Bo Fry, Cy Dunn (Registrar)

1. Shade sail
Mr Dunn explained that the Board of Trustees has approved the shade sail project.
It was agreed to hold a disco in November.
It was agreed that the Registrar would write to the parents about the disco.

2. Bake sale
Lots of views both ways and in the end nothing was decided.
"""


def test_decisions_reported_taken_elsewhere_or_not_taken_are_none() -> None:
    record = _record(REPORTED_ELSEWHERE)
    assert record["decisions"] == ["It was agreed to hold a disco in November."]
    assert [a["description"] for a in record["actions"]] == ["Write to the parents about the disco"]
