"""The event form (secretariat and body editors) and the public sign-up form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import slugify

from concord.events.models import Event
from concord.governance.models import Body
from concord.lib.access import Viewer
from concord.lib.locking import VersionedForm

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
MAX_PLACES = 100_000


class EventForm(VersionedForm):
    class Meta:
        model = Event
        fields = [
            "title",
            "slug",
            "body",
            "starts_at",
            "ends_at",
            "venue",
            "description",
            "capacity",
            "registration_closes",
            "status",
        ]
        widgets = {"starts_at": DATETIME, "ends_at": DATETIME, "registration_closes": DATETIME}
        help_texts = {"slug": "Its address, /events/<slug>/; left empty, made from the title."}

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.viewer = viewer
        self.fields["slug"].required = False
        bodies = Body.objects.order_by("name")
        if not viewer.is_secretariat:  # editors run events of their own bodies only
            bodies = bodies.filter(pk__in=viewer.editor_body_ids)
            self.fields["body"].required = True
        body_field = self.fields["body"]
        assert isinstance(body_field, forms.ModelChoiceField)
        body_field.queryset = bodies
        for name in ("starts_at", "ends_at", "registration_closes"):
            when = self.fields[name]
            assert isinstance(when, forms.DateTimeField)
            when.input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]

    def clean_slug(self) -> str:
        slug = slugify(self.cleaned_data.get("slug") or "")[:180]
        if not slug:
            slug = slugify(self.data.get(self.add_prefix("title")) or "")[:180]
        if not slug:
            raise forms.ValidationError("Give a slug of letters or digits.")
        if Event.objects.filter(slug=slug).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(f"Another event is at /events/{slug}/.")
        return slug

    def clean_capacity(self) -> int | None:
        capacity: int | None = self.cleaned_data.get("capacity")
        if capacity is not None and not 1 <= capacity <= MAX_PLACES:
            raise forms.ValidationError(
                f"Give between 1 and {MAX_PLACES:,} places, or leave it empty."
            )
        return capacity

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        starts, ends, closes = (
            data.get("starts_at"),
            data.get("ends_at"),
            data.get("registration_closes"),
        )
        if starts and ends and ends <= starts:
            self.add_error("ends_at", "The event must end after it starts.")
        if closes and ends and closes > ends:
            self.add_error("registration_closes", "Sign-up must close before the event ends.")
        return data


class SignUpForm(forms.Form):
    name = forms.CharField(max_length=200)
    email = forms.EmailField(label="E-mail address", max_length=254)
    organisation = forms.CharField(max_length=200, required=False, help_text="Optional.")
    needs = forms.CharField(
        label="Access or dietary needs",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Optional; seen only by the organisers.",
    )
