"""Future meetings the document announces."""

from __future__ import annotations

import re
from datetime import date

from concord.ingest.extraction.dates import find_dates, find_times
from concord.ingest.extraction.layout import Line
from concord.ingest.record import NextMeeting

# An item's number before its title: "7.", "Item 7.", "VIII.", "26/040", "C26/60",
# "Item 6 — ".
_ITEM_NUMBER = (
    r"(?:\W*(?:item\s+)?(?:\d{1,3}(?:\.\d{1,3})*|[ivxlc]{1,6}|[a-z]{0,3}\d{1,3}/\d{1,4})"
    r"(?:[.):]|\s*[-–—])?\s+)?"
)
_SECTION = re.compile(
    r"(?i)\b(?:dates?|time|times|venue)s?\b.{0,20}\b(?:next|future|forthcoming)\s+meetings?\b|"
    rf"^{_ITEM_NUMBER}(?:(?:schedule|arrange|set|agree)\s+)?(?:the\s+)?next\s+(?:meetings?|mtg)\b|"
    r"\b(?:future|upcoming)\s+meetings?\b|"
    r"\bmeeting\s+dates\b|"
    # "Next board: Thursday 10 July", "Next call: Tuesday 3 February" (a date must follow).
    # "Next Members' Council: …", "Next EC: Sunday 7 June" (the body's initials).
    r"^\W*next\s+(?:[\w'’-]+\s+)?(?:meeting|board|call|committee|council|session|forum|AGM|"
    r"gathering|catch[- ]?up|sync|(?-i:[A-Z]{2,5}))\s*:|"
    r"\bdates?\s+of\s+(?:future|next|forthcoming|remaining)\s+meetings?\b|\bforthcoming\s+meetings\b|"
    r"\bschedule\s+of\s+meetings\b|\bmeetings?\s+(?:schedule|calendar)\b"
)
_SENTENCE = re.compile(
    r"(?i)\bnext\s+(?:\w+\s+){0,3}?(?:meeting|mtg)\b[^.;]{0,40}?\b(?:on|is|will\s+be|be|scheduled\s+for|"
    r"arranged\s+for|:)\s+|"
    # "next mtg thurs 7 may, 7.30, hut": the date straight after.
    r"\bnext\s+(?:meeting|mtg)\s*[-–—]?\s*(?=(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+\d|\d|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)|"
    # "will meet again in 4 weeks, Aug 11"; "the AGM would be held remotely on …"
    r"\b(?:meet|reconvene)\s+again\b|"
    # "the AGM is Thursday 13th June", "The AGM was fixed for Thursday 10
    # December", "Annual General Meeting of members: Saturday 26 November".
    r"\b(?:AGM|annual\s+general\s+meeting)(?:\s+of\s+(?:the\s+)?members)?\s*(?:is|will\s+be|"
    r"(?:(?:was|has\s+been|is)\s+)?(?:fixed|set|booked|scheduled|arranged|agreed)\s+for|:)\s+"
    r"(?=\W*(?:[A-Z]|\d))|"
    # "Next one is Tuesday 5th July, 6pm", "Next committee is Wednesday 16th November".
    r"\bnext\s+(?:one|committee|board|council|session|call|catch[- ]?up|get[- ]together|AGM)\s+"
    r"(?:is|will\s+be)\s+(?=(?:on\s+)?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+\d|\d)|"
    # "The Board will meet in special session on Tuesday, March 29"; "will hold
    # a special meeting on Thursday, November 16".
    r"\b(?:will|shall)\s+meet\s+in\s+(?:special|regular|closed)\s+session\s+on\s|"
    r"\bwill\s+hold\s+(?:a|an|its)\s+(?:special|extraordinary|regular|annual)\s+(?:general\s+)?"
    r"meeting\s+on\s|"
    # "The APCM will be held on Sunday 17th April", "A General Meeting of members
    # will be held on …", "The Annual Meeting of Members is scheduled for April 22",
    # "PSC6 will be held on 12–13.03.2015" (a series' sixth meeting).
    r"\b(?:(?-i:[A-Z]{2,6}\d{0,2})|(?:annual\s+|special\s+|extraordinary\s+)?general\s+meeting|"
    r"annual\s+meeting)(?:\s+of\s+(?:the\s+)?members)?\s+(?:will\s+be\s+held\s+on|"
    r"is\s+(?:scheduled|set|fixed|arranged)\s+for)\s|"
    # "put Tues 19 November in your diaries for the AGM".
    r"\bput\s+(?=[^.;]{0,40}\bin\s+your\s+diar(?:y|ies)\s+for\s+the\s+(?:AGM|annual\s+general\s+meeting))|"
    # "the 2027 AGM is expected to be held in late September 2027"
    r"\b(?:AGM|annual\s+general\s+meeting)\s+(?:would|will|should|shall|is\s+to|"
    r"is\s+(?:expected|planned|due|likely)\s+to)"
    r"\s+be\s+(?:held\b|in\s|on\s)|"
    # "It was agreed that the July meeting would be held on Monday 20th July"
    r"\bthe\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+(?:[a-z]+\s+)?meeting\s+"
    r"(?:would|will|is\s+to|shall)\s+(?:now\s+)?be\s+held\b|"
    # "Council set a budget work session for July 28", "scheduled a special meeting on …"
    r"\b(?:set|scheduled|called|fixed|arranged)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:work\s+session|workshop|special\s+meeting|meeting|AGM|annual\s+general\s+meeting)\s+"
    r"(?:for|on)\s|"
    # "a cost estimate for the July 21 meeting": a dated meeting ahead.
    r"\b(?:for|at|to|until|before|by)\s+the\s+(?=[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?\s+"
    r"(?:regular\s+)?meeting\b|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\s+(?:regular\s+)?meeting\b)|"
    # "It was decided to hold the AGM on …", "agreed to hold the next meeting on …"
    r"\b(?:decided|agreed|resolved)\s+to\s+hold\s+(?:the\s+|an?\s+)?(?:next\s+|special\s+)?"
    r"(?:A\.?G\.?M\.?|E\.?G\.?M\.?|annual\s+general\s+meeting|meeting|"
    # "agreed to hold a strategic development session on the 8th December"
    r"(?:[\w-]+\s+){0,2}(?:session|workshop))\s+on\b"
)
_FOLLOWED_BY = re.compile(r"(?i),?\s+(?:followed\s+by|and\s+(?:again\s+|then\s+)?on|then\s+on)\s+")
# A schedule: a date alone on its line, then the meeting held that day
# ("May 12" / "Club Meeting:"); other events (contests, fairs) are not meetings.
_SCHEDULED = re.compile(r"(?i)^(?:[\w'’&-]+\s+){0,3}(?:meeting|AGM)\s*:?$")
_DATE_ALONE = re.compile(r"^[\w ,./-]{3,30}$")
_NUMBERED = re.compile(r"^\d{1,2}[.)]?\s+[A-Z]")


def _venue(text: str, start: int) -> str | None:
    m = re.search(
        r"\bat\s+(?!\d)(?:the\s+)?(?P<v>[A-Z][^,;()]*?)(?=\s+\d{1,2}[.:]\d{2}|\s+\d{1,2}\s*[ap]\.?m|\s+from\b|\s*[,;(]|\.?$)",
        text[start:],
    )
    if not m:
        return None
    v = m.group(0)[3:].strip(" .")
    return v or None


_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_IN_MONTH = re.compile(rf"(?i)\bin\s+({'|'.join(_MONTHS)})\b(?!\s*\d)")


def _month_ahead(text: str, meeting: date) -> str | None:
    """ "… will be in April" (no year): the first such month after the meeting.

    >>> _month_ahead("the AGM will be in April", date(2026, 1, 14))
    '2026-04'
    >>> _month_ahead("the AGM will be in January", date(2026, 3, 1))
    '2027-01'
    """
    m = _IN_MONTH.search(text)
    if not m:
        return None
    month = _MONTHS.index(m.group(1).lower()) + 1
    year = meeting.year if month > meeting.month else meeting.year + 1
    return f"{year:04d}-{month:02d}"


def extract_next_meetings(lines: list[Line], meeting: date | None) -> list[NextMeeting]:
    """Dates after the meeting announced in a "next meeting" section or sentence."""
    out: list[NextMeeting] = []
    seen: set[str] = set()

    def add(text: str, month_ok: bool = False) -> bool:
        added = False
        found = find_dates(text, meeting)
        # "The next meeting is planned for November 2011": a month will do
        # when the sentence gives no day.
        months = month_ok and not any(f.is_day for f in found)
        if month_ok and not found and meeting is not None and " in " in text:
            ahead = _month_ahead(text, meeting)
            if ahead and ahead not in seen:
                # "The AGM will be in April": the next April after the meeting.
                seen.add(ahead)
                out.append(NextMeeting(ahead, None, None))
                return True
        for f in found:
            if (not f.is_day and not months) or f.value in seen:
                continue
            if meeting is not None and f.value <= meeting.isoformat():
                continue
            times = [t for p, t in find_times(text[f.end :])]
            seen.add(f.value)
            out.append(NextMeeting(f.value, times[0] if times else None, _venue(text, f.end)))
            added = True
        return added

    i = 0
    while i < len(lines):
        text = lines[i].bare
        low = lines[i].low
        if (
            "agm" not in low
            and "a.g.m" not in low
            and "meet" not in low
            and "session" not in low
            and "next" not in low
            and "held on" not in low
        ):
            # Both patterns need the word; most lines of minutes lack it.
            i += 1
            continue
        if _SECTION.search(text) and len(text.split()) <= 40:
            found = add(text, month_ok=True)
            j = i + 1
            misses = 0
            while j < len(lines) and misses < (1 if found else 2):
                nxt = lines[j].bare
                if _NUMBERED.match(nxt) and not find_dates(nxt, meeting):
                    break
                if add(nxt):
                    found = True
                    misses = 0
                else:
                    misses += 1
                j += 1
            i = j
            continue
        told = list(_SENTENCE.finditer(text))
        for m in told:
            window = text[m.start() : m.end() + 60]
            then = _FOLLOWED_BY.search(text, m.end(), m.end() + 160)
            if then:
                # "… on Thursday 16 September at 10am, followed by Thursday 18
                # November": the meeting after it too.
                window = text[m.start() : then.end() + 40]
            add(window, month_ok=True)
        if not told and i > 0 and _SCHEDULED.match(text) and _DATE_ALONE.match(lines[i - 1].bare):
            add(lines[i - 1].bare)
        i += 1
    # The earliest comes first: it is "the next meeting" that due dates refer to.
    return sorted(out, key=lambda m: m.date)
