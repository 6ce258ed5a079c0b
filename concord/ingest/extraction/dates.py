"""Dates and times as minutes write them, resolved against the meeting date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_MON = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?"
_ORD = r"(\d{1,2})\s*(?:st|nd|rd|th)?"
_YEAR = r"(\d{4}|'?\d{2})"

# "3rd March 2024", "Wednesday 3 March, 2024", "3 Mar 24"
_DIGIT = re.compile(r"\d")
_SPACED_ORDINAL = re.compile(r"(\d) (st|nd|rd|th)\b")
_RELATIVE_MONTH = re.compile(r"(?i)\b(this|next)\s+month\b")
_NEXT_MEETING = re.compile(r"\b(next|following)\s+(board\s+|group\s+|committee\s+)?meeting\b", re.I)
_MONTH_RANGE = re.compile(rf"{_MON}\s*[/\-–]\s*{_MON}", re.I)
# (A two-digit year is not the hour of a time: "Thurs 12 June, 12.30-2pm",
# nor the day of the next date in a list: "8 September, 10 November".)
_D_M_Y = re.compile(
    rf"\b(?:{_DAY}\s+)?(?:the\s+)?{_ORD}(?:\s+of)?\s+({_MON}),?\s+"
    rf"(\d{{4}}|'?\d{{2}}(?![.:]\d)(?!(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}))\b",
    re.I,
)
# "March 3rd, 2024"
_M_D_Y = re.compile(rf"\b(?:{_DAY}\s+)?({_MON})\s+{_ORD},?\s+(\d{{4}})\b", re.I)
# "03/03/2024", "3.3.24", "3-3-2024"
_NUMERIC = re.compile(r"(?<![\d/.])(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/])")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# "3rd March", "Friday 19th March" (no year)
_D_M = re.compile(rf"\b(?:{_DAY}\s+)?(?:the\s+)?{_ORD}(?:\s+of)?\s+({_MON})(?![a-z])", re.I)
_M_D = re.compile(rf"\b(?:{_DAY}\s+)?({_MON})\s+{_ORD}\b(?!\s*[:.]?\d)", re.I)
# "March 2024", "Sept 08", "Sept/Oct 08"
_M_Y = re.compile(rf"\b({_MON})(?:\s*[/\-–]\s*({_MON}))?,?\s+{_YEAR}\b", re.I)
# "12–13 March 2015", "12-13.03.2015", "10th to 12th March": a meeting over
# days is dated by its first.
_DAY_RANGE = re.compile(
    rf"(?<![\d/.\-])(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:[-–]|to)\s*(\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?=\s+(?:of\s+)?{_MON}(?![a-z])|[./]\d{{1,2}}[./]\d{{2,4}})",
    re.I,
)
_MONTH_ONLY = re.compile(
    rf"\b(?:(end|mid|middle|beginning|start)\s+(?:of\s+)?)?({_MON})(?![a-z])", re.I
)


@dataclass(frozen=True)
class Found:
    """A date found in text: ``value`` is ``YYYY-MM-DD`` or ``YYYY-MM``."""

    value: str
    start: int
    end: int

    @property
    def is_day(self) -> bool:
        return len(self.value) == 10


def _year(text: str, ref: date | None) -> int:
    text = text.lstrip("'")
    if len(text) == 4:
        return int(text)
    century = (ref.year // 100) * 100 if ref else 2000
    year = century + int(text)
    if ref and year > ref.year + 20:
        year -= 100
    return year


def _month(text: str) -> int | None:
    return MONTHS.get(text.lower().rstrip(".")[:9]) or MONTHS.get(text.lower().rstrip(".")[:3])


def _ok(y: int, m: int, d: int | None = None) -> str | None:
    try:
        if d is None:
            date(y, m, 1)
            return f"{y:04d}-{m:02d}"
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _next_occurrence(month: int, day: int | None, ref: date | None) -> str | None:
    """The first such day (or month) on or after the meeting."""
    if ref is None:
        return None
    if day is not None:
        year = ref.year if (month, day) > (ref.month, ref.day) else ref.year + 1
    else:
        year = ref.year if month >= ref.month else ref.year + 1
    return _ok(year, month, day)


def _first_day(m: re.Match[str]) -> str:
    """A range of days as its first, at the range's end (offsets kept)."""
    if int(m.group(2)) <= int(m.group(1)):
        return m.group(0)
    return m.group(1).rjust(len(m.group(0)))


def find_dates(text: str, ref: date | None = None, *, partial: bool = True) -> list[Found]:
    """Dates in ``text``, in order; without a year they are resolved after ``ref``.

    >>> [f.value for f in find_dates("Held on Friday 22nd January 2010 and 3/2/10")]
    ['2010-01-22', '2010-02-03']
    >>> [f.value for f in find_dates("Friday 19th March", date(2010, 1, 22))]
    ['2010-03-19']
    >>> [f.value for f in find_dates("Thurs 12 June, 12.30-2pm", date(2025, 6, 1))]
    ['2025-06-12']
    >>> [f.value for f in find_dates("on 12–13.03.2015 and 10th to 12th May 2016")]
    ['2015-03-12', '2016-05-10']
    """
    if not _DIGIT.search(text):
        # Every pattern below needs a digit (a day, month number or year).
        return []
    text = _SPACED_ORDINAL.sub(r"\1\2 ", text)
    if "-" in text or "–" in text or " to " in text:
        text = _DAY_RANGE.sub(_first_day, text)
    found: list[Found] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(value: str | None, m: re.Match[str]) -> None:
        if value and free(m.start(), m.end()):
            found.append(Found(value, m.start(), m.end()))
            taken.append((m.start(), m.end()))

    for m in _ISO.finditer(text):
        add(_ok(int(m.group(1)), int(m.group(2)), int(m.group(3))), m)
    for m in _D_M_Y.finditer(text):
        mon = _month(m.group(2))
        if mon:
            add(_ok(_year(m.group(3), ref), mon, int(m.group(1))), m)
    for m in _M_D_Y.finditer(text):
        mon = _month(m.group(1))
        if mon:
            add(_ok(int(m.group(3)), mon, int(m.group(2))), m)
    for m in _NUMERIC.finditer(text):
        # British order: day/month/year; American when the middle number
        # cannot be a month ("04/21/2025").
        first, second = int(m.group(1)), int(m.group(3))
        if second > 12 and first <= 12:
            first, second = second, first
        add(_ok(_year(m.group(4), ref), second, first), m)
    if partial:
        for m in _M_Y.finditer(text):
            mon = _month(m.group(2) or m.group(1))
            digits = m.group(3).lstrip("'")
            # "March 12" is a day, "Sept 08" a year: a two-digit number is a
            # year when it has a leading zero or lies near the meeting's year.
            if len(digits) == 2 and not digits.startswith("0") and not m.group(3).startswith("'"):
                near = ref is not None and abs(_year(digits, ref) - ref.year) <= 3
                if not near:
                    continue
            if mon:
                add(_ok(_year(m.group(3), ref), mon), m)
        for m in _D_M.finditer(text):
            mon = _month(m.group(2))
            if mon and ref:
                add(_next_occurrence(mon, int(m.group(1)), ref), m)
        for m in _M_D.finditer(text):
            mon = _month(m.group(1))
            if mon and ref and int(m.group(2)) <= 31:
                add(_next_occurrence(mon, int(m.group(2)), ref), m)
    found.sort(key=lambda f: f.start)
    return found


def first_date(text: str, ref: date | None = None) -> str | None:
    """The first full date in ``text``.

    >>> first_date("Minutes of the meeting held on 12th November, 2009")
    '2009-11-12'
    """
    for f in find_dates(text, ref, partial=False):
        return f.value
    return None


# A note sent soon after the meeting: "last night's meeting", "(3/9)".
_DAY_BEFORE = re.compile(r"(?i)\b(?:yesterday|last\s+night|last\s+evening)\b")
_SAME_DAY = re.compile(r"(?i)\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b")
_DAY_MONTH = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})(?![\d/])")
# "notes from Thursday's committee", "my notes from Tuesday night".
_FROM_WEEKDAY = re.compile(
    r"(?i)\b(?:notes|minutes)\s+(?:from|of)\s+(?:last\s+)?(mon|tue|wed|thu|fri|sat|sun)[a-z]*"
    r"(?:['’]s|\s+(?:night|evening|morning|afternoon)\b)"
)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# How long before its sending a note still reports "the meeting".
RECENT_DAYS = 45


def recent_date(text: str, sent: date) -> str | None:
    """The day a note sent on ``sent`` reports, told without a year: "Tues 20
    Jan", "(3/9)" (whichever order falls in the weeks before sending), or
    "yesterday's meeting".

    >>> recent_date("Notes from committee mtg Mon 19 Jan", date(2026, 1, 20))
    '2026-01-19'
    >>> recent_date("minutes from last night's call (3/9)", date(2021, 3, 10))
    '2021-03-09'
    >>> recent_date("notes from yesterday's board", date(2011, 3, 10))
    '2011-03-09'
    >>> recent_date("my notes from Thursday night", date(2026, 3, 16))
    '2026-03-12'
    """

    def recent(day: date) -> bool:
        return sent - timedelta(days=RECENT_DAYS) <= day <= sent

    for f in find_dates(text, sent - timedelta(days=364 - RECENT_DAYS)):
        day = to_date(f.value)
        if day and recent(day):
            return f.value
    for m in _DAY_MONTH.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        for month, day_of in ((b, a), (a, b)):
            value = _ok(sent.year, month, day_of) if month <= 12 else None
            day = to_date(value)
            if day and day > sent:
                day = to_date(_ok(sent.year - 1, month, day_of))
            if day and recent(day):
                return day.isoformat()
    if _DAY_BEFORE.search(text):
        return (sent - timedelta(days=1)).isoformat()
    if _SAME_DAY.search(text):
        return sent.isoformat()
    weekday = _FROM_WEEKDAY.search(text)
    if weekday:
        back = (sent.weekday() - _WEEKDAYS.index(weekday.group(1).lower())) % 7
        return (sent - timedelta(days=back)).isoformat()
    return None


def to_date(value: str | None) -> date | None:
    """``"2024-03-05"`` → ``date(2024, 3, 5)``; anything else → None."""
    if value and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def month_mentions(text: str, ref: date | None) -> list[str]:
    """Months named without a year, resolved to the next such month after ``ref``.

    >>> month_mentions("to the Board in September", date(2007, 8, 16))
    ['2007-09']
    """
    if ref is None:
        return []
    out = []
    for m in _MONTH_ONLY.finditer(text):
        word = m.group(2)
        # "May" is also a verb; only trust it capitalised and not sentence-initial.
        if word.lower().startswith("may") and (word != "May" or m.start(2) == 0):
            continue
        if word.lower().startswith("mar") and word.lower() not in ("mar", "mar.", "march"):
            continue
        if word[0].islower() and len(word) <= 4:
            continue
        mon = _month(word)
        if mon:
            value = _next_occurrence(mon, None, ref)
            if value:
                out.append(value)
    return out


_TIME_AMPM = re.compile(
    r"(?<![\d.:])(\d{1,2})(?:[.:](\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?|noon)(?![a-z])", re.I
)
# (A full stop after the minutes ends a sentence: "closed at 12:10."; one
# before a digit makes a date: "12.10.2017".)  "17H30", "19h05": the hour,
# an h, the minutes, as French and South African minutes write them.
_TIME_24 = re.compile(
    r"(?<![\d.:/])([01]?\d|2[0-3])[:.h]([0-5]\d)(?![\d:/]|\.\d|\s*(?:am|pm|a\.m|p\.m))", re.I
)
# "0730 hrs", "1400 hours": four figures and the word.
_TIME_HRS = re.compile(r"(?<![\d.:/])([01]\d|2[0-3])([0-5]\d)\s*(?:hrs|hours)\b", re.I)


def find_times(text: str) -> list[tuple[int, str]]:
    """Clock times in ``text`` as ``(position, "HH:MM")``.

    >>> find_times("5.00 pm – 7.00 pm, or 14:30")
    [(0, '17:00'), (10, '19:00'), (22, '14:30')]
    >>> find_times("TIME: 17H30"), find_times("closed at 19h05")
    ([(6, '17:30')], [(10, '19:05')])
    """
    out: list[tuple[int, str]] = []
    for m in _TIME_AMPM.finditer(text):
        hour = int(m.group(1))
        minute = int(m.group(2) or 0)
        suffix = m.group(3).lower().replace(".", "").replace(" ", "")
        if hour > 12 or minute > 59:
            continue
        if suffix == "pm" and hour < 12:
            hour += 12
        elif suffix == "am" and hour == 12:
            hour = 0
        out.append((m.start(), f"{hour:02d}:{minute:02d}"))
    for m in _TIME_24.finditer(text):
        if any(abs(m.start() - p) < 3 for p, _ in out):
            continue
        out.append((m.start(), f"{int(m.group(1)):02d}:{m.group(2)}"))
    if "h" in text:
        out.extend((m.start(), f"{m.group(1)}:{m.group(2)}") for m in _TIME_HRS.finditer(text))
    out.sort()
    return out


def resolve_due(text: str, ref: date | None, next_meeting: str | None = None) -> str | None:
    """A due date from a timescale cell or an action's wording.

    >>> resolve_due("Sept/Oct 08", date(2008, 9, 3))
    '2008-10'
    >>> resolve_due("by the next meeting", date(2008, 9, 3), "2008-10-22")
    '2008-10-22'
    >>> resolve_due("end of March", date(2008, 9, 3))
    '2009-03'
    >>> resolve_due("this month", date(2008, 9, 3)), resolve_due("next month", date(2008, 12, 3))
    ('2008-09', '2009-01')
    """
    if not text:
        return None
    relative = _RELATIVE_MONTH.search(text)
    if relative and ref is not None and not find_dates(text, ref):
        year, month = ref.year, ref.month
        if relative.group(1).lower() == "next":
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return f"{year:04d}-{month:02d}"
    found = find_dates(text, ref)
    if found:
        return found[-1].value if len(found) > 1 and "/" in text else found[0].value
    if _NEXT_MEETING.search(text):
        return next_meeting
    months = month_mentions(text, ref)
    if months:
        return months[-1] if _MONTH_RANGE.search(text) else months[0]
    return None
