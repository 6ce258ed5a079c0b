"""Forms for the population groups (equality breakdowns): a dimension with its reference
group, and one group of a dimension. Each error names its field; a save made stale by
someone else's is refused (:class:`concord.lib.locking.VersionedForm`)."""

from __future__ import annotations

from typing import Any

from django import forms

from concord.lib.locking import VersionedForm
from concord.performance.models import Dimension, Group


class DimensionForm(VersionedForm):
    class Meta:
        model = Dimension
        fields = ["name", "code", "order", "description", "reference_group"]
        help_texts = {
            "code": "How files name it, before the colon: sex in “sex: female”.",
            "order": "Dimensions are shown in this order (then by name).",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only this dimension's groups can be its reference.
        field = self.fields.get("reference_group")
        if isinstance(field, forms.ModelChoiceField):
            field.queryset = Group.objects.filter(dimension_id=self.instance.pk or 0)
            if not self.instance.pk:
                field.help_text = "Add the groups first, then choose the reference among them."


class GroupForm(VersionedForm):
    """One group of the dimension it is made with (``instance=Group(dimension=...)``).

    The dimension is not a field here, so the model's unique constraints on
    (dimension, name) and (dimension, code) are checked by hand, on the field.
    """

    class Meta:
        model = Group
        fields = ["name", "code", "order"]
        help_texts = {"code": "How files name it, after the colon: female in “sex: female”."}

    def _taken(self, field: str) -> Any:
        value = self.cleaned_data.get(field)
        if value:
            others = Group.objects.filter(dimension_id=self.instance.dimension_id).exclude(
                pk=self.instance.pk
            )
            if others.filter(**{f"{field}__iexact": value}).exists():
                raise forms.ValidationError(
                    f"{self.instance.dimension.name} already has a group with this {field}."
                )
        return value

    def clean_name(self) -> Any:
        return self._taken("name")

    def clean_code(self) -> Any:
        return self._taken("code")


class AdminGroupForm(GroupForm):
    """The admin's form, where the dimension is chosen too."""

    class Meta(GroupForm.Meta):
        fields = ["dimension", "name", "code", "order"]

    def _taken(self, field: str) -> Any:  # the model's constraints apply: dimension is a field
        return self.cleaned_data.get(field)
