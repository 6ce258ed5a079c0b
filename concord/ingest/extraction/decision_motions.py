"""Decisions told as motions: moved, seconded and carried.

A motion and its vote may take up to three sentences ("Ann moved the report
be accepted. Bo seconded. Carried."), or run onto the lines below: the
motion's wording wrapped, then a roll call ("Ayes - A, B", "Nays - C") and
its outcome ("Motion carried 5-1.") on lines of their own.  A motion with
no vote is no decision, nor is a motion to adjourn; "Moved by A, seconded
by B. Carried." takes the sentence before as what was moved, and "moved
the above" the line before.

The functions return the motions' words as written; ``decisions.py``
tidies them and keeps where they were found.
"""

from __future__ import annotations

import re

from concord.ingest.extraction.layout import Line, sentences

_MOVED = re.compile(r"\b(?:moved|motion|proposed)\b", re.I)
# "Motion by A, second by B, to approve …": the motion says what it moves.
_STATES = re.compile(r",\s+(?:to\s+[a-z]{3,}|that\s)")
_MOVED_BY = re.compile(r"\b(?:moved|proposed)\b", re.I)
_MOVED_BY_ONLY = re.compile(
    r"^\W*(?i:moved|proposed|motion)\s*(?:(?i:by)\b|:|(?=(?i:cllr|councillor|mr|mrs|ms|dr)\b|[A-Z]))"
)
_SECONDED = re.compile(r"\b(?:seconded|2nd|second(?=\s+by\b))\b", re.I)
_CARRIED = re.compile(
    r"\b(?:carried|unanimous(?:ly)?|passed|agreed|approved|accepted|adopted|in\s+favou?r|"
    r"all\s+in\s+favou?r|no\s+objections?)\b",
    re.I,
)
_REFERS_BACK = re.compile(
    r"(?i)\b(?:moved|proposed)\s+(?:that\s+)?(?:the\s+above|the\s+same|this|these)\b"
)
_ENDS = re.compile(r"[.!?]\W*$")
_FAILED = re.compile(r"(?i)\bmotion\s+(?:failed|lost|defeated)\b")
_VOTE_WORDS = re.compile(r"\b(?:motion|vote|voted|votes)\b", re.I)
# A vote told name by name or by counts between a motion and its outcome:
# "Roll call vote: Ayes - A, B.", "Nays - C.", "For: 5, Against: 1".
_TALLY = re.compile(
    r"^(?:(?:roll[- ]call|recorded|division)\s+(?:vote|division)\b|votes?\s*:|"
    r"(?:ayes?|yeas?|nays?|noes|abstain(?:ed|ing|s)?|abstentions?|for|against)\s*(?:[:\-–—(]|\d|$))",
    re.I,
)
# A motion to adjourn ends the meeting; it decides nothing.
_ADJOURN = re.compile(r"(?i)\bto\s+adjourn\b(?!\s+(?:the\s+)?(?:item|debate|consideration))")


def may_hold(low: str) -> bool:
    """Cheap test on a line's lower-cased text: could it tell a motion?"""
    return "moved" in low or "motion" in low or "proposed" in low


def motions_at(lines: list[Line], i: int, text: str) -> tuple[list[str], set[str], int]:
    """The motions told on line ``i`` (its text ``text``): ``(motions,
    sentences, last line)``.

    ``motions`` are their words, in order; ``sentences`` are the sentences
    of the line they take up (none when the motion goes on below); ``last
    line`` is the line the last of them ends on, ``i`` unless the motion
    goes on below with its vote.
    """
    sents = sentences(text)
    found = motions(sents)
    goes_on = not found and bool(sents) and bool(_MOVED.search(sents[0]))
    last = _vote_below(lines, i, sents) if goes_on else i
    if last > i:
        # The motion on this line, its vote and outcome on the lines below.
        below = [lines[n].bare.strip() for n in range(i + 1, last + 1)]
        said = sentences(" ".join([text, *below]))
        return [m for m, _ in motions(said) if m], set(), last
    told: list[str] = []
    taken: set[str] = set()
    for motion, parts in found:
        taken.update(parts)
        if not motion:
            continue
        if parts[0] == sents[0] and i > 0 and _REFERS_BACK.search(parts[0]):
            # "Ann moved the above be adopted. Bo seconded. Carried.": what
            # was moved is the line before.
            motion = f"{lines[i - 1].bare.strip()} {motion}"
        told.append(motion)
    return told, taken, i


def motions(sents: list[str]) -> list[tuple[str, list[str]]]:
    """Motions moved, seconded and carried, told over up to three sentences.

    A motion with no recorded vote (or only moved) is not a decision; a
    motion to adjourn is returned with empty text (told, deciding nothing).

    >>> [m for m, _ in motions(["Ann moved the report be accepted.", "Bo seconded.", "Carried."])]
    ['Ann moved the report be accepted. Bo seconded. Carried.']
    >>> motions(["A motion to adjourn was made by Ann and 2nd by Bo."])
    []
    >>> [m for m, _ in motions(["Bo moved, seconded by Ann, to adopt it.", "Motion carried."])]
    ['Bo moved, seconded by Ann, to adopt it. Motion carried.']
    >>> said = ["The report was accepted.", "Moved by Ann, seconded by Bo. Carried."]
    >>> [m for m, _ in motions(said)]
    ['The report was accepted. Moved by Ann, seconded by Bo. Carried.']
    """
    out: list[tuple[str, list[str]]] = []
    k = 0
    while k < len(sents):
        if not _MOVED.search(sents[k]):
            k += 1
            continue
        group = [sents[k]]
        j = k + 1
        seconded = bool(_SECONDED.search(sents[k]))
        carried = seconded and bool(_CARRIED.search(_SECONDED.split(sents[k], 1)[-1]))
        tallies = 0
        while j < len(sents) and j <= k + 2 + tallies and not carried:
            nxt = sents[j]
            if seconded and _TALLY.match(nxt):
                # "Roll call vote: Ayes - …", "Nays - …": the vote, before its outcome.
                group.append(nxt)
                tallies += 1
                j += 1
                continue
            # "Motion carried." tells this motion's outcome; "Bo moved …" opens another.
            outcome = seconded and _CARRIED.search(nxt) and not _MOVED_BY.search(nxt)
            if _MOVED.search(nxt) and not _SECONDED.search(nxt) and not outcome:
                break
            if _SECONDED.search(nxt):
                seconded = True
                group.append(nxt)
                carried = bool(_CARRIED.search(_SECONDED.split(nxt, 1)[-1]))
            elif seconded and _CARRIED.search(nxt) and len(nxt.split()) <= _outcome_words(nxt):
                group.append(nxt)
                carried = True
            else:
                break
            j += 1
        if seconded and carried and _ADJOURN.search(sents[k]):
            out.append(("", group))  # told, but it decides nothing
            k = j
        elif seconded and carried:
            told = out and sents[k - 1] in out[-1][1]
            moved_by = k > 0 and _MOVED_BY_ONLY.match(sents[k])
            if moved_by and not told and not _STATES.search(sents[k]):
                # "The minutes were accepted. Moved by Ann, seconded by Bo.
                # Carried.": the sentence before says what was moved.
                group.insert(0, sents[k - 1])
            out.append((" ".join(g.strip() for g in group), group))
            k = j
        else:
            k += 1
    return out


def _vote_below(lines: list[Line], i: int, sents: list[str]) -> int:
    """The last line of a motion that starts on line ``i`` and goes on below:
    its wording wrapped onto the next lines, then its vote ("Roll call vote:
    …", "Nays - …") and outcome ("Motion carried 5-1.") on lines of their
    own; ``i`` when it does not go on."""
    j = i
    told = list(sents)
    while not _ENDS.search(told[-1]) and j + 1 < len(lines) and j < i + 3:
        # A motion wrapped onto the next lines (text kept as it was typed).
        j += 1
        told = sentences(" ".join([*told, lines[j].bare.strip()]))
        if motions(told):
            return j
    if not (_MOVED.search(told[0]) and any(_SECONDED.search(t) for t in told)):
        return i
    last = j
    j += 1
    while j < len(lines) and j <= last + 3:
        nxt = lines[j].bare.strip()
        outcome = _CARRIED.search(nxt) or _FAILED.search(nxt)
        if _TALLY.match(nxt) and not outcome:
            j += 1
            continue
        if outcome and not _MOVED_BY.search(nxt) and len(nxt.split()) <= 25:
            first = sentences(nxt)[0] if nxt else ""
            if _TALLY.match(nxt) or len(first.split()) <= _outcome_words(first):
                return j
        break
    return i


def _outcome_words(sentence: str) -> int:
    """How long a motion's outcome may run: longer when it tells the vote
    ("A unanimous vote in favour of the motion took place, and the motion was carried.")."""
    return 20 if _VOTE_WORDS.search(sentence) else 12
