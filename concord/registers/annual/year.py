"""Which financial year a report is for, and whom it is for.

Partnerships report by the financial year, April to March: their partners'
budgets, funders' awards and the indicators' "% achieving target"
(``concord.performance.achievement``) all run by it, so the report does too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from concord.lib.access import Viewer
from concord.registers.models import AnnualReport, year_label
from concord.registers.models.annual import FIRST_YEAR, LAST_YEAR


def year_of(day: dt.date) -> int:
    """The financial year holding ``day``, by the year it starts in.

    >>> year_of(dt.date(2010, 3, 31)), year_of(dt.date(2010, 4, 1))
    (2009, 2010)
    """
    return day.year if day.month >= 4 else day.year - 1


def default_year(today: dt.date | None = None) -> int:
    """The year a report page opens on: the last financial year that is over.

    >>> default_year(dt.date(2010, 5, 1)), default_year(dt.date(2011, 3, 1))
    (2009, 2009)
    """
    return year_of(today or timezone.localdate()) - 1


def parse_year(text: str | None) -> int | None:
    """A year typed as ``2009``, ``2009/10`` or ``2009-10``, from 1990 to 2200; else None.

    >>> [parse_year(t) for t in ("2009", "2009/10", "2009-10", "2009/11", "x", "1800", None)]
    [2009, 2009, 2009, None, None, None, None]
    """
    text = (text or "").strip()[:9]
    head, sep, tail = text.replace("-", "/").partition("/")
    if not head.isdigit() or len(head) != 4:
        return None
    year = int(head)
    if sep and tail not in (f"{(year + 1) % 100:02d}", str(year + 1)):
        return None
    return year if FIRST_YEAR <= year <= LAST_YEAR else None


@dataclass(frozen=True)
class ReportYear:
    """One financial year's report as one reader sees it."""

    year: int
    viewer: Viewer
    report: AnnualReport | None  # the typed parts, if the secretariat has begun them
    today: dt.date

    @property
    def label(self) -> str:
        return year_label(self.year)

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 4, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year + 1, 3, 31)

    @property
    def is_over(self) -> bool:
        return self.end < self.today

    @property
    def published(self) -> bool:
        return self.report is not None and self.report.published

    @property
    def public_only(self) -> bool:
        """The public's version: only what is public, and only once published."""
        return not self.viewer.is_authenticated
