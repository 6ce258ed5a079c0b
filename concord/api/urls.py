"""Mounts the API at ``/api/`` (OpenAPI at ``/api/openapi.json``, docs at ``/api/docs``)."""

from __future__ import annotations

from django.urls import path

from concord.api.api import api

urlpatterns = [
    path("api/", api.urls),
]
