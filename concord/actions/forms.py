"""Forms for actions and their progress; bad input is reported on the field."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from concord.actions.dues import parse_due
from concord.actions.models import Action, ActionStatus
from concord.governance.models import Body
from concord.meetings.forms import VersionedForm
from concord.people.models import Person


class DueDateField(forms.CharField):
    """A due date as people write it: "30/09/2026", "2026-09-30", "Sept 26", "2026-09"."""

    default_error_messages = {
        "invalid": (
            "Enter a due date such as 30/09/2026, or a month such as Sept 2026; "
            "“%(value)s” is not a date."
        )
    }

    def clean(self, value: Any) -> tuple | None:  # type: ignore[override]
        text = super().clean(value)
        if not text:
            return None
        parsed = parse_due(text)
        if parsed is None:
            raise ValidationError(self.error_messages["invalid"], params={"value": text})
        return parsed


class ActionForm(VersionedForm):
    """Create or edit an action: description, owners and due date."""

    due = DueDateField(
        required=False,
        help_text="A day (30/09/2026) or a month (Sept 2026). Leave blank if none was set.",
    )
    owner_people = forms.ModelMultipleChoiceField(
        queryset=Person.objects.order_by("name"),
        required=False,
        label="Owners (people)",
        help_text="Hold Ctrl (or Cmd) to choose more than one.",
    )
    owner_bodies = forms.ModelMultipleChoiceField(
        queryset=Body.objects.order_by("name"), required=False, label="Owners (bodies)"
    )
    all_members = forms.BooleanField(required=False, label="Owned by all members")

    class Meta:
        model = Action
        fields = ["description", "status"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        action = self.instance
        if action.pk:
            owners = list(action.owners.all())
            self.fields["owner_people"].initial = [o.person_id for o in owners if o.person_id]
            self.fields["owner_bodies"].initial = [o.body_id for o in owners if o.body_id]
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
