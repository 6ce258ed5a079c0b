"""Notes of a meeting sent as an e-mail (invented text).

Writers of many probe documents e-mail their notes: the subject line and
the "To:" list name the body in short or not at all; the message's first
lines say which body met and where ("Quick notes from last night's … at
the hut"), and the sign-off names the organisation ("Hon. Secretary,
Larchfield Allotment Society").  None of this text comes from real minutes.
"""

from __future__ import annotations

from concord.ingest import extract


def _record(doc: str) -> dict:
    return extract(doc.encode(), filename="notes.txt").to_dict()


_HEADER = (
    "From: Wendy Pask <wendy.pask@example.org>\n"
    "Sent: Friday, 13 March 2026 21:40\n"
    "To: LAS Committee <committee@example.org>\n"
    "Subject: notes from Thursday's committee mtg (12th)\n\n"
    "Hi all,\n\n"
)


def test_the_sign_off_names_the_body_the_subject_only_hints_at() -> None:
    record = _record(
        _HEADER + "Here are my notes from Thursday night at the hut. Shout if I've got\n"
        "anything wrong.\n\n"
        "Present: Don Royle (chair), Priya Shah, me.\n\n"
        "Water - Don will chase the water company about the standpipe.\n\n"
        "Next committee is Thursday 9th April.\n\n"
        "Thanks,\nWendy\n"
        "Hon. Secretary, Larchfield Allotment Society\n"
    )
    assert (record["body"], record["venue"]) == ("Larchfield Allotment Society", "the hut")
    assert record["date"] == "2026-03-12"


def test_the_body_named_in_passing_over_its_initials() -> None:
    record = _record(
        "From: Jo Dean <jo.dean@example.org>\n"
        "Sent: 07 November 2019 09:14\n"
        "To: OV W&I Group\n"
        "Subject: Notes from yesterday's W&I group (6 Nov) + actions\n\n"
        "Hi all,\n\n"
        "Quick notes from yesterday's Otterbrook Vale Warning & Informing Group\n"
        "(Weds 6 Nov, 10:00-11:40, training room at Calder Fire Station) - thanks to\n"
        "everyone who came.\n\n"
        "Present: Jo Dean (chairing), Sam Orr, Bea Lund.\n"
    )
    assert record["body"] == "Otterbrook Vale Warning & Informing Group"
    assert record["venue"] == "training room at Calder Fire Station"
    assert (record["start_time"], record["end_time"]) == ("10:00", "11:40")


def test_a_committee_of_the_organisation_that_signs() -> None:
    record = _record(
        "From: Graham Toll <sec@example.org>\n"
        "Sent: Thursday, 5 February 2026 8:12 AM\n"
        "To: Shed Committee\n"
        "Subject: Notes from last night's committee meeting (Wed 4 Feb)\n\n"
        "G'day all,\n\n"
        "Here are my notes from last night's committee meeting at the shed.\n\n"
        "Who was there: Ron White (chaired), me (Graham), Phil Arno.\n\n"
        "Cheers,\nGraham\n"
        "Hon. Secretary, Kelso Creek Men's Shed Inc.\n"
    )
    assert (record["body"], record["venue"]) == ("Kelso Creek Men's Shed Committee", "the shed")


def test_a_call_named_in_brackets_and_the_header_never_the_body() -> None:
    record = _record(
        "From: Rosa Vela <rosa@example.org>\n"
        "Sent: Wednesday, March 10, 2021 11:47 PM\n"
        "To: Coordinators <coordinators@example.org>\n"
        "Subject: minutes from last night's call (3/9) + to-dos\n\n"
        "Hey everyone,\n\n"
        "Here are the minutes from last night's Linden Flats Mutual Aid coordinators call\n"
        "(Tues 3/9, on Zoom). We started at 7:05 and wrapped up around 8:40.\n\n"
        "On the call: Dee Tran (facilitating), Hal Berg, me (Rosa, notes).\n"
    )
    assert record["body"] == "Linden Flats Mutual Aid coordinators"
    assert record["venue"] == "Zoom"


def test_minutes_that_are_no_email_keep_their_heading() -> None:
    record = _record(
        "Larchfield Allotment Society - Committee\n"
        "Minutes of the meeting held on 12 March 2026 at the hut\n\n"
        "Present: Don Royle (chair), Priya Shah\n\n"
        "Thanks,\nWendy\nHon. Secretary, Larchfield Horticultural Society\n"
    )
    assert record["body"] == "Larchfield Allotment Society Committee"


def test_an_hour_told_alone_and_an_end_time_on_the_next_line() -> None:
    record = _record(
        _HEADER + "My notes from last night. We were in the community flat (2B Mill Court)\n"
        "and got going about 7, finished at 8.35 so not bad going for us!\n\n"
        "Present: me (chairing), Kwame Asante, Lorraine Pybus.\n"
    )
    assert (record["start_time"], record["end_time"]) == ("19:00", "20:35")
    assert record["venue"] == "the community flat (2B Mill Court)"


def test_the_writer_is_me_in_the_list_and_i_in_the_tasks() -> None:
    record = extract(
        b"From: Moira Kell <branchsec@example.org>\n"
        b"Sent: 20 October 2011 22:47\n"
        b"To: Branch Committee <committee@example.org>\n"
        b"Subject: Notes from last night's committee (19/10)\n\n"
        b"Hi all\n\n"
        b"Who was there: Jim Carr (chair), me, Kasia Nowak, Tam Gow.\n"
        b"Apologies from Linda Hay.\n\n"
        b"1) Minutes of September meeting\n"
        b"Agreed. Still nothing back from HR on the facilities letter, so I will chase\n"
        b"them again this week.\n\n"
        b"2) Branch AGM\n"
        b"AGM agreed for Tuesday 24th January 2012. I'll book the hall.\n\n"
        b"Moira\n",
        filename="notes.txt",
    )
    assert ("Moira Kell", "present") in [(p.name, p.status) for p in record.attendance]
    owned = sorted((a.description[:26], a.owners) for a in record.actions)
    assert owned == [
        ("Book the hall", ["Moira Kell"]),
        ("Chase them again this week", ["Moira Kell"]),
    ]


def test_a_note_typed_in_lower_case_keeps_its_names_so() -> None:
    record = _record(
        "From: Dana Whit <dana@example.org>\nTo: board@example.org\n"
        "Subject: notes from tues board mtg\n\nhi all,\n\n"
        "there: rafa delgado (chair), joelle (treas), kwame asante,\n"
        "me (dana, notes), + hank lutz (store mgr, non-voting)\n"
        "not there: lin park (sick)\n\n1) sept minutes\n- ok'd, no changes\n"
    )
    names = [p["name"] for p in record["attendance"]]
    assert names == ["Rafa Delgado", "Joelle", "Kwame Asante", "Dana Whit", "Lin Park"]


def test_the_body_before_notes_in_the_subject_line() -> None:
    record = _record(
        "From: Sian Price\nSent: Wednesday, June 8, 2022 4:42 PM\nTo: Rhod Vaughan ; Gwen Bont\n"
        "Subject: High Street Task Force - notes & actions from last night (Tues 7th)\n\n"
        "Hi all,\n\nThanks to everyone who made it last night.\n\n"
        "Who was there: Rhod Vaughan (in the chair), Gwen Bont.\n"
    )
    assert (record["body"], record["date"]) == ("High Street Task Force", "2022-06-07")
