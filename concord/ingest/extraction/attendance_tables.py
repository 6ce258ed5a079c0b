"""Attendance in table rows: status headings over columns, Name / Organisation columns.

A row whose first cell is a status heading ("Present<tab>Apologies")
opens a section whose columns are read side by side; a row of labels
("Name<tab>Organisation<tab>Attendance") sets the columns of the rows below.
"""

from __future__ import annotations

import re

from concord.ingest.extraction.attendance_headings import heading_status, status_word
from concord.ingest.extraction.attendance_walk import Walk
from concord.ingest.extraction.attendee_person import (
    INITIALS,
    ROLE,
    TRAILING_STATUS,
    clean,
    parse_person,
    strip_role,
    without_initials,
)
from concord.ingest.extraction.attendees import one_entry, parse_entry
from concord.ingest.extraction.names import POST_WORDS, looks_like_name
from concord.ingest.record import Attendee

_ORG_LABEL = re.compile(
    r"organi[sz]ation|affiliation|representing|agency|company|employer|body|school|service", re.I
)
_NAME_LABEL = re.compile(
    r"^(?:(?:committee|board|voting|council)\s+)?(name|member|attendee|governor|trustee|person|"
    r"participant|representative|delegate|councillor|director)s?$",
    re.I,
)
_NO = {"no", "n", "x", "✗", "✘", "❌", "absent", "not present", "did not attend", "none"}
# "Attended", "Status", "Present / Apologies": a column saying who came.
# "P / AP / A": the codes of a register (present, apology, absent).
_STATUS_LABEL = re.compile(
    r"^(?:(?:attendance|status|present\??|attended|apologies|absent)"
    r"(?:\s*(?:/|or|and|&)\s*(?:present|attended|apologies|absent))*|p\s*/\s*ap?\s*/\s*a)$",
    re.I,
)
_CODES = {"p": "present", "ap": "apologies", "a": "absent"}
_STAND_IN = re.compile(
    r"\b(?:substituted|represented|replaced)\s+by\s+(?P<who>[^()\n;,]{3,60}?)"
    r"\s*(?:\(|[;,]|$)",
    re.I,
)
_GUEST = re.compile(r"^(?:visitor|guest|observer|invited\s+guest|non[- ]member)s?$", re.I)
_ROLE_LABEL = re.compile(
    r"^(role|position|title|job title|category|type|office|post|capacity)$", re.I
)


def _one_a_line(line: str, status: str) -> list[Attendee]:
    """One person a line, their posts after commas: "Dr Ann Lee, Chief,
    Department of Surgery", "Bo Roe, Anaesthesia (for Dr Cy Dunn)"."""
    head, comma, tail = line.partition(",")
    after = tail.split(",")[0].strip()
    listed = looks_like_name(strip_role(after)) and not any(
        w.lower().strip(".()") in POST_WORDS for w in after.split()
    )
    return (
        one_entry(line, status) if comma and not listed else parse_entry(line, status, single=True)
    )


def _cell_people(cell: str, status: str) -> list[Attendee]:
    """The people in one table cell, one a line."""
    return [
        p for line in cell.split("\n") if line.strip() for p in _one_a_line(line.strip(), status)
    ]


def read_row(w: Walk, cells: list[str], index: int) -> None:
    """Read one table row of the attendance (or not, outside a section)."""
    heads = [(j, heading_status(c.split("\n")[0])) for j, c in enumerate(cells) if c.strip()]
    status_heads = [(j, h) for j, h in heads if h]
    if status_heads and status_heads[0][0] == min(j for j, _ in heads):
        w.groups = []
        org_col = next(
            (
                j
                for j, c in enumerate(cells)
                if j > 0 and _ORG_LABEL.search(c) and not heading_status(c)
            ),
            None,
        )
        for n, (j, h) in enumerate(status_heads):
            end = status_heads[n + 1][0] if n + 1 < len(status_heads) else len(cells) + 8
            w.groups.append((j, end, h[0], org_col if org_col and j < org_col < end else None))
            if h[1]:
                w.add(parse_entry(h[1], h[0]), index)
        rest = [c for j, c in enumerate(cells) if c.strip() and j > status_heads[0][0]]
        if len(status_heads) == 1 and len(rest) == 1 and not status_heads[0][1][1]:
            # "Present:" beside a cell of names, one a line or in a list.
            lines = [ln for ln in rest[0].split("\n") if ln.strip()]
            if len(lines) == 1:
                listed = parse_entry(lines[0], status_heads[0][1][0], single=True)
                if listed:
                    w.add(listed, index)
                    w.groups = None
            rest = lines
        if len(status_heads) == 1 and len(rest) >= 2:
            # "Attendees:<tab>J Rear<tab>A Finch<tab>…": one name per cell.
            names = [parse_entry(c, status_heads[0][1][0], single=True) for c in rest]
            if not all(len(n) == 1 for n in names):
                names = [_one_a_line(c, status_heads[0][1][0]) for c in rest]
            if all(len(n) == 1 for n in names):
                w.add([n[0] for n in names], index)
                w.groups = None
        w.status = status_heads[0][1][0]
        w.columns = None
        w.mark(index)
        w.misses = 0
        return
    labels = [c.strip(" :").lower() for c in cells]
    if (
        any(_NAME_LABEL.match(x) for x in labels)
        and len([x for x in labels if x]) >= 2
        and (
            # A "Name" column heading is a heading row even beside labels
            # that read like names ("Call Sign", "Member No").
            any(x in ("name", "names", "full name") for x in labels)
            or not any(looks_like_name(c) for c in cells)
        )
    ):
        w.columns = {}
        for j, x in enumerate(labels):
            if _NAME_LABEL.match(x) and "name" not in w.columns:
                w.columns["name"] = j
            elif _ORG_LABEL.search(x):
                w.columns.setdefault("org", j)
            elif _STATUS_LABEL.match(x):
                w.columns["status"] = j
                w.codes = _CODES.keys() & set(re.split(r"\W+", x))
            elif _ROLE_LABEL.match(x):
                w.columns.setdefault("role", j)
        w.status = w.status or "present"
        w.groups = None
        w.result.blocks.add(index)
        return
    if w.status is None:
        return
    found: list[Attendee] = []
    if w.columns is not None:
        name = cells[w.columns["name"]] if w.columns["name"] < len(cells) else ""
        org = (
            cells[w.columns["org"]]
            if "org" in w.columns and w.columns["org"] < len(cells)
            else None
        )
        st = w.status
        stand_in = None
        if "status" in w.columns and w.columns["status"] < len(cells):
            word = cells[w.columns["status"]].strip().lower()
            if word in _CODES and w.codes:
                st = _CODES[word]
            elif word:
                st = (
                    status_word(word)
                    if re.match(r"(apolog|absent|sent|in att|excused)", word)
                    else ("absent" if word in _NO else "present")
                )
                # "excused – substituted by Dr. Chiara Ott (present)": the
                # member's stand-in, named in the status cell.
                stand_in = _STAND_IN.search(cells[w.columns["status"]])
        if "role" in w.columns and w.columns["role"] < len(cells):
            # "Committee Chair" in a Role column marks the chair; a
            # job title stands for the organisation when none is given.
            role_text = cells[w.columns["role"]].strip()
            marker = ROLE.search(role_text)
            if _GUEST.match(role_text):
                # "Visitor" / "Guest" in a Role column: not a member.
                st = "in_attendance"
            elif marker:
                name = f"{name} ({marker.group(1)})"
            elif not org and role_text:
                org = role_text
        if not name.strip() and org and w.result.people and index - 1 in w.result.blocks:
            # An organisation wrapped onto a line of its own, under its column.
            last = w.result.people[-1]
            last.organisation = f"{last.organisation or ''} {org.strip()}".strip()
            w.result.blocks.add(index)
            return
        if "\n" in name.strip():
            # Several people in one cell, one a line, of the organisation beside them.
            found = _cell_people(name, st)
            for one in found:
                one.organisation = clean(org) if org else one.organisation
            if found:
                w.add(found, index)
            return
        if "(" in name:
            # "Kofi Mensah (KM)": the initials the minutes use for them go.
            name, after = without_initials(name)
            org = org or after
        person = parse_person(name, org, st) if name.strip() else None
        found = [person] if person else []
        deputy = parse_person(stand_in.group("who"), org, "present") if stand_in else None
        if person and deputy:
            deputy.deputising_for = person.name
            found.append(deputy)
    elif w.groups:
        for start, end, st, org_col in w.groups:
            group = list(cells[start:end])
            filled = [c for c in group if c.strip()]
            if not filled:
                continue
            name = group[0] if group and group[0].strip() else filled[0]
            if org_col is None and len(filled) == 1 and ("\n" in name.strip() or "," in name):
                # A cell of names under its heading, one a line.
                found.extend(_cell_people(name, st))
                continue
            if org_col is not None and org_col < len(cells):
                org = cells[org_col]
            else:
                rest = [c for c in filled if c is not name]
                org = rest[0] if rest else None
            if "(" in name and INITIALS.search(name):
                # "Stephen Harg (SH)": the initials the minutes use for them go.
                name, after = without_initials(name)
                org = org or after
            paren = re.match(r"^(.*?)\s*\(([^)]*)\)\s*$", name)
            if org is None and paren and not ROLE.fullmatch(paren.group(2).strip()):
                # "Katie Davis (Cabinet Office)": the organisation in brackets.
                name, org = paren.group(1), paren.group(2)
            person = parse_person(name, org, st)
            if person:
                found.append(person)
    else:
        filled = [c for c in cells if c.strip(" -–—")]
        if filled and INITIALS.search(filled[0]):
            # "Ann Lee (AL) (Chair)<tab>-<tab>Council": initials end the name.
            name0, after = without_initials(filled[0])
            filled = [name0] + ([after] if after else []) + filled[1:]
        statuses = [
            c for c in filled[1:] if TRAILING_STATUS.search(" " + c) and len(c.split()) <= 3
        ]
        st = status_word(statuses[0].strip(" ()")) if statuses else w.status
        rest = [c for c in filled[1:] if c not in statuses]
        person = parse_person(filled[0], rest[0] if rest else None, st)
        found = [person] if person else []
        if not found and len(filled) == 1 and st:
            # "Cllr Pat Stan -- Ferncliffe ward" alone under the list's first
            # row: an entry with its own separator, read as a line of a list is.
            found = parse_entry(filled[0], st, single=True)
    if found:
        w.add(found, index)
        w.misses = 0
    else:
        w.misses += 1
        if w.misses >= 2 or index - (max(w.result.blocks) if w.result.blocks else index) > 2:
            w.end_section()
