"""Shared by the performance views: looking up an indicator or an area."""

from __future__ import annotations

from django.http import Http404

from concord.lib.access import Viewer, get_visible_or_404
from concord.performance.areas import choose_area
from concord.performance.models import Area, Indicator

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def indicator_or_404(viewer: Viewer, pk: int) -> Indicator:
    return get_visible_or_404(
        Indicator.objects.select_related("body", "dataset", "lead_officer"), viewer, pk=pk
    )


def area_or_404(code: str | None) -> Area:
    area = choose_area(code)
    if area is None:
        raise Http404("No areas have been set up yet.")
    return area
