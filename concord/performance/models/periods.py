"""Reporting periods: months, quarters, years and financial years."""

from __future__ import annotations

from django.db import models

from concord.performance import rules


class PeriodKindChoice(models.TextChoices):
    MONTH = "month", "Month"
    QUARTER = "quarter", "Quarter"
    YEAR = "year", "Calendar year"
    FINANCIAL_YEAR = "financial_year", "Financial year"


class PeriodQuerySet(models.QuerySet["Period"]):
    def for_code(self, code: str | rules.Period) -> Period:
        """The stored period for a code such as ``2009-Q2`` or ``2009/10``, created if new.

        Raises ``ValueError`` for a code that is not a period.
        """
        p = rules.parse_period(code)
        period = self.filter(code=str(p)).first()
        if period is None:
            period, _ = self.get_or_create(code=str(p), defaults=Period.fields_for(p))
        return period


class Period(models.Model):
    """A reporting period: month, calendar quarter, calendar year or financial year.

    Stored once per code (``2009-04``, ``2009-Q2``, ``2009``, ``2009/10``) and
    ordered by start and end date. ``ordinal`` counts periods of one kind, so
    "the four quarters before" is a range query.
    """

    code = models.CharField(max_length=10, unique=True)
    kind = models.CharField(max_length=20, choices=PeriodKindChoice.choices)
    year = models.PositiveSmallIntegerField()
    number = models.PositiveSmallIntegerField(default=1)
    ordinal = models.IntegerField()
    start = models.DateField()
    end = models.DateField()

    objects = PeriodQuerySet.as_manager()

    class Meta:
        ordering = ["start", "end", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "ordinal"], name="unique_period_kind_ordinal")
        ]

    def __str__(self) -> str:
        return self.label

    @staticmethod
    def fields_for(p: rules.Period) -> dict[str, object]:
        """Column values for a rules period (without ``code``)."""
        return {
            "kind": p.kind.value,
            "year": p.year,
            "number": p.number,
            "ordinal": p.ordinal,
            "start": p.start,
            "end": p.end,
        }

    @classmethod
    def build(cls, code: str | rules.Period) -> Period:
        """An unsaved Period for a code (``ValueError`` if it is not one)."""
        p = rules.parse_period(code)
        return cls(code=str(p), **cls.fields_for(p))

    @property
    def rule_period(self) -> rules.Period:
        """The same period as the rules understand it."""
        return rules.Period(rules.PeriodKind(self.kind), self.year, self.number)

    @property
    def label(self) -> str:
        """``Apr 2009``, ``Q2 2009``, ``2009``, ``2009/10``."""
        return self.rule_period.label()
