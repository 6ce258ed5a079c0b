"""Accessible charts drawn on the server as SVG strings (no JavaScript, no CDN).

Every chart is an ``<svg role="img">`` labelled by its own ``<title>`` and
``<desc>`` (``aria-labelledby``), so a screen reader announces what it shows;
the pages put a data table with the same figures beside every chart, so
nothing is told by the picture alone. Lines are told apart by dash pattern
and marker shape as well as colour, and the legend names each one in words.

The functions are pure and deterministic: the same input gives byte-for-byte
the same SVG (coordinates are rounded to one decimal), which keeps pages
cacheable and tests exact. All text passes through :func:`html.escape`.

Shared parts in :mod:`.svg`, line charts in :mod:`.lines`, the ward chart in :mod:`.bars`.
"""

from concord.performance.charts.bars import BarDatum, ward_bar_chart
from concord.performance.charts.lines import line_chart, percent_line_chart, sparkline
from concord.performance.charts.svg import format_number, nice_ticks

__all__ = [
    "BarDatum",
    "format_number",
    "line_chart",
    "nice_ticks",
    "percent_line_chart",
    "sparkline",
    "ward_bar_chart",
]
