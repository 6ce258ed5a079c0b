"""Minutes written in one page: the rules behind each part of it.

The secretariat (and a body's editors) write a meeting's minutes on one page:
attendance at the top, then for each item its minute text, decisions and
actions, and a form to add an item at the end. Each part is a form of its own
that posts to its own address; these functions save what one part sends, in
one transaction, and, once the minutes are approved, record the correction
with the reason the form asked for (:mod:`concord.meetings.amendments`).

Actions sit above meetings: adding one is done by the view, with
``concord.actions.services.create_action``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.db import transaction

from concord.lib.locking import StaleEdit, VersionedForm, save_versioned
from concord.meetings.amendments import record_amendment
from concord.meetings.forms import AgendaItemForm, DecisionForm
from concord.meetings.models import AgendaItem, Decision, Meeting
from concord.meetings.services import next_item_number


class MinuteTextForm(VersionedForm):
    """The minute of one item, saved only if nobody else saved it since it was opened."""

    class Meta:
        model = AgendaItem
        fields = ["minute_text"]
        labels = {"minute_text": "Minute"}
        widgets = {"minute_text": forms.Textarea(attrs={"rows": 5})}


@dataclass(frozen=True)
class Refusal:
    """A minute not saved because someone else saved the item first: what they wrote."""

    message: str
    their_text: str
    their_version: int


def text_prefix(item_id: int) -> str:
    return f"text-{item_id}"


def decision_prefix(item_id: int) -> str:
    return f"decision-{item_id}"


def action_prefix(item_id: int) -> str:
    return f"action-{item_id}"


NEW_ITEM_PREFIX = "new-item"


def save_minute_text(form: MinuteTextForm, *, user: Any) -> Refusal | None:
    """Save a valid minute form (and, for approved minutes, its amendment).

    Returns None when saved; when someone else saved the item since the form
    was opened, saves nothing and returns their text and version, so the page
    can show it beside the text this user typed (nothing is lost).
    """
    item: AgendaItem = form.instance
    try:
        with transaction.atomic():
            save_versioned(item, form.cleaned_data["opened_version"])
            record_amendment(form, item.meeting, user=user, what=f"Minute of item {item.number}")
    except StaleEdit as exc:
        theirs = AgendaItem.objects.only("minute_text", "version").get(pk=item.pk)
        return Refusal(str(exc), theirs.minute_text, theirs.version)
    return None


def refused_form_data(form: MinuteTextForm, refusal: Refusal) -> Any:
    """The refused form's data opened at the other person's version.

    Shown after a refusal with their text beside it: saving it again is a
    deliberate choice to replace their text with this one.
    """
    data = form.data.copy()  # type: ignore[attr-defined]  # the posted QueryDict
    data[form.add_prefix("opened_version")] = str(refusal.their_version)
    return data


def add_decision(form: DecisionForm, item: AgendaItem, *, user: Any) -> Decision:
    """Record the decision a valid form describes on ``item``."""
    decision: Decision = form.save(commit=False)
    decision.item = item
    with transaction.atomic():
        decision.save()
        what = f"Decision added to item {item.number}"
        record_amendment(form, item.meeting, user=user, what=what)
    return decision


def new_item_form(meeting: Meeting, data: Any = None, **kwargs: Any) -> AgendaItemForm:
    """The form that adds an item at the end of the agenda, numbered next."""
    number, _ = next_item_number(meeting)
    return AgendaItemForm(
        data, initial={"number": number}, meeting=meeting, prefix=NEW_ITEM_PREFIX, **kwargs
    )


def add_item(form: AgendaItemForm, meeting: Meeting, *, user: Any) -> AgendaItem:
    """Record the item a valid form describes, after the meeting's last item."""
    item: AgendaItem = form.save(commit=False)
    item.meeting = meeting
    with transaction.atomic():
        item.position = next_item_number(meeting)[1]
        item.save()
        record_amendment(form, meeting, user=user, what=f"Item {item.number} added")
    return item
