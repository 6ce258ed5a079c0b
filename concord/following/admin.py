"""Which bodies serve which area, kept in the admin (a pair to add or delete, each
change kept in its history by the model)."""

from __future__ import annotations

from django.contrib import admin

from concord.following.models import BodyArea


@admin.register(BodyArea)
class BodyAreaAdmin(admin.ModelAdmin[BodyArea]):
    """Following an area follows the bodies serving it."""

    list_display = ["body", "area"]
