"""The demo's population groups (equality breakdowns) and Harrowby's figures by group.

Five dimensions the partnership reports equality by, with their groups; and,
for each indicator that is a rate or a percentage, the town's two latest
figures by group: stable differences between groups that narrow a little,
so the indicator page has gaps to show and a trend to judge.
"""

from __future__ import annotations

import random
from collections import defaultdict

from concord.performance.models import Dimension, Group, Indicator, Observation

# (name, code, [(group, code)], reference group or "")
DIMENSIONS: list[tuple[str, str, list[tuple[str, str]], str]] = [
    ("Sex", "sex", [("Female", "female"), ("Male", "male")], ""),
    (
        "Age band",
        "age",
        [("16-24", "16-24"), ("25-44", "25-44"), ("45-64", "45-64"), ("65 and over", "65-plus")],
        "",
    ),
    (
        "Ethnic group",
        "ethnicity",
        [("White", "white"), ("Mixed", "mixed"), ("Asian", "asian"), ("Black", "black")],
        "White",
    ),
    (
        "Disability",
        "disability",
        [("Disabled", "disabled"), ("Not disabled", "not-disabled")],
        "Not disabled",
    ),
    (
        "Deprivation quintile",
        "imd",
        [
            ("1 (most deprived)", "q1"),
            ("2", "q2"),
            ("3", "q3"),
            ("4", "q4"),
            ("5 (least deprived)", "q5"),
        ],
        "",
    ),
]


def load_demo_groups() -> list[Group]:
    """The five dimensions and their groups (kept if they exist already)."""
    out: list[Group] = []
    for order, (name, code, groups, reference) in enumerate(DIMENSIONS, 1):
        dimension, _ = Dimension.objects.get_or_create(
            code=code, defaults={"name": name, "order": order}
        )
        for g_order, (g_name, g_code) in enumerate(groups, 1):
            group, _ = Group.objects.get_or_create(
                dimension=dimension, code=g_code, defaults={"name": g_name, "order": g_order}
            )
            out.append(group)
            if g_name == reference and dimension.reference_group_id is None:
                dimension.reference_group = group
                dimension.save()
    return out


def group_figures(
    rng: random.Random, town_figures: list[Observation], indicators: list[Indicator]
) -> list[Observation]:
    """The town's two latest figures of each rate or percentage, by every group."""
    groups = load_demo_groups()
    by_indicator: dict[int, list[Observation]] = defaultdict(list)
    for obs in town_figures:
        by_indicator[obs.indicator.pk].append(obs)
    out: list[Observation] = []
    for ind in indicators:
        if ind.unit == "count" or ind.cumulative or ind.polarity == "no_judgement":
            continue
        for group in groups:
            offset = rng.uniform(-0.25, 0.25)
            for step, obs in enumerate(by_indicator[ind.pk][-2:]):
                shrink = 1.0 - 0.15 * step  # the gaps narrow a little
                out.append(
                    Observation(
                        indicator=ind,
                        area=obs.area,
                        period_id=obs.period_id,
                        group=group,
                        value=round(max(obs.value * (1 + offset * shrink), 0.0), 1),
                        status=obs.status,
                    )
                )
    return out
