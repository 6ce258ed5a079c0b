"""The risks' 5×5 heat map: how many live risks sit at each likelihood and impact.

:func:`grid` runs one query; :func:`cells` lays the counts out for an SVG
drawn in the template (no inline style: colours are classes) and the table
beside it, which says the same in words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count

from concord.lib.access import Viewer
from concord.registers.models import Risk, RiskStatus

SIZE = 5
CELL = 60  # px in the SVG's own units
MARGIN = 40


def grid(viewer: Viewer, body_id: int | None = None) -> dict[tuple[int, int], int]:
    """Counts of live risks the viewer may see by (likelihood, impact)."""
    qs = Risk.objects.visible_to(viewer).live()
    if body_id is not None:
        qs = qs.filter(body_id=body_id)
    rows = qs.order_by().values("likelihood", "impact").annotate(n=Count("id"))
    return {(r["likelihood"], r["impact"]): r["n"] for r in rows}


def live_at(viewer: Viewer, moment: dt.datetime) -> Any:
    """The risks live at ``moment`` as they stood then (historical records), read from
    the risks' change history.

    A risk counts only if the viewer may see it today, so a risk since made private
    or moved to a members-only body stays hidden.
    """
    visible = Risk.objects.visible_to(viewer).order_by().values("pk")
    return (
        Risk.history.filter(history_date__lte=moment)
        .latest_of_each()
        .exclude(history_type="-")
        .exclude(status=RiskStatus.CLOSED)
        .filter(id__in=visible)
        .order_by()
    )


def grid_at(viewer: Viewer, moment: dt.datetime) -> dict[tuple[int, int], int]:
    """Counts of the risks live at ``moment`` by the likelihood and impact they had then
    (one query)."""
    rows = live_at(viewer, moment).values("likelihood", "impact").annotate(n=Count("history_id"))
    return {(r["likelihood"], r["impact"]): r["n"] for r in rows}


def band(score: int) -> str:
    """Low (1–4), medium (5–9), high (10–16) or very high (20–25).

    >>> band(4), band(9), band(16), band(25)
    ('low', 'medium', 'high', 'very-high')
    """
    if score <= 4:
        return "low"
    if score <= 9:
        return "medium"
    if score <= 16:
        return "high"
    return "very-high"


# The bands' colours, also in concord.css; drawn as SVG attributes too, for the PDF.
FILLS = {"low": "#cfe8cf", "medium": "#fbe6a2", "high": "#f6b98a", "very-high": "#f09a9a"}


@dataclass(frozen=True)
class Cell:
    likelihood: int
    impact: int
    count: int
    band: str
    x: int
    y: int

    @property
    def fill(self) -> str:
        return FILLS[self.band]

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def cx(self) -> int:
        return self.x + CELL // 2

    @property
    def cy(self) -> int:
        return self.y + CELL // 2 + 6


def cells(counts: dict[tuple[int, int], int]) -> list[list[Cell]]:
    """Rows of cells, likelihood 5 at the top, impact 1 to 5 left to right."""
    rows = []
    for likelihood in range(SIZE, 0, -1):
        row = []
        for impact in range(1, SIZE + 1):
            row.append(
                Cell(
                    likelihood,
                    impact,
                    counts.get((likelihood, impact), 0),
                    band(likelihood * impact),
                    MARGIN + (impact - 1) * CELL,
                    (SIZE - likelihood) * CELL,
                )
            )
        rows.append(row)
    return rows


def axis_positions() -> dict[str, list[tuple[int, int]]]:
    """Where the axis numbers go: (number, position) for impact (x) and likelihood (y)."""
    return {
        "impact": [(i, MARGIN + (i - 1) * CELL + CELL // 2) for i in range(1, SIZE + 1)],
        "likelihood": [(li, (SIZE - li) * CELL + CELL // 2 + 5) for li in range(1, SIZE + 1)],
    }
