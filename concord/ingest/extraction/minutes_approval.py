"""The approval of an earlier meeting's minutes, said as a decision in full.

Minutes record it under an item of its own ("2. Minutes of 1 April 2026",
"II. Notes of last meeting (20 January)", "Approval of December minutes")
and say only the outcome below it: "Agreed as accurate.", "Approved,
proposed by …", "Moved: Bo · Seconded: Cy · Carried.", or on the title's
line ("Minutes of 9 December - approved and signed").  The decision is what
was approved: "The minutes of 1 April 2026 were approved."
"""

from __future__ import annotations

import re

from concord.ingest.extraction.decisions import Decision
from concord.ingest.extraction.items import FoundItem
from concord.ingest.extraction.layout import Line

# "Minutes of 1 April 2026", "Notes of last meeting (20 January)",
# "Approval of December minutes", "Confirmation of minutes of 12 February
# 2026 and matters arising", "Previous minutes".
_MINUTES_ITEM = re.compile(
    r"(?i)^(?:(?:approval|confirmation|adoption|acceptance)\s+of\s+)?(?:the\s+)?"
    r"(?P<before>(?:[\w'’]+\s+){0,3}?)(?P<noun>minutes|notes)\b"
    r"(?:\s+of\s+(?P<of>.+?))?(?:\s+and\s+matters\s+arising)?\s*(?:[-–—:]\s*(?P<said>.*))?$"
)
# What was done with them, and what the minutes add: "agreed as accurate",
# "approved, subject to …", "approved and signed".
_OUTCOME = re.compile(
    r"(?i)\b(?P<v>approved|agreed|accepted|confirmed|adopted|signed\s+off|signed|ratified|"
    r"carried|ok'?d|passed)\b(?P<rest>(?:\s+(?:as|with|subject\s+to)\b[^.;]*)?)"
)
_SAYS_WHICH = re.compile(r"(?i)\b(?:minutes|notes)\s+of\b")
_VERBS = {"carried": "approved", "passed": "approved", "okd": "approved", "ok'd": "approved"}
_BODY_LINES = 3
# An outcome this short says no more than the decision in full; a longer
# one (a motion told at length) is kept as the minutes word it.
_SHORT = 16


def approvals_in_full(
    decisions: list[Decision], items: list[FoundItem], lines: list[Line]
) -> list[Decision]:
    """``decisions`` with each approval of minutes said in full: the one
    under a minutes item that does not say which minutes is rewritten, and
    one told only in the item's title or first lines is added."""
    out = list(decisions)
    for n, found in enumerate(items):
        m = _MINUTES_ITEM.match(found.item.title.strip())
        if not m or not (m.group("of") or m.group("before").strip()):
            # "Approval of Minutes": the title does not say which; the
            # minutes' own words say no less.
            continue
        end = items[n + 1].line if n + 1 < len(items) else len(lines)
        under = [d for d in out if found.line <= d.line < end]
        which = _which(m)
        if under:
            first = under[0]
            if _SAYS_WHICH.search(first.text) or (
                m.group("of") and m.group("of").lower() in first.text.lower()
            ):
                continue  # it already says which minutes
            said = _OUTCOME.search(first.text)
            if said and len(first.text.split()) <= _SHORT:
                first.text = _in_full(which, said)
            continue
        told = [m.group("said") or ""] + [
            ln.bare for ln in lines[found.line + 1 : min(end, found.line + 1 + _BODY_LINES)]
        ]
        for text in told:
            said = _OUTCOME.search(text) if len(text.split()) <= _SHORT else None
            if said:
                out.append(Decision(_in_full(which, said), found.line, None))
                break
    return sorted(out, key=lambda d: d.line)


def _which(m: re.Match[str]) -> str:
    """ "The minutes of 1 April 2026", "The notes of last meeting", "The December minutes"."""
    noun = m.group("noun").lower()
    if m.group("of"):
        return f"The {noun} of {m.group('of').strip(' .:')}"
    before = m.group("before").strip()
    return f"The {before} {noun}" if before else f"The {noun}"


def _in_full(which: str, said: re.Match[str]) -> str:
    verb = said.group("v").lower()
    verb = _VERBS.get(verb, verb)
    rest = said.group("rest").rstrip(" .,")
    return f"{which} were {verb}{rest}."
