"""Properties that must hold for any data, checked with hypothesis."""

from __future__ import annotations

import math

from hypothesis import assume, given
from hypothesis import strategies as st

from concord.performance.rules import (
    Direction,
    Polarity,
    RagStatus,
    Tolerance,
    compare_values,
    forecast,
    linear_trajectory,
    parse_period,
    quintiles,
    rag_status,
    rank_areas,
    share_of_gap_closed,
    summarise_rag,
    suppress_small_number,
)
from concord.performance.rules.periods import Period, PeriodKind

values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
tolerances = st.one_of(
    st.none(),
    st.builds(Tolerance.percent, st.floats(min_value=0, max_value=50)),
    st.builds(Tolerance.points, st.floats(min_value=0, max_value=50)),
)
directional = st.sampled_from([Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER])
rank_of = {RagStatus.RED: 0, RagStatus.AMBER: 1, RagStatus.GREEN: 2}


@given(a=values, b=values, target=values, polarity=directional, tolerance=tolerances)
def test_rag_is_monotonic_in_the_value(a, b, target, polarity, tolerance):
    worse, better = sorted([a, b])
    if polarity is Polarity.LOWER_IS_BETTER:
        worse, better = better, worse
    s_worse = rag_status(worse, target, polarity, tolerance).status
    s_better = rag_status(better, target, polarity, tolerance).status
    assert rank_of[s_worse] <= rank_of[s_better]


@given(value=values, target=values, polarity=directional, small=tolerances)
def test_a_wider_tolerance_never_makes_a_status_worse(value, target, polarity, small):
    assume(small is not None)
    wider = Tolerance(small.amount * 2 + 1, small.kind)
    assert (
        rank_of[rag_status(value, target, polarity, small).status]
        <= rank_of[rag_status(value, target, polarity, wider).status]
    )


@given(target=values, polarity=st.sampled_from(list(Polarity)), tolerance=tolerances)
def test_missing_data_is_never_red(target, polarity, tolerance):
    assert rag_status(None, target, polarity, tolerance).status is RagStatus.NO_DATA


@given(current=values, earlier=values, tolerance=tolerances)
def test_swapping_polarity_swaps_improving_and_worsening(current, earlier, tolerance):
    up = compare_values(current, earlier, Polarity.HIGHER_IS_BETTER, tolerance)
    down = compare_values(current, earlier, Polarity.LOWER_IS_BETTER, tolerance)
    swap = {
        Direction.IMPROVING: Direction.WORSENING,
        Direction.WORSENING: Direction.IMPROVING,
        Direction.NO_CHANGE: Direction.NO_CHANGE,
    }
    assert swap[up] is down


area_values = st.dictionaries(
    st.text(alphabet="ABCDEFGHJK", min_size=1, max_size=4),
    st.one_of(st.none(), st.integers(min_value=0, max_value=50).map(float)),
    min_size=1,
    max_size=30,
)


@given(data=area_values, polarity=directional, seed=st.randoms())
def test_ranks_do_not_depend_on_the_order_areas_are_listed(data, polarity, seed):
    items = list(data.items())
    seed.shuffle(items)
    assert rank_areas(dict(items), polarity) == rank_areas(data, polarity)


@given(data=area_values, polarity=directional)
def test_ranks_order_areas_from_best_to_worst(data, polarity):
    ranks = rank_areas(data, polarity)
    ranked = [(r, data[a]) for a, r in ranks.items() if r is not None]
    for r1, v1 in ranked:
        for r2, v2 in ranked:
            if v1 == v2:
                assert r1 == r2
            elif (v1 > v2) == (polarity is Polarity.HIGHER_IS_BETTER):
                assert r1 < r2


@given(data=area_values, polarity=directional)
def test_ranks_run_from_1_with_gaps_only_after_ties(data, polarity):
    ranks = sorted(r for r in rank_areas(data, polarity).values() if r is not None)
    for position, r in enumerate(ranks, start=1):
        # a rank is the position of the first of its tied group
        assert r == ranks.index(r) + 1
        assert r <= position


@given(data=area_values, polarity=directional)
def test_quintiles_are_1_to_5_and_follow_the_ranks(data, polarity):
    ranks = rank_areas(data, polarity)
    q = quintiles(data, polarity)
    for a in data:
        assert (q[a] is None) == (ranks[a] is None)
    ranked = [(ranks[a], q[a]) for a in data if ranks[a] is not None]
    for r1, q1 in ranked:
        assert 1 <= q1 <= 5
        for r2, q2 in ranked:
            if r1 < r2:
                assert q1 <= q2


@given(count=st.integers(min_value=0, max_value=10_000))
def test_no_count_from_1_to_4_is_ever_shown(count):
    shown = suppress_small_number(count)
    assert shown.suppressed == (1 <= count <= 4)
    assert shown.value is None or not 1 <= shown.value <= 4


@given(statuses=st.lists(st.sampled_from(list(RagStatus)), max_size=60))
def test_the_summary_accounts_for_every_indicator(statuses):
    s = summarise_rag(statuses)
    assert s.total == len(statuses)
    assert s.denominator == s.green + s.amber + s.red
    if s.denominator:
        assert 0.0 <= s.percent_achieving <= 100.0
    else:
        assert s.percent_achieving is None


@given(baseline=values, target=values)
def test_the_gap_closed_is_0_at_the_baseline_and_1_at_the_target(baseline, target):
    assume(abs(target - baseline) > 1e-6 * max(1.0, abs(target), abs(baseline)))
    assert share_of_gap_closed(baseline, baseline, target) == 0.0
    assert math.isclose(share_of_gap_closed(baseline, target, target), 1.0)


@given(
    base=values,
    target=values,
    span=st.integers(min_value=1, max_value=40),
    step=st.integers(min_value=0, max_value=40),
)
def test_a_trajectory_stays_between_baseline_and_target(base, target, span, step):
    t = linear_trajectory(base, 0, target, span, step)
    low, high = sorted([base, target])
    assert low - 1e-6 <= t <= high + 1e-6


@given(
    slope=st.floats(min_value=-100, max_value=100),
    intercept=st.floats(min_value=-1000, max_value=1000),
    n=st.integers(min_value=2, max_value=12),
    ahead=st.integers(min_value=1, max_value=8),
)
def test_a_forecast_of_a_straight_line_continues_it(slope, intercept, n, ahead):
    series = [intercept + slope * i for i in range(n)]
    f = forecast(series, ahead=ahead, last_n=n)
    expected = intercept + slope * (n - 1 + ahead)
    assert math.isclose(f.projected, expected, rel_tol=1e-6, abs_tol=1e-6)


periods = st.one_of(
    st.builds(Period, st.just(PeriodKind.MONTH), st.integers(1990, 2040), st.integers(1, 12)),
    st.builds(Period, st.just(PeriodKind.QUARTER), st.integers(1990, 2040), st.integers(1, 4)),
    st.builds(Period, st.just(PeriodKind.YEAR), st.integers(1990, 2040)),
    st.builds(Period, st.just(PeriodKind.FINANCIAL_YEAR), st.integers(1990, 2040)),
)


@given(p=periods)
def test_a_period_code_round_trips_and_steps_are_inverse(p):
    assert parse_period(str(p)) == p
    assert p.next().previous() == p
    assert p.year_earlier().start.replace(year=p.start.year) == p.start
    assert p.previous() < p < p.next()


@given(a=periods, b=periods)
def test_period_order_follows_start_dates(a, b):
    if a.start < b.start:
        assert a < b
