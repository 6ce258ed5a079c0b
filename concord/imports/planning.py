"""What confirming a draft WILL do, worked out without writing anything.

:func:`plan_draft` resolves every name of a :class:`~concord.imports.draft.Draft`
against the register — the body, each attendee, their organisation and whom
they deputise for, each action owner, each declaration — into a
:class:`Resolution`: link to an existing record (how it matched, with the
score of a near match), or create a new one (with the merge proposals it
would raise). The review screen shows the plan; :mod:`concord.imports.applying`
carries out the same plan, at confirmation, in one transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from concord.governance.models import Body, BodyKind
from concord.imports.draft import Draft, DraftAttendee
from concord.imports.lineage import OpenActions
from concord.meetings.models import AttendanceStatus, Meeting
from concord.people.matching import OrganisationRegister, Register, clean_name, name_key, org_key

LINK = "link"
CREATE = "create"
ALL_MEMBERS = {"all", "all members", "everyone", "all partners", "members", "all board members"}
STATUSES = {choice.value for choice in AttendanceStatus}
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


def parse_date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def parse_time(value: Any) -> dt.time | None:
    try:
        return dt.time.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


@dataclass
class Near:
    """A record a new one may be the same as: proposed as a merge at confirmation."""

    keep_id: int
    keep_name: str
    score: float
    reason: str


@dataclass
class Resolution:
    """What happens to one name: ``kind`` person / organisation / body / all."""

    kind: str
    name: str
    action: str  # link | create
    target_id: int | None = None
    target_name: str = ""
    how: str = ""  # picked, exact name, alias, short name, the meeting's body…
    near: list[Near] = field(default_factory=list)
    title: str = ""  # a new person's honorific

    @property
    def key(self) -> tuple[str, str]:
        """Two resolutions with one key are one record (a new person named twice is made once)."""
        if self.action == LINK:
            return (self.kind, f"#{self.target_id}")
        return (self.kind, name_key(self.name) if self.kind == "person" else self.name.lower())

    @property
    def summary(self) -> str:
        """One line for the review screen.

        >>> Resolution("person", "Ann Lee", LINK, 3, "Ann Lee", "exact name").summary
        'link to Ann Lee (exact name)'
        """
        if self.kind == "all":
            return "all members of the body"
        if self.action == LINK:
            return f"link to {self.target_name} ({self.how})"
        text = f"create a new {self.kind}"
        if self.near:
            near = "; ".join(f"{n.keep_name} ({n.score:.0f}, {n.reason})" for n in self.near)
            text += f", and propose merging it with {near}"
        return text


@dataclass
class AttendeePlan:
    person: Resolution
    organisation: Resolution | None
    deputising_for: Resolution | None
    row: DraftAttendee


@dataclass
class Plan:
    """Everything confirmation will do, and what stops it (``problems``)."""

    body: Resolution | None
    date: dt.date | None
    meeting: Meeting | None  # an existing empty meeting to fill in
    attendance: list[AttendeePlan]
    owners: list[list[Resolution]]
    continues: list[Any]  # per action: the outstanding Action it restates, or None
    declarations: list[Resolution | None]
    problems: list[str]
    duplicate_of: Meeting | None = None

    @property
    def rows(self) -> list[tuple[str, Resolution]]:
        """Each name of the draft once, with where it was found, for the review screen."""
        found: list[tuple[str, Resolution | None]] = [("body", self.body)]
        for a in self.attendance:
            found += [("attendee", a.person), ("organisation", a.organisation)]
            found += [("deputising for", a.deputising_for)]
        found += [("action owner", r) for owners in self.owners for r in owners]
        found += [("declaration", r) for r in self.declarations]
        seen: set[tuple[str, str]] = set()
        out = []
        for where, row in found:
            if row is None or (row.kind, row.name.lower()) in seen:
                continue
            seen.add((row.kind, row.name.lower()))
            out.append((where, row))
        return out

    @property
    def creates(self) -> list[Resolution]:
        """Each record confirmation would create, once."""
        seen: dict[tuple[str, str], Resolution] = {}
        rows = [self.body] + [
            r for a in self.attendance for r in (a.person, a.organisation, a.deputising_for)
        ]
        rows += [r for owners in self.owners for r in owners] + list(self.declarations)
        for row in rows:
            if row is not None and row.action == CREATE and row.kind != "all":
                seen.setdefault(row.key, row)
        return list(seen.values())


class Planner:
    """Resolves names against the register loaded once (people, organisations, bodies)."""

    def __init__(self, people: Register, organisations: OrganisationRegister) -> None:
        self.people = people
        self.organisations = organisations
        self._person_names = dict[int, str]()
        self._org_names = dict[int, str]()
        self._bodies = dict[int, str]()

    @classmethod
    def load(cls) -> Planner:
        from concord.people.models import Organisation, Person

        planner = cls(Register.from_database(), OrganisationRegister.from_database())
        planner._person_names = dict(Person.objects.values_list("pk", "name"))
        planner._org_names = dict(Organisation.objects.values_list("pk", "name"))
        planner._bodies = dict(Body.objects.values_list("pk", "name"))
        return planner

    def body(self, name: str, picked: int | None) -> Resolution | None:
        if picked and picked in self._bodies:
            return Resolution(
                "body", self._bodies[picked], LINK, picked, self._bodies[picked], "picked"
            )
        name = " ".join(name.split())[:200]
        if not name:
            return None
        for pk, existing in self._bodies.items():
            if existing.lower() == name.lower():
                return Resolution("body", name, LINK, pk, existing, "same name")
        return Resolution("body", name, CREATE)

    def person(
        self, name: str, picked: int | None = None, title: str | None = None
    ) -> Resolution | None:
        if picked and picked in self._person_names:
            found = self._person_names[picked]
            return Resolution("person", found, LINK, picked, found, "picked")
        honorific, clean = clean_name(name)
        if not name_key(clean):
            return None
        match = self.people.match(clean)
        if match.person_id is not None:
            how = "alias" if match.how == "alias" else "exact name"
            target = self._person_names.get(match.person_id, clean)
            return Resolution("person", clean, LINK, match.person_id, target, how)
        near = [
            Near(
                n.person_id,
                self._person_names.get(n.person_id, n.name),
                round(n.score, 1),
                n.reason,
            )
            for n in match.near
        ]
        return Resolution("person", clean[:200], CREATE, near=near, title=(title or honorific)[:40])

    def organisation(self, name: str | None) -> Resolution | None:
        clean = " ".join((name or "").split())[:200]
        if not org_key(clean):
            return None
        found = self.organisations.exact(clean)
        if found is not None:
            target = self._org_names.get(found, clean)
            return Resolution("organisation", clean, LINK, found, target, "same name or short name")
        near = [
            Near(n.organisation_id, n.name, round(n.score, 1), n.reason)
            for n in self.organisations.near(clean)
        ]
        return Resolution("organisation", clean, CREATE, near=near)

    def owner(self, text: str, body: Resolution | None) -> Resolution | None:
        from concord.ingest.extraction.names import looks_like_name

        text = " ".join(text.split())
        if not text:
            return None
        if text.lower() in ALL_MEMBERS:
            return Resolution("all", text, LINK)
        person = self.people.exact(text)
        if person is not None:
            return self.person(text)
        if body is not None and text.lower() in (body.name.lower(), body.target_name.lower()):
            return body
        for pk, existing in self._bodies.items():
            if existing.lower() == text.lower():
                return Resolution("body", text, LINK, pk, existing, "same name")
        if len(text.split()) >= 2 and looks_like_name(text):
            return self.person(text)
        return None  # initials the extractor could not expand: left in the record only

    def picked(self, ref: str) -> Resolution | None:
        kind, _, pk = ref.partition(":")
        if kind == "all":
            return Resolution("all", "all members", LINK)
        if kind == "person" and pk.isdigit():
            return self.person("", picked=int(pk))
        if kind == "body" and pk.isdigit():
            return self.body("", picked=int(pk))
        return None


def plan_draft(
    draft: Draft, planner: Planner | None = None, *, document_id: int | None = None
) -> Plan:
    """Work out what confirming ``draft`` would do (reads only)."""
    planner = planner or Planner.load()
    problems = []
    body = planner.body(draft.body, draft.body_id)
    date = parse_date(draft.date)
    if body is None:
        problems.append("no body named: choose or type the body")
    if date is None:
        problems.append("no meeting date: type the date")
    meeting = duplicate = None
    if body is not None and body.action == LINK and date is not None:
        existing = (
            Meeting.objects.filter(body_id=body.target_id or 0, date=date).order_by("pk").first()
        )
        if existing is not None:
            taken = (
                existing.items.exists()
                or existing.attendances.exists()
                or existing.documents.exclude(pk=document_id or 0)
                .filter(owns_meeting=True)
                .exists()
            )
            if taken:
                duplicate = existing
                problems.append(f"the meeting of {existing} is already recorded")
            else:
                meeting = existing
    attendance = []
    seen: set[tuple[str, str]] = set()
    for row in draft.attendance:
        person = planner.person(row.name, row.person_id, row.title)
        if person is None or person.key in seen:
            continue
        seen.add(person.key)
        attendance.append(
            AttendeePlan(
                person,
                planner.organisation(row.organisation),
                planner.person(row.deputising_for) if row.deputising_for else None,
                row,
            )
        )
    owners = []
    for action in draft.actions:
        found = [planner.picked(ref) for ref in action.picked]
        found += [planner.owner(text, body) for text in action.owners]
        unique: dict[tuple[str, str], Resolution] = {}
        for owner in found:
            if owner is not None:
                unique.setdefault(owner.key, owner)
        owners.append(list(unique.values()))
    continues: list[Any] = [None] * len(draft.actions)
    if body is not None and body.action == LINK and date is not None:
        open_actions = OpenActions.of(Body(pk=body.target_id), before=date)
        for n, action in enumerate(draft.actions):
            names = {name_key(o) for o in action.owners if name_key(o)}
            names |= {name_key(r.target_name) for r in owners[n] if r.kind == "person"}
            continues[n] = open_actions.continued_by(action.description, names)
    declarations = [planner.person(d.name, d.person_id) for d in draft.declarations]
    return Plan(
        body, date, meeting, attendance, owners, continues, declarations, problems, duplicate
    )


def status_of(row_status: str) -> str:
    """An attendance status the model knows (``present`` otherwise)."""
    return row_status if row_status in STATUSES else "present"
