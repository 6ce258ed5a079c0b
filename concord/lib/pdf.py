"""PDFs laid out by WeasyPrint from HTML that fetches nothing.

Every PDF Concord writes (agenda packs, minutes) is rendered from a template
that inlines what it shows: the partnership's logo as a ``data:`` URL of a
PNG, decoded here; any other address (a file, a web page, another kind of
``data:``) is refused, so text from a document can never make the server read
a file or call out.
"""

from __future__ import annotations

import base64
from typing import Any

from weasyprint import HTML
from weasyprint.urls import URLFetcherResponse

PNG_DATA = "data:image/png;base64,"


def refuse_fetch(url: str, *args: Any, **kwargs: Any) -> URLFetcherResponse:
    """WeasyPrint's URL fetcher: an inlined PNG is decoded; anything else is refused."""
    if url.startswith(PNG_DATA):
        body = base64.b64decode(url[len(PNG_DATA) :], validate=True)
        return URLFetcherResponse(url, body=body, headers={"Content-Type": "image/png"})
    raise ValueError(f"A Concord PDF fetches nothing ({url[:40]}).")


def write_pdf(html: str) -> bytes:
    """``html`` laid out as PDF bytes (the page size and margins are the template's)."""
    pdf: bytes = HTML(string=html, url_fetcher=refuse_fetch).write_pdf()
    return pdf
