"""The form renderer writes the common widgets exactly as Django's templates would."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django import forms
from django.conf import settings
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from concord.lib.formrender import FastWidgetRenderer

TRICKY = 'He said "<b>hi</b>" & left'
CHOICES = [
    ("", "---------"),
    (1, "One"),
    ("two", TRICKY),
    ("Group <x>", [("g1", "In group"), (3, mark_safe("<i>safe</i>"))]),
    (dt.date(2026, 5, 1), gettext_lazy("Lazy label")),
]

CASES: list[tuple[forms.Widget, Any]] = [
    (forms.TextInput(), None),
    (forms.TextInput(), ""),
    (forms.TextInput(attrs={"placeholder": TRICKY, "autofocus": True, "x": False}), TRICKY),
    (forms.TextInput(), mark_safe("<safe>")),
    (forms.NumberInput(attrs={"min": 0, "step": 0.5}), 12345.5),
    (forms.HiddenInput(), 7),
    (forms.EmailInput(), "a@b.example"),
    (forms.DateInput(), dt.date(2026, 9, 30)),
    (forms.CheckboxInput(), True),
    (forms.CheckboxInput(), False),
    (forms.PasswordInput(), "secret"),
    (forms.Textarea(attrs={"rows": 2, "hx-vals": '{"autosave": "1"}'}), None),
    (forms.Textarea(), ""),
    (forms.Textarea(), "Line one\n<script>alert(1)</script>\n& more"),
    (forms.Select(choices=CHOICES), None),
    (forms.Select(choices=CHOICES), "two"),
    (forms.Select(choices=CHOICES, attrs={"aria-describedby": "x_help"}), 3),
    (forms.SelectMultiple(choices=CHOICES), ["1", "g1"]),
    (forms.NullBooleanSelect(), None),
    (forms.RadioSelect(choices=CHOICES), "two"),  # left to Django's templates
    (forms.ClearableFileInput(), None),  # left to Django's templates
]


@pytest.mark.parametrize(("widget", "value"), CASES, ids=lambda c: type(c).__name__)
def test_each_widget_is_written_as_django_writes_it(widget: forms.Widget, value: Any) -> None:
    attrs = {"id": "id_field", "required": True, "aria-invalid": "true"}
    django_html = widget.render("field", value, attrs=attrs, renderer=DjangoTemplates())
    ours = widget.render("field", value, attrs=attrs, renderer=FastWidgetRenderer())
    assert ours == django_html


def test_a_whole_form_is_unchanged() -> None:
    class Everything(forms.Form):
        name = forms.CharField(help_text=TRICKY)
        count = forms.IntegerField(initial=3)
        note = forms.CharField(widget=forms.Textarea)
        kind = forms.ChoiceField(choices=[("a", "A & B"), ("b", "<B>")])
        many = forms.MultipleChoiceField(choices=[("x", "X"), ("y", "Y")], required=False)
        agree = forms.BooleanField(required=False)

    data = {"name": TRICKY, "count": "x", "note": "", "kind": "b", "many": ["y"]}
    for form in (Everything(), Everything(data)):
        assert form.render(renderer=FastWidgetRenderer()) == form.render(renderer=DjangoTemplates())


def test_the_project_uses_it() -> None:
    assert settings.FORM_RENDERER == "concord.lib.formrender.FastWidgetRenderer"
