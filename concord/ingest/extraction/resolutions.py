"""Numbered resolutions put to a general meeting, each with its vote.

An AGM's minutes list its resolutions by number, each with the outcome on
the same line and often the count of votes ("Resolution 2: To approve the
accounts. Carried (for 176, against 9, abstain 6)."); a special
resolution says so in brackets or in front ("Special resolution 4: …").
The decision is the resolution's words and that it was carried; the count
and any remark between ("This needed a two-thirds majority.") are left out.

A vote told by its count alone ("Vote on the new hut: 6 for, 1 against —
the hut goes ahead.") is a decision when more voted for than against.
"""

from __future__ import annotations

import re

from concord.ingest.extraction.layout import sentences

_NUMBERED_RESOLUTION = re.compile(
    r"^(?P<label>(?:(?:special|ordinary|extra-?ordinary)\s+)?resolution\s+\d{1,2}[a-z]?"
    r"(?:\s*\([^)]{1,20}\))?)\s*[:.–—-]\s*(?P<words>.+?)\s*"
    r"\b(?P<outcome>carried|passed|approved|adopted)\b(?P<how>\s+unanimously|\s+nem\.?\s*con\.?)?",
    re.I,
)
_LABELS = ("resolution", "special resolution", "ordinary resolution", "extraordinary resolution")


def may_hold(low: str) -> bool:
    """Cheap test on a line's lower-cased text: does it open with a label?"""
    return low.startswith(_LABELS)


def numbered_resolution(text: str) -> str | None:
    """ "Resolution 1: To receive the accounts. Carried (for 9, against 0)."

    >>> numbered_resolution("Resolution 1: To receive the accounts. Carried (for 9, against 0).")
    'Resolution 1: To receive the accounts. Carried.'
    >>> numbered_resolution("Resolution 3: To elect a board. Carried unanimously.")
    'Resolution 3: To elect a board. Carried unanimously.'
    >>> numbered_resolution("Resolution 2: To raise the fee. Defeated.") is None
    True
    """
    m = _NUMBERED_RESOLUTION.match(text.strip())
    if not m:
        return None
    said = sentences(m.group("words").strip(" *_"))
    if not said:
        return None
    words = said[0].strip(" *_").rstrip(".") + "."
    outcome = m.group("outcome").capitalize() + (m.group("how") or "").rstrip(".")
    return f"{m.group('label')}: {words} {outcome}."


_VOTE_COUNT = re.compile(
    r"(?i)\b(?P<yes>\d{1,3})\s+(?:for|in\s+favou?r)\s*[,;]?\s*(?P<no>\d{1,3})\s+against\b"
)


def may_tally(low: str) -> bool:
    """Cheap test on a line's lower-cased text: could it hold a vote count?"""
    return " against" in low and (" for" in low or "favour" in low or "favor" in low)


def carried_by_count(text: str) -> str | None:
    """A line telling a vote by its count, when more voted for than against.

    >>> carried_by_count("Vote on the hut: 6 for, 1 against, 1 abstention — it goes ahead.")
    'Vote on the hut: 6 for, 1 against, 1 abstention — it goes ahead.'
    >>> carried_by_count("Vote on the fee: 2 for, 5 against.") is None
    True
    """
    m = _VOTE_COUNT.search(text)
    if not m or int(m.group("yes")) <= int(m.group("no")):
        return None
    return text.strip()
