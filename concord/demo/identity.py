"""The demo partnership's identity: Harrowby's name, place, colours, introduction and logo.

The logo is drawn here with Pillow (a house in a circle, no text, no font),
so the demo ships no image file.
"""

from __future__ import annotations

import io

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from concord.governance.models import Partnership

INTRODUCTION = (
    "Harrowby Partnership brings together the borough council, police, NHS, fire and "
    "rescue service, colleges, employers and the voluntary sector to plan together for "
    "Harrowby.\n\n"
    "Its board and theme groups meet in public: their agendas and papers go out a week "
    "before each meeting, and their approved minutes and decisions are published here.\n\n"
    "Harrowby is an invented town: every person, organisation and figure here is made up."
)


def draw_logo(size: int = 240) -> bytes:
    """A simple emblem: a white house on a dark teal disc (PNG)."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((0, 0, size - 1, size - 1), fill="#1f4e5b")
    s = size / 240
    draw.polygon([(120 * s, 50 * s), (190 * s, 115 * s), (50 * s, 115 * s)], fill="#ffffff")
    draw.rectangle((70 * s, 115 * s, 170 * s, 185 * s), fill="#ffffff")
    draw.rectangle((108 * s, 140 * s, 132 * s, 185 * s), fill="#1f4e5b")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def build_identity() -> Partnership:
    """Set Harrowby's identity (name, place, colours, introduction, logo)."""
    record, _ = Partnership.objects.update_or_create(
        pk=1,
        defaults={
            "name": "Harrowby Partnership",
            "place": "Harrowby",
            "introduction": INTRODUCTION,
            "header_colour": "#1f4e5b",
            "accent_colour": "#1f4e5b",
        },
    )
    record.logo.save("harrowby-logo.png", ContentFile(draw_logo()), save=True)
    return record
