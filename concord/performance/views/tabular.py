"""Importing and exporting observations and targets as CSV or Excel."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from concord.governance.access import viewer_for
from concord.lib.access import Viewer
from concord.performance.forms import (
    ImportForm,
)
from concord.performance.models import (
    Indicator,
    Observation,
    Target,
)
from concord.performance.tabular.export import export_observations, export_targets
from concord.performance.tabular.observations import import_observations
from concord.performance.tabular.reading import MAX_REPORTED_ERRORS, RowError, read_table
from concord.performance.tabular.targets import import_targets
from concord.performance.views.common import (
    XLSX,
)


def _unauthorised_rows(viewer: Viewer, data: bytes, filename: str) -> list[RowError]:
    """Rows naming an indicator this (non-secretariat) editor may not change."""
    rows = read_table(data, filename)
    try:
        _, header = next(rows)
    except StopIteration:
        return []
    keys = [c.strip().lower() for c in header]
    if "indicator" not in keys:
        return []  # the importer itself reports the missing column
    col = keys.index("indicator")
    allowed = {
        code.lower()
        for code in Indicator.objects.filter(body_id__in=viewer.editor_body_ids).values_list(
            "code", flat=True
        )
    }
    errors = []
    for number, cells in rows:
        code = cells[col] if col < len(cells) else ""
        if code and code.lower() not in allowed:
            errors.append(
                RowError(
                    number,
                    "indicator",
                    f"you may only import figures of your own bodies' indicators, not '{code}'",
                )
            )
            if len(errors) >= MAX_REPORTED_ERRORS:
                break
    return errors


@login_required
def import_page(request: HttpRequest) -> HttpResponse:
    """Upload observations or targets; every problem is listed by row, nothing is
    imported unless every row is good."""
    viewer = viewer_for(request)
    if not viewer.can_edit_any:
        raise PermissionDenied("Only the secretariat and body editors may import figures.")
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    errors: list = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        name = upload.name or ""
        importer = (
            import_observations if form.cleaned_data["kind"] == "observations" else import_targets
        )
        try:
            if not viewer.is_secretariat:
                errors = _unauthorised_rows(viewer, data, name)
            if not errors:
                result = importer(data, user=request.user, filename=name)
        except (UnicodeDecodeError, ValueError) as exc:
            form.add_error("file", f"The file could not be read: {exc}")
        else:
            if result is not None:
                errors = list(result.errors)
                if result.ok:
                    messages.success(request, result.summary())
                    return redirect("performance:import")
    return render(
        request,
        "performance/import.html",
        {
            "form": form,
            "errors": errors,
            "error_count": result.error_count if result and errors else len(errors),
        },
    )


@login_required
def export(request: HttpRequest, what: str, fmt: str) -> HttpResponse:
    """Observations or targets the viewer may see, as CSV or Excel; ``?indicator=`` narrows."""
    viewer = viewer_for(request)
    ind = request.GET.get("indicator", "")
    only = {"indicator_id": int(ind)} if ind.isdigit() and len(ind) <= 15 else {}
    if what == "observations":
        content = export_observations(Observation.objects.visible_to(viewer).filter(**only), fmt)
    else:
        content = export_targets(Target.objects.visible_to(viewer).filter(**only), fmt)
    response = HttpResponse(
        content, content_type="text/csv; charset=utf-8" if fmt == "csv" else XLSX
    )
    response["Content-Disposition"] = f'attachment; filename="{what}.{fmt}"'
    return response
