"""Evidence: where in a document's text each extracted field came from, and how sure that is.

A post-pass over a finished :class:`~concord.ingest.record.MeetingRecord`
and the document's plain text (:meth:`Text.plain`, which is what the
importer stores as the document's text). For every field it gives a
**span** — character offsets ``[start, end)`` into that text, or ``None``
when the value was not found — and a **confidence** in 0..1 with a short
**reason** when it is below :data:`UNSURE`::

    {"start": 120, "end": 131, "confidence": 0.6, "reason": "owner not in the attendance"}

:func:`locate_evidence` returns the spans in the record's shape (see its
docstring). Values are found by exact substring, then ignoring case and
spacing, then fuzzily (rapidfuzz) inside a bounded window; dates and times
the extractor normalised ("16th March 2006" → ``2006-03-16``) are found by
their written forms. Each search starts where the previous field of its
kind was found, so a long document costs about one pass per kind of field.
The confidence combines how well the text matched with checks a reviewer
cares about: an action owner who is not in the attendance, an action
without an owner or a due date, a due date inferred ("by the next
meeting"), an attendee known only by initials or by one name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from concord.ingest.record import MeetingRecord

# Below this a field is flagged for the reviewer to check.
UNSURE = 0.75
# Checks a reviewer cares about, and how much each lowers a field's confidence.
NO_OWNER = "no owner"
NO_DUE = "no due date"
NOT_ATTENDING = "owner not in the attendance"
LEARNED = "found by the sentence model"
CHECKS = {
    LEARNED: 0.7,
    NO_OWNER: 0.6,
    NO_DUE: 0.7,
    NOT_ATTENDING: 0.6,
    "only initials": 0.6,
    "no surname": 0.6,
    "no name": 0.6,
}

# How far from an action its owner and due date are looked for.
NEAR = 400
# The fuzzy search looks this far back and ahead of where it starts.
FUZZY_BACK, FUZZY_AHEAD = 500, 3000
FUZZY_MIN = 80  # rapidfuzz partial ratio below which text is "not found"
AHEAD = 5000  # how far ahead of the last field of its kind a value is looked for first
LONG = 120  # needles longer than this are also matched by their start and end

_DASHES = str.maketrans("‘’“”–—−", "''\"\"---")
_MONTHS = [
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
]  # fmt: skip
_RELATIVE = re.compile(
    r"(?:next|following|forthcoming) meeting|end of (?:the )?(?:month|year|quarter|term)"
    r"|as soon as possible|\basap\b|next (?:week|month)|within \w+ (?:days?|weeks?|months?)"
    r"|ongoing|on-going",
    re.I,
)


@dataclass
class Span:
    """Where a value sits in the text (``None`` when not found), and how sure that is."""

    start: int | None
    end: int | None
    confidence: float
    reason: str = ""

    def check(self, factor: float, reason: str) -> Span:
        """Lower the confidence by ``factor`` for ``reason`` (reasons accumulate).

        >>> Span(0, 3, 1.0).check(0.6, "no owner").check(0.7, "no due date")
        Span(start=0, end=3, confidence=0.42, reason='no owner; no due date')
        """
        self.confidence = round(self.confidence * factor, 3)
        self.reason = f"{self.reason}; {reason}" if self.reason else reason
        return self

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "confidence": round(self.confidence, 2),
            "reason": self.reason,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Span | None:
        """A span from its stored form (``None`` for no evidence or a malformed one)."""
        if not isinstance(data, dict):
            return None
        start, end = data.get("start"), data.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
            start = end = None
        try:
            confidence = float(data.get("confidence") or 0)
        except (TypeError, ValueError):
            confidence = 0.0
        return cls(start, end, confidence, str(data.get("reason") or ""))

    def as_found(self) -> Span:
        """The span without the reviewer's checks: only how well the text matched.

        The checks (:data:`CHECKS`) depend on the rest of the record, so a
        corrected draft is checked afresh.

        >>> Span(0, 3, 0.4, "text differs (85% alike); no owner").as_found()
        Span(start=0, end=3, confidence=0.67, reason='text differs (85% alike)')
        """
        confidence, kept = self.confidence, []
        for reason in (r for r in self.reason.split("; ") if r):
            if reason in CHECKS:
                confidence /= CHECKS[reason]
            else:
                kept.append(reason)
        return Span(self.start, self.end, min(round(confidence, 2), 1.0), "; ".join(kept))


def _missing(what: str = "not found in the text") -> Span:
    return Span(None, None, 0.3, what)


def _fold(text: str) -> str:
    """Lower case, quotes and dashes made plain, never changing the length.

    >>> _fold("Ann’s Plan – Draft")
    "ann's plan - draft"
    """
    lowered = text.lower()
    return (lowered if len(lowered) == len(text) else text).translate(_DASHES)


class Finder:
    """Finds values in one document's text, exactly, then loosely, then fuzzily.

    >>> f = Finder("Present:\\nAnn  Lee (Chair)\\n1. Budget Report")
    >>> f.find("Ann Lee")
    Span(start=9, end=17, confidence=0.95, reason='')
    >>> f.text[9:17]
    'Ann  Lee'
    >>> f.find("budget report").confidence, f.find("Budgit Report").reason
    (0.95, '')
    >>> f.find("Treasurer's statement")
    Span(start=None, end=None, confidence=0.3, reason='not found in the text')
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: str | None = None

    @property
    def folded(self) -> str:
        """The text folded by :func:`_fold`, built once when first needed (same offsets)."""
        if self._folded is None:
            lowered = self.text.lower()
            if len(lowered) == len(self.text):
                self._folded = lowered.translate(_DASHES)
            else:  # a character whose lower case is longer ("İ"): fold one by one
                self._folded = "".join(_fold(c) for c in self.text)
        return self._folded

    # -- searches
    @staticmethod
    def _bounded(hay: str, needle: str, lo: int, hi: int) -> int:
        """``hay.find(needle, lo, hi)`` at word boundaries (ward 12 is not in ward 123)."""
        at = hay.find(needle, lo, hi)
        while at >= 0:
            end = at + len(needle)
            before_ok = at == 0 or not (needle[0].isalnum() and hay[at - 1].isalnum())
            after_ok = end >= len(hay) or not (needle[-1].isalnum() and hay[end].isalnum())
            if before_ok and after_ok:
                return at
            at = hay.find(needle, at + 1, hi)
        return -1

    def _exact(self, needle: str, lo: int, hi: int, wrap: bool) -> tuple[int, int] | None:
        at = self._bounded(self.text, needle, lo, hi)
        if at < 0 and wrap and lo > 0:
            at = self._bounded(self.text, needle, 0, min(lo + len(needle), hi))
        return (at, at + len(needle)) if at >= 0 else None

    def _loose(
        self, needle: str, lo: int, hi: int, wrap: bool, spaced: bool = True
    ) -> tuple[int, int] | None:
        folded = self.folded
        words = [_fold(w) for w in needle.split()]
        if not words:
            return None
        probe = " ".join(words)
        at = self._bounded(folded, probe, lo, hi)
        if at < 0 and wrap and lo > 0:
            at = self._bounded(folded, probe, 0, min(lo + len(probe), hi))
        if at >= 0:
            return at, at + len(probe)
        if len(words) == 1 or not spaced:
            return None
        # Spaced differently: words apart by any run of spaces or line breaks, looked
        # for only near ``lo`` (a regular expression per value: kept to a window).
        regex = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)")
        start = max(lo - FUZZY_BACK, 0) if wrap else lo
        m = regex.search(folded, start, min(lo + AHEAD, hi))
        return (m.start(), m.end()) if m else None

    def _fuzzy(self, needle: str, lo: int, hi: int) -> tuple[int, int, float] | None:
        from rapidfuzz import fuzz

        start = max(lo - FUZZY_BACK, 0) if hi >= len(self.text) else lo
        stop = min(lo + FUZZY_AHEAD, hi)
        window = self.text[start:stop]
        if not window.strip():
            return None
        probe = _fold(" ".join(needle.split())[:200])
        found = fuzz.partial_ratio_alignment(probe, _fold(window), score_cutoff=FUZZY_MIN)
        if found is None:
            return None
        # The alignment is as long as the needle: widen it to whole words.
        text, a, b = self.text, start + found.dest_start, start + found.dest_end
        while a > 0 and text[a - 1].isalnum() and text[a].isalnum():
            a -= 1
        while b < len(text) and text[b].isalnum() and text[b - 1].isalnum():
            b += 1
        return a, b, found.score

    def find(
        self,
        needle: str,
        lo: int = 0,
        hi: int | None = None,
        *,
        wrap: bool = True,
        fuzzy: bool = True,
    ) -> Span:
        """The span of ``needle`` in ``text[lo:hi]`` (searching from ``lo``, then before it).

        Exact: confidence 1. Ignoring case, spacing, quotes and dashes: 0.95.
        A long value matched by its first and last words: 0.85. Fuzzily
        (rapidfuzz, within a few thousand characters of ``lo``): the match's
        ratio times 0.9, with the ratio as the reason when that is unsure.
        """
        # A closing full stop may be the extractor's, not the document's.
        needle = needle.strip().rstrip(".;,:")
        hi = len(self.text) if hi is None else min(hi, len(self.text))
        if not needle:
            return _missing()
        if hi - lo > AHEAD:
            # Fields come mostly in document order: look just ahead first, so that
            # a long document costs one pass per kind of field, not one per field.
            found = self._exact(needle, lo, lo + AHEAD, False) or self._loose(
                needle, lo, lo + AHEAD, False, spaced=False
            )
            if found:
                return Span(*found, 1.0 if self.text[found[0] : found[1]] == needle else 0.95)
        found = self._exact(needle, lo, hi, wrap)
        if found:
            return Span(*found, 1.0)
        found = self._loose(needle, lo, hi, wrap)
        if found:
            return Span(*found, 0.95)
        if len(needle) > LONG:
            head = self._loose(needle[:60].rsplit(" ", 1)[0], lo, hi, wrap)
            if head:
                tail = self._loose(needle[-60:].split(" ", 1)[-1], head[0], hi, False)
                if tail and tail[1] - head[0] < 3 * len(needle):
                    return Span(head[0], tail[1], 0.85)
        found_fuzzy = self._fuzzy(needle, lo, hi) if fuzzy else None
        if found_fuzzy:
            start, end, score = found_fuzzy
            confidence = round(score / 100 * 0.9, 2)
            reason = f"text differs from the document ({score:.0f}% alike)"
            return Span(start, end, confidence, reason if confidence < UNSURE else "")
        return _missing()

    def pattern(self, regex: re.Pattern[str], lo: int = 0, hi: int | None = None) -> Span | None:
        """The first match of ``regex`` in ``text[lo:hi]`` (confidence 1), else ``None``."""
        m = regex.search(self.text, lo, len(self.text) if hi is None else hi)
        return Span(m.start(), m.end(), 1.0) if m else None


# -- written forms of normalised values ----------------------------------------------------


def _month(n: int) -> str:
    name = _MONTHS[n - 1]
    return f"(?:{name}|{name[:3]}{'t' if n == 9 else ''})\\.?"


@lru_cache(maxsize=512)
def date_forms(value: str) -> re.Pattern[str] | None:
    """How a normalised date (``YYYY-MM-DD`` or ``YYYY-MM``) may be written.

    >>> p = date_forms("2006-03-16")
    >>> [bool(p.search(s)) for s in ["16th March 2006", "Thurs 16 Mar", "16/03/06",
    ...                              "March 16, 2006", "16-03-2006", "2006-03-16", "6 March 2006"]]
    [True, True, True, True, True, True, False]
    >>> bool(date_forms("2025-06").search("by the end of June 2025"))
    True
    """
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value or "")
    if not m:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    if not 1 <= month <= 12:
        return None
    yy = f"(?:{year}|'?{year % 100:02d})"
    mon = _month(month)
    if m.group(3) is None:
        forms = [
            rf"\b{mon},?\s+{yy}\b",
            rf"\b0?{month}[/.-]{year}\b",
            rf"\b{year}-{month:02d}\b",
            rf"\b{mon}(?![a-z])",
        ]
    else:
        day = int(m.group(3))
        d = rf"0?{day}(?:st|nd|rd|th)?"
        forms = [
            rf"\b{d}(?:\s+of)?\s+{mon},?(?:\s+{yy})?(?![\w/])",
            rf"\b{mon}\s+{d},?(?:\s+{year})?\b",
            rf"\b0?{day}[/.-]0?{month}[/.-]{yy}\b",
            rf"\b{year}-{month:02d}-{day:02d}\b",
        ]
    return re.compile("|".join(f"(?:{f})" for f in forms), re.I)


@lru_cache(maxsize=256)
def time_forms(value: str) -> re.Pattern[str] | None:
    """How a normalised time (``HH:MM``) may be written.

    >>> p = time_forms("14:00")
    >>> [bool(p.search(s)) for s in ["2.00 pm", "2pm", "14:00", "1400 hrs", "12.00 pm"]]
    [True, True, True, True, False]
    """
    m = re.fullmatch(r"(\d{1,2}):(\d{2})", value or "")
    if not m:
        return None
    hour, minute = int(m.group(1)), m.group(2)
    h12 = hour % 12 or 12
    ampm = r"p\.?\s?m\b\.?" if hour >= 12 else r"a\.?\s?m\b\.?"
    mins = rf"(?:[.:]{minute})?" if minute == "00" else rf"[.:]{minute}"
    forms = [
        rf"\b0?{h12}{mins}\s*{ampm}",
        rf"\b0?{hour}[.:]?{minute}\s*(?:hrs|hours|h)\b",
        rf"\b0?{hour}[.:]{minute}\b",
    ]
    if hour == 12 and minute == "00":
        forms.append(r"\b(?:noon|midday)\b")
    return re.compile("|".join(f"(?:{f})" for f in forms), re.I)


# -- checks a reviewer cares about ---------------------------------------------------------


def name_check(name: str) -> str:
    """Why a person's name needs checking ("" when it looks like a full name).

    >>> name_check("AL"), name_check("A. L."), name_check("Robbie"), name_check("Ann Lee")
    ('only initials', 'only initials', 'no surname', '')
    """
    tokens = [t.strip(".") for t in name.replace(".", ". ").split() if t.strip(".")]
    if not tokens:
        return "no name"
    if all(len(t) <= 2 and t.isalpha() and t.isupper() for t in tokens) or (
        len(tokens) == 1 and len(tokens[0]) <= 3 and tokens[0].isupper()
    ):
        return "only initials"
    if len(tokens) == 1:
        return "no surname"
    return ""


def attending(names: list[str]) -> set[str]:
    """The attendance's names, compared as :func:`in_attendance` compares them."""
    return {" ".join(n.lower().split()) for n in names}


def in_attendance(owner: str, names: set[str]) -> bool:
    """Whether ``owner`` is one of ``names`` (:func:`attending`), case and spacing aside.

    >>> names = attending(["Ann Lee"])
    >>> in_attendance("ann  LEE", names), in_attendance("Ann", names)
    (True, False)
    """
    return " ".join(owner.lower().split()) in names


# -- the pass ------------------------------------------------------------------------------


def locate_evidence(record: MeetingRecord, plain_text: str) -> dict[str, Any]:
    """Where each field of ``record`` sits in ``plain_text``, in the record's shape.

    Every span is ``{"start", "end", "confidence", "reason"}`` (``start``
    and ``end`` ``None`` when not found); a field the record leaves empty
    has ``None``. The shape::

        {"body": span, "date": span, "start_time": span, "end_time": span, "venue": span,
         "attendance": [{"name": span, "organisation": span | None}, ...],
         "items": [span, ...],                       # each item's title
         "actions": [{"description": span, "owners": [span, ...], "due": span | None}, ...],
         "decisions": [span, ...],
         "next_meetings": [span, ...]}               # each one's date

    >>> from concord.ingest.record import Action, Attendee, MeetingRecord
    >>> text = "Kestrel Board, 16th March 2006\\nPresent: Ann Lee\\nAction: Bo Fry to send it."
    >>> r = MeetingRecord(body="Kestrel Board", date="2006-03-16",
    ...                   attendance=[Attendee("Ann Lee")],
    ...                   actions=[Action("Send it", ["Bo Fry"])])
    >>> ev = locate_evidence(r, text)
    >>> text[ev["date"]["start"]:ev["date"]["end"]]
    '16th March 2006'
    >>> ev["actions"][0]["owners"][0]["reason"], ev["actions"][0]["description"]["reason"]
    ('owner not in the attendance', 'no due date')
    """
    finder = Finder(plain_text)
    out: dict[str, Any] = {}

    def meta(value: str | None, regex: re.Pattern[str] | None = None) -> dict[str, Any] | None:
        if not value:
            return None
        span = finder.pattern(regex) if regex is not None else finder.find(value)
        return (span or _missing()).to_dict()

    out["body"] = meta(record.body)
    out["date"] = meta(record.date, date_forms(record.date or ""))
    out["start_time"] = meta(record.start_time, time_forms(record.start_time or ""))
    out["end_time"] = meta(record.end_time, time_forms(record.end_time or ""))
    out["venue"] = meta(record.venue)

    attendance, cursor = [], 0
    for person in record.attendance:
        name = finder.find(person.name, cursor)
        if name.start is not None:
            cursor = name.end or cursor
        why = name_check(person.name)
        if why:
            name.check(CHECKS[why], why)
        organisation = None
        if person.organisation:
            near = name.end if name.end is not None else cursor
            org = finder.find(person.organisation, near, near + NEAR, wrap=False)
            organisation = org if org.start is not None else finder.find(person.organisation)
        attendance.append(
            {"name": name.to_dict(), "organisation": organisation and organisation.to_dict()}
        )
    out["attendance"] = attendance

    out["items"] = [s.to_dict() for s in _in_order(finder, [i.title for i in record.items])]

    names = attending([p.name for p in record.attendance])
    actions, cursor = [], 0
    for action in record.actions:
        description = finder.find(action.description, cursor)
        if description.start is not None:
            cursor = description.end or cursor
        owners = []
        for owner in action.owners:
            span = _owner_span(finder, owner, description)
            if names and not in_attendance(owner, names):
                span.check(CHECKS[NOT_ATTENDING], NOT_ATTENDING)
            owners.append(span.to_dict())
        if action.learned:
            description.check(CHECKS[LEARNED], LEARNED)
        if not action.owners:
            description.check(CHECKS[NO_OWNER], NO_OWNER)
        due = None
        if action.due:
            due = _due_span(finder, action.due, description).to_dict()
        else:
            description.check(CHECKS[NO_DUE], NO_DUE)
        actions.append({"description": description.to_dict(), "owners": owners, "due": due})
    out["actions"] = actions

    out["decisions"] = [s.to_dict() for s in _in_order(finder, record.decisions)]

    lower = plain_text.lower()
    announced = max(lower.rfind("next meeting"), 0)
    nexts = []
    for meeting in record.next_meetings:
        regex = date_forms(meeting.date)
        found = (finder.pattern(regex, announced) or finder.pattern(regex)) if regex else None
        nexts.append((found or _missing()).to_dict())
    out["next_meetings"] = nexts
    return out


def _in_order(finder: Finder, values: list[str]) -> Iterator[Span]:
    """Spans of values written in document order, each search starting at the last found."""
    cursor = 0
    for value in values:
        span = finder.find(value, cursor)
        if span.start is not None:
            cursor = span.end or cursor
        yield span


def _lines_of(text: str, span: Span) -> tuple[int, int, int]:
    """The start of ``span``'s line, the end of the line it ends on, and of the line after.

    >>> _lines_of("a\\nb c d\\ne\\nf", Span(4, 5, 1.0))
    (2, 7, 9)
    """
    assert span.start is not None and span.end is not None
    start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line_end = len(text) if line_end < 0 else line_end
    next_end = text.find("\n", line_end + 1)
    return start, line_end, len(text) if next_end < 0 else next_end


def _owner_span(finder: Finder, owner: str, description: Span) -> Span:
    """An owner where their action is written: on its line (or the next), else near it, in
    full or by a name or initials as written there; else anywhere in the text."""
    if description.start is None or description.end is None:
        return finder.find(owner)
    line_start, _, next_end = _lines_of(finder.text, description)
    words = [w for w in owner.split() if len(w) > 2 and w[0].isupper()]
    initials = "".join(w[0] for w in owner.split() if w[:1].isalpha())
    parts = [*reversed(words), *([initials] if len(initials) > 1 else [])]
    near = (max(description.start - NEAR, 0), description.end + NEAR)
    for lo, hi in ((line_start, next_end), near):
        span = finder.find(owner, lo, hi, wrap=False, fuzzy=False)
        if span.start is not None:
            return span
        for part in parts:
            found = finder._exact(part, lo, hi, False)
            if found:
                return Span(*found, 0.9)
    span = finder.find(owner)
    if span.start is not None:
        span.check(0.8, "named away from the action")
    return span


def _due_span(finder: Finder, due: str, description: Span) -> Span:
    """A due date by its written forms on its action's line (or the next), else the words it
    was inferred from ("by the next meeting")."""
    if description.start is None or description.end is None:
        return _missing("due date not found in the text")
    text, lo = finder.text, description.start
    _, line_end, next_end = _lines_of(text, description)
    regex = date_forms(due)
    for hi in (line_end, next_end):
        span = finder.pattern(regex, lo, hi) if regex else None
        if span is not None:
            if len(due) == 7 and not re.search(r"\d", text[span.start : span.end]):
                span.check(0.9, "year not written")
            return span
        cue = finder.pattern(_RELATIVE, lo, hi)
        if cue is not None:
            return cue.check(0.65, f"due date inferred from “{text[cue.start : cue.end]}”")
    return _missing("due date not found near the action")


def unsure(evidence: dict[str, Any]) -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
    """Every span whose confidence is below :data:`UNSURE`, with its path in the evidence.

    >>> ev = {"date": {"start": None, "end": None, "confidence": 0.3, "reason": "not found"},
    ...       "actions": [{"description": {"start": 0, "end": 4, "confidence": 1.0,
    ...                                    "reason": ""}, "owners": [], "due": None}]}
    >>> list(unsure(ev))
    [(('date',), {'start': None, 'end': None, 'confidence': 0.3, 'reason': 'not found'})]
    """

    def walk(node: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
        if isinstance(node, dict) and "confidence" in node:
            if float(node.get("confidence") or 0) < UNSURE:
                yield path, node
        elif isinstance(node, dict):
            for key, value in node.items():
                yield from walk(value, (*path, key))
        elif isinstance(node, list):
            for n, value in enumerate(node):
                yield from walk(value, (*path, n))

    yield from walk(evidence, ())
