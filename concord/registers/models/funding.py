"""The funding register: bids for money and what they won; an award is added value."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from concord.people.models import Organisation
from concord.registers.models.base import EntryQuerySet, RegisterEntry, money_field


class BidStatus(models.TextChoices):
    IDEA = "idea", "Idea"
    DRAFTING = "drafting", "Drafting"
    SUBMITTED = "submitted", "Submitted"
    AWARDED = "awarded", "Awarded"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"


class FundingQuerySet(EntryQuerySet):
    def awarded(self) -> FundingQuerySet:
        """Bids that won money: what counts into added value as funding secured."""
        return self.filter(status=BidStatus.AWARDED, amount_awarded__isnull=False)


class FundingBid(RegisterEntry):
    """A bid to a funder's scheme, led by a body with partner organisations.

    Its status moves idea → drafting → submitted → awarded or declined (or
    withdrawn before a decision), each step dated (``concord.registers.funding``).
    """

    title = models.CharField(max_length=200)
    funder = models.CharField(max_length=200)
    scheme = models.CharField(max_length=200, blank=True)
    partners = models.ManyToManyField(
        Organisation, blank=True, related_name="funding_bids", verbose_name="partner organisations"
    )
    amount_asked = money_field("amount asked (£)")
    amount_awarded = money_field("amount awarded (£)", null=True, blank=True)
    award_may_exceed = models.BooleanField(
        "funder may award more than asked",
        default=False,
        help_text="Tick if this funder's rules allow an award above the amount asked.",
    )
    status = models.CharField(max_length=20, choices=BidStatus.choices, default=BidStatus.IDEA)
    idea_on = models.DateField("idea on")
    drafting_on = models.DateField("drafting from", null=True, blank=True)
    submitted_on = models.DateField(null=True, blank=True)
    decided_on = models.DateField("awarded or declined on", null=True, blank=True)
    withdrawn_on = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    history = HistoricalRecords(m2m_fields=[partners])

    objects = FundingQuerySet.as_manager()

    class Meta:
        ordering = ["-idea_on", "-id"]
        verbose_name = "funding bid"

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        """An award above the amount asked only where the funder allows it."""
        if (
            self.amount_awarded is not None
            and self.amount_asked is not None
            and self.amount_awarded > self.amount_asked
            and not self.award_may_exceed
        ):
            raise ValidationError(
                {
                    "amount_awarded": "The award is larger than the amount asked, and this "
                    "funder does not allow that: correct the amount, or tick “funder may "
                    "award more than asked”."
                }
            )
