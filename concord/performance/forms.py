"""Forms of the performance pages: each error is reported on the field it is about."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.core.exceptions import ValidationError

from concord.actions.forms import DueDateField
from concord.governance.models import Body
from concord.governance.pickers import people_of, picker
from concord.lib.access import Viewer
from concord.lib.locking import VersionedForm
from concord.meetings.models import AgendaItem
from concord.performance import rules
from concord.performance.models import (
    AmendedPart,
    Area,
    FigureBasis,
    PerformanceReport,
    TurnTheCurve,
)

MAX_IMPORT_BYTES = 5 * 1024 * 1024


def _tidy(text: str) -> str:
    """Trim each line and drop runs of blank lines; keep paragraphs."""
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


class PeriodCodeField(forms.CharField):
    """A period written as Concord writes it: 2024-06, 2024-Q2, 2024, 2024/25."""

    default_error_messages = {
        "invalid": (
            "Enter a period such as 2024-06 (a month), 2024-Q2 (a quarter), 2024 (a year) or "
            "2024/25 (a financial year), from 1900 to 2200; “%(value)s” is not one."
        )
    }

    def clean(self, value: Any) -> str:
        text = super().clean(value)
        if not text:
            return ""
        try:
            return str(rules.parse_sensible_period(text))
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], params={"value": text})


class ReportCreateForm(forms.Form):
    """Start a performance report for a body and period (a draft until published)."""

    body = forms.ModelChoiceField(queryset=Body.objects.none(), label="Body")
    period = PeriodCodeField(
        label="Period",
        max_length=10,
        help_text="The period the report covers, e.g. 2024-Q3 or 2024/25.",
    )
    area = forms.ModelChoiceField(
        queryset=Area.objects.none(),
        label="Area",
        required=False,
        help_text="The area the figures are for; leave blank for the partnership's own area.",
    )
    title = forms.CharField(label="Title", max_length=300, required=False)

    def __init__(self, *args: Any, viewer: Viewer, areas: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bodies = Body.objects.order_by("name")
        if not viewer.is_secretariat:
            bodies = bodies.filter(pk__in=viewer.editor_body_ids)
        cast("forms.ModelChoiceField[Any]", self.fields["body"]).queryset = bodies
        cast("forms.ModelChoiceField[Any]", self.fields["area"]).queryset = areas


class ReportTextForm(VersionedForm):
    """The words a report carries besides its figures."""

    class Meta:
        model = PerformanceReport
        fields = ["title", "introduction", "story", "recommendations"]
        labels = {"story": "The story behind the figures"}
        help_texts = {
            "story": "Why the figures are as they are: causes, what is being done. "
            "One paragraph per line.",
            "recommendations": "What the board is asked to do. One paragraph per line.",
        }
        error_messages = {"title": {"required": "Give the report a title."}}

    def clean_title(self) -> str:
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise ValidationError("Give the report a title.")
        return title

    def clean_introduction(self) -> str:
        return _tidy(self.cleaned_data["introduction"])

    def clean_recommendations(self) -> str:
        return _tidy(self.cleaned_data["recommendations"])

    def clean_story(self) -> str:
        return _tidy(self.cleaned_data["story"])


class ReportAmendmentForm(forms.Form):
    """A correction to a published report, and why it is needed."""

    part = forms.ChoiceField(label="What it corrects", choices=AmendedPart.choices)
    correction = forms.CharField(
        label="The correction",
        widget=forms.Textarea,
        max_length=20000,
        help_text="What the report should have said.",
        error_messages={"required": "Write the correction."},
    )
    reason = forms.CharField(
        label="Why",
        widget=forms.Textarea,
        max_length=4000,
        help_text="Why the correction is needed; shown with it on the report.",
        error_messages={"required": "Say why the correction is needed."},
    )

    def clean_correction(self) -> str:
        return _tidy(self.cleaned_data["correction"])

    def clean_reason(self) -> str:
        return _tidy(self.cleaned_data["reason"])


if TYPE_CHECKING:  # generic in django-stubs only, not at run time
    _AgendaItemField = forms.ModelChoiceField[AgendaItem]
else:
    _AgendaItemField = forms.ModelChoiceField


class AgendaItemChoiceField(_AgendaItemField):
    """Agenda items named by their meeting's date, number and title."""

    def label_from_instance(self, obj: AgendaItem) -> str:
        return f"{obj.meeting.date:%-d %b %Y} — {obj.number}. {obj.title}"


class AttachForm(forms.Form):
    """Attach a report to one agenda item of a meeting of its body."""

    item = AgendaItemChoiceField(
        queryset=AgendaItem.objects.none(),
        label="Agenda item",
        required=False,
        help_text="Items of this body's meetings, latest meeting first. Choose none to detach.",
    )

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast("forms.ModelChoiceField[Any]", self.fields["item"]).queryset = (
            AgendaItem.objects.filter(meeting__body=body)
            .select_related("meeting")
            .order_by("-meeting__date", "position", "id")
        )


class TurnTheCurveForm(VersionedForm):
    """The written parts of a turn-the-curve report."""

    class Meta:
        model = TurnTheCurve
        fields = ["story", "partners", "what_works", "forecast_ahead"]
        labels = {
            "story": "Story behind the baseline",
            "partners": "Partners with a role to play",
            "what_works": "What works",
            "forecast_ahead": "Periods to forecast ahead",
        }
        help_texts = {
            "story": "Why the curve looks as it does: causes, forces at work.",
            "partners": "Who can help turn the curve. One per line.",
            "what_works": "Evidence of what would work, including low- and no-cost ideas.",
        }

    def clean_forecast_ahead(self) -> int:
        ahead: int = self.cleaned_data["forecast_ahead"]
        if not 1 <= ahead <= 12:
            raise ValidationError("Forecast between 1 and 12 periods ahead.")
        return ahead

    def clean_story(self) -> str:
        return _tidy(self.cleaned_data["story"])

    def clean_partners(self) -> str:
        return _tidy(self.cleaned_data["partners"])

    def clean_what_works(self) -> str:
        return _tidy(self.cleaned_data["what_works"])


class PlanActionForm(forms.Form):
    """One item of a turn-the-curve action plan: a real tracker action."""

    description = forms.CharField(label="What is to be done", widget=forms.Textarea)
    owner_people = forms.Field(required=False)  # replaced by a picker in __init__
    due = DueDateField(
        required=False,
        label="Due",
        help_text="A day (30/09/2026) or a month (Sept 2026). Leave blank if none was set.",
    )

    def __init__(self, *args: Any, viewer: Viewer, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # People the viewer may see, the owning body's members first (concord.lib.pickers).
        self.fields["owner_people"] = picker(
            "people",
            viewer,
            multiple=True,
            shortlist=people_of(body_id=body.pk),
            required=False,
            label="Owners (people)",
            help_text="Hold Ctrl (or Cmd) to choose more than one. Leave empty for the body.",
        )

    def clean_description(self) -> str:
        text = " ".join(self.cleaned_data["description"].split())
        if not text:
            raise ValidationError("Say what is to be done.")
        return text


class ImportForm(forms.Form):
    """Upload observations or targets as CSV or Excel (.xlsx)."""

    kind = forms.ChoiceField(
        label="What the file holds",
        choices=[("observations", "Observations (values)"), ("targets", "Targets")],
    )
    file = forms.FileField(
        label="File",
        help_text="CSV (UTF-8) or Excel .xlsx, at most 5 MB, with a header row.",
    )
    basis = forms.ChoiceField(
        label="Figures of cumulative indicators are",
        choices=FigureBasis.choices,
        initial=FigureBasis.PERIOD,
        required=False,
        help_text=(
            "For counts that add up over the financial year (such as smoking quitters): does "
            "the file give each period's own figure, or the total so far this year? A 'basis' "
            "column in the file (period or year to date) overrides this for its row."
        ),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        name = (upload.name or "").lower()
        if not name.endswith((".csv", ".xlsx")):
            raise ValidationError("Upload a .csv or .xlsx file.")
        if upload.size > MAX_IMPORT_BYTES:
            raise ValidationError("The file is larger than 5 MB.")
        return upload
