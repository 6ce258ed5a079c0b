"""Where a meeting was held, as its heading lines say: "Venue: X", "held at X",
"… at X" after a date or time, a heading's parts, a place alone on its line."""

from __future__ import annotations

import re

from concord.ingest.extraction.dates import find_dates
from concord.ingest.extraction.dates import find_times as find_times_in

_VENUE_LABEL = re.compile(
    r"(?i)^(?:venue|location|place|where|held\s+at|meeting\s+place)\s*[:\-–—]?\s*(.+)$"
)


_PAGE_NOTE = re.compile(r"(?i)^(?:posted|published|last\s+(?:updated|edited|modified))\b")
_VENUE_LABEL_ALONE = re.compile(r"(?i)^(?:venue|location|place|where|meeting\s+place)\s*:?$")
_VENUE_INLINE = re.compile(r"(?i)(?:^|\s|[|;,])(?:venue|location)\s*:\s*(.+)$")
PLACE_WORDS = re.compile(
    r"(?i)\b(room|boardroom|house|hall|centre|center|chambers?|library|offices?|building|church|"
    r"hotel|suite|court|online|zoom|teams|pavilion|lodge|hub|station|meet|webex|skype|virtual)\b"
)
_ONLINE = re.compile(
    r"(?i)\b(?P<v>(?:(?:remotely|online|virtually|over\s+the\s+internet)\s+)?(?:via|using|over)\s+"
    r"(?:an?\s+)?(?:zoom|microsoft\s+teams|teams|google\s+meet|webex|skype|jitsi)"
    r"(?:\s+(?:video\s+)?(?:conference|call|meeting))?)\b|^(?:[•*]\s*)?(?P<label>zoom|microsoft\s+teams|google\s+meet|webex)\s*:"
)


_PLACE_IN = re.compile(r"\b(?:held\s+)?(?i:at|in)\s+(?!\d)(?P<v>(?:the\s+)?[A-Z][^\n]+)$")
# "…, in the school library", "held in the old hall", "at 6.00 pm in the hall".
_PLACE_IN_LOWER = re.compile(
    r"(?:,|\bheld|(?i:\d\s*[ap]\.?m\.?|\d[.:]\d\d))\s+(?i:at|in)\s+(?P<v>the\s+[a-z][^\n,]+)$"
)


def find_venue(head: list[str]) -> str | None:
    """Venue as written: "Venue: X", "held at X", or "… at X" after a date or time."""
    for n, line in enumerate(head):
        text = line.strip()
        if _PAGE_NOTE.match(text):
            continue  # "Posted on 3 October 2016 by Jo Bell in Council": the page's
        m = _VENUE_LABEL.match(text) or _VENUE_INLINE.search(text)
        if m:
            return _trim_venue(m.group(1))
        if n + 1 < len(head) and _VENUE_LABEL_ALONE.match(text):
            # "Venue" / ": Meeting Room 2, …": a table's label cell, then its value.
            return _trim_venue(head[n + 1].strip().lstrip(":").strip())
        online = _ONLINE.search(text)
        hybrid = (
            _PLACE_IN.search(text) if online and (find_times_in(text) or "held" in text) else None
        )
        if hybrid and (room := _trim_venue(hybrid.group("v"))):
            # "held at 2pm in Room 4, Park House, and via Teams": the room and the call.
            return room
        if online:
            # "held remotely via Zoom", or a "Zoom: <link>" line of meeting details.
            if online.group("v"):
                return online.group("v")
            return online.group("label").strip().title()
        if (
            re.search(r"(?i)\bat\s*$", text)
            and (find_times_in(text) or find_dates(text, partial=False))
            and n + 1 < len(head)
        ):
            return _trim_venue(head[n + 1])
        if (
            find_times_in(text)
            or find_dates(text, partial=False)
            or re.search(r"(?i)\bheld\b", text)
        ):
            m = _PLACE_IN.search(text) or _PLACE_IN_LOWER.search(text)
            if m:
                venue = _trim_venue(m.group("v"))
                if venue:
                    return venue
            place = _place_in_segments(text) or _place_beside_time(text) or _place_after_time(text)
            if place:
                return place
    for n, line in enumerate(head[:-1]):
        text = line.strip()
        if find_times_in(text) or find_dates(text, partial=False):
            place = _place_alone(head[n + 1])
            if place:
                return place
    return None


def _place_alone(text: str) -> str | None:
    """A line that names only a place, as under a heading's date and time.

    >>> _place_alone("St Mary's Church Hall, Mill Lane")
    "St Mary's Church Hall, Mill Lane"
    >>> _place_alone("Present: Ann Lee") is None, _place_alone("The hall was booked.") is None
    (True, True)
    """
    text = text.strip(" *#")
    if (
        not text[:1].isupper()
        or len(text.split()) > 12
        or not PLACE_WORDS.search(text)
        or text.endswith(".")
        or ":" in text
    ):
        return None
    return text


_CLOCK = re.compile(
    r"(?i)\b\d{1,2}(?:[.:]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\b[0-2]?\d[:.][0-5]\d\b(?:\s*hrs\b)?"
)


def _place_after_time(text: str) -> str | None:
    """The place written after the date and time on one line.

    >>> _place_after_time("Monday, 3 March 2025 6:30 p.m. Council Chambers, Town Hall")
    'Council Chambers, Town Hall'
    >>> _place_after_time("Monday, 3 March 2025 6:30 p.m. Present were all members") is None
    True
    """
    clocks = list(_CLOCK.finditer(text))
    if not clocks:
        return None
    rest = text[clocks[-1].end() :].strip(" ,;-–—")
    if not rest[:1].isupper() or len(rest.split()) > 15 or not PLACE_WORDS.search(rest):
        return None
    return _trim_venue(rest)


# "Tue 10 March 2026 · 6:30 p.m. · District Office Board Room", "Minutes |
# 20 November 2025 | 14:00–16:05 | Boardroom, Education Centre".
_SEGMENT = re.compile(r"\s+[·|•—–]\s+")
# A part that names the meeting or the body ("Finance Committee"), though
# "Board Room" is a place.
_NOT_A_PLACE = re.compile(r"(?i)\b(?:minutes|agenda|notes|meeting|committee|board)\b(?!\s+room)")


def _place_in_segments(text: str) -> str | None:
    """The place among a heading's parts set apart by dots, bars or dashes.

    >>> _place_in_segments("Tue 10 March 2026 · 6:30 p.m. · Board Room, 14 Ridge Avenue")
    'Board Room, 14 Ridge Avenue'
    >>> _place_in_segments("Minutes | 20 November 2025 | Finance Committee") is None
    True
    """
    parts = _SEGMENT.split(text.strip(" *#"))
    if len(parts) < 2:
        return None
    for part in parts:
        part = part.strip(" *_#,;")
        if (
            part[:1].isupper()
            and len(part.split()) <= 12
            and PLACE_WORDS.search(part)
            and not find_dates(part, partial=False)
            and not find_times_in(part)
            and not _NOT_A_PLACE.search(part)
        ):
            return _trim_venue(part)
    return None


def _place_beside_time(text: str) -> str | None:
    """A line that is only a place and a time: "Boardroom, Mill House, 10:00 – 12:30".

    >>> _place_beside_time("Boardroom, Mill House, 10:00 – 12:30")
    'Boardroom, Mill House'
    >>> _place_beside_time("Minutes of the Board, 10:00") is None
    True
    """
    times = find_times_in(text)
    if not times or find_dates(text, partial=False):
        return None
    rest = re.sub(
        r"(?i)\b\d{1,2}(?:[.:]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?(?=\s*(?:[–—-]|to|$|,))", "", text
    )
    rest = re.sub(r"(?i)\b(?:from|to|until|start(?:ing)?|time)\b|[–—-]", " ", rest)
    rest = re.sub(r"\s+", " ", rest).strip(" ,.;:")
    if (
        not rest
        or not rest[0].isupper()
        or len(rest.split()) > 10
        or not PLACE_WORDS.search(rest)
        or re.search(r"(?i)\b(minutes|meeting|notes|agenda|held|present)\b", rest)
    ):
        return None
    return rest


# A sentence end inside a venue line: "… Westfold House. The meeting …"
# (not "St. Bride's": a two-letter abbreviation before the stop).
_VENUE_SENTENCE_END = re.compile(r"(?<!\b[A-Z][a-z])(?<=[a-z0-9)])\.\s+(?=[A-Z][a-z])")


def _trim_venue(text: str) -> str | None:
    """The place alone, without what follows it on the line.

    >>> _trim_venue("the Council Chambers by Mayor Ann Lee")
    'the Council Chambers'
    >>> _trim_venue("Room 2.11, Lister Building at 10.00")
    'Room 2.11, Lister Building'
    >>> _trim_venue("Woodhatch Place, Kingsmere on 2 March 2026, 10.30 am")
    'Woodhatch Place, Kingsmere'
    """
    text = _VENUE_SENTENCE_END.split(text, maxsplit=1)[0]
    text = re.sub(r"\s+by\s+(?:the\s+)?[A-Z].*$", "", text)
    text = re.sub(
        r"(?i)\s*(?:,\s*|\s)(?:on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?<!oom\s)(?<!Rm\s)(?<!uite\s)\d{1,2}[.:]\d{2}|\d{1,2}\s*(?:am|pm)|from\s+\d|at\s+\d|on\s+(?:the\s+)?\d|commencing).*$",
        "",
        text.strip(),
    )
    text = text.strip(" ,.;:-–—")
    if not text or len(text.split()) > 15 or find_dates(text, partial=False):
        return None
    return text
