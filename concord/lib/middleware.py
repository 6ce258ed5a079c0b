"""Small middleware: headers Django has no setting for, and a guard on query strings."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse


def permissions_policy(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Add ``Permissions-Policy`` (``settings.PERMISSIONS_POLICY``) to every response."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

    return middleware


def refuse_nul_in_query(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Answer 400 to a query string holding a NUL character.

    No page parameter can hold one, and PostgreSQL refuses it in any text it
    is given, so a NUL reaching a query would be a 500 there (forms already
    refuse it in POSTed fields, naming the field).
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        bad = [key for key, value in request.GET.items() if "\x00" in key or "\x00" in value]
        if not bad:
            return get_response(request)
        message = "A query parameter holds a NUL character, which no parameter may contain."
        if request.path.startswith("/api/"):
            # The JSON API answers as it does for any invalid parameter (its documented 422).
            detail = [
                {"type": "nul_character", "loc": ["query", k[:50]], "msg": message} for k in bad
            ]
            return JsonResponse({"detail": detail}, status=422)
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")

    return middleware
