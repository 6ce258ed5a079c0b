"""Self-assessment: building a body's questionnaire for a year, answering it once per member,
scoring it (mean per section and overall), comparing it with last year, and raising
improvement actions in the tracker."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, models, transaction

from concord.actions.models import Action
from concord.actions.services import create_action
from concord.governance.models import Body, Membership, TermsOfReference
from concord.lib.access import Viewer
from concord.registers.models import (
    AssessmentAnswer,
    AssessmentItem,
    AssessmentQuestion,
    Section,
    SelfAssessment,
)

# The bank a partnership starts with; the secretariat edits it (``AssessmentQuestion``).
STARTING_QUESTIONS: tuple[tuple[str, str], ...] = (
    (Section.OBJECTIVES, "The group's objectives are clear and understood by every member."),
    (Section.OBJECTIVES, "The group's work plan follows from its objectives."),
    (Section.MEMBERSHIP, "The right organisations are represented, at the right level."),
    (Section.MEMBERSHIP, "Members attend regularly or send a briefed substitute."),
    (Section.OUTCOMES, "The group can show what has improved because of its work."),
    (Section.OUTCOMES, "The group reviews its indicators and acts when they fall behind."),
    (Section.WAYS_OF_WORKING, "Papers arrive in time to be read before the meeting."),
    (Section.WAYS_OF_WORKING, "Actions are followed up and completed on time."),
)


def terms_in_force(body: Body) -> TermsOfReference | None:
    """The body's latest terms of reference, if it has any."""
    return TermsOfReference.objects.filter(body=body).order_by("-version").first()


def from_terms(terms: TermsOfReference | None) -> list[tuple[str, str]]:
    """The questions a body's own terms of reference add: is it doing what they say?"""
    if terms is None:
        return []
    asked: list[tuple[str, str]] = [
        (
            Section.OBJECTIVES,
            "The group is achieving the purpose its terms of reference set: "
            f"“{terms.purpose[:300]}”",
        )
    ]
    if terms.membership_rules.strip():
        asked.append(
            (
                Section.MEMBERSHIP,
                f"The membership matches its terms of reference: “{terms.membership_rules[:300]}”",
            )
        )
    return asked


def question_bank() -> Any:
    """The questions in use; the starting questions are put in the bank the first time."""
    if not AssessmentQuestion.objects.exists():
        AssessmentQuestion.objects.bulk_create(
            AssessmentQuestion(section=section, text=text, order=i)
            for i, (section, text) in enumerate(STARTING_QUESTIONS)
        )
    return AssessmentQuestion.objects.filter(is_active=True).order_by("section", "order", "id")


def build_questionnaire(assessment: SelfAssessment) -> None:
    """Give a new questionnaire its questions: those its body's terms of reference raise,
    then the bank's, in the four sections."""
    terms = terms_in_force(assessment.body)
    if terms is not None and assessment.terms_id is None:
        assessment.terms = terms
        SelfAssessment.objects.filter(pk=assessment.pk).update(terms=terms)
    items = [
        AssessmentItem(assessment=assessment, section=section, text=text, order=i)
        for i, (section, text) in enumerate(from_terms(terms))
    ]
    items += [
        AssessmentItem(
            assessment=assessment, question=q, section=q.section, text=q.text, order=100 + q.order
        )
        for q in question_bank()
    ]
    AssessmentItem.objects.bulk_create(items)


def may_answer(assessment: SelfAssessment, person_id: int | None, on: dt.date) -> bool:
    """A current member of the body who has not answered this questionnaire yet."""
    if person_id is None:
        return False
    member = Membership.objects.current(on).filter(body_id=assessment.body_id, person_id=person_id)
    answered = AssessmentAnswer.objects.filter(item__assessment=assessment, person_id=person_id)
    return member.exists() and not answered.exists()


class AlreadyAnswered(Exception):
    """This member has answered this questionnaire already (each answers once)."""


def record_answers(
    assessment: SelfAssessment, person_id: int, scores: dict[int, int], comments: dict[int, str]
) -> None:
    """Save one member's scores (item id → 1..5) all together, once."""
    try:
        with transaction.atomic():
            if AssessmentAnswer.objects.filter(
                item__assessment=assessment, person_id=person_id
            ).exists():
                raise AlreadyAnswered()
            AssessmentAnswer.objects.bulk_create(
                AssessmentAnswer(
                    item_id=item_id,
                    person_id=person_id,
                    score=score,
                    comment=comments.get(item_id, ""),
                )
                for item_id, score in scores.items()
            )
    except IntegrityError:
        raise AlreadyAnswered()


@dataclass(frozen=True)
class Score:
    label: str
    mean: float | None
    answers: int


@dataclass(frozen=True)
class Scores:
    """A questionnaire's means: per section (in the sections' order) and overall."""

    sections: list[Score]
    overall: Score
    respondents: int


def scores(assessment: SelfAssessment | None) -> Scores:
    """Mean score per section and overall (None where nobody answered). Two queries."""
    answers = AssessmentAnswer.objects.filter(item__assessment=assessment)
    by_section = {
        row["item__section"]: row
        for row in answers.values("item__section").annotate(
            mean=models.Avg("score"), n=models.Count("id")
        )
    }
    whole = answers.aggregate(
        mean=models.Avg("score"), n=models.Count("id"), people=models.Count("person", distinct=True)
    )
    return Scores(
        sections=[
            Score(
                str(label),
                _round(by_section.get(value, {}).get("mean")),
                by_section.get(value, {}).get("n", 0),
            )
            for value, label in Section.choices
        ],
        overall=Score("Overall", _round(whole["mean"]), whole["n"]),
        respondents=whole["people"] if assessment is not None else 0,
    )


def _round(mean: Any) -> float | None:
    return None if mean is None else round(float(mean), 2)


@dataclass(frozen=True)
class Compared:
    label: str
    this_year: float | None
    last_year: float | None

    @property
    def change(self) -> float | None:
        if self.this_year is None or self.last_year is None:
            return None
        return round(self.this_year - self.last_year, 2)


def compare_with_last_year(
    assessment: SelfAssessment, viewer: Viewer
) -> tuple[SelfAssessment | None, list[Compared]]:
    """Last year's questionnaire of the same body (if the viewer may see it), and each
    section's mean side by side with this year's."""
    last = (
        SelfAssessment.objects.visible_to(viewer)
        .filter(body_id=assessment.body_id, year=assessment.year - 1)
        .first()
    )
    now, before = scores(assessment), scores(last)
    pairs = zip([*now.sections, now.overall], [*before.sections, before.overall], strict=True)
    rows = [Compared(a.label, a.mean, b.mean) for a, b in pairs]
    return last, rows


def item_means(assessment: SelfAssessment) -> list[tuple[AssessmentItem, float | None, int]]:
    """Each question of the questionnaire with its mean score and number of answers."""
    items = assessment.items.annotate(mean=models.Avg("answers__score"), n=models.Count("answers"))
    return [(i, _round(i.mean), i.n) for i in items.order_by("section", "order", "id")]


def raise_improvement_action(
    assessment: SelfAssessment, description: str, due_date: dt.date | None
) -> Action:
    """An improvement the self-assessment calls for, as a tracker action of the body."""
    with transaction.atomic():
        action = create_action(body=assessment.body, description=description, due_date=due_date)
        assessment.improvement_actions.add(action)
    return action


def question_bank_all() -> Any:
    """Every question of the bank, in use or not, by section (the starting ones put in first)."""
    question_bank()
    return AssessmentQuestion.objects.order_by("section", "order", "id")
