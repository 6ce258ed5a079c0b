"""What in the registers needs the secretariat's attention, grouped by body with counts.

Reviews due within 30 days or overdue (information sharing agreements, risks,
strategies); live risks above their target score; self-assessments not done
this year by bodies that had one last year or have terms of reference; open
recommendations with no update for three months. A fixed number of queries
whatever the size of the registers.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce

from concord.governance.models import Body, TermsOfReference
from concord.registers.models import (
    AgreementStatus,
    AssessmentAnswer,
    Recommendation,
    Risk,
    SelfAssessment,
    SharingAgreement,
    Strategy,
)

REVIEW_WITHIN_DAYS = 30
QUIET_MONTHS = 3


@dataclass(frozen=True)
class Due:
    """An entry whose review is due: its register's slug and label, the entry, the date."""

    slug: str
    register: str
    entry: Any
    on: dt.date


@dataclass
class BodyCounts:
    body: str
    reviews_due: int = 0
    above_target: int = 0
    assessment_due: int = 0
    quiet_recommendations: int = 0

    @property
    def total(self) -> int:
        return (
            self.reviews_due + self.above_target + self.assessment_due + self.quiet_recommendations
        )


@dataclass
class RegistersAttention:
    """The registers' part of the "needs attention" page."""

    reviews_due: list[Due]
    above_target: list[Risk]
    assessments_due: list[Body]
    quiet_recommendations: list[Recommendation]
    by_body: list[BodyCounts] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(b.total for b in self.by_body)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` earlier (the month's last day where it is shorter).

    >>> months_before(dt.date(2026, 5, 31), 3), months_before(dt.date(2026, 1, 15), 3)
    (datetime.date(2026, 2, 28), datetime.date(2025, 10, 15))
    """
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def registers_attention(today: dt.date | None = None) -> RegistersAttention:
    """Gather the registers' to-do list for the secretariat (who may see everything)."""
    today = today or dt.date.today()
    horizon = today + dt.timedelta(days=REVIEW_WITHIN_DAYS)
    reviews: list[Due] = []
    due = Q(review_date__isnull=False, review_date__lte=horizon)
    agreements = SharingAgreement.objects.exclude(status=AgreementStatus.ENDED)
    for slug, label, queryset in (
        ("sharing", "Information sharing", agreements),
        ("risks", "Risk", Risk.objects.live()),
        ("strategies", "Strategy", Strategy.objects.all()),
    ):
        for entry in queryset.filter(due).select_related("body").order_by("review_date", "id"):
            reviews.append(Due(slug, label, entry, entry.review_date))
    above = list(Risk.objects.above_target().select_related("body").order_by("-score", "id"))
    assessments = list(_assessments_due(today.year))
    quiet_since = months_before(today, QUIET_MONTHS)
    quiet = list(
        Recommendation.objects.still_open()
        .with_last_update()
        .annotate(last_heard=Coalesce("last_update_on", "made_on"))
        .filter(last_heard__lt=quiet_since)
        .select_related("body")
        .order_by("last_heard", "id")
    )
    counts: dict[str, BodyCounts] = defaultdict(lambda: BodyCounts(""))
    for name, attr, records in (
        *((d.entry.body.name, "reviews_due", [d]) for d in reviews),
        *((r.body.name, "above_target", [r]) for r in above),
        *((b.name, "assessment_due", [b]) for b in assessments),
        *((r.body.name, "quiet_recommendations", [r]) for r in quiet),
    ):
        row = counts[name]
        row.body = name
        setattr(row, attr, getattr(row, attr) + len(records))
    return RegistersAttention(
        reviews_due=sorted(reviews, key=lambda d: (d.on, d.register)),
        above_target=above,
        assessments_due=assessments,
        quiet_recommendations=quiet,
        by_body=sorted(counts.values(), key=lambda c: (-c.total, c.body)),
    )


def _assessments_due(year: int) -> Any:
    """Bodies with no answered self-assessment this year that had one last year or have
    terms of reference. One query."""
    answered_this_year = AssessmentAnswer.objects.filter(
        item__assessment__body=OuterRef("pk"), item__assessment__year=year
    )
    had_last_year = SelfAssessment.objects.filter(body=OuterRef("pk"), year=year - 1)
    has_terms = TermsOfReference.objects.filter(body=OuterRef("pk"))
    return (
        Body.objects.filter(Exists(had_last_year) | Exists(has_terms))
        .exclude(Exists(answered_this_year))
        .order_by("name")
    )
