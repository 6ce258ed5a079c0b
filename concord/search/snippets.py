"""Snippets as HTML: the text escaped, the matched words marked, nothing else.

The text comes from minutes and documents, so it may hold anything, ``<script>``
included. The database puts :data:`~concord.search.models.MARK_START` and
:data:`~concord.search.models.MARK_END` (control characters the indexed text
never holds) around each matched word; :func:`highlight` escapes everything and
only then turns those two characters into ``<mark>`` and ``</mark>``.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from concord.search.models import MARK_END, MARK_START


def highlight(snippet: str) -> SafeString:
    """The snippet as safe HTML, its matches in ``<mark>``.

    >>> str(highlight("the \\x02plan\\x03 <script>alert(1)</script>"))
    'the <mark>plan</mark> &lt;script&gt;alert(1)&lt;/script&gt;'
    >>> str(highlight("an \\x02open mark"))
    'an <mark>open mark</mark>'
    """
    html = str(escape(snippet))
    opened = html.count(MARK_START) - html.count(MARK_END)
    html = html.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    if opened > 0:
        html += "</mark>" * opened
    return mark_safe(html)  # escaped above: the marks are the only tags
