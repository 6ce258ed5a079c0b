"""Minutes written in one page: attendance, each item's minute, decisions and actions.

Every part of the page is a plain form that posts to its own address and, without
JavaScript, redirects back to the same place on the page (its anchor); a form with
errors brings the whole page back with that form as it was sent. With htmx the
part is swapped in place, and the minute text is saved as a draft while it is
typed (checked against the version it was opened at, like every save). The
separate pages (``meetings.views``) stay for single edits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import reswap, retarget

from concord.actions.forms import ActionForm
from concord.actions.models import Action
from concord.actions.services import create_action, items_for_minutes
from concord.governance.access import viewer_for
from concord.lib.access import Viewer, get_visible_or_404, require_editor
from concord.lib.http import HtmxHttpRequest
from concord.lib.locking import StaleEdit
from concord.lib.urls import url_for_each
from concord.meetings.amendments import ask_reason, record_amendment
from concord.meetings.forms import AgendaItemForm, AttendanceForm, DecisionForm
from concord.meetings.minutes_page import (
    MinuteTextForm,
    Refusal,
    action_prefix,
    add_decision,
    add_item,
    decision_prefix,
    new_item_form,
    refused_form_data,
    save_minute_text,
    text_prefix,
)
from concord.meetings.models import AgendaItem, Meeting
from concord.meetings.services import save_attendance

PAGE = "meetings:minutes"
PARTS = "meetings/minutes/"


@dataclass(frozen=True)
class ItemLinks:
    """The addresses each item's part links to, each reversed once per page."""

    text: Callable[[int], str]
    decision: Callable[[int], str]
    action: Callable[[int], str]
    edit: Callable[[int], str]
    action_page: Callable[[int], str]

    @classmethod
    def for_page(cls) -> ItemLinks:
        return cls(
            text=url_for_each("meetings:minutes_text"),
            decision=url_for_each("meetings:minutes_decision"),
            action=url_for_each("meetings:minutes_action"),
            edit=url_for_each("meetings:item_edit"),
            action_page=url_for_each("actions:detail"),
        )


@dataclass
class ItemPart:
    """One item of the page with its minute form, and the add forms opened on it.

    The add-a-decision and add-an-action forms are not built for every item:
    each is a link that opens its form (htmx, or a page of that one form
    without JavaScript); a form is here only when it came back with errors.
    The addresses the part links to are set from ``ItemLinks`` (``_part``).
    """

    item: AgendaItem
    text_form: MinuteTextForm
    autosave: bool
    decision_form: DecisionForm | None = None
    action_form: ActionForm | None = None
    refusal: Refusal | None = None
    saved: str = ""
    text_url: str = ""
    decision_url: str = ""
    action_url: str = ""
    edit_url: str = ""
    actions: list[tuple[Action, str]] = field(default_factory=list)


def _editable_meeting(request: HtmxHttpRequest, pk: int) -> tuple[Meeting, Viewer]:
    viewer = viewer_for(request)
    meeting = get_visible_or_404(Meeting.objects.select_related("body"), viewer, pk=pk)
    require_editor(viewer, meeting.body_id)
    return meeting, viewer


def _editable_item(request: HtmxHttpRequest, pk: int) -> tuple[AgendaItem, Viewer]:
    viewer = viewer_for(request)
    item = get_visible_or_404(AgendaItem.objects.select_related("meeting__body"), viewer, pk=pk)
    require_editor(viewer, item.meeting.body_id)
    return item, viewer


def _back(meeting_id: int, anchor: str) -> HttpResponse:
    return redirect(reverse(PAGE, args=[meeting_id]) + f"#{anchor}")


def _text_form(item: AgendaItem, meeting: Meeting, data: Any = None) -> MinuteTextForm:
    form = MinuteTextForm(data, instance=item, prefix=text_prefix(item.pk))
    form.fields["minute_text"].label = f"Minute of item {item.number}"
    ask_reason(form, meeting)
    return form


def _decision_form(item: AgendaItem, meeting: Meeting, data: Any = None) -> DecisionForm:
    form = DecisionForm(data, prefix=decision_prefix(item.pk))
    form.fields["kind"].label = f"Kind of decision on item {item.number}"
    form.fields["text"].label = f"Decision on item {item.number}"
    form.fields["text"].widget.attrs["rows"] = 2
    ask_reason(form, meeting)
    return form


def _action_form(
    item: AgendaItem, meeting: Meeting, viewer: Viewer, data: Any = None
) -> ActionForm:
    form = ActionForm(
        data,
        viewer=viewer,
        body_id=meeting.body_id,
        meeting_id=meeting.pk,
        prefix=action_prefix(item.pk),
    )
    del form.fields["status"]  # a new action is open
    form.fields["description"].label = f"Action on item {item.number}"
    form.fields["description"].widget.attrs["rows"] = 2
    form.fields[
        "owner_people"
    ].help_text = (
        "This meeting's attendees are listed first. Hold Ctrl (or Cmd) to choose more than one."
    )
    ask_reason(form, meeting)
    return form


def _part(
    item: AgendaItem, meeting: Meeting, links: ItemLinks | None = None, **given: Any
) -> ItemPart:
    """An item's part of the page, with the forms ``given`` (bound) or a fresh minute form.

    Draft minutes save the minute as it is typed (htmx); not after a refusal (the
    next save is the user's choice) nor once approved (a correction asks why).
    ``links`` are the page's, shared by its items (a part alone makes its own).
    """
    links = links or ItemLinks.for_page()
    pk = item.pk
    part = ItemPart(
        item=item,
        text_form=given.pop("text_form", None) or _text_form(item, meeting),
        autosave=meeting.is_draft and given.get("refusal") is None,
        text_url=links.text(pk),
        decision_url=links.decision(pk),
        action_url=links.action(pk),
        edit_url=links.edit(pk),
        actions=[(action, links.action_page(action.pk)) for action in item.actions.all()],
        **given,
    )
    if part.autosave:
        part.text_form.fields["minute_text"].widget.attrs.update(
            {
                "hx-post": part.text_url,
                "hx-trigger": "input changed delay:1500ms",
                "hx-target": f"#item-{item.pk}-text-status",
                "hx-swap": "innerHTML",
                "hx-vals": '{"autosave": "1"}',
                "hx-sync": "closest form:queue last",
            }
        )
    return part


def _focus_first_error(form: forms.BaseForm) -> None:
    """Put the cursor (and so the scroll) on a returned form's first field to correct.

    Without JavaScript a form with errors comes back inside the whole page, which
    would otherwise open at its top.
    """
    visible = [name for name, field in form.fields.items() if not field.widget.is_hidden]
    wrong = [name for name in visible if name in form.errors]
    for first in (wrong or visible)[:1]:
        form.fields[first].widget.attrs["autofocus"] = True


def _page(
    request: HtmxHttpRequest,
    meeting: Meeting,
    viewer: Viewer,
    *,
    attendance_form: AttendanceForm | None = None,
    new_item: AgendaItemForm | None = None,
    failed: dict[int, dict[str, Any]] | None = None,
) -> HttpResponse:
    """The whole page; ``failed`` holds, by item, forms that came back with errors."""
    failed = failed or {}
    for returned in [attendance_form, new_item, *(f for g in failed.values() for f in g.values())]:
        if isinstance(returned, forms.BaseForm) and returned.is_bound:
            _focus_first_error(returned)
    if attendance_form is None:
        attendance_form = AttendanceForm(meeting=meeting, viewer=viewer)
        ask_reason(attendance_form, meeting)
    if new_item is None:
        new_item = new_item_form(meeting, viewer=viewer)
        ask_reason(new_item, meeting)
    links = ItemLinks.for_page()
    parts = [
        _part(item, meeting, links, **failed.get(item.pk, {}))
        for item in items_for_minutes(meeting, viewer)
    ]
    return render(
        request,
        PARTS + "page.html",
        {
            "meeting": meeting,
            "attendance_form": attendance_form,
            "parts": parts,
            "new_item": new_item,
        },
    )


def _item_response(
    request: HtmxHttpRequest, template: str, item: AgendaItem, viewer: Viewer, **given: Any
) -> HttpResponse:
    """One part of one item, freshly loaded, for htmx to swap in place."""
    meeting = item.meeting
    fresh = items_for_minutes(meeting, viewer).get(pk=item.pk)
    part = _part(fresh, meeting, **given)
    return render(request, PARTS + template, {"meeting": meeting, "part": part})


@login_required
def page(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The minutes of one meeting, written item by item on one page."""
    meeting, viewer = _editable_meeting(request, pk)
    return _page(request, meeting, viewer)


@login_required
@require_POST
def attendance(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    meeting, viewer = _editable_meeting(request, pk)
    form = AttendanceForm(request.POST, meeting=meeting, viewer=viewer)
    ask_reason(form, meeting)
    saved = False
    if form.is_valid():
        try:
            with transaction.atomic():
                save_attendance(meeting, form.entries(), form.version_opened())
                record_amendment(form, meeting, user=request.user, what="Attendance")
        except StaleEdit as exc:
            form.add_error(None, str(exc))
        else:
            if not request.htmx:
                messages.success(request, "Attendance saved.")
                return _back(pk, "attendance")
            saved = True
            form = AttendanceForm(meeting=meeting, viewer=viewer)
            ask_reason(form, meeting)
    if request.htmx:
        context = {"meeting": meeting, "attendance_form": form, "saved": saved}
        return render(request, PARTS + "_attendance.html", context)
    return _page(request, meeting, viewer, attendance_form=form)


@login_required
@require_POST
def new_item(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Add an item at the end; without JavaScript the page opens at it."""
    meeting, viewer = _editable_meeting(request, pk)
    form = new_item_form(meeting, request.POST, viewer=viewer)
    ask_reason(form, meeting)
    if form.is_valid():
        item = add_item(form, meeting, user=request.user)
        if not request.htmx:
            messages.success(request, f"Item {item.number} added.")
            return _back(pk, f"item-{item.pk}")
        # The fresh form in place, and the new item (with its forms) after the last one.
        fresh = new_item_form(meeting, viewer=viewer)
        ask_reason(fresh, meeting)
        added = _part(items_for_minutes(meeting, viewer).get(pk=item.pk), meeting)
        context = {"meeting": meeting, "new_item": fresh, "added": added}
        return render(request, PARTS + "_new_item.html", context)
    if request.htmx:
        return render(request, PARTS + "_new_item.html", {"meeting": meeting, "new_item": form})
    return _page(request, meeting, viewer, new_item=form)


@login_required
@require_POST
def item_text(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Save an item's minute: from its Save button, or as a draft while it is typed (htmx)."""
    item, viewer = _editable_item(request, pk)
    meeting = item.meeting
    autosave = bool(request.htmx) and request.POST.get("autosave") == "1"
    form = _text_form(item, meeting, request.POST)
    refusal = None
    if form.is_valid():
        refusal = save_minute_text(form, user=request.user)
        if refusal is None:
            if autosave:
                context = {"part": {"item": item, "text_form": form}, "at": timezone.now()}
                return render(request, PARTS + "_text_saved.html", context)
            if request.htmx:
                return _item_response(request, "_text.html", item, viewer, saved="text")
            messages.success(request, f"Minute of item {item.number} saved.")
            return _back(meeting.pk, f"item-{item.pk}")
        # Shown again opened at their version, beside their text: saving is a choice.
        form = _text_form(item, meeting, refused_form_data(form, refusal))
    given = {"text_form": form, "refusal": refusal}
    if request.htmx:
        response = _item_response(request, "_text.html", item, viewer, **given)
        if autosave:  # the draft's status line asked; the whole minute part answers
            response = reswap(retarget(response, f"#item-{item.pk}-text"), "outerHTML")
        return response
    return _page(request, meeting, viewer, failed={item.pk: given})


def _open_form(
    request: HtmxHttpRequest, item: AgendaItem, form: forms.BaseForm, kind: str, title: str
) -> HttpResponse:
    """An add form opened from its link: swapped in by htmx, or a page of that one form.

    Either way it posts to the same address as it would on the minutes page, and a
    save comes back to the minutes page at the item's part.
    """
    _focus_first_error(form)
    context = {"meeting": item.meeting, "item": item, "form": form, "title": title}
    if request.htmx:
        return render(request, f"{PARTS}_{kind}_form.html", context | {"inline": True})
    return render(
        request, PARTS + "add.html", context | {"form_template": f"{PARTS}_{kind}_form.html"}
    )


@login_required
@require_http_methods(["GET", "POST"])
def item_decision(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Add a decision to an item; GET opens the form (its link on the minutes page)."""
    item, viewer = _editable_item(request, pk)
    meeting = item.meeting
    if request.method == "GET":
        title = f"Add a decision to item {item.number}"
        return _open_form(request, item, _decision_form(item, meeting), "decision", title)
    form = _decision_form(item, meeting, request.POST)
    if form.is_valid():
        add_decision(form, item, user=request.user)
        if request.htmx:
            return _item_response(request, "_decisions.html", item, viewer, saved="decision")
        messages.success(request, f"Decision added to item {item.number}.")
        return _back(meeting.pk, f"item-{item.pk}-decisions")
    if request.htmx:
        return _item_response(request, "_decisions.html", item, viewer, decision_form=form)
    return _page(request, meeting, viewer, failed={item.pk: {"decision_form": form}})


@login_required
@require_http_methods(["GET", "POST"])
def item_action(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Add an action to an item; GET opens the form (its link on the minutes page)."""
    item, viewer = _editable_item(request, pk)
    meeting = item.meeting
    if request.method == "GET":
        title = f"Add an action to item {item.number}"
        return _open_form(request, item, _action_form(item, meeting, viewer), "action", title)
    form = _action_form(item, meeting, viewer, request.POST)
    if form.is_valid():
        due: tuple[dt.date, str] | None = form.cleaned_data["due"]
        with transaction.atomic():
            create_action(
                body=meeting.body,
                item=item,
                description=form.cleaned_data["description"],
                **form.owners(),
                due_date=due[0] if due else None,
                due_precision=due[1] if due else "day",
            )
            what = f"Action added to item {item.number}"
            record_amendment(form, meeting, user=request.user, what=what)
        if request.htmx:
            return _item_response(request, "_actions.html", item, viewer, saved="action")
        messages.success(request, f"Action added to item {item.number}.")
        return _back(meeting.pk, f"item-{item.pk}-actions")
    if request.htmx:
        return _item_response(request, "_actions.html", item, viewer, action_form=form)
    return _page(request, meeting, viewer, failed={item.pk: {"action_form": form}})
