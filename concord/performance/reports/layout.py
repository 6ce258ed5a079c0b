"""A performance report laid out for a board meeting, as plain data.

The HTML page and the Word file (:mod:`concord.performance.reports.word`)
are drawn from the same :class:`ReportLayout` so that they can never
disagree. The layout puts **exceptions first** (as the snapshot flagged
them: red, amber and getting worse, or data due but missing; red and
worsening at the top), then every other indicator, then room for the
board's recommendations. RAG, direction of travel and comparison with
other areas are separate columns written in words, never one blended colour.

A report built from a frozen snapshot shows the statuses as published;
later revisions of the data never change it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.urls import reverse

from concord.performance import rules
from concord.performance.breakdowns import BreakdownView, assemble, breakdown_view, thawed
from concord.performance.models import (
    Indicator,
    PerformanceReport,
    ReportAmendment,
    ReportLine,
)
from concord.performance.periods import period_label
from concord.performance.words import (
    RAG_LABELS,
    SIGNIFICANCE_LABELS,
    SUPPRESSED,
    TRAVEL_LABELS,
    comparison_words,
    figure,
    summary_text,
    target_text,
)

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
    by_group: tuple[BreakdownView, ...] = ()  # figures by population group, in words
    indicator_id: int | None = None

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
    (``is_exception``, from :class:`concord.performance.IndicatorStatus`),
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
    introduction: str = ""
    story: str = ""
    illustrative: bool = False
    frozen_on: dt.date | None = None
    meeting_reference: str = ""
    method_notes: Sequence[str] = field(default_factory=tuple)
    # Corrections made after publishing, one sentence each, oldest first.
    amendments: Sequence[str] = field(default_factory=tuple)

    @property
    def has_groups(self) -> bool:
        """Whether any indicator has figures by population group."""
        return any(row.by_group for row in self.rows)

    @property
    def exceptions(self) -> list[ReportRow]:
        return split_exceptions(self.rows)[0]

    @property
    def others(self) -> list[ReportRow]:
        return split_exceptions(self.rows)[1]


def _line_row(line: ReportLine, public: bool = False) -> ReportRow:
    decimals = line.indicator.decimals if line.indicator_id and line.indicator else 1
    target: float | rules.Band | None = line.target
    if line.target is not None and line.target_high is not None:
        target = rules.Band(line.target, line.target_high)
    url = ""
    if line.indicator_id:
        url = reverse("performance:indicator", args=[line.indicator_id])
    return ReportRow(
        code=line.indicator_code,
        name=line.indicator_title,
        period=period_label(line.period_code) if line.period_code else "",
        value=SUPPRESSED
        if public and line.small_count
        else figure(line.value, line.unit, decimals),
        target=target_text(target, line.unit, decimals),
        rag=line.rag,
        rag_label=RAG_LABELS.get(line.rag, line.rag),
        travel=line.direction_previous,
        travel_label=TRAVEL_LABELS.get(line.direction_previous, line.direction_previous),
        travel_mean_label=TRAVEL_LABELS.get(line.direction_mean, line.direction_mean),
        significance_label=(
            SIGNIFICANCE_LABELS.get(line.significance, line.significance)
            + (f" (vs {line.comparator})" if line.comparator and line.significance else "")
            if line.comparator or line.significance != "not_tested"
            else comparison_words("not_tested")
        ),
        commentary=line.commentary,
        theme=line.theme,
        url=url,
        is_exception=line.is_exception,
        observation_status=line.observation_status,
        by_group=_by_group(line, decimals, public),
        indicator_id=line.indicator_id,
    )


def _by_group(line: ReportLine, decimals: int, public: bool) -> tuple[BreakdownView, ...]:
    """A line's frozen figures by group in words, small counts withheld from a public
    reader by the same rule as every other page (:func:`~concord.performance.
    breakdowns.assemble`)."""
    points, tolerance = thawed(line.by_group)
    unit = Indicator(unit=line.unit, decimals=decimals)  # only for the words
    return tuple(breakdown_view(unit, b) for b in assemble(points, tolerance, public=public))


def report_layout(
    report: PerformanceReport,
    lines: Sequence[ReportLine],
    amendments: Sequence[ReportAmendment] = (),
    *,
    show_item: bool = False,
    public: bool = False,
) -> ReportLayout:
    """The one layout both the HTML page and the Word file are drawn from.

    ``show_item``: name the agenda item the report is attached to (only when
    the reader may read that item). ``public``: for a reader who is not signed
    in: small counts are shown as suppressed.
    """
    rows = [_line_row(line, public) for line in lines]
    summary = rules.summarise_rag(line.rag for line in lines)
    if report.is_published and report.published_at:
        note = (
            f"Published on {report.published_at:%-d %B %Y}: the figures and statuses are "
            "frozen as published; later revisions of the data do not change this report."
        )
    else:
        note = (
            "Draft: the figures are live and may change until the report is published, "
            "when they are frozen."
        )
    meeting = ""
    if show_item and report.agenda_item_id and report.agenda_item:
        item = report.agenda_item
        meeting = (
            f"For item {item.number} ({item.title}) of the meeting of "
            f"{item.meeting.date:%-d %B %Y}."
        )
    illustrative = any(
        line.indicator_id and line.indicator and line.indicator.is_illustrative for line in lines
    )
    return ReportLayout(
        title=report.title,
        body_name=report.body.name,
        period=report.period.label,
        rows=rows,
        summary=summary_text(summary),
        status_note=note,
        recommendations=report.recommendations,
        introduction=report.introduction,
        story=report.story,
        illustrative=illustrative,
        frozen_on=report.published_at.date() if report.published_at else None,
        meeting_reference=meeting,
        amendments=amendment_lines(amendments),
        method_notes=(
            "RAG compares the latest value with its target; amber is a miss within the "
            "indicator's tolerance; no data (grey) means a value is due but not yet supplied.",
            "Direction of travel compares the latest value with the period before (the same "
            "period a year earlier for seasonal indicators).",
            "Compared with others: better, similar or worse than the comparator area by "
            "confidence intervals; similar when the intervals overlap (no significant "
            "difference); not tested when either figure has no confidence interval.",
            "No significant change: the move from the period before is within the indicator's "
            "tolerance, or within the confidence intervals.",
        ),
    )


def amendment_lines(amendments: Sequence[ReportAmendment]) -> tuple[str, ...]:
    """A published report's corrections (:func:`~concord.performance.reports.freezing.
    report_amendments`) as sentences: what, when, by whom, what, why."""

    def who(user: User | None) -> str:
        return (user.get_full_name() or user.get_username()) if user else "a former user"

    return tuple(
        f"{a.get_part_display()}, {a.made_at:%-d %b %Y}, by {who(a.made_by)}: "
        f"{a.correction} Why: {a.reason}"
        for a in amendments
    )
