from __future__ import annotations

from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "concord.imports"
    label = "imports"
    verbose_name = "Imported documents"
