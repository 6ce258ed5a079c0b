"""Confirming a draft: the plan carried out, through the domain's own functions.

:func:`apply_draft` runs inside the confirmation's transaction. It carries
out a :class:`~concord.imports.planning.Plan` made in that same transaction
(so it is exactly what the review showed, against the register as it is
now): the body, people and organisations it links or creates (with the merge
proposals for near matches), the meeting (held, its minutes a draft), its
attendance, items with their minute text, decisions, declarations, and
actions — created with :func:`concord.actions.services.create_action`, or,
when an action restates an outstanding one, noted on it instead. What it
created is returned as a :class:`Created` so the import can be undone.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from django.db.models import Q

from concord.actions.dues import parse_due
from concord.actions.models import ActionUpdate
from concord.actions.services import create_action
from concord.governance.models import Body
from concord.imports.draft import Draft
from concord.imports.models import Document, MergeProposal, OrganisationMergeProposal
from concord.imports.placing import TextIndex
from concord.imports.planning import (
    CREATE,
    Near,
    Plan,
    Resolution,
    body_kind,
    parse_time,
    status_of,
)
from concord.meetings.models import (
    AgendaItem,
    Decision,
    DecisionKind,
    Declaration,
    Meeting,
    MeetingStatus,
    MinutesStatus,
)
from concord.meetings.services import save_attendance
from concord.people.models import Organisation, Person


class ApplyError(ValueError):
    """The draft cannot become a meeting (no body, no date, already recorded); a reason."""


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


@dataclass
class Created:
    """What one confirmation wrote that did not exist before (kept on the document for undo)."""

    meeting: int | None = None  # set only when the meeting itself was created
    bodies: list[int] = field(default_factory=list)
    people: list[int] = field(default_factory=list)
    organisations: list[int] = field(default_factory=list)
    updates: list[int] = field(default_factory=list)  # lineage notes on earlier actions
    proposals: list[int] = field(default_factory=list)
    organisation_proposals: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Created:
        names = cls.__dataclass_fields__
        return cls(**{k: v for k, v in (data or {}).items() if k in names})


class _Writer:
    """Makes each planned record once, remembering what it made."""

    def __init__(self, document: Document, user: Any) -> None:
        self.document = document
        self.user = user
        self.made: dict[tuple[str, str], int] = {}
        self.created = Created()

    def _tag(self, obj: Any) -> Any:
        obj._history_user = self.user
        obj._change_reason = f"imported from {self.document.filename}"[:100]
        return obj

    def resolve(self, row: Resolution | None, *, organisation_id: int | None = None) -> int | None:
        if row is None or row.kind == "all":
            return None
        if row.action != CREATE:
            return row.target_id
        if row.key in self.made:
            return self.made[row.key]
        if row.kind == "body":
            obj: Any = self._tag(Body(name=row.name, kind=body_kind(row.name)))
            obj.save()
            self.created.bodies.append(obj.pk)
        elif row.kind == "organisation":
            obj = Organisation.objects.filter(name__iexact=row.name).first()
            if obj is None:
                obj = self._tag(Organisation(name=row.name))
                obj.save()
                self.created.organisations.append(obj.pk)
                self._propose(OrganisationMergeProposal, obj, row)
        else:
            obj = self._tag(
                Person(name=row.name, honorific=row.title, organisation_id=organisation_id)
            )
            obj.save()
            self.created.people.append(obj.pk)
            self._propose(MergeProposal, obj, row)
        self.made[row.key] = obj.pk
        return int(obj.pk)

    def _propose(self, model: Any, other: Any, row: Resolution) -> None:
        for near in row.near:
            proposal = propose_merge(model, near, other, document=self.document, user=self.user)
            if proposal is None:
                continue
            if model is MergeProposal:
                self.created.proposals.append(proposal.pk)
            else:
                self.created.organisation_proposals.append(proposal.pk)


def propose_merge(
    model: type[MergeProposal] | type[OrganisationMergeProposal],
    near: Near,
    other: Person | Organisation,
    *,
    document: Document | None = None,
    user: Any = None,
) -> MergeProposal | OrganisationMergeProposal | None:
    """Propose merging ``other`` into ``near.keep_id``, unless the pair was ever proposed.

    A pair proposed before, either way round and however decided, is never proposed again.
    """
    pair = Q(keep_id=near.keep_id, other_id=other.pk) | Q(keep_id=other.pk, other_id=near.keep_id)
    if model.objects.filter(pair).exists():
        return None
    proposal: Any = model(
        keep_id=near.keep_id,
        other_id=other.pk,
        keep_name=near.keep_name[:250],
        other_name=(other.display_name if isinstance(other, Person) else other.name)[:250],
        score=near.score,
        reason=near.reason[:200],
        document=document,
    )
    proposal._history_user = user
    proposal.save()
    return proposal  # type: ignore[no-any-return]


def apply_draft(document: Document, draft: Draft, plan: Plan, *, user: Any) -> Created:
    """Write ``draft`` as ``document``'s meeting following ``plan``; call inside a transaction.

    Raises :class:`ApplyError` when the plan has problems (no body, no date,
    the meeting already recorded).
    """
    if plan.problems:
        raise ApplyError("; ".join(plan.problems))
    assert plan.body is not None and plan.date is not None
    writer = _Writer(document, user)
    body_id = writer.resolve(plan.body) or 0
    meeting = plan.meeting or Meeting(body_id=body_id, date=plan.date)
    created_meeting = meeting.pk is None
    meeting.start_time = parse_time(draft.start_time)
    meeting.end_time = parse_time(draft.end_time)
    meeting.venue = (draft.venue or "")[:300]
    meeting.status = MeetingStatus.HELD
    meeting.minutes_status = MinutesStatus.DRAFT
    meeting.approved_on = None
    meeting.approved_at = None
    writer._tag(meeting).save()
    if created_meeting:
        writer.created.meeting = meeting.pk
    document.meeting = meeting
    document.owns_meeting = True

    rows: list[dict[str, Any]] = []
    for entry in plan.attendance:
        org_id = writer.resolve(entry.organisation)
        rows.append(
            {
                "person": writer.resolve(entry.person, organisation_id=org_id),
                "guest_name": "",
                "organisation": org_id,
                "status": status_of(entry.row.status),
                "role": entry.row.role if entry.row.role in ("chair", "vice_chair") else "",
                "deputising_for": writer.resolve(entry.deputising_for),
            }
        )
    attendees = Person.objects.in_bulk(
        [r["person"] for r in rows] + [r["deputising_for"] for r in rows]
    )
    organisations = Organisation.objects.in_bulk([r["organisation"] for r in rows])
    for row in rows:
        row["person"] = attendees[row["person"]]
        row["organisation"] = organisations.get(row["organisation"])
        row["deputising_for"] = attendees.get(row["deputising_for"])
    save_attendance(meeting, rows)

    items = _items(meeting, draft, document.text, writer)
    fallback = next(iter(items.values()), None)

    def item_for(number: str) -> AgendaItem:
        nonlocal fallback
        if number in items:
            return items[number]
        if fallback is None:
            fallback = writer._tag(
                AgendaItem(meeting=meeting, number="1", position=1, title="Minutes")
            )
            fallback.save()
        return fallback

    for decision in draft.decisions:
        writer._tag(
            Decision(
                item=item_for(decision.item), kind=decision_kind(decision.text), text=decision.text
            )
        ).save()
    for declaration, resolution in zip(draft.declarations, plan.declarations, strict=True):
        person_id = writer.resolve(resolution)
        if person_id and declaration.interest.strip():
            writer._tag(
                Declaration(
                    item=item_for(declaration.item),
                    person_id=person_id,
                    interest=declaration.interest.strip()[:300],
                )
            ).save()
    for action, owners, original in zip(draft.actions, plan.owners, plan.continues, strict=True):
        due = parse_due(action.due or "")
        if original is not None:
            note = f"Restated at the meeting of {meeting.date:%-d %B %Y}: {action.description}"
            if due and original.due_date != due[0]:
                note += f" (due {due[0]:%-d %b %Y})"
            update = ActionUpdate.objects.create(
                action=original,
                date=meeting.date,
                note=note[:5000],
                status_after=original.status,
                meeting=meeting,
                author=user,
            )
            writer.created.updates.append(update.pk)
            continue
        people = [writer.resolve(o) for o in owners if o.kind == "person"]
        bodies = [writer.resolve(o) for o in owners if o.kind == "body"]
        create_action(
            body=Body.objects.get(pk=body_id),
            item=item_for(action.item),
            description=action.description,
            owners=list(Person.objects.filter(pk__in=people)),
            owner_bodies=list(Body.objects.filter(pk__in=bodies)),
            all_members=any(o.kind == "all" for o in owners),
            due_date=due[0] if due else None,
            due_precision=due[1] if due else "day",
        )
    return writer.created


def _items(meeting: Meeting, draft: Draft, text: str, writer: _Writer) -> dict[str, AgendaItem]:
    index = TextIndex(text)
    pairs = [(i.number, i.title) for i in draft.items]
    texts = index.minute_texts(pairs)
    out: dict[str, AgendaItem] = {}
    for position, (item, minute_text) in enumerate(zip(draft.items, texts, strict=True), 1):
        created = writer._tag(
            AgendaItem(
                meeting=meeting,
                number=(item.number or str(position))[:20],
                position=position,
                title=item.title[:300],
                minute_text=minute_text,
            )
        )
        created.save()
        out.setdefault(created.number, created)
    return out
