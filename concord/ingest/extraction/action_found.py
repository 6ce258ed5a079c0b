"""Actions as they are found: where, from which pass, and the de-duplication.

Several passes can find one task (a table row and the "Summary of actions"
repeating it; an inline "Action:" and the decision it came from): they are
counted once, keeping the fullest wording, owners and date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from concord.ingest.extraction.action_text import mentions_time, resolve_names
from concord.ingest.extraction.dates import MONTHS, resolve_due
from concord.ingest.extraction.layout import Line
from concord.ingest.extraction.names import role_key
from concord.ingest.record import Action


@dataclass
class Found:
    """An action and the line where it was found (for ordering)."""

    action: Action
    line: int
    sources: set[str] = field(default_factory=set)


# "… and Cy to collect …": a second owner's task inside one action's wording.
_SECOND_OWNER = re.compile(
    r",?\s+and\s+(?P<o>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)\s+(?:to|will)\s+(?P<t>[a-z]\w+\b.*)$"
)


_WITHIN_MEETING = re.compile(
    r"\b(?:in|at|during|under)\s+(?:[\w\s]{1,40}?\s+(?:of|in)\s+)?this\s+meeting\b", re.I
)


_CHECKBOX = re.compile(r"^\[[ xX✓]\]\s*")


@dataclass
class Collector:
    """Where the passes put what they find; owners by role and due dates resolved."""

    found: list[Found]
    meeting_date: date | None
    next_meeting: str | None
    roles: dict[str, str]
    first_line: dict[int, int]
    people: list[str] = field(default_factory=list)

    @classmethod
    def over(
        cls,
        found: list[Found],
        lines: list[Line],
        meeting_date: date | None,
        next_meeting: str | None,
        roles: dict[str, str] | None,
        people: list[str] | None = None,
    ) -> Collector:
        """A collector for ``lines``, knowing the first line of each block."""
        first_line: dict[int, int] = {}
        for n, ln in enumerate(lines):
            first_line.setdefault(ln.block, n)
        return cls(found, meeting_date, next_meeting, roles or {}, first_line, list(people or []))

    def add(self, desc: str, owners: list[str], due: str | None, where: int, source: str) -> None:
        """Record an action (fewer than two words is no task)."""
        desc = re.sub(r"\s+", " ", desc).strip(" .;,")
        if desc[:1] == "[":
            # "[ ] Find a speaker – RS": a checklist's box, read by a rule
            # that reads the owner at the line's end.
            desc = _CHECKBOX.sub("", desc)
        if len(desc.split()) < 2:
            return
        if "this meeting" in desc and _WITHIN_MEETING.search(desc):
            # "Ian will report … in the General Business of this meeting": done
            # at the meeting itself, not a task after it.
            return
        second = _SECOND_OWNER.search(desc) if " and " in desc and self.people else None
        if second:
            # "Ann to write to X and Cy to collect Y": Cy's task is another action.
            who = resolve_names([second.group("o")], self.people)
            if who and who[0] in self.people and len(desc[: second.start()].split()) >= 2:
                self.add(desc[: second.start()], owners, due, where, source)
                task = second.group("t")
                self.add(task[0].upper() + task[1:], who, due, where, source)
                return
        if self.roles and owners:
            if len(owners) > 1:
                owners = _rejoin_posts(owners, self.roles)
            owners = list(dict.fromkeys(self.roles.get(role_key(o), o) for o in owners))
        self.found.append(Found(Action(desc, owners, due), where, {source}))

    def due_of(self, wording: str | None, desc: str) -> str | None:
        """The due date from its wording, else from a time named in the task."""
        if wording:
            d = resolve_due(wording, self.meeting_date, self.next_meeting)
            if d:
                return d
        if mentions_time(desc):
            return resolve_due(desc, self.meeting_date, self.next_meeting)
        return None


# Words every action shares ("… at the next meeting") say nothing about the task.
_COMMON = frozenset((
    "the", "and", "for", "that", "this", "are", "was", "were", "will", "them", "their", "its",
    "all", "any", "next", "meeting",
))  # fmt: skip


# A date's words, which a closing list adds to a task ("blurb by Fri 23 Aug")
# (of three letters or more: ``_words`` keeps no shorter ones).
_DATE_WORDS = frozenset(MONTHS) | frozenset((
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "end", "before", "week",
    "month",
))  # fmt: skip


def _rejoin_posts(owners: list[str], roles: dict[str, str]) -> list[str]:
    """Owners split at an "and" that belongs to a post one attendee holds:
    ["Director of People", "Culture"] → ["Director of People and Culture"]."""
    out: list[str] = []
    for o in owners:
        if out and role_key(f"{out[-1]} and {o}") in roles:
            out[-1] = f"{out[-1]} and {o}"
        else:
            out.append(o)
    return out


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2 and w not in _COMMON}


def _similar(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    common = len(a & b)
    return 2 * common / (len(a) + len(b))


_NUMBER = re.compile(r"\d+")


def _same_task(a: Found, wa: set[str], b: Found, wb: set[str]) -> bool:
    """Whether two found actions are one task told twice.

    Actions that name different numbers ("topic 4" / "topic 5") or have
    different owners are distinct even when their wording is alike: a
    long document repeats the same sentence shape for many items.
    """
    oa, ob = a.action.owners, b.action.owners
    if oa and ob and not set(oa) & set(ob):
        return False
    na, nb = set(_NUMBER.findall(a.action.description)), set(_NUMBER.findall(b.action.description))
    same_owners = bool(oa) and oa == ob
    if na != nb and (na and nb or not same_owners):
        return False
    if same_owners:
        # "Volunteer roster" in a closing list, "Do the volunteer roster on the
        # Google sheet …" in the notes: the short one's words within the long
        # one's (the list may add a date: "blurb by Fri 23 Aug").
        short, long = sorted((wa - _DATE_WORDS - na - nb, wb - _DATE_WORDS - na - nb), key=len)
        if len(short) >= 2 and len(short & long) >= 0.75 * len(short):
            return True
    return na == nb and _similar(wa, wb) >= (0.4 if same_owners else 0.75)


def dedupe(found: list[Found]) -> list[Action]:
    found.sort(key=lambda f: f.line)
    # Words computed once per action: the pairwise loop is quadratic.
    kept: list[tuple[Found, set[str]]] = []
    for f in found:
        wa = _words(f.action.description)
        dup = next((g for g, wg in kept if _same_task(f, wa, g, wg)), None)
        if dup is None:
            kept.append((f, wa))
            continue
        if f.action.description.lower().startswith(dup.action.description.lower()):
            # A fragment ("Update the") told in full later: keep the full wording.
            dup.action.description = f.action.description
        if not dup.action.owners and f.action.owners:
            dup.action.owners = f.action.owners
        if not dup.action.due and f.action.due:
            dup.action.due = f.action.due
    return [f.action for f, _ in kept]
