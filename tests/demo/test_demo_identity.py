"""The demo sets Harrowby's identity: name, place, colours that carry white text, an
introduction and a logo that is a real PNG."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from concord.demo.identity import build_identity
from concord.governance.identity import contrast_with_white, current_identity

pytestmark = pytest.mark.django_db


def test_the_demo_sets_harrowbys_identity(settings, tmp_path, client) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    record = build_identity()
    identity = current_identity()
    assert identity.name == "Harrowby Partnership" and identity.place == "Harrowby"
    assert contrast_with_white(identity.header_colour) >= 4.5
    with record.logo.open("rb") as handle, Image.open(io.BytesIO(handle.read())) as logo:
        assert logo.format == "PNG"
    page = client.get("/").content.decode()
    assert "Harrowby Partnership brings together" in page and "brand-logo" in page
    build_identity()  # again: still one identity
    assert type(record).objects.count() == 1
