"""Areas: which ones lie under another, and which one a page shows.

Areas are found under a parent through a chain of ``parent`` joins, one per
level between them, so no list of ids is ever sent to the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.safestring import SafeString, mark_safe

from concord.performance.models import (
    Area,
    AreaLevel,
)


def descendants_filter(
    parent: Area, level: str, prefix: str = "", depths: Iterable[int] | None = None
) -> Q:
    """A filter for areas of ``level`` anywhere under ``parent`` (by its ``depth``).

    ``prefix`` is the path to the area from the queried model, e.g. ``"area__"``
    for observations. Areas are found through a chain of ``parent`` joins, one
    per level between them, so no list of ids is sent to the database.
    """
    if depths is None:
        depths = descendant_depths(parent, level)
    q = Q(pk__in=[])
    for depth in depths:
        chain = "parent__" * (depth - parent.depth - 1) + "parent"
        q |= Q(**{f"{prefix}{chain}": parent.pk, f"{prefix}level": level})
    return q


def descendant_depths(parent: Area, level: str) -> list[int]:
    """The depths at which areas of ``level`` sit below ``parent`` (one query)."""
    return list(
        Area.objects.filter(level=level, depth__gt=parent.depth)
        .order_by()
        .values_list("depth", flat=True)
        .distinct()
    )


def areas_under(parent: Area, level: str = AreaLevel.WARD) -> QuerySet[Area]:
    """Areas of ``level`` under ``parent`` (e.g. the wards of a local authority), by code."""
    return Area.objects.filter(descendants_filter(parent, level)).order_by("code")


def choose_area(code: str | None = None) -> Area | None:
    """The area a page shows: ``code`` if it exists, else the configured one
    (``CONCORD_PERFORMANCE_AREA``), else the first local authority, else the
    broadest area stored."""
    for candidate in (code, settings.CONCORD_PERFORMANCE_AREA):
        if candidate:
            area = Area.objects.select_related("parent").filter(code=candidate.strip()).first()
            if area is not None:
                return area
    return (
        Area.objects.select_related("parent")
        .filter(level=AreaLevel.LOCAL_AUTHORITY)
        .order_by("code")
        .first()
        or Area.objects.select_related("parent").order_by("depth", "code").first()
    )


def area_choices() -> QuerySet[Area]:
    """Areas above ward level, for the area selector (wards have their own table)."""
    return (
        Area.objects.exclude(level__in=[AreaLevel.WARD, AreaLevel.LSOA])
        .order_by("depth", "name")
        .only("code", "name", "level")
    )


def ward_choices(area: Area) -> QuerySet[Area]:
    """The wards of ``area``'s local authority (its own, or a ward's siblings), for
    the dashboard's area selector: a councillor's ward is one choice away."""
    authority = area.parent if area.level == AreaLevel.WARD else area
    if authority is None or authority.level != AreaLevel.LOCAL_AUTHORITY:
        return Area.objects.none()
    return (
        Area.objects.filter(parent=authority, level=AreaLevel.WARD)
        .order_by("name")
        .only("code", "name", "level")
    )


@dataclass(frozen=True)
class AreaSelect:
    """The area selector's options, as HTML: ``areas`` (:func:`area_choices`, ``count``
    of them) and ``wards`` (:func:`ward_choices`; empty without), the chosen area's
    option selected. Drawn in one pass: a national list has hundreds of options,
    which a template loop would draw one tag at a time."""

    count: int
    areas: SafeString
    wards: SafeString


def _options(rows: list[tuple[str, str]], chosen: str) -> SafeString:
    """``<option>`` elements, every code and name escaped (html.escape, as Django's)."""
    return mark_safe(  # every text escaped here
        "".join(
            f'<option value="{escape(code)}"{" selected" if code == chosen else ""}>'
            f"{escape(name)}</option>"
            for code, name in rows
        )
    )


def area_select(area: Area | None, *, wards: bool = True) -> AreaSelect:
    """The options of a page's area selector with ``area`` chosen, and its authority's
    wards when ``wards`` (two queries; one without wards or an area)."""
    rows = list(area_choices().values_list("code", "name"))
    chosen = area.code if area is not None else ""
    ward_rows = (
        list(ward_choices(area).values_list("code", "name")) if wards and area is not None else []
    )
    return AreaSelect(len(rows), _options(rows, chosen), _options(ward_rows, chosen))
