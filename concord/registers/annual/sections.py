"""The annual report's sections, in order: each a function of the year (and its reader)
returning its data, the template partial that shows it and the writer that puts it in
Word. Another section is one more function in :data:`SECTIONS`.

Every section reads what the reader may see (``visible_to``), so the public's
version holds public data only. Queries per section are fixed whatever the data:
the report page is pinned at two sizes in ``tests/registers/test_annual_report.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from concord.events.models import Event, EventStatus, RegistrationStatus
from concord.meetings.attendance_rates import AttendanceRate, attendance_rates
from concord.meetings.models import Decision, DecisionKind, Meeting, MeetingStatus
from concord.performance.achievement import (
    ACHIEVEMENT_METHOD,
    AchievementTrend,
    achievement_summary,
    achievement_trend,
    percent_text,
)
from concord.performance.areas import choose_area
from concord.performance.status import reported_indicators
from concord.registers import heat_map as heat
from concord.registers.added_value import CategoryTotal, totals
from concord.registers.annual import word
from concord.registers.annual.year import ReportYear
from concord.registers.models import (
    AddedValue,
    BidStatus,
    Category,
    FundingBid,
    Publicity,
    PublicityKind,
)
from concord.registers.recommendations import recommendations_progressed

EXAMPLES_PER_CATEGORY = 2
LISTED = 25  # awards, decisions: the largest or latest this many, with the full count


@dataclass(frozen=True)
class Section:
    """One part of the report: its heading, its data, how it shows in HTML and in Word."""

    key: str
    title: str
    template: str
    data: Any
    word: Callable[[Any, Any], None] = field(repr=False)


def paragraphs(text: str) -> list[str]:
    """Typed text as paragraphs: blank lines separate them.

    >>> paragraphs("One.\\n\\nTwo,\\nstill two.\\n\\n\\n")
    ['One.', 'Two,\\nstill two.']
    """
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


def introduction(y: ReportYear) -> Section:
    text = y.report.introduction if y.report else ""
    return Section(
        "introduction",
        "Introduction",
        "registers/annual/_introduction.html",
        paragraphs(text),
        word.introduction,
    )


@dataclass(frozen=True)
class AddedValueData:
    rows: list[CategoryTotal]
    examples: dict[str, list[AddedValue]]
    entries: int
    awards: int
    money: Decimal

    @property
    def count(self) -> int:
        return self.entries + self.awards


def added_value(y: ReportYear) -> Section:
    """Each category's count and money (awards counted as funding secured), the totals,
    and up to two examples per category, the largest money value first (eleven queries)."""
    rows = totals(y.viewer, y.start, y.end)
    entries = AddedValue.objects.visible_to(y.viewer).filter(date__range=(y.start, y.end))
    examples = {}
    for value, _label in Category.choices:
        examples[value] = list(
            entries.filter(category=value)
            .select_related("body")
            .order_by(F("money_value").desc(nulls_last=True), "-date", "-id")[
                :EXAMPLES_PER_CATEGORY
            ]
        )
    data = AddedValueData(
        rows=rows,
        examples=examples,
        entries=sum(r.entries for r in rows),
        awards=sum(r.awards for r in rows),
        money=sum((r.money for r in rows), Decimal("0")),
    )
    return Section(
        "added-value", "Added value", "registers/annual/_added_value.html", data, word.added_value
    )


@dataclass(frozen=True)
class FundingData:
    awards: list[FundingBid]  # the largest LISTED
    count: int
    money: Decimal
    submitted: int
    declined: int


def funding(y: ReportYear) -> Section:
    """Awards decided in the year (the largest listed), their total, and how many bids
    were submitted and declined in it (three queries)."""
    bids = FundingBid.objects.visible_to(y.viewer)
    awarded = bids.awarded().filter(decided_on__range=(y.start, y.end))
    won = awarded.order_by().aggregate(n=Count("id"), money=Sum("amount_awarded"))
    others = bids.order_by().aggregate(
        submitted=Count("id", filter=_in_year("submitted_on", y)),
        declined=Count("id", filter=_in_year("decided_on", y) & Q(status=BidStatus.DECLINED)),
    )
    data = FundingData(
        awards=list(awarded.select_related("body").order_by("-amount_awarded", "-id")[:LISTED]),
        count=won["n"] or 0,
        money=won["money"] or Decimal("0"),
        submitted=others["submitted"],
        declined=others["declined"],
    )
    return Section(
        "funding", "Funding secured", "registers/annual/_funding.html", data, word.funding
    )


def _in_year(name: str, y: ReportYear) -> Q:
    return Q(**{f"{name}__range": (y.start, y.end)})


@dataclass(frozen=True)
class PublicityData:
    coverage: int
    reach: int
    value: Decimal
    awards: list[Publicity]


def publicity(y: ReportYear) -> Section:
    """Coverage in the year (count, reach, advertising value equivalent) and the awards
    won (two queries)."""
    entries = Publicity.objects.visible_to(y.viewer).filter(date__range=(y.start, y.end))
    cover = (
        entries.filter(kind=PublicityKind.COVERAGE)
        .order_by()
        .aggregate(n=Count("id"), reach=Sum("reach"), value=Sum("advertising_value"))
    )
    data = PublicityData(
        coverage=cover["n"] or 0,
        reach=cover["reach"] or 0,
        value=cover["value"] or Decimal("0"),
        awards=list(entries.filter(kind=PublicityKind.AWARD).order_by("date", "id")[:LISTED]),
    )
    return Section(
        "publicity", "Publicity", "registers/annual/_publicity.html", data, word.publicity
    )


@dataclass(frozen=True)
class MeetingsData:
    by_body: list[tuple[str, int]]
    held: int
    by_sector: list[AttendanceRate]


def meetings(y: ReportYear) -> Section:
    """Meetings held in the year by body, and attendance by sector (four queries).

    Only meetings whose minutes the reader may read count, as the attendance is
    part of the minutes.
    """
    shown = Meeting.objects.with_minutes_visible_to(y.viewer, y.today)
    held = shown.filter(status=MeetingStatus.HELD, date__range=(y.start, y.end))
    by_body = [
        (row["body__name"], row["n"])
        for row in held.order_by("body__name").values("body__name").annotate(n=Count("id"))
    ]
    data = MeetingsData(
        by_body=by_body,
        held=sum(n for _, n in by_body),
        by_sector=attendance_rates(shown, "sector", start=y.start, end=y.end),
    )
    return Section(
        "meetings",
        "Meetings and attendance",
        "registers/annual/_meetings.html",
        data,
        word.meetings,
    )


@dataclass(frozen=True)
class DecisionsData:
    decisions: list[Decision]  # the latest LISTED
    count: int


def decisions(y: ReportYear) -> Section:
    """Decisions agreed, approved or resolved at meetings held in the year (those merely
    noted left out), the latest listed (two queries)."""
    qs = Decision.objects.visible_to(y.viewer).filter(
        item__meeting__status=MeetingStatus.HELD,
        item__meeting__date__range=(y.start, y.end),
        kind__in=[DecisionKind.AGREED, DecisionKind.APPROVED, DecisionKind.RESOLVED],
    )
    data = DecisionsData(
        decisions=list(
            qs.select_related("item__meeting__body").order_by(
                "-item__meeting__date", "-item__meeting_id", "item__position", "id"
            )[:LISTED]
        ),
        count=qs.count(),
    )
    return Section(
        "decisions", "Key decisions", "registers/annual/_decisions.html", data, word.decisions
    )


@dataclass(frozen=True)
class IndicatorsData:
    area_name: str
    percent: str
    achieving: int
    denominator: int
    amber: int
    red: int
    data_only: int
    no_data: int
    trend: AchievementTrend | None
    method: str = ACHIEVEMENT_METHOD


def indicators(y: ReportYear) -> Section:
    """'% of indicators achieving target' at the year's end (31 March) with its
    denominator and the other counts, and its trend over five years as a chart."""
    area = choose_area(None)
    data: IndicatorsData | None = None
    if area is not None:
        chosen = reported_indicators(y.viewer, None, None)
        years = achievement_summary(
            y.viewer, area, years=5, until=f"{y.year}/{(y.year + 1) % 100:02d}", indicators=chosen
        )
        s = years[-1].summary
        data = IndicatorsData(
            area_name=area.name,
            percent=percent_text(s),
            achieving=s.green,
            denominator=s.denominator,
            amber=s.amber,
            red=s.red,
            data_only=s.data_only,
            no_data=s.no_data,
            trend=achievement_trend(years, area) if chosen else None,
        )
    return Section(
        "indicators",
        "% of indicators achieving target",
        "registers/annual/_indicators.html",
        data,
        word.indicators,
    )


@dataclass(frozen=True)
class RisksData:
    as_at: dt.date
    rows: list[list[heat.Cell]]
    axes: dict[str, list[tuple[int, int]]]
    live: int
    above_target: int


def risks(y: ReportYear) -> Section:
    """The heat map of the risks live at the year's end (or today, for a year not yet
    over), read from the risks' history, and how many were above target then (two queries)."""
    as_at = y.end if y.is_over else y.today
    moment = timezone.make_aware(dt.datetime.combine(as_at, dt.time.max))
    counts = heat.grid_at(y.viewer, moment)
    data = RisksData(
        as_at=as_at,
        rows=heat.cells(counts),
        axes=heat.axis_positions(),
        live=sum(counts.values()),
        above_target=heat.live_at(y.viewer, moment).filter(score__gt=F("target_score")).count(),
    )
    return Section(
        "risks", "Risks at the year end", "registers/annual/_risks.html", data, word.risks
    )


@dataclass(frozen=True)
class EventsData:
    events: list[Event]  # each with ``taken``: its confirmed places
    places: int


def events(y: ReportYear) -> Section:
    """The events held in the year that the reader may see, with the places taken at
    each (a count: who signed up is never in the report). One query."""
    start = timezone.make_aware(dt.datetime.combine(y.start, dt.time.min))
    end = timezone.make_aware(dt.datetime.combine(y.end, dt.time.max))
    held = list(
        Event.objects.visible_to(y.viewer)
        .filter(status=EventStatus.PUBLISHED, starts_at__range=(start, end))
        .select_related("body")
        .annotate(
            taken=Count(
                "registrations",
                filter=Q(registrations__status=RegistrationStatus.CONFIRMED),
            )
        )
        .order_by("starts_at", "pk")
    )
    data = EventsData(events=held, places=sum(e.taken for e in held))  # type: ignore[attr-defined]
    return Section("events", "Events", "registers/annual/_events.html", data, word.events)


def recommendations(y: ReportYear) -> Section:
    """Recommendations (scrutiny, audit, inspection) with a "what has happened" update
    in the year, with those updates (two queries)."""
    rows = recommendations_progressed(y.start, y.end, y.viewer)
    return Section(
        "recommendations",
        "Recommendations progressed",
        "registers/annual/_recommendations.html",
        rows,
        word.recommendations,
    )


def case_studies(y: ReportYear) -> Section:
    studies = list(y.report.case_studies.all()) if y.report else []
    for study in studies:
        study.paragraphs = paragraphs(study.text)  # type: ignore[attr-defined]
    return Section(
        "case-studies",
        "Case studies",
        "registers/annual/_case_studies.html",
        studies,
        word.case_studies,
    )


# The report, in order. One line adds a section.
SECTIONS: list[Callable[[ReportYear], Section]] = [
    introduction,
    added_value,
    funding,
    publicity,
    events,
    meetings,
    decisions,
    indicators,
    risks,
    recommendations,
    case_studies,
]


def report_sections(y: ReportYear) -> list[Section]:
    """Every section of the year's report, in order, as its reader may see it."""
    return [section(y) for section in SECTIONS]
