"""Shared by the performance views: looking up an indicator or an area."""

from __future__ import annotations

from django.http import Http404

from concord.lib.access import Viewer, get_visible_or_404
from concord.performance.areas import choose_area
from concord.performance.models import Area, Group, Indicator

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


def group_param(text: str | None) -> tuple[Group | None, str]:
    """A population group from ``?group=sex:female`` (dimension code, group code) and,
    when one was given but is no such group, the problem to tell the reader. One query
    when given, none otherwise."""
    if not text or not text.strip():
        return None, ""
    shown = text.strip()[:60]
    dimension, _, code = shown.partition(":")
    found = (
        Group.objects.select_related("dimension")
        .filter(dimension__code=dimension.strip(), code=code.strip())
        .first()
        if dimension and code and len(text) <= 90
        else None
    )
    if found is None:
        return None, f"Group: “{shown}” is not a population group such as sex:female."
    return found, ""


def group_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Every population group by dimension, for a select list: (dimension, [(value,
    name)]). Groups are a configured list, never personal data. One query."""
    out: dict[str, list[tuple[str, str]]] = {}
    for g in Group.objects.select_related("dimension"):
        out.setdefault(g.dimension.name, []).append((f"{g.dimension.code}:{g.code}", g.name))
    return list(out.items())
