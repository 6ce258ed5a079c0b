"""The draft a document waits as until someone confirms it: the typed record and the corrections.

``Document.record`` keeps the :class:`~concord.ingest.record.MeetingRecord`
the extractor returned, serialised; :func:`record_from_dict` reads it back
as itself. ``Document.draft`` keeps a :class:`Draft`: the record as the
reviewer corrected it, plus what a record cannot say — the person or body
picked from the register for a name, the item each decision and action
belongs to, declarations of interest. Nothing here touches the database:
the register is only written when the draft is confirmed
(:mod:`concord.imports.applying`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from concord.ingest.record import Action as RecordAction
from concord.ingest.record import Attendee, Item, MeetingRecord, NextMeeting


def _text(value: Any) -> str:
    return " ".join(str(value or "").split())


def record_from_dict(data: dict[str, Any] | None) -> MeetingRecord:
    """The typed record from its stored form (unknown keys ignored, bad values dropped).

    >>> r = record_from_dict({"body": "B", "attendance": [{"name": "Ann Lee"}], "x": 1})
    >>> r.body, r.attendance[0].status
    ('B', 'present')
    """
    data = data or {}

    def opt(key: str, source: dict[str, Any] = data) -> str | None:
        value = _text(source.get(key))
        return value or None

    return MeetingRecord(
        source=opt("source"),
        kind=_text(data.get("kind")) or "other",
        body=opt("body"),
        date=opt("date"),
        start_time=opt("start_time"),
        end_time=opt("end_time"),
        venue=opt("venue"),
        attendance=[
            Attendee(
                name=_text(a.get("name")),
                title=opt("title", a),
                organisation=opt("organisation", a),
                status=_text(a.get("status")) or "present",
                role=opt("role", a),
                deputising_for=opt("deputising_for", a),
            )
            for a in data.get("attendance") or []
            if isinstance(a, dict) and _text(a.get("name"))
        ],
        items=[
            Item(number=_text(i.get("number")), title=_text(i.get("title")))
            for i in data.get("items") or []
            if isinstance(i, dict) and _text(i.get("title"))
        ],
        actions=[
            RecordAction(
                description=str(a.get("description") or "").strip(),
                owners=[_text(o) for o in a.get("owners") or [] if _text(o)],
                due=opt("due", a),
            )
            for a in data.get("actions") or []
            if isinstance(a, dict) and str(a.get("description") or "").strip()
        ],
        decisions=[str(d).strip() for d in data.get("decisions") or [] if str(d).strip()],
        next_meetings=[
            NextMeeting(date=_text(n.get("date")), time=opt("time", n), venue=opt("venue", n))
            for n in data.get("next_meetings") or []
            if isinstance(n, dict) and _text(n.get("date"))
        ],
    )


@dataclass
class DraftAttendee:
    """One row of the attendance grid; ``person_id`` when picked from the register."""

    name: str
    title: str | None = None
    organisation: str | None = None
    status: str = "present"
    role: str | None = None
    deputising_for: str | None = None
    person_id: int | None = None


@dataclass
class DraftDecision:
    text: str
    item: str = ""  # the number of the item it was taken at


@dataclass
class DraftAction:
    """An action; ``owners`` typed, ``picked`` chosen ("person:3", "body:2", "all")."""

    description: str
    owners: list[str] = field(default_factory=list)
    picked: list[str] = field(default_factory=list)
    due: str | None = None  # YYYY-MM-DD or YYYY-MM
    item: str = ""


@dataclass
class DraftDeclaration:
    name: str
    interest: str
    item: str = ""
    person_id: int | None = None


@dataclass
class Draft:
    """What the meeting will be once confirmed: the corrected record and the reviewer's picks."""

    body: str = ""
    body_id: int | None = None
    date: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    venue: str | None = None
    attendance: list[DraftAttendee] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    decisions: list[DraftDecision] = field(default_factory=list)
    actions: list[DraftAction] = field(default_factory=list)
    declarations: list[DraftDeclaration] = field(default_factory=list)

    @classmethod
    def from_record(cls, record: MeetingRecord, *, text: str = "", body_hint: str = "") -> Draft:
        """The draft as read: the record's values, decisions and actions under their items.

        >>> d = Draft.from_record(MeetingRecord(body="B", items=[Item("1", "Welcome")],
        ...                                     decisions=["Agreed"]))
        >>> d.body, d.decisions[0].item
        ('B', '1')
        """
        from concord.imports.placing import TextIndex

        index = TextIndex(text)
        numbers = [item.number or str(n) for n, item in enumerate(record.items, 1)]
        items = [
            Item(number, item.title) for number, item in zip(numbers, record.items, strict=True)
        ]
        positions = index.item_positions([(i.number, i.title) for i in record.items])

        def item_at(words: str) -> str:
            if not numbers:
                return ""
            return numbers[index.item_for(index.find(words), positions)]

        return cls(
            body=body_hint or record.body or "",
            date=record.date,
            start_time=record.start_time,
            end_time=record.end_time,
            venue=record.venue,
            attendance=[DraftAttendee(**asdict(a)) for a in record.attendance],
            items=items,
            decisions=[DraftDecision(d, item_at(d)) for d in record.decisions],
            actions=[
                DraftAction(a.description, list(a.owners), [], a.due, item_at(a.description))
                for a in record.actions
            ],
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Draft:
        """The draft from ``Document.draft`` (the inverse of :meth:`to_dict`)."""

        def rows(key: str, kind: type) -> list[Any]:
            names = getattr(kind, "__dataclass_fields__", {})
            return [kind(**{k: v for k, v in r.items() if k in names}) for r in data.get(key) or []]

        return cls(
            body=data.get("body") or "",
            body_id=data.get("body_id"),
            date=data.get("date"),
            start_time=data.get("start_time"),
            end_time=data.get("end_time"),
            venue=data.get("venue"),
            attendance=rows("attendance", DraftAttendee),
            items=rows("items", Item),
            decisions=rows("decisions", DraftDecision),
            actions=rows("actions", DraftAction),
            declarations=rows("declarations", DraftDeclaration),
        )


def draft_of(document: Any) -> Draft:
    """The document's draft: the reviewer's, else the one read from its record."""
    if document.draft:
        return Draft.from_dict(document.draft)
    return Draft.from_record(
        record_from_dict(document.record), text=document.text, body_hint=document.body_hint
    )
