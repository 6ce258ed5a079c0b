"""Who attended: Present / Apologies / In attendance / Absent sections.

Handles one person per line ("Name, Organisation"), many people on one line
("Present: A, B and C"), tables (with column headings such as "Apologies"
and "In attendance" side by side), name and organisation on consecutive
lines, roll calls with a status after each name, chair markers and
deputies.
"""

from __future__ import annotations

import re

from concord.ingest.extraction.attendance_headings import (
    heading_status,
    is_subheading,
    present_sentence,
    role_word,
    sub_status,
)
from concord.ingest.extraction.attendance_learned import learned_attendance
from concord.ingest.extraction.attendance_rolls import (
    SUBSTITUTE,
    SUBSTITUTE_WORDS,
    apply_stars,
    expand_initials,
    org_roll,
    substitute,
)
from concord.ingest.extraction.attendance_tables import read_row
from concord.ingest.extraction.attendance_walk import Attendance, Walk, person_key
from concord.ingest.extraction.attendee_person import ROLE, clean, strip_role
from concord.ingest.extraction.attendees import one_entry, parse_entry
from concord.ingest.extraction.layout import CHECKBOX, sentences
from concord.ingest.extraction.names import NOT_NAME_WORDS, looks_like_name
from concord.ingest.record import Attendee
from concord.ingest.text import BLANK, BULLET, PARA, ROW, Block, Text

__all__ = ["Attendance", "expand_initials", "extract_attendance", "heading_status"]

_CHAIR_LINE = re.compile(
    r"^((?:vice[- ]?)?chair(?:man|person|woman)?|in the chair)\s*[:\-–—]\s*(.+)$", re.I
)


_ITEM_START = re.compile(r"^\W*(?:item\s+)?\d{1,3}[.):]?\s+[A-Z]", re.I)
# Words of the headings a numbered item may be ("1. Apologies for absence").
_CUES = ("apolog", "absen", "attend", "regrets", "excused", "also", "officer", "guest")
_NUMBERED_HEADING = re.compile(r"^\d{1,2}(?:\.\d{1,2})?[.):]?\s+(\S.{0,40})$")
_IN_THE_CHAIR = re.compile(r"(?i)\bin\s+the\s+chair\s*:?\s*$")
_BARE_IN_ATTENDANCE = re.compile(r"(?i)^\W*(?:in\s+attendance|attending|attendance)\b")
_RUNNING_NUMBER = re.compile(r"^\d{1,4}(?:\.\d{1,2})?[.):]\s+")
_APOLOGY_CUE = re.compile(r"(?i)apolog|absen|regrets|present")
_CLUB_OFFICERS = re.compile(
    r"(?i)^\W*officers\b.*\b(?:president|hon\.?\s+(?:secretary|treasurer)|vice[- ]?chair(?:man)?|"
    r"captain)\b"
)


def extract_attendance(text: Text) -> Attendance:
    """Find attendance sections and the people in them."""
    w = Walk()
    blocks = text.blocks
    for index, block in enumerate(blocks):
        if block.kind == BLANK:
            continue
        cells = list(block.cells)
        if block.kind == ROW:
            read_row(w, cells, index)
            continue
        _read_line(w, blocks, cells[0] if cells else "", index)
    if not w.result.people:
        _unlabelled_list(w, blocks)
    _add_learned(w, blocks)
    apply_stars(w.section_starred)
    if w.bare_people and not any(p.status == "present" for p in w.result.people):
        # Minutes whose only list is "In attendance:" mean those present.
        for p in w.bare_people:
            p.status = "present"
    w.result.people = _without_surnames_alone(w.result.people)
    return w.result


def _without_surnames_alone(people: list[Attendee]) -> list[Attendee]:
    """``people`` less those named by a surname alone ("Roll call: Present -
    Hultgren, Ostrander") whom the attendance names in full too, with the
    same status ("Marlys Ostrander").

    >>> both = [Attendee(name="Ostrander"), Attendee(name="Marlys Ostrander")]
    >>> [p.name for p in _without_surnames_alone(both)]
    ['Marlys Ostrander']
    """
    full: dict[tuple[str, str], int] = {}
    for p in people:
        if " " in p.name:
            key = (p.name.split()[-1].lower(), p.status)
            full[key] = full.get(key, 0) + 1
    if not full:
        return people
    return [p for p in people if " " in p.name or full.get((p.name.lower(), p.status), 0) != 1]


def _numbered_heading(w: Walk, blocks: list[Block], line: str, index: int) -> bool:
    """Read an item whose title is an attendance heading, and say so: "1.
    Apologies for absence" over the names, or "2711. Apologies for absence:
    Cllr Ashby, Hoskin." with them.  The line stays an item's."""
    if len(line) < 48:
        if not any(map(line.lower().__contains__, _CUES)):
            return False
        numbered = _NUMBERED_HEADING.match(line)
        head = heading_status(numbered.group(1)) if numbered else None
        if not head or head[1] or (head[0] == "present" and "." not in line[:4].strip(".")):
            return False
        # "1. Apologies for absence", "1 APOLOGIES", "1.1 Attendees:".
        _read_line(w, blocks, numbered.group(1), index)  # type: ignore[union-attr]
    else:
        numbered = _RUNNING_NUMBER.match(line) if _APOLOGY_CUE.search(line[:40]) else None
        head = heading_status(line[numbered.end() :]) if numbered else None
        if not numbered or not head or not head[1]:
            return False
        _read_line(w, blocks, line[numbered.end() :], index)
    w.result.blocks.discard(index)
    return True


def _read_line(w: Walk, blocks: list[Block], line: str, index: int) -> None:
    """Read one line of text: a heading, a chair line, a substitute, or entries."""
    if line[:1].isdigit() and _numbered_heading(w, blocks, line, index):
        return
    low = line.lower()
    # A long line is tested for a heading before it is split, a short one
    # only after the chair test; never twice.
    long_prose = (
        len(line) > 60
        and ". " in line
        and (w.status is not None or "present" in low or "apolog" in low or "attend" in low)
    )
    heading = heading_status(line) if long_prose else None
    if long_prose and not heading:
        # Several sentences of attendance run together ("A and B. C and D were
        # also present. Apologies were received from E."): each on its own.
        parts = sentences(line)
        if len(parts) > 1 and any(
            heading_status(p) or present_sentence(p) or parse_entry(p.rstrip("."), "present")
            for p in parts
        ):
            for part in parts:
                _read_line(w, blocks, part.rstrip("."), index)
            return
    # Substring tests first: most lines name no chair and no substitute.
    chair = _CHAIR_LINE.match(clean(line)) if "chair" in low else None
    if chair and looks_like_name(strip_role(chair.group(2).split(",")[0])):
        found = parse_entry(chair.group(2), "present")
        for p in found[:1]:
            p.role = role_word(chair.group(1))
        w.add(found[:1], index)
        return
    if not long_prose:
        heading = heading_status(line)
    if heading:
        w.section += 1
        status = heading[0]
        if status == "in_attendance" and _CLUB_OFFICERS.search(line):
            # "Officers present: Ann Lee (President), Bo Fry (Hon. Secretary), …":
            # a society's elected officers are its members, not staff in attendance.
            status = "present"
        w.status, w.groups, w.columns, w.pending = status, None, None, None
        w.bare_in_attendance = bool(_BARE_IN_ATTENDANCE.match(line))
        # After "Apologies: Di Fox" a bullet of one word is not a name.
        w.inline = bool(heading[1])
        w.awaiting = not heading[1]
        w.chairing = "chair" in low and bool(_IN_THE_CHAIR.search(line))
        w.mark(index)
        # "Apologies were received from A and B. C attended as substitute for B."
        first, *more = sentences(heading[1]) if ". " in heading[1] else [heading[1]]
        if first:
            w.add(parse_entry(first.rstrip("."), w.status, single=True), index)
        status = w.status
        for sentence in more:
            if SUBSTITUTE_WORDS.search(sentence):
                w.add(substitute(sentence, w.result.people), index)
            elif heading_status(sentence) or present_sentence(sentence):
                # "Present: A and B. Also present was C." reads on as its own line.
                _read_line(w, blocks, sentence.rstrip("."), index)
                status = w.status
            elif w.status == status:
                # "Present: A and B. C (Police) and D (Fire Service)." lists on.
                w.add(parse_entry(sentence.rstrip("."), status), index)
        w.status = status
        w.misses = 0
        if re.match(r"(?i)^\W*(?:those|members)\s+present\s+(?:were|was)\b", line):
            # "Those present were A, B and C." is the whole list.
            w.status = None
        return
    if (" were " in low or " was " in low) and (
        "present" in low or "attend" in low or "absent" in low
    ):
        said = present_sentence(line)
        found = parse_entry(said[1], said[0]) if said else []
        if found:
            w.add(found, index)
            return
    if "for" in low and SUBSTITUTE.match(clean(line)):
        w.add(substitute(line, w.result.people), index)
        return
    if w.status is None:
        return
    if is_subheading(line) and not parse_entry(line, w.status):
        w.status = sub_status(line, w.status)
        w.result.blocks.add(index)
        return
    # "- [x] Ann Lee, Council" / "- [ ] Bo Chan": a roll call kept as a checklist.
    box = CHECKBOX.match(line[len(BULLET) :]) if line.startswith(BULLET + "[") else None
    if box and w.status == "present":
        # A roll call as a checklist: an unticked member was absent.
        status = "present" if box.group("tick").strip() else "absent"
        found = one_entry(box.group("rest"), status)
        if found:
            w.add(found, index)
            w.misses = 0
            return
    in_roll = bool(w.section_starred) and w.section_starred[-1][2] == w.section
    roll = org_roll(line, w.status, in_roll)
    if roll:
        w.add([p for p, _ in roll], index)
        w.section_starred.extend((p, star, w.section) for p, star in roll)
        w.misses = 0
        return
    by_org = _org_label(line, w.status)
    if by_org:
        w.add(by_org, index)
        w.misses = 0
        return
    # The list right under a heading alone on its line reads as the list after
    # "Present:" does: one odd entry ("Me (Bev – I chaired)") keeps the rest.
    single = (line.startswith(BULLET) and not w.inline) or (w.awaiting and line.count(",") >= 2)
    found = parse_entry(line, w.status, single=single)
    if not found and line.startswith(BULLET) and not w.inline:
        # (Two such lines at least: one word alone under a heading may be a note.)
        below = _next_text(blocks, index) or ""
        listed = (w.found_in and w.found_in[-1][0] == index - 1) or (
            below.startswith(BULLET) and _handle_entry(below[len(BULLET) :], w.status)
        )
        found = _handle_entry(line[len(BULLET) :], w.status) if listed else []
    if found and w.pending is None and len(found) == 1 and not found[0].organisation:
        # A name alone may have its organisation on the next line.
        nxt = _next_text(blocks, index)
        if (
            nxt is not None
            and not parse_entry(nxt, w.status)
            and not heading_status(nxt)
            and _looks_like_org(nxt)
        ):
            found[0].organisation = clean(nxt)
            w.pending = found[0]
    elif w.pending is not None and not found:
        w.pending = None
        w.result.blocks.add(index)
        return
    if w.pending is not None and found and found[0] is not w.pending:
        w.pending = None
    if found:
        w.add(found, index)
        w.misses = 0
    elif (
        w.misses == 0
        and index - max(w.result.blocks, default=index) <= 2
        and line.startswith(BULLET)
    ):
        # A note right under a heading ("* Quorum is half the members")
        # does not end the section; a second line that is not a name does.
        w.misses += 1
    else:
        w.misses += 1
        w.end_section()


# "- katzien", "* **@nornagon**": an account handle alone, one a line.
_HANDLE_ENTRY = re.compile(r"^@?([A-Za-z][A-Za-z0-9_.-]{2,30})$")


def _handle_entry(text: str, status: str) -> list[Attendee]:
    """A person named by an account handle alone, in a list under an attendance
    heading (open-source groups' notes name people so).

    >>> [a.name for a in _handle_entry("@nornagon", "present")], _handle_entry("none", "present")
    (['nornagon'], [])
    """
    m = _HANDLE_ENTRY.match(clean(text))
    if not m or m.group(1).lower() in NOT_NAME_WORDS or heading_status(text) or ROLE.search(text):
        return []
    return [Attendee(name=m.group(1), status=status)]


def _add_learned(w: Walk, blocks: list[Block]) -> None:
    """Add the people the line model finds that the rules did not (all of them
    when the rules found no one); those the rules found are left as they are."""
    learned = Walk()
    # Blocks where the rules found someone are not read again.
    learned_attendance(learned, blocks, {i for i, _ in w.found_in})
    if not learned.result.people:
        return
    by_block: dict[int, list[Attendee]] = {}
    for index, person in learned.found_in:
        if person_key(person.name) not in w.people:
            by_block.setdefault(index, []).append(person)
    for index, people in by_block.items():
        w.add(people, index)


def _unlabelled_list(w: Walk, blocks: list[Block]) -> None:
    """With no attendance section at all: a line near the top that is only a list
    of three or more people ("Ann Lee (Chair), Bob Roe, Cy Dunn") is who was present."""
    for index, block in enumerate(blocks[:30]):
        if block.kind != PARA or not block.cells:
            continue
        line = block.cells[0]
        if _ITEM_START.match(line):
            return  # the items have begun
        if line.count(",") < 2 or len(line) > 600:
            continue
        found = parse_entry(line, "present")
        if len(found) >= 3 and len(found) > line.count(",") // 2:
            w.add(found, index)
            return


def _next_text(blocks: list[Block], index: int) -> str | None:
    for b in blocks[index + 1 : index + 2]:
        if b.kind != BLANK and b.kind != ROW and b.cells:
            return b.cells[0]
    return None


def _org_label(line: str, status: str) -> list[Attendee]:
    """Members listed under their organisation's name: "Coldmoor County
    Council: Councillors P. Attwater, L. Dimmock and T. Vosper"."""
    label, colon, rest = clean(line).partition(":")
    label = label.strip()
    if not colon or not rest.strip() or not label[:1].isupper() or not _looks_like_org(label):
        return []
    if looks_like_name(strip_role(label)) or heading_status(label + ":"):
        return []
    found = parse_entry(rest.strip(), status)
    for person in found:
        person.organisation = person.organisation or label
    return found


def _looks_like_org(text: str) -> bool:
    t = clean(text)
    return 0 < len(t.split()) <= 8 and not re.search(r"[.!?]\s", t) and not re.match(r"^\d", t)
