"""Recording a meeting: details, attendance, items, decisions, papers, approval, matters arising.

Views are thin: they look records up through the access helpers, hand
validated forms to the services, and render.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from concord.actions.forms import ProgressForm
from concord.actions.models import Action
from concord.actions.services import record_progress
from concord.governance.access import viewer_for
from concord.lib.access import Viewer, get_visible_or_404, require_editor
from concord.lib.history import history_of
from concord.lib.http import HtmxHttpRequest
from concord.lib.locking import StaleEdit, save_form_or_refuse, save_versioned
from concord.meetings.amendments import ask_reason, record_amendment
from concord.meetings.forms import (
    AgendaItemForm,
    ApproveMinutesForm,
    AttendanceForm,
    DecisionForm,
    DeclarationForm,
    MeetingForm,
    PaperForm,
    editable_bodies,
)
from concord.meetings.models import AgendaItem, Meeting, MeetingStatus, Paper
from concord.meetings.services import (
    approve_minutes,
    move_item,
    next_item_number,
    save_attendance,
)

# One page of matters arising at a time: each row carries a progress form and
# its history, and a body rarely has more than a couple of dozen open actions.
MATTERS_PER_PAGE = 25


def _form_page(
    request: HttpRequest, form: forms.BaseForm, title: str, back: str, **extra: Any
) -> HttpResponse:
    return render(request, "form_page.html", {"form": form, "title": title, "back": back, **extra})


def _editable_meeting(request: HttpRequest, pk: int) -> Meeting:
    viewer = viewer_for(request)
    meeting = get_visible_or_404(Meeting.objects.select_related("body"), viewer, pk=pk)
    require_editor(viewer, meeting.body_id)
    return meeting


def _editable_item(request: HttpRequest, pk: int) -> AgendaItem:
    viewer = viewer_for(request)
    item = get_visible_or_404(AgendaItem.objects.select_related("meeting__body"), viewer, pk=pk)
    require_editor(viewer, item.meeting.body_id)
    return item


@login_required
def create(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    bodies = editable_bodies(viewer)
    if not bodies.exists():
        require_editor(viewer, -1)
    initial = {"body": request.GET.get("body")} if request.GET.get("body", "").isdigit() else {}
    form = MeetingForm(request.POST or None, bodies=bodies, initial=initial)
    if request.method == "POST" and form.is_valid():
        meeting = form.save()
        messages.success(request, "Meeting recorded.")
        return redirect("portal:meeting", meeting.pk)
    return _form_page(request, form, "Record a meeting", "portal:meetings")


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _editable_meeting(request, pk)
    viewer = viewer_for(request)
    form = MeetingForm(request.POST or None, instance=meeting, bodies=editable_bodies(viewer))
    ask_reason(form, meeting)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                save_versioned(form.instance, form.cleaned_data["opened_version"])
                record_amendment(form, meeting, user=request.user, what="Meeting details")
        except StaleEdit as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Meeting details saved.")
            return redirect("portal:meeting", meeting.pk)
    return _form_page(request, form, f"Edit {meeting}", "portal:meeting", back_pk=meeting.pk)


@login_required
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _editable_meeting(request, pk)
    form = AttendanceForm(request.POST or None, meeting=meeting, viewer=viewer_for(request))
    ask_reason(form, meeting)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                save_attendance(meeting, form.entries(), form.version_opened())
                record_amendment(form, meeting, user=request.user, what="Attendance")
        except StaleEdit as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Attendance saved.")
            return redirect("portal:meeting", meeting.pk)
    return render(request, "meetings/attendance.html", {"meeting": meeting, "form": form})


@login_required
def item_create(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _editable_meeting(request, pk)
    number, position = next_item_number(meeting)
    form = AgendaItemForm(
        request.POST or None,
        initial={"number": number},
        viewer=viewer_for(request),
        meeting=meeting,
    )
    ask_reason(form, meeting)
    if request.method == "POST" and form.is_valid():
        item = form.save(commit=False)
        item.meeting = meeting
        item.position = position
        with transaction.atomic():
            item.save()
            record_amendment(form, meeting, user=request.user, what=f"Item {item.number} added")
        messages.success(request, f"Item {item.number} added.")
        return redirect("portal:meeting", meeting.pk)
    return _form_page(request, form, f"Add an item to {meeting}", "portal:meeting", back_pk=pk)


@login_required
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = _editable_item(request, pk)
    form = AgendaItemForm(
        request.POST or None, instance=item, viewer=viewer_for(request), meeting=item.meeting
    )
    ask_reason(form, item.meeting)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = save_form_or_refuse(form)
            if saved:
                what = f"Item {item.number}"
                record_amendment(form, item.meeting, user=request.user, what=what)
        if saved:
            messages.success(request, f"Item {item.number} saved.")
            return redirect("portal:meeting", item.meeting_id)
    return _form_page(
        request, form, f"Edit item {item.number}", "portal:meeting", back_pk=item.meeting_id
    )


@login_required
@require_POST
def item_move(request: HttpRequest, pk: int) -> HttpResponse:
    """Move an item up or down the agenda (a plain form button; no JavaScript needed)."""
    item = _editable_item(request, pk)
    step = {"up": -1, "down": 1}.get(request.POST.get("direction", ""))
    if step is None:
        return HttpResponseBadRequest("direction must be up or down")
    try:
        moved = move_item(item, step)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        if moved:
            messages.success(request, f"Item {item.number} moved {request.POST['direction']}.")
    # The agenda page (concord.agenda) moves items here too, and asks to come back.
    back = request.POST.get("next", "")
    if back.startswith("/") and url_has_allowed_host_and_scheme(back, allowed_hosts=None):
        return redirect(back + f"#item-{item.pk}")
    return redirect(reverse("portal:meeting", args=[item.meeting_id]) + f"#item-{item.pk}")


def _add_to_item(
    request: HttpRequest,
    pk: int,
    form_class: Any,
    noun: str,
    *,
    pickers: bool = False,
) -> HttpResponse:
    item = _editable_item(request, pk)
    # Forms with a picker offer only what this editor may see (concord.lib.pickers).
    extra = {"viewer": viewer_for(request), "meeting": item.meeting} if pickers else {}
    form = form_class(request.POST or None, **extra)
    ask_reason(form, item.meeting)
    if request.method == "POST" and form.is_valid():
        record = form.save(commit=False)
        record.item = item
        with transaction.atomic():
            record.save()
            what = f"{noun.capitalize()} added to item {item.number}"
            record_amendment(form, item.meeting, user=request.user, what=what)
        messages.success(request, f"{noun.capitalize()} added to item {item.number}.")
        return redirect("portal:meeting", item.meeting_id)
    title = f"Add a {noun} to item {item.number}: {item.title}"
    return _form_page(request, form, title, "portal:meeting", back_pk=item.meeting_id)


@login_required
def decision_create(request: HttpRequest, pk: int) -> HttpResponse:
    return _add_to_item(request, pk, DecisionForm, "decision")


@login_required
def declaration_create(request: HttpRequest, pk: int) -> HttpResponse:
    return _add_to_item(request, pk, DeclarationForm, "declaration of interest", pickers=True)


@login_required
def paper_create(request: HttpRequest, pk: int) -> HttpResponse:
    item = _editable_item(request, pk)
    form = PaperForm(
        request.POST or None, request.FILES or None, max_bytes=settings.CONCORD_MAX_UPLOAD_BYTES
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        digest = hashlib.sha256()
        for chunk in upload.chunks():
            digest.update(chunk)
        upload.seek(0)
        Paper.objects.create(
            item=item, title=form.cleaned_data["title"], file=upload, sha256=digest.hexdigest()
        )
        messages.success(request, "Paper added.")
        return redirect("portal:meeting", item.meeting_id)
    return _form_page(
        request,
        form,
        f"Add a paper to item {item.number}",
        "portal:meeting",
        back_pk=item.meeting_id,
        multipart=True,
    )


def paper(request: HttpRequest, pk: int) -> FileResponse:
    """Download a paper, if its item is visible to the viewer."""
    the_paper = get_visible_or_404(Paper.objects.all(), viewer_for(request), pk=pk)
    name = the_paper.file.name.rsplit("/", 1)[-1]
    return FileResponse(the_paper.file.open("rb"), as_attachment=True, filename=name)


@login_required
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    """At this meeting, approve the minutes of an earlier meeting of the same body."""
    meeting = _editable_meeting(request, pk)
    form = ApproveMinutesForm(request.POST or None, at=meeting)
    if request.method == "POST" and form.is_valid():
        earlier = form.cleaned_data["meeting"]
        try:
            approve_minutes(
                earlier,
                at=meeting,
                opened_version=form.cleaned_data["opened_version"] or earlier.version,
            )
        except (StaleEdit, ValidationError) as exc:
            form.add_error(
                "meeting", exc.messages[0] if isinstance(exc, ValidationError) else str(exc)
            )
        else:
            messages.success(request, f"Minutes of {earlier.date:%d %B %Y} approved.")
            return redirect("portal:meeting", meeting.pk)
    return _form_page(
        request, form, f"Approve earlier minutes at {meeting}", "portal:meeting", back_pk=pk
    )


@login_required
def matters_arising_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The body's outstanding actions for review at this meeting, each updatable in place."""
    meeting = _editable_meeting(request, pk)
    failed: ProgressForm | None = None
    if request.method == "POST":
        action_id = request.POST.get("action", "")
        action = (
            Action.objects.matters_arising(meeting, viewer_for(request))
            .filter(pk=int(action_id))
            .first()
            if action_id.isdigit() and len(action_id) <= 15
            else None
        )
        if action is None:
            messages.error(request, "That action is not among this meeting's matters arising.")
            return redirect("meetings:matters_arising", pk)
        form = ProgressForm(request.POST, action=action)
        if form.is_valid():
            try:
                record_progress(
                    action,
                    opened_version=form.cleaned_data["opened_version"],
                    note=form.cleaned_data["note"],
                    status=form.cleaned_data["status"],
                    user=request.user,
                    meeting=meeting,
                )
            except StaleEdit as exc:
                form.add_error(None, str(exc))
            else:
                if request.htmx:
                    fresh = _with_updates(action.pk, viewer_for(request))
                    row = {"action": fresh, "form": ProgressForm(action=fresh), "saved": True}
                    context = {"row": row, "meeting": meeting, "since": _last_met(meeting)}
                    return render(request, "meetings/_matters_row.html", context)
                messages.success(request, "Action updated.")
                return redirect("meetings:matters_arising", pk)
        if request.htmx:
            row = {"action": action, "form": form}
            context = {"row": row, "meeting": meeting, "since": _last_met(meeting)}
            return render(request, "meetings/_matters_row.html", context)
        failed = form
    listed = Action.objects.matters_arising(meeting, viewer_for(request))
    page = Paginator(listed, MATTERS_PER_PAGE).get_page(request.GET.get("page"))
    rows = [
        {
            "action": a,
            "form": failed if failed and failed.action.pk == a.pk else ProgressForm(action=a),
        }
        for a in page.object_list
    ]
    context = {"meeting": meeting, "rows": rows, "page": page, "since": _last_met(meeting)}
    return render(request, "meetings/matters_arising.html", context)


def _last_met(meeting: Meeting) -> dt.date | None:
    """The date of the body's meeting before this one (not cancelled): updates after it are new."""
    return (
        Meeting.objects.filter(body_id=meeting.body_id, date__lt=meeting.date)
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("-date")
        .values_list("date", flat=True)
        .first()
    )


def _with_updates(action_pk: int, viewer: Viewer) -> Action:
    """One action with what a matters-arising row shows (owners, origin, updates)."""
    return (
        Action.objects.filter(pk=action_pk)
        .with_display_relations(viewer)
        .prefetch_related("updates")
        .get()
    )


@login_required
def history(request: HttpRequest, pk: int) -> HttpResponse:
    """Every change to the meeting and what was recorded at it: who, when, what."""
    meeting = _editable_meeting(request, pk)
    sections = [("Meeting", history_of(meeting))]
    for item in meeting.items.all():
        sections.append((f"Item {item.number}: {item.title}", history_of(item)))
        for decision in item.decisions.all():
            sections.append((f"Decision on item {item.number}", history_of(decision)))
    for row in meeting.attendances.select_related("person"):
        sections.append((f"Attendance: {row.name}", history_of(row)))
    return render(request, "meetings/history.html", {"meeting": meeting, "sections": sections})
