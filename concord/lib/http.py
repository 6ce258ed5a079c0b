"""Request types shared by views."""

from __future__ import annotations

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """A request that went through django-htmx's middleware, so it has ``request.htmx``."""

    htmx: HtmxDetails
