"""Template context shared by every page."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from concord.governance.access import viewer_for
from concord.governance.identity import current_identity


def viewer(request: HttpRequest) -> dict[str, object]:
    """Expose the request's :class:`~concord.lib.access.Viewer` and the partnership's identity."""
    identity = current_identity(request)
    return {
        "viewer": viewer_for(request),
        "identity": identity,
        "partnership_name": identity.name,
        "demo_mode": settings.DEMO_MODE,
    }
