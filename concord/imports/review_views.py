"""The review of one import: the draft form beside the text, the plan, confirm, discard, undo.

Secretariat only. Views are thin: ``review_forms`` validates,
``concord.imports.review`` does the work.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from concord.governance.access import viewer_for
from concord.imports import review as services
from concord.imports.applying import ApplyError, Created
from concord.imports.draft import draft_of
from concord.imports.models import (
    Document,
    MergeProposal,
    OrganisationMergeProposal,
    ProposalStatus,
)
from concord.imports.planning import plan_draft
from concord.imports.review_evidence import review_evidence
from concord.imports.review_forms import ConfirmForm, ReviewForms, with_added_row
from concord.lib.access import require_secretariat
from concord.lib.locking import StaleEdit
from concord.lib.pickers import as_id
from concord.people.models import Organisation, Person


def _document(request: HttpRequest, pk: int) -> Document:
    require_secretariat(viewer_for(request))
    return get_object_or_404(Document.objects.select_related("meeting__body"), pk=pk)


def _confirm_form(document: Document, data: object = None) -> ConfirmForm:
    meetings, default = services.approval_choices(document)
    return ConfirmForm(
        data, meetings=meetings, initial={"minutes": default, "opened_version": document.version}
    )


@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    """The draft (editable), what confirming it will do, and the document's text.

    A POST with ``add_row`` (a formset's prefix) shows the form again, as
    posted, with one more blank row in that list, and saves nothing: the
    "Add a row" buttons work without JavaScript, and htmx swaps only the form.
    """
    document = _document(request, pk)
    viewer = viewer_for(request)
    draft = draft_of(document)
    adding = request.POST.get("add_row", "")
    data = with_added_row(request.POST, adding) if adding else (request.POST or None)
    forms = ReviewForms(draft, document.version, viewer, data)
    if request.method == "POST" and not adding:
        if not document.can_be_reviewed:
            messages.error(request, "This document can no longer be corrected here.")
            return redirect("imports:review", pk)
        if forms.is_valid():
            try:
                status = services.save_draft(
                    document, forms.draft(), opened_version=forms.opened_version, user=request.user
                )
            except (ApplyError, StaleEdit) as exc:
                forms.meeting.add_error(None, str(exc))
            else:
                if status == "review":
                    messages.success(
                        request, "Corrections saved. Nothing is recorded until you confirm."
                    )
                else:
                    messages.error(
                        request, f"Saved, but not ready to confirm: {document.failure_reason}."
                    )
                return redirect("imports:review", pk)
    return _render(request, document, forms, _confirm_form(document))


def _render(
    request: HttpRequest,
    document: Document,
    forms: ReviewForms,
    confirm_form: ConfirmForm,
    status: int = 200,
) -> HttpResponse:
    draft = draft_of(document)
    plan = plan_draft(draft, document_id=document.pk) if document.can_be_reviewed else None
    created = Created.from_dict(document.created)
    evidence = review_evidence(document.text, document.evidence, document.record, draft)
    forms.show_evidence(evidence.fields)
    return render(
        request,
        "imports/review.html",
        {
            "document": document,
            "forms": forms,
            "editable": document.can_be_reviewed,
            "plan": plan,
            "evidence": evidence,
            "confirm_form": confirm_form,
            "created_people": Person.objects.filter(pk__in=created.people),
            "all_people": Person.objects.visible_to(viewer_for(request)).order_by("name")
            if created.people
            else [],
            "all_organisations": Organisation.objects.order_by("name")
            if created.organisations
            else [],
            "created_organisations": Organisation.objects.filter(pk__in=created.organisations),
            "proposals": MergeProposal.objects.filter(
                document=document, status=ProposalStatus.OPEN
            ),
            "organisation_proposals": OrganisationMergeProposal.objects.filter(
                document=document, status=ProposalStatus.OPEN
            ),
        },
        status=status,
    )


@login_required
@require_POST
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the draft as a meeting; its minutes a draft unless the reviewer says otherwise."""
    document = _document(request, pk)
    form = _confirm_form(document, request.POST)
    if form.is_valid():
        choice = form.cleaned_data["minutes"]
        approval = services.Approval(
            services.DRAFT if choice == services.DRAFT else choice,
            form.cleaned_data.get("approved_at"),
        )
        try:
            services.confirm_document(
                document,
                user=request.user,
                approval=approval,
                opened_version=form.cleaned_data["opened_version"],
            )
        except ApplyError as exc:
            messages.error(request, str(exc))
            return redirect("imports:review", pk)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        else:
            state = "draft minutes" if choice == services.DRAFT else "approved minutes"
            messages.success(request, f"Confirmed: the meeting is recorded with {state}.")
            return redirect("imports:review", pk)
    document.refresh_from_db()
    forms = ReviewForms(draft_of(document), document.version, viewer_for(request))
    return _render(request, document, forms, form, status=400)


@login_required
@require_POST
def discard(request: HttpRequest, pk: int) -> HttpResponse:
    """Throw away an unconfirmed import and everything it proposed."""
    document = _document(request, pk)
    name = document.filename
    try:
        services.discard_document(document, user=request.user)
    except ApplyError as exc:
        messages.error(request, str(exc))
        return redirect("imports:review", pk)
    messages.success(request, f"{name} discarded: nothing of it was recorded.")
    return redirect("imports:list")


@login_required
@require_POST
def undo(request: HttpRequest, pk: int) -> HttpResponse:
    """Remove what confirming the import created; the draft goes back to review."""
    document = _document(request, pk)
    try:
        services.undo_confirmation(document, user=request.user)
    except ApplyError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Undone: the meeting and what this import created are removed.")
    return redirect("imports:review", pk)


@login_required
@require_POST
def delete_entry(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Delete a person or organisation created by mistake, when nothing refers to it."""
    require_secretariat(viewer_for(request))
    obj: Person | Organisation = (
        get_object_or_404(Person, pk=pk)
        if kind == "person"
        else get_object_or_404(Organisation, pk=pk)
    )
    name = str(obj)
    try:
        services.delete_register_entry(obj, user=request.user)
    except ApplyError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"{name} deleted from the register.")
    return _back_to_imports(request)


@login_required
@require_POST
def merge_entry(request: HttpRequest, kind: str) -> HttpResponse:
    """Merge a person or organisation created by mistake into the right one."""
    require_secretariat(viewer_for(request))
    model: type[Person] | type[Organisation] = Person if kind == "person" else Organisation
    other = model.objects.filter(pk=as_id(request.POST.get("other"))).first()
    keep = model.objects.filter(pk=as_id(request.POST.get("keep"))).first()
    if other is None or keep is None:
        messages.error(request, "Choose the entry made by mistake and the one to keep.")
    else:
        try:
            services.merge_register_entry(other, keep, user=request.user)
        except ApplyError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"Merged {other} into {keep}.")
    return _back_to_imports(request)


def _back_to_imports(request: HttpRequest) -> HttpResponse:
    """Back to the import page the form came from, else the merge queue."""
    back = request.POST.get("next", "")
    return redirect(back if back.startswith("/imports/") else "imports:proposals")
