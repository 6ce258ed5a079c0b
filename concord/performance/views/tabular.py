"""Importing and exporting observations and targets as CSV or Excel."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from concord.governance.access import viewer_for
from concord.lib.access import Viewer, get_visible_or_404
from concord.performance.forms import (
    ImportForm,
)
from concord.performance.models import (
    FigureBasis,
    ImportBatch,
    Indicator,
    Observation,
    StagedImport,
    Target,
)
from concord.performance.tabular.export import export_observations, export_targets
from concord.performance.tabular.preview import CHANGE_KINDS, Preview
from concord.performance.tabular.reading import MAX_REPORTED_ERRORS, RowError, read_table
from concord.performance.tabular.staged import (
    confirm_staged,
    discard_staged,
    stage_upload,
    staged_data,
)
from concord.performance.views.common import (
    XLSX,
)

WAITING_SHOWN = 20


def _unauthorised_rows(viewer: Viewer, data: bytes, filename: str) -> list[RowError]:
    """Rows naming (by code or title) an indicator this (non-secretariat) editor may not change."""
    rows = read_table(data, filename)
    try:
        _, header = next(rows)
    except StopIteration:
        return []
    keys = [c.strip().lower() for c in header]
    if "indicator" not in keys:
        return []  # the importer itself reports the missing column
    col = keys.index("indicator")
    allowed: set[str] = set()
    for code, title in Indicator.objects.filter(body_id__in=viewer.editor_body_ids).values_list(
        "code", "title"
    ):
        allowed.update((" ".join(code.split()).casefold(), " ".join(title.split()).casefold()))
    errors = []
    for number, cells in rows:
        code = cells[col] if col < len(cells) else ""
        if code and " ".join(code.split()).casefold() not in allowed:
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
    imported unless every row is good. A good file, of observations or of targets,
    goes to its preview first: nothing is written until it is confirmed."""
    viewer = viewer_for(request)
    if not viewer.can_edit_any:
        raise PermissionDenied("Only the secretariat and body editors may import figures.")
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    errors: list[RowError] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        name = upload.name or ""
        kind = form.cleaned_data["kind"]
        try:
            if not viewer.is_secretariat:
                errors = _unauthorised_rows(viewer, data, name)
            if not errors:
                basis = form.cleaned_data.get("basis") or FigureBasis.PERIOD
                staged, result = stage_upload(data, name, request.user, basis, kind)
                if staged is not None:
                    return redirect("performance:import_preview", token=staged.token)
        except (UnicodeDecodeError, ValueError) as exc:
            form.add_error("file", f"The file could not be read: {exc}")
        else:
            if result is not None:
                errors = list(result.errors)
    return render(
        request,
        "performance/import.html",
        {
            "form": form,
            "errors": errors,
            "error_count": result.error_count if result and errors else len(errors),
            "waiting": StagedImport.objects.visible_to(viewer)
            .pending()
            .only("token", "kind", "filename", "uploaded_at")[:WAITING_SHOWN],
        },
    )


def _staged_or_404(request: HttpRequest, token: UUID) -> StagedImport:
    viewer = viewer_for(request)
    return get_visible_or_404(StagedImport.objects.pending(), viewer, token=token)


@login_required
def import_preview(request: HttpRequest, token: UUID) -> HttpResponse:
    """What confirming an uploaded file will do: new, changed (old → new, who entered the
    old figure) and unchanged rows, and how each column was read. Only its uploader sees it."""
    staged = _staged_or_404(request, token)
    return _preview_page(request, staged)


# The preview's headings, by what the file holds.
_WORDS: dict[str, dict[str, str]] = {
    ImportBatch.Kind.OBSERVATIONS: {
        "thing": "figure",
        "things": "figures",
        "entered": "Old figure entered",
    },
    ImportBatch.Kind.TARGETS: {
        "thing": "target",
        "things": "targets",
        "entered": "Old target set",
    },
}


def _preview_page(request: HttpRequest, staged: StagedImport, status: int = 200) -> HttpResponse:
    """The stored preview, its sample rows only of indicators the viewer may (still) see."""
    preview = Preview.from_dict(staged.preview)
    sampled = {r.get("indicator_id") for rows in preview.samples.values() for r in rows}
    visible = set(
        Indicator.objects.visible_to(viewer_for(request))
        .filter(pk__in=sampled - {None})
        .values_list("pk", flat=True)
    )
    withheld = 0
    sections = []
    for (kind, word), count in zip(
        CHANGE_KINDS, (preview.updated, preview.created, preview.unchanged), strict=True
    ):
        rows = [r for r in preview.samples.get(kind, []) if r.get("indicator_id") in visible]
        withheld += len(preview.samples.get(kind, [])) - len(rows)
        sections.append((word, rows, count))
    return render(
        request,
        "performance/import_preview.html",
        {
            "staged": staged,
            "preview": preview,
            "sections": sections,
            "withheld": withheld,
            "words": _WORDS.get(staged.kind, _WORDS[ImportBatch.Kind.OBSERVATIONS]),
            "targets": staged.kind == ImportBatch.Kind.TARGETS,
        },
        status=status,
    )


@login_required
@require_POST
def import_confirm(request: HttpRequest, token: UUID) -> HttpResponse:
    """Write the previewed file, all rows or none; refused if the figures changed since,
    or if the uploader may no longer change every indicator it names."""
    staged = _staged_or_404(request, token)
    if "discard" in request.POST:
        discard_staged(staged)
        messages.info(request, "Nothing imported: the file was put aside.")
        return redirect("performance:import")
    viewer = viewer_for(request)
    try:
        if not viewer.can_edit_any or (
            not viewer.is_secretariat
            and _unauthorised_rows(viewer, staged_data(staged), staged.filename)
        ):
            raise PermissionDenied("You may no longer change every indicator this file names.")
        result = confirm_staged(staged, request.user)
    except (OSError, ValueError) as exc:
        messages.error(request, f"Nothing imported: the uploaded file could not be read ({exc}).")
        return redirect("performance:import")
    if result.ok:
        messages.success(request, result.summary())
        return redirect("performance:import")
    messages.error(request, result.summary())
    return _preview_page(request, staged, status=409)


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
