"""The facts portal's world: the performance pages' partnership with strategies.

A published strategy of the public board whose priorities are the themes of
its indicators ("Safer streets": HS 1 and HS 3; "Safe homes": HS 2), one
priority no indicator measures yet, and, each marked with :data:`SENTINEL`,
everything the public must never see anywhere: a strategy not marked public, one of
the members-only tasking group and that group's indicator (linked to the published
strategy); and, marked with :data:`NOT_FACTS`, what is public elsewhere but has no
place on the facts pages: a public strategy still in draft and an inactive indicator.
"""

from __future__ import annotations

from types import SimpleNamespace

from concord.performance.models import Area
from tests.performance.pages_world import QUARTERS, build_perf_world
from tests.performance.perf_factories import make_area, make_indicator, observe
from tests.registers.entries import make_strategy

SENTINEL = "Zanzibar-Quokka"  # never public anywhere
NOT_FACTS = "Wombat-Marker"  # public elsewhere (the registers, the indicator's page), not here


def build_facts_world() -> SimpleNamespace:
    w = build_perf_world()
    plan = make_strategy(
        body=w.board,
        is_public=True,
        status="published",
        title="Harbourside Safety Plan",
        priorities="Safer streets\n  safe HOMES \nCleaner air",
    )
    hidden = make_indicator(
        code="SX 1",
        title=f"{NOT_FACTS} inactive indicator",
        body=w.board,
        theme="Safer streets",
        is_active=False,
    )
    observe(hidden, w.la, "2024-Q4", 5.0)
    w.secret.theme = "Safer streets"
    w.secret.title = f"{SENTINEL} tasking cohort"
    w.secret.save()
    plan.indicators.set([w.rate, w.coverage, w.late, w.secret, hidden])
    restricted = make_strategy(
        body=w.board,
        is_public=False,
        status="published",
        title=f"{SENTINEL} restricted strategy",
        priorities=f"{SENTINEL} priority",
    )
    restricted.indicators.set([w.rate])
    draft = make_strategy(
        body=w.board,
        is_public=True,
        status="draft",
        title=f"{NOT_FACTS} draft strategy",
        priorities="Safer streets",
    )
    draft.indicators.set([w.rate])
    tasking = make_strategy(
        body=w.tasking,
        is_public=True,
        status="published",
        title=f"{SENTINEL} members-only body's strategy",
        priorities="Offending",
    )
    tasking.indicators.set([w.secret])
    return SimpleNamespace(
        **vars(w), plan=plan, hidden=hidden, restricted=restricted, draft_strategy=draft
    )


def grow(w: SimpleNamespace, n: int) -> None:
    """``n`` more "Safer streets" indicators with figures everywhere, ``n`` more wards and
    ``n`` more strategies: the facts pages must not ask more of the database for them."""
    start = Area.objects.filter(level="ward").count()
    wards = [
        make_area(
            code=f"W8{start + i:06d}", name=f"Extra ward {start + i}", level="ward", parent=w.la
        )
        for i in range(n)
    ]
    for i in range(n):
        ind = make_indicator(
            code=f"GX {start + i}",
            title=f"Grown indicator {start + i}",
            body=w.board,
            theme="Safer streets",
            suppress_small_counts=True,
        )
        w.plan.indicators.add(ind)
        for q in QUARTERS[-3:]:
            observe(ind, w.la, q, 40.0 + i)
            observe(ind, w.region, q, 41.0)
        for ward in [*w.wards, *wards]:
            observe(ind, ward, "2024-Q4", 30.0 + i, numerator=2 + i)
        make_strategy(
            body=w.board,
            is_public=True,
            status="approved",
            title=f"Grown strategy {start + i}",
            priorities="Safer streets",
        ).indicators.set([ind])
