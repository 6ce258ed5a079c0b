"""Who attended: Present / Apologies / In attendance / Absent sections.

Handles one person per line ("Name, Organisation"), many people on one line
("Present: A, B and C"), tables (with column headings such as "Apologies"
and "In attendance" side by side), name and organisation on consecutive
lines, roll calls with a status after each name, chair markers and
deputies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from concord.ingest.extraction.layout import sentences
from concord.ingest.extraction.names import (
    looks_like_name,
    split_title,
    strip_post_nominals,
)
from concord.ingest.record import Attendee
from concord.ingest.text import BLANK, BULLET, ROW, Text

_STATUS_HEADINGS = [
    (r"apolog(?:y|ies)(?:\s+(?:for\s+absence|and\s+\w+|received|were\s+received|given))*(?:\s+from(?=\s*:))?", "apologies"),  # noqa: E501
    (r"(?:in\s+attendance|also\s+(?:present|in\s+attendance|attending)|officers?(?:\s+(?:present|in\s+attendance))?|guests?|observers?|advisers?|staff(?:\s+present)?|clerk(?:\s+to\s+the\s+\w+)?|minute[- ]?taker|minutes\s+taken\s+by|note[- ]?taker)", "in_attendance"),  # noqa: E501
    (r"(?:absent(?:\s+without\s+apolog(?:y|ies))?|not\s+present|non[- ]attendance|awol)", "absent"),
    (r"(?:(?:members|governors|trustees|directors|councillors|those)\s+)?(?:present|attendees|attending|attendance|in\s+the\s+chair)|roll\s+call|(?:board\s+|committee\s+)?members\s+present|ex[- ]officio(?:\s+members)?(?=\s*:)", "present"),  # noqa: E501
]  # fmt: skip
_HEADING = [
    (re.compile(rf"^(?:{rx})\b\s*(?:[:\-–—/]\s*|$|(?=\w))", re.I), st)
    for rx, st in _STATUS_HEADINGS
]
_CHAIR_LINE = re.compile(
    r"^((?:vice[- ]?)?chair(?:man|person|woman)?|in the chair)\s*[:\-–—]\s*(.+)$", re.I
)
_SUBHEAD_WORDS = re.compile(
    r"\b(members?|governors?|trustees?|directors?|officers?|staff|observers?|guests?|advisers?|"
    r"representatives?|partners?|councillors?|in attendance|also present|clerk|co-?opted|"
    r"parent|associate|elected|independent|ex[- ]officio|non[- ]executive|executive|voting)\b",
    re.I,
)
_ROLE = re.compile(
    r"\(?\b(vice[- ]?chair(?:man|person|woman)?|deputy chair(?:man|person)?|chair(?:man|person|woman)?|"  # noqa: E501
    r"in the chair)\b\)?",
    re.I,
)
_DEPUTY = re.compile(
    r"\(?\s*\b(?:deputi[sz]ing|substituting|substitute|sub|standing\s+in|in\s+place|deputy|"
    r"attending|representing|on\s+behalf|proxy)\s+(?:for|of)\s+([^()\n,;]+?)\s*(?:\)|$|,|;)",
    re.I,
)
_TRAILING_STATUS = re.compile(
    r"[\s,:;\-–—(]+(present|apologies(?:\s+(?:received|given|sent))?|sent\s+apologies|absent|"
    r"in\s+attendance)\)?\.?$",
    re.I,
)
_NONE = re.compile(r"^(none|nil|n/?a|no apologies|none received)\.?$", re.I)
_ORG_LABEL = re.compile(
    r"organi[sz]ation|representing|agency|company|employer|body|school|service", re.I
)
_NAME_LABEL = re.compile(r"^(name|member|attendee|governor|trustee|person)s?$", re.I)
_STATUS_LABEL = re.compile(r"^(attendance|status|present\??|attended)$", re.I)
_ROLE_LABEL = re.compile(r"^(role|position|title|job title|category|type)$", re.I)


_QUALIFIED = re.compile(
    r"^(?P<q>(?:[A-Z][\w'’&-]*\s+){1,3})(?P<st>present|absent|apologies|attendees|attending)\s*:?$",
    re.I,
)
_MEMBERS = re.compile(
    r"\b(members?|committee|board|council|trustees?|directors?|governors?|councillors?|voting)\b",
    re.I,
)


@dataclass
class Attendance:
    """People found, plus which blocks held them (other parsers skip those)."""

    people: list[Attendee] = field(default_factory=list)
    blocks: set[int] = field(default_factory=set)
    first_block: int | None = None


def heading_status(text: str) -> tuple[str, str] | None:
    """``(status, rest)`` when ``text`` opens an attendance section.

    >>> heading_status("Apologies for absence:")
    ('apologies', '')
    >>> heading_status("Present: Ann Lee, Bob Hart")
    ('present', 'Ann Lee, Bob Hart')
    >>> heading_status("Present the report to Cabinet") is None
    True
    """
    t = text.strip().lstrip("#*• ").strip()
    q = _QUALIFIED.match(t) if len(t) < 50 and t[-1:] in "tsdgTSDG:" else None
    if q:
        # "Steering Committee Absent", "Public Present", "Other Attendees":
        # a heading naming who is meant.  Members keep the status; anyone
        # else present (the public, officers, guests) is in attendance.
        word = q.group("st").lower()
        status = _status_word(word) if not word.startswith("attend") else "present"
        if status == "present" and not _MEMBERS.search(q.group("q")):
            status = "in_attendance"
        return status, ""
    for rx, status in _HEADING:
        m = rx.match(t)
        if not m:
            continue
        rest = t[m.end() :].strip()
        head = t[: m.end()]
        if rest and not re.search(r"[:\-–—/]", head):
            # "Apologies were received from …" is a heading in sentence form;
            # anything else without a colon is ordinary prose.
            s = re.match(
                r"^(?:were\s+)?(?:received|given|noted|sent)?\s*(?:from|by)\s+(.+)$", rest, re.I
            )
            if status == "apologies" and s:
                return status, s.group(1)
            w = re.match(r"^(?:were|was)\s+(.+)$", rest)
            if status == "present" and w and head.strip().lower().endswith("present"):
                # "Those present were A, B and C."
                return status, w.group(1).rstrip(".")
            return None
        rest = re.sub(
            r"^(?:were\s+)?(?:received|given|noted)?\s*(?:from|by)\s+", "", rest, flags=re.I
        )
        return status, rest
    return None


def _clean(text: str) -> str:
    text = text.strip()
    if text.startswith(BULLET):
        text = text[len(BULLET) :]
    return text.strip(" \t.;,")


_INITIALS = re.compile(r"\s*\(([A-Z]{2,4}|[A-Z]{2,3}[a-z])\)")
_PLURAL_TITLE = re.compile(r"^(?:councillors|cllrs\.?)\s+", re.I)
_ANSWERED = re.compile(
    r"\s*(?:[–—-]\s*|\(\s*)(?:apolog(?:y|ies)\s+)?(?:accepted|not\s+accepted|received|noted|"
    r"consent\s+given|sent)\)?\.?$",
    re.I,
)


def _split_list(text: str, single: bool = False) -> list[str] | None:
    """Split "A, B and C" into names when every part looks like a person.

    A plural honorific gives its title to each name it heads:

    >>> _split_list("Councillors T. Brill, S. Okafor and Ann Lee")
    ['Cllr T. Brill', 'Cllr S. Okafor', 'Cllr Ann Lee']
    """
    flat = re.sub(r"\([^)]*\)", lambda m: m.group(0).replace(",", "\x00"), text)
    parts = [p.replace("\x00", ",") for p in re.split(r"\s*[,;]\s*|\s+and\s+|\s*&\s*", flat)]
    parts = [p.strip(" .") for p in parts if p.strip(" .")]
    if len(parts) < 2:
        return None
    plural = False
    for n, part in enumerate(parts):
        m = _PLURAL_TITLE.match(part)
        if m:
            plural = True
            parts[n] = "Cllr " + part[m.end() :]
        elif plural and split_title(part)[0] is None:
            parts[n] = "Cllr " + part
        elif split_title(part)[0] is not None:
            plural = False
    names = [_name_only(p) for p in parts]
    fits = [looks_like_name(_strip_role(n), allow_single=single) for n in names]
    if all(fits):
        return parts
    if single and len(parts) >= 3 and sum(fits) * 3 >= len(parts) * 2:
        # After a heading, one odd entry ("Simon the Younger") does not
        # make the rest of the list prose.
        return [p for p, ok in zip(parts, fits, strict=True) if ok]
    return None


def _without_initials(part: str) -> tuple[str, str | None]:
    """Split "Mrs Ann Lee (AL) Vice Chair" into the name with its role, and the rest.

    Initials in brackets end the name; what follows is a role or what the
    person is (kept as the organisation). "– accepted" after apologies goes.

    >>> _without_initials("Mrs Ann Lee (AL) Vice Chair")
    ('Mrs Ann Lee (Vice Chair)', None)
    >>> _without_initials("Mr Rob Day (RD) Headteacher – accepted")
    ('Mr Rob Day', 'Headteacher')
    """
    part = _ANSWERED.sub("", part)
    ini = _INITIALS.search(part)
    if not ini:
        return part, None
    after = part[ini.end() :].strip(" ,-–—")
    name = part[: ini.start()]
    r = _ROLE.search(after)
    if r:
        name = f"{name} ({r.group(1)})"
        after = (after[: r.start()] + after[r.end() :]).strip(" ,-–—()")
    return name, after or None


def _name_only(part: str) -> str:
    """The name in an entry: before initials "(JB)", parentheses or a dash."""
    m = _INITIALS.search(part)
    if m:
        part = part[: m.start()]
    return re.sub(r"\s*\([^)]*\)|\s+[–—-]\s+.*$", "", _ANSWERED.sub("", part))


def _strip_role(text: str) -> str:
    return _ROLE.sub("", text).strip(" ,-–()")


def parse_person(
    name_part: str, org_part: str | None, status: str, single: bool = False
) -> Attendee | None:
    """One attendee from a name (with any title and markers) and an organisation."""
    role = None
    deputising = None
    name_part = _clean(name_part)
    m = _TRAILING_STATUS.search(name_part)
    if m and looks_like_name(_strip_role(name_part[: m.start()])):
        status = _status_word(m.group(1))
        name_part = name_part[: m.start()]
    d = _DEPUTY.search(name_part)
    if d and looks_like_name(d.group(1), allow_single=single):
        deputising = split_title(d.group(1).strip())[1]
        name_part = (name_part[: d.start()] + name_part[d.end() :]).strip()
    r = _ROLE.search(name_part)
    if r:
        role = _role_word(r.group(1))
        name_part = (name_part[: r.start()] + name_part[r.end() :]).strip(" ,-–")
    org = None
    if org_part:
        org = _clean(org_part)
        if _TRAILING_STATUS.fullmatch(" " + org):
            status, org = _status_word(org), ""
        m = _TRAILING_STATUS.search(org)
        if m:
            status = _status_word(m.group(1))
            org = org[: m.start()].strip()
        d = _DEPUTY.search(org)
        if d:
            if looks_like_name(d.group(1)):
                deputising = deputising or split_title(d.group(1).strip())[1]
            org = (org[: d.start()] + org[d.end() :]).strip(" ,-–")
        r = _ROLE.match(org.strip())
        if r:
            # A marker before the organisation belongs to the person…
            role = role or _role_word(r.group(1))
            org = org.strip()[r.end() :].strip(" ,-–")
        else:
            # …one after it ("Theme Group (Chair)") says what they chair elsewhere.
            org = re.sub(r"\s*\((?:vice[- ]?)?chair(?:man|person)?\)\s*$", "", org, flags=re.I)
        org = _balanced(org.strip(" ,-–")) or None
    title, name = split_title(name_part.strip(" ,-–"))
    name = strip_post_nominals(name.strip(" ,-–:"))
    if not looks_like_name(name, allow_single=single or title is not None):
        return None
    return Attendee(
        name=name,
        title=title,
        organisation=org,
        status=status,
        role=role,
        deputising_for=deputising,
    )


def _balanced(text: str) -> str:
    """Drop brackets left unpaired by splitting: "(Chair) City Council)" → "City Council".

    >>> _balanced("Company Secretary (minutes)"), _balanced("(City Council")
    ('Company Secretary (minutes)', 'City Council')
    """
    text = text.strip()
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].strip(" ,-–")
    while text.startswith("(") and text.count("(") > text.count(")"):
        text = text[1:].strip(" ,-–")
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip()
    return text


def _status_word(word: str) -> str:
    w = word.lower()
    if w.startswith(("apolog", "sent")):
        return "apologies"
    if w.startswith("absent"):
        return "absent"
    if "attendance" in w:
        return "in_attendance"
    return "present"


def _role_word(word: str) -> str:
    return "vice_chair" if re.match(r"(vice|deputy)", word, re.I) else "chair"


def parse_entry(text: str, status: str, single: bool = False) -> list[Attendee]:
    """People on one line: a list of names, or one name with an organisation.

    >>> [a.name for a in parse_entry("Sue Bent, June Jeffrey and Cllr Al Day", "present")]
    ['Sue Bent', 'June Jeffrey', 'Al Day']
    >>> a = parse_entry("Rosa Penn, (Chair) City Council", "present")[0]
    >>> a.name, a.role, a.organisation
    ('Rosa Penn', 'chair', 'City Council')
    """
    text = _clean(text)
    if not text or _NONE.match(text):
        return []
    parts = _split_list(text, single)
    if parts:
        people = []
        for p in parts:
            p, org = _without_initials(p)
            m = re.match(r"^(.*?)\s*\(([^)]*)\)\s*$", p)
            if not org and m and not _ROLE.fullmatch(m.group(2).strip()) and not _DEPUTY.search(p):
                p, org = m.group(1), m.group(2)
            person = parse_person(p, org, status, single)
            if person:
                people.append(person)
        return people
    if _INITIALS.search(text) and looks_like_name(_strip_role(_name_only(text))):
        p, org = _without_initials(text)
        person = parse_person(p, org, status)
        return [person] if person else []
    for sep in (r"\t", r",\s*", r"\s+[–—-]{1,2}\s+", r"\s*:\s+"):
        m = re.search(sep, text)
        if m and looks_like_name(_strip_role(text[: m.start()]), allow_single=single):
            person = parse_person(text[: m.start()], text[m.end() :], status, single)
            return [person] if person else []
    m = re.match(r"^(.*?)\s*\(([^)]*)\)\s*(.*)$", text)
    if (
        m
        and not _ROLE.fullmatch(m.group(2).strip())
        and not _DEPUTY.search(m.group(0))
        and looks_like_name(_strip_role(m.group(1)))
        and not _TRAILING_STATUS.search(text)
    ):
        person = parse_person(m.group(1) + " " + m.group(3), m.group(2), status, single)
        return [person] if person else []
    person = parse_person(text, None, status, single)
    return [person] if person else []


def _is_subheading(text: str) -> bool:
    words = text.strip(" :").split()
    return 0 < len(words) <= 5 and bool(_SUBHEAD_WORDS.search(text)) and not looks_like_name(text)


def _sub_status(text: str, current: str) -> str:
    h = heading_status(text)
    if h:
        return h[0]
    if re.search(
        r"officer|in attendance|also present|observer|guest|staff|clerk|adviser", text, re.I
    ):
        return "in_attendance"
    return "present" if current in ("in_attendance", "present") else current


def extract_attendance(text: Text) -> Attendance:
    """Find attendance sections and the people in them."""
    result = Attendance()
    people: dict[str, Attendee] = {}
    status: str | None = None
    groups: list[tuple[int, int, str, int | None]] | None = None
    columns: dict[str, int] | None = None
    misses = 0
    pending: Attendee | None = None
    section = 0
    section_starred: list[tuple[Attendee, bool, int]] = []

    def add(found: list[Attendee], index: int) -> None:
        nonlocal pending
        for person in found:
            key = re.sub(r"[^a-z]", "", person.name.lower())
            if key in people:
                old = people[key]
                old.role = old.role or person.role
                old.organisation = old.organisation or person.organisation
                old.title = old.title or person.title
                old.deputising_for = old.deputising_for or person.deputising_for
                continue
            people[key] = person
            result.people.append(person)
        if found:
            result.blocks.add(index)
            if result.first_block is None:
                result.first_block = index

    blocks = text.blocks
    for index, block in enumerate(blocks):
        if block.kind == BLANK:
            continue
        cells = list(block.cells)
        if block.kind == ROW:
            heads = [
                (j, heading_status(c.split("\n")[0])) for j, c in enumerate(cells) if c.strip()
            ]
            status_heads = [(j, h) for j, h in heads if h]
            if status_heads and status_heads[0][0] == min(j for j, _ in heads):
                groups = []
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
                    groups.append(
                        (j, end, h[0], org_col if org_col and j < org_col < end else None)
                    )  # type: ignore[index]
                    if h[1]:  # type: ignore[index]
                        add(parse_entry(h[1], h[0]), index)  # type: ignore[index]
                rest = [c for j, c in enumerate(cells) if c.strip() and j > status_heads[0][0]]
                if len(status_heads) == 1 and len(rest) >= 2:
                    # "Attendees:<tab>J Rear<tab>A Finch<tab>…": one name per cell.
                    names = [parse_entry(c, status_heads[0][1][0], single=True) for c in rest]  # type: ignore[index]
                    if all(len(n) == 1 for n in names):
                        add([n[0] for n in names], index)
                        groups = None
                status = status_heads[0][1][0]  # type: ignore[index]
                columns = None
                result.blocks.add(index)
                if result.first_block is None:
                    result.first_block = index
                misses = 0
                continue
            labels = [c.strip(" :").lower() for c in cells]
            if any(_NAME_LABEL.match(x) for x in labels) and len([x for x in labels if x]) >= 2:
                columns = {}
                for j, x in enumerate(labels):
                    if _NAME_LABEL.match(x) and "name" not in columns:
                        columns["name"] = j
                    elif _ORG_LABEL.search(x):
                        columns.setdefault("org", j)
                    elif _STATUS_LABEL.match(x):
                        columns["status"] = j
                    elif _ROLE_LABEL.match(x):
                        columns.setdefault("role", j)
                status = status or "present"
                groups = None
                result.blocks.add(index)
                continue
            if status is None:
                continue
            found: list[Attendee] = []
            if columns is not None:
                name = cells[columns["name"]] if columns["name"] < len(cells) else ""
                org = (
                    cells[columns["org"]]
                    if "org" in columns and columns["org"] < len(cells)
                    else None
                )
                st = status
                if "status" in columns and columns["status"] < len(cells):
                    word = cells[columns["status"]].strip().lower()
                    if word:
                        st = (
                            _status_word(word)
                            if re.match(r"(apolog|absent|sent|in att)", word)
                            else ("absent" if word in ("no", "n", "x", "✗") else "present")
                        )
                if "role" in columns and columns["role"] < len(cells):
                    # "Committee Chair" in a Role column marks the chair; a
                    # job title stands for the organisation when none is given.
                    role_text = cells[columns["role"]].strip()
                    marker = _ROLE.search(role_text)
                    if marker:
                        name = f"{name} ({marker.group(1)})"
                    elif not org and role_text:
                        org = role_text
                if not name.strip() and org and result.people and index - 1 in result.blocks:
                    # An organisation wrapped onto a line of its own, under its column.
                    last = result.people[-1]
                    last.organisation = f"{last.organisation or ''} {org.strip()}".strip()
                    result.blocks.add(index)
                    continue
                person = parse_person(name, org, st) if name.strip() else None
                found = [person] if person else []
            elif groups:
                for start, end, st, org_col in groups:
                    group = list(cells[start:end])
                    filled = [c for c in group if c.strip()]
                    if not filled:
                        continue
                    name = group[0] if group and group[0].strip() else filled[0]
                    if org_col is not None and org_col < len(cells):
                        org = cells[org_col]
                    else:
                        rest = [c for c in filled if c is not name]
                        org = rest[0] if rest else None
                    paren = re.match(r"^(.*?)\s*\(([^)]*)\)\s*$", name)
                    if org is None and paren and not _ROLE.fullmatch(paren.group(2).strip()):
                        # "Katie Davis (Cabinet Office)": the organisation in brackets.
                        name, org = paren.group(1), paren.group(2)
                    person = parse_person(name, org, st)
                    if person:
                        found.append(person)
            else:
                filled = [c for c in cells if c.strip(" -–—")]
                if filled and _INITIALS.search(filled[0]):
                    # "Ann Lee (AL) (Chair)<tab>-<tab>Council": initials end the name.
                    name0, after = _without_initials(filled[0])
                    filled = [name0] + ([after] if after else []) + filled[1:]
                statuses = [
                    c
                    for c in filled[1:]
                    if _TRAILING_STATUS.search(" " + c) and len(c.split()) <= 3
                ]
                st = _status_word(statuses[0].strip(" ()")) if statuses else status
                rest = [c for c in filled[1:] if c not in statuses]
                person = parse_person(filled[0], rest[0] if rest else None, st)
                found = [person] if person else []
            if found:
                add(found, index)
                misses = 0
            else:
                misses += 1
                if misses >= 2 or index - (max(result.blocks) if result.blocks else index) > 2:
                    status, groups, columns = None, None, None
            continue

        line = cells[0] if cells else ""
        chair = _CHAIR_LINE.match(_clean(line))
        if chair and looks_like_name(_strip_role(chair.group(2).split(",")[0])):
            found = parse_entry(chair.group(2), "present")
            for p in found[:1]:
                p.role = _role_word(chair.group(1))
            add(found[:1], index)
            continue
        heading = heading_status(line)
        if heading:
            section += 1
            status, groups, columns, pending = heading[0], None, None, None
            result.blocks.add(index)
            if result.first_block is None:
                result.first_block = index
            # "Apologies were received from A and B. C attended as substitute for B."
            first, *more = (
                sentences(heading[1]) if _SUBSTITUTE_WORDS.search(heading[1]) else [heading[1]]
            )
            if first:
                add(parse_entry(first, status, single=True), index)
            for sentence in more:
                add(_substitute(sentence, result.people), index)
            misses = 0
            if re.match(r"(?i)^\W*(?:those|members)\s+present\s+(?:were|was)\b", line):
                # "Those present were A, B and C." is the whole list.
                status = None
            continue
        if _SUBSTITUTE.match(_clean(line)):
            add(_substitute(line, result.people), index)
            continue
        if status is None:
            continue
        if _is_subheading(line) and not parse_entry(line, status):
            status = _sub_status(line, status)
            result.blocks.add(index)
            continue
        in_roll = bool(section_starred) and section_starred[-1][2] == section
        roll = _org_roll(line, status, in_roll)
        if roll:
            add([p for p, _ in roll], index)
            section_starred.extend((p, star, section) for p, star in roll)
            misses = 0
            continue
        found = parse_entry(line, status, single=line.startswith(BULLET))
        if found and pending is None and len(found) == 1 and not found[0].organisation:
            # A name alone may have its organisation on the next line.
            nxt = _next_text(blocks, index)
            if (
                nxt is not None
                and not parse_entry(nxt, status)
                and not heading_status(nxt)
                and _looks_like_org(nxt)
            ):
                found[0].organisation = _clean(nxt)
                pending = found[0]
        elif pending is not None and not found:
            pending = None
            result.blocks.add(index)
            continue
        if pending is not None and found and found[0] is not pending:
            pending = None
        if found:
            add(found, index)
            misses = 0
        elif (
            misses == 0
            and index - max(result.blocks, default=index) <= 2
            and line.startswith(BULLET)
        ):
            # A note right under a heading ("* Quorum is half the members")
            # does not end the section; a second line that is not a name does.
            misses += 1
        else:
            misses += 1
            status, groups, columns = None, None, None
    _apply_stars(section_starred)
    return result


def _apply_stars(marked: list[tuple[Attendee, bool, int]]) -> None:
    """In a roll call where some names carry a ``*``, the starred attended.

    The others on that roll were absent (the key line, '* indicates
    attending', is worded too many ways to rely on).
    """
    sections = {sec for _, star, sec in marked if star}
    for person, star, sec in marked:
        if sec in sections:
            person.status = "present" if star else "absent"


_ROLL_LINE = re.compile(r"^(?P<org>[^()\-–—:]{2,50}?)\s+[-–—]{1,2}\s+(?P<names>.+)$")


def _org_roll(line: str, status: str, in_roll: bool = False) -> list[tuple[Attendee, bool]] | None:
    """A roll call by member organisation: "Acme Ltd - Ann Lee * / Bob Roe".

    >>> roll = _org_roll("• Acme - Ann Lee * / Bo Roe", "present") or []
    >>> [(a.name, a.organisation, star) for a, star in roll]
    [('Ann Lee', 'Acme', True), ('Bo Roe', 'Acme', False)]
    """
    m = _ROLL_LINE.match(_clean(line))
    # Inside a roll already begun, "Red Hat" is another organisation.
    marked = bool(re.search(r"\s/\s|\*\s*$|\*\s+/", m.group("names"))) if m else False
    if not m or (looks_like_name(m.group("org")) and not (in_roll or marked)):
        return None
    org = m.group("org").strip()
    out: list[tuple[Attendee, bool]] = []
    for part in re.split(r"\s+/\s+|\s*;\s*", m.group("names")):
        star = bool(re.search(r"(?:^|\s)\*\s*$|\*$", part.strip()))
        part = part.strip().rstrip("* ").strip()
        # A nickname in brackets inside the name ("Zhi (Howard) Huang") goes.
        part = re.sub(r"\s*\((?![^)]*\bchair)[^)]*\)", "", part, flags=re.I)
        part = re.sub(r"\([^)]*?\b((?:vice[- ]?)?chair\w*)\)", r"(\1)", part, flags=re.I)
        if not looks_like_name(_strip_role(part)):
            return None
        person = parse_person(part, org, status)
        if person is None:
            return None
        out.append((person, star))
    return out or None


_SUBSTITUTE_WORDS = re.compile(
    r"(?i)\b(?:substitute|deputy|replacement|alternate|substituted|deputi[sz]ed|stood\s+in)\b"
)
_SUBSTITUTE = re.compile(
    r"^(?P<sub>[^,;:]{3,60}?)\s+(?:(?:attended|was\s+present|sat|was\s+in\s+attendance)\s+as\s+"
    r"(?:a\s+|the\s+)?(?:substitute|deputy|replacement|alternate)|substituted|deputi[sz]ed|"
    r"stood\s+in)\s+for\s+(?P<for>[^,;:]{3,60}?)\.?$",
    re.I,
)


def _substitute(sentence: str, known: list[Attendee]) -> list[Attendee]:
    """ "Cllr Hal Pryor attended as substitute for Cllr Moss" → Pryor, deputising for Moss.

    The member stood in for is named as fully as the attendance names them.

    >>> moss = Attendee(name="L. Moss", status="apologies")
    >>> found = _substitute("Cllr Hal Pryor sat as deputy for Cllr Moss.", [moss])
    >>> [(a.name, a.deputising_for) for a in found]
    [('Hal Pryor', 'L. Moss')]
    """
    m = _SUBSTITUTE.match(_clean(sentence))
    if not m:
        return []
    person = parse_person(m.group("sub"), None, "present")
    if person is None:
        return []
    _, member = split_title(m.group("for").strip())
    surname = member.split()[-1].lower() if member.split() else ""
    fits = [a.name for a in known if a.name.split()[-1].lower() == surname]
    person.deputising_for = fits[0] if len(fits) == 1 else member
    return [person]


def _next_text(blocks: list, index: int) -> str | None:
    for b in blocks[index + 1 : index + 2]:
        if b.kind != BLANK and b.kind != ROW and b.cells:
            return b.cells[0]
    return None


def _looks_like_org(text: str) -> bool:
    t = _clean(text)
    return 0 < len(t.split()) <= 8 and not re.search(r"[.!?]\s", t) and not re.match(r"^\d", t)


def expand_initials(people: list[Attendee], full_text: str) -> None:
    """ "A Finch" becomes "Andy Finch" when the text names the person in full.

    Only a single, unambiguous full first name with the same initial counts.

    >>> people = [Attendee(name="A Finch"), Attendee(name="J Potts")]
    >>> expand_initials(people, "The Chairman, Andy Finch, opened. J Potts spoke.")
    >>> [p.name for p in people]
    ['Andy Finch', 'J Potts']
    """
    for person in people:
        m = re.fullmatch(r"([A-Z])\.?\s+([A-Z][\w'’-]+)", person.name)
        if not m:
            continue
        initial, surname = m.groups()
        found = set(re.findall(rf"\b({initial}[a-z]+)\s+{re.escape(surname)}\b", full_text))
        if len(found) == 1:
            person.name = f"{found.pop()} {surname}"
