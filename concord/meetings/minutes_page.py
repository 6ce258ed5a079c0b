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

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db import transaction
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join

from concord.lib.locking import StaleEdit, VersionedForm, save_versioned
from concord.lib.pickers import PickerWidgetMixin
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


class _OptionsRenderedOnce(forms.SelectMultiple):
    """A multiple select whose options, none chosen, were rendered once for many forms."""

    options_html = ""

    def render(self, name: str, value: Any, attrs: Any = None, renderer: Any = None) -> Any:
        final = self.build_attrs(self.attrs, attrs)
        return format_html(
            '<select name="{}" multiple{}>{}</select>', name, flatatt(final), self.options_html
        )


class SharedPickerSelectMultiple(PickerWidgetMixin, _OptionsRenderedOnce):
    """A multiple picker (select and name search) whose options are shared by many forms."""


def share_picker_options(forms_: Iterable[forms.BaseForm], names: Iterable[str]) -> None:
    """Give unbound forms' multiple pickers the same options, looked up and rendered once.

    A page with one "add an action" form per item would otherwise ask the
    database for each picker's shortlist, and render each of its options
    through a template, once per item. The pickers of every unbound form offer
    the same records, none chosen, so the first form's options are computed and
    rendered once and handed to the others. A bound form (one that came back
    with errors) keeps its own, which may include what was chosen or matched.
    """
    unbound = [f for f in forms_ if not f.is_bound]
    if not unbound:
        return
    for name in names:
        options = list(unbound[0].fields[name].widget.choices)
        html = format_html_join("", '<option value="{}">{}</option>', options)
        for form in unbound:
            field = form.fields[name]
            shared = SharedPickerSelectMultiple(attrs=field.widget.attrs)
            shared.search_url = field.widget.search_url
            shared.options_html = html
            shared.is_required = field.widget.is_required
            field.widget = shared
