"""Pages anyone may read: bodies, meetings and approved minutes (drafts for insiders)."""

from __future__ import annotations

import datetime as dt

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from concord.actions.services import items_with_actions
from concord.events.models import Event
from concord.governance.access import viewer_for
from concord.governance.models import Body, Membership
from concord.lib.access import get_visible_or_404
from concord.meetings.models import Attendance, Decision, Meeting, MeetingStatus
from concord.meetings.publication import agenda_lines
from concord.meetings.services import quorum
from concord.portal.calendar_month import month_from, month_grid
from concord.portal.home_sections import rendered_sections
from concord.portal.personal import personal_home
from concord.portal.structure import as_tree, diagram_svg, structure_for


@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the app and its database answer; 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any database failure is "down"
        return JsonResponse({"status": "error", "database": str(exc)[:200]}, status=503)
    return JsonResponse({"status": "ok"})


def home(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    today = dt.date.today()
    upcoming = (
        Meeting.objects.visible_to(viewer)
        .filter(date__gte=today)
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("body")
        .order_by("date", "start_time")[:8]
    )
    recent = (
        Meeting.objects.with_minutes_visible_to(viewer)
        .filter(date__lt=today)
        .select_related("body")
        .order_by("-date")[:8]
    )
    decisions = Decision.objects.visible_to(viewer).for_register()[:5]
    events = Event.objects.visible_to(viewer).upcoming().select_related("body")[:5]
    return render(
        request,
        "portal/home.html",
        {
            "upcoming": upcoming,
            "recent": recent,
            "decisions": decisions,
            "events": events,
            "personal": personal_home(viewer, today),
            "today": today,
            "sections": rendered_sections(viewer),
        },
    )


def bodies(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    qs = (
        Body.objects.visible_to(viewer)
        .select_related("reports_to")
        .annotate(member_count=Count("memberships", filter=Q(memberships__end__isnull=True)))
        .order_by("name")
    )
    bodies = list(qs)
    shown = {b.pk for b in bodies}
    for b in bodies:  # a parent the viewer may not see is not named
        b.shown_parent = b.reports_to if b.reports_to_id in shown else None  # type: ignore[attr-defined]
    return render(request, "portal/bodies.html", {"bodies": bodies})


def calendar_month(request: HttpRequest) -> HttpResponse:
    """A month of the meetings and events the viewer may see, with the months either side."""
    viewer = viewer_for(request)
    today = dt.date.today()
    problems: list[str] = []
    first = month_from(request.GET.get("month", ""), today, problems)
    return render(
        request,
        "portal/calendar.html",
        {"month": month_grid(first, viewer, today), "problems": problems},
        status=400 if problems else 200,
    )


def structure(request: HttpRequest) -> HttpResponse:
    """The structure diagram: every body the viewer may see, who reports to whom,
    and the sectors represented, as a linked SVG with a nested list beside it."""
    nodes = structure_for(viewer_for(request))
    svg = diagram_svg(nodes, lambda slug: reverse("portal:body", args=[slug])) if nodes else ""
    return render(request, "portal/structure.html", {"tree": as_tree(nodes), "svg": svg})


def body(request: HttpRequest, slug: str) -> HttpResponse:
    viewer = viewer_for(request)
    the_body = get_visible_or_404(Body.objects.select_related("reports_to"), viewer, slug=slug)
    members = (
        Membership.objects.current()
        .filter(body=the_body)
        .select_related("person", "organisation")
        .order_by("role", "person__name")
    )
    meetings = Meeting.objects.visible_to(viewer).filter(body=the_body).order_by("-date")[:24]
    terms = the_body.terms_of_reference.order_by("-version").first()
    visible_bodies = Body.objects.visible_to(viewer)
    reporting = visible_bodies.filter(reports_to=the_body)
    parent = (
        the_body.reports_to
        if the_body.reports_to_id and visible_bodies.filter(pk=the_body.reports_to_id).exists()
        else None
    )
    return render(
        request,
        "portal/body.html",
        {
            "body": the_body,
            "members": members,
            "meetings": meetings,
            "terms": terms,
            "reporting": reporting,
            "parent": parent,
            "can_edit": viewer.can_edit_body(the_body.pk),
        },
    )


def meetings(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    qs = Meeting.objects.visible_to(viewer).select_related("body").order_by("-date", "-id")
    body_slug = request.GET.get("body", "")
    if body_slug:
        qs = qs.filter(body__slug=body_slug)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "portal/meetings.html",
        {
            "page": page,
            "bodies": Body.objects.visible_to(viewer).order_by("name"),
            "body_slug": body_slug,
        },
    )


def meeting(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request)
    the_meeting = get_visible_or_404(
        Meeting.objects.select_related("body", "approved_at"), viewer, pk=pk
    )
    can_edit = viewer.can_edit_body(the_meeting.body_id)
    # A meeting to come shows others its agenda, once published, and nothing minuted.
    ahead = the_meeting.is_ahead() and not can_edit
    can_read_minutes = the_meeting.minutes_visible_to(viewer) and not ahead
    context = {
        "meeting": the_meeting,
        "can_read_minutes": can_read_minutes,
        "can_edit": can_edit,
        "ahead": ahead,
    }
    if can_read_minutes:
        attendances = the_meeting.attendances.select_related(
            "person", "organisation", "deputising_for"
        ).order_by("person__name", "guest_name")
        context["attendance"] = attendance_groups(list(attendances))
        context["items"] = items_with_actions(the_meeting, viewer)
        context["amendments"] = the_meeting.amendments.select_related("made_by")
        if context["can_edit"]:
            context["quorum"] = quorum(the_meeting)
    elif ahead and the_meeting.agenda_visible_to(viewer):
        context["agenda_shown"] = True
        context["agenda"] = agenda_lines(the_meeting, viewer)
    return render(request, "portal/meeting.html", context)


def attendance_groups(attendances: list[Attendance]) -> dict[str, list[Attendance]]:
    """Group attendance rows by status for display, in the order minutes print them."""
    groups: dict[str, list[Attendance]] = {
        "present": [],
        "in_attendance": [],
        "apologies": [],
        "absent": [],
    }
    for a in attendances:
        groups[a.status].append(a)
    return groups
