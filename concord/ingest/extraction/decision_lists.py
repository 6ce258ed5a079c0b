"""Decisions the minutes set out as a list.

"RESOLVED:" (or "RESOLVED – That") over its numbered parts "(i) …; (ii) …";
"It was agreed:" over bullets, each bullet a decision; "The following
payments were approved:" over bullets, one decision with the list (or its
"TOTAL" line); a bare "Approved" under a bullet or closing a list; and
"RESOLVED: (1) that …; (2) that …" on one line, one decision per part.

The functions return the decisions' words as written; ``decisions.py``
tidies them and keeps where they were found.
"""

from __future__ import annotations

import re

from concord.ingest.extraction.layout import Line

# "RESOLVED:" or "RESOLVED – That" over its numbered parts "(i) …; (ii) …".
_LIST_LABEL = re.compile(
    r"^(?:the\s+[\w-]+(?:\s+[\w-]+)?\s+|members\s+)?(?:unanimously\s+)?"
    r"(?:resolved|agreed|decided|decisions?|verdicts?|conclusions?|resolutions?)"
    r"(?:\s*\([^()]{1,60}\))?\s*[:\-–—]?\s*"
    r"(?P<that>that\s*[:\-–—]?\s*)?$",
    re.I,
)
# A part of a list numbered or lettered: "(a)", "ii)", "(3)", "2.".
SUBLIST = re.compile(r"^(?:\(?[a-z]\)|\(?[ivx]{1,4}\)|\(\d{1,2}\)|\d{1,2}[.)])\s+", re.I)
# "…; and (b) the Clerk be …" (not "Section 100A(4) of the Act").
_INLINE_PART = re.compile(r"(?:;\s*(?:and\s+)?|\s+)\((?:\d{1,2}|[a-h]|[ivx]{1,4})\)\s+")
_RESOLVED_OR_AGREED = re.compile(r"^(resolved|agreed)\b", re.I)
_RESOLUTION_SEP = re.compile(r"\s*(?:;\s*(?:and\s+)?)?\(\s*(?:\d{1,2}|[a-h]|[ivx]{1,4})\s*\)\s*")
_BARE_HEADER = re.compile(
    r"^(?:(?:after|following)\s+(?:some\s+|further\s+)?discussion,?\s+)?(?:it\s+was\s+|members\s+|the\s+\w+\s+)?"
    r"(?:agreed|resolved|decided|approved)(?:\s+that)?\s*:?$",
    re.I,
)
_TOTAL = re.compile(r"(?i)^(?:grand\s+)?total\b[^.]{0,40}[£$€]\s?\d")
_OUTCOME_ONLY = re.compile(
    r"^(?:(?:was|were)\s+)?(?:unanimously\s+)?(?:approved|agreed|carried|adopted|accepted|passed)"
    r"(?:\s+unanimously)?\.?$",
    re.I,
)
_OUTCOME_WORDS = re.compile(r"approved|agreed|carried|adopted|accepted|passed")
_OUTCOME_TAIL = re.compile(
    r",\s*(?:(?:was|were)\s+)?(?:unanimously\s+)?(?:approved|agreed|carried|adopted|accepted|passed)\.?$",
    re.I,
)


def resolved_list(lines: list[Line], i: int, text: str) -> tuple[list[tuple[int, str]], int] | None:
    """``([(line, words), …], next line)`` when line ``i`` (its text ``text``)
    is a "RESOLVED:" label over its parts, else None.

    The parts are the bullets, numbered or lettered lines and "That …" lines
    under it; "RESOLVED – That" puts its "That" before each part.
    """
    # ("It was agreed:" is read by ``listed_under``, which follows its bullets
    # across a table's rows.)
    label = (
        _LIST_LABEL.match(text)
        if text[:1] in "rRaAdDtTmMvVcC" and text[-1:] in ":-–—tTdDsSnN)" and len(text) < 90
        else None
    )
    if not label:
        return None
    that = "That " if label.group("that") else ""
    parts: list[tuple[int, str]] = []
    j = i + 1
    while j < len(lines) and (
        lines[j].bullet or SUBLIST.match(lines[j].text) or lines[j].text.lower().startswith("that ")
    ):
        # ("(a) … be approved; and (b) …": a wrapped list read as one paragraph.)
        for part in _INLINE_PART.split(SUBLIST.sub("", lines[j].bare)):
            if part.strip(" ;"):
                parts.append((j, that + part.strip(" ;")))
        j += 1
    return parts, j


def outcome_told(lines: list[Line], i: int, text: str) -> str | None:
    """What a bare "Approved" (or "…, approved") line ``i`` approves, or None.

    Under a bullet ("• Workplan" / "As presented, approved") it is that
    bullet; as the last bullet of a list it is the list's lead-in and its
    bullets ("Officer slate:" • A • B • Approved).
    """
    if not _OUTCOME_WORDS.search(text.lower()):
        return None
    outcome = _OUTCOME_ONLY.match(text) or _OUTCOME_TAIL.search(text)
    if not outcome:
        return None
    cut = outcome.start() if outcome.re is _OUTCOME_TAIL else 0
    prev = lines[i - 1]
    if lines[i].bullet and _OUTCOME_ONLY.match(text):
        j = i - 1
        items: list[str] = []
        while j >= 0 and lines[j].bullet and not lines[j].bare.rstrip().endswith(":"):
            items.insert(0, lines[j].bare.strip(" .;"))
            j -= 1
        if j >= 0 and lines[j].bare.rstrip().endswith(":") and items:
            return f"{lines[j].bare.strip().rstrip(':')}: {'; '.join(items)} – {text.strip(' .')}"
        return None
    if cut and prev.bullet and not lines[i].bullet:
        return f"{prev.bare.strip(' .:')}, {text.strip()}"
    if not cut and not lines[i].bullet and prev.bullet:
        return f"{prev.bare.strip(' .:')} {text.strip().lower()}"
    return None


def listed_under(lines: list[Line], i: int, sentence: str) -> list[tuple[int, str, bool]] | None:
    """The decisions of a decision ``sentence`` on line ``i`` that leads in a
    list, as ``(line, words, listed)``; None when it leads in none.

    "It was agreed:" over bullets is one decision per bullet (``listed``);
    "The following payments were approved:" over bullets is one decision,
    the sentence with its bullets, or with the "TOTAL £6,393" line that sums
    them up; a lead-in with no bullets under it is the sentence alone.
    """
    if not (
        sentence.rstrip().endswith(":")
        or (_BARE_HEADER.match(sentence.strip()) and i + 1 < len(lines) and lines[i + 1].bullet)
    ):
        return None
    bullets = _following_bullets(lines, i)
    if _BARE_HEADER.match(sentence.strip()):
        return [(n, b.bare, True) for n, b in bullets]
    if not bullets:
        return [(i, sentence, False)]
    after = bullets[-1][0] + 1
    total = lines[after].bare.strip() if after < len(lines) else ""
    if _TOTAL.match(total):
        # "The following payments were approved:" • … • "TOTAL £6,393":
        # what was approved is the list, summed up by its total.
        return [(i, sentence.rstrip(": ") + ": " + total, False)]
    listed = "; ".join(b.bare.rstrip(".;") for _, b in bullets)
    return [(i, sentence.rstrip(": ") + ": " + listed, False)]


def _following_bullets(lines: list[Line], i: int) -> list[tuple[int, Line]]:
    """Bullet lines after line ``i``, stepping over other table columns."""
    out = []
    col = lines[i].col
    j = i + 1
    while j < len(lines):
        ln = lines[j]
        if ln.bullet:
            out.append((j, ln))
        elif not (col is not None and ln.col is not None and ln.col != col):
            break
        j += 1
    return out


def split_resolutions(text: str) -> list[str]:
    """ "RESOLVED: (1) that …; (2) that …" → one text per resolution.

    >>> split_resolutions("RESOLVED: (1) that the plan be noted; (2) that the fee rise.")
    ['Resolved: that the plan be noted', 'Resolved: that the fee rise.']
    """
    if not _RESOLVED_OR_AGREED.match(text):
        return [text]
    parts = _RESOLUTION_SEP.split(text)
    rest = [p for p in parts[1:] if p.strip()]
    if not rest:
        return [text]
    return ["Resolved: " + p.strip(" ;") for p in rest]
