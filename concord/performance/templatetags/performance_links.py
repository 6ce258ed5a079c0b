"""Links from meeting pages to the performance reports attached to their items."""

from __future__ import annotations

from django import template

from concord.governance.access import viewer_for
from concord.meetings.models import AgendaItem, Meeting
from concord.performance.models import PerformanceReport

register = template.Library()


@register.inclusion_tag("performance/_meeting_reports.html", takes_context=True)
def performance_reports_for(context: template.Context, meeting: Meeting) -> dict[str, object]:
    """The reports the viewer may read, attached to items of ``meeting`` they may read
    (one query)."""
    viewer = viewer_for(context["request"])
    items = AgendaItem.objects.visible_to(viewer).filter(meeting=meeting)
    reports = (
        PerformanceReport.objects.visible_to(viewer)
        .filter(agenda_item__in=items)
        .select_related("agenda_item")
        .order_by("agenda_item__position", "pk")
    )
    return {"reports": list(reports)}
