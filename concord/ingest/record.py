"""The meeting record the extractor returns (the shape of the eval schema)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Attendee:
    """A person recorded at a meeting."""

    name: str
    title: str | None = None
    organisation: str | None = None
    status: str = "present"  # present | apologies | in_attendance | absent
    role: str | None = None  # chair | vice_chair | None
    deputising_for: str | None = None


@dataclass
class Item:
    """A top-level agenda item: number as printed, title without the number."""

    number: str
    title: str


@dataclass
class Action:
    """Something someone has to do, with its owners and due date."""

    description: str
    owners: list[str] = field(default_factory=list)
    due: str | None = None  # YYYY-MM-DD, YYYY-MM or None
    learned: bool = False  # found by the sentence model, not the rules


@dataclass
class NextMeeting:
    """A future meeting the document announces."""

    date: str
    time: str | None = None
    venue: str | None = None


@dataclass
class MeetingRecord:
    """Everything extracted from one document.

    >>> MeetingRecord(source="a.txt").to_dict()["kind"]
    'other'
    """

    source: str | None = None
    kind: str = "other"
    body: str | None = None
    date: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    venue: str | None = None
    attendance: list[Attendee] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    next_meetings: list[NextMeeting] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The record as plain JSON-ready data, keys in schema order
        (``learned`` only on the actions the sentence model found)."""
        data = asdict(self)
        for action in data["actions"]:
            if not action["learned"]:
                del action["learned"]
        return data
