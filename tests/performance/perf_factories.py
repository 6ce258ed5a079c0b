"""Factory functions for performance tests: invented indicators, areas and figures."""

from __future__ import annotations

import itertools
from typing import Any

from concord.performance.models import Area, Indicator, Observation, Period, Target

_seq = itertools.count(1)


def csv_bytes(*lines: str) -> bytes:
    """A CSV file's bytes from its lines, each ended by a newline."""
    return ("\n".join(lines) + "\n").encode()


def make_area(**kwargs: Any) -> Area:
    n = next(_seq)
    kwargs.setdefault("code", f"X{n:08d}")
    kwargs.setdefault("name", f"Area {n}")
    kwargs.setdefault("level", "local_authority")
    return Area.objects.create(**kwargs)


def make_indicator(**kwargs: Any) -> Indicator:
    n = next(_seq)
    kwargs.setdefault("code", f"T {n}")
    kwargs.setdefault("title", f"Test indicator {n}")
    kwargs.setdefault("frequency", "quarterly")
    kwargs.setdefault("polarity", "lower_is_better")
    return Indicator.objects.create(**kwargs)


def period(code: str) -> Period:
    return Period.objects.for_code(code)


def observe(
    indicator: Indicator, area: Area, code: str, value: float, **kwargs: Any
) -> Observation:
    return Observation.objects.create(
        indicator=indicator, area=area, period=period(code), value=value, **kwargs
    )


def set_target(indicator: Indicator, area: Area, code: str, value: float, **kwargs: Any) -> Target:
    if isinstance(kwargs.get("baseline_period"), str):
        kwargs["baseline_period"] = period(kwargs["baseline_period"])
    return Target.objects.create(
        indicator=indicator, area=area, period=period(code), value=value, **kwargs
    )


def small_world() -> dict[str, Any]:
    """A nation, a region, a local authority with five wards."""
    nation = make_area(code="N0000001", name="Testland", level="nation")
    region = make_area(code="R0000001", name="Middle Region", level="region", parent=nation)
    la = make_area(code="L0000001", name="Testborough", level="local_authority", parent=region)
    wards = [
        make_area(code=f"W000000{i}", name=f"Ward {i}", level="ward", parent=la)
        for i in range(1, 6)
    ]
    return {"nation": nation, "region": region, "la": la, "wards": wards}
