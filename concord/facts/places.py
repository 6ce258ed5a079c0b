"""Which places the facts pages are about, and reading an area or period from a query.

The place is the partnership's own area (``CONCORD_PERFORMANCE_AREA``, else
the first local authority: :func:`concord.performance.areas.choose_area`);
its wards have profiles, and a priority page shows the place, its region or
one of its wards. A query value that is not one of them, or not a period,
is a problem to tell the reader (a 400), never a 500.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from concord.performance import rules
from concord.performance.areas import areas_under, choose_area
from concord.performance.models import Area, AreaLevel
from concord.performance.periods import latest_period, period_param

# GSS codes (E05011118) and local ones (HRW-W01): letters, digits, hyphens, at most 20.
AREA_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,19}")


@dataclass(frozen=True)
class Places:
    """The place, its region (the area above it, if any) and its wards, by name."""

    place: Area
    region: Area | None
    wards: list[Area]

    @property
    def choices(self) -> list[Area]:
        """The areas a priority page can show: the place, its region, its wards."""
        return [self.place, *([self.region] if self.region else []), *self.wards]

    def ward(self, code: str) -> Area | None:
        return next((w for w in self.wards if w.code == code), None)


def places() -> Places | None:
    """The place and its wards (two queries), or ``None`` when no areas are set up."""
    place = choose_area(None)
    if place is None:
        return None
    wards = sorted(areas_under(place, AreaLevel.WARD).select_related("parent"), key=_by_name)
    return Places(place, place.parent, wards)


def _by_name(area: Area) -> tuple[str, str]:
    return (area.name, area.code)


def chosen_area(found: Places, text: str | None) -> tuple[Area, str]:
    """The area a priority page shows (``?area=CODE``; the place by default), and the
    problem with the value given, if any.

    >>> chosen_area(Places(Area(code="L1", name="Town"), None, []), "x" * 40)[1]
    'Area: “xxxxxxxxxxxxxxxxxxxx” is not a code of the place, its region or one of its wards.'
    """
    code = (text or "").strip()
    if not code:
        return found.place, ""
    if AREA_CODE.fullmatch(code):
        for area in found.choices:
            if area.code == code:
                return area, ""
    return found.place, (
        f"Area: “{code[:20]}” is not a code of the place, its region or one of its wards."
    )


def chosen_period(text: str | None, area: Area) -> tuple[rules.Period, str]:
    """The period a page shows (``?period=``; by default the latest with figures for
    ``area``), and the problem with the value given, if any (one query)."""
    period, problem = period_param(text)
    return period or latest_period(area), problem
