"""Roll calls by member organisation, substitutes, and initials expanded.

"Acme Ltd - Ann Lee * / Bob Roe" (a ``*`` for who attended), "Cllr Hal
Pryor attended as substitute for Cllr Moss", "A Finch" → "Andy Finch".
"""

from __future__ import annotations

import re

from concord.ingest.extraction.attendee_person import clean, parse_person, strip_role
from concord.ingest.extraction.names import TITLES, looks_like_name, split_title
from concord.ingest.record import Attendee


def apply_stars(marked: list[tuple[Attendee, bool, int]]) -> None:
    """In a roll call where some names carry a ``*``, the starred attended.

    The others on that roll were absent (the key line, '* indicates
    attending', is worded too many ways to rely on).
    """
    sections = {sec for _, star, sec in marked if star}
    for person, star, sec in marked:
        if sec in sections:
            person.status = "present" if star else "absent"


_ROLL_LINE = re.compile(r"^(?P<org>[^()\-–—:]{2,50}?)\s+[-–—]{1,2}\s+(?P<names>.+)$")


def org_roll(line: str, status: str, in_roll: bool = False) -> list[tuple[Attendee, bool]] | None:
    """A roll call by member organisation: "Acme Ltd - Ann Lee * / Bob Roe".

    >>> roll = org_roll("• Acme - Ann Lee * / Bo Roe", "present") or []
    >>> [(a.name, a.organisation, star) for a, star in roll]
    [('Ann Lee', 'Acme', True), ('Bo Roe', 'Acme', False)]
    """
    m = _ROLL_LINE.match(clean(line))
    # Inside a roll already begun, "Red Hat" is another organisation.
    marked = bool(re.search(r"\s/\s|\*\s*$|\*\s*[/,;]", m.group("names"))) if m else False
    if not m or (looks_like_name(m.group("org")) and not (in_roll or marked)):
        return None
    org = m.group("org").strip()
    out: list[tuple[Attendee, bool]] = []
    names = m.group("names")
    # Names after a comma when the roll marks who attended ("Rob Amis*, Sue Bell").
    sep = r"\s+/\s+|\s*;\s*|\s*,\s*" if in_roll or "*" in names else r"\s+/\s+|\s*;\s*"
    for part in re.split(sep, names):
        star = bool(re.search(r"(?:^|\s)\*\s*$|\*$", part.strip()))
        part = part.strip().rstrip("* ").strip()
        # A nickname in brackets inside the name ("Zhi (Howard) Huang") goes.
        part = re.sub(r"\s*\((?![^)]*\bchair)[^)]*\)", "", part, flags=re.I)
        part = re.sub(r"\([^)]*?\b((?:vice[- ]?)?chair\w*)\)", r"(\1)", part, flags=re.I)
        if not looks_like_name(strip_role(part)):
            return None
        person = parse_person(part, org, status)
        if person is None:
            return None
        out.append((person, star))
    return out or None


SUBSTITUTE_WORDS = re.compile(
    r"(?i)\b(?:substitute|deputy|replacement|alternate|substituted|deputi[sz]ed|stood\s+in)\b"
)
SUBSTITUTE = re.compile(
    r"^(?P<sub>[^,;:]{3,60}?)\s+(?:(?:attended|was\s+present|sat|was\s+in\s+attendance)\s+as\s+"
    r"(?:a\s+|the\s+)?(?:substitute|deputy|replacement|alternate)|substituted|deputi[sz]ed|"
    r"stood\s+in)\s+for\s+(?P<for>[^,;:]{3,60}?)\.?$",
    re.I,
)


def substitute(sentence: str, known: list[Attendee]) -> list[Attendee]:
    """ "Cllr Hal Pryor attended as substitute for Cllr Moss" → Pryor, deputising for Moss.

    The member stood in for is named as fully as the attendance names them.

    >>> moss = Attendee(name="L. Moss", status="apologies")
    >>> found = substitute("Cllr Hal Pryor sat as deputy for Cllr Moss.", [moss])
    >>> [(a.name, a.deputising_for) for a in found]
    [('Hal Pryor', 'L. Moss')]
    """
    m = SUBSTITUTE.match(clean(sentence))
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


def expand_initials(people: list[Attendee], full_text: str) -> None:
    """ "A Finch" becomes "Andy Finch" when the text names the person in full.

    Only a single, unambiguous full first name with the same initial counts.

    >>> people = [Attendee(name="A Finch"), Attendee(name="J Potts")]
    >>> expand_initials(people, "The Chairman, Andy Finch, opened. Cllr Potts spoke.")
    >>> [p.name for p in people]
    ['Andy Finch', 'J Potts']
    """
    for person in people:
        m = re.fullmatch(r"([A-Z])\.?\s+([A-Z][\w'’-]+)", person.name)
        if not m:
            continue
        initial, surname = m.groups()
        found = set(re.findall(rf"\b({initial}[a-z]+)\s+{re.escape(surname)}\b", full_text))
        # ("Cllr Hardy", "Councillor Hardy": a title, not Mrs C Hardy's first name.)
        found = {f for f in found if f.lower() not in TITLES}
        if len(found) == 1:
            person.name = f"{found.pop()} {surname}"
