"""The secretariat's desk: what needs attention, and who turns up."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from concord.governance.access import viewer_for
from concord.lib.access import require_secretariat
from concord.lib.params import query_date
from concord.meetings.attendance_rates import GROUPINGS, attendance_rates
from concord.meetings.models import Meeting
from concord.secretariat.health import needs_attention


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    require_secretariat(viewer_for(request))
    return render(
        request,
        "secretariat/dashboard.html",
        {"attention": needs_attention(), "today": dt.date.today()},
    )


@login_required
def attendance(request: HttpRequest) -> HttpResponse:
    """Attendance rates over a period, for the secretariat and body editors."""
    viewer = viewer_for(request)
    if not viewer.can_edit_any:
        raise PermissionDenied("Only the secretariat and body editors may see attendance rates.")
    today = dt.date.today()
    by = request.GET.get("by", "sector")
    by = by if by in GROUPINGS else "sector"
    problems: list[str] = []
    start = query_date(request.GET, "from", "From", problems) or today - dt.timedelta(days=365)
    end = query_date(request.GET, "to", "To", problems) or today
    meetings = Meeting.objects.visible_to(viewer)
    if not viewer.is_secretariat:
        meetings = meetings.filter(body_id__in=viewer.editor_body_ids)
    rates = attendance_rates(meetings, by, start=start, end=end)
    return render(
        request,
        "secretariat/attendance.html",
        {
            "rates": rates,
            "by": by,
            "groupings": GROUPINGS,
            "start": start,
            "end": end,
            "problems": problems,
        },
        status=400 if problems else 200,
    )
