"""The read-only JSON API: thin endpoints over the ``visible_to`` QuerySets.

Every endpoint builds the request's viewer with ``viewer_for`` and reads only
through the models' ``visible_to`` methods (or ``get_visible_or_404``), so the
API can never show more than the HTML pages. A record the viewer may not see
is a 404, exactly like one that does not exist. Session cookies authenticate;
anonymous callers get public data.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Annotated, Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from ninja import NinjaAPI, Query, Schema
from ninja.params import functions as param
from ninja.security import django_auth
from pydantic import BeforeValidator, Field

from concord.actions.filters import TrackerFilters
from concord.actions.models import Action, ActionOwner
from concord.actions.services import items_with_actions
from concord.api import schemas as s
from concord.governance.access import viewer_for
from concord.governance.models import Body, Membership
from concord.lib.access import Viewer, get_visible_or_404
from concord.meetings.models import Attendance, Meeting
from concord.meetings.publication import AgendaLine, agenda_lines
from concord.people.models import Organisation, Person

MAX_LIMIT = 200
MAX_OFFSET = 10**9
MAX_ID = 2**63 - 1  # beyond this the database driver overflows: refuse with 422, not 500


def _iso_date(value: object) -> object:
    """Only ``YYYY-MM-DD`` is a date here (pydantic alone would take ``0`` as 1970-01-01)."""
    if isinstance(value, str) and not ISO_DATE.fullmatch(value):
        raise ValueError("a date is written YYYY-MM-DD")
    return value


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]

api = NinjaAPI(
    title="Concord API",
    version="1",
    urls_namespace="api",
    description=(
        "Read-only access to the partnership's bodies, meetings, minutes and actions. "
        "Anonymous callers see public records; a signed-in session sees what its user "
        "may see in the web pages."
    ),
)


class PageParams(Schema):
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class MeetingPage(s.Out):
    count: int
    limit: int
    offset: int
    items: list[s.MeetingOut]


class ActionPage(s.Out):
    count: int
    limit: int
    offset: int
    items: list[s.ActionOut]


# --- turning records into output (relations must be loaded by the caller) -------------


def organisation_ref(org: Organisation | None) -> dict[str, Any] | None:
    return {"id": org.pk, "name": org.name} if org else None


def body_ref(body: Body) -> dict[str, Any]:
    return {"slug": body.slug, "name": body.name}


def person_ref(person: Person | None) -> dict[str, Any] | None:
    if person is None:
        return None
    return {
        "id": person.pk,
        "name": person.name,
        "honorific": person.honorific,
        "display_name": person.display_name,
    }


def body_out(body: Body, visible_ids: set[int] | frozenset[int]) -> dict[str, Any]:
    """A body; its parent is named only if the viewer may see the parent too."""
    parent = body.reports_to if body.reports_to_id in visible_ids else None
    return {
        "id": body.pk,
        "slug": body.slug,
        "name": body.name,
        "kind": body.kind,
        "visibility": body.visibility,
        "description": body.description,
        "reports_to": body_ref(parent) if parent else None,
    }


def local_time(value: dt.time | None) -> str | None:
    """A meeting's wall-clock time as ``HH:MM:SS`` (see ``schemas.LocalTime``)."""
    return value.strftime("%H:%M:%S") if value else None


def meeting_out(meeting: Meeting) -> dict[str, Any]:
    return {
        "id": meeting.pk,
        "body": body_ref(meeting.body),
        "date": meeting.date,
        "start_time": local_time(meeting.start_time),
        "end_time": local_time(meeting.end_time),
        "venue": meeting.venue,
        "status": meeting.status,
        "minutes_status": meeting.minutes_status,
    }


def owner_out(owner: ActionOwner) -> dict[str, Any]:
    """An owner as the caller may see it (loaded through ``with_display_relations``)."""
    return {
        "kind": owner.shown_kind,
        "name": owner.shown_name,
        "person_id": owner.shown_person_id,
        "body_slug": owner.shown_body_slug,
    }


def action_out(action: Action) -> dict[str, Any]:
    """An action loaded with ``with_display_relations``."""
    item = action.item
    return {
        "id": action.pk,
        "body": body_ref(action.body),
        "meeting_id": item.meeting_id if item else None,
        "meeting_date": item.meeting.date if item else None,
        "item": {"id": item.pk, "number": item.number, "title": item.title} if item else None,
        "description": action.description,
        "owners": [owner_out(owner) for owner in action.owners.all()],
        "due_date": action.due_date,
        "due_precision": action.due_precision,
        "status": action.status,
        "closed_on": action.closed_on,
    }


def page(
    qs: QuerySet[Any], params: PageParams, render: Callable[[Any], dict[str, Any]]
) -> dict[str, Any]:
    """One page of a list: a count query and one query (plus fixed prefetches) for the rows."""
    rows = qs[params.offset : params.offset + params.limit]
    return {
        "count": qs.count(),
        "limit": params.limit,
        "offset": params.offset,
        "items": [render(row) for row in rows],
    }


# --- bodies ---------------------------------------------------------------------------


@api.get(
    "/bodies",
    response={200: list[s.BodyOut], 422: s.ValidationErrorOut},
    url_name="bodies",
    tags=["bodies"],
)
def list_bodies(request: HttpRequest) -> list[dict[str, Any]]:
    """Bodies the caller may see: public ones, and members-only ones they belong to."""
    bodies = list(Body.objects.visible_to(viewer_for(request)).select_related("reports_to"))
    visible_ids = {body.pk for body in bodies}
    return [body_out(body, visible_ids) for body in bodies]


@api.get(
    "/bodies/{slug}",
    response={200: s.BodyDetailOut, 404: s.ErrorOut, 422: s.ValidationErrorOut},
    url_name="body",
    tags=["bodies"],
)
def get_body(request: HttpRequest, slug: str) -> dict[str, Any]:
    """One body with its current members and the visible bodies reporting to it."""
    viewer = viewer_for(request)
    body = get_visible_or_404(Body.objects.select_related("reports_to"), viewer, slug=slug)
    visible = Body.objects.visible_to(viewer)
    parent_id = body.reports_to_id
    parent_visible = parent_id is not None and visible.filter(pk=parent_id).exists()
    members = (
        Membership.objects.current()
        .filter(body=body)
        .select_related("person", "organisation")
        .order_by("role", "person__name")
    )
    data = body_out(body, {parent_id} if parent_visible and parent_id else set())
    data["members"] = [
        {
            "person": person_ref(m.person),
            "organisation": organisation_ref(m.organisation),
            "role": m.role,
            "start": m.start,
            "end": m.end,
        }
        for m in members
    ]
    data["reporting_bodies"] = [body_ref(b) for b in visible.filter(reports_to=body)]
    return data


# --- meetings -------------------------------------------------------------------------


@api.get(
    "/meetings",
    response={200: MeetingPage, 422: s.ValidationErrorOut},
    url_name="meetings",
    tags=["meetings"],
)
def list_meetings(
    request: HttpRequest,
    params: Query[PageParams],
    body: str | None = None,
    date_from: IsoDate | None = param.Query(None, alias="from"),  # noqa: B008
    date_to: IsoDate | None = param.Query(None, alias="to"),  # noqa: B008
) -> dict[str, Any]:
    """Meetings of the bodies the caller may see, latest first; filter by body slug and dates."""
    qs = Meeting.objects.visible_to(viewer_for(request)).select_related("body")
    if body:
        qs = qs.filter(body__slug=body)
    if date_from:
        qs = qs.filter(date__gte=date_from)
    if date_to:
        qs = qs.filter(date__lte=date_to)
    return page(qs.order_by("-date", "pk"), params, meeting_out)


def meeting_items(meeting: Meeting, viewer: Viewer) -> list[dict[str, Any]]:
    """The meeting's items this viewer may read, with decisions and actions."""
    items = items_with_actions(meeting, viewer)
    return [
        {
            "id": item.pk,
            "number": item.number,
            "title": item.title,
            "visibility": item.visibility,
            "presenter": person_ref(item.shown_presenter),
            "minute_text": item.minute_text,
            "decisions": [{"kind": d.kind, "text": d.text} for d in item.decisions.all()],
            "actions": [action_out(a) for a in item.actions.all()],
        }
        for item in items
    ]


def agenda_line_out(line: AgendaLine) -> dict[str, Any]:
    item = line.item
    return {
        "number": line.number,
        "item_id": item.pk if item else None,
        "title": item.title if item else None,
        "presenter": person_ref(item.shown_presenter) if item else None,
        "withheld_reason": line.withheld_reason,
        "papers": [
            {
                "id": p.paper.pk,
                "title": p.paper.title,
                "url": reverse("meetings:paper", args=[p.paper.pk]),
                "sent_late": p.sent_late,
            }
            for p in line.papers
        ],
    }


@api.get(
    "/meetings/{meeting_id}",
    response={200: s.MeetingDetailOut, 404: s.ErrorOut, 422: s.ValidationErrorOut},
    url_name="meeting",
    tags=["meetings"],
)
def get_meeting(request: HttpRequest, meeting_id: int) -> dict[str, Any]:
    """One meeting; attendance and items only when the caller may read its minutes
    (approved, or draft for the body's insiders), and only the items they may see. A
    meeting to come shows, as its page does, nothing minuted (except to its editors)
    and, from the agenda's publication date, the agenda and the papers of the items the
    caller may see."""
    viewer = viewer_for(request)
    meeting = get_visible_or_404(Meeting.objects.select_related("body"), viewer, pk=meeting_id)
    ahead = meeting.is_ahead() and not viewer.can_edit_body(meeting.body_id)
    minutes_visible = meeting.minutes_visible_to(viewer) and not ahead
    agenda_visible = ahead and meeting.agenda_visible_to(viewer)
    data = meeting_out(meeting)
    data["approved_on"] = meeting.approved_on
    data["minutes_visible"] = minutes_visible
    data["attendance"] = []
    data["items"] = []
    data["agenda_out_on"] = meeting.agenda_out_on if meeting.is_ahead() else None
    data["agenda_visible"] = agenda_visible
    data["agenda"] = (
        [agenda_line_out(line) for line in agenda_lines(meeting, viewer)] if agenda_visible else []
    )
    if minutes_visible:
        attendances = Attendance.objects.filter(meeting=meeting).select_related(
            "person", "organisation", "deputising_for"
        )
        data["attendance"] = [
            {
                "name": a.name,
                "person_id": a.person_id,
                "organisation": organisation_ref(a.organisation),
                "status": a.status,
                "role": a.role,
                "deputising_for": person_ref(a.deputising_for),
            }
            for a in attendances
        ]
        data["items"] = meeting_items(meeting, viewer)
    return data


# --- actions --------------------------------------------------------------------------


@api.get(
    "/actions",
    response={200: ActionPage, 401: s.ErrorOut, 422: s.ValidationErrorOut},
    auth=django_auth,
    url_name="actions",
    tags=["actions"],
)
def list_actions(
    request: HttpRequest,
    params: Query[PageParams],
    body: int | None = param.Query(None, ge=1, le=MAX_ID),
    owner: int | None = param.Query(None, ge=1, le=MAX_ID),
    organisation: int | None = param.Query(None, ge=1, le=MAX_ID),
    status: str = "outstanding",
    overdue: bool = False,
) -> dict[str, Any]:
    """The action tracker (signed-in users only), with the tracker's filters.

    ``status`` is ``outstanding`` (default), ``all``, or one status; unknown
    values fall back to ``outstanding`` as in the tracker page.
    """
    # The parameters above validate and document; the tracker reads them its own way.
    filters = TrackerFilters.from_params(request.GET)
    return page(Action.objects.for_tracker(viewer_for(request), filters), params, action_out)


@api.get(
    "/actions/{action_id}",
    response={
        200: s.ActionDetailOut,
        401: s.ErrorOut,
        404: s.ErrorOut,
        422: s.ValidationErrorOut,
    },
    auth=django_auth,
    url_name="action",
    tags=["actions"],
)
def get_action(request: HttpRequest, action_id: int) -> dict[str, Any]:
    """One action with its progress notes (signed-in users only)."""
    action = get_visible_or_404(
        Action.objects.with_display_relations(viewer_for(request)).prefetch_related("updates"),
        viewer_for(request),
        pk=action_id,
    )
    data = action_out(action)
    data["updates"] = [
        {"date": u.date, "note": u.note, "status_after": u.status_after}
        for u in action.updates.all()
    ]
    return data


# --- people ---------------------------------------------------------------------------


@api.get(
    "/people/{person_id}",
    response={200: s.PersonOut, 404: s.ErrorOut, 422: s.ValidationErrorOut},
    url_name="person",
    tags=["people"],
)
def get_person(request: HttpRequest, person_id: int) -> dict[str, Any]:
    """A person and their seats on bodies the caller may see; contact details for the
    secretariat only."""
    viewer = viewer_for(request)
    person = get_visible_or_404(Person.objects.select_related("organisation"), viewer, pk=person_id)
    memberships = (
        Membership.objects.filter(person=person, body__in=Body.objects.visible_to(viewer))
        .select_related("body", "organisation")
        .order_by("body__name", "start")
    )
    data = person_ref(person) or {}
    data["organisation"] = organisation_ref(person.organisation)
    data["memberships"] = [
        {
            "body": body_ref(m.body),
            "organisation": organisation_ref(m.organisation),
            "role": m.role,
            "start": m.start,
            "end": m.end,
        }
        for m in memberships
    ]
    data["contact"] = (
        {"email": person.email, "phone": person.phone} if viewer.is_secretariat else None
    )
    return data
