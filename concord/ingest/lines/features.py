"""Layout-independent features of a line and its neighbours.

A line is described by its shape, not its words: how many words are
capitalised, how many look like "First Last" pairs, titles (Cllr, Dr),
brackets, commas, tabs, a leading number or minute reference, bullets,
capitals, a closing colon; plus a few cue words (present, apologies, action,
agreed, resolved …) and the lower-case function words, which mark running
prose.  Each line also sees the shape of the lines before and after it and
how far it is from the last attendance cue.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
_NAME_PAIR = re.compile(
    r"\b(?:[A-Z][a-z'’]+|[A-Z]\.?)\s+(?:(?:de|van|von|O'|Mc|Mac)\s*)?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?\b"
)
_TITLE = re.compile(
    r"\b(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss|Prof|Rev|Revd|Sgt|Insp|Sir|Dame|Lord|Lady)\b\.?"
)
_INITIALS_BR = re.compile(r"\(\s*[A-Z]{2,4}\s*\)")
_NUMBERED = re.compile(
    r"^(?:#+\s*|\*\*)?(?:item\s+)?(?:\d{1,3}(?:\\?\.\d{0,2}|\)|:)?|\(?[a-z]\)|[A-Z]{1,4}\s*\d{1,3}/\d{1,3}|\d{1,3}/\d{2,4})\s+\S",
    re.I,
)
_BULLET = re.compile(r"^(?:[•·●○◦▪■□❖➢➤►▶–*-]|\[[ x]\])\s*")
_CUES = {
    "present": "c_present",
    "attendees": "c_present",
    "attendance": "c_present",
    "attending": "c_present",
    "attended": "c_present",
    "members": "c_members",
    "apologies": "c_apol",
    "apology": "c_apol",
    "absent": "c_absent",
    "regrets": "c_apol",
    "action": "c_action",
    "actions": "c_action",
    "agreed": "c_agree",
    "resolved": "c_agree",
    "decided": "c_agree",
    "approved": "c_agree",
    "carried": "c_agree",
    "seconded": "c_agree",
    "moved": "c_agree",
    "motion": "c_agree",
    "to": "c_to",
    "will": "c_will",
    "by": "c_by",
    "minutes": "c_minutes",
    "meeting": "c_meeting",
    "held": "c_held",
    "item": "c_item",
    "chair": "c_role",
    "secretary": "c_role",
    "treasurer": "c_role",
    "clerk": "c_role",
    "officers": "c_members",
    "also": "c_also",
    "next": "c_next",
}
_MONTH = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}",
    re.I,
)


_MONTHS3 = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DIGIT = re.compile(r"\d")
_INI_END = re.compile(r"\b[A-Z]{2,3}\.?$")


def _bucket(n: int, edges: tuple[int, ...]) -> int:
    """Index of the first edge ``n`` does not exceed (``len(edges)`` past the last)."""
    return bisect_left(edges, n)


def shape(line: str) -> list[str]:
    """The features of one line on its own."""
    f: list[str] = []
    s = line.strip()
    if _BULLET.match(s):
        f.append("bullet")
        s = _BULLET.sub("", s, count=1)
    s = s.lstrip("#").strip()
    words = _WORD.findall(s)
    n = len(words)
    f.append(f"w{_bucket(n, (1, 2, 3, 4, 6, 9, 14, 25))}")
    if n:
        caps = sum(1 for w in words if w[0].isupper())
        f.append(f"cap{_bucket(caps * 10 // n, (2, 4, 6, 8, 9))}")
        lower = [w.lower() for w in words if w[0].islower()]
        f.append(f"low{_bucket(len(lower), (0, 1, 2, 4, 8))}")
        for w in lower[:12]:
            if len(w) <= 4:
                f.append("lw_" + w)
        first = words[0].lower()
        if first in _CUES:
            f.append("f_" + _CUES[first])
        for w in {w.lower() for w in words[:20]}:
            if w in _CUES:
                f.append(_CUES[w])
        if s.isupper() and n >= 1:
            f.append("allcaps")
    pairs = len(_NAME_PAIR.findall(s))
    f.append(f"pairs{_bucket(pairs, (0, 1, 2, 4))}")
    if n:
        f.append(f"pairdens{_bucket(pairs * 10 // max(n, 1), (0, 2, 3, 4))}")
    if _TITLE.search(s):
        f.append("title")
    if "(" in s:
        f.append("bracket")
        if _INITIALS_BR.search(s):
            f.append("ini_br")
    f.append(f"comma{_bucket(s.count(','), (0, 1, 3, 6))}")
    if "\t" in s or "   " in s:
        f.append("cols")
    if s.startswith("|"):
        f.append("pipe")
    if _NUMBERED.match(s):
        f.append("numbered")
    if s.endswith(":"):
        f.append("colon_end")
    elif ":" in s[:30]:
        f.append("colon_early")
    if s.endswith("."):
        f.append("period_end")
    digit = _DIGIT.search(s)
    # A date needs a digit or a month's first three letters (a test of
    # substrings first; text not all ASCII always runs the case-blind pattern).
    if (digit or not s.isascii() or any(m in s.lower() for m in _MONTHS3)) and _MONTH.search(s):
        f.append("date")
    if digit:
        f.append("digit")
    if "@" in s or "[ ]" in line:
        f.append("at")
    if _INI_END.search(s):
        f.append("ini_end")
    if s.count(". ") >= 1:
        f.append("sentences")
    return f


_CONTEXT = (
    "pairs",
    "cap",
    "w",
    "numbered",
    "colon_end",
    "bullet",
    "cols",
    "period_end",
    "f_c_present",
    "f_c_apol",
    "f_c_absent",
    "f_c_members",
    "c_also",
    "title",
    "pipe",
)


def line_features(
    shapes: list[list[str]], contexts: list[list[str]], i: int, since_cue: int
) -> list[str]:
    """Features of line ``i`` given every line's :func:`shape`, the part of each
    shape its neighbours see (``contexts``), and the distance (in lines) since
    the last line that opened with an attendance cue."""
    f = ["bias", *shapes[i]]
    n = len(shapes)
    for j, tag in ((i - 1, "p_"), (i + 1, "n_"), (i - 2, "pp_")):
        if 0 <= j < n:
            f.extend([tag + x for x in contexts[j]])
        else:
            f.append(tag + "none")
    f.append(f"cue{_bucket(since_cue, (0, 1, 3, 8, 20))}")
    f.append(f"pos{_bucket(i, (2, 6, 15, 40))}")
    if i > 0:
        # A list goes on: this line has the shape of the one before.
        f.append("same_prev" if contexts[i] == contexts[i - 1] else "new_shape")
    return f


_CUE_START = re.compile(
    r"^\W*(?:[\w-]+\s+){0,3}?(?:present|attendees|attendance|attending|"
    r"apolog|absent|in\s+attendance|roll\s+call|regrets)\b",
    re.I,
)


def document_features(lines: list[str]) -> list[list[str]]:
    """The features of every line of a document."""
    shapes = [shape(ln) for ln in lines]
    contexts = [[x for x in sh if x.startswith(_CONTEXT)] for sh in shapes]
    out = []
    since = 99
    for i, ln in enumerate(lines):
        if _CUE_START.match(ln):
            since = 0
        out.append(line_features(shapes, contexts, i, since))
        since += 1
    return out
