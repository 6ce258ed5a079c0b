"""Added value in totals: the register's entries, and the funding register's awards.

An awarded bid counts as "funding secured and savings" straight from the
funding register: it is never copied into an added-value entry, so a changed
award changes the totals and nothing can drift.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Sum

from concord.lib.access import Viewer
from concord.registers.models import AddedValue, Category, FundingBid


@dataclass(frozen=True)
class CategoryTotal:
    """One category's count of entries and money value (awards included for funding)."""

    category: str
    label: str
    entries: int
    awards: int
    money: Decimal

    @property
    def count(self) -> int:
        return self.entries + self.awards


def totals(
    viewer: Viewer, since: dt.date | None = None, until: dt.date | None = None
) -> list[CategoryTotal]:
    """Every category with its count and money, as the viewer may see them (two queries).

    Entries count by their date, awards by the date they were awarded.
    """
    entries = AddedValue.objects.visible_to(viewer)
    awards = FundingBid.objects.visible_to(viewer).awarded()
    if since:
        entries = entries.filter(date__gte=since)
        awards = awards.filter(decided_on__gte=since)
    if until:
        entries = entries.filter(date__lte=until)
        awards = awards.filter(decided_on__lte=until)
    by_category = {
        row["category"]: row
        for row in entries.order_by()
        .values("category")
        .annotate(n=Count("id"), money=Sum("money_value"))
    }
    won = awards.order_by().aggregate(n=Count("id"), money=Sum("amount_awarded"))
    rows = []
    for value, label in Category.choices:
        row = by_category.get(value, {})
        money = row.get("money") or Decimal("0")
        awarded = 0
        if value == Category.FUNDING:
            awarded = won["n"] or 0
            money += won["money"] or Decimal("0")
        rows.append(CategoryTotal(value, label, row.get("n", 0), awarded, money))
    return rows
