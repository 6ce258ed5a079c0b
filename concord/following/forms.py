"""The public form to follow something by e-mail."""

from __future__ import annotations

from django import forms


class FollowForm(forms.Form):
    email = forms.EmailField(
        label="E-mail address",
        max_length=254,
        help_text="We send a link to confirm; your address is shown to no one.",
    )
