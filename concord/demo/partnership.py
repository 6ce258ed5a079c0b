"""Build the demo partnership: an invented town, Harrowby, with two years of meetings.

:func:`build_demo_partnership` fills an empty database with a partnership
shaped like real ones (a board, an executive, six theme groups and a
members-only task group; forty-odd partner organisations; meetings with
attendance, deputies, guests, minutes, decisions, declarations and actions
chased from meeting to meeting) so that every screen has something to show.

It is deterministic: the same ``seed``, ``today`` and ``scale`` always give
the same records. Records are written with their history (django-simple-
history), in bulk where no business rule is involved, and through the action
services (:func:`~concord.actions.services.create_action`,
:func:`~concord.actions.services.record_progress`) where one is.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, User
from django.db import transaction
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from concord.actions.dues import end_of_month
from concord.actions.models import Action, ActionStatus, ActionUpdate, DuePrecision
from concord.actions.services import create_action, record_progress
from concord.demo import vocabulary as V
from concord.demo.events import build_events
from concord.demo.identity import build_identity
from concord.demo.work_programme import build_work_programmes, publish_next_agendas
from concord.governance.models import (
    VOTING_ROLES,
    Body,
    Membership,
    Role,
    TermsOfReference,
)
from concord.lib.access import SECRETARIAT_GROUP
from concord.meetings.models import (
    AgendaItem,
    Attendance,
    AttendanceRole,
    AttendanceStatus,
    Decision,
    DecisionKind,
    Declaration,
    ItemVisibility,
    Meeting,
    MeetingStatus,
    MinutesStatus,
)
from concord.people.models import Organisation, Person, PersonAlias

ProgressFn = Callable[[str, int, int], None]
"""Called as ``progress(label, done, total)`` while the demo is built."""

DEMO_USERNAMES = ("secretariat", "member", "editor", "chair")

# How often each kind of body meets, in months, and when in the month.
# (frequency, month offset, week of month 1-4, weekday 0=Mon, start, end)
_SCHEDULE: dict[str, tuple[int, int, int, int, dt.time, dt.time]] = {
    "board": (2, 0, 2, 1, dt.time(14, 0), dt.time(16, 0)),
    "exec": (1, 0, 1, 3, dt.time(9, 30), dt.time(11, 0)),
    "safer": (3, 0, 3, 2, dt.time(10, 0), dt.time(12, 0)),
    "health": (3, 1, 2, 3, dt.time(13, 30), dt.time(15, 30)),
    "cyp": (3, 2, 3, 1, dt.time(16, 0), dt.time(17, 30)),
    "economy": (3, 0, 4, 4, dt.time(8, 30), dt.time(10, 0)),
    "environment": (3, 1, 1, 0, dt.time(10, 0), dt.time(12, 0)),
    "stronger": (3, 2, 2, 2, dt.time(18, 0), dt.time(19, 30)),
    "towncentre": (1, 0, 4, 1, dt.time(15, 0), dt.time(16, 30)),
}
_QUORUM = {"board": 6, "exec": 4, "towncentre": 3}
_VERSIONED_TOR = ("board", "exec", "safer", "health", "cyp")
_OVERDUE_TOR = "environment"
_EDITOR_BODIES = {"editor": "safer", "chair": "health"}


@dataclass
class DemoSummary:
    """What was built: counts by record type, and the accounts created."""

    seed: int
    today: dt.date
    scale: float
    organisations: int = 0
    people: int = 0
    aliases: int = 0
    bodies: int = 0
    terms_of_reference: int = 0
    memberships: int = 0
    meetings: int = 0
    held_meetings: int = 0
    scheduled_meetings: int = 0
    attendances: int = 0
    items: int = 0
    decisions: int = 0
    declarations: int = 0
    actions: int = 0
    action_updates: int = 0
    usernames: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """The record counts only, for printing and comparing."""
        return {k: v for k, v in asdict(self).items() if isinstance(v, int) and k != "seed"}


@dataclass
class _Seat:
    """A membership being planned, before it is saved."""

    person: Person
    org: Organisation
    role: str
    start: dt.date
    end: dt.date | None = None


@dataclass
class _Plan:
    """A meeting being planned: its body key and the saved meeting."""

    key: str
    meeting: Meeting
    quorate: bool = True
    items: list[AgendaItem] = field(default_factory=list)
    topical: list[tuple[AgendaItem, dict[str, str]]] = field(default_factory=list)
    present: list[Person] = field(default_factory=list)


def _nth_weekday(year: int, month: int, week: int, weekday: int) -> dt.date:
    """The ``week``-th given weekday of a month (week 1 to 4).

    >>> _nth_weekday(2026, 3, 2, 1)
    datetime.date(2026, 3, 10)
    """
    first = dt.date(year, month, 1)
    offset = (weekday - first.weekday()) % 7
    return first + dt.timedelta(days=offset + 7 * (week - 1))


def _add_months(day: dt.date, months: int) -> dt.date:
    """The first of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _misspell(rng: random.Random, name: str) -> str:
    """A plausible misspelling of a name, as a minute-taker might type it.

    >>> _misspell(random.Random(1), "Rosalind Ravenscroft") != "Rosalind Ravenscroft"
    True
    """
    first, _, last = name.partition(" ")
    word = first if rng.random() < 0.7 else last
    letters = list(word)
    choice = rng.randrange(3)
    if choice == 0 and len(letters) > 4:
        i = rng.randrange(1, len(letters) - 2)
        letters[i], letters[i + 1] = letters[i + 1], letters[i]
    elif choice == 1 and len(letters) > 4:
        del letters[rng.randrange(1, len(letters) - 1)]
    else:
        i = rng.randrange(1, len(letters))
        letters.insert(i, letters[i - 1])
    changed = "".join(letters)
    if changed == word:
        changed = word + "e"
    return f"{changed} {last}" if word is first else f"{first} {changed}"


def _topic_phrase(title: str) -> str:
    """An item title as it reads inside a sentence.

    >>> _topic_phrase("Partnership risk register: review")
    'partnership risk register'
    """
    head = title.split(":")[0].strip()
    return head[0].lower() + head[1:] if head else head


class _Builder:
    """Holds the random generator and what has been built so far."""

    def __init__(self, seed: int, today: dt.date, scale: float, progress: ProgressFn | None):
        self.rng = random.Random(seed)
        self.today = today
        self.scale = scale
        self.progress = progress
        self.summary = DemoSummary(seed=seed, today=today, scale=scale)
        span_days = max(60, round(730 * scale))
        self.start = today - dt.timedelta(days=span_days)
        self.orgs: dict[str, Organisation] = {}
        self.people: list[Person] = []
        self.people_by_org: dict[str, list[Person]] = {}
        self.org_key_of: dict[int, str] = {}
        self.bodies: dict[str, Body] = {}
        self.quorum: dict[str, int] = {}
        self.seats: dict[str, list[_Seat]] = {}
        self.deputies: dict[tuple[str, int], Person] = {}
        self.plans: list[_Plan] = []
        self.scheduled: list[Meeting] = []
        self.used_names: set[str] = set()

    # -- helpers ----------------------------------------------------------

    def step(self, label: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(label, done, total)

    def fill(self, template: str, ctx: dict[str, str]) -> str:
        return template.format(**ctx)

    def context(
        self, key: str, date: dt.date, topic: str, presenter: Person | None, present: list[Person]
    ) -> dict[str, str]:
        """Values for the text templates of one agenda item."""
        rng = self.rng
        others = [p for p in present if p is not presenter] or present
        other = rng.choice(others) if others else presenter
        ward, ward2 = rng.sample(V.WARDS, 2)
        org2 = rng.choice(list(self.orgs.values()))
        body2 = rng.choice([b for k, b in self.bodies.items() if k != key])
        later = _add_months(date, rng.randint(1, 4))
        n = rng.randint(6, 14)
        return {
            "place": V.PLACE,
            "presenter": presenter.display_name if presenter else "The chair",
            "first": presenter.name.split()[0] if presenter else "The chair",
            "org": str(presenter.organisation) if presenter and presenter.organisation else "",
            "other": other.name.split()[0] if other else "A member",
            "org2": org2.name,
            "body": "Board" if key == "board" else "group",
            "body2": body2.name,
            "topic": topic,
            "ward": ward,
            "ward2": ward2,
            "month": later.strftime("%B"),
            "pct": str(rng.randint(4, 38)),
            "n": str(n),
            "m": str(rng.randint(n // 2, n - 1)),
            "money": str(rng.choice([12, 25, 40, 60, 75, 120, 250])),
            "doc": rng.choice(V.DOCUMENTS),
        }

    # -- organisations and people ----------------------------------------

    def build_organisations(self) -> None:
        rows = [
            Organisation(
                name=name,
                short_name=short,
                sector=sector,
                website=f"https://{key}.harrowby.example/",
            )
            for key, name, short, sector, parent in V.ORGANISATIONS
            if not parent
        ]
        made = bulk_create_with_history(rows, Organisation)
        keys = [key for key, *_rest, parent in V.ORGANISATIONS if not parent]
        self.orgs.update(zip(keys, made, strict=True))
        children = [
            (
                key,
                Organisation(
                    name=name,
                    short_name=short,
                    sector=sector,
                    parent=self.orgs[parent],
                    website=f"https://{key}.harrowby.example/",
                ),
            )
            for key, name, short, sector, parent in V.ORGANISATIONS
            if parent
        ]
        made = bulk_create_with_history([org for _k, org in children], Organisation)
        self.orgs.update(zip([k for k, _o in children], made, strict=True))
        self.org_key_of = {org.pk: key for key, org in self.orgs.items()}

    def new_name(self) -> str:
        while True:
            name = f"{self.rng.choice(V.FIRST_NAMES)} {self.rng.choice(V.LAST_NAMES)}"
            if name not in self.used_names:
                self.used_names.add(name)
                return name

    def build_people(self) -> None:
        rng = self.rng
        total = max(len(self.orgs) + 4, round(84 * self.scale))
        keys = [key for key, *_ in V.ORGANISATIONS]
        weights = [V.ORGANISATION_WEIGHT.get(k, 1) for k in keys]
        org_keys = list(keys) + rng.choices(keys, weights=weights, k=total - len(keys))
        rows = []
        for i, key in enumerate(org_keys):
            name = self.new_name()
            honorific = rng.choice(V.HONORIFICS.get(key, V.OTHER_HONORIFICS))
            local = re.sub(r"[^a-z.]", "", name.lower().replace(" ", "."))
            rows.append(
                Person(
                    name=name,
                    honorific=honorific,
                    email=f"{local}@{key}.harrowby.example",
                    phone=f"01632 960{i % 1000:03d}",
                    organisation=self.orgs[key],
                )
            )
        self.people = bulk_create_with_history(rows, Person)
        for key, person in zip(org_keys, self.people, strict=True):
            self.people_by_org.setdefault(key, []).append(person)
        n_alias = max(3, round(7 * self.scale))
        aliases = [
            PersonAlias(person=p, name=_misspell(rng, p.name))
            for p in rng.sample(self.people, n_alias)
        ]
        PersonAlias.objects.bulk_create(aliases)
        self.summary.people = len(self.people)
        self.summary.aliases = len(aliases)

    # -- bodies, terms of reference, memberships ---------------------------

    def build_bodies(self) -> None:
        for key, name, kind, _theme, parent, visibility, _orgs in V.BODIES:
            body = Body(
                name=name,
                slug=slugify(name),
                kind=kind,
                visibility=visibility,
                reports_to=self.bodies.get(parent),
                description=V.BODY_PURPOSE[key].format(place=V.PLACE),
            )
            body.save()
            self.bodies[key] = body
        tors = []
        for key, body in self.bodies.items():
            quorum = _QUORUM.get(key, 4)
            self.quorum[key] = quorum
            adopted = self.start - dt.timedelta(days=self.rng.randint(150, 400))
            purpose = V.BODY_PURPOSE[key].format(place=V.PLACE)
            rules = (
                f"One representative of each partner organisation, with a named deputy. "
                f"The chair is elected annually. Quorum: {quorum} voting members."
            )
            if key == _OVERDUE_TOR:
                review = self.today - dt.timedelta(days=self.rng.randint(40, 120))
            else:
                review = adopted + dt.timedelta(days=365 * 3)
            tors.append(
                TermsOfReference(
                    body=body,
                    version=1,
                    adopted_on=adopted,
                    purpose=purpose,
                    remit="Agree priorities, monitor delivery, escalate risks to the Board.",
                    membership_rules=rules,
                    quorum=quorum,
                    review_date=review,
                )
            )
            if key in _VERSIONED_TOR:
                adopted2 = self.today - dt.timedelta(days=self.rng.randint(60, 300))
                tors.append(
                    TermsOfReference(
                        body=body,
                        version=2,
                        adopted_on=adopted2,
                        purpose=purpose,
                        remit=(
                            "Agree priorities, monitor delivery and performance, escalate "
                            "risks, and carry out an annual self-assessment."
                        ),
                        membership_rules=rules,
                        quorum=quorum,
                        review_date=adopted2 + dt.timedelta(days=365),
                    )
                )
        bulk_create_with_history(tors, TermsOfReference)
        self.summary.bodies = len(self.bodies)
        self.summary.terms_of_reference = len(tors)

    def pick(self, org_key: str, taken: set[int], load: dict[int, int]) -> Person | None:
        """A person of the organisation not yet on the body, least busy first."""
        candidates = [p for p in self.people_by_org.get(org_key, []) if p.pk not in taken]
        if not candidates:
            return None
        self.rng.shuffle(candidates)
        candidates.sort(key=lambda p: load.get(p.pk, 0))
        return candidates[0]

    def build_memberships(self) -> None:
        rng = self.rng
        load: dict[int, int] = {}
        rows: list[Membership] = []
        for key, _name, _kind, _theme, _parent, _vis, org_keys in V.BODIES:
            taken: set[int] = set()
            seats: list[_Seat] = []
            wanted = list(org_keys)
            if key == "board":
                wanted += ["council", "council"]
            for i, org_key in enumerate(wanted):
                person = self.pick(org_key, taken, load)
                if person is None:
                    continue
                if org_key == "team":
                    role = Role.OFFICER
                elif i == 0:
                    role = Role.CHAIR
                elif i == 1:
                    role = Role.VICE_CHAIR
                elif i == len(org_keys) - 2 or rng.random() < 0.08:
                    role = Role.ADVISER
                else:
                    role = Role.MEMBER
                begin = self.start - dt.timedelta(days=rng.randint(20, 500))
                if key == "towncentre":
                    begin = max(begin, self.today - dt.timedelta(days=330))
                seats.append(_Seat(person, self.orgs[org_key], role, begin))
                taken.add(person.pk)
                load[person.pk] = load.get(person.pk, 0) + 1
            # One or two members stand down part-way; someone from the same
            # organisation takes the seat the next day.
            replaceable = [
                s
                for s in seats
                if s.role in (Role.MEMBER, Role.ADVISER)
                and any(p.pk not in taken for p in self.people_by_org[self.org_key_of[s.org.pk]])
            ]
            changes = rng.sample(replaceable, k=min(2 if key == "board" else 1, len(replaceable)))
            for seat in changes:
                org_key = self.org_key_of[seat.org.pk]
                successor = self.pick(org_key, taken, load)
                if successor is None:
                    continue
                # Stand down some time between a month after joining and a month ago.
                first = max(self.start, seat.start) + dt.timedelta(days=30)
                span = (self.today - dt.timedelta(days=30) - first).days
                if span <= 0:
                    continue
                seat.end = first + dt.timedelta(days=rng.randint(span // 4, span * 3 // 4))
                seats.append(_Seat(successor, seat.org, seat.role, seat.end + dt.timedelta(days=1)))
                taken.add(successor.pk)
                load[successor.pk] = load.get(successor.pk, 0) + 1
            # Named deputies: a colleague from the same organisation, not on the body.
            for seat in seats:
                if seat.role in VOTING_ROLES:
                    deputy = self.pick(self.org_key_of[seat.org.pk], taken, load)
                    if deputy is not None:
                        self.deputies[key, seat.person.pk] = deputy
            self.seats[key] = seats
            for seat in seats:
                org_key = self.org_key_of[seat.org.pk]
                brings = rng.choice(V.BRINGS).format(org=seat.org.name, ward=rng.choice(V.WARDS))
                rows.append(
                    Membership(
                        person=seat.person,
                        body=self.bodies[key],
                        organisation=seat.org,
                        role=seat.role,
                        start=seat.start,
                        end=seat.end,
                        brings=brings,
                    )
                )
        bulk_create_with_history(rows, Membership)
        self.summary.memberships = len(rows)

    # -- meetings ----------------------------------------------------------

    def build_meetings(self) -> None:
        rng = self.rng
        rows: list[tuple[str, Meeting]] = []
        horizon = self.today + dt.timedelta(days=100)
        for key, body in self.bodies.items():
            freq, offset, week, weekday, start, end = _SCHEDULE[key]
            first_month = _add_months(self.start, 0)
            future = 0
            for i in range(0, 40):
                month = _add_months(first_month, i)
                if month > horizon:
                    break
                if (month.year * 12 + month.month + offset) % freq:
                    continue
                date = _nth_weekday(month.year, month.month, week, weekday)
                if date < self.start or date > horizon:
                    continue
                if key == "towncentre" and date < self.today - dt.timedelta(days=330):
                    continue
                is_past = date < self.today
                if not is_past:
                    future += 1
                    if future > 2:
                        break
                venue = (
                    "Council Chamber, Harrowby Civic Centre"
                    if key == "board" and rng.random() < 0.7
                    else rng.choice(V.VENUES)
                )
                rows.append(
                    (
                        key,
                        Meeting(
                            body=body,
                            date=date,
                            start_time=start,
                            end_time=end,
                            venue=venue,
                            status=MeetingStatus.HELD if is_past else MeetingStatus.SCHEDULED,
                            minutes_status=MinutesStatus.DRAFT,
                        ),
                    )
                )
        rows.sort(key=lambda r: (r[1].date, r[0]))
        # One past theme-group meeting was called off.
        past_theme = [m for k, m in rows if m.status == MeetingStatus.HELD and k == "stronger"]
        if len(past_theme) > 2:
            cancelled = past_theme[len(past_theme) // 2]
            cancelled.status = MeetingStatus.CANCELLED
            cancelled.notes = (
                "Cancelled: too few members able to attend. Items moved to the next meeting."
            )
        made = bulk_create_with_history([m for _k, m in rows], Meeting)
        held = [
            _Plan(key, m)
            for (key, _), m in zip(rows, made, strict=True)
            if m.status == MeetingStatus.HELD
        ]
        # A few meetings were not quorate (never a body's first or latest).
        candidates = [p for p in held if p.key in ("exec", "safer", "economy", "board")]
        for plan in rng.sample(candidates[2:-2], k=min(3, max(0, len(candidates) - 4))):
            plan.quorate = False
            plan.meeting.notes = V.NOT_QUORATE_NOTE
        self.plans = held
        self.scheduled = [m for m in made if m.status == MeetingStatus.SCHEDULED]
        self.summary.meetings = len(made)
        self.summary.held_meetings = len(held)
        self.summary.scheduled_meetings = len(self.scheduled)

    def voting_statuses(self, plan: _Plan, seats: list[_Seat]) -> dict[int, str]:
        """Present, apologies or absent for each voting member, honouring the quorum.

        A quorate meeting has at least the quorum present; one planned as
        not quorate has fewer.
        """
        rng = self.rng
        quorum = self.quorum[plan.key]
        statuses: dict[int, str] = {}
        for i, seat in enumerate(seats):
            roll = rng.random()
            if not plan.quorate:
                present = i < max(1, quorum - 2)
            else:
                present = roll < (0.92 if seat.role == Role.CHAIR else 0.72)
            if present:
                statuses[seat.person.pk] = AttendanceStatus.PRESENT
            elif rng.random() < 0.8:
                statuses[seat.person.pk] = AttendanceStatus.APOLOGIES
            else:
                statuses[seat.person.pk] = AttendanceStatus.ABSENT
        if plan.quorate:
            for seat in seats:
                if sum(v == AttendanceStatus.PRESENT for v in statuses.values()) >= quorum:
                    break
                statuses[seat.person.pk] = AttendanceStatus.PRESENT
        return statuses

    def attendance_for(self, plan: _Plan) -> list[Attendance]:
        rng = self.rng
        date = plan.meeting.date
        seats = [
            s for s in self.seats[plan.key] if s.start <= date and (s.end is None or s.end >= date)
        ]
        rows: list[Attendance] = []
        seen: set[int] = set()
        chair_present = False
        ordered = sorted(
            seats,
            key=lambda s: (
                ["chair", "vice_chair"].index(s.role) if s.role in ("chair", "vice_chair") else 2
            ),
        )
        voting_status = self.voting_statuses(plan, [s for s in ordered if s.role in VOTING_ROLES])
        for seat in ordered:
            person = seat.person
            seen.add(person.pk)
            status: str
            if seat.role == Role.OFFICER:
                status = AttendanceStatus.IN_ATTENDANCE
            elif seat.role == Role.ADVISER:
                status = rng.choices(
                    [
                        AttendanceStatus.IN_ATTENDANCE,
                        AttendanceStatus.APOLOGIES,
                        AttendanceStatus.ABSENT,
                    ],
                    weights=[7, 2, 1],
                )[0]
            else:
                status = voting_status[person.pk]
            role = ""
            if (
                status == AttendanceStatus.PRESENT
                and not chair_present
                and seat.role in (Role.CHAIR, Role.VICE_CHAIR)
            ):
                role = (
                    AttendanceRole.CHAIR if seat.role == Role.CHAIR else AttendanceRole.VICE_CHAIR
                )
                chair_present = True
            rows.append(
                Attendance(
                    meeting=plan.meeting,
                    person=person,
                    organisation=seat.org,
                    status=status,
                    role=role,
                )
            )
            if status in (AttendanceStatus.PRESENT, AttendanceStatus.IN_ATTENDANCE):
                plan.present.append(person)
            deputy = self.deputies.get((plan.key, person.pk))
            if (
                status == AttendanceStatus.APOLOGIES
                and deputy is not None
                and deputy.pk not in seen
                and rng.random() < (0.15 if not plan.quorate else 0.4)
            ):
                seen.add(deputy.pk)
                rows.append(
                    Attendance(
                        meeting=plan.meeting,
                        person=deputy,
                        organisation=seat.org,
                        status=AttendanceStatus.PRESENT,
                        deputising_for=person,
                    )
                )
                plan.present.append(deputy)
        if rng.random() < 0.12:
            rows.append(
                Attendance(
                    meeting=plan.meeting,
                    guest_name=rng.choice(V.GUESTS).format(place=V.PLACE),
                    status=AttendanceStatus.IN_ATTENDANCE,
                )
            )
        # Someone from a partner, not on the body, comes to present an item.
        if rng.random() < 0.35:
            org_key = rng.choice(V.BODIES[[b[0] for b in V.BODIES].index(plan.key)][6])
            guest = self.pick(org_key, seen, {})
            if guest is not None:
                seen.add(guest.pk)
                rows.append(
                    Attendance(
                        meeting=plan.meeting,
                        person=guest,
                        organisation=guest.organisation,
                        status=AttendanceStatus.IN_ATTENDANCE,
                    )
                )
                plan.present.append(guest)
        return rows

    def items_for(
        self, plan: _Plan, previous: Meeting | None, nxt: Meeting | None, apologies: list[str]
    ) -> None:
        rng = self.rng
        meeting = plan.meeting
        presentable = plan.present or [s.person for s in self.seats[plan.key]]
        welcome = "The chair welcomed everyone to the meeting."
        if apologies:
            welcome += " Apologies were received from " + ", ".join(apologies) + "."
        if not plan.quorate:
            welcome += " " + V.NOT_QUORATE_NOTE
        items = [
            AgendaItem(
                meeting=meeting,
                number="1",
                position=0,
                title="Welcome, introductions and apologies",
                minute_text=welcome,
            ),
        ]
        if previous is not None and not plan.quorate:
            text = (
                f"The minutes of the meeting held on {previous.date:%-d %B %Y} could not be "
                "approved as the meeting was not quorate. Actions were reviewed."
            )
        elif previous is not None:
            text = (
                f"The minutes of the meeting held on {previous.date:%-d %B %Y} were agreed as "
                "an accurate record. Progress on actions was reviewed as set out in the action log."
            )
        else:
            text = "Progress on actions from the previous meeting was reviewed."
        items.append(
            AgendaItem(
                meeting=meeting,
                number="2",
                position=1,
                title="Minutes of the last meeting and matters arising",
                minute_text=text,
                is_matters_arising=True,
            )
        )
        n_topics = rng.randint(4, 6) if plan.key == "board" else rng.randint(3, 5)
        topics = rng.sample(V.TOPICS[plan.key], k=min(n_topics, len(V.TOPICS[plan.key])))
        for title in topics:
            number = str(len(items) + 1)
            presenter = rng.choice(presentable)
            ctx = self.context(
                plan.key, meeting.date, _topic_phrase(title), presenter, plan.present
            )
            parts = [self.fill(rng.choice(V.OPENINGS), ctx)]
            parts += [self.fill(t, ctx) for t in rng.sample(V.DISCUSSIONS, rng.randint(1, 2))]
            parts.append(self.fill(rng.choice(V.CLOSINGS), ctx))
            visibility, reason = ItemVisibility.PUBLIC, ""
            roll = rng.random()
            restricted_share = 0.3 if plan.key == "towncentre" else 0.06
            if roll < restricted_share:
                visibility = ItemVisibility.RESTRICTED
                reason = (
                    V.RESTRICTED_REASONS[0]
                    if plan.key == "towncentre" and rng.random() < 0.6
                    else rng.choice(V.RESTRICTED_REASONS)
                )
            elif roll < restricted_share + 0.05:
                visibility, reason = ItemVisibility.MEMBERS, rng.choice(V.MEMBERS_REASONS)
            elif roll < restricted_share + 0.08:
                visibility = ItemVisibility.PARTNERS
                reason = "Shared with partners only until the report is published"
            item = AgendaItem(
                meeting=meeting,
                number=number,
                position=len(items),
                title=title,
                presenter=presenter,
                minute_text="\n\n".join(p for p in parts if p),
                visibility=visibility,
                restriction_reason=reason,
            )
            items.append(item)
            plan.topical.append((item, ctx))
        aob = rng.choice(
            [
                "There was no other business.",
                "{first} reminded partners that the annual conference would be held in {month}.",
                "Partners were asked to send news items for the "
                "partnership newsletter by the end of {month}.",
            ]
        )
        ctx = self.context(plan.key, meeting.date, "", rng.choice(presentable), plan.present)
        items.append(
            AgendaItem(
                meeting=meeting,
                number=str(len(items) + 1),
                position=len(items),
                title="Any other business",
                minute_text=self.fill(aob, ctx),
            )
        )
        if nxt is not None:
            items.append(
                AgendaItem(
                    meeting=meeting,
                    number=str(len(items) + 1),
                    position=len(items),
                    title="Date of next meeting",
                    minute_text=f"The next meeting will be on {nxt.date:%A %-d %B %Y} at "
                    f"{nxt.start_time:%H:%M}, {nxt.venue}.",
                )
            )
        plan.items = items

    def build_proceedings(self) -> None:
        rng = self.rng
        by_body: dict[str, list[Meeting]] = {}
        for plan in self.plans:
            by_body.setdefault(plan.key, []).append(plan.meeting)
        for meeting in self.scheduled:
            key = next(k for k, b in self.bodies.items() if b.pk == meeting.body_id)
            by_body.setdefault(key, []).append(meeting)
        attendances: list[Attendance] = []
        for n, plan in enumerate(self.plans):
            rows = self.attendance_for(plan)
            attendances += rows
            sequence = by_body[plan.key]
            i = sequence.index(plan.meeting)
            previous = sequence[i - 1] if i > 0 else None
            nxt = sequence[i + 1] if i + 1 < len(sequence) else None
            apologies = [
                r.person.display_name
                for r in rows
                if r.status == AttendanceStatus.APOLOGIES and r.person
            ]
            self.items_for(plan, previous, nxt, apologies)
            if n % 10 == 0:
                self.step("Minutes", n, len(self.plans))
        bulk_create_with_history(attendances, Attendance, batch_size=500)
        # Agendas of the next board meetings are already published.
        future_items = []
        for meeting in self.scheduled:
            key = next(k for k, b in self.bodies.items() if b.pk == meeting.body_id)
            titles = [
                "Welcome, introductions and apologies",
                "Minutes of the last meeting and matters arising",
                *rng.sample(V.TOPICS[key], 3),
                "Any other business",
            ]
            for pos, title in enumerate(titles):
                future_items.append(
                    AgendaItem(
                        meeting=meeting,
                        number=str(pos + 1),
                        position=pos,
                        title=title,
                        is_matters_arising=pos == 1,
                    )
                )
        all_items = [item for plan in self.plans for item in plan.items]
        bulk_create_with_history(all_items + future_items, AgendaItem, batch_size=500)
        decisions: list[Decision] = []
        declarations: list[Declaration] = []
        for plan in self.plans:
            matters = plan.items[1]
            if plan.items[1].minute_text.startswith("The minutes") and plan.quorate:
                decisions.append(
                    Decision(
                        item=matters,
                        kind=DecisionKind.APPROVED,
                        text="The minutes of the last meeting were approved.",
                    )
                )
            members = [
                p
                for p in plan.present
                if any(s.person.pk == p.pk and s.role in VOTING_ROLES for s in self.seats[plan.key])
            ]
            for item, ctx in plan.topical:
                for _ in range(rng.choices([0, 1, 2], weights=[25, 60, 15])[0]):
                    kind = rng.choices(
                        ["noted", "agreed", "approved", "resolved"], weights=[40, 30, 15, 15]
                    )[0]
                    decisions.append(
                        Decision(
                            item=item, kind=kind, text=self.fill(rng.choice(V.DECISIONS[kind]), ctx)
                        )
                    )
                if members and rng.random() < 0.07:
                    declarations.append(
                        Declaration(
                            item=item,
                            person=rng.choice(members),
                            interest=self.fill(rng.choice(V.INTERESTS), ctx),
                        )
                    )
        bulk_create_with_history(decisions, Decision, batch_size=500)
        bulk_create_with_history(declarations, Declaration, batch_size=500)
        self.summary.attendances = len(attendances)
        self.summary.items = len(all_items) + len(future_items)
        self.summary.decisions = len(decisions)
        self.summary.declarations = len(declarations)

    # -- actions -----------------------------------------------------------

    def build_actions(self) -> None:
        rng = self.rng
        outstanding: dict[str, list[Action]] = {}
        n_actions = n_updates = 0
        for n, plan in enumerate(self.plans):
            meeting = plan.meeting
            # Matters arising: review what earlier meetings asked for.
            still: list[Action] = []
            for action in outstanding.get(plan.key, []):
                ctx = {
                    "month": _add_months(meeting.date, 1).strftime("%B"),
                    "org2": rng.choice(list(self.orgs.values())).name,
                }
                roll = rng.random()
                due_passed = action.due_date is not None and action.due_date < meeting.date
                if roll < (0.55 if due_passed else 0.3):
                    status, notes = ActionStatus.DONE, V.PROGRESS_DONE
                elif roll < (0.6 if due_passed else 0.34):
                    status, notes = ActionStatus.DROPPED, V.PROGRESS_DROPPED
                elif roll < 0.8:
                    status, notes = ActionStatus.CARRIED_FORWARD, V.PROGRESS_CARRIED
                elif roll < 0.92:
                    status, notes = ActionStatus.OPEN, V.PROGRESS_OPEN
                else:
                    still.append(action)
                    continue
                record_progress(
                    action,
                    opened_version=action.version,
                    note=rng.choice(notes).format(**ctx),
                    status=status,
                    user=None,
                    meeting=meeting,
                )
                n_updates += 1
                if status in (ActionStatus.OPEN, ActionStatus.CARRIED_FORWARD):
                    still.append(action)
            outstanding[plan.key] = still
            # New actions from this meeting's items.
            other_bodies = [b for k, b in self.bodies.items() if k != plan.key]
            for item, ctx in plan.topical:
                for _ in range(rng.choices([0, 1, 2], weights=[30, 50, 20])[0]):
                    kind = rng.random()
                    owners: list[Person] = []
                    owner_bodies: list[Body] = []
                    all_members = False
                    pool = plan.present or [p for p in [item.presenter] if p is not None]
                    if kind < 0.72:
                        chosen = item.presenter if rng.random() < 0.6 else None
                        owners = [chosen or rng.choice(pool)]
                    elif kind < 0.86:
                        owners = rng.sample(pool, k=min(2, len(pool)))
                    elif kind < 0.94:
                        owner_bodies = [rng.choice(other_bodies)]
                    else:
                        all_members = True
                    due: dt.date | None = meeting.date + dt.timedelta(days=rng.randint(21, 100))
                    precision = DuePrecision.DAY
                    if rng.random() < 0.25:
                        assert due is not None
                        due, precision = end_of_month(due.year, due.month), DuePrecision.MONTH
                    elif rng.random() < 0.05:
                        due = None
                    owners = [o for o in owners if o is not None]
                    action = create_action(
                        body=self.bodies[plan.key],
                        description=self.fill(rng.choice(V.ACTIONS), ctx),
                        item=item,
                        owners=owners,
                        owner_bodies=owner_bodies,
                        all_members=all_members or not (owners or owner_bodies),
                        due_date=due,
                        due_precision=precision,
                        created_on=meeting.date,
                    )
                    outstanding[plan.key].append(action)
                    n_actions += 1
            if n % 5 == 0:
                self.step("Actions", n, len(self.plans))
        self.summary.actions = n_actions
        self.summary.action_updates = n_updates

    def approve_minutes(self) -> None:
        """Minutes are approved at the body's next quorate meeting; the latest stay draft."""
        changed: list[Meeting] = []
        last_unapproved: dict[str, list[Meeting]] = {}
        for plan in self.plans:
            waiting = last_unapproved.setdefault(plan.key, [])
            if plan.quorate and waiting:
                for meeting in waiting:
                    meeting.minutes_status = MinutesStatus.APPROVED
                    meeting.approved_at = plan.meeting
                    meeting.approved_on = plan.meeting.date
                    changed.append(meeting)
                waiting.clear()
            waiting.append(plan.meeting)
        not_quorate = [p.meeting for p in self.plans if not p.quorate]
        bulk_update_with_history(
            changed + [m for m in not_quorate if m not in changed],
            Meeting,
            ["minutes_status", "approved_at", "approved_on", "notes"],
            default_change_reason="Minutes approved",
        )

    # -- accounts ----------------------------------------------------------

    def build_users(self) -> None:
        User = get_user_model()
        group, _ = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
        secretariat = User.objects.create(
            username="secretariat",
            first_name="Partnership",
            last_name="Secretariat",
            email="secretariat@team.harrowby.example",
        )
        secretariat.set_unusable_password()
        secretariat.save()
        secretariat.groups.add(group)
        team = self.people_by_org["team"][0]
        team.user = secretariat
        team.save()
        used = {team.pk}
        for username, body_key in _EDITOR_BODIES.items():
            chair = next(s.person for s in self.seats[body_key] if s.role == Role.CHAIR)
            user = self.user_for(chair, username)
            self.bodies[body_key].editors.add(user)
            used.add(chair.pk)
        board_members = [
            s.person
            for s in self.seats["board"]
            if s.role == Role.MEMBER
            and s.end is None
            and s.person.pk not in used
            and sum(s.person.pk == t.person.pk for seats in self.seats.values() for t in seats) > 1
        ] or [s.person for s in self.seats["board"] if s.role == Role.MEMBER]
        self.user_for(board_members[0], "member")
        self.summary.usernames = list(DEMO_USERNAMES)

    def user_for(self, person: Person, username: str) -> User:
        User = get_user_model()
        first, _, last = person.name.partition(" ")
        user = User.objects.create(
            username=username, first_name=first, last_name=last, email=person.email
        )
        user.set_unusable_password()
        user.save()
        person.user = user
        person.save()
        return user

    def build(self) -> DemoSummary:
        self.step("Organisations", 0, 1)
        self.build_organisations()
        self.summary.organisations = len(self.orgs)
        self.step("People", 0, 1)
        self.build_people()
        self.build_bodies()
        self.build_memberships()
        self.step("Meetings", 0, 1)
        self.build_meetings()
        self.build_proceedings()
        self.build_actions()
        self.approve_minutes()
        publish_next_agendas(self.scheduled, self.today)
        build_work_programmes(self.bodies, self.scheduled, self.today)
        build_events(self.bodies, self.today)
        self.build_users()
        build_identity()
        self.step("Done", 1, 1)
        return self.summary


def build_demo_partnership(
    *,
    seed: int = 2026,
    today: dt.date | None = None,
    scale: float = 1.0,
    progress: ProgressFn | None = None,
) -> DemoSummary:
    """Fill an empty database with the Harrowby demo partnership and say what was made.

    ``scale`` multiplies the number of people and the length of the meeting
    history (1.0: about 80 people and two years of meetings). ``progress``,
    if given, is called as ``progress(label, done, total)`` along the way.
    Runs in one transaction: on failure nothing is left half-built.
    """
    if scale <= 0:
        raise ValueError("scale must be positive")
    builder = _Builder(seed, today or dt.date.today(), scale, progress)
    with transaction.atomic():
        return builder.build()


def demo_counts() -> dict[str, int]:
    """How many records of each main kind the database holds (for checks and reports)."""
    return {
        "organisations": Organisation.objects.count(),
        "people": Person.objects.count(),
        "bodies": Body.objects.count(),
        "memberships": Membership.objects.count(),
        "meetings": Meeting.objects.count(),
        "attendances": Attendance.objects.count(),
        "items": AgendaItem.objects.count(),
        "decisions": Decision.objects.count(),
        "actions": Action.objects.count(),
        "action_updates": ActionUpdate.objects.count(),
    }
