"""The sign-in forms of the site and the admin, with a bounded user name."""

from __future__ import annotations

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm

# Django's sign-in form shows the user name's maximum length but does not check it
# before authenticating, and django-axes records every failed name (at most 255
# characters in its table): a longer one would be a 500 on PostgreSQL.
MAX_USERNAME = 150


class BoundedUsername:
    """Refuse a user name longer than any account's before trying to authenticate."""

    def clean_username(self) -> str:
        username = self.cleaned_data.get("username") or ""  # type: ignore[attr-defined]
        if len(username) > MAX_USERNAME:
            raise forms.ValidationError(
                f"A user name has at most {MAX_USERNAME} characters.", code="max_length"
            )
        return username


class SignInForm(BoundedUsername, AuthenticationForm):
    """The site's sign-in form."""


class AdminSignInForm(BoundedUsername, AdminAuthenticationForm):
    """The admin's sign-in form."""
