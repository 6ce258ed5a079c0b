"""The facts portal ("Facts about <place>"): thin views over ``priorities``, ``places``,
``figures`` and ``downloads``. Every page is built as a visitor sees it, whoever asks."""

from __future__ import annotations

import io

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from concord.facts.downloads import write_priority_csv, write_profile_csv
from concord.facts.figures import WardProfile, priority_figures, ward_profile
from concord.facts.places import Places, chosen_area, chosen_period, places
from concord.facts.priorities import (
    Priority,
    all_facts,
    facts_indicators,
    find_numbered_priority,
    find_priority,
)
from concord.governance.identity import current_identity

CSV = "text/csv; charset=utf-8"


def _title(request: HttpRequest, found: Places | None) -> str:
    """ "Facts about Harrowby": the partnership's place, else its area's name."""
    place = current_identity(request).place or (found.place.name if found else "")
    return f"Facts about {place}" if place else "Facts"


def index(request: HttpRequest) -> HttpResponse:
    """The strategies in force with their priorities, and the wards' profiles."""
    found = places()
    return render(
        request,
        "facts/index.html",
        {"title": _title(request, found), "strategies": all_facts(), "places": found},
    )


def _priority_or_404(strategy: int, slug: str) -> Priority:
    found = find_priority(strategy, slug)
    if found is None:
        raise Http404("No such priority.")
    return found


def numbered_priority(
    request: HttpRequest, strategy: int, number: int, csv: bool = False
) -> HttpResponse:
    """An old numbered address: a temporary redirect (with its query) to the address of
    the priority now at that number (numbers change when lines are inserted above)."""
    found = find_numbered_priority(strategy, number)
    if found is None:
        raise Http404("No such priority.")
    name = "facts:priority_csv" if csv else "facts:priority"
    target = reverse(name, args=[strategy, found.slug])
    query = request.GET.urlencode()
    return HttpResponseRedirect(f"{target}?{query}" if query else target)


def priority(request: HttpRequest, strategy: int, slug: str) -> HttpResponse:
    """One priority's indicators for the place (or its region, or a ward): judged, charted,
    tabled."""
    chosen = _priority_or_404(strategy, slug)
    found = places()
    context: dict[str, object] = {
        "title": _title(request, found),
        "priority": chosen,
        "places": found,
        "problems": [],
    }
    if found is not None:
        area, area_problem = chosen_area(found, request.GET.get("area"))
        period, period_problem = chosen_period(request.GET.get("period"), area)
        problems = [p for p in (area_problem, period_problem) if p]
        context.update(area=area, period=period, problems=problems)
        if chosen.indicators:
            context["figures"] = priority_figures(chosen.indicators, area, period)
    status = 400 if context["problems"] else 200
    return render(request, "facts/priority.html", context, status=status)


def priority_csv(request: HttpRequest, strategy: int, slug: str) -> HttpResponse:
    """The priority page's figures as CSV (a 400 naming the bad value)."""
    chosen = _priority_or_404(strategy, slug)
    found = places()
    if found is None:
        raise Http404("No areas have been set up yet.")
    area, area_problem = chosen_area(found, request.GET.get("area"))
    period, period_problem = chosen_period(request.GET.get("period"), area)
    if area_problem or period_problem:
        return HttpResponse(area_problem or period_problem, status=400, content_type="text/plain")
    stream = io.StringIO()
    write_priority_csv(chosen, priority_figures(chosen.indicators, area, period), stream)
    response = HttpResponse(stream.getvalue(), content_type=CSV)
    name = f"facts-{chosen.strategy.pk}-{chosen.slug}-{area.code}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _profile(request: HttpRequest, code: str) -> tuple[Places, WardProfile, str]:
    found = places()
    ward = found.ward(code) if found else None
    if found is None or ward is None:
        raise Http404("No such ward.")
    period, problem = chosen_period(request.GET.get("period"), ward)
    pairs = [(p.title, ind) for p, ind in facts_indicators(all_facts())]
    return found, ward_profile(ward, pairs, period), problem


def profile(request: HttpRequest, code: str) -> HttpResponse:
    """A ward's latest figures against the place and the region, with direction of travel."""
    found, ward_facts, problem = _profile(request, code)
    return render(
        request,
        "facts/profile.html",
        {
            "title": _title(request, found),
            "places": found,
            "profile": ward_facts,
            "problems": [problem] if problem else [],
        },
        status=400 if problem else 200,
    )


def profile_csv(request: HttpRequest, code: str) -> HttpResponse:
    """The ward's profile as CSV (a 400 naming a bad period)."""
    _, ward_facts, problem = _profile(request, code)
    if problem:
        return HttpResponse(problem, status=400, content_type="text/plain")
    stream = io.StringIO()
    write_profile_csv(ward_facts, stream)
    response = HttpResponse(stream.getvalue(), content_type=CSV)
    response["Content-Disposition"] = f'attachment; filename="ward-{ward_facts.ward.code}.csv"'
    return response
