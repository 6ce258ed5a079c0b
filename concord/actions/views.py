"""The action tracker, "my actions", and one action with its lineage and history."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from concord.actions.filters import TrackerFilters
from concord.actions.forms import ActionForm, OwnerUpdateForm, ProgressForm
from concord.actions.models import Action, ActionStatus
from concord.actions.services import (
    create_action,
    record_owner_update,
    record_progress,
    set_owners,
)
from concord.governance.access import viewer_for
from concord.governance.models import Body
from concord.lib.access import Viewer, get_visible_or_404, require_editor
from concord.lib.history import history_of
from concord.lib.locking import StaleEdit, save_versioned
from concord.lib.pagecache import signed_in_fragment
from concord.meetings.models import AgendaItem
from concord.people.models import Organisation, Person


@login_required
def tracker(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    filters = TrackerFilters.from_params(request.GET)
    # Lazy: when the filters and table come from the cache, the actions are not even counted.
    page = SimpleLazyObject(
        lambda: Paginator(Action.objects.for_tracker(viewer, filters), 50).get_page(
            request.GET.get("page")
        )
    )
    return render(
        request,
        "actions/tracker.html",
        {
            "page": page,
            # The rendered table is kept per viewer until anything is written.
            "table_cache": signed_in_fragment(request, "actions-tracker"),
            "filters": filters,
            "today": dt.date.today(),
            "bodies": Body.objects.visible_to(viewer).only("pk", "name"),
            # Lazy too: read only when the filters are rendered, not when they come from the cache.
            "owner": SimpleLazyObject(
                lambda: (
                    Person.objects.visible_to(viewer).filter(pk=filters.owner).first()
                    if filters.owner
                    else None
                )
            ),
            "organisation": SimpleLazyObject(
                lambda: (
                    Organisation.objects.filter(pk=filters.organisation).first()
                    if filters.organisation
                    else None
                )
            ),
            "statuses": [
                ("outstanding", "Outstanding"),
                ("all", "All"),
                *ActionStatus.choices,
            ],
        },
    )


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    person = Person.objects.filter(pk=viewer.person_id).first() if viewer.person_id else None
    actions = (
        Action.objects.owned_by(person, viewer).outstanding() if person else Action.objects.none()
    )
    return render(
        request,
        "actions/mine.html",
        {"person": person, "actions": actions, "today": dt.date.today()},
    )


def _is_owner(viewer: Viewer, action: Action) -> bool:
    return viewer.person_id is not None and any(
        o.person_id == viewer.person_id for o in action.owners.all()
    )


def _update_form(
    viewer: Viewer, action: Action, data: Any
) -> ProgressForm | OwnerUpdateForm | None:
    """Editors of the body record any progress; the action's own owners add a note, mark it
    done or ask for it to be carried forward (``OwnerUpdateForm``); others, nothing."""
    if viewer.can_edit_body(action.body_id):
        return ProgressForm(data, action=action)
    if _is_owner(viewer, action):
        return OwnerUpdateForm(data, action=action)
    return None


def _save_update(form: ProgressForm | OwnerUpdateForm, action: Action, user: Any) -> str:
    """Record a valid update form; the message to show."""
    data = form.cleaned_data
    if isinstance(form, OwnerUpdateForm):
        record_owner_update(
            action,
            opened_version=data["opened_version"],
            note=data["note"],
            outcome=data["outcome"],
            user=user,
        )
        return {
            "done": "Marked done.",
            "carry": "Your request to carry it forward was sent to the secretariat.",
        }.get(data["outcome"], "Progress recorded.")
    record_progress(
        action,
        opened_version=data["opened_version"],
        note=data["note"],
        status=data["status"],
        user=user,
    )
    return "Progress recorded."


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request)
    action = get_visible_or_404(
        Action.objects.with_display_relations(viewer).select_related(
            "continues", "closed_at_item__meeting"
        ),
        viewer,
        pk=pk,
    )
    form = _update_form(viewer, action, request.POST or None)
    if request.method == "POST":
        if form is None:
            raise PermissionDenied("Only the body's editors and the action's owners may update it.")
        if form.is_valid():
            try:
                message = _save_update(form, action, request.user)
            except StaleEdit as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, message)
                return redirect(reverse("actions:detail", args=[pk]) + "#progress")
    updates = action.updates.select_related("meeting", "author").order_by("date", "id")
    return render(
        request,
        "actions/detail.html",
        {
            "action": action,
            "updates": updates,
            "form": form,
            "can_edit": viewer.can_edit_body(action.body_id),
            "continued_by": Action.objects.visible_to(viewer).filter(continues=action),
            "entries": history_of(action),
            "today": dt.date.today(),
        },
    )


@login_required
def create(request: HttpRequest, item_pk: int) -> HttpResponse:
    viewer = viewer_for(request)
    item = get_visible_or_404(
        AgendaItem.objects.select_related("meeting__body"), viewer, pk=item_pk
    )
    require_editor(viewer, item.meeting.body_id)
    form = ActionForm(
        request.POST or None,
        viewer=viewer,
        body_id=item.meeting.body_id,
        meeting_id=item.meeting_id,
    )
    if request.method == "POST" and form.is_valid():
        due = form.cleaned_data["due"]
        create_action(
            body=item.meeting.body,
            item=item,
            description=form.cleaned_data["description"],
            **form.owners(),
            due_date=due[0] if due else None,
            due_precision=due[1] if due else "day",
        )
        messages.success(request, "Action recorded.")
        return redirect("portal:meeting", item.meeting_id)
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": f"Add an action to item {item.number}: {item.title}",
            "back": "portal:meeting",
            "back_pk": item.meeting_id,
        },
    )


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request)
    action = get_visible_or_404(Action.objects.select_related("item"), viewer, pk=pk)
    require_editor(viewer, action.body_id)
    form = ActionForm(
        request.POST or None,
        instance=action,
        viewer=viewer,
        body_id=action.body_id,
        meeting_id=action.item.meeting_id if action.item else None,
    )
    if request.method == "POST" and form.is_valid():
        due = form.cleaned_data["due"]
        action.due_date, action.due_precision = due if due else (None, "day")
        try:
            with transaction.atomic():
                save_versioned(action, form.cleaned_data["opened_version"])
                set_owners(action, **form.owners())
        except StaleEdit as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Action saved.")
            return redirect("actions:detail", pk)
    return render(
        request,
        "form_page.html",
        {"form": form, "title": "Edit action", "back": "actions:detail", "back_pk": pk},
    )
