"""Figures kept as read and made into points on demand (issue 16's 100 ms goal): what
``Figures`` hands out is what ``point()`` makes of each observation, and the rules'
shortcuts for the dashboard give the answers of the ordinary calls."""

from __future__ import annotations

import pickle

import pytest

from concord.performance import rules
from concord.performance.figures import Figures, point
from concord.performance.models import Observation
from concord.performance.periods import PeriodCache
from concord.performance.status import judge
from tests.performance.perf_factories import make_indicator, observe, small_world

pytestmark = pytest.mark.django_db
QUARTERS = [f"{y}-Q{q}" for y in (2008, 2009) for q in (1, 2, 3, 4)]


@pytest.fixture
def world():
    w = small_world()
    counted = make_indicator(code="FD 1", unit="count", suppress_small_counts=True)
    rate = make_indicator(code="FD 2", unit="percent")
    for i, q in enumerate(QUARTERS):
        observe(counted, w["la"], q, 2 if i % 2 else 30 + i, numerator=2 if i % 2 else None)
        if i != 3:  # a gap
            observe(rate, w["la"], q, 40.5 - i, ci_low=39 - i, ci_high=42 - i)
        observe(rate, w["region"], q, 38.0, ci_low=37.0 if i % 2 else None, ci_high=39.0)
    w["inds"] = [counted, rate]
    return w


def _figures(world) -> Figures:
    return Figures(world["inds"], [world["la"].pk, world["region"].pk], PeriodCache())


def test_every_point_is_the_one_point_makes_of_its_observation(world):
    figures = _figures(world)
    by_pk = {ind.pk: ind for ind in world["inds"]}
    for ob in Observation.objects.all():
        p = rules.parse_period(ob.period.code)
        expected = point(
            by_pk[ob.indicator_id],
            ob.value,
            ob.numerator,
            ob.denominator,
            ob.ci_low,
            ob.ci_high,
            ob.status,
            ob.pk,
        )
        series = figures.series(ob.indicator_id, ob.area_id)
        assert series[p] == expected
        assert repr(series[p]) == repr(expected)
        assert figures.point_at(ob.indicator_id, ob.area_id, p) == expected
        assert figures.values(ob.indicator_id, ob.area_id)[p] == ob.value
        assert figures.interval_at(ob.indicator_id, ob.area_id, p) == expected.ci
    # Small counts are marked as point() marks them.
    counted = world["inds"][0]
    assert {pt.small_count for pt in figures.series(counted.pk, world["la"].pk).values()} == {
        True,
        False,
    }


def test_what_is_not_there_is_none_or_empty(world):
    figures = _figures(world)
    rate, la, nation = world["inds"][1], world["la"], world["nation"]
    gap = rules.parse_period(QUARTERS[3])
    assert figures.point_at(rate.pk, la.pk, gap) is None
    assert figures.interval_at(rate.pk, la.pk, gap) is None
    assert figures.series(rate.pk, nation.pk) == {}
    assert figures.values(rate.pk, nation.pk) == {}
    # A comparator figure without its lower limit has no interval.
    assert figures.interval_at(rate.pk, world["region"].pk, rules.parse_period("2008-Q1")) is None


def test_a_status_judged_from_kept_figures_is_as_one_judged_from_points(world):
    figures = _figures(world)
    q = rules.parse_period(QUARTERS[-1])
    for ind in world["inds"]:
        status = judge(ind, world["la"], q, figures, world["region"])
        series = figures.series(ind.pk, world["la"].pk)
        travel = rules.direction_of_travel(
            {str(p): pt.value for p, pt in series.items()},
            str(q),
            ind.rule_polarity,
            ind.tolerance,
            seasonal=ind.seasonal,
            intervals={str(p): pt.ci for p, pt in series.items() if pt.ci is not None},
        )
        assert status.travel == travel
        assert status.point == series.get(q)
        assert status.comparator_point == figures.series(ind.pk, world["region"].pk).get(q)
        assert status.distance is None and status.withheld is False


def test_a_period_hashes_as_its_equal_and_keeps_its_place_when_pickled():
    q = rules.parse_period("2024-Q3")
    same = rules.Period(rules.PeriodKind.QUARTER, 2024, 3)
    assert q == same and hash(q) == hash(same)
    assert {q: 1}[pickle.loads(pickle.dumps(same))] == 1  # noqa: S301 - our own bytes
    # A period pickled before its hash was kept works it out when first asked.
    old = rules.parse_period("2024-Q3")
    del old.__dict__["_hash"]
    assert hash(old) == hash(q) and {q: 1}[old] == 1
    kinds = [rules.parse_period(code) for code in ("2024-03", "2024-Q1", "2024", "2024/25")]
    assert len({hash(p) for p in kinds}) == 4


def test_travel_of_period_is_direction_of_travel_for_periods():
    s = {"2009-Q1": 40.0, "2009-Q2": 39.0, "2009-Q3": 41.0, "2009-Q4": 40.0, "2010-Q1": 35.0}
    cis = {"2009-Q4": (38.0, 42.0), "2010-Q1": (33.0, 37.0)}
    by_period = {rules.parse_period(k): v for k, v in s.items()}
    ci_by_period = {rules.parse_period(k): v for k, v in cis.items()}
    for polarity in ("lower_is_better", rules.Polarity.HIGHER_IS_BETTER):
        assert rules.travel_of_period(
            by_period, rules.parse_period("2010-Q1"), polarity, intervals=ci_by_period
        ) == rules.direction_of_travel(s, "2010-Q1", polarity, intervals=cis)
