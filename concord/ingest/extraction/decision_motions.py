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

_MOVED = re.compile(r"\b(?:moved|moves|motion(?:ed)?|proposed)\b", re.I)
# "Motion by A, second by B, to approve …": the motion says what it moves.
_STATES = re.compile(r",\s+(?:to\s+[a-z]{3,}|that\s)")
_MOVED_BY = re.compile(r"\b(?:moved|moves|proposed)\b", re.I)
_MOVED_BY_ONLY = re.compile(
    r"^\W*(?i:moved|proposed|motion)\s*(?:(?i:by)\b|:|(?=(?i:cllr|councillor|mr|mrs|ms|dr)\b|[A-Z]))"
)
_SECONDED = re.compile(r"\b(?:seconded|seconds|2nd|second(?=\s+by\b))\b", re.I)
_CARRIED = re.compile(
    r"\b(?:carried|carries|unanimous(?:ly)?|passed|passes|agreed|approved|accepted|adopted|in\s+favou?r|"
    r"all\s+in\s+favou?r|no\s+objections?)\b",
    re.I,
)
_REFERS_BACK = re.compile(
    r"(?i)\b(?:moved|proposed)\s+(?:that\s+)?(?:the\s+above|the\s+same|this|these)\b"
)
_ENDS = re.compile(r"[.!?]\W*$")
_FAILED = re.compile(r"(?i)\bmotion\s+(?:failed|lost|defeated)\b")
# An outcome that rejects the motion: "Motion failed 3-4 (A, B in favour)".
_LOST = re.compile(r"(?i)\b(?:failed|lost|defeated|not\s+carried|rejected|fell)\b")
_VOTE_WORDS = re.compile(r"\b(?:motion|vote|voted|votes)\b", re.I)
# A vote told name by name or by counts between a motion and its outcome:
# "Roll call vote: Ayes - A, B.", "Nays - C.", "Absent - D.", "For: 5, Against: 1".
_TALLY = re.compile(
    r"^(?:(?:roll[- ]call|recorded|division)\s+(?:vote|division)\b|votes?\s*:|"
    r"(?:ayes?|yeas?|nays?|noes|abstain(?:ed|ing|s)?|abstentions?|for|against|absent|excused|"
    r"not\s+voting|recused)\s*(?:[:\-–—(]|\d|$)"
    # "Councilor Bahrman abstained.", "Cllr Fox voted against.": one member's vote.
    r"|[^,;:]{1,40}?\s+(?:abstained|abstains|recused\s+\w+self|voted\s+(?:against|no|nay))\.?$)",
    re.I,
)
# A motion to adjourn ends the meeting; it decides nothing.
_ADJOURN = re.compile(
    r"(?i)\b(?:to|that\s+(?:the\s+)?\w+(?:\s+\w+)?)\s+adjourn\b(?!\s+(?:the\s+)?(?:item|debate|consideration))"
)


# "The motion passed 3-0.", "Motion carried unanimously.": an outcome alone.
_OUTCOME_ALONE = re.compile(
    r"(?i)^(?:the\s+)?motion\s+(?:was\s+)?(?:passed|passes|carried|carries|approved)\b[^.;]{0,40}\.?$"
)


def outcome_alone(text: str) -> bool:
    """Is ``text`` a motion's outcome and nothing else ("The motion carries.")?"""
    return _OUTCOME_ALONE.match(text) is not None


def motion_before(lines: list[Line], i: int, text: str) -> str | None:
    """What the outcome alone (:func:`outcome_alone`) on line ``i`` ("The motion
    passed 3-0.") decided: the motion moved and seconded a few paragraphs
    above, its debate between.

    >>> said = ["Brynn moved to approve the budget. Jordan seconded.", "Some debate.", "x"]
    >>> motion_before([Line(t, n) for n, t in enumerate(said)], 2, "The motion passed 3-0.")
    'Brynn moved to approve the budget. Jordan seconded. The motion passed 3-0.'
    """
    for n in range(i - 1, max(-1, i - 5), -1):
        above = lines[n].bare.strip()
        if _MOVED.search(above) and _SECONDED.search(above):
            said = sentences(above)
            if motions(said):
                return None  # that motion told its own outcome
            first = next((k for k, t in enumerate(said) if _MOVED.search(t)), 0)
            return " ".join([*said[first:], text])
        if _OUTCOME_ALONE.match(above):
            return None
    return None


def may_hold(low: str) -> bool:
    """Cheap test on a line's lower-cased text: could it tell a motion?"""
    return "moved" in low or "motion" in low or "proposed" in low or "moves" in low


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
        said = _SECONDED.split(sents[k], 1)[-1]
        lost = seconded and bool(_LOST.search(said))
        carried = seconded and not lost and bool(_CARRIED.search(said))
        tallies = 0
        while j < len(sents) and j <= k + 2 + tallies and not carried and not lost:
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
                said = _SECONDED.split(nxt, 1)[-1]
                lost = bool(_LOST.search(said))
                carried = not lost and bool(_CARRIED.search(said))
            elif seconded and _LOST.search(nxt) and len(nxt.split()) <= _outcome_words(nxt):
                group.append(nxt)  # "Motion failed 3-4 (A, B in favour)."
                lost = True
            elif seconded and _CARRIED.search(nxt) and len(nxt.split()) <= _outcome_words(nxt):
                group.append(nxt)
                carried = True
            else:
                break
            j += 1
        if seconded and (lost or (carried and _ADJOURN.search(sents[k]))):
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
    if _MOVED.search(told[0]) and j + 1 < len(lines) and not any(_SECONDED.search(t) for t in told):
        # "Motion: A moved to accept the minutes." / "B seconded the motion. It
        # passed 4-0.": the seconder and the vote on the next line.
        below = sentences(lines[j + 1].bare.strip())
        if below and _SECONDED.search(below[0]) and motions([*told, *below]):
            return j + 1
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


# A mover's or seconder's name (or office): not the outcome told after it.
_WHO = r"(?:(?!\b(?:and|agreed|carried|resolved|unanimously|approved)\b)[^,;()]){1,60}?"
# Where a name told after ends: a comma, the end, or a full stop that ends no
# title or initial ("Cllr. A. Thomas").
_WHO_ENDS = r"(?=[,;]|$|\.(?<!Cllr\.)(?<!Dr\.)(?<!Mr\.)(?<!Mrs\.)(?<!Ms\.)(?<!\b[A-Z]\.))"
# "moved by A", "moved: A", "moved A": not "moved as correct by A".
_MOVED_WHO = r"(?:moved|proposed)\s*(?:by\b\s*:?|:|(?=(?-i:[A-Z])))\s*"

# Who moved and who seconded, told before what was moved: "Motion by A,
# second by B, to …", "Moved A, seconded B, that …", "On the proposal of A,
# seconded by B, the minutes …", "It was moved by A and seconded by B that …",
# "Moved by: A Seconded by: B THAT …".
_MOVERS_BEFORE = re.compile(
    r"(?:^|(?<=\s))(?:it\s+was\s+)?(?:(?:up)?on\s+(?:a\s+|the\s+)?(?:motion|proposal)\s+(?:of|by|from)\s+|"
    r"motion\s+(?:by|from)\s+|"
    + _MOVED_WHO
    + ")"
    + _WHO
    + r"[,;/]?\s+(?:and\s+)?(?:seconded|second|2nd)\s*"
    r"(?:by\s*)?:?\s*" + _WHO + r"(?:,\s*|\s+)(?=(?:to|that|the)\b)",
    re.I,
)
# "Upon motion duly made and seconded, the consent agenda was approved."
_MOVED_AND_SECONDED = re.compile(
    r"(?i)^(?:up)?on\s+(?:a\s+)?motion\s+(?:duly\s+)?made\s+and\s+seconded,?\s*"
)
# "A moved, seconded by B, to …", "A moved, B seconded, to …" and "A moved
# to …" / "A moved that …".
_MOVER_FIRST = re.compile(
    r"^((?:[^,;():]{1,40}:\s*)?)[^,;():]{1,60}?\s+moved(?:,?\s+(?:and\s+)?(?:seconded\s+by\s+[^,;()]{1,60}?|[^,;()]{1,60}?\s+seconded),)?"
    r"\s+(?=(?:to|that|the)\b)",
    re.I,
)
# Who moved and seconded, told after: ", proposed by A and seconded by B",
# "(moved A, seconded B)", "on a motion by A, seconded by B".
_MOVERS_AFTER = re.compile(
    r"\s*\((?:moved|proposed|motion|proposer)\b[^()]*\bsecond[^()]*\)"
    r"|[,;]?\s*(?:on\s+(?:a\s+|the\s+)?(?:motion|proposal)\s+(?:of|by|from)\s+|"
    + _MOVED_WHO
    + ")"
    + _WHO
    + r"[,;/]?\s*(?:and\s+)?(?:seconded|second)\s*(?:by\s+)?"
    + _WHO
    + _WHO_ENDS,
    re.I,
)
# A sentence that only names who moved or seconded: "Moved by A, seconded by
# B.", "Moved Craig / seconded Aroha.", "Bo seconded."
_ONLY_MOVERS = re.compile(
    r"^(?:"
    + _MOVED_WHO
    + r"[^.]{1,60}?[,;/]?\s*(?:and\s+)?(?:seconded|second)\s*(?:by\s*)?:?\s*[^.]{1,60}?"
    r"|(?:moved|proposed)\s+by\s+[^.]{1,40}?|[^.]{1,40}?\s+seconded(?:\s+(?:the\s+motion|it))?(?:\s+by\s+[^.]{1,40})?"
    r"|seconded\s+by\s+[^.]{1,60}?"
    # "Bob moved the above be adopted.": what was moved is told before it.
    r"|[^.]{1,40}?\s+moved\s+(?:that\s+)?(?:the\s+above|the\s+same|this|these)\b[^.]{0,30})\.?$",
    re.I,
)


# Stops left doubled where a movers' tag came out: "record., all in favour".
_LEFT_STOPS = re.compile(r"([.;,])(?:\s*[.;,])+")
_LOWER_AFTER_STOP = re.compile(r"(?<=\. )[a-z]")


def _roll_call(sentence: str) -> bool:
    """A vote told name by name, no count: "Roll call vote: A - Aye; B - Aye."."""
    return bool(_TALLY.match(sentence)) and not any(c.isdigit() for c in sentence)


_STUMP = re.compile(
    r"^(?:(?i:(it\s+was))\s*,?\s*(?i:and)\s+(?=[A-Z])|(?:[A-Z][a-z]{1,15}:)?\s*,\s*and\s+(?=[A-Za-z]))"
)


def plain_wording(text: str) -> str:
    """A motion's decision in its own words: who moved and seconded it and
    the vote name by name left out, what was moved and its outcome kept.

    >>> plain_wording("Motion by A, second by B, to approve the agenda. Motion passed 4-0.")
    'To approve the agenda. Motion passed 4-0.'
    >>> plain_wording("The minutes were approved, proposed by Ann Lee and seconded by Bo Roe.")
    'The minutes were approved.'
    >>> plain_wording("It was moved by A, seconded by B, and RESOLVED that the bid be made.")
    'It was RESOLVED that the bid be made.'
    """
    said = _MOVED_AND_SECONDED.sub("", text.strip())
    said = _MOVER_FIRST.sub(r"\1", said, count=1)  # a label before the mover kept
    said = _MOVERS_BEFORE.sub("", said, count=1)
    said = _LEFT_STOPS.sub(r"\1", _MOVERS_AFTER.sub("", said))
    if "and" in said:
        # "It was moved by A, seconded by B, and RESOLVED that …": what is
        # left of the sentence once its movers go.
        said = _STUMP.sub(lambda m: "It was " if m.group(1) else "", said)
    kept = [
        s.strip()
        for s in sentences(said)
        if any(c.isalnum() for c in s)
        and not _roll_call(s.strip())
        and not _ONLY_MOVERS.match(s.strip())
    ]
    kept = [_LOWER_AFTER_STOP.sub(lambda m: m.group(0).upper(), s[0].upper() + s[1:]) for s in kept]
    return " ".join(kept) if kept else text
