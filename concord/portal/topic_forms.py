"""Forms for topics: naming one, and setting a decision's topics."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import transaction
from django.utils.text import slugify

from concord.lib.fields import AnyModelMultipleChoiceField
from concord.lib.locking import VersionedForm
from concord.meetings.models import Decision
from concord.portal.models import Topic


class TopicForm(VersionedForm):
    class Meta:
        model = Topic
        fields = ["name", "slug", "description"]
        help_texts = {"slug": "Its address, /topics/<slug>/; left empty, made from the name."}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False

    def clean_slug(self) -> str:
        """The slug as given (made safe), or made from the name."""
        slug = slugify(self.cleaned_data.get("slug") or "")[:120]
        if not slug:
            slug = slugify(self.data.get(self.add_prefix("name")) or "")[:120]
        if not slug:
            raise forms.ValidationError("Give a slug of letters or digits.")
        taken = Topic.objects.filter(slug=slug).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(f"Another topic is at /topics/{slug}/.")
        return slug


class TopicChoices(AnyModelMultipleChoiceField):
    """Topics by id; an id that cannot be one (letters, 40 digits) is a field error,
    never a query the database refuses."""

    def _check_values(self, value: Any) -> Any:
        for pk in value:
            if not (str(pk).isdigit() and len(str(pk)) < 12):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super()._check_values(value)  # type: ignore[misc]  # private in the stubs


class DecisionTopicsForm(forms.Form):
    """The topics of one decision, as checkboxes.

    Only what this person changed is applied: a topic someone else set or
    removed meanwhile stays as they left it (``opened`` is what was ticked
    when the form was opened).
    """

    topics = TopicChoices(Topic.objects.all(), required=False, widget=forms.CheckboxSelectMultiple)
    opened = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2000)

    def __init__(self, *args: Any, decision: Decision, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.decision = decision
        current = list(Topic.objects.filter(decisions=decision).values_list("pk", flat=True))
        self.fields["topics"].initial = current
        self.fields["opened"].initial = ",".join(str(pk) for pk in current)

    def clean_opened(self) -> set[int]:
        text = self.cleaned_data.get("opened") or ""
        parts = [part for part in text.split(",") if part]
        if not all(part.isdigit() and len(part) < 12 for part in parts):
            raise forms.ValidationError("The form was altered; open it again.")
        return {int(part) for part in parts}

    def save(self) -> tuple[int, int]:
        """Add the newly ticked topics and remove the unticked ones; (added, removed)."""
        chosen = {topic.pk: topic for topic in self.cleaned_data["topics"]}
        opened: set[int] = self.cleaned_data["opened"]
        added = [topic for pk, topic in chosen.items() if pk not in opened]
        removed = Topic.objects.filter(pk__in=opened - set(chosen))
        with transaction.atomic():
            for topic in added:
                topic.decisions.add(self.decision)
            count = 0
            for topic in removed:
                topic.decisions.remove(self.decision)
                count += 1
        return len(added), count
