"""The partnership's annual report: what is typed (an introduction, case studies) for a
financial year; everything else in the report is read from the registers, meetings and
indicators when it is shown (``concord.registers.annual``)."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from concord.lib.locking import Versioned

FIRST_YEAR = 1990
LAST_YEAR = 2200


def year_label(year: int) -> str:
    """The financial year starting in April of ``year``, as partnerships write it.

    >>> year_label(2009), year_label(1999)
    ('2009/10', '1999/00')
    """
    return f"{year}/{(year + 1) % 100:02d}"


class AnnualReport(Versioned):
    """The typed parts of one financial year's report, and whether it is published.

    The public reads a year's report only once the secretariat has published it, and
    then only what is public (``concord.registers.annual.sections``).
    """

    year = models.PositiveSmallIntegerField(
        unique=True,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)],
        help_text="The financial year starting in April of this year (2009 for 2009/10).",
    )
    introduction = models.TextField(
        blank=True, help_text="Opens the report. Blank lines separate paragraphs."
    )
    published = models.BooleanField(
        default=False, help_text="Once ticked, the public may read the report (public data only)."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"Annual report {year_label(self.year)}"


class CaseStudy(Versioned):
    """A story told in the report: what the partnership did, for whom, with what result."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="case_studies")
    position = models.PositiveSmallIntegerField(
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(99)],
        help_text="Case studies are shown in this order, 1 first.",
    )
    title = models.CharField(max_length=200)
    text = models.TextField(help_text="Blank lines separate paragraphs.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]
        verbose_name_plural = "case studies"

    def __str__(self) -> str:
        return self.title
