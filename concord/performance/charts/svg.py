"""What every chart shares: colours, numbers as people read them, ticks, the ``<svg>``."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from html import escape

INK = "#1b1b1b"

MUTED = "#505a5f"

OBSERVED = "#0b3d91"

TARGET = "#a61b1b"

FORECAST = "#5c2d91"

BAND = "#dbe7f6"

GRID = "#d8dadb"

BAR = "#0b3d91"

FONT = 'font-family="system-ui, Arial, sans-serif"'


# The format of a figure to so many decimals, written once.
_NUMBER_FORMATS = {decimals: f",.{decimals}f" for decimals in range(7)}


def format_number(value: float | None, decimals: int = 2) -> str:
    """A figure as people read it: thousands separated, trailing zeros dropped.

    >>> format_number(1234.5), format_number(40.0), format_number(0.126), format_number(None)
    ('1,234.5', '40', '0.13', '')
    """
    if value is None:
        return ""
    text = format(value, _NUMBER_FORMATS.get(decimals) or f",.{decimals}f")
    # Only a float that is not finite is written "nan", "inf" or "-inf" (a dashboard
    # writes thousands of figures: the check comes after, not before).
    if text[-1] in "nf" and isinstance(value, float):
        return ""
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def coord(value: float) -> str:
    """A coordinate, rounded so that output is deterministic and compact."""
    text = f"{value:.1f}"
    return "0" if text == "-0.0" else text.removesuffix(".0")


@lru_cache(maxsize=4096)
def _safe_id(chart_id: str) -> str:
    """An id usable in HTML: letters, digits and hyphens only."""
    cleaned = re.sub(r"[^A-Za-z0-9-]+", "-", chart_id).strip("-")
    return cleaned or "chart"


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering ``low``..``high`` (about ``count`` of them).

    >>> nice_ticks(3.2, 47.9)
    [0.0, 10.0, 20.0, 30.0, 40.0, 50.0]
    >>> nice_ticks(5.0, 5.0)
    [4.4, 4.6, 4.8, 5.0, 5.2, 5.4, 5.6]
    """
    if high < low:
        low, high = high, low
    if math.isclose(low, high):
        spread = abs(low) * 0.2 or 1.0
        low, high = low - spread / 2, high + spread / 2
    raw = (high - low) / max(1, count)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step + 1e-9)
    last = max(math.ceil(high / step - 1e-9), first + 1)
    ticks = [round(k * step, 10) for k in range(first, last + 1)]
    return [float(t) + 0.0 for t in ticks]


def open_svg(
    chart_id: str, width: int, height: int, title: str, description: str, css_class: str
) -> list[str]:
    ident = _safe_id(chart_id)
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{css_class}" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{ident}-title {ident}-desc" focusable="false">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(description)}</desc>',
    ]


def segments(points: Sequence[tuple[float, float] | None]) -> list[list[tuple[float, float]]]:
    """Split a series at missing points, so a gap in the data is a gap in the line."""
    runs: list[list[tuple[float, float]]] = [[]]
    for point in points:
        if point is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(point)
    return [run for run in runs if run]


def polyline(points: Sequence[tuple[float, float]], attrs: str) -> str:
    joined = " ".join(f"{coord(x)},{coord(y)}" for x, y in points)
    return f'<polyline fill="none" points="{joined}" {attrs}/>'


def label_every(count: int, width: float, per_label: float = 56.0) -> int:
    """Show every n-th axis label so that labels never overlap."""
    if count <= 1:
        return 1
    room = max(1, int(width // per_label))
    return max(1, math.ceil(count / room))
