"""Work programme pages, the draft agenda page, and the agenda pack downloads.

Views are thin: records come through ``get_visible_or_404``, changes through
the services of ``programme`` and ``drafting``.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from concord.actions.models import Action
from concord.agenda.drafting import add_draft_agenda, proposals_for, remove_item, renumber
from concord.agenda.forms import CarryForm, EntryForm, PublicationForm
from concord.agenda.models import WorkProgrammeEntry
from concord.agenda.programme import carriable_actions, carry_action, meetings_ahead, programme_of
from concord.governance.access import viewer_for
from concord.governance.models import Body
from concord.lib.access import get_visible_or_404, require_editor
from concord.lib.locking import save_form_or_refuse
from concord.meetings.models import AgendaItem, Meeting
from concord.meetings.publication import agenda_lines
from concord.meetings.services import StaleOrder, parse_order, reorder_items


def programme(request: HttpRequest, slug: str) -> HttpResponse:
    """A body's work programme: standing items, reports scheduled, items carried."""
    viewer = viewer_for(request)
    body = get_visible_or_404(Body.objects.all(), viewer, slug=slug)
    can_edit = viewer.can_edit_body(body.pk)
    entries = list(programme_of(body, viewer))
    context = {
        "body": body,
        "can_edit": can_edit,
        "standing": [e for e in entries if e.kind == "standing"],
        "scheduled": [e for e in entries if e.kind != "standing"],
    }
    if can_edit:
        context["carriable"] = list(carriable_actions(body, viewer))
        context["meetings_ahead"] = list(meetings_ahead(body))
    return render(request, "agenda/programme.html", context)


def _editable_body(request: HttpRequest, slug: str) -> Body:
    viewer = viewer_for(request)
    body = get_visible_or_404(Body.objects.all(), viewer, slug=slug)
    require_editor(viewer, body.pk)
    return body


def _form_page(request: HttpRequest, form: EntryForm, title: str, body: Body) -> HttpResponse:
    context = {"form": form, "title": title, "back": "agenda:programme", "back_pk": body.slug}
    return render(request, "form_page.html", context)


@login_required
def entry_create(request: HttpRequest, slug: str) -> HttpResponse:
    body = _editable_body(request, slug)
    form = EntryForm(request.POST or None, body=body, viewer=viewer_for(request))
    if request.method == "POST" and form.is_valid():
        entry = form.save(commit=False)
        entry.body = body
        entry.save()
        messages.success(request, f"“{entry.title}” added to the work programme.")
        return redirect("agenda:programme", body.slug)
    return _form_page(request, form, f"Add to the work programme of {body.name}", body)


@login_required
def entry_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request)
    entry = get_visible_or_404(WorkProgrammeEntry.objects.select_related("body"), viewer, pk=pk)
    require_editor(viewer, entry.body_id)
    form = EntryForm(request.POST or None, instance=entry, body=entry.body, viewer=viewer)
    if request.method == "POST" and form.is_valid() and save_form_or_refuse(form):
        messages.success(request, "Work programme entry saved.")
        return redirect("agenda:programme", entry.body.slug)
    return _form_page(request, form, f"Edit “{entry.title}”", entry.body)


@login_required
@require_POST
def carry(request: HttpRequest, slug: str) -> HttpResponse:
    """Carry an open action to the work programme (for a meeting ahead, or none yet)."""
    body = _editable_body(request, slug)
    viewer = viewer_for(request)
    form = CarryForm(request.POST, body=body)
    action = None
    if form.is_valid():
        action = (
            Action.objects.visible_to(viewer)
            .outstanding()
            .filter(body=body, pk=form.cleaned_data["action"])
            .first()
        )
    if action is None:
        messages.error(request, "That is not an open action of this body, or the meeting is not.")
    else:
        carry_action(action, form.cleaned_data["meeting"])
        messages.success(request, "Action carried to the work programme.")
    return redirect("agenda:programme", body.slug)


def _editable_meeting(request: HttpRequest, pk: int) -> Meeting:
    viewer = viewer_for(request)
    meeting = get_visible_or_404(Meeting.objects.select_related("body"), viewer, pk=pk)
    require_editor(viewer, meeting.body_id)
    return meeting


@login_required
def draft(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretariat's agenda page: the items, what the programme would add, publication."""
    meeting = _editable_meeting(request, pk)
    form = PublicationForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid() and save_form_or_refuse(form):
        messages.success(request, f"The agenda goes out on {meeting.agenda_out_on:%d %B %Y}.")
        return redirect("agenda:draft", pk)
    context = {
        **_items_context(request, meeting),
        "proposals": proposals_for(meeting),
        "form": form,
        "published": meeting.agenda_is_out(),
        "today": timezone.localdate(),
    }
    return render(request, "agenda/draft.html", context)


def _items_context(request: HttpRequest, meeting: Meeting) -> dict[str, Any]:
    """The agenda's items as the page shows them, and their order (checked on a reorder)."""
    agenda = agenda_lines(meeting, viewer_for(request))
    return {
        "meeting": meeting,
        "agenda": agenda,
        "opened_order": ",".join(str(line.item.pk) for line in agenda if line.item),
    }


@login_required
@require_POST
def reorder(request: HttpRequest, pk: int) -> HttpResponse:
    """Put the agenda's items in the order they were dragged to (htmx; the page's script).

    Posts ``opened`` (the order the page showed) and ``order`` (the new one). If
    the agenda changed since the page was opened, nothing moves and the items are
    shown as they are now. Without JavaScript the up and down buttons do the same.
    """
    meeting = _editable_meeting(request, pk)
    opened = parse_order(request.POST.get("opened", ""))
    order = parse_order(request.POST.get("order", ""))
    error, moved = "", False
    if opened is None or order is None:
        error = "The order sent is not a list of items; nothing was moved."
    else:
        try:
            moved = reorder_items(meeting, opened, order)
        except StaleOrder as exc:
            error = str(exc)
        except ValidationError as exc:
            error = exc.messages[0]
    if not getattr(request, "htmx", False):
        if error:
            messages.error(request, error)
        elif moved:
            messages.success(request, "The items were reordered.")
        return redirect("agenda:draft", pk)
    context = {**_items_context(request, meeting), "error": error, "reordered": not error}
    return render(request, "agenda/_items.html", context)


@login_required
@require_POST
def generate(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _editable_meeting(request, pk)
    try:
        added = add_draft_agenda(meeting)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, f"{len(added)} items added from the work programme.")
    return redirect("agenda:draft", pk)


@login_required
@require_POST
def renumber_items(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _editable_meeting(request, pk)
    try:
        changed = renumber(meeting)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, f"Items renumbered ({changed} numbers changed).")
    return redirect("agenda:draft", pk)


@login_required
@require_POST
def remove(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request)
    item = get_visible_or_404(AgendaItem.objects.select_related("meeting"), viewer, pk=pk)
    require_editor(viewer, item.meeting.body_id)
    try:
        with transaction.atomic():
            remove_item(item)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, f"Item {item.number} taken off the agenda.")
    return redirect("agenda:draft", item.meeting_id)
