"""An invented partnership with performance figures, seen by every persona (for page tests).

Builds on the shared personas (a public board, a members-only tasking group,
partners, members, an editor of the board, the secretariat) and adds a local
authority with wards, indicators of both bodies, figures, targets, a
turn-the-curve report and performance reports.
"""

from __future__ import annotations

from types import SimpleNamespace

from concord.performance.models import DataSet, PerformanceReport, TurnTheCurve
from tests.performance.perf_factories import (
    make_area,
    make_indicator,
    observe,
    period,
    set_target,
)
from tests.personas import build_world, make_body_editor

QUARTERS = ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]


def build_perf_world(extra_indicators: int = 0, extra_wards: int = 0) -> SimpleNamespace:
    w = build_world(editor=True)
    w.tasking_editor = make_body_editor(w.tasking, username="tasking-editor")

    nation = make_area(code="N9000001", name="Invented Nation", level="nation")
    region = make_area(code="R9000001", name="Invented Region", level="region", parent=nation)
    la = make_area(code="L9000001", name="Harbourside", level="local_authority", parent=region)
    wards = [
        make_area(code=f"W90{i:05d}", name=f"Ward {i}", level="ward", parent=la)
        for i in range(1, 6 + extra_wards)
    ]
    demo = DataSet.objects.create(name="Demo figures", slug="demo-figures", illustrative=True)

    # Falling (good) rate with a target trajectory and a 5% tolerance: the headline indicator.
    rate = make_indicator(
        code="HS 1",
        title="Repeat incidents per 1,000 homes",
        definition="Incidents at an address already reported <em>twice</em> in the year.",
        polarity="lower_is_better",
        unit="rate_per_1000",
        tolerance_amount=5,
        tolerance_kind="percent",
        body=w.board,
        theme="Safer streets",
        dataset=demo,
        suppress_small_counts=True,
        decimals=1,
    )
    for i, q in enumerate(QUARTERS):
        observe(
            rate, la, q, 60.0 - 2 * i, ci_low=57.0 - 2 * i, ci_high=63.0 - 2 * i, status="final"
        )
        observe(rate, region, q, 55.0, ci_low=54.0, ci_high=56.0)
    set_target(rate, la, "2024-Q4", 40.0, baseline_period="2023-Q1", baseline_value=60.0)
    for i, ward in enumerate(wards):
        # ward 2 has a count of 3: suppressed on public pages
        observe(rate, ward, "2024-Q4", 30.0 + 3 * i, numerator=3 if i == 1 else 20 + i)
        observe(rate, ward, "2023-Q4", 32.0 + 3 * i, numerator=25)

    # Higher is better, missed by far and getting worse: an exception.
    coverage = make_indicator(
        code="HS 2",
        title="Households with working smoke alarms",
        polarity="higher_is_better",
        unit="percent",
        body=w.board,
        theme="Safe homes",
        dataset=demo,
    )
    for i, q in enumerate(QUARTERS):
        observe(coverage, la, q, 80.0 - i, status="final")
    set_target(coverage, la, "2024-Q4", 90.0)

    # Has a target but its latest value is missing: no data (grey), never red.
    late = make_indicator(
        code="HS 3",
        title="Hate incidents reported",
        polarity="higher_is_better",
        body=w.board,
        theme="Safer streets",
        dataset=demo,
    )
    for q in QUARTERS[:-1]:
        observe(late, la, q, 100.0)
    set_target(late, la, "2024-Q4", 90.0)

    # Members-only body's indicator.
    secret = make_indicator(
        code="OT 1",
        title="Offenders in the tasking cohort",
        polarity="lower_is_better",
        body=w.tasking,
        theme="Offending",
    )
    for q in QUARTERS:
        observe(secret, la, q, 12.0)

    for n in range(extra_indicators):
        extra = make_indicator(
            code=f"EX {n}",
            title=f"Extra indicator {n}",
            body=w.board,
            theme=f"Theme {n % 3}",
            dataset=demo,
        )
        for q in QUARTERS[-3:]:
            observe(extra, la, q, 10.0 + n)
        set_target(extra, la, "2024-Q4", 11.0)

    ttc = TurnTheCurve.objects.create(
        indicator=rate,
        area=la,
        body=w.board,
        story="Repeat calls cluster <b>near</b> two estates.",
        partners="Housing association\nFire service",
        what_works="Target-hardening visits.",
        forecast_ahead=3,
    )
    draft_report = PerformanceReport.objects.create(
        body=w.board, area=la, period=period("2024-Q4"), title="Board performance Q4 2024"
    )
    private_report = PerformanceReport.objects.create(
        body=w.tasking, area=la, period=period("2024-Q4"), title="Tasking performance Q4 2024"
    )
    return SimpleNamespace(
        **vars(w),
        nation=nation,
        region=region,
        la=la,
        wards=wards,
        rate=rate,
        coverage=coverage,
        late=late,
        secret=secret,
        ttc=ttc,
        draft_report=draft_report,
        private_report=private_report,
        dataset=demo,
    )
