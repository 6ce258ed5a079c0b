"""The state of one walk through a document's attendance sections."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from concord.ingest.record import Attendee

_NOT_LOWER = re.compile(r"[^a-z]")


def person_key(name: str) -> str:
    """The key under which a person named twice is one person."""
    return _NOT_LOWER.sub("", name.lower())


@dataclass
class Attendance:
    """People found, plus which blocks held them (other parsers skip those)."""

    people: list[Attendee] = field(default_factory=list)
    blocks: set[int] = field(default_factory=set)
    first_block: int | None = None


@dataclass
class Walk:
    """Where the walk is: the section's status, its table layout, what was found."""

    result: Attendance = field(default_factory=Attendance)
    people: dict[str, Attendee] = field(default_factory=dict)
    status: str | None = None
    groups: list[tuple[int, int, str, int | None]] | None = None
    columns: dict[str, int] | None = None
    # The codes the status column's heading lists ("P / AP / A"), if any.
    codes: set[str] = field(default_factory=set)
    misses: int = 0
    pending: Attendee | None = None
    section: int = 0
    section_starred: list[tuple[Attendee, bool, int]] = field(default_factory=list)
    # Under a bare "In attendance" heading: present, if no section says "Present".
    bare_in_attendance: bool = False
    bare_people: list[Attendee] = field(default_factory=list)
    inline: bool = False
    # Under a heading alone on its line, before anyone is found under it.
    awaiting: bool = False
    # Under "Present in the chair:": the next person found chairs.
    chairing: bool = False
    # (block, person) for each person added, in order.
    found_in: list[tuple[int, Attendee]] = field(default_factory=list)

    def add(self, found: list[Attendee], index: int) -> None:
        """Record people found in block ``index`` (a person named twice is merged)."""
        if self.chairing and found:
            self.chairing = False
            found[0].role = found[0].role or "chair"
        for person in found:
            key = person_key(person.name)
            if key in self.people:
                old = self.people[key]
                old.role = old.role or person.role
                old.organisation = old.organisation or person.organisation
                old.title = old.title or person.title
                old.deputising_for = old.deputising_for or person.deputising_for
                if old.status == "absent" and person.status == "apologies":
                    # Unticked in a roll call, then listed with apologies.
                    old.status = "apologies"
                continue
            self.people[key] = person
            self.found_in.append((index, person))
            self.result.people.append(person)
            if self.bare_in_attendance and person.status == "in_attendance":
                self.bare_people.append(person)
        if found:
            self.awaiting = False
            self.mark(index)

    def mark(self, index: int) -> None:
        """Block ``index`` belongs to the attendance."""
        self.result.blocks.add(index)
        if self.result.first_block is None:
            self.result.first_block = index

    def end_section(self) -> None:
        """What follows is not attendance."""
        self.status, self.groups, self.columns = None, None, None
