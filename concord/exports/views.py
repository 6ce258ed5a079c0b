"""Thin views over the export functions: find what the viewer may see, format, respond."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_GET

from concord.actions.filters import TrackerFilters
from concord.actions.models import Action
from concord.events.models import Event, EventStatus
from concord.exports.actions_csv import write_actions_csv
from concord.exports.calendar_ics import meetings_calendar
from concord.exports.minutes_docx import minutes_document, minutes_filename
from concord.exports.minutes_pdf import minutes_pdf as minutes_pdf_bytes
from concord.exports.minutes_pdf import minutes_pdf_filename
from concord.exports.popolo import popolo_export
from concord.governance.access import viewer_for
from concord.governance.models import Body
from concord.lib.access import get_visible_or_404
from concord.lib.replica import reading_from_replica
from concord.meetings.models import Meeting

# The largest id a database column holds; beyond it SQLite raises OverflowError (a 500).
MAX_ID = 2**63 - 1
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def bounded(filters: TrackerFilters) -> TrackerFilters:
    """Drop id filters no row can match (they would overflow the database driver).

    >>> bounded(TrackerFilters(body=10**30, owner=3)) == TrackerFilters(owner=3)
    True
    """
    too_big: dict[str, Any] = {
        name: None
        for name in ("body", "owner", "organisation")
        if (getattr(filters, name) or 0) > MAX_ID
    }
    return dataclasses.replace(filters, **too_big) if too_big else filters


def _uid_host(request: HttpRequest) -> str:
    """The host in meeting UIDs: the configured site's, so UIDs survive a change of proxy."""
    return urlsplit(settings.CONCORD_SITE_URL).hostname or request.get_host()


def _meeting_url(request: HttpRequest, meeting: Meeting) -> str:
    """The meeting's public page (its API record if the portal is not installed)."""
    try:
        path = reverse("portal:meeting", args=[meeting.pk])
    except NoReverseMatch:
        path = reverse("api:meeting", args=[meeting.pk])
    return request.build_absolute_uri(path)


def _calendar_response(
    request: HttpRequest,
    meetings: Iterable[Meeting],
    name: str,
    filename: str,
    events: QuerySet[Event] | None = None,
) -> HttpResponse:
    body = meetings_calendar(
        meetings,
        name=name,
        host=_uid_host(request),
        url_for=lambda meeting: _meeting_url(request, meeting),
        events=(
            (e, request.build_absolute_uri(reverse("events:detail", args=[e.slug])))
            for e in (events.order_by("starts_at", "pk") if events is not None else [])
        ),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
def calendar_ics(request: HttpRequest) -> HttpResponse:
    """All meetings of the bodies the viewer may see (the public: public bodies only)."""
    viewer = viewer_for(request)
    meetings = Meeting.objects.visible_to(viewer).select_related("body").order_by("date", "pk")
    events = Event.objects.visible_to(viewer).filter(
        status__in=[EventStatus.PUBLISHED, EventStatus.CANCELLED]
    )
    name = f"{settings.CONCORD_PARTNERSHIP_NAME} meetings and events"
    return _calendar_response(request, meetings, name, "meetings.ics", events)


@require_GET
def body_calendar_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """The meetings of one body; 404 if the viewer may not see the body."""
    viewer = viewer_for(request)
    body = get_visible_or_404(Body.objects.all(), viewer, slug=slug)
    meetings = (
        Meeting.objects.visible_to(viewer)
        .filter(body=body)
        .select_related("body")
        .order_by("date", "pk")
    )
    return _calendar_response(request, meetings, f"{body.name} meetings", f"{body.slug}.ics")


@require_GET
def minutes_docx(request: HttpRequest, pk: int) -> HttpResponse:
    """The minutes as Word; 404 unless the viewer may read them (drafts: insiders only)."""
    viewer = viewer_for(request)
    meeting = get_visible_or_404(
        Meeting.objects.with_minutes_visible_to(viewer).select_related("body", "approved_at"),
        viewer,
        pk=pk,
    )
    response = HttpResponse(minutes_document(meeting, viewer), content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{minutes_filename(meeting)}"'
    return response


@require_GET
def minutes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The minutes as PDF; 404 unless the viewer may read them (as the Word download)."""
    viewer = viewer_for(request)
    meeting = get_visible_or_404(
        Meeting.objects.with_minutes_visible_to(viewer).select_related("body", "approved_at"),
        viewer,
        pk=pk,
    )
    response = HttpResponse(minutes_pdf_bytes(meeting, viewer), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{minutes_pdf_filename(meeting)}"'
    return response


@require_GET
@login_required
def actions_csv(request: HttpRequest) -> HttpResponse:
    """The tracker's actions, with the tracker's filters, as CSV (signed-in users only)."""
    viewer = viewer_for(request)  # permissions from the primary, rows from the replica
    actions = Action.objects.for_tracker(viewer, bounded(TrackerFilters.from_params(request.GET)))
    stream = io.StringIO()
    # The byte-order mark makes Excel read the file as UTF-8 (names with accents, '–').
    stream.write("\ufeff")
    with reading_from_replica():
        write_actions_csv(actions, stream)
    response = HttpResponse(stream.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="actions.csv"'
    return response


@require_GET
def popolo(request: HttpRequest) -> JsonResponse:
    """Organisations, bodies, people, memberships and meetings as Popolo JSON."""
    return JsonResponse(popolo_export(viewer_for(request)), json_dumps_params={"indent": 1})
