"""What the sentence model sees of one sentence.

Its words and word pairs (lower case), its first words, its shape (length,
a task form "X to / will / was asked to …", initials at the end, a vote
count, a date, a closing colon, a heading-like fragment, a table cell, a
bullet), the heading it sits under and the sentence before it.  Not what the
rules made of it: trained where the rules read most actions, such a feature
taught the model that what the rules miss is no action.

:class:`Coverage` says how much of a sentence the rules already read, so the
model is asked only about the rest.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

_WORD = re.compile(r"[a-z][a-z']*|\d+")
_INITIALS_END = re.compile(
    r"(?:[(\[–—-]|\s{2,})\s*[A-Z]{2,4}(?:\s*[/&,]\s*[A-Z]{2,4})*\s*[)\]]?\.?$"
)
_TASK_FORM = re.compile(
    r"^(?:[A-Z][\w'’.-]*|the|all)(?:\s+(?:[A-Z][\w'’.-]*|and|&|of|the|for)){0,6}?\s+"
    r"(?:to|will|would|shall|agreed\s+to|offered\s+to|undertook\s+to|"
    r"(?:is|was|were|are)\s+(?:asked|requested|directed|instructed|tasked|invited)\s+to)\s+[a-z]"
)
_PASSIVE = re.compile(r"\b(?:to\s+be|be)\s+[a-z]+ed\b")
_VOTE = re.compile(r"\b\d+\s*(?:-|to|–)\s*\d+\b|\bunanimous|\bnem\.?\s*con", re.I)
_DATE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b(?:january|february|march|april|june|july|august"
    r"|september|october|november|december)\b",
    re.I,
)
_CUE = re.compile(r"(?i)\b(action|decision|resolved|agreed|agreement|outcome)s?\b")
_LEADER = re.compile(r"^[-•*#>\s]+")
_LENGTHS = ((2, "1"), (5, "s"), (15, "m"), (35, "l"))

# Words every sentence shares; the overlap with the rules' findings ignores them.
_STOP = frozenset(
    ("a", "an", "the", "of", "to", "and", "in", "on", "for", "by", "at", "with", "be", "is",
     "was", "were", "that", "this", "it", "as", "from", "or")
)  # fmt: skip


def words(text: str) -> list[str]:
    """The lower-case words and numbers of ``text``."""
    return _WORD.findall(text.lower())


def heading_cue(line: str) -> str | None:
    """The cue word of a short heading-like line ("Actions", "Decisions:"), if any."""
    if len(line.split(None, 6)) > 6 or line.rstrip().endswith("."):
        return None
    m = _CUE.search(line)
    return m.group(1).lower() if m else None


def sentence_features(
    sentence: str,
    previous: str,
    *,
    in_row: bool,
    bullet: bool,
    heading: str | None,
) -> list[str]:
    """The features of ``sentence`` (``heading``: the cue word of the heading it sits under).

    >>> f = sentence_features("Jo to book the hall.", "", in_row=False, bullet=False, heading=None)
    >>> "task_form" in f and "w:book" in f and "b:the_hall" in f
    True
    """
    ws = words(sentence)[:30]
    feats = ["bias"]
    feats.extend("w:" + w for w in ws)
    feats.extend("b:" + a + "_" + b for a, b in zip(ws, ws[1:], strict=False))
    if ws:
        feats.append("f1:" + ws[0])
        if len(ws) > 1:
            feats.append("f2:" + ws[0] + "_" + ws[1])
    n = len(ws)
    feats.append("len:" + next((name for edge, name in _LENGTHS if n <= edge), "xl"))
    text = sentence.rstrip()
    if _INITIALS_END.search(text):
        feats.append("init_end")
    if _TASK_FORM.match(_LEADER.sub("", text)):
        feats.append("task_form")
    low = text.lower()
    if _PASSIVE.search(low):
        feats.append("passive")
    if _VOTE.search(text):
        feats.append("vote")
    if _DATE.search(text):
        feats.append("date")
    if text.endswith(":"):
        feats.append("colon_end")
    if n <= 8 and not text.endswith((".", ":", ")")):
        feats.append("headish")
    first = text.split()[0] if text.split() else ""
    if first.isupper() and len(first) > 2:
        feats.append("caps_first")
    if in_row:
        feats.append("row")
    if bullet:
        feats.append("bullet")
    if heading:
        feats.append("ctx:" + heading)
    if previous:
        pw = words(previous)[:1]
        if pw:
            feats.append("p1:" + pw[0])
        if previous.rstrip().endswith(":"):
            feats.append("p_colon")
        cue = heading_cue(previous)
        if cue:
            feats.append("p_head:" + cue)
    return feats


def _content(text: str) -> Counter[str]:
    return Counter(w for w in words(text) if w not in _STOP)


def _f1(a: Counter[str], b: Counter[str]) -> float:
    """Word overlap of two bags of words as an F1 (each word counted as often as it occurs)."""
    common = (a & b).total()
    if not common:
        return 0.0
    p, r = common / a.total(), common / b.total()
    return 2 * p * r / (p + r)


def overlap(a: str, b: str) -> float:
    """How much two texts say the same: the F1 of their words, less the commonest.

    >>> overlap("Jo to book the hall.", "Book the hall")
    0.8
    """
    return _f1(_content(a), _content(b))


class Coverage:
    """Whether a sentence says what one of some texts (the rules' findings) says.

    >>> Coverage(["Book the hall for May"]).reaches("Jo to book the hall for May.", 0.5)
    True
    """

    def __init__(self, texts: Iterable[str]) -> None:
        self._texts = [set(_content(t)) for t in texts]
        self._index: dict[str, set[int]] = defaultdict(set)
        for i, ws in enumerate(self._texts):
            for w in ws:
                self._index[w].add(i)

    def reaches(self, sentence: str, share: float) -> bool:
        """Whether ``sentence`` overlaps one of the texts by ``share`` or more
        (the F1 of their sets of words: a bag's is dearer, and the same here)."""
        ws = set(_content(sentence))
        near: set[int] = set()
        for w in ws:
            near |= self._index.get(w, set())
        size = len(ws)
        texts = self._texts
        return any(2 * len(ws & texts[i]) >= share * (size + len(texts[i])) for i in near)
