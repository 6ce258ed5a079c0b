"""A performance report as a Word file, in Concord's house style (:mod:`concord.lib.word`).

Drawn from the same :class:`~concord.performance.reports.layout.ReportLayout`
as the HTML page, so that the two can never disagree.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from django.utils.text import slugify
from docx.document import Document as DocumentObject
from docx.shared import Cm

from concord.governance.identity import letterhead
from concord.lib.word import add_cells, grid_table, new_document, shade_rag, svg_to_png
from concord.performance.reports.layout import (
    REPORT_COLUMNS,
    ReportLayout,
    ReportRow,
    split_exceptions,
)
from concord.performance.reports.status_chart import WIDTH, chart_height, status_chart_svg
from concord.performance.reports.trends import (
    CHARTS_NOTE,
    TREND_HEIGHT,
    TREND_WIDTH,
    TrendChart,
)

EXCEPTIONS_NOTE = (
    "Indicators red against target, amber and getting worse, or whose figures are due but "
    "missing (no data is shown grey: it is chased, not counted as failure)."
)

GROUPS_NOTE = (
    "Each indicator's latest figures by population group up to this period, the gap between "
    "the groups and whether it is narrowing. Small counts are suppressed for the public."
)

ILLUSTRATIVE_NOTE = (
    "Illustrative figures: this report uses invented demonstration data, not real statistics."
)


def report_filename(layout: ReportLayout) -> str:
    """e.g. 'health-board-performance-2024-25.docx'."""
    return (
        f"{slugify(layout.body_name)}-performance-{slugify(layout.period.replace('/', '-'))}.docx"
    )


def status_words(rows: Sequence[ReportRow]) -> str:
    """The chart in words, for readers who cannot see it.

    >>> status_words([])
    'Indicators by status: green 0, amber 0, red 0, no data 0.'
    """
    counts = dict.fromkeys(("green", "amber", "red", "no_data"), 0)
    for row in rows:
        if row.rag in counts:
            counts[row.rag] += 1
    return (
        "Indicators by status: "
        + ", ".join(f"{rag.replace('_', ' ')} {n}" for rag, n in counts.items())
        + "."
    )


def _table(document: DocumentObject, rows: Sequence[ReportRow]) -> None:
    table = grid_table(document, REPORT_COLUMNS)
    rag_column = REPORT_COLUMNS.index("RAG (against target)")
    for row in rows:
        cells = add_cells(table, row.cells)
        shade_rag(cells[rag_column], row.rag)  # the fill repeats the word, never replaces it
    document.add_paragraph()


def _commentary(document: DocumentObject, rows: Sequence[ReportRow]) -> None:
    for row in rows:
        if not row.commentary:
            continue
        para = document.add_paragraph()
        para.add_run(f"{row.code} {row.name}: ".strip() + " ").bold = True
        para.add_run(row.commentary)


def _by_group(document: DocumentObject, rows: Sequence[ReportRow]) -> None:
    """A short table per dimension for each indicator with figures by group."""
    for row in rows:
        if not row.by_group:
            continue
        document.add_heading(f"{row.code} {row.name}".strip(), level=2)
        for b in row.by_group:
            document.add_paragraph(f"By {b.name.lower()}, {b.period}").runs[0].bold = True
            headings = [b.name, "Value"] + ([b.earlier_period] if b.earlier_period else [])
            table = grid_table(document, headings)
            for g in b.rows:
                add_cells(table, [g.name, g.value] + ([g.earlier] if b.earlier_period else []))
            document.add_paragraph(" ".join(t for t in (b.gap_text, b.trend_text) if t))


def in_table_order(rows: Sequence[ReportRow], trends: Sequence[TrendChart]) -> list[TrendChart]:
    """The charts in the order their indicators' rows are shown (exceptions first).

    >>> rows = [ReportRow("B", "b", "", "", "", "red", "", "", "", "", indicator_id=2),
    ...         ReportRow("A", "a", "", "", "", "green", "", "", "", "", indicator_id=1)]
    >>> [t.heading for t in in_table_order(rows, [TrendChart(1, "A", "", ""),
    ...                                            TrendChart(2, "B", "", "")])]
    ['B', 'A']
    """
    by_indicator = {t.indicator_id: t for t in trends}
    return [by_indicator[r.indicator_id] for r in rows if r.indicator_id in by_indicator]


def _trends(
    document: DocumentObject, rows: Sequence[ReportRow], trends: Sequence[TrendChart]
) -> None:
    document.add_heading("Trends", level=1)
    document.add_paragraph(CHARTS_NOTE)
    for chart in in_table_order(rows, trends):
        document.add_heading(chart.heading, level=2)
        if chart.svg:
            png = svg_to_png(chart.svg, TREND_WIDTH, TREND_HEIGHT)
            document.add_picture(io.BytesIO(png), width=Cm(16))
        document.add_paragraph(chart.words).runs[0].italic = True


def report_document(layout: ReportLayout, trends: Sequence[TrendChart] = ()) -> bytes:
    """Write the report as a .docx in the house style of Concord's Word minutes, with
    ``trends`` (:func:`~concord.performance.reports.trends.report_trends`) as a chart
    per indicator after the tables, in the tables' order."""
    document = new_document(
        layout.title,
        marking=("ILLUSTRATIVE DATA", "Illustrative data") if layout.illustrative else None,
        letterhead=letterhead(),
        landscape=True,  # seven columns of figures fit across an A4 page turned
    )

    document.add_heading(layout.title, level=0)
    document.add_paragraph(f"{layout.body_name} — performance for {layout.period}")
    if layout.meeting_reference:
        document.add_paragraph(layout.meeting_reference)
    document.add_paragraph(layout.status_note).runs[0].italic = True
    if layout.illustrative:
        document.add_paragraph(ILLUSTRATIVE_NOTE)

    for paragraph in (p.strip() for p in layout.introduction.split("\n")):
        if paragraph:  # the introduction, as the HTML page shows it under the title
            document.add_paragraph(paragraph)

    document.add_heading("Summary", level=1)
    document.add_paragraph(layout.summary)
    chart = svg_to_png(status_chart_svg(layout.rows), WIDTH, chart_height())
    document.add_picture(io.BytesIO(chart), width=Cm(12))
    document.add_paragraph(status_words(layout.rows)).runs[0].italic = True
    if layout.story.strip():
        document.add_heading("The story behind the figures", level=1)
        for paragraph in (p.strip() for p in layout.story.split("\n")):
            if paragraph:
                document.add_paragraph(paragraph)

    exceptions, others = split_exceptions(layout.rows)
    document.add_heading("Exceptions", level=1)
    document.add_paragraph(EXCEPTIONS_NOTE)
    if exceptions:
        _table(document, exceptions)
        _commentary(document, exceptions)
    else:
        document.add_paragraph("No exceptions this period.")

    document.add_heading("All other indicators", level=1)
    if others:
        _table(document, others)
        _commentary(document, others)
    else:
        document.add_paragraph("None.")

    if any(row.by_group for row in layout.rows):
        document.add_heading("By population group", level=1)
        document.add_paragraph(GROUPS_NOTE)
        _by_group(document, layout.rows)
    if trends:
        _trends(document, [*exceptions, *others], trends)

    document.add_heading("Recommendations", level=1)
    if layout.recommendations.strip():
        for paragraph in (p.strip() for p in layout.recommendations.split("\n")):
            if paragraph:
                document.add_paragraph(paragraph)
    else:
        for _ in range(3):  # room for the board to write them in
            document.add_paragraph("……………………………………………………………………………………")

    if layout.amendments:
        document.add_heading("Amendments", level=1)
        document.add_paragraph(
            "Corrections made after the report was published; the report above is as the "
            "board was shown it."
        )
        for amendment in layout.amendments:
            document.add_paragraph(amendment, style="List Number")

    if layout.method_notes:
        document.add_heading("How the statuses were worked out", level=2)
        for note in layout.method_notes:
            document.add_paragraph(note, style="List Bullet")

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
