"""Self-assessment: each year a body's members score how well it works, against questions
in four sections drawn from its terms of reference; the secretariat keeps the question bank."""

from __future__ import annotations

import datetime as dt

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Coalesce
from simple_history.models import HistoricalRecords

from concord.actions.models import Action
from concord.governance.models import TermsOfReference
from concord.lib.locking import Versioned
from concord.people.models import Person
from concord.registers.models.base import EntryQuerySet, RegisterEntry

SCORES = [MinValueValidator(1), MaxValueValidator(5)]


class Section(models.TextChoices):
    OBJECTIVES = "objectives", "Objectives"
    MEMBERSHIP = "membership", "Membership"
    OUTCOMES = "outcomes", "Outcomes"
    WAYS_OF_WORKING = "ways_of_working", "Ways of working"


class AssessmentQuestion(Versioned):
    """A question of the bank every body's questionnaire is built from (the secretariat's)."""

    section = models.CharField(max_length=20, choices=Section.choices)
    text = models.CharField("question", max_length=300)
    order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(
        "in use", default=True, help_text="Untick to leave it out of new questionnaires."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["section", "order", "id"]

    def __str__(self) -> str:
        return self.text


class SelfAssessmentQuerySet(EntryQuerySet):
    def with_scores(self) -> SelfAssessmentQuerySet:
        """Each annotated with ``respondents`` (members who answered) and ``overall`` (the
        mean of every answer, None before any), as correlated subqueries: the database
        works them out only for the rows it returns (a page of the list), and a count of
        the list leaves them out, instead of joining and grouping every answer of every
        questionnaire."""
        answers = AssessmentAnswer.objects.filter(item__assessment=models.OuterRef("pk"))
        per = answers.order_by().values("item__assessment")
        annotated: SelfAssessmentQuerySet = self.annotate(
            respondents=Coalesce(
                models.Subquery(per.annotate(n=models.Count("person", distinct=True)).values("n")),
                0,
            ),
            overall=models.Subquery(per.annotate(mean=models.Avg("score")).values("mean")),
        )
        return annotated


class SelfAssessment(RegisterEntry):
    """A body's questionnaire for one year, answered once by each of its members."""

    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    opened_on = models.DateField("opened on", default=dt.date.today)
    terms = models.ForeignKey(
        TermsOfReference,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The terms of reference the questionnaire was built from.",
    )
    improvement_actions = models.ManyToManyField(
        Action, blank=True, related_name="self_assessments", verbose_name="improvement actions"
    )
    history = HistoricalRecords(m2m_fields=[improvement_actions])

    objects = SelfAssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "body__name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["body", "year"], name="one_self_assessment_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.body} self-assessment {self.year}"


class AssessmentItem(models.Model):
    """A question as asked in one questionnaire (kept, so a later edit of the bank does not
    change what was answered)."""

    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="items")
    question = models.ForeignKey(
        AssessmentQuestion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    section = models.CharField(max_length=20, choices=Section.choices)
    text = models.CharField(max_length=600)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["assessment", "section", "order", "id"]

    def __str__(self) -> str:
        return self.text


class AssessmentAnswer(models.Model):
    """One member's score for one question (1 poor to 5 excellent)."""

    item = models.ForeignKey(AssessmentItem, on_delete=models.CASCADE, related_name="answers")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(validators=SCORES)
    comment = models.TextField(blank=True)
    answered_on = models.DateField(default=dt.date.today)
    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "id"]
        constraints = [
            models.UniqueConstraint(fields=["item", "person"], name="one_answer_per_member"),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="answer_score_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.score}"
