"""The line model: invented training data, deterministic training, the shipped weights,
and the attendance layouts it reads where the rules find no one (invented text).

None of the documents here come from real minutes; names and bodies are made up.
"""

from __future__ import annotations

import json

from concord.ingest import extract
from concord.ingest.lines.generate import LABELS, corpus
from concord.ingest.lines.model import WEIGHTS, classify
from concord.ingest.lines.train import accuracy, build, examples


def _people(doc: str) -> dict[str, str]:
    record = extract(doc.encode(), filename="minutes.txt").to_dict()
    return {a["name"]: a["status"] for a in record["attendance"]}


def test_the_generator_labels_every_line_with_a_known_role() -> None:
    docs = corpus(seed=3, n=40)
    assert docs == corpus(seed=3, n=40)  # the same seed, the same documents
    labels = {label for doc in docs for _, label in doc}
    assert labels == set(LABELS)
    assert all(isinstance(line, str) and line for doc in docs for line, _ in doc)


def test_training_is_deterministic_for_a_seed() -> None:
    assert build(seed=5, docs=40, epochs=2) == build(seed=5, docs=40, epochs=2)


def test_the_shipped_weights_are_what_the_training_script_writes() -> None:
    shipped = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert shipped["labels"] == list(LABELS)
    rebuilt = build(shipped["seed"], shipped["docs"], shipped["epochs"])
    assert rebuilt == shipped


def test_the_shipped_model_reads_invented_documents_it_was_not_trained_on() -> None:
    shipped = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert accuracy(shipped["weights"], examples(seed=999, docs=30)) > 0.97


def test_classify_labels_invented_lines() -> None:
    lines = [
        "Ashcombe Tenants Forum",
        "Minutes of the meeting held on 4 March 2024",
        "Present:",
        "Cllr Ivo Pennick (Chair)",
        "Hana Sowerby, Elmsfield Housing Trust",
        "1. Minutes of the last meeting",
        "RESOLVED that the minutes be approved as a true record.",
        "ACTION: HS to book the hall for the open day.",
        "Members discussed the figures for the quarter and asked about the delay.",
    ]
    assert [label for label, _ in classify(lines)] == [
        "meta", "meta", "att_head", "person", "person", "item", "decision", "action", "text",
    ]  # fmt: skip


def test_a_heading_without_colon_over_a_bulleted_list() -> None:
    people = _people(
        "Harrowgate Allotment Society\nMinutes, 4 May 2021\nCommittee members attending tonight\n"
        "• Ann Ashby\n• Bryn Lunt\n• Cara Dellow\n• Dov Farrow\n"
        "1. Minutes of last meeting\nApproved.\n"
    )
    assert people == dict.fromkeys(
        ["Ann Ashby", "Bryn Lunt", "Cara Dellow", "Dov Farrow"], "present"
    )


def test_a_register_of_names_and_organisations_in_tab_columns() -> None:
    record = extract(
        b"Wendle Forum\n12 June 2019\nAttendance register\nAnn Ashby\tWendle Council\n"
        b"Bryn Lunt\tOakhurst Housing Trust\nCara Dellow\tNorthmoor Police\n"
        b"1. Welcome\nThe chair welcomed all.\n",
        filename="minutes.txt",
    ).to_dict()
    assert [(a["name"], a["organisation"]) for a in record["attendance"]] == [
        ("Ann Ashby", "Wendle Council"),
        ("Bryn Lunt", "Oakhurst Housing Trust"),
        ("Cara Dellow", "Northmoor Police"),
    ]


def test_a_numbered_list_of_attendees_is_not_read_as_items() -> None:
    record = extract(
        b"Elmsfield Board\n1 Jan 2020\nAttendees\n1. Ann Ashby\n2. Bryn Lunt\n3. Cara Dellow\n"
        b"Item 1 Minutes\nApproved.\nItem 2 Budget\nNoted.\n",
        filename="minutes.txt",
    ).to_dict()
    assert [a["name"] for a in record["attendance"]] == ["Ann Ashby", "Bryn Lunt", "Cara Dellow"]
    assert [i["title"] for i in record["items"]] == ["Minutes", "Budget"]


def test_names_with_their_posts_run_together_are_all_read() -> None:
    people = _people(
        "ELMSFIELD BOARD\n1 Jan 2020\nMEMBERS ATTENDING\nAnn Ashby Chair\nBryn Lunt Treasurer\n"
        "Cara Dellow Secretary\n1. Minutes\nApproved.\n"
    )
    assert set(people) == {"Ann Ashby", "Bryn Lunt", "Cara Dellow"}


def test_a_report_with_bulleted_outcomes_and_a_signature_has_no_attendance() -> None:
    people = _people(
        "Kestrel Vale Partnership Progress Note\nSubject\nQuarterly progress\n"
        "Outcomes\n• Funding Secured\n• Events Organised\n• Projects Initiated\n"
        "• Improved Linkages\nMarguerite Haddow\nPartnership Manager\n"
    )
    assert people == {}


def test_a_register_table_in_an_html_page() -> None:
    record = extract(
        b"<html><body><h1>Wendle Forum</h1><p>12 June 2019</p><h3>Attendance register</h3>"
        b"<table><tr><td>Ann Ashby</td><td>Wendle Council</td></tr>"
        b"<tr><td>Bryn Lunt</td><td>Oakhurst Housing Trust</td></tr>"
        b"<tr><td>Cara Dellow</td><td>Northmoor Police</td></tr></table>"
        b"<h2>1. Welcome</h2><p>The chair welcomed all.</p><h2>2. Budget</h2><p>Noted.</p>"
        b"</body></html>",
        filename="minutes.html",
    ).to_dict()
    assert [(a["name"], a["organisation"]) for a in record["attendance"]] == [
        ("Ann Ashby", "Wendle Council"),
        ("Bryn Lunt", "Oakhurst Housing Trust"),
        ("Cara Dellow", "Northmoor Police"),
    ]
    assert [i["title"] for i in record["items"]] == ["Welcome", "Budget"]
