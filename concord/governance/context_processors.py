"""Template context shared by every page."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from concord.governance.access import viewer_for


def viewer(request: HttpRequest) -> dict[str, object]:
    """Expose the request's :class:`~concord.lib.access.Viewer` and the partnership's name."""
    return {
        "viewer": viewer_for(request),
        "partnership_name": settings.CONCORD_PARTNERSHIP_NAME,
        "demo_mode": settings.DEMO_MODE,
    }
