"""The sentence model: trained on invented minutes no rule was tuned on, shipped
as written by its script, and used only to add actions the rules did not read,
each marked so that a reviewer checks it (invented text throughout).
"""

from __future__ import annotations

import json
import re

from concord.ingest import extract, extract_with_evidence
from concord.ingest.evidence import LEARNED
from concord.ingest.extraction.layout import forget_sentences, sentences
from concord.ingest.extraction.task_shape import looks_like_task, task_cues, task_of
from concord.ingest.sentences.corpus import FIRST_TRAINING, HELD_OUT, training_documents
from concord.ingest.sentences.features import Coverage, overlap
from concord.ingest.sentences.model import LABELS, WEIGHTS
from concord.ingest.sentences.train import build

MINUTES = b"""Riverside Allotment Society - Committee Meeting
Minutes of the meeting held on 12 March 2026 at the Pavilion, 7.00pm

Present: Nora Bright (Chair), Zain Patel (Treasurer), Olwen Price (Secretary), Tom Reyes

1. Apologies
None.

2. Water supply
The standpipe on the east side is leaking again. Readings are still outstanding - Zain to
chase the water company for the meter readings by 6 April.
Members discussed the cost of a new trough. Olwen will write to the council about the lease
renewal before the May meeting.

3. Any other business
The Chair thanked everyone for the work on the hedge.

Next meeting: 14 May 2026.
"""


def _number(stem: str) -> int:
    return int(re.match(r"P(\d+)", stem).group(1))  # type: ignore[union-attr]


def test_it_is_trained_only_on_documents_no_rule_was_tuned_on_and_none_held_out() -> None:
    docs = training_documents()
    numbers = {_number(doc.stem) for doc, _ in docs}
    assert len(docs) >= 100
    assert min(numbers) >= FIRST_TRAINING
    assert not numbers & HELD_OUT
    assert all(doc.stem == gold.stem for doc, gold in docs)


def test_the_shipped_weights_are_what_the_training_script_writes() -> None:
    shipped = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert shipped["labels"] == list(LABELS)
    assert build(shipped["seeds"], shipped["epochs"]) == shipped


def test_it_adds_a_task_the_rules_do_not_read_and_marks_it() -> None:
    record = extract(MINUTES, filename="minutes.txt")
    by_rules = [a for a in record.actions if not a.learned]
    learned = [a for a in record.actions if a.learned]
    assert [a.owners for a in by_rules] == [["Olwen Price"]]
    assert [(a.description, a.owners, a.due) for a in learned] == [
        ("Chase the water company for the meter readings", ["Zain Patel"], "2026-04-06")
    ]
    data = record.to_dict()["actions"]
    assert [a.get("learned") for a in data] == [None, True]  # only on the model's


def test_what_it_adds_is_flagged_for_review() -> None:
    record, evidence = extract_with_evidence(MINUTES, filename="minutes.txt")
    reasons = [e["description"]["reason"] for e in evidence["actions"]]
    flagged = [a.learned for a in record.actions]
    assert [LEARNED in r for r in reasons] == flagged
    assert all(
        e["description"]["confidence"] < 0.75
        for e, a in zip(evidence["actions"], record.actions, strict=True)
        if a.learned
    )


def test_a_task_needs_someone_to_do_it_or_a_verb_to_open_it() -> None:
    people = ["Zain Patel", "Olwen Price"]
    for shaped in (
        "4.4 ZP to prepare a draft transfer agreement",
        "→ Olwen will draft the template and bring it to the March meeting",
        "The Cabinet asked the Director of Place to bring a report by May",
        "Readings are outstanding — Zain to chase the water company",
        "Chase the sponsors who have not paid",
        "Write to the landlord about the gate.   OP",
    ):
        assert looks_like_task(shaped, people), shaped
    for unshaped in (
        "Huge challenges lie ahead for the town centre",
        "This will include the annual report",
        "Recommendation to obtain longer term funding",
        "Partners will continue to review the way they work together",
        "The Chair thanked everyone for the work on the hedge.",
        "The strategy includes an Action Plan (SCS)",
        "End to end review from the residents' point of view",
    ):
        assert not looks_like_task(unshaped, people), unshaped


def test_the_line_test_never_hides_a_task() -> None:
    """What :func:`task_cues` says of a line, told to :func:`looks_like_task`,
    changes no answer for any sentence of the line (it only saves work)."""
    people = ["Zain Patel", "Olwen Price"]
    lines = [
        "Figures improved. Chase the sponsors who have not paid.",
        "Members noted the report. To do: ring the hall",
        "Follow up with the bank about the mandate",
        "Partners noted the figures. Write to the landlord.\tOP",
        "Readings are outstanding – Olwen TO chase the water company",
        "The Board approved the plan. It was a good year.",
        "Members discussed the report in detail. Olwen would send it on.",
    ]
    told = [task_cues(line) for line in lines]
    assert told == [False, True, True, True, True, False, True]
    for line, cued in zip(lines, told, strict=True):
        for sentence in sentences(line):
            assert looks_like_task(sentence, people, cued) == looks_like_task(sentence, people)
    assert looks_like_task("Chase the sponsors who have not paid.", people, False)


def test_the_task_and_its_owner_are_read_from_the_shape() -> None:
    people = ["Zain Patel", "Olwen Price"]
    assert task_of("The Board asked Olwen to circulate the plan by May.", people) == (
        "Circulate the plan",
        ["Olwen Price"],
        "May",
    )
    assert task_of("Readings are outstanding - Zain to chase the company.", people)[:2] == (
        "Chase the company",
        ["Zain Patel"],
    )


def test_a_sentence_the_rules_read_is_not_shown_to_the_model() -> None:
    covered = Coverage(["Chase the water company for the meter readings"])
    assert covered.reaches("Zain to chase the water company for the meter readings.", 0.3)
    assert not covered.reaches("Olwen will write to the council about the lease.", 0.3)
    assert overlap("Jo to book the hall.", "Book the hall") == 0.8


def test_kept_sentence_splits_are_copies_and_forgotten_per_document() -> None:
    """Splits are kept for the rest of a document (the rules and the model
    split the same lines): a caller changing its list changes no later answer."""
    line = "Members noted it. Jo will call the hall."
    first = sentences(line)
    first.append("changed")
    assert sentences(line) == ["Members noted it.", "Jo will call the hall."]
    forget_sentences()
    assert sentences(line) == ["Members noted it.", "Jo will call the hall."]
