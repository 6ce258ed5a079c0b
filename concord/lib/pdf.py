"""PDFs laid out by WeasyPrint from HTML in the house style (``print/house_style.html``).

Every PDF Concord writes (agenda packs, minutes, performance reports) comes
from a template that fetches nothing from anywhere: the partnership's logo is
inlined as a ``data:image/png`` URL (``print_context`` in
``concord.governance.identity``) and charts are inline SVG. Any other address
(a file, a web page, another kind of ``data:``) is refused, so text from a
document can never make the server read a file or call out.
"""

from __future__ import annotations

import base64
from typing import Any

from weasyprint import HTML
from weasyprint.urls import URLFetcherResponse

_PNG = "data:image/png;base64,"


def inlined_only(url: str, *args: Any, **kwargs: Any) -> URLFetcherResponse:
    """WeasyPrint's URL fetcher: an inlined PNG is decoded here; anything else is refused.

    >>> inlined_only("data:image/png;base64,iVBORw==").headers["Content-Type"]
    'image/png'
    >>> inlined_only("https://example.org/x.png")
    Traceback (most recent call last):
    ...
    ValueError: A printed document fetches nothing (https://example.org/x.png).
    """
    if url.startswith(_PNG):
        body = base64.b64decode(url[len(_PNG) :], validate=True)
        return URLFetcherResponse(url, body=body, headers={"Content-Type": "image/png"})
    raise ValueError(f"A printed document fetches nothing ({url[:40]}).")


def html_to_pdf(html: str) -> bytes:
    """The PDF of an HTML document (A4 and its margins come from its own ``@page``)."""
    pdf: bytes = HTML(string=html, url_fetcher=inlined_only).write_pdf()
    return pdf
