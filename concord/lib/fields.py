"""Form fields and widgets shared by the apps' forms."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError

# Browsers' own date and time pickers, with values in the format they send back.
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")

# The range of a database integer (SQLite and PostgreSQL bigint).
ID_MIN, ID_MAX = -(2**63), 2**63 - 1


# Django's generic form classes as bases of a class, with the type arguments mypy --strict
# asks for: at run time they are not subscriptable.
if TYPE_CHECKING:
    AnyModelForm = forms.ModelForm[Any]
    AnyModelChoiceField = forms.ModelChoiceField[Any]
    AnyModelMultipleChoiceField = forms.ModelMultipleChoiceField[Any]
else:
    AnyModelForm = forms.ModelForm
    AnyModelChoiceField = forms.ModelChoiceField
    AnyModelMultipleChoiceField = forms.ModelMultipleChoiceField


class GroupedCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes whose choices come in named groups (``[(group, [(value, label), …]), …]``),
    each group a ``<fieldset>`` with its name as the ``<legend>``, so a screen reader
    names the group as it reads each box; plain HTML, no script. The whole field is a
    fieldset too (``_form.html``, as for every widget with ``use_fieldset``)."""

    template_name = "lib/widgets/grouped_checkboxes.html"


class IdsField(AnyModelMultipleChoiceField):
    """A multiple choice of records by id that refuses an id no database integer
    can hold as an invalid choice, instead of letting SQLite raise OverflowError
    (a 500) when the ids are looked up."""

    def _check_values(self, value: Iterable[Any]) -> Any:
        if (self.to_field_name or "pk") == "pk":
            for pk in value:
                text = str(pk).strip()
                if text.lstrip("-").isdigit() and not ID_MIN <= int(text) <= ID_MAX:
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": text[:30]},
                    )
        return super()._check_values(value)  # type: ignore[misc]  # private in the stubs
