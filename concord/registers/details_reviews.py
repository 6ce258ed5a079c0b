"""What the pages of recommendations, strategies and self-assessments show beyond their
columns, each as the viewer may see it (``views.detail`` adds it to the context)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse

from concord.actions.models import Action
from concord.governance.models import Body
from concord.lib.access import Viewer
from concord.people.models import Person
from concord.performance.models import Indicator
from concord.registers import assessment as sa
from concord.registers.details import NOT_SHOWN, Fact
from concord.registers.kinds import shown
from concord.registers.models import Recommendation, SelfAssessment, Strategy, StrategyStatus
from concord.registers.review_forms import ImprovementForm, StrategyStepForm, UpdateForm
from concord.registers.strategies import DATE_OF, next_steps


def owners(entry: Recommendation, viewer: Viewer) -> list[Fact]:
    """The recommendation's owner (person and body), named only if the viewer may see them."""
    rows = []
    if entry.owner_id:
        person = Person.objects.visible_to(viewer).filter(pk=entry.owner_id).first()
        rows.append(
            Fact("Owner (person)", person.display_name, reverse("people:person", args=[person.pk]))
            if person
            else Fact("Owner (person)", NOT_SHOWN)
        )
    if entry.owner_body_id:
        body = Body.objects.visible_to(viewer).filter(pk=entry.owner_body_id).first()
        rows.append(
            Fact("Owner (body)", body.name, reverse("portal:body", args=[body.slug]))
            if body
            else Fact("Owner (body)", NOT_SHOWN)
        )
    return rows


def strategy_steps(strategy: Strategy) -> list[Fact]:
    """The strategy's steps taken so far, in order, each with its date."""
    return [
        Fact(status.label, shown(getattr(strategy, DATE_OF[status])))
        for status in StrategyStatus
        if getattr(strategy, DATE_OF[status])
    ]


def context_for(
    entry: Any, viewer: Viewer, may_edit: bool, today: dt.date | None = None
) -> dict[str, Any]:
    """The context an entry of a reviewing register adds to its page (empty for others)."""
    today = today or dt.date.today()
    if isinstance(entry, Recommendation):
        return {
            "extra_facts": owners(entry, viewer),
            "updates": entry.updates.order_by("date", "id"),
            "update_form": UpdateForm(recommendation=entry) if may_edit else None,
        }
    if isinstance(entry, Strategy):
        return {
            "strategy_steps": strategy_steps(entry),
            "strategy_step_form": (
                StrategyStepForm(strategy=entry) if may_edit and next_steps(entry.status) else None
            ),
            "indicators": Indicator.objects.visible_to(viewer)
            .filter(strategies=entry)
            .order_by("code"),
            "strategy_files": entry.files.order_by("title", "id"),
        }
    if isinstance(entry, SelfAssessment):
        last, compared = sa.compare_with_last_year(entry, viewer)
        return {
            "scores": sa.scores(entry),
            "last_year": last,
            "compared": compared,
            "item_means": sa.item_means(entry),
            "improvements": Action.objects.visible_to(viewer)
            .filter(self_assessments=entry)
            .with_display_relations(viewer)
            .order_by("due_date", "id"),
            "may_answer": sa.may_answer(entry, viewer.person_id, today),
            "improvement_form": ImprovementForm() if may_edit else None,
        }
    return {}
