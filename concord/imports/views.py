"""The secretariat's import pages: upload, statuses, original files, merge queue.

The review, confirm, discard and undo pages are in ``review_views``.

Secretariat only: everyone else gets 403 (signed in) or the sign-in page.
Views are thin: forms validate, ``concord.imports.services`` does the work.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import TooManyFilesSent
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from concord.governance.access import viewer_for
from concord.imports import services
from concord.imports.applying import ApplyError
from concord.imports.forms import UploadForm
from concord.imports.models import (
    PENDING,
    Document,
    DocumentStatus,
    MergeProposal,
    OrganisationMergeProposal,
    ProposalStatus,
)
from concord.imports.originals import is_kept, open_original
from concord.lib.access import require_secretariat
from concord.lib.http import HtmxHttpRequest

PER_PAGE = 50


def _secretariat(request: HttpRequest) -> None:
    require_secretariat(viewer_for(request))


def _document(pk: int) -> Document:
    return get_object_or_404(Document.objects.select_related("meeting__body"), pk=pk)


def document_list(request: HtmxHttpRequest) -> HttpResponse:
    """Upload form and every document with its status (the table polls while work is pending).

    Too many files in one upload are answered on this page with the limit.
    Django refuses them while parsing the body, before the CSRF check can
    read its token, so the check runs here once the body has been read.
    """
    if request.method == "POST":
        try:
            request.FILES  # noqa: B018 - parses the body (and counts its files)
        except TooManyFilesSent:
            return _too_many_files(request)
    return _document_list(request)


document_list = csrf_exempt(document_list)  # the CSRF check is _document_list's


@csrf_protect
@login_required
def _document_list(request: HtmxHttpRequest) -> HttpResponse:
    _secretariat(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        outcomes = services.receive_upload(
            form.cleaned_data["files"], user=request.user, body=form.cleaned_data["body"]
        )
        for outcome in outcomes:
            if outcome.result == "queued":
                messages.success(request, f"{outcome.name}: queued for reading.")
            elif outcome.result == services.SKIPPED:
                messages.info(request, f"{outcome.name}: already imported, skipped.")
            else:
                messages.error(request, f"{outcome.name}: refused — {outcome.reason}.")
        return redirect("imports:list")
    return _list_page(request, form)


@login_required
def _too_many_files(request: HtmxHttpRequest) -> HttpResponse:
    """The page again, the upload refused: nothing of it was read or kept."""
    _secretariat(request)
    form = UploadForm(data={})
    form.is_valid()  # bound and cleaned, so the refusal shows beside the field
    limit = settings.DATA_UPLOAD_MAX_NUMBER_FILES
    message = f"At most {limit} files at a time: upload them in smaller groups."
    form.errors["files"] = form.error_class([message])
    return _list_page(request, form, status=400)


def _list_page(request: HtmxHttpRequest, form: UploadForm, status: int = 200) -> HttpResponse:
    """The documents table (a fixed number of queries, whatever the number of documents)."""
    documents = Document.objects.for_list()
    chosen = request.GET.get("status", "")
    if chosen:
        documents = documents.filter(status=chosen)
    page = Paginator(documents, PER_PAGE).get_page(request.GET.get("page"))
    pending = any(d.status in PENDING for d in page)
    context = {
        "form": form,
        "page": page,
        "pending": pending,
        "status": chosen,
        "statuses": DocumentStatus.choices,
    }
    if request.htmx:
        return render(request, "imports/_table.html", context)
    open_proposals = (
        MergeProposal.objects.filter(status=ProposalStatus.OPEN).count()
        + OrganisationMergeProposal.objects.filter(status=ProposalStatus.OPEN).count()
    )
    context["open_proposals"] = open_proposals
    return render(request, "imports/list.html", context, status=status)


@login_required
def original(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The original file, always as a download (never rendered: it may hold raw HTML)."""
    _secretariat(request)
    document = _document(pk)
    if not is_kept(document.stored_path):
        raise Http404("The original file is not kept.")
    return FileResponse(
        open_original(document.stored_path),
        as_attachment=True,
        filename=document.filename,
        content_type="application/octet-stream",
    )


@login_required
def proposals(request: HttpRequest) -> HttpResponse:
    """The merge queue: near matches waiting for the secretariat."""
    _secretariat(request)
    status = request.GET.get("status", ProposalStatus.OPEN)
    if status not in ProposalStatus.values:
        status = ProposalStatus.OPEN
    queryset = MergeProposal.objects.filter(status=status).select_related(
        "keep__organisation", "other__organisation", "document", "decided_by"
    )
    page = Paginator(queryset, PER_PAGE).get_page(request.GET.get("page"))
    organisation_proposals = OrganisationMergeProposal.objects.filter(status=status).select_related(
        "keep", "other", "document", "decided_by"
    )
    org_page = Paginator(organisation_proposals, PER_PAGE).get_page(request.GET.get("org_page"))
    return render(
        request,
        "imports/proposals.html",
        {
            "page": page,
            "org_page": org_page,
            "status": status,
            "statuses": ProposalStatus.choices,
        },
    )


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    _secretariat(request)
    proposal = get_object_or_404(MergeProposal, pk=pk)
    return _decide(
        request, proposal, services.accept_proposal, services.reject_proposal, "imports:proposals"
    )


@login_required
@require_POST
def decide_organisation(request: HttpRequest, pk: int) -> HttpResponse:
    _secretariat(request)
    proposal = get_object_or_404(OrganisationMergeProposal, pk=pk)
    return _decide(
        request,
        proposal,
        services.accept_organisation_proposal,
        services.reject_organisation_proposal,
        reverse("imports:proposals") + "#organisations",
    )


def _decide(
    request: HttpRequest,
    proposal: MergeProposal | OrganisationMergeProposal,
    accept: Callable[..., None],
    reject: Callable[..., None],
    back: str,
) -> HttpResponse:
    """Merge or keep apart, as the secretariat chose, and go back to the queue."""
    decision = request.POST.get("decision")
    try:
        if decision == "accept":
            accept(proposal, user=request.user)
            messages.success(request, f"Merged {proposal.other_name} into {proposal.keep_name}.")
        elif decision == "reject":
            reject(proposal, user=request.user)
            messages.success(request, f"Kept {proposal.other_name} and {proposal.keep_name} apart.")
        else:
            messages.error(request, "Choose merge or keep apart.")
    except ApplyError as exc:
        messages.error(request, str(exc))
    return redirect(back)
