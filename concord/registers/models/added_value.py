"""The added-value register: what the partnership achieved that its partners alone would not."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from concord.actions.models import Action
from concord.meetings.models import Decision, Meeting
from concord.people.models import Organisation
from concord.registers.models.base import EntryQuerySet, RegisterEntry, money_field


class Category(models.TextChoices):
    """The ten kinds of added value the partnership reports on each year."""

    STRATEGIES = "strategies", "Strategic assessments and strategies"
    FUNDING = "funding", "Funding secured and savings"
    EVENTS = "events", "Events organised"
    PUBLICITY = "publicity", "Publicity"
    TRAINING = "training", "Joint training commissioned"
    PROJECTS = "projects", "Projects initiated"
    OUTCOMES = "outcomes", "Improved outcomes"
    LINKAGES = "linkages", "Improved linkages"
    SUB_REGIONAL = "sub_regional", "Sub-regional working"
    INDICATORS = "indicators", "% of indicators achieving targets"


class AddedValueQuerySet(EntryQuerySet):
    def from_meeting(self, meeting: Meeting) -> AddedValueQuerySet:
        """Entries that came from a meeting: from it, one of its decisions or one of its actions."""
        return self.filter(
            models.Q(meeting=meeting)
            | models.Q(decision__item__meeting=meeting)
            | models.Q(action__item__meeting=meeting)
        )


class AddedValue(RegisterEntry):
    """One piece of added value, with the partners involved and where it came from."""

    category = models.CharField(max_length=20, choices=Category.choices)
    date = models.DateField()
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    partners = models.ManyToManyField(
        Organisation, blank=True, related_name="added_value", verbose_name="partners involved"
    )
    money_value = money_field(
        "money value (£)", null=True, blank=True, help_text="Where there is one, in pounds."
    )
    evidence = models.TextField(
        blank=True, help_text="Links to the evidence (reports, papers, pages), one per line."
    )
    meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="added_value_entries",
    )
    decision = models.ForeignKey(
        Decision,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="added_value_entries",
    )
    action = models.ForeignKey(
        Action,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="added_value_entries",
    )
    history = HistoricalRecords(m2m_fields=[partners])

    objects = AddedValueQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = "added value entry"
        verbose_name_plural = "added value"
        indexes = [models.Index(fields=["category", "date"]), models.Index(fields=["date"])]

    def __str__(self) -> str:
        return self.title

    @property
    def evidence_links(self) -> list[str]:
        return [line.strip() for line in self.evidence.splitlines() if line.strip()]
