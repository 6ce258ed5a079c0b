"""Illustrative performance data for the demo partnership's invented town, Harrowby.

Everything here is made up for Concord: the wards and their codes (local
codes such as ``HRW-W01``, never real ONS GSS codes), the indicators'
definitions and every figure. The data set is flagged ``illustrative`` so
pages can say so. Figures follow a trend with noise, and wards differ from
one another in a stable way (some are always better off than others), so
ranks, gaps and directions of travel have something to show.

:func:`load_demo_performance` is deterministic for a given ``seed`` and
``today`` and runs in one transaction.
"""

# The indicator table below keeps each definition on one line, as written.
# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from concord.demo import vocabulary as V
from concord.demo.groups import group_figures
from concord.governance.models import Body
from concord.performance import rules
from concord.performance.models import (
    Area,
    AreaLevel,
    CodeScheme,
    DataSet,
    Indicator,
    Observation,
    ObservationStatus,
    PerformanceReport,
    Period,
    Target,
    TargetKind,
    TurnTheCurve,
)
from concord.performance.periods import period_containing

WARDS = [
    "Abbey Fields",
    "Brookside",
    "Castle Mount",
    "Dyers Green",
    "Eastgate",
    "Fenwick Park",
    "Glebe Hill",
    "Hollins Cross",
    "Kingsmead",
    "Lower Quay",
    "Millbrook",
    "Northholme",
]


@dataclass(frozen=True)
class _Spec:
    code: str
    title: str
    definition: str
    unit: str
    unit_label: str
    polarity: str
    frequency: str
    body: str  # key into V.BODIES
    theme: str
    level: float  # Harrowby's value at the start
    trend: float  # change per year
    spread: float  # ward variation (share of the level)
    tolerance: float | None = 5.0
    tolerance_kind: str = "percent"
    cumulative: bool = False
    seasonal: bool = False
    per: float | None = None  # a rate per this many people (numerators are generated)
    population: int = 0  # people the rate is of, in the town
    suppress: bool = False
    target_change: float = 0.0  # end target relative to the baseline


SPECS = [
    _Spec(
        "HP 1",
        "Under-18 conception rate",
        "Conceptions to women aged under 18, per 1,000 women aged 15 to 17 living in the area, over the year to the end of the quarter.",
        "rate_per_1000",
        "per 1,000 women aged 15–17",
        "lower_is_better",
        "quarterly",
        "cyp",
        "Children and young people",
        46.0,
        -1.6,
        0.35,
        per=1000,
        population=2200,
        suppress=True,
        target_change=-0.25,
    ),
    _Spec(
        "HP 2",
        "Chlamydia screening coverage, 15–24",
        "Share of residents aged 15 to 24 screened or tested for chlamydia in the year to the end of the quarter.",
        "percent",
        "% of 15–24 year olds",
        "higher_is_better",
        "quarterly",
        "health",
        "Health and wellbeing",
        14.0,
        2.2,
        0.2,
        tolerance=2.0,
        tolerance_kind="points",
        target_change=0.6,
    ),
    _Spec(
        "HP 3",
        "Four-week smoking quitters",
        "People who set a quit date with the stop smoking service and had not smoked in the four weeks after it. Counted each quarter and judged year to date against the annual target.",
        "count",
        "quitters",
        "higher_is_better",
        "quarterly",
        "health",
        "Health and wellbeing",
        160.0,
        8.0,
        0.3,
        cumulative=True,
        seasonal=True,
        suppress=True,
        target_change=0.15,
    ),
    _Spec(
        "HP 4",
        "Employment rate, 16–64",
        "Residents aged 16 to 64 in employment as a share of all residents of that age, from the quarterly labour market survey.",
        "percent",
        "% of people aged 16–64",
        "higher_is_better",
        "quarterly",
        "economy",
        "Economy and skills",
        70.5,
        -0.4,
        0.08,
        tolerance=1.0,
        tolerance_kind="points",
        target_change=0.03,
    ),
    _Spec(
        "HP 5",
        "CO2 emissions per head",
        "Carbon dioxide emitted within the area from homes, business and road transport, per resident, for the calendar year.",
        "tonnes",
        "tonnes per resident",
        "lower_is_better",
        "annual",
        "environment",
        "Environment",
        7.4,
        -0.25,
        0.15,
        target_change=-0.12,
    ),
    _Spec(
        "HP 6",
        "People from different backgrounds get on well together",
        "Residents who agree that their local area is a place where people from different backgrounds get on well together, from the partnership's annual residents' survey.",
        "percent",
        "% of residents",
        "higher_is_better",
        "financial_year",
        "stronger",
        "Stronger communities",
        74.0,
        1.0,
        0.1,
        tolerance=2.0,
        tolerance_kind="points",
        target_change=0.08,
    ),
    _Spec(
        "HP 7",
        "Serious acquisitive crime rate",
        "Burglaries, robberies and vehicle crimes recorded by the police, per 1,000 residents, in the quarter.",
        "rate_per_1000",
        "per 1,000 residents",
        "lower_is_better",
        "quarterly",
        "safer",
        "Safer communities",
        4.8,
        -0.2,
        0.45,
        per=1000,
        population=98000,
        target_change=-0.15,
    ),
    _Spec(
        "HP 8",
        "Household waste recycled and composted",
        "Share of household waste sent for reuse, recycling or composting in the quarter.",
        "percent",
        "% of household waste",
        "higher_is_better",
        "quarterly",
        "environment",
        "Environment",
        38.0,
        1.5,
        0.12,
        tolerance=2.0,
        tolerance_kind="points",
        seasonal=True,
        target_change=0.2,
    ),
    _Spec(
        "HP 9",
        "16–18 year olds not in education, employment or training",
        "Young people aged 16 to 18 known to the careers service who are not in education, employment or training, as a share of all known to it.",
        "percent",
        "% of 16–18 year olds",
        "lower_is_better",
        "quarterly",
        "cyp",
        "Children and young people",
        8.2,
        -0.3,
        0.4,
        tolerance=0.5,
        tolerance_kind="points",
        target_change=-0.2,
    ),
    _Spec(
        "HP 10",
        "Adults taking part in sport three times a week",
        "Adults who took part in at least 30 minutes of moderate sport on three or more days a week, from the annual residents' survey.",
        "percent",
        "% of adults",
        "higher_is_better",
        "financial_year",
        "health",
        "Health and wellbeing",
        21.0,
        0.5,
        0.2,
        tolerance=1.0,
        tolerance_kind="points",
        target_change=0.12,
    ),
    _Spec(
        "HP 11",
        "Working-age people on out-of-work benefits",
        "Residents aged 16 to 64 claiming an out-of-work benefit, as a share of all residents of that age, at the end of the quarter.",
        "percent",
        "% of people aged 16–64",
        "lower_is_better",
        "quarterly",
        "economy",
        "Economy and skills",
        12.5,
        0.2,
        0.35,
        tolerance=0.5,
        tolerance_kind="points",
        target_change=-0.08,
    ),
    _Spec(
        "HP 12",
        "Resident population",
        "Estimated number of people living in the area in the middle of the year. Context for the rates above: neither more nor fewer is better.",
        "count",
        "people",
        "no_judgement",
        "annual",
        "board",
        "Context",
        98000.0,
        450.0,
        0.0,
        tolerance=None,
    ),
]

DATASET_SLUG = "harrowby-illustrative"


def _periods(kind: rules.PeriodKind, today: dt.date, count: int) -> list[rules.Period]:
    last = period_containing(kind, today).previous()
    return [last.shift(-k) for k in range(count - 1, -1, -1)]


_COUNTS = {
    rules.PeriodKind.QUARTER: 20,
    rules.PeriodKind.YEAR: 6,
    rules.PeriodKind.FINANCIAL_YEAR: 6,
}


def load_demo_performance(*, seed: int = 2026, today: dt.date | None = None) -> dict[str, int]:
    """Build Harrowby's areas, a dozen indicators, five years of figures and targets.

    Skips (and returns zero counts) if the illustrative data set exists
    already. Indicators are owned by the demo theme groups when they exist.
    """
    today = today or dt.date.today()
    if DataSet.objects.filter(slug=DATASET_SLUG).exists():
        return {"indicators": 0, "observations": 0, "targets": 0}
    rng = random.Random(seed)
    with transaction.atomic():
        return _build(rng, today)


def _area(code: str, name: str, level: str, parent: Area | None) -> Area:
    area = Area(code=code, scheme=CodeScheme.LOCAL, name=name, level=level, parent=parent)
    area.save()
    return area


def _build(rng: random.Random, today: dt.date) -> dict[str, int]:
    dataset = DataSet.objects.create(
        name="Harrowby illustrative figures",
        slug=DATASET_SLUG,
        illustrative=True,
        description=(
            "Invented figures for the demo town of Harrowby. They follow believable "
            "trends but describe no real place."
        ),
    )
    nation = Area.objects.filter(code="XN-DEMO").first() or _area(
        "XN-DEMO", "Demo nation", AreaLevel.NATION, None
    )
    region = _area("XR-EAST", "Eastmoor region", AreaLevel.REGION, nation)
    town = _area("HRW-LA", V.PLACE, AreaLevel.LOCAL_AUTHORITY, region)
    wards = [_area(f"HRW-W{i:02d}", name, AreaLevel.WARD, town) for i, name in enumerate(WARDS, 1)]
    # A ward's standing: how much worse than the town it tends to be (stable over time).
    standing = {w.pk: rng.uniform(-1.0, 1.0) for w in wards}
    bodies = {key: Body.objects.filter(name=name).first() for key, name, *_ in V.BODIES}
    lead = None
    indicators = []
    for spec in SPECS:
        indicators.append(
            Indicator(
                code=spec.code,
                title=spec.title,
                definition=spec.definition,
                unit=spec.unit,
                unit_label=spec.unit_label,
                polarity=spec.polarity,
                frequency=spec.frequency,
                source="Illustrative figures made up for the Concord demo",
                body=bodies.get(spec.body),
                lead_officer=lead,
                theme=spec.theme,
                equality_impact=(
                    "Figures are also looked at by ward, to see whether the gap between the "
                    "best- and worst-off areas is narrowing."
                ),
                tolerance_amount=spec.tolerance,
                tolerance_kind=spec.tolerance_kind,
                cumulative=spec.cumulative,
                seasonal=spec.seasonal,
                suppress_small_counts=spec.suppress,
                dataset=dataset,
            )
        )
    indicators = bulk_create_with_history(indicators, Indicator)
    indicators = list(Indicator.objects.filter(dataset=dataset).order_by("pk"))
    observations: list[Observation] = []
    targets: list[Target] = []
    for spec, ind in zip(SPECS, indicators, strict=True):
        kind = ind.period_kind
        series = _periods(kind, today, _COUNTS[kind])
        ids = {p: Period.objects.for_code(p).pk for p in series}
        per_year = series[0].periods_per_year
        for i, p in enumerate(series):
            years = i / per_year
            base = spec.level + spec.trend * years
            if spec.cumulative:
                base = spec.level * (0.7 if p.number == 1 else 1.1 if p.number == 2 else 1.0)
                base += spec.trend * years
            town_value = base * (1 + rng.gauss(0, 0.03))
            status = (
                ObservationStatus.FINAL if i < len(series) - 1 else ObservationStatus.PROVISIONAL
            )
            observations.append(
                _observation(ind, town, ids[p], town_value, spec, spec.population, 0.06, status)
            )
            observations.append(
                _observation(
                    ind, region, ids[p], base * 1.04, spec, spec.population * 20, 0.02, status
                )
            )
            for w in wards:
                worse = standing[w.pk] * spec.spread
                sign = -1 if spec.polarity == "higher_is_better" else 1
                value = town_value * (1 + sign * worse + rng.gauss(0, 0.04))
                if spec.unit == "count" and spec.polarity != "no_judgement":
                    value = town_value / len(wards) * (1 + sign * worse + rng.gauss(0, 0.1))
                elif spec.unit == "count":
                    value = town_value / len(wards) * (1 + rng.gauss(0, 0.05))
                observations.append(
                    _observation(
                        ind, w, ids[p], max(value, 0.0), spec, spec.population // 12, 0.2, status
                    )
                )
        if ind.polarity == "no_judgement":
            continue
        baseline = series[0]
        end = series[-1].shift(per_year)  # a year beyond the latest figures
        end_id = Period.objects.for_code(end).pk
        baseline_value = next(
            o.value for o in observations if o.indicator == ind and o.area == town
        )
        if spec.cumulative:
            for fy in {rules.financial_year_of(p) for p in series} | {rules.financial_year_of(end)}:
                annual = 4 * spec.level * (1 + spec.target_change) + spec.trend * (fy.year % 5)
                targets.append(
                    Target(
                        indicator=ind,
                        area=town,
                        period_id=Period.objects.for_code(fy).pk,
                        value=round(annual),
                        kind=TargetKind.TARGET,
                    )
                )
            continue
        targets.append(
            Target(
                indicator=ind,
                area=town,
                period_id=end_id,
                kind=TargetKind.TARGET,
                value=round(baseline_value * (1 + spec.target_change), 1),
                baseline_period_id=ids[baseline],
                baseline_value=round(baseline_value, 1),
                note="Illustrative target agreed for the demo.",
            )
        )
    observations += group_figures(rng, [o for o in observations if o.area == town], indicators)
    bulk_create_with_history(observations, Observation, batch_size=2000)
    bulk_create_with_history(targets, Target)
    _turn_the_curve(indicators[0], town, bodies.get("cyp"))
    _board_report(town, bodies.get("board"), today)
    return {
        "indicators": len(indicators),
        "observations": len(observations),
        "targets": len(targets),
    }


def _observation(
    ind: Indicator,
    area: Area,
    period_id: int,
    value: float,
    spec: _Spec,
    population: int,
    ci_share: float,
    status: str,
) -> Observation:
    numerator = denominator = None
    if spec.per and population:
        denominator = float(population)
        numerator = float(round(value * population / spec.per))
        value = numerator * spec.per / population
    elif spec.unit == "count":
        value = float(round(value))
        numerator = value if spec.suppress else None
    decimals = 0 if spec.unit == "count" else 1
    value = round(value, decimals)
    half = abs(value) * ci_share / 2
    ci = (round(value - half, 2), round(value + half, 2)) if spec.unit != "count" else (None, None)
    return Observation(
        indicator=ind,
        area=area,
        period_id=period_id,
        value=value,
        numerator=numerator,
        denominator=denominator,
        ci_low=ci[0],
        ci_high=ci[1],
        status=status,
    )


def _turn_the_curve(indicator: Indicator, area: Area, body: Body | None) -> None:
    from concord.actions.models import Action

    ttc = TurnTheCurve.objects.create(
        indicator=indicator,
        area=area,
        body=body,
        story=(
            "Rates are highest in the wards with the fewest young people staying on in "
            "learning, and where sexual health services are hardest to reach after school."
        ),
        partners=(
            "Schools and the college, the sexual health service, youth workers, housing "
            "officers and the youth trust."
        ),
        what_works=(
            "Relationships education delivered in every school, a drop-in clinic open "
            "after school hours, and targeted support for young people leaving care."
        ),
    )
    if body is not None:
        actions = list(Action.objects.filter(body=body).order_by("-created_on")[:3])
        ttc.actions.add(*actions)


def _board_report(town: Area, board: Body | None, today: dt.date) -> None:
    """A published quarterly report to the Board, attached to the item that took it.

    The report covers the last quarter ended before the Board's latest held
    "Quarterly performance report" item and is frozen as of that meeting's
    date, so its figures are what the Board was shown then.
    """
    from concord.meetings.models import AgendaItem
    from concord.performance.reports.freezing import freeze_report

    if board is None:
        return
    item = (
        AgendaItem.objects.filter(
            meeting__body=board,
            meeting__date__lte=today,
            title__icontains="performance report",
        )
        .select_related("meeting")
        .order_by("-meeting__date")
        .first()
    )
    shown_on = item.meeting.date if item is not None else today
    quarter = period_containing(rules.PeriodKind.QUARTER, shown_on).previous()
    report = PerformanceReport.objects.create(
        body=board,
        area=town,
        period=Period.objects.for_code(quarter),
        title=f"Partnership performance, {quarter.label()}",
        introduction=(
            "The partnership's indicators for the town as a whole, with the exceptions "
            "(red, or amber and getting worse) first. Figures are illustrative."
        ),
        recommendations=(
            "The Board is asked to note the position and to ask the lead theme group "
            "of each exception for a turn-the-curve report at its next meeting."
        ),
        agenda_item=item,
    )
    freeze_report(report, as_of=shown_on)
    # Sent out with the papers a week before the meeting, not on the day the demo was built.
    sent = dt.datetime.combine(shown_on - dt.timedelta(days=7), dt.time(9), tzinfo=dt.UTC)
    PerformanceReport.objects.filter(pk=report.pk).update(published_at=sent)
