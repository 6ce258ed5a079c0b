"""One indicator's page, its turn-the-curve report and that report's action plan."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from concord.actions.services import create_action
from concord.governance.access import viewer_for
from concord.lib.locking import save_form_or_refuse
from concord.performance import charts, rules
from concord.performance.areas import area_select
from concord.performance.breakdowns import breakdown_view, breakdowns
from concord.performance.forms import (
    PlanActionForm,
    TurnTheCurveForm,
)
from concord.performance.indicator_chart import indicator_chart, indicator_series
from concord.performance.models import (
    Area,
    Indicator,
    ReportLine,
    TurnTheCurve,
)
from concord.performance.status import IndicatorStatus, indicator_status
from concord.performance.turn_the_curve import (
    lines_of,
    plan_items,
    turn_the_curve_data,
    turn_the_curve_for,
)
from concord.performance.views.common import (
    area_or_404,
    group_choices,
    group_param,
    indicator_or_404,
)
from concord.performance.wards import ward_view
from concord.performance.words import (
    RAG_LABELS,
    SUPPRESSED,
    TRAVEL_LABELS,
    figure,
    status_comparison_words,
    target_text,
)


def indicator(request: HttpRequest, pk: int) -> HttpResponse:
    """Definition, history chart with target, tolerance band and forecast, wards, story."""
    viewer = viewer_for(request)
    ind = indicator_or_404(viewer, pk)
    area = area_or_404(request.GET.get("area"))
    public = not viewer.is_authenticated
    group, problem = group_param(request.GET.get("group"))
    series = indicator_series(ind, area, public=public)
    ttc = turn_the_curve_for(ind, area)
    ahead = ttc.forecast_ahead if ttc else 4
    observed = {p.period: p.value for p in series}
    forecast = None
    if sum(1 for v in observed.values() if v is not None) >= 2:
        forecast = rules.forecast_periods(observed, ahead=ahead)
    chart = indicator_chart(ind, area, series, forecast)
    status = None
    wards = None
    if series:
        latest = series[-1].period
        status = indicator_status(ind, area, latest, public=public)
        wards = ward_view(ind, latest, area, public=public, group=group)
    by_group = [breakdown_view(ind, b) for b in breakdowns(ind, area, public=public)]
    return render(
        request,
        "performance/indicator.html",
        {
            "indicator": ind,
            "breakdowns": by_group,
            "public": public,
            "area": area,
            # A ward shown is offered (with its neighbours), never hidden behind the first area.
            "areas": area_select(area),
            "chart": chart,
            "status": status,
            "status_words": _status_words(status) if status else None,
            "wards": wards if wards and wards.rows else None,
            "group": group,
            "group_value": f"{group.dimension.code}:{group.code}" if group else "",
            "groups": group_choices() if wards and wards.rows else [],
            "problems": [problem] if problem else [],
            "ttc": ttc,
            "story": ReportLine.objects.stories(ind, viewer).first(),
            "can_edit": viewer.can_edit_indicator(ind),
            "illustrative": ind.is_illustrative,
        },
        status=400 if problem else 200,
    )


def _status_words(s: IndicatorStatus) -> dict[str, str]:
    ind = s.indicator
    value = s.ytd_value if s.ytd_value is not None else s.value
    words = {
        "period": s.period.label(),
        "value": SUPPRESSED if s.withheld else (figure(value, ind.unit, ind.decimals) or "No data"),
        "target": target_text(s.target, ind.unit, ind.decimals) or "None set",
        "rag": s.rag.status.value,
        "rag_label": RAG_LABELS[s.rag.status.value],
        "travel_label": TRAVEL_LABELS[s.travel.against_previous.value],
        "travel_mean_label": TRAVEL_LABELS[s.travel.against_mean.value],
        "significance_label": status_comparison_words(s),
        "comparator": s.comparator.name if s.comparator else "",
        "share": ""
        if s.share_of_gap_closed is None
        else f"{charts.format_number(100 * s.share_of_gap_closed, 0)}%",
        "ytd": "Year to date" if s.ytd_value is not None else "",
    }
    if s.distance is not None and s.distance.on_track is not None:
        projected = figure(s.distance.projected_value, ind.unit, ind.decimals)
        words["on_track"] = (
            f"{'On track' if s.distance.on_track else 'Not on track'}: the trend reaches "
            f"{projected} by the target period."
        )
    return words


def turn_the_curve(request: HttpRequest, pk: int) -> HttpResponse:
    """The Outcome-Based Accountability report: baseline and forecast, story, partners,
    what works, and the action plan (tracker actions with their progress)."""
    viewer = viewer_for(request)
    ind = indicator_or_404(viewer, pk)
    area = area_or_404(request.GET.get("area"))
    ttc = turn_the_curve_for(ind, area)
    context: dict[str, object] = {
        "indicator": ind,
        "area": area,
        "ttc": ttc,
        "can_edit": viewer.can_edit_indicator(ind),
        "illustrative": ind.is_illustrative,
    }
    if ttc is not None:
        ttc.indicator = ind
        ttc.area = area
        data = turn_the_curve_data(ttc, viewer)
        context.update(
            chart=indicator_chart(ind, area, data.series, data.forecast, chart_id="baseline"),
            plan=plan_items(data.actions),
            partners=lines_of(ttc.partners),
        )
    return render(request, "performance/turn_the_curve.html", context)


@login_required
def turn_the_curve_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request)
    ind = indicator_or_404(viewer, pk)
    if not viewer.can_edit_indicator(ind):
        raise PermissionDenied("Only the secretariat and the owning body's editors may edit this.")
    area = area_or_404(request.GET.get("area"))
    ttc = turn_the_curve_for(ind, area) or TurnTheCurve(indicator=ind, area=area, body=ind.body)
    form = TurnTheCurveForm(request.POST or None, instance=ttc)
    if request.method == "POST" and form.is_valid():
        form.instance.updated_at = timezone.now()
        if save_form_or_refuse(form):
            messages.success(request, "Turn-the-curve report saved.")
            return redirect(_ttc_url(ind, area))
    return render(
        request,
        "performance/form.html",
        {
            "form": form,
            "title": f"Turn the curve: {ind.code} {ind.title} in {area.name}",
            "cancel": _ttc_url(ind, area),
        },
    )


def _ttc_url(ind: Indicator, area: Area) -> str:
    return reverse("performance:turn_the_curve", args=[ind.pk]) + f"?area={area.code}"


@login_required
def plan_action_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Add an action to the plan: a real tracker action owned by the indicator's body."""
    viewer = viewer_for(request)
    ind = indicator_or_404(viewer, pk)
    if not viewer.can_edit_indicator(ind):
        raise PermissionDenied(
            "Only the secretariat and the owning body's editors may add actions."
        )
    area = area_or_404(request.GET.get("area"))
    ttc = turn_the_curve_for(ind, area)
    if ttc is None:
        messages.error(request, "Write the turn-the-curve report before adding its action plan.")
        return redirect(_ttc_url(ind, area))
    if ind.body is None:
        messages.error(
            request,
            "This indicator has no owning body, so its actions would have no one to chase "
            "them. Set the owning body in the register first.",
        )
        return redirect(_ttc_url(ind, area))
    form = PlanActionForm(request.POST or None, viewer=viewer, body=ind.body)
    if request.method == "POST" and form.is_valid():
        due = form.cleaned_data["due"]
        people = list(form.cleaned_data["owner_people"])
        with transaction.atomic():
            action = create_action(
                body=ind.body,
                description=form.cleaned_data["description"],
                owners=people,
                owner_bodies=() if people else (ind.body,),
                due_date=due[0] if due else None,
                due_precision=due[1] if due else "day",
            )
            ttc.actions.add(action)
        messages.success(request, "Action added to the plan and to the action tracker.")
        return redirect(_ttc_url(ind, area))
    return render(
        request,
        "performance/form.html",
        {
            "form": form,
            "title": f"Add an action to the plan for {ind.code} {ind.title}",
            "intro": f"The action is recorded in the action tracker for {ind.body.name}, "
            "so it appears under matters arising at its meetings.",
            "cancel": _ttc_url(ind, area),
        },
    )
