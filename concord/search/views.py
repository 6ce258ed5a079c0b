"""The search page: one box over everything the viewer may see."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from concord.governance.access import viewer_for
from concord.governance.models import Body
from concord.search.results import SearchFilters, kinds_for, search_page


def search(request: HttpRequest) -> HttpResponse:
    """Results for ``?q=``, filtered by type, body and dates; 400 naming the filter that
    could not be read (the results are then not narrowed by it)."""
    viewer = viewer_for(request)
    filters = SearchFilters.from_params(request.GET, viewer)
    results = None
    if filters.has_words:
        results = search_page(filters, viewer, request.GET.get("page"))
    return render(
        request,
        "search/search.html",
        {
            "filters": filters,
            "asked": bool(filters.text),
            "results": results,
            "page": results.page if results else None,
            "kinds": kinds_for(viewer),
            "bodies": Body.objects.visible_to(viewer).only("slug", "name").order_by("name"),
        },
        status=400 if filters.problems else 200,
    )
