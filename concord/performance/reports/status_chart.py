"""The report's picture of its statuses: how many indicators are green, amber, red or
awaiting data, as bars each labelled with its word and count (never colour alone).

Drawn as SVG (escaped, no script) from the report's rows, so the Word report
(:mod:`concord.performance.reports.word`) can put it in as a PNG.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from html import escape

from concord.performance.reports.layout import ReportRow

# (rag, word, fill): the fills of concord.lib.word.RAG_FILLS, darker edges.
STATUSES = (
    ("green", "Green", "#b7e1cd", "#0f6b3a"),
    ("amber", "Amber", "#fce8b2", "#8a5300"),
    ("red", "Red", "#f4c7c3", "#a61b1b"),
    ("no_data", "No data", "#e0e0e0", "#505a5f"),
)
WIDTH, BAR, GAP, LEFT = 560, 26, 10, 150


def chart_height() -> int:
    return GAP + len(STATUSES) * (BAR + GAP)


def status_chart_svg(rows: Sequence[ReportRow], title: str = "Indicators by status") -> str:
    """Horizontal bars of the number of indicators at each status.

    >>> svg = status_chart_svg([])
    >>> "Green: 0" in svg and "<script" not in svg
    True
    """
    counts = Counter(row.rag for row in rows)
    most = max([counts[rag] for rag, *_ in STATUSES] + [1])
    height = chart_height()
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img"><title>{escape(title)}</title>',
        '<style>text { font-family: "DejaVu Sans", sans-serif; font-size: 14px; }</style>',
    ]
    for i, (rag, word, fill, edge) in enumerate(STATUSES):
        y = GAP + i * (BAR + GAP)
        n = counts[rag]
        length = (WIDTH - LEFT - 60) * n / most
        out.append(f'<text x="0" y="{y + BAR - 8}">{word}: {n}</text>')
        out.append(
            f'<rect x="{LEFT}" y="{y}" width="{length:.1f}" height="{BAR}" '
            f'fill="{fill}" stroke="{edge}" stroke-width="1.5"/>'
        )
    out.append("</svg>")
    return "".join(out)
