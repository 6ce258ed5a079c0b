"""The ward bar chart: a bar per area; words, not a bar, for no data or a suppressed figure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from concord.performance.charts.svg import (
    BAR,
    FONT,
    GRID,
    INK,
    MUTED,
    TARGET,
    coord,
    format_number,
    nice_ticks,
    open_svg,
)


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
    out = open_svg(chart_id, width, height, title, description, "chart chart-bars")
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
            f'<line x1="{coord(x)}" x2="{coord(x)}" y1="{top}" y2="{axis_y}" stroke="{GRID}" '
            'stroke-width="1"/>'
        )
        out.append(
            f'<text x="{coord(x)}" y="{axis_y + 16}" text-anchor="middle">'
            f"{escape(format_number(t))}</text>"
        )
    zero = x_at(max(lo, 0.0))
    for i, bar in enumerate(bars):
        y = top + row_h * i
        out.append(
            f'<text x="{left - 6}" y="{coord(y + row_h / 2 + 4)}" text-anchor="end">'
            f"{escape(bar.label)}</text>"
        )
        if bar.value is None:
            words = "suppressed (small number)" if bar.suppressed else "no data"
            out.append(
                f'<text x="{coord(zero + 4)}" y="{coord(y + row_h / 2 + 4)}" fill="{MUTED}" '
                f'font-style="italic">{words}</text>'
            )
            continue
        x0, x1 = sorted((zero, x_at(bar.value)))
        out.append(
            f'<rect class="bar" x="{coord(x0)}" y="{coord(y + 4)}" '
            f'width="{coord(max(x1 - x0, 1))}" '
            f'height="{row_h - 8}" fill="{BAR}"/>'
        )
        out.append(
            f'<text x="{coord(x1 + 4)}" y="{coord(y + row_h / 2 + 4)}">'
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
            f'<line x1="{coord(x)}" x2="{coord(x)}" y1="{top - 4}" y2="{axis_y}" stroke="{colour}" '
            f'stroke-width="2" stroke-dasharray="{dash}"/>'
        )
        label = f"{text}: {format_number(value)}{(' ' + unit) if unit else ''}"
        out.append(
            f'<line x1="{coord(legend_x)}" x2="{coord(legend_x + 24)}" y1="{legend_y - 4}" '
            f'y2="{legend_y - 4}" stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}"/>'
        )
        out.append(f'<text x="{coord(legend_x + 30)}" y="{legend_y}">{escape(label)}</text>')
        legend_x += 60 + 7 * len(label)
    out.append("</g></svg>")
    return "".join(out)
