"""Forms of the reviewing registers (recommendations, strategies, self-assessment): each
validates with a message on the field, and edit forms refuse a stale save."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError

from concord.governance.pickers import people_of, picker
from concord.lib.fields import DATE, GroupedCheckboxes, IdsField
from concord.lib.locking import VersionedForm
from concord.performance.models import Indicator
from concord.registers.forms import EntryForm
from concord.registers.models import (
    AssessmentItem,
    AssessmentQuestion,
    Recommendation,
    RecommendationStatus,
    SelfAssessment,
    Strategy,
    StrategyStatus,
)
from concord.registers.strategies import next_steps


def check_links(text: str) -> str:
    """Each line a web address (http or https); a message naming the first that is not."""
    for line in (line.strip() for line in text.splitlines()):
        if not line:
            continue
        parts = urlsplit(line)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise ValidationError(
                f"“{line[:80]}” is not a web address: write one link per line, starting with https://"
            )
    return text


class RecommendationForm(EntryForm):
    class Meta:
        model = Recommendation
        fields = [
            "source",
            "source_name",
            "made_on",
            "reference",
            "text",
            "response",
            "body",
            "owner",
            "owner_body",
            "status",
            "is_public",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 4}),
            "response": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[
            "body"
        ].help_text = "The body the recommendation was made to; its editors keep it."
        body_id = self.instance.body_id if self.instance.pk else None
        self.fields["owner"] = picker(
            "people",
            self.viewer,
            required=False,
            label="Owner (person)",
            shortlist=people_of(body_id=body_id) if body_id else None,
        )
        self.fields["owner_body"] = picker(
            "bodies", self.viewer, required=False, label="Owner (body)"
        )


class UpdateForm(forms.Form):
    """What has happened on a recommendation, dated, and its status after."""

    date = forms.DateField(label="Date", widget=DATE)
    note = forms.CharField(
        label="What has happened", widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )
    status_after = forms.ChoiceField(label="Status after", choices=RecommendationStatus.choices)
    opened_version = forms.IntegerField(
        widget=forms.HiddenInput, min_value=0, max_value=2**31, required=False
    )

    def __init__(self, *args: Any, recommendation: Recommendation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = dt.date.today()
        self.fields["status_after"].initial = recommendation.status
        self.fields["opened_version"].initial = recommendation.version


def indicator_groups(indicators: Any) -> list[tuple[str, list[tuple[int, str]]]]:
    """Indicators as choices grouped by theme, themes in order and "No theme" last
    (one query, of plain values)."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for pk, code, title, theme in indicators.values_list("pk", "code", "title", "theme"):
        groups.setdefault(theme.strip() or "", []).append((pk, f"{code} — {title}"))
    named = sorted((t, c) for t, c in groups.items() if t)
    return named + ([("No theme", groups[""])] if "" in groups else [])


class StrategyForm(EntryForm):
    class Meta:
        model = Strategy
        fields = [
            "title",
            "body",
            "start_year",
            "end_year",
            "summary",
            "priorities",
            "indicators",
            "documents",
            "drafted_on",
            "review_date",
            "is_public",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "priorities": forms.Textarea(attrs={"rows": 4}),
            "documents": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].label = "Owning body"
        visible = Indicator.objects.visible_to(self.viewer).order_by("code")
        field = IdsField(
            visible,
            required=False,
            label="Linked indicators",
            help_text="Only the indicators you may see are offered, grouped by theme.",
            widget=GroupedCheckboxes(),
        )
        # Checkboxes grouped by theme (no script needed); the queryset still validates.
        field.choices = indicator_groups(visible)
        self.fields["indicators"] = field
        if self.instance.pk:
            self.fields["indicators"].initial = list(
                visible.filter(strategies=self.instance).values_list("pk", flat=True)
            )

    def clean_documents(self) -> str:
        return check_links(self.cleaned_data.get("documents", ""))

    def clean_indicators(self) -> list[Any]:
        """The chosen indicators, keeping those already linked that this editor cannot see."""
        chosen = list(self.cleaned_data.get("indicators") or [])
        if self.instance.pk:
            visible = Indicator.objects.visible_to(self.viewer)
            chosen += list(self.instance.indicators.exclude(pk__in=visible.values("pk")))
        return chosen


class StrategyStepForm(forms.Form):
    """Move a strategy to its next status, dated."""

    status = forms.ChoiceField(label="New status")
    on = forms.DateField(label="Date of this step", widget=DATE)
    opened_version = forms.IntegerField(
        widget=forms.HiddenInput, min_value=0, max_value=2**31, required=False
    )

    def __init__(self, *args: Any, strategy: Strategy, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        status = self.fields["status"]
        assert isinstance(status, forms.ChoiceField)
        # Every status is offered, so a step out of order is refused with its reason.
        status.choices = list(StrategyStatus.choices)
        status.initial = next(iter(next_steps(strategy.status)), "")
        self.fields["on"].initial = dt.date.today()
        self.fields["opened_version"].initial = strategy.version


class SelfAssessmentForm(EntryForm):
    class Meta:
        model = SelfAssessment
        fields = ["body", "year", "opened_on", "is_public"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = dt.date.today().year
        if self.instance.pk:
            # Its questions were built for its body: the body stays.
            self.fields["body"].disabled = True

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        body, year = data.get("body"), data.get("year")
        if body and year:
            others = SelfAssessment.objects.filter(body=body, year=year)
            if others.exclude(pk=self.instance.pk).exists():
                self.add_error("year", f"{body} already has a self-assessment for {year}.")
        return data

    def save(self, commit: bool = True) -> Any:
        from concord.registers.assessment import build_questionnaire

        new = self.instance.pk is None
        assessment = super().save(commit)
        if commit and new:
            build_questionnaire(assessment)
        return assessment


class AnswerForm(forms.Form):
    """A member's answers: a score of 1 (poor) to 5 (excellent) for every question."""

    SCORES = [(str(n), str(n)) for n in range(1, 6)]

    def __init__(self, *args: Any, items: list[AssessmentItem], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[f"q{item.pk}"] = forms.TypedChoiceField(
                label=item.text,
                choices=self.SCORES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": "Give this question a score from 1 to 5."},
                help_text=item.get_section_display(),
            )
            self.fields[f"c{item.pk}"] = forms.CharField(
                label="Comment (optional)", required=False, max_length=2000
            )

    def scores(self) -> dict[int, int]:
        return {i.pk: self.cleaned_data[f"q{i.pk}"] for i in self.items}

    def comments(self) -> dict[int, str]:
        return {i.pk: self.cleaned_data.get(f"c{i.pk}", "") for i in self.items}


class ImprovementForm(forms.Form):
    """An improvement the self-assessment calls for, recorded as a tracker action."""

    description = forms.CharField(
        label="Improvement action", widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )
    due_date = forms.DateField(label="Due by", widget=DATE, required=False)


class QuestionForm(VersionedForm):
    class Meta:
        model = AssessmentQuestion
        fields = ["section", "text", "order", "is_active"]
