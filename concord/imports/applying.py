"""Turning an extracted record into a meeting: body, attendance, items, decisions, actions.

:func:`apply_record` is called inside the document's transaction. Rules
(see docs/import.md for the reasons):

* the body is the one named ``--body``/on the upload, else the record's; found
  by name (case and spacing ignored) or created;
* a meeting of that body on that date that already has attendance or items
  (recorded by hand, or from another document) is never overwritten: the
  document is marked ``duplicate`` and linked to it; an empty scheduled
  meeting is filled in;
* people are matched through :class:`concord.people.matching.Register`:
  exact and alias matches link, anyone else becomes a new person, with a
  merge proposal for each near match; organisations likewise through
  :class:`~concord.people.matching.OrganisationRegister` (name or short name
  exactly, else a new organisation with an ``OrganisationMergeProposal`` for
  each near match);
* decisions and actions are put under the item whose heading precedes them
  in the text; an action that restates an outstanding action of the body is
  not duplicated but noted on the original (``concord.imports.lineage``);
* everything is a draft: minutes stay ``draft`` until the document is
  confirmed on the review screen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q

from concord.actions.dues import parse_due
from concord.actions.models import Action, ActionOwner, ActionUpdate
from concord.governance.models import Body, BodyKind
from concord.imports.lineage import OpenActions
from concord.imports.models import (
    Document,
    DocumentStatus,
    MergeProposal,
    OrganisationMergeProposal,
)
from concord.meetings.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Decision,
    DecisionKind,
    Meeting,
    MeetingStatus,
    MinutesStatus,
)
from concord.people.matching import (
    OrganisationRegister,
    Register,
    clean_name,
    name_key,
    org_key,
)
from concord.people.models import Organisation, Person

ALL_MEMBERS = {"all", "all members", "everyone", "all partners", "members", "all board members"}
_KINDS = [
    ("sub-group", BodyKind.SUB_GROUP),
    ("sub group", BodyKind.SUB_GROUP),
    ("working group", BodyKind.WORKING_GROUP),
    ("task group", BodyKind.TASK_GROUP),
    ("task force", BodyKind.TASK_GROUP),
    ("operations", BodyKind.OPERATIONS_GROUP),
    ("executive", BodyKind.EXECUTIVE),
    ("forum", BodyKind.FORUM),
    ("board", BodyKind.BOARD),
]
_STATUSES = {choice.value for choice in AttendanceStatus}


class ApplyError(ValueError):
    """The record cannot become a meeting (no body, no date); a one-line reason."""


def body_kind(name: str) -> str:
    """Guess a new body's kind from its name.

    >>> body_kind("Kestrel Housing Sub-Group"), body_kind("Riverside Partnership Board")
    ('sub_group', 'board')
    """
    lowered = name.lower()
    for word, kind in _KINDS:
        if word in lowered:
            return kind.value
    return BodyKind.THEME_GROUP.value


def _squash(text: str) -> str:
    return " ".join(text.lower().split())


@dataclass
class ApplyContext:
    """What one import run keeps between documents: the register and the caches."""

    register: Register
    user: Any = None
    bodies: dict[str, Body] = field(default_factory=dict)
    organisations: OrganisationRegister = field(default_factory=OrganisationRegister)
    proposals: int = 0

    @classmethod
    def load(cls, user: Any = None) -> ApplyContext:
        """Load the register of people and organisations (three queries)."""
        return cls(
            register=Register.from_database(),
            user=user,
            organisations=OrganisationRegister.from_database(),
        )

    def forget(self) -> None:
        """Drop the caches after a rolled-back transaction (they may name rows that are gone)."""
        self.register = Register.from_database()
        self.bodies.clear()
        self.organisations = OrganisationRegister.from_database()

    # -- register look-ups -------------------------------------------------

    def body(self, name: str) -> Body:
        """The body of this name, created (with a guessed kind) if new."""
        name = " ".join(name.split())[:200]
        key = name.lower()
        if key not in self.bodies:
            body = Body.objects.filter(name__iexact=name).first()
            if body is None:
                body = Body.objects.create(name=name, kind=body_kind(name))
            self.bodies[key] = body
        return self.bodies[key]

    def organisation(self, name: str | None, document: Document | None = None) -> int | None:
        """The organisation of this name or short name, created if new (with merge proposals)."""
        if not name or not name.strip():
            return None
        found = self.organisations.exact(name)
        if found is not None:
            return found
        clean = " ".join(name.split())[:200]
        if not org_key(clean):
            return None
        org = Organisation.objects.filter(name__iexact=clean).first()
        if org is not None:
            self.organisations.add(org.pk, clean)
            return org.pk
        near = self.organisations.near(clean)
        org = Organisation.objects.create(name=clean)
        self.organisations.add(org.pk, clean)
        for match in near:
            self.propose_organisation(
                match.organisation_id, org, match.score, match.reason, document
            )
        return org.pk

    def propose_organisation(
        self,
        keep_id: int,
        other: Organisation,
        score: float,
        reason: str,
        document: Document | None,
    ) -> None:
        """Propose merging ``other`` into ``keep_id`` unless the pair was ever proposed."""
        self._propose(OrganisationMergeProposal, keep_id, other, score, reason, document)

    def person(
        self,
        name: str,
        *,
        title: str | None = None,
        organisation_id: int | None = None,
        document: Document | None = None,
    ) -> int | None:
        """The person of this name: matched exactly, or new (with merge proposals)."""
        honorific, clean = clean_name(name)
        if not name_key(clean):
            return None
        match = self.register.match(clean)
        if match.person_id is not None:
            return match.person_id
        person = Person.objects.create(
            name=clean[:200],
            honorific=(title or honorific)[:40],
            organisation_id=organisation_id,
        )
        self.register.add(person.pk, clean)
        for near in match.near:
            self.propose(near.person_id, person, near.score, near.reason, document)
        return person.pk

    def propose(
        self, keep_id: int, other: Person, score: float, reason: str, document: Document | None
    ) -> None:
        """Propose merging ``other`` into ``keep_id`` unless the pair was ever proposed."""
        self._propose(MergeProposal, keep_id, other, score, reason, document)

    def _propose(
        self,
        model: type[MergeProposal] | type[OrganisationMergeProposal],
        keep_id: int,
        other: Person | Organisation,
        score: float,
        reason: str,
        document: Document | None,
    ) -> None:
        # A pair proposed before, either way round and however decided, is never proposed again.
        pair = Q(keep_id=keep_id, other_id=other.pk) | Q(keep_id=other.pk, other_id=keep_id)
        if model.objects.filter(pair).exists():
            return
        keep = type(other).objects.get(pk=keep_id)
        model.objects.create(  # type: ignore[misc]  # keep and other are of the model's kind
            keep=keep,
            other=other,
            keep_name=_display(keep)[:250],
            other_name=_display(other)[:250],
            score=round(score, 1),
            reason=reason[:200],
            document=document,
        )
        self.proposals += 1


def _display(record: Person | Organisation) -> str:
    return record.display_name if isinstance(record, Person) else record.name


# -- reading record values -----------------------------------------------------


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _time(value: Any) -> dt.time | None:
    try:
        return dt.time.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def decision_kind(text: str) -> str:
    """The kind of a decision from its wording.

    >>> decision_kind("The Board approved the plan"), decision_kind("It was noted that")
    ('approved', 'noted')
    """
    lowered = text.lower()
    for word, kind in (
        ("resolved", DecisionKind.RESOLVED),
        ("approv", DecisionKind.APPROVED),
        ("noted", DecisionKind.NOTED),
    ):
        if word in lowered:
            return kind.value
    return DecisionKind.AGREED.value


class TextIndex:
    """Finds where items, decisions and actions sit in the document's text."""

    def __init__(self, text: str) -> None:
        self.flat = _squash(text)
        self.lines = text.splitlines()

    def find(self, needle: str, start: int = 0) -> int:
        words = _squash(needle)[:60]
        if not words:
            return -1
        return self.flat.find(words, start)

    def heading(self, number: str, title: str, start: int) -> int:
        at = self.find(f"{number} {title}", start)
        if at < 0:
            at = self.find(f"{number}. {title}", start)
        if at < 0:
            at = self.find(title, start)
        return at

    def minute_texts(self, items: list[dict[str, str]]) -> list[tuple[int, str]]:
        """``(position in flat text, minute text)`` per item (-1 and "" when not found)."""
        found: list[tuple[int, int]] = []  # (flat position, line index)
        line_starts = []
        pos = 0
        for text_line in self.lines:
            at = self.flat.find(_squash(text_line), pos) if text_line.strip() else -1
            line_starts.append(at if at >= 0 else pos)
            if at >= 0:
                pos = at
        cursor = 0
        for item in items:
            at = self.heading(item.get("number", ""), item.get("title", ""), cursor)
            if at < 0:
                found.append((-1, -1))
                continue
            cursor = at + 1
            line = max((i for i, s in enumerate(line_starts) if s <= at), default=0)
            found.append((at, line))
        out = []
        for n, (at, line) in enumerate(found):
            if at < 0:
                out.append((-1, ""))
                continue
            following = [ln for a, ln in found[n + 1 :] if a >= 0 and ln > line]
            end = following[0] if following else len(self.lines)
            body = "\n".join(x for x in self.lines[line + 1 : end] if x.strip())
            out.append((at, body[:20000]))
        return out


def _item_for(
    position: int, items: list[tuple[int, AgendaItem]], fallback: AgendaItem
) -> AgendaItem:
    chosen = fallback
    for at, item in items:
        if 0 <= at <= position:
            chosen = item
    return chosen


# -- applying --------------------------------------------------------------------


def clear_meeting(meeting: Meeting) -> None:
    """Remove what a document wrote into its meeting, before writing it again."""
    ActionUpdate.objects.filter(meeting=meeting).delete()
    Action.objects.filter(item__meeting=meeting).delete()
    meeting.items.all().delete()
    meeting.attendances.all().delete()


def find_meeting(document: Document, body: Body, date: dt.date) -> Meeting | None:
    """The meeting this document should write into, or ``None`` if it is a duplicate.

    Sets ``document.meeting`` / ``owns_meeting`` accordingly.
    """
    if document.meeting is not None and document.owns_meeting:
        meeting = document.meeting
        clear_meeting(meeting)
        meeting.body = body
        meeting.date = date
        return meeting
    existing = Meeting.objects.filter(body=body, date=date).order_by("pk").first()
    if existing is not None:
        taken = (
            existing.items.exists()
            or existing.attendances.exists()
            or existing.documents.exclude(pk=document.pk).filter(owns_meeting=True).exists()
        )
        document.meeting = existing
        if taken:
            document.owns_meeting = False
            return None
        document.owns_meeting = True
        return existing
    meeting = Meeting(body=body, date=date)
    document.meeting = meeting
    document.owns_meeting = True
    return meeting


def apply_record(document: Document, record: dict[str, Any], ctx: ApplyContext) -> str:
    """Write ``record`` as ``document``'s meeting; return the document's new status.

    Raises :class:`ApplyError` for a record that names no body or date.
    Call inside a transaction.
    """
    body_name = (document.body_hint or record.get("body") or "").strip()
    if not body_name:
        raise ApplyError("no body named in the document (give one with --body or on review)")
    date = _date(record.get("date"))
    if date is None:
        raise ApplyError("no meeting date found in the document")
    body = ctx.body(body_name)
    meeting = find_meeting(document, body, date)
    if meeting is None:
        return DocumentStatus.DUPLICATE
    meeting.start_time = _time(record.get("start_time"))
    meeting.end_time = _time(record.get("end_time"))
    meeting.venue = (record.get("venue") or "")[:300]
    meeting.status = MeetingStatus.HELD
    meeting.minutes_status = MinutesStatus.DRAFT
    meeting.approved_on = None
    meeting.approved_at = None
    meeting.save()
    document.meeting = meeting

    _attendance(meeting, record.get("attendance") or [], ctx, document)
    index = TextIndex(document.text)
    items = _items(meeting, record.get("items") or [], index)
    fallback = items[0][1] if items else _catch_all_item(meeting)
    cursor = 0
    for text in record.get("decisions") or []:
        text = str(text).strip()
        if not text:
            continue
        at = index.find(text, 0)
        cursor = at if at >= 0 else cursor
        Decision.objects.create(
            item=_item_for(cursor, items, fallback), kind=decision_kind(text), text=text
        )
    _actions(meeting, body, record.get("actions") or [], ctx, document, index, items, fallback)
    return DocumentStatus.REVIEW


def _attendance(
    meeting: Meeting, people: list[dict[str, Any]], ctx: ApplyContext, document: Document
) -> None:
    seen: set[int] = set()
    for entry in people:
        name = str(entry.get("name") or "").strip()
        if not name:
            continue
        org_id = ctx.organisation(entry.get("organisation"), document)
        person_id = ctx.person(
            name, title=entry.get("title"), organisation_id=org_id, document=document
        )
        if person_id is None or person_id in seen:
            continue
        seen.add(person_id)
        deputy_for = entry.get("deputising_for")
        status = str(entry["status"]) if entry.get("status") in _STATUSES else "present"
        role = str(entry["role"]) if entry.get("role") in ("chair", "vice_chair") else ""
        Attendance.objects.create(
            meeting=meeting,
            person_id=person_id,
            organisation_id=org_id,
            status=status,
            role=role,
            deputising_for_id=ctx.person(deputy_for, document=document) if deputy_for else None,
        )


def _items(
    meeting: Meeting, items: list[dict[str, Any]], index: TextIndex
) -> list[tuple[int, AgendaItem]]:
    clean = [
        {"number": str(i.get("number") or "").strip(), "title": str(i.get("title") or "").strip()}
        for i in items
        if str(i.get("title") or "").strip()
    ]
    texts = index.minute_texts(clean)
    out = []
    for position, (item, (at, minute_text)) in enumerate(zip(clean, texts, strict=True), 1):
        created = AgendaItem.objects.create(
            meeting=meeting,
            number=(item["number"] or str(position))[:20],
            position=position,
            title=item["title"][:300],
            minute_text=minute_text,
        )
        out.append((at, created))
    return out


def _catch_all_item(meeting: Meeting) -> AgendaItem:
    """An item to hang decisions and actions on when the document numbered none."""
    return AgendaItem.objects.create(meeting=meeting, number="1", position=1, title="Minutes")


def _owners(
    owners: list[str], body: Body, ctx: ApplyContext, document: Document
) -> list[tuple[str, int | None]]:
    """Owner strings → ``("person", id)``, ``("body", id)`` or ``("all", None)``."""
    from concord.ingest.extraction.names import looks_like_name

    out: list[tuple[str, int | None]] = []
    for owner in owners:
        text = " ".join(str(owner).split())
        if not text:
            continue
        if text.lower() in ALL_MEMBERS:
            out.append(("all", None))
            continue
        person_id = ctx.register.exact(text)
        if person_id is None and text.lower() in ctx.bodies:
            out.append(("body", ctx.bodies[text.lower()].pk))
            continue
        if person_id is None and text.lower() == body.name.lower():
            out.append(("body", body.pk))
            continue
        if person_id is None and len(text.split()) >= 2 and looks_like_name(text):
            person_id = ctx.person(text, document=document)
        if person_id is not None:
            out.append(("person", person_id))
    return list(dict.fromkeys(out))


def _actions(
    meeting: Meeting,
    body: Body,
    actions: list[dict[str, Any]],
    ctx: ApplyContext,
    document: Document,
    index: TextIndex,
    items: list[tuple[int, AgendaItem]],
    fallback: AgendaItem,
) -> None:
    open_actions = OpenActions.of(body, before=meeting.date)
    for entry in actions:
        description = str(entry.get("description") or "").strip()
        if not description:
            continue
        owners = _owners(entry.get("owners") or [], body, ctx, document)
        owner_names = {name_key(str(o)) for o in entry.get("owners") or [] if name_key(str(o))}
        due = parse_due(str(entry.get("due") or ""))
        original = open_actions.continued_by(description, owner_names)
        if original is not None:
            shown = due[0].strftime("%-d %b %Y") if due else ""
            note = f"Restated at the meeting of {meeting.date:%-d %B %Y}: {description}"
            if shown and due and original.due_date != due[0]:
                note += f" (due {shown})"
            ActionUpdate.objects.create(
                action=original,
                date=meeting.date,
                note=note[:5000],
                status_after=original.status,
                meeting=meeting,
            )
            continue
        at = index.find(description, 0)
        action = Action.objects.create(
            body=body,
            item=_item_for(at, items, fallback),
            description=description,
            due_date=due[0] if due else None,
            due_precision=due[1] if due else "day",
        )
        for kind, pk in owners:
            if kind == "person":
                ActionOwner.objects.create(action=action, person_id=pk)
            elif kind == "body":
                ActionOwner.objects.create(action=action, body_id=pk)
            else:
                ActionOwner.objects.create(action=action, all_members=True)
