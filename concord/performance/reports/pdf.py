"""A performance report as a PDF, in the house style of Concord's printed documents
(``print/house_style.html``, landscape, laid out by WeasyPrint: :mod:`concord.lib.pdf`).

The same content as the Word file (:mod:`concord.performance.reports.word`), drawn
from the same :class:`~concord.performance.reports.layout.ReportLayout`: the
summary with its status chart, exceptions first, every other indicator, a trend
chart per indicator, recommendations, amendments and how statuses are worked out.
Every text is escaped by the template; the charts are SVG drawn by Concord's own
chart code, which escapes every label.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from concord.governance.identity import print_context
from concord.lib.pdf import html_to_pdf
from concord.performance.reports.layout import REPORT_COLUMNS, ReportLayout, split_exceptions
from concord.performance.reports.status_chart import status_chart_svg
from concord.performance.reports.trends import CHARTS_NOTE, TrendChart
from concord.performance.reports.word import (
    EXCEPTIONS_NOTE,
    ILLUSTRATIVE_NOTE,
    in_table_order,
    report_filename,
    status_words,
)


def report_pdf_filename(layout: ReportLayout) -> str:
    """The Word file's name, as a PDF (e.g. 'health-board-performance-2024-25.pdf')."""
    return report_filename(layout).removesuffix(".docx") + ".pdf"


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]


def report_pdf(layout: ReportLayout, trends: Sequence[TrendChart] = ()) -> bytes:
    """The report as PDF bytes (A4 landscape, the partnership's letterhead, numbered pages)."""
    exceptions, others = split_exceptions(layout.rows)
    charts = [
        # Concord's chart code escapes every label it draws: the markup is safe.
        {"heading": t.heading, "svg": mark_safe(t.svg), "words": t.words}
        for t in in_table_order([*exceptions, *others], trends)
    ]
    html = render_to_string(
        "performance/report_print.html",
        {
            "layout": layout,
            "introduction": _paragraphs(layout.introduction),
            "story": _paragraphs(layout.story),
            "recommendations": _paragraphs(layout.recommendations),
            "status_chart": mark_safe(status_chart_svg(layout.rows)),
            "status_words": status_words(layout.rows),
            "exceptions": exceptions,
            "others": others,
            "columns": REPORT_COLUMNS,
            "rag_column": REPORT_COLUMNS.index("RAG (against target)"),
            "trends": charts,
            "exceptions_note": EXCEPTIONS_NOTE,
            "illustrative_note": ILLUSTRATIVE_NOTE,
            "charts_note": CHARTS_NOTE,
            **print_context(),
        },
    )
    return html_to_pdf(html)
