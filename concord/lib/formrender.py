"""The form renderer: Django's widget templates, with the common widgets written in Python.

Django renders every widget through a template (an ``<input>`` through two,
a select through one per option). A page of many small forms, such as the
minutes written on one page, spent most of its time there. This renderer
writes the plain inputs, textareas and selects itself, producing exactly what
Django's own templates would (``tests/lib/test_formrender.py`` compares them
widget by widget); every other template (radio buttons, form and field
templates, anything unexpected) is rendered by Django as before. Values are
escaped as the templates escape them: ``conditional_escape``, so text marked
safe stays as it is and everything else is escaped.
"""

from __future__ import annotations

from typing import Any

from django.forms.renderers import DjangoTemplates
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]  # not in the stubs

WIDGETS = "django/forms/widgets/"
# The widget templates that are nothing but ``{% include "…/input.html" %}``.
INPUTS = frozenset(
    f"{WIDGETS}{name}.html"
    for name in (
        "input",
        "checkbox",
        "color",
        "date",
        "datetime",
        "email",
        "file",
        "hidden",
        "number",
        "password",
        "search",
        "tel",
        "text",
        "time",
        "url",
    )
)
TEXTAREA = f"{WIDGETS}textarea.html"
SELECT = f"{WIDGETS}select.html"
OPTION = f"{WIDGETS}select_option.html"


def shown(value: Any) -> str:
    """``{{ value }}``: localised, as text, escaped unless marked safe."""
    value = localize(template_localtime(value))
    if not issubclass(type(value), str):
        value = str(value)
    return conditional_escape(value)


def shown_as_text(value: Any) -> str:
    """``{{ value|stringformat:'s' }}``: as text, escaped unless marked safe."""
    text = "%s" % (value,)  # noqa: UP031  # exactly what the filter does
    return conditional_escape(mark_safe(text) if isinstance(value, SafeData) else text)


def attributes(attrs: dict[str, Any]) -> str:
    """``attrs.html``: `` name="value"`` each; True is the bare name, False is left out."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(
            f" {shown(name)}" if value is True else f' {shown(name)}="{shown_as_text(value)}"'
        )
    return "".join(parts)


def render_input(widget: dict[str, Any]) -> str:
    value = widget["value"]
    shown_value = "" if value is None else f' value="{shown_as_text(value)}"'
    return (
        f'<input type="{shown(widget["type"])}" name="{shown(widget["name"])}"'
        f"{shown_value}{attributes(widget['attrs'])}>"
    )


def render_textarea(widget: dict[str, Any]) -> str:
    value = widget["value"]
    return (
        f'<textarea name="{shown(widget["name"])}"{attributes(widget["attrs"])}>\n'
        f"{shown(value) if value else ''}</textarea>"
    )


def render_select(widget: dict[str, Any]) -> str | None:
    """The select, or None when an option has a template of its own (Django renders it)."""
    parts = [f'<select name="{shown(widget["name"])}"{attributes(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{shown(group_name)}">')
        for option in group_choices:
            if option.get("template_name") != OPTION:
                return None
            parts.append(  # the option's template ends with a new line
                f'\n  <option value="{shown_as_text(option["value"])}"'
                f"{attributes(option['attrs'])}>{shown(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


class FastWidgetRenderer(DjangoTemplates):
    """Django's default renderer, with inputs, textareas and selects written directly."""

    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        widget = context.get("widget") if isinstance(context, dict) else None
        html: str | None = None
        if isinstance(widget, dict):
            if template_name in INPUTS and "type" in widget:
                html = render_input(widget)
            elif template_name == TEXTAREA:
                html = render_textarea(widget)
            elif template_name == SELECT and "optgroups" in widget:
                html = render_select(widget)
        if html is None:
            return super().render(template_name, context, request)
        return html.strip()  # as Django's renderer strips what its templates write
