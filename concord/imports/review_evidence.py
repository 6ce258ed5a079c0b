"""The review screen's evidence: the document's text with each field marked, unsure ones flagged.

The extractor stored, with the record, where each field came from
(``Document.evidence``, :mod:`concord.ingest.evidence`). The draft on the
review form may since have been corrected, so each draft row is matched to
the record's row with the same value (a name, a title, a description): an
edited value has no evidence, a reordered or deleted row takes its
evidence with it. How well the text matched is kept; the checks that
depend on the rest of the record (an owner not in the attendance, an
action without owner or due date, a name without surname) are made again
on the draft as it stands.

:func:`review_evidence` returns what the template shows: the text as
**segments** (plain or marked, each escaped by the template, never marked
safe) and, per form field (by its HTML name: ``"date"``, ``"att-0-name"``),
the mark it links to and what to check. Pure Python: no queries.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from concord.imports.draft import Draft, record_from_dict
from concord.ingest.evidence import (
    NO_DUE,
    NO_OWNER,
    UNSURE,
    Span,
    attending,
    in_attendance,
    name_check,
)


@dataclass
class Mark:
    """A highlighted span of the text, named after the field it is evidence for."""

    id: str
    label: str
    start: int
    end: int
    check: str = ""


@dataclass
class FieldEvidence:
    """What a form field shows: the mark it links to (if any) and what to check ("" if sure)."""

    label: str
    mark_id: str = ""
    check: str = ""


@dataclass
class Segment:
    text: str
    mark: Mark | None = None


@dataclass
class ReviewEvidence:
    """The text as segments, and the evidence of each form field by its HTML name."""

    segments: list[Segment] = field(default_factory=list)
    fields: dict[str, FieldEvidence] = field(default_factory=dict)

    @property
    def to_check(self) -> int:
        """How many fields are flagged."""
        return sum(1 for f in self.fields.values() if f.check)

    @property
    def has_marks(self) -> bool:
        return any(s.mark for s in self.segments)


def _key(value: Any) -> str:
    return " ".join(str(value or "").lower().split())


class _Builder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.marks: list[Mark] = []
        self.fields: dict[str, FieldEvidence] = {}

    def add(self, name: str, label: str, span: Span | None, checks: list[str]) -> None:
        """Evidence for form field ``name``: its span as found, plus the draft's own checks."""
        reasons = list(checks)
        mark_id = ""
        if span is not None:
            found = span.as_found()
            if found.confidence < UNSURE or found.start is None:
                reasons.insert(0, found.reason or "not sure this was read right")
            if found.start is not None and found.end is not None and found.end <= len(self.text):
                mark_id = f"ev-{name}"
                if name in self.fields:  # a second owner of the same action
                    mark_id = f"{mark_id}-{sum(1 for m in self.marks if m.id.startswith(mark_id))}"
                check = "; ".join(reasons)
                self.marks.append(Mark(mark_id, label, found.start, found.end, check))
        previous = self.fields.get(name)
        if previous is not None:  # a second owner of one action: one field, both marks
            reasons = [r for r in [previous.check, *reasons] if r]
            mark_id = previous.mark_id or mark_id
        self.fields[name] = FieldEvidence(label, mark_id, "; ".join(dict.fromkeys(reasons)))

    def segments(self) -> list[Segment]:
        """The text cut at the marks; a mark overlapping an earlier one is shortened or dropped."""
        out, at = [], 0
        kept = set()
        for mark in sorted(self.marks, key=lambda m: (m.start, -m.end)):
            start = max(mark.start, at)
            if start >= mark.end:
                continue
            if start > at:
                out.append(Segment(self.text[at:start]))
            out.append(Segment(self.text[start : mark.end], mark))
            kept.add(mark.id)
            at = mark.end
        if at < len(self.text):
            out.append(Segment(self.text[at:]))
        for f in self.fields.values():  # a field whose mark was dropped links nowhere
            if f.mark_id and f.mark_id not in kept:
                f.mark_id = ""
        return out


def _matcher(values: list[Any]) -> Any:
    """``take(value)``: the index of the next unused record row with that value, else None."""
    queues: dict[str, list[int]] = defaultdict(list)
    for n, value in enumerate(values):
        queues[_key(value)].append(n)

    def take(value: Any) -> int | None:
        queue = queues.get(_key(value))
        return queue.pop(0) if queue else None

    return take


def _span(rows: list[Any], n: int | None, *keys: Any) -> Span | None:
    node: Any = rows[n] if n is not None and n < len(rows) else None
    for key in keys:
        if isinstance(node, dict):
            node = node.get(key)
        elif isinstance(node, list) and isinstance(key, int) and key < len(node):
            node = node[key]
        else:
            return None
    return Span.from_dict(node)


def review_evidence(
    text: str, evidence: dict[str, Any] | None, record: dict[str, Any] | None, draft: Draft
) -> ReviewEvidence:
    """The marks and flags of the review screen for ``draft`` (see the module's docstring).

    >>> from concord.imports.draft import DraftAction
    >>> text = "Kite Group 3 May 2025\\nAction: Bo Fry to paint the fence."
    >>> record = {"date": "2025-05-03", "actions": [{"description": "Paint the fence",
    ...                                              "owners": ["Bo Fry"]}]}
    >>> ev = {"date": {"start": 11, "end": 21, "confidence": 1.0, "reason": ""},
    ...       "actions": [{"description": {"start": 38, "end": 53, "confidence": 0.7,
    ...                                    "reason": "no due date"}, "owners": [], "due": None}]}
    >>> draft = Draft(date="2025-05-03", actions=[DraftAction("Paint the fence", ["Bo Fry"])])
    >>> shown = review_evidence(text, ev, record, draft)
    >>> [(s.text, s.mark and s.mark.id) for s in shown.segments][:2]
    [('Kite Group ', None), ('3 May 2025', 'ev-date')]
    >>> shown.fields["act-0-description"].check, shown.to_check
    ('no due date', 1)
    """
    b = _Builder(text)
    if not evidence or record is None:
        return ReviewEvidence([Segment(text)] if text else [], {})
    read = record_from_dict(record)
    # The meeting's details: evidence while the draft keeps the value as read.
    for name, label, value, original in [
        ("body", "Body", draft.body, read.body),
        ("date", "Date", draft.date, read.date),
        ("start_time", "Start time", draft.start_time, read.start_time),
        ("end_time", "End time", draft.end_time, read.end_time),
        ("venue", "Venue", draft.venue, read.venue),
    ]:
        if value and _key(value) == _key(original):
            b.add(name, label, Span.from_dict(evidence.get(name)), [])

    attendance = evidence.get("attendance") or []
    take = _matcher([p.name for p in read.attendance])
    for i, person in enumerate(draft.attendance):
        n = take(person.name)
        label = f"Attendee {i + 1}"
        why = name_check(person.name) if person.person_id is None else ""
        b.add(f"att-{i}-name", f"{label}: name", _span(attendance, n, "name"), [why] if why else [])
        original = read.attendance[n].organisation if n is not None else None
        if person.organisation and _key(person.organisation) == _key(original):
            b.add(f"att-{i}-organisation", f"{label}: organisation",
                  _span(attendance, n, "organisation"), [])  # fmt: skip

    items = evidence.get("items") or []
    take = _matcher([i.title for i in read.items])
    for i, item in enumerate(draft.items):
        n = take(item.title)
        if n is not None:
            b.add(f"items-{i}-title", f"Item {i + 1}: title", _span(items, n), [])

    decisions = evidence.get("decisions") or []
    take = _matcher(read.decisions)
    for i, decision in enumerate(draft.decisions):
        n = take(decision.text)
        if n is not None:
            b.add(f"dec-{i}-text", f"Decision {i + 1}: text", _span(decisions, n), [])

    actions = evidence.get("actions") or []
    take = _matcher([a.description for a in read.actions])
    names = attending([p.name for p in draft.attendance])
    for i, action in enumerate(draft.actions):
        n = take(action.description)
        label = f"Action {i + 1}"
        checks = [NO_OWNER] if not (action.owners or action.picked) else []
        checks += [] if action.due else [NO_DUE]
        span = _span(actions, n, "description") if n is not None else None
        if span is not None or checks:
            b.add(f"act-{i}-description", f"{label}: description", span, checks)
        written = [_key(o) for o in read.actions[n].owners] if n is not None else []
        for owner in action.owners:
            where = written.index(_key(owner)) if _key(owner) in written else None
            owner_span = _span(actions, n, "owners", where) if where is not None else None
            absent = names and not in_attendance(owner, names)
            if owner_span is not None or absent:
                absence = [f"{owner} is not in the attendance"] if absent else []
                b.add(f"act-{i}-owners", f"{label}: owners", owner_span, absence)
        if n is not None and action.due and action.due == read.actions[n].due:
            b.add(f"act-{i}-due", f"{label}: due", _span(actions, n, "due"), [])

    for k, span_data in enumerate(evidence.get("next_meetings") or []):
        span = Span.from_dict(span_data)
        if span is not None and span.start is not None and span.end is not None:
            b.marks.append(Mark(f"ev-next-{k}", f"Next meeting {k + 1}", span.start, span.end))
    segments = b.segments()
    return ReviewEvidence(segments, b.fields)
