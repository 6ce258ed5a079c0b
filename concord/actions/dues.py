"""Due dates as the papers write them: a day ("30/09/2008") or only a month ("Sept 08")."""

from __future__ import annotations

import calendar
import datetime as dt
import re

MONTHS = {
    name: number
    for number in range(1, 13)
    for name in {
        calendar.month_name[number].lower(),
        calendar.month_abbr[number].lower(),
    }
}
MONTHS["sept"] = 9

_DAY_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%d-%m-%Y")


def end_of_month(year: int, month: int) -> dt.date:
    """The last day of a month.

    >>> end_of_month(2008, 2)
    datetime.date(2008, 2, 29)
    """
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def parse_due(text: str) -> tuple[dt.date, str] | None:
    """Read a due date typed by a person; return ``(date, precision)`` or ``None``.

    A month-only date is stored as the month's last day with precision
    ``"month"``, so that it is overdue only once the month is over.

    >>> parse_due("30/09/2008")
    (datetime.date(2008, 9, 30), 'day')
    >>> parse_due("Sept 08")
    (datetime.date(2008, 9, 30), 'month')
    >>> parse_due("2008-09")
    (datetime.date(2008, 9, 30), 'month')
    >>> parse_due("soon") is None
    True
    """
    value = " ".join(text.strip().split())
    if not value:
        return None
    for fmt in _DAY_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date(), "day"
        except ValueError:
            continue
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", value)
    if match and 1 <= int(match[2]) <= 12:
        return end_of_month(int(match[1]), int(match[2])), "month"
    match = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{2}|\d{4})", value)
    if match and match[2].lower() in MONTHS:
        try:
            day = dt.date(_year(match[3]), MONTHS[match[2].lower()], int(match[1]))
        except ValueError:
            return None
        return day, "day"
    match = re.fullmatch(r"([A-Za-z]+)\.?\s*'?(\d{2}|\d{4})", value)
    if match and match[1].lower() in MONTHS:
        return end_of_month(_year(match[2]), MONTHS[match[1].lower()]), "month"
    return None
