"""The facts pages as CSV: every cell a value or neutralised text (``concord.lib.cells``).

Withheld figures are left empty with the reason in the next column, so a
spreadsheet never holds a small count the page did not show.
"""

from __future__ import annotations

import csv
from typing import IO

from concord.facts.figures import PriorityFigures, WardProfile
from concord.facts.priorities import Priority
from concord.lib.cells import csv_value

PRIORITY_HEADER = (
    "strategy",
    "priority",
    "indicator code",
    "indicator",
    "unit",
    "area code",
    "area",
    "period",
    "value",
    "note",
)

PROFILE_HEADER = (
    "priority",
    "indicator code",
    "indicator",
    "unit",
    "period",
    "ward code",
    "ward",
    "ward value",
    "ward note",
    "direction of travel",
    "place",
    "place value",
    "place note",
    "region",
    "region value",
    "region note",
)


def _row(values: tuple[object, ...]) -> list[object]:
    return [csv_value(v) for v in values]


def _note(text: str, number: float | None) -> str:
    return "" if number is not None else text


def write_priority_csv(priority: Priority, figures: PriorityFigures, stream: IO[str]) -> None:
    """Each indicator's recent figures for the area, one row per period."""
    writer = csv.writer(stream)
    writer.writerow(PRIORITY_HEADER)
    area = figures.area
    for facts in figures.indicators:
        ind = facts.row.status.indicator
        for period, fig in facts.history:
            writer.writerow(
                _row(
                    (
                        priority.strategy.title,
                        priority.title,
                        ind.code,
                        ind.title,
                        ind.unit_label or ind.get_unit_display(),
                        area.code,
                        area.name,
                        period,
                        fig.number,
                        _note(fig.text, fig.number),
                    )
                )
            )


def write_profile_csv(profile: WardProfile, stream: IO[str]) -> None:
    """The ward's latest figure of each indicator beside the place's and the region's."""
    writer = csv.writer(stream)
    writer.writerow(PROFILE_HEADER)
    place = profile.place.name if profile.place else ""
    region = profile.region.name if profile.region else ""
    for r in profile.rows:
        ind = r.indicator
        writer.writerow(
            _row(
                (
                    r.priority,
                    ind.code,
                    ind.title,
                    ind.unit_label or ind.get_unit_display(),
                    r.period,
                    profile.ward.code,
                    profile.ward.name,
                    r.ward.number,
                    _note(r.ward.text, r.ward.number),
                    r.travel,
                    place,
                    r.place.number,
                    _note(r.place.text, r.place.number),
                    region,
                    r.region.number,
                    _note(r.region.text, r.region.number),
                )
            )
        )
