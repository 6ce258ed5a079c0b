"""The partnership's identity: name, place, logo, colours and introduction.

Set by the secretariat on ``/register/partnership/`` (:class:`Partnership`, one
row); read by every page's header and title, the public home page and every
document Concord writes (:func:`letterhead`). Unset, the name is
``CONCORD_PARTNERSHIP_NAME`` and the rest is empty.

Every page shows the name, so :func:`current_identity` is kept in each
process's memory instead of costing each page a query, together with the
page cache's generation (:mod:`concord.lib.pagecache`) it was read at: any
write to the database moves the generation on, in every process (with Redis
or the generation file), and the next page reads the identity again. Pages
between writes ask nothing of the database.

The logo is never kept as uploaded: :func:`clean_logo` opens it with Pillow
(PNG or JPEG only, size and pixel limits), and re-encodes it as a PNG no
larger than :data:`LOGO_MAX_SIDE` pixels, so nothing of the original file
but its pixels reaches a page or a document.
"""

from __future__ import annotations

import base64
import io
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpRequest

from concord.governance.models import Partnership
from concord.lib.pagecache import current_generation, request_generation
from concord.lib.word import Letterhead

LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MAX_PIXELS = 4000 * 4000  # refused before decoding: no decompression bombs
LOGO_MAX_SIDE = 600
HEX = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True)
class Identity:
    """What pages and documents show of the partnership (plain values, cacheable)."""

    name: str
    place: str = ""
    introduction: str = ""
    header_colour: str = ""
    accent_colour: str = ""
    logo_name: str = ""  # the file in storage, "" when there is none
    version: int = 0

    @property
    def has_logo(self) -> bool:
        return bool(self.logo_name)


def default_identity() -> Identity:
    """The identity of a partnership that has set none: its name from the settings."""
    return Identity(name=settings.CONCORD_PARTNERSHIP_NAME)


def _load() -> Identity:
    row = Partnership.objects.filter(pk=1).first()
    if row is None:
        return default_identity()
    return Identity(
        name=row.name or settings.CONCORD_PARTNERSHIP_NAME,
        place=row.place,
        introduction=row.introduction,
        header_colour=row.header_colour.lower(),
        accent_colour=row.accent_colour.lower(),
        logo_name=row.logo.name or "",
        version=row.version,
    )


# (generation read at, identity); generation None: kept whatever is written (tests
# pin the default so); identity None there: the default, as the settings say now.
_kept: tuple[int | None, Identity | None] | None = None


def current_identity(request: HttpRequest | None = None) -> Identity:
    """The partnership's identity; no query unless something was written since it was read.

    Given the request, the generation is the one the request has already read
    (``request_generation``), so a page reads it once, not once more for this.
    """
    global _kept
    if _kept is not None and _kept[0] is None:
        return _kept[1] or default_identity()
    generation = request_generation(request) if request is not None else current_generation()
    if _kept is not None and _kept[0] == generation and _kept[1] is not None:
        return _kept[1]
    identity = _load()
    _kept = (generation, identity)
    return identity


def keep_default_identity() -> None:
    """Show the default identity, without asking the database, until one is saved.

    Tests do so before each one, so that no page costs a query more for the
    identity in one test than in another.
    """
    global _kept
    _kept = (None, None)


def forget_identity() -> None:
    """Drop the kept identity (the next page reads it again)."""
    global _kept
    _kept = None


@receiver(post_save, sender=Partnership)
@receiver(post_delete, sender=Partnership)
def _identity_changed(**kwargs: object) -> None:
    forget_identity()


def logo_png() -> bytes | None:
    """The logo's PNG bytes from storage, or None (unset, or missing from storage)."""
    identity = current_identity()
    if not identity.has_logo:
        return None
    row = Partnership.objects.filter(pk=1).first()
    if row is None or not row.logo:
        return None
    try:
        with row.logo.open("rb") as handle:
            data: bytes = handle.read(LOGO_MAX_BYTES + 1)
    except OSError:
        return None
    return data if data.startswith(b"\x89PNG") else None


def letterhead() -> Letterhead:
    """What every Word and PDF document carries of the partnership (name, logo, colour)."""
    identity = current_identity()
    return Letterhead(
        name=identity.name,
        logo_png=logo_png(),
        accent=identity.accent_colour or identity.header_colour,
    )


def print_context() -> dict[str, str]:
    """What a PDF's template needs of the partnership (``print/letterhead.html``)."""
    head = letterhead()
    logo = head.logo_png
    return {
        "letterhead_name": head.name,
        "logo_data_uri": f"data:image/png;base64,{base64.b64encode(logo).decode()}" if logo else "",
        "accent": head.accent,
    }


# -- validating what the secretariat sets ---------------------------------------


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of '#rrggbb'.

    >>> round(relative_luminance("#ffffff"), 3), round(relative_luminance("#000000"), 3)
    (1.0, 0.0)
    """

    def channel(hex_pair: str) -> float:
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_with_white(colour: str) -> float:
    """WCAG contrast ratio of white text on ``colour``.

    >>> round(contrast_with_white("#0b3d91"), 1), round(contrast_with_white("#ffff00"), 2)
    (10.0, 1.07)
    """
    return 1.05 / (relative_luminance(colour) + 0.05)


def clean_colour(value: str, label: str) -> str:
    """A colour as '#rrggbb' that white text can be read on (WCAG AA, 4.5:1), or ''."""
    value = value.strip()
    if not value:
        return ""
    if not HEX.fullmatch(value):
        raise ValidationError(f"{label}: give a colour as # and six hex digits, e.g. #0b3d91.")
    ratio = contrast_with_white(value)
    if ratio < 4.5:
        raise ValidationError(
            f"{label}: white text on {value} has a contrast of {ratio:.1f}:1; "
            "choose a darker colour (at least 4.5:1)."
        )
    return value.lower()


def clean_logo(upload: UploadedFile) -> ContentFile[bytes]:
    """Check an uploaded logo with Pillow and re-encode it as a PNG; ValidationError if not."""
    from PIL import Image

    if upload.size is None or upload.size > LOGO_MAX_BYTES:
        raise ValidationError("Logo: the file is larger than 2 MB.")
    data = upload.read(LOGO_MAX_BYTES + 1)
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format
            width, height = probe.size
            if kind not in {"PNG", "JPEG"}:
                raise ValidationError("Logo: give a PNG or JPEG image.")
            if width * height > LOGO_MAX_PIXELS:
                raise ValidationError("Logo: the image has too many pixels (at most 4000 × 4000).")
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            picture = image.convert("RGBA")
    except ValidationError:
        raise
    except Exception:  # any failure of a decoder on an untrusted file is a refusal
        raise ValidationError("Logo: this file is not a readable PNG or JPEG image.") from None
    picture.thumbnail((LOGO_MAX_SIDE, LOGO_MAX_SIDE))
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=True)
    return ContentFile(out.getvalue(), name="logo.png")
