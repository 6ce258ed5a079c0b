"""The turn-the-curve report: baseline, forecast and the action plan."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from concord.actions.models import Action, ActionUpdate
from concord.lib.access import Viewer
from concord.performance import rules
from concord.performance.indicator_chart import SeriesPoint, indicator_series
from concord.performance.models import (
    Area,
    Indicator,
    TurnTheCurve,
)


@dataclass(frozen=True)
class CurveData:
    """The baseline (observed series), its forecast, and the action plan of a TTC report."""

    series: list[SeriesPoint]
    forecast: rules.Forecast | None
    actions: list[Action]


def turn_the_curve_data(ttc: TurnTheCurve, viewer: Viewer) -> CurveData:
    """The figures and the visible action plan of a turn-the-curve report.

    The forecast is the rules' straight line through the last five observed
    values, ``forecast_ahead`` periods beyond the latest. Actions are those
    the viewer may see, with their owners, in due-date order.
    """
    from concord.actions.models import Action, owners_prefetch

    series = indicator_series(ttc.indicator, ttc.area, public=not viewer.is_authenticated)
    observed = {p.period: p.value for p in series}
    forecast = None
    if sum(1 for v in observed.values() if v is not None) >= 2:
        forecast = rules.forecast_periods(observed, ahead=max(1, ttc.forecast_ahead))
    actions = list(
        Action.objects.visible_to(viewer)
        .filter(turn_the_curve_reports=ttc)
        .select_related("body")
        .prefetch_related(owners_prefetch(viewer))
        .order_by("due_date", "id")
    )
    return CurveData(series, forecast, actions)


@dataclass
class PlanItem:
    action: Action
    updates: list[ActionUpdate] = field(default_factory=list)


def plan_items(actions: Iterable[Action]) -> list[PlanItem]:
    """The action plan with each action's progress notes, oldest first (one query)."""
    items = [PlanItem(a) for a in actions]
    by_id = {i.action.pk: i for i in items}
    if by_id:
        for update in ActionUpdate.objects.filter(action_id__in=list(by_id)).order_by("date", "id"):
            by_id[update.action_id].updates.append(update)
    return items


def lines_of(text: str) -> list[str]:
    """Non-blank lines of a text field, for lists such as partners."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def turn_the_curve_for(indicator: Indicator, area: Area) -> TurnTheCurve | None:
    return TurnTheCurve.objects.filter(indicator=indicator, area=area).first()
