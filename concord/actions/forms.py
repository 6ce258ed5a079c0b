"""Forms for actions and their progress; bad input is reported on the field."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from concord.actions.dues import parse_due
from concord.actions.models import Action, ActionStatus
from concord.governance.pickers import people_of, picker
from concord.lib.access import Viewer
from concord.lib.locking import VersionedForm


class DueDateField(forms.CharField):
    """A due date as people write it: "30/09/2026", "2026-09-30", "Sept 26", "2026-09"."""

    default_error_messages = {
        "invalid": (
            "Enter a due date such as 30/09/2026, or a month such as Sept 2026; "
            "“%(value)s” is not a date."
        )
    }

    def clean(self, value: Any) -> tuple[dt.date, str] | None:
        text = super().clean(value)
        if not text:
            return None
        parsed = parse_due(text)
        if parsed is None:
            raise ValidationError(self.error_messages["invalid"], params={"value": text})
        return parsed


def owner_fields(viewer: Viewer, *, body_id: int, meeting_id: int | None) -> dict[str, Any]:
    """The owner pickers of an action form: people and bodies the viewer may see.

    The people offered first are the meeting's attendees and the body's
    members; anyone else the viewer may see is found by name.
    """
    return {
        "owner_people": picker(
            "people",
            viewer,
            multiple=True,
            shortlist=people_of(body_id=body_id, meeting_id=meeting_id),
            first=people_of(meeting_id=meeting_id) if meeting_id else None,
            required=False,
            label="Owners (people)",
            help_text="Hold Ctrl (or Cmd) to choose more than one.",
        ),
        "owner_bodies": picker(
            "bodies", viewer, multiple=True, required=False, label="Owners (bodies)"
        ),
    }


class ActionForm(VersionedForm):
    """Create or edit an action: description, owners and due date.

    Owners are chosen among what ``viewer`` may see; on an existing action,
    owners the viewer may not see are kept as they are (``hidden_owners``).
    """

    due = DueDateField(
        required=False,
        help_text="A day (30/09/2026) or a month (Sept 2026). Leave blank if none was set.",
    )
    owner_people = forms.Field(required=False)  # replaced by a picker in __init__
    owner_bodies = forms.Field(required=False)  # replaced by a picker in __init__
    all_members = forms.BooleanField(required=False, label="Owned by all members")

    class Meta:
        model = Action
        fields = ["description", "status"]

    def __init__(
        self,
        *args: Any,
        viewer: Viewer,
        body_id: int,
        meeting_id: int | None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields.update(owner_fields(viewer, body_id=body_id, meeting_id=meeting_id))
        self.hidden_people: list[Any] = []
        self.hidden_bodies: list[Any] = []
        action = self.instance
        if action.pk:
            owners = list(action.owners.shown_to(viewer).select_related("person", "body"))
            shown = [o for o in owners if o.is_shown]
            self.hidden_people = [o.person for o in owners if o.person_id and not o.is_shown]
            self.hidden_bodies = [o.body for o in owners if o.body_id and not o.is_shown]
            if self.hidden_people or self.hidden_bodies:
                self.fields["owner_people"].help_text += (
                    f" {len(self.hidden_people) + len(self.hidden_bodies)} more owner(s) "
                    "you may not see are kept as they are."
                )
            self.fields["owner_people"].initial = [o.person_id for o in shown if o.person_id]
            self.fields["owner_bodies"].initial = [o.body_id for o in shown if o.body_id]
            self.fields["all_members"].initial = any(o.all_members for o in owners)
            if action.due_date:
                self.fields["due"].initial = (
                    action.due_date.strftime("%Y-%m")
                    if action.due_precision == "month"
                    else action.due_date.strftime("%d/%m/%Y")
                )
        else:
            self.fields["status"].initial = ActionStatus.OPEN

    def clean_description(self) -> str:
        text = " ".join(self.cleaned_data["description"].split())
        if not text:
            raise ValidationError("Say what is to be done.")
        return text

    def owners(self) -> dict[str, Any]:
        """The owners to record (``set_owners`` keywords), hidden ones kept."""
        data = self.cleaned_data
        return {
            "owners": [*data["owner_people"], *self.hidden_people],
            "owner_bodies": [*data["owner_bodies"], *self.hidden_bodies],
            "all_members": data["all_members"],
        }


class ProgressForm(forms.Form):
    """A progress note on an action, and what becomes of it."""

    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), label="Progress note")
    status = forms.ChoiceField(choices=ActionStatus.choices, label="Status after this update")
    opened_version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, action: Action, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", f"a{action.pk}")
        super().__init__(*args, **kwargs)
        self.action = action
        self.fields["opened_version"].initial = action.version
        self.fields["status"].initial = (
            ActionStatus.CARRIED_FORWARD if action.is_outstanding else action.status
        )


OWNER_OUTCOMES = [
    ("progress", "Still in hand: record the note"),
    ("done", "Done"),
    ("carry", "Ask the secretariat to carry it forward"),
]


class OwnerUpdateForm(forms.Form):
    """An owner's update of their own action: a dated note, done, or a carry-forward request.

    Owners do not drop actions nor carry them forward themselves: asking to carry
    forward is a request the secretariat sees at matters arising.
    """

    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label="Progress note")
    outcome = forms.ChoiceField(
        choices=OWNER_OUTCOMES,
        widget=forms.RadioSelect,
        label="What happens now",
        initial="progress",
    )
    opened_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31 - 1)

    def __init__(self, *args: Any, action: Action, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", f"o{action.pk}")
        super().__init__(*args, **kwargs)
        self.action = action
        self.fields["opened_version"].initial = action.version

    def clean_note(self) -> str:
        text: str = self.cleaned_data["note"].strip()
        if not text:
            raise ValidationError("Say what has been done.")
        return text
