"""The public form to follow something by e-mail, and the secretariat's form of a body
serving an area."""

from __future__ import annotations

from typing import Any

from django import forms

from concord.governance.pickers import picker
from concord.lib.access import Viewer
from concord.performance.models import Area


class FollowForm(forms.Form):
    email = forms.EmailField(
        label="E-mail address",
        max_length=254,
        help_text="We send a link to confirm; your address is shown to no one.",
    )


class BodyAreaForm(forms.Form):
    """A body and an area it serves, for the secretariat (errors name the field).

    The body is chosen with the register's picker, among the bodies the viewer
    may see; the area by its code (GSS, such as E05…, or local) or exact name."""

    area = forms.CharField(
        label="Area",
        max_length=200,
        help_text="Its code (such as E05001234) or its exact name.",
    )

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields = {"body": picker("bodies", viewer, label="Body"), **self.fields}

    def clean_area(self) -> Area:
        text = " ".join(str(self.cleaned_data["area"]).split())
        if "\x00" in text:
            raise forms.ValidationError("An area cannot contain a NUL character.")
        found = list(Area.objects.filter(code__iexact=text)[:2]) or list(
            Area.objects.filter(name__iexact=text).order_by("code")[:6]
        )
        if not found:
            raise forms.ValidationError(f"No area has the code or name “{text[:60]}”.")
        if len(found) > 1:
            codes = ", ".join(a.code for a in found[:5])
            raise forms.ValidationError(
                f"More than one area is called “{text[:60]}”: give its code ({codes})."
            )
        return found[0]
