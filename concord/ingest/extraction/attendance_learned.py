"""Attendance found by the line model when no rule found a section.

The rules read attendance once a heading they know opens a section.  When
they find no one at all, the line model (trained on invented minutes, see
:mod:`concord.ingest.lines`) labels the lines near the top of the document;
runs of lines it calls ``person`` are read as entries, under the status of
the heading line before them (``att_head``) or "present".
"""

from __future__ import annotations

import re

from concord.ingest.extraction.attendance_headings import heading_status
from concord.ingest.extraction.attendance_rolls import apply_stars, org_roll
from concord.ingest.extraction.attendance_walk import Walk
from concord.ingest.extraction.attendees import parse_entry
from concord.ingest.extraction.names import POST_WORDS
from concord.ingest.lines.model import classify
from concord.ingest.record import Attendee
from concord.ingest.text import BLANK, ROW, Block

# How far into a document attendance is looked for, in non-blank blocks.
TOP_BLOCKS = 80
# With attendance found by the rules, how many blocks past its last one are looked at.
AFTER_KNOWN = 15
# A line labelled "person" with a margin below this is not trusted.
MIN_MARGIN = 2.0
_STATUS_WORDS = (
    (re.compile(r"(?i)apolog|regrets|excused"), "apologies"),
    (re.compile(r"(?i)absent|awol|not\s+present"), "absent"),
    (
        re.compile(r"(?i)also|in\s+attendance|officer|guest|observer|staff|clerk|minute"),
        "in_attendance",
    ),
)


def _status_of(line: str) -> str:
    head = heading_status(line)
    if head:
        return head[0]
    for rx, status in _STATUS_WORDS:
        if rx.search(line):
            return status
    return "present"


# A heading the model proposes is trusted only when it names attendance.
_HEAD_WORD = re.compile(
    r"(?i)\b(?:present|attend\w*|apolog\w*|absent|members|roll|regrets|officers|guests|also)\b"
)
_NUMBER = re.compile(r"^\s*\d{1,2}[.)]\s+")
_CUE = re.compile(r"(?i)^\W*((?:[\w-]+\s+){0,3}?(?:present|attend\w*|apolog\w*|absent))\b\W*(.*)$")


def _cue_line(line: str) -> tuple[str, str] | None:
    """``(status, rest)`` for a line opening with a cue the rules' headings miss."""
    m = _CUE.match(line)
    return (_status_of(m.group(1)), m.group(2)) if m and m.group(2) else None


def _entries(line: str, status: str, after_heading: bool) -> tuple[list[Attendee], list[bool]]:
    """The people on one line the model calls ``person``, and which carry a ``*``."""
    roll = org_roll(line, status, in_roll=True)
    if roll:
        return [p for p, _ in roll], [star for _, star in roll]
    found = parse_entry(line, status, single=after_heading)
    words = line.split()
    if not found and len(words) > 2 and words[-1].lower().strip(".,") in POST_WORDS:
        # "Bryn Lunt Treasurer": a name and the post its holder has.
        found = parse_entry(" ".join(words[:-1]), status, single=after_heading)
    cols = [c for c in re.split(r"\t+|\s{3,}", line) if c.strip()]
    if len(cols) > 2 and "," not in line:
        # "J Rear<tab>A Finch<tab>R Chape": a row of names in columns.
        each = [parse_entry(c, status, single=after_heading) for c in cols]
        if sum(1 for e in each if e) * 3 >= len(cols) * 2:
            found = [a for e in each for a in e]
    return found, [False] * len(found)


def _row_people(cells: tuple[str, ...], columns: list[str] | None, status: str) -> list[Attendee]:
    """A table row: one entry per column under status headings side by side, else
    a name with its organisation in the next cell."""
    if columns and len(cells) > 1:
        out: list[Attendee] = []
        for cell, st in zip(cells, columns, strict=False):
            out.extend(_entries(cell, st, False)[0] if cell.strip() else [])
        return out
    found = _entries(cells[0], status, False)[0]
    if len(found) == 1 and len(cells) > 1:
        found[0].organisation = found[0].organisation or cells[1].strip() or None
    return found


def learned_attendance(w: Walk, blocks: list[Block], known: set[int] | None = None) -> None:
    """Add the people of the lines the model labels ``person``.

    ``known`` are blocks the rules already read: they are not read again, and
    the model looks no further than a few blocks past the last of them.
    """
    known = known or set()
    end = max(known) + AFTER_KNOWN if known else len(blocks)
    picked = [(i, b) for i, b in enumerate(blocks[:end]) if b.kind != BLANK and b.cells]
    picked = picked[:TOP_BLOCKS]
    if not picked:
        return
    labels = classify([b.text for _, b in picked])
    status = "present"
    columns: list[str] | None = None
    started = armed = False
    gap = 0
    starred: list[tuple[Attendee, bool, int]] = []
    # A numbered line is an attendee only in a numbered list begun right
    # under a heading ("Attendees / 1. Ann Ashby / 2. …"); else it is an item.
    numbered_list = False
    for (index, block), (label, margin) in zip(picked, labels, strict=True):
        line = block.text
        if (label == "att_head" and _HEAD_WORD.search(line)) or heading_status(line):
            status = _status_of(line)
            armed, gap = True, 0
            bare = heading_status(line) or _cue_line(line)
            numbered_list = not (bare and bare[1])  # a heading alone, not "Present: A, B"
            heads = [heading_status(c) for c in block.cells]
            columns = None
            if block.kind == ROW and sum(1 for h in heads if h) > 1:
                # "Present:<tab>Also present:": one status per column.
                columns = [h[0] if h else status for h in heads]
                continue
            head = None if index in known else heading_status(line) or _cue_line(line)
            found = _entries(head[1], head[0], True)[0] if head and head[1] else []
            if found:  # "Apologies - A, B": the heading and its entries on one line
                w.add(found, index)
                started = True
            continue
        numbered = bool(_NUMBER.match(line))
        if numbered and not numbered_list:
            if started:
                break  # the items have begun
            continue
        numbered_list = numbered
        if index in known:
            started, armed, gap = True, True, 0  # read by the rules already
            continue
        if label != "person" or margin < MIN_MARGIN:
            gap += 1
            if gap > 2:
                armed = False
                if started:
                    break  # the attendance is over
            continue
        head = heading_status(line) or _cue_line(line)
        if head:
            found, stars = _entries(head[1], head[0], True)
        elif not armed:
            continue  # names with no attendance cue before them: a table of something else
        elif block.kind == ROW:
            found = _row_people(block.cells, columns, status)
            stars = [False] * len(found)
        else:
            found, stars = _entries(_NUMBER.sub("", line), status, False)
        starred.extend((p, star, 0) for p, star in zip(found, stars, strict=True))
        if found:
            w.add(found, index)
            started, armed, gap = True, True, 0
    apply_stars(starred)
