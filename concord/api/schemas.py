"""Output schemas of the API: every field typed, nothing extra allowed.

Contact details appear only in ``PersonOut.contact``, which the endpoint
fills for the secretariat alone.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from ninja import Schema
from pydantic import ConfigDict, Field


class Out(Schema):
    model_config = ConfigDict(extra="forbid")


class OrganisationRef(Out):
    id: int
    name: str


class BodyRef(Out):
    slug: str
    name: str


class PersonRef(Out):
    id: int
    name: str
    honorific: str
    display_name: str


class BodyOut(Out):
    id: int
    slug: str
    name: str
    kind: str
    visibility: str
    description: str
    reports_to: BodyRef | None


class MemberOut(Out):
    person: PersonRef
    organisation: OrganisationRef | None
    role: str
    start: dt.date | None
    end: dt.date | None


class BodyDetailOut(BodyOut):
    members: list[MemberOut]
    reporting_bodies: list[BodyRef]


# Meetings keep the local wall-clock time their minutes give (Europe/London on the
# meeting's date), with no offset: a string "HH:MM:SS", not an RFC 3339 time.
LocalTime = Annotated[
    str,
    Field(
        pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$",
        description="Local time (Europe/London) on the meeting's date, HH:MM:SS, no offset.",
        examples=["10:00:00"],
    ),
]


class MeetingOut(Out):
    id: int
    body: BodyRef
    date: dt.date
    start_time: LocalTime | None
    end_time: LocalTime | None
    venue: str
    status: str
    minutes_status: str


class AttendanceOut(Out):
    name: str
    person_id: int | None
    organisation: OrganisationRef | None
    status: str
    role: str
    deputising_for: PersonRef | None


class DecisionOut(Out):
    kind: str
    text: str


class OwnerOut(Out):
    kind: str  # person, body, all_members, or withheld (a person or body the caller may not see)
    name: str
    person_id: int | None
    body_slug: str | None


class ItemRef(Out):
    id: int
    number: str
    title: str


class ActionOut(Out):
    id: int
    body: BodyRef
    meeting_id: int | None
    meeting_date: dt.date | None
    item: ItemRef | None
    description: str
    owners: list[OwnerOut]
    due_date: dt.date | None
    due_precision: str
    status: str
    closed_on: dt.date | None


class ActionUpdateOut(Out):
    date: dt.date
    note: str
    status_after: str


class ActionDetailOut(ActionOut):
    updates: list[ActionUpdateOut]


class ItemOut(Out):
    id: int
    number: str
    title: str
    visibility: str
    presenter: PersonRef | None
    minute_text: str
    decisions: list[DecisionOut]
    actions: list[ActionOut]


class AgendaPaperOut(Out):
    id: int
    title: str
    url: str
    sent_late: bool


class AgendaLineOut(Out):
    """One line of a published agenda: an item the caller may not see keeps its number
    and the reason, never its title or papers (``item_id`` and ``title`` null)."""

    number: str
    item_id: int | None
    title: str | None
    presenter: PersonRef | None
    withheld_reason: str
    papers: list[AgendaPaperOut]


class MeetingDetailOut(MeetingOut):
    approved_on: dt.date | None
    minutes_visible: bool
    attendance: list[AttendanceOut]
    items: list[ItemOut]
    # A meeting to come: when its agenda goes out, and from then the agenda and papers.
    agenda_out_on: dt.date | None
    agenda_visible: bool
    agenda: list[AgendaLineOut]


class ContactOut(Out):
    email: str
    phone: str


class MembershipOut(Out):
    body: BodyRef
    organisation: OrganisationRef | None
    role: str
    start: dt.date | None
    end: dt.date | None


class PersonOut(PersonRef):
    organisation: OrganisationRef | None
    memberships: list[MembershipOut]
    contact: ContactOut | None


class ErrorOut(Out):
    detail: str


class ValidationErrorOut(Out):
    """A request whose parameters do not match their schema (422): what was wrong, where."""

    detail: list[dict[str, Any]]
