"""Accessible charts drawn on the server as SVG strings (no JavaScript, no CDN).

Every chart is an ``<svg role="img">`` labelled by its own ``<title>`` and
``<desc>`` (``aria-labelledby``), so a screen reader announces what it shows;
the pages put a data table with the same figures beside every chart, so
nothing is told by the picture alone. Lines are told apart by dash pattern
and marker shape as well as colour, and the legend names each one in words.

The functions are pure and deterministic: the same input gives byte-for-byte
the same SVG (coordinates are rounded to one decimal), which keeps pages
cacheable and tests exact. All text passes through :func:`html.escape`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

__all__ = [
    "BarDatum",
    "format_number",
    "line_chart",
    "nice_ticks",
    "percent_line_chart",
    "sparkline",
    "ward_bar_chart",
]

INK = "#1b1b1b"
MUTED = "#505a5f"
OBSERVED = "#0b3d91"
TARGET = "#a61b1b"
FORECAST = "#5c2d91"
BAND = "#dbe7f6"
GRID = "#d8dadb"
BAR = "#0b3d91"
FONT = 'font-family="system-ui, Arial, sans-serif"'


def format_number(value: float | None, decimals: int = 2) -> str:
    """A figure as people read it: thousands separated, trailing zeros dropped.

    >>> format_number(1234.5), format_number(40.0), format_number(0.126), format_number(None)
    ('1,234.5', '40', '0.13', '')
    """
    if value is None:
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        return ""
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _c(value: float) -> str:
    """A coordinate, rounded so that output is deterministic and compact."""
    text = f"{value:.1f}"
    return "0" if text == "-0.0" else text.removesuffix(".0")


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


def _open_svg(
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


def _segments(points: Sequence[tuple[float, float] | None]) -> list[list[tuple[float, float]]]:
    """Split a series at missing points, so a gap in the data is a gap in the line."""
    runs: list[list[tuple[float, float]]] = [[]]
    for point in points:
        if point is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(point)
    return [run for run in runs if run]


def _polyline(points: Sequence[tuple[float, float]], attrs: str) -> str:
    joined = " ".join(f"{_c(x)},{_c(y)}" for x, y in points)
    return f'<polyline fill="none" points="{joined}" {attrs}/>'


def _label_every(count: int, width: float, per_label: float = 56.0) -> int:
    """Show every n-th axis label so that labels never overlap."""
    if count <= 1:
        return 1
    room = max(1, int(width // per_label))
    return max(1, math.ceil(count / room))


def line_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    labels: Sequence[str],
    values: Sequence[float | None],
    targets: Sequence[float | None] | None = None,
    band_low: Sequence[float | None] | None = None,
    band_high: Sequence[float | None] | None = None,
    band_label: str = "Tolerance band (amber zone)",
    forecast_labels: Sequence[str] = (),
    forecast_values: Sequence[float] = (),
    unit: str = "",
    observed_label: str = "Observed",
    y_range: tuple[float, float] | None = None,
    width: int = 640,
    height: int = 300,
) -> str:
    """A line chart of an indicator's history.

    ``labels``/``values`` are the observed periods (``None`` is a gap);
    ``targets`` the target for each observed period (a step or trajectory,
    drawn as a dashed line); ``band_low``/``band_high`` the tolerance band
    around the target (a shaded area); ``forecast_labels``/``forecast_values``
    the projected periods after the last one (a dotted line with hollow
    markers, starting from the last observed value). ``observed_label`` names
    the observed line in the legend; ``y_range`` is the least the y axis
    covers (e.g. 0 to 100 for percentages), widened only if a figure lies outside.

    >>> svg = line_chart(chart_id="c1", title="Rate", description="Falling.",
    ...                  labels=["2020", "2021"], values=[10.0, 8.0])
    >>> svg.startswith('<svg') and 'role="img"' in svg and '<title id="c1-title">Rate' in svg
    True
    """
    if len(values) != len(labels):
        raise ValueError("one value per label")
    if len(forecast_values) != len(forecast_labels):
        raise ValueError("one forecast value per forecast label")
    n_obs = len(labels)
    for name, seq in (("targets", targets), ("band_low", band_low), ("band_high", band_high)):
        if seq is not None and len(seq) != n_obs:
            raise ValueError(f"{name} needs one entry per observed label")
    all_labels = [*labels, *forecast_labels]
    numbers = [v for v in values if v is not None]
    numbers += [v for seq in (targets, band_low, band_high) if seq for v in seq if v is not None]
    numbers += list(forecast_values)

    left, right, top, bottom = 64, 16, 16, 72
    plot_w, plot_h = width - left - right, height - top - bottom
    out = _open_svg(chart_id, width, height, title, description, "chart chart-line")

    if not numbers or not all_labels:
        out.append(
            f'<text x="{width // 2}" y="{height // 2}" text-anchor="middle" {FONT} '
            f'font-size="14" fill="{MUTED}">No data to draw</text>'
        )
        out.append("</svg>")
        return "".join(out)

    low, high = min(numbers), max(numbers)
    if y_range is not None:
        low, high = min(low, y_range[0]), max(high, y_range[1])
    ticks = nice_ticks(low, high)
    y_min, y_max = ticks[0], ticks[-1]
    span = (y_max - y_min) or 1.0
    slots = len(all_labels)

    def x_at(i: int) -> float:
        return left + (plot_w * (i + 0.5) / slots)

    def y_at(v: float) -> float:
        return top + plot_h * (1 - (v - y_min) / span)

    # Grid and y axis
    out.append(f'<g class="axis" {FONT} font-size="12" fill="{INK}">')
    for t in ticks:
        y = y_at(t)
        out.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{_c(y)}" y2="{_c(y)}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{left - 6}" y="{_c(y + 4)}" text-anchor="end">'
            f"{escape(format_number(t))}</text>"
        )
    if unit:
        out.append(
            f'<text x="12" y="{_c(top + plot_h / 2)}" text-anchor="middle" '
            f'transform="rotate(-90 12 {_c(top + plot_h / 2)})">{escape(unit)}</text>'
        )
    every = _label_every(slots, plot_w)
    for i, label in enumerate(all_labels):
        if i % every and i != slots - 1:
            continue
        out.append(
            f'<text x="{_c(x_at(i))}" y="{top + plot_h + 18}" text-anchor="middle">'
            f"{escape(label)}</text>"
        )
    out.append(
        f'<line x1="{left}" x2="{left + plot_w}" y1="{top + plot_h}" y2="{top + plot_h}" '
        f'stroke="{INK}" stroke-width="1"/>'
    )
    out.append("</g>")

    legend: list[tuple[str, str]] = []
    # Tolerance band: one shaded polygon per unbroken run of periods with both edges
    if band_low is not None and band_high is not None:
        run: list[int] = []
        runs: list[list[int]] = []
        for i in range(n_obs):
            if band_low[i] is not None and band_high[i] is not None:
                run.append(i)
            elif run:
                runs.append(run)
                run = []
        if run:
            runs.append(run)
        for r in runs:
            upper = [(x_at(i), y_at(band_high[i])) for i in r]  # type: ignore[arg-type]
            lower = [(x_at(i), y_at(band_low[i])) for i in reversed(r)]  # type: ignore[arg-type]
            if len(r) == 1:  # a single period: a short bar so it is still visible
                x = x_at(r[0])
                upper = [(x - 6, upper[0][1]), (x + 6, upper[0][1])]
                lower = [(x + 6, lower[0][1]), (x - 6, lower[0][1])]
            pts = " ".join(f"{_c(x)},{_c(y)}" for x, y in [*upper, *lower])
            out.append(f'<polygon class="band" points="{pts}" fill="{BAND}" stroke="none"/>')
        if runs:
            legend.append(("band", band_label))

    if targets is not None:
        target_points = [
            (x_at(i), y_at(t)) if t is not None else None for i, t in enumerate(targets)
        ]
        drawn = False
        for seg in _segments(target_points):
            if len(seg) == 1:
                x, y = seg[0]
                seg = [(x - 8, y), (x + 8, y)]
            out.append(
                _polyline(
                    seg,
                    f'class="target" stroke="{TARGET}" stroke-width="2" stroke-dasharray="8 4"',
                )
            )
            drawn = True
        if drawn:
            legend.append(("target", "Target (dashed line)"))

    observed_points = [(x_at(i), y_at(v)) if v is not None else None for i, v in enumerate(values)]
    for seg in _segments(observed_points):
        if len(seg) > 1:
            out.append(_polyline(seg, f'class="observed" stroke="{OBSERVED}" stroke-width="2.5"'))
    for point in observed_points:
        if point is not None:
            out.append(
                f'<circle class="observed-point" cx="{_c(point[0])}" cy="{_c(point[1])}" '
                f'r="4" fill="{OBSERVED}"/>'
            )
    if numbers and any(v is not None for v in values):
        legend.insert(0, ("observed", f"{observed_label} (solid line, filled dots)"))

    if forecast_values:
        last = next(((i, v) for i, v in reversed(list(enumerate(values))) if v is not None), None)
        path = [(x_at(n_obs + k), y_at(v)) for k, v in enumerate(forecast_values)]
        if last is not None:
            path.insert(0, (x_at(last[0]), y_at(last[1])))
        out.append(
            _polyline(
                path,
                f'class="forecast" stroke="{FORECAST}" stroke-width="2" stroke-dasharray="2 4"',
            )
        )
        for k, v in enumerate(forecast_values):
            out.append(
                f'<circle class="forecast-point" cx="{_c(x_at(n_obs + k))}" cy="{_c(y_at(v))}" '
                f'r="4" fill="#fff" stroke="{FORECAST}" stroke-width="2"/>'
            )
        legend.append(("forecast", "Forecast (dotted line, hollow dots)"))

    # Legend: words first, the line sample only repeats them
    out.append(f'<g class="legend" {FONT} font-size="12" fill="{INK}">')
    column = plot_w / 2
    samples = {
        "observed": f'<line x1="0" x2="24" y1="0" y2="0" stroke="{OBSERVED}" stroke-width="2.5"/>',
        "target": f'<line x1="0" x2="24" y1="0" y2="0" stroke="{TARGET}" stroke-width="2" '
        'stroke-dasharray="8 4"/>',
        "forecast": f'<line x1="0" x2="24" y1="0" y2="0" stroke="{FORECAST}" stroke-width="2" '
        'stroke-dasharray="2 4"/>',
        "band": f'<rect x="0" y="-6" width="24" height="12" fill="{BAND}" stroke="{MUTED}" '
        'stroke-width="0.5"/>',
    }
    for n, (key, text) in enumerate(legend):
        # two entries a row, so four fit under the axis at the default width
        x = left + column * (n % 2)
        y = height - 36 + 18 * (n // 2)
        out.append(f'<g transform="translate({_c(x)} {_c(y)})">{samples[key]}')
        out.append(f'<text x="30" y="4">{escape(text)}</text></g>')
    out.append("</g>")
    out.append("</svg>")
    return "".join(out)


def percent_line_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    labels: Sequence[str],
    values: Sequence[float | None],
    series_label: str,
    width: int = 640,
    height: int = 300,
) -> str:
    """A line of percentages, one per label, on a y axis from 0 to 100 %.

    ``None`` is a gap in the line (no point, the line broken either side),
    never a zero. The legend names the line ``series_label``.

    >>> svg = percent_line_chart(chart_id="p", title="Share", description="Two years.",
    ...                          labels=["2020/21", "2021/22", "2022/23"],
    ...                          values=[50.0, None, 75.0], series_label="Met")
    >>> svg.count('class="observed-point"'), svg.count("<polyline"), ">100</text>" in svg
    (2, 0, True)
    """
    return line_chart(
        chart_id=chart_id,
        title=title,
        description=description,
        labels=labels,
        values=values,
        unit="%",
        observed_label=series_label,
        y_range=(0.0, 100.0),
        width=width,
        height=height,
    )


def sparkline(
    values: Sequence[float | None],
    *,
    chart_id: str,
    title: str,
    description: str = "",
    width: int = 120,
    height: int = 28,
) -> str:
    """A tiny trend line for a dashboard row: no axes, the latest value marked.

    Its description lists every value, so nothing is lost to a screen reader;
    a missing value is a gap in the line.

    >>> svg = sparkline([3.0, None, 5.0], chart_id="s", title="Trend")
    >>> 'role="img"' in svg and "<polyline" not in svg and svg.count("<circle") == 1
    True
    """
    description = description or (
        "Values, oldest first: "
        + ", ".join("no data" if v is None else format_number(v) for v in values)
        + "."
    )
    out = _open_svg(chart_id, width, height, title, description, "chart sparkline")
    numbers = [v for v in values if v is not None]
    if not numbers:
        out.append("</svg>")
        return "".join(out)
    low, high = min(numbers), max(numbers)
    span = (high - low) or 1.0
    pad = 3
    n = len(values)

    def x_at(i: int) -> float:
        return pad + (width - 2 * pad) * (i / (n - 1) if n > 1 else 0.5)

    def y_at(v: float) -> float:
        if high == low:
            return height / 2
        return pad + (height - 2 * pad) * (1 - (v - low) / span)

    points = [(x_at(i), y_at(v)) if v is not None else None for i, v in enumerate(values)]
    for seg in _segments(points):
        if len(seg) > 1:
            out.append(_polyline(seg, f'stroke="{OBSERVED}" stroke-width="1.5"'))
    last = next(p for p in reversed(points) if p is not None)
    out.append(f'<circle cx="{_c(last[0])}" cy="{_c(last[1])}" r="2.5" fill="{OBSERVED}"/>')
    out.append("</svg>")
    return "".join(out)


@dataclass(frozen=True)
class BarDatum:
    """One bar of a ward chart: ``value`` is ``None`` when missing or suppressed."""

    label: str
    value: float | None
    suppressed: bool = False


def ward_bar_chart(
    bars: Sequence[BarDatum],
    *,
    chart_id: str,
    title: str,
    description: str,
    target: float | None = None,
    reference: float | None = None,
    reference_label: str = "Whole area",
    unit: str = "",
    width: int = 640,
) -> str:
    """Horizontal bars, one per area, in the order given, each labelled with its value.

    A suppressed or missing value has no bar; the words "suppressed" or
    "no data" stand in its place, so an absent bar is never read as zero.
    ``target`` draws a dashed vertical line, ``reference`` (e.g. the
    district's own figure) a dotted one; both are named in the legend.

    >>> svg = ward_bar_chart([BarDatum("North", 4.0), BarDatum("South", None, True)],
    ...                      chart_id="w", title="Wards", description="Two wards.")
    >>> svg.count('class="bar"'), "suppressed" in svg
    (1, True)
    """
    row_h = 22
    left = min(220, 24 + 7 * max((len(b.label) for b in bars), default=4))
    right, top = 72, 12
    legend_h = 32 if (target is not None or reference is not None) else 8
    height = top + row_h * max(1, len(bars)) + 28 + legend_h
    plot_w = width - left - right
    out = _open_svg(chart_id, width, height, title, description, "chart chart-bars")
    numbers = [b.value for b in bars if b.value is not None]
    numbers += [v for v in (target, reference) if v is not None]
    if not bars:
        out.append(
            f'<text x="{width // 2}" y="{height // 2}" text-anchor="middle" {FONT} '
            f'font-size="14" fill="{MUTED}">No areas to draw</text></svg>'
        )
        return "".join(out)
    ticks = nice_ticks(min(0.0, *numbers) if numbers else 0.0, max([1.0, *numbers]))
    lo, hi = ticks[0], ticks[-1]
    span = (hi - lo) or 1.0

    def x_at(v: float) -> float:
        return left + plot_w * (v - lo) / span

    axis_y = top + row_h * len(bars)
    out.append(f'<g {FONT} font-size="12" fill="{INK}">')
    for t in ticks:
        x = x_at(t)
        out.append(
            f'<line x1="{_c(x)}" x2="{_c(x)}" y1="{top}" y2="{axis_y}" stroke="{GRID}" '
            'stroke-width="1"/>'
        )
        out.append(
            f'<text x="{_c(x)}" y="{axis_y + 16}" text-anchor="middle">'
            f"{escape(format_number(t))}</text>"
        )
    zero = x_at(max(lo, 0.0))
    for i, bar in enumerate(bars):
        y = top + row_h * i
        out.append(
            f'<text x="{left - 6}" y="{_c(y + row_h / 2 + 4)}" text-anchor="end">'
            f"{escape(bar.label)}</text>"
        )
        if bar.value is None:
            words = "suppressed (small number)" if bar.suppressed else "no data"
            out.append(
                f'<text x="{_c(zero + 4)}" y="{_c(y + row_h / 2 + 4)}" fill="{MUTED}" '
                f'font-style="italic">{words}</text>'
            )
            continue
        x0, x1 = sorted((zero, x_at(bar.value)))
        out.append(
            f'<rect class="bar" x="{_c(x0)}" y="{_c(y + 4)}" width="{_c(max(x1 - x0, 1))}" '
            f'height="{row_h - 8}" fill="{BAR}"/>'
        )
        out.append(
            f'<text x="{_c(x1 + 4)}" y="{_c(y + row_h / 2 + 4)}">'
            f"{escape(format_number(bar.value))}</text>"
        )
    legend_y = axis_y + 40
    legend_x = left
    for value, text, colour, dash in (
        (target, "Target", TARGET, "8 4"),
        (reference, reference_label, MUTED, "2 3"),
    ):
        if value is None:
            continue
        x = x_at(value)
        out.append(
            f'<line x1="{_c(x)}" x2="{_c(x)}" y1="{top - 4}" y2="{axis_y}" stroke="{colour}" '
            f'stroke-width="2" stroke-dasharray="{dash}"/>'
        )
        label = f"{text}: {format_number(value)}{(' ' + unit) if unit else ''}"
        out.append(
            f'<line x1="{_c(legend_x)}" x2="{_c(legend_x + 24)}" y1="{legend_y - 4}" '
            f'y2="{legend_y - 4}" stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}"/>'
        )
        out.append(f'<text x="{_c(legend_x + 30)}" y="{legend_y}">{escape(label)}</text>')
        legend_x += 60 + 7 * len(label)
    out.append("</g></svg>")
    return "".join(out)
