"""Helpers for tests that need the partnership's identity set: a real PNG logo."""

from __future__ import annotations

import io
from typing import Any

from django.core.files.base import ContentFile
from PIL import Image

from concord.governance.models import Partnership


def png_bytes(width: int = 120, height: int = 40, colour: str = "#0b3d91") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, format="PNG")
    return out.getvalue()


def set_identity(**kwargs: Any) -> Partnership:
    """Save the identity (pk 1), with a logo unless ``logo=False``."""
    with_logo = kwargs.pop("logo", True)
    kwargs.setdefault("name", "Harrowby Together")
    kwargs.setdefault("place", "Harrowby")
    record, _ = Partnership.objects.update_or_create(pk=1, defaults=kwargs)
    if with_logo:
        record.logo.save("logo.png", ContentFile(png_bytes()), save=True)
    return record
