"""The list of population groups (equality breakdowns), kept in the admin.

A save is refused, with a message, when someone else saved the record after
the form was opened (``concord.lib.locking``); every change keeps its history.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest

from concord.lib.locking import StaleEdit, save_versioned
from concord.performance.group_forms import AdminGroupForm, DimensionForm
from concord.performance.models import Dimension, Group


class VersionedAdmin(admin.ModelAdmin[Any]):
    """Saves an edit only if the record is still at the version the form was opened at."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not change:
            obj.save()
            return
        try:
            save_versioned(obj, form.cleaned_data["opened_version"])
        except StaleEdit as exc:
            messages.error(request, str(exc))


@admin.register(Dimension)
class DimensionAdmin(VersionedAdmin):
    form = DimensionForm
    list_display = ["name", "code", "order", "reference_group"]
    prepopulated_fields = {"code": ["name"]}


@admin.register(Group)
class GroupAdmin(VersionedAdmin):
    form = AdminGroupForm
    list_display = ["__str__", "code", "order"]
    list_filter = ["dimension"]
