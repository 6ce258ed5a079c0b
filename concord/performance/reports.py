"""A performance report laid out for a board meeting, as plain data and as Word.

The HTML page and the Word file are drawn from the same :class:`ReportLayout`
so that they can never disagree. The layout puts **exceptions first**
(as the snapshot flagged them: red, amber and getting worse, or data due but
missing; red and worsening at the top), then every other indicator, then room for
the board's recommendations. RAG, direction of travel and comparison with
other areas are separate columns written in words, never one blended colour.

A report built from a frozen snapshot shows the statuses as published;
later revisions of the data never change it.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.text import slugify

from concord.lib.word import new_document

__all__ = [
    "REPORT_COLUMNS",
    "ReportLayout",
    "ReportRow",
    "exception_rank",
    "report_document",
    "report_filename",
    "split_exceptions",
]

# Column headings shared by the HTML table and the Word table.
REPORT_COLUMNS = (
    "Indicator",
    "Period",
    "Value",
    "Target",
    "RAG (against target)",
    "Direction of travel",
    "Compared with others",
)


@dataclass(frozen=True)
class ReportRow:
    """One indicator as the report shows it; every status is already in words."""

    code: str
    name: str
    period: str
    value: str
    target: str
    rag: str  # green / amber / red / no_data / data_only
    rag_label: str
    travel: str  # improving / worsening / no_change / ... / no_data
    travel_label: str
    significance_label: str
    commentary: str = ""
    theme: str = ""
    url: str = ""
    is_exception: bool = False
    travel_mean_label: str = ""
    observation_status: str = ""

    @property
    def cells(self) -> tuple[str, ...]:
        """The row's cells in :data:`REPORT_COLUMNS` order."""
        return (
            f"{self.code} {self.name}".strip(),
            self.period,
            self.value or "No data",
            self.target or "None set",
            self.rag_label,
            self.travel_label,
            self.significance_label,
        )


def exception_rank(row: ReportRow) -> int:
    """Order within the exceptions: red and worsening first, then red, then amber and
    worsening, then missing data, then anything else the snapshot flagged.

    >>> r = ReportRow("A", "a", "2024", "1", "2", "red", "Red", "worsening", "Worsening", "",
    ...               is_exception=True)
    >>> exception_rank(r)
    0
    """
    worsening = row.travel == "worsening"
    if row.rag == "red":
        return 0 if worsening else 1
    if row.rag == "amber" and worsening:
        return 2
    if row.rag == "no_data":
        return 3
    return 4


def split_exceptions(rows: Sequence[ReportRow]) -> tuple[list[ReportRow], list[ReportRow]]:
    """(exceptions, everything else), exceptions in :func:`exception_rank` order and
    otherwise in the order given.

    Which rows are exceptions is the report's own frozen decision
    (``is_exception``, from :class:`concord.performance.services.IndicatorStatus`),
    so the layout never re-judges what the board was shown.

    >>> rows = [ReportRow(c, c, "", "", "", rag, rag, t, t, "", is_exception=e)
    ...         for c, rag, t, e in [("A", "amber", "worsening", True),
    ...                              ("B", "red", "worsening", True),
    ...                              ("C", "green", "improving", False),
    ...                              ("D", "red", "improving", True)]]
    >>> [[r.code for r in part] for part in split_exceptions(rows)]
    [['B', 'D', 'A'], ['C']]
    """
    flagged = [(exception_rank(r), i, r) for i, r in enumerate(rows) if r.is_exception]
    # (rank, position) is unique, so the rows themselves are never compared
    exceptions = [r for _, _, r in sorted(flagged)]
    return exceptions, [r for r in rows if not r.is_exception]


@dataclass(frozen=True)
class ReportLayout:
    """Everything a performance report shows, in the order a board reads it."""

    title: str
    body_name: str
    period: str
    rows: Sequence[ReportRow]
    summary: str
    status_note: str
    recommendations: str = ""
    illustrative: bool = False
    frozen_on: dt.date | None = None
    meeting_reference: str = ""
    method_notes: Sequence[str] = field(default_factory=tuple)
    # Corrections made after publishing, one sentence each, oldest first.
    amendments: Sequence[str] = field(default_factory=tuple)

    @property
    def exceptions(self) -> list[ReportRow]:
        return split_exceptions(self.rows)[0]

    @property
    def others(self) -> list[ReportRow]:
        return split_exceptions(self.rows)[1]


EXCEPTIONS_NOTE = (
    "Indicators red against target, amber and getting worse, or whose figures are due but "
    "missing (no data is shown grey: it is chased, not counted as failure)."
)
ILLUSTRATIVE_NOTE = (
    "Illustrative figures: this report uses invented demonstration data, not real statistics."
)


def report_filename(layout: ReportLayout) -> str:
    """e.g. 'health-board-performance-2024-25.docx'."""
    return (
        f"{slugify(layout.body_name)}-performance-{slugify(layout.period.replace('/', '-'))}.docx"
    )


def _table(document, rows: Sequence[ReportRow]) -> None:  # noqa: ANN001 - a docx Document
    table = document.add_table(rows=1, cols=len(REPORT_COLUMNS))
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, REPORT_COLUMNS, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(heading).bold = True
    for row in rows:
        for cell, value in zip(table.add_row().cells, row.cells, strict=True):
            cell.text = value
    document.add_paragraph()


def _commentary(document, rows: Sequence[ReportRow]) -> None:  # noqa: ANN001
    for row in rows:
        if not row.commentary:
            continue
        para = document.add_paragraph()
        para.add_run(f"{row.code} {row.name}: ".strip() + " ").bold = True
        para.add_run(row.commentary)


def report_document(layout: ReportLayout) -> bytes:
    """Write the report as a .docx in the house style of Concord's Word minutes."""
    document = new_document(
        layout.title,
        marking=("ILLUSTRATIVE DATA", "Illustrative data") if layout.illustrative else None,
    )

    document.add_heading(layout.title, level=0)
    document.add_paragraph(f"{layout.body_name} — performance for {layout.period}")
    if layout.meeting_reference:
        document.add_paragraph(layout.meeting_reference)
    document.add_paragraph(layout.status_note).runs[0].italic = True
    if layout.illustrative:
        document.add_paragraph(ILLUSTRATIVE_NOTE)

    document.add_heading("Summary", level=1)
    document.add_paragraph(layout.summary)

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
