"""Line charts: a history with target, band and forecast; a percentage by year; sparklines."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from html import escape

from concord.performance.charts.svg import (
    BAND,
    FONT,
    FORECAST,
    GRID,
    INK,
    MUTED,
    OBSERVED,
    TARGET,
    coord,
    format_number,
    label_every,
    nice_ticks,
    open_svg,
    polyline,
    segments,
)


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
    out = open_svg(chart_id, width, height, title, description, "chart chart-line")

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
            f'<line x1="{left}" x2="{left + plot_w}" y1="{coord(y)}" y2="{coord(y)}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{left - 6}" y="{coord(y + 4)}" text-anchor="end">'
            f"{escape(format_number(t))}</text>"
        )
    if unit:
        out.append(
            f'<text x="12" y="{coord(top + plot_h / 2)}" text-anchor="middle" '
            f'transform="rotate(-90 12 {coord(top + plot_h / 2)})">{escape(unit)}</text>'
        )
    every = label_every(slots, plot_w)
    for i, label in enumerate(all_labels):
        if i % every and i != slots - 1:
            continue
        out.append(
            f'<text x="{coord(x_at(i))}" y="{top + plot_h + 18}" text-anchor="middle">'
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
            pts = " ".join(f"{coord(x)},{coord(y)}" for x, y in [*upper, *lower])
            out.append(f'<polygon class="band" points="{pts}" fill="{BAND}" stroke="none"/>')
        if runs:
            legend.append(("band", band_label))

    if targets is not None:
        target_points = [
            (x_at(i), y_at(t)) if t is not None else None for i, t in enumerate(targets)
        ]
        drawn = False
        for seg in segments(target_points):
            if len(seg) == 1:
                x, y = seg[0]
                seg = [(x - 8, y), (x + 8, y)]
            out.append(
                polyline(
                    seg,
                    f'class="target" stroke="{TARGET}" stroke-width="2" stroke-dasharray="8 4"',
                )
            )
            drawn = True
        if drawn:
            legend.append(("target", "Target (dashed line)"))

    observed_points = [(x_at(i), y_at(v)) if v is not None else None for i, v in enumerate(values)]
    for seg in segments(observed_points):
        if len(seg) > 1:
            out.append(polyline(seg, f'class="observed" stroke="{OBSERVED}" stroke-width="2.5"'))
    for point in observed_points:
        if point is not None:
            out.append(
                f'<circle class="observed-point" cx="{coord(point[0])}" cy="{coord(point[1])}" '
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
            polyline(
                path,
                f'class="forecast" stroke="{FORECAST}" stroke-width="2" stroke-dasharray="2 4"',
            )
        )
        for k, v in enumerate(forecast_values):
            out.append(
                f'<circle class="forecast-point" cx="{coord(x_at(n_obs + k))}" '
                f'cy="{coord(y_at(v))}" '
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
        out.append(f'<g transform="translate({coord(x)} {coord(y)})">{samples[key]}')
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
        + ", ".join(["no data" if v is None else format_number(v) for v in values])
        + "."
    )
    out = open_svg(chart_id, width, height, title, description, "chart sparkline")
    numbers = [v for v in values if v is not None]
    if not numbers:
        out.append("</svg>")
        return "".join(out)
    low, high = min(numbers), max(numbers)
    span = (high - low) or 1.0
    pad = 3
    xs = _spark_xs(len(values), width, pad)
    inner = height - 2 * pad
    # One pass: each run of present values is a polyline, a gap ends it.
    run: list[str] = []
    last = ""
    for x, v in zip(xs, values, strict=True):
        if v is None:
            if len(run) > 1:
                out.append(_spark_line(run))
            run = []
            continue
        # coord() written out: a page draws hundreds of sparklines.
        y = f"{height / 2 if high == low else pad + inner * (1 - (v - low) / span):.1f}"
        y = "0" if y == "-0.0" else y.removesuffix(".0")
        last = f'cx="{x}" cy="{y}"'
        run.append(f"{x},{y}")
    if len(run) > 1:
        out.append(_spark_line(run))
    out.append(f'<circle {last} r="2.5" fill="{OBSERVED}"/>')
    out.append("</svg>")
    return "".join(out)


@lru_cache(maxsize=64)
def _spark_xs(n: int, width: int, pad: int) -> tuple[str, ...]:
    """The sparkline's x coordinates for ``n`` values: the same for every row of a page."""
    return tuple(coord(pad + (width - 2 * pad) * (i / (n - 1) if n > 1 else 0.5)) for i in range(n))


def _spark_line(points: list[str]) -> str:
    joined = " ".join(points)
    return f'<polyline fill="none" points="{joined}" stroke="{OBSERVED}" stroke-width="1.5"/>'
