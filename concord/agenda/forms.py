"""Forms for the work programme and the agenda's publication date; errors name their field."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from concord.agenda.models import EntryKind, WorkProgrammeEntry
from concord.agenda.programme import meetings_ahead
from concord.governance.models import Body
from concord.governance.pickers import people_of, picker
from concord.lib.access import Viewer
from concord.lib.fields import DATE
from concord.lib.locking import VersionedForm
from concord.meetings.models import ItemVisibility, Meeting


def _meeting_label(meeting: Meeting) -> str:
    return f"{meeting.date.day} {meeting.date:%B %Y}"


class EntryForm(VersionedForm):
    class Meta:
        model = WorkProgrammeEntry
        fields = [
            "kind",
            "title",
            "lead_person",
            "lead_organisation",
            "meeting",
            "paper_due",
            "standing_from",
            "standing_until",
            "visibility",
            "restriction_reason",
        ]
        widgets = {"paper_due": DATE, "standing_from": DATE, "standing_until": DATE}
        labels = {"lead_person": "Lead", "lead_organisation": "Lead organisation"}

    def __init__(self, *args: Any, body: Body, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.body = body
        if self.instance.kind == EntryKind.CARRIED:
            self.fields["kind"].disabled = True
        else:
            self.fields["kind"].choices = [  # type: ignore[attr-defined]
                c for c in EntryKind.choices if c[0] != EntryKind.CARRIED
            ]
        self.fields["lead_person"] = picker(
            "people", viewer, shortlist=people_of(body_id=body.pk), required=False, label="Lead"
        )
        self.fields["lead_organisation"] = picker(
            "organisations", viewer, required=False, label="Lead organisation"
        )
        meetings = meetings_ahead(body)
        if self.instance.meeting_id:
            meetings = meetings | Meeting.objects.filter(pk=self.instance.meeting_id)
        field = cast("forms.ModelChoiceField[Any]", self.fields["meeting"])
        field.queryset = meetings.order_by("date", "pk")
        field.label_from_instance = _meeting_label  # type: ignore[method-assign,assignment]

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        standing = data.get("kind", self.instance.kind) == EntryKind.STANDING
        if not standing and not data.get("meeting") and data.get("kind") == EntryKind.REPORT:
            self.add_error("meeting", "Choose the meeting this report is for.")
        start, end = data.get("standing_from"), data.get("standing_until")
        if standing and start and end and end < start:
            self.add_error("standing_until", "A standing item cannot end before it starts.")
        if (
            data.get("visibility") not in (None, ItemVisibility.PUBLIC)
            and not (data.get("restriction_reason") or "").strip()
        ):
            self.add_error("restriction_reason", "Say why this entry is not public.")
        if data.get("visibility") == ItemVisibility.PUBLIC:
            data["restriction_reason"] = ""
        if standing:
            data["meeting"], data["paper_due"] = None, None
        return data


class PublicationForm(VersionedForm):
    """When a meeting's agenda and papers go out (empty: a week before)."""

    class Meta:
        model = Meeting
        fields = ["agenda_published_on"]
        widgets = {"agenda_published_on": DATE}
        labels = {"agenda_published_on": "Publish the agenda on"}

    def clean_agenda_published_on(self) -> Any:
        value = self.cleaned_data.get("agenda_published_on")
        if value and value > self.instance.date:
            raise forms.ValidationError("The agenda goes out on or before the meeting's date.")
        return value


class CarryForm(forms.Form):
    """Carry one open action to the programme, for one of the body's meetings ahead."""

    action = forms.IntegerField(min_value=1, max_value=2**62, widget=forms.HiddenInput)
    meeting = forms.ModelChoiceField(queryset=Meeting.objects.none(), required=False)

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast("forms.ModelChoiceField[Any]", self.fields["meeting"])
        field.queryset = meetings_ahead(body)
