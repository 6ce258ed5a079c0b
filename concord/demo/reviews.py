"""Harrowby's reviewing registers for the demo: recommendations from scrutiny and audit
with "what has happened" updates, two strategies at different steps, and last year's and
this year's board self-assessment answered by its members. Every name and text is invented.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from concord.governance.models import Body, Membership
from concord.performance.models import Indicator
from concord.registers.assessment import build_questionnaire, record_answers
from concord.registers.models import (
    Recommendation,
    RecommendationUpdate,
    SelfAssessment,
    Strategy,
)
from concord.registers.strategies import take_step

Ago = Callable[[int], dt.date]


def demo_recommendations(board: Body, safer: Body, ago: Ago) -> int:
    rows = [
        (
            board,
            "1",
            "The partnership should publish a plain English summary of its plan.",
            "Agreed. The secretariat will draft one for the board.",
            [(300, "A draft summary went to the board.", "in_progress")],
        ),
        (
            board,
            "2",
            "Partners should share anonymised incident data every month.",
            "Agreed in principle, subject to the information sharing agreement.",
            [],
        ),
        (
            safer,
            "3",
            "The theme group should report its indicators to scrutiny twice a year.",
            "Agreed from the next municipal year.",
            [
                (250, "Indicators reported to the September committee.", "in_progress"),
                (40, "Reported again in March; now a standing item.", "implemented"),
            ],
        ),
    ]
    for body, ref, text, response, updates in rows:
        rec = Recommendation.objects.create(
            body=body,
            is_public=True,
            source="scrutiny",
            source_name="Harrowby Community Safety Scrutiny Committee",
            made_on=ago(400),
            reference=ref,
            text=text,
            response=response,
        )
        for days, note, status in updates:
            RecommendationUpdate.objects.create(
                recommendation=rec, date=ago(days), note=note, status_after=status
            )
            rec.status = status
        rec.save()
    return len(rows)


def demo_strategies(board: Body, health: Body, ago: Ago, today: dt.date) -> int:
    plan = Strategy.objects.create(
        body=board,
        is_public=True,
        title="Harrowby Community Safety Strategy",
        start_year=today.year - 1,
        end_year=today.year + 2,
        summary="An invented three-year strategy for the demonstration.",
        priorities="Reduce violent crime\nTackle anti-social behaviour\nSupport victims",
        documents="https://example.org/harrowby/community-safety-strategy",
        drafted_on=ago(500),
        review_date=today + dt.timedelta(days=20),
    )
    plan.indicators.set(Indicator.objects.filter(body=board).order_by("code")[:3])
    for status, days in (("consultation", 450), ("approved", 400), ("published", 380)):
        take_step(plan, status, ago(days), plan.version)
    Strategy.objects.create(
        body=health,
        is_public=True,
        title="Harrowby Health and Wellbeing Strategy",
        start_year=today.year,
        end_year=today.year + 10,
        priorities="Healthy weight\nMental wellbeing",
        drafted_on=ago(60),
    )
    # The overarching plan, whose priorities are the indicators' themes: the facts
    # portal's pages (an indicator is under the priority its theme names).
    themes = [
        "Safer communities",
        "Children and young people",
        "Health and wellbeing",
        "Economy and skills",
        "Environment",
        "Stronger communities",
    ]
    community = Strategy.objects.create(
        body=board,
        is_public=True,
        title="Harrowby Sustainable Community Strategy",
        start_year=today.year - 2,
        end_year=today.year + 8,
        summary="An invented ten-year plan for the place: what the partners do together.",
        priorities="\n".join(themes),
        drafted_on=ago(800),
        review_date=today + dt.timedelta(days=300),
    )
    community.indicators.set(Indicator.objects.filter(theme__in=themes))
    for status, days in (("consultation", 780), ("approved", 760), ("published", 740)):
        take_step(community, status, ago(days), community.version)
    return 3


def demo_self_assessment(board: Body, today: dt.date) -> int:
    members = list(
        Membership.objects.current(today).filter(body=board).values_list("person_id", flat=True)
    )[:6]
    made = 0
    for year, base in ((today.year - 1, 3), (today.year, 4)):
        assessment = SelfAssessment.objects.create(
            body=board, year=year, is_public=True, opened_on=dt.date(year, 1, 15)
        )
        build_questionnaire(assessment)
        items = list(assessment.items.all())
        for n, person_id in enumerate(members):
            scores = {i.pk: max(1, min(5, base + (i.pk + n) % 3 - 1)) for i in items}
            record_answers(assessment, person_id, scores, {})
        made += 1
    return made
