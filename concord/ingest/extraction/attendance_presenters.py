"""People who spoke but are in no list: a presentation named in an item's
title ("Presentation by Dr Ann Lee, …"), members of the public who spoke
("Ann Lee, 12 Mill Road, spoke in support …") and people who joined
remotely ("Planning Director Ann Lee (attending remotely) gave …").

Council and board minutes often print no list of guests: a speaker is
named only in the title of the item they presented, or where they spoke.
They attended, as guests (``in_attendance``), unless a list already names
them.
"""

from __future__ import annotations

import re

from concord.ingest.extraction.names import looks_like_name, split_office, split_title
from concord.ingest.record import Attendee

_PRESENTED = re.compile(
    r"^(?:an?\s+)?(?:presentation|talk|briefing|address|update)\s+(?:by|from)\s+(?P<who>.+)$",
    re.I,
)
# The name ends at ", Director of …", " of Kent Police", " on the …", " about …".
_AFTER_NAME = re.compile(r"\s*(?:,|\(|\s[–—-]\s|\s(?:of|from|on|about|regarding|re)\s)")
_ORG = re.compile(
    r"^(?:,\s*(?:[\w\s&'-]{0,40}?\s)?of\s+|\s+of\s+|\s+from\s+)(?P<org>.+?)(?=\s+on\s|$)"
)


def presenters(titles: list[str], known: list[Attendee]) -> list[Attendee]:
    """Speakers named in item titles who are not in the attendance already.

    >>> [(a.name, a.title, a.organisation) for a in presenters(
    ...     ["Presentation by Sergeant Ola Birch of Wessex Police on Burglary"], [])]
    [('Ola Birch', 'Sgt', 'Wessex Police')]
    >>> presenters(["Presentation by the Police"], [])
    []
    """
    surnames = {a.name.split()[-1].lower() for a in known if a.name}
    out: list[Attendee] = []
    for title in titles:
        m = _PRESENTED.match(title.strip()) if len(title) < 200 else None
        if not m:
            continue
        who = m.group("who")
        end = _AFTER_NAME.search(who)
        name = who[: end.start()] if end else who
        words = name.split()
        if len(words) >= 3 and words[0][:1].isupper() and not split_title(name)[0]:
            # A rank the honorifics do not know ("Inspector Ann Lee"): kept as a title.
            rank, rest = words[0], " ".join(words[1:])
        else:
            rank, rest = split_title(name)
        if not looks_like_name(rest) or rest.split()[-1].lower() in surnames:
            continue
        org_m = _ORG.match(who[end.start() :]) if end else None
        org = org_m.group("org").strip(" .,") if org_m else None
        surnames.add(rest.split()[-1].lower())
        out.append(Attendee(rest, rank, org, "in_attendance"))
    return out


_NAME = (
    r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?"
    r"(?:\s+(?:[A-Z]\.\s+)?(?:Mc|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2}"
)
_SPEECH = (
    r"(?:spoke|asked|said|stated|thanked|raised|expressed|urged|requested|addressed|commented|"
    r"questioned|objected|supported|opposed|presented|voiced|described|read)\b"
)
# "Ann Lee, 12 Mill Road, spoke …", "Bo Roe of Acme Homes, the applicant's agent, said …":
# a speaker from the floor, named with their address or who they speak for.
_FROM_FLOOR = re.compile(
    rf"^(?P<name>{_NAME})(?:,\s+\d{{1,5}}[A-Za-z]?\s+[A-Z][^,]{{2,40}}|\s+of\s+(?P<org>[A-Z][^,]{{2,50}}))"
    rf"(?:,\s+(?P<more>[^,]{{2,60}}))?,?\s+(?:also\s+)?{_SPEECH}"
)
_ON_BEHALF = re.compile(
    r"(?:owner|representing|on\s+behalf|representative|chair|secretary)\s+of\s+(.+)$"
)
# "Ann Lee (attending remotely)", "Bo Roe (joined online)": at the meeting, from afar.
_REMOTE = re.compile(
    rf"(?P<name>{_NAME})\s+\((?:attending|joined|joining|present|participating)\s+"
    r"(?:remotely|online|virtually|by\s+(?:phone|telephone|video)|via\s+\w+)\)"
)


def speakers(paragraphs: list[str], known: list[Attendee]) -> list[Attendee]:
    """People who spoke from the floor or joined remotely, named in the text
    but in no attendance list.

    >>> [(a.name, a.organisation) for a in speakers(
    ...     ["Ann Lee, 12 Mill Road, spoke against the plan.",
    ...      "Bo Roe of Acme Homes, the applicant's agent, spoke in favour.",
    ...      "Parks Director Cy Dunn (attending remotely) gave the report."], [])]
    [('Ann Lee', None), ('Bo Roe', 'Acme Homes'), ('Cy Dunn', None)]
    """
    names = {a.name.lower() for a in known if a.name}
    surnames = {a.name.split()[-1].lower() for a in known if a.name}
    out: list[Attendee] = []
    for text in paragraphs:
        # Substring tests first: most paragraphs name no speaker.
        floor = (
            _FROM_FLOOR.match(text)
            if text[:1].isupper() and ("," in text[:60] or " of " in text[:60])
            else None
        )
        far = "(" in text and ("remote" in text or "online" in text or "via " in text)
        found: list[tuple[str, str | None]] = []
        if floor:
            org = floor.group("org")
            more = floor.group("more") or ""
            behalf = _ON_BEHALF.search(more)
            found.append((floor.group("name"), org or (behalf.group(1) if behalf else None)))
        elif far:
            found.extend((m.group("name"), None) for m in _REMOTE.finditer(text))
        for name, org in found:
            name = split_office(name)[1]
            if not looks_like_name(name) or name.lower() in names:
                continue
            if name.split()[-1].lower() in surnames:
                continue
            names.add(name.lower())
            surnames.add(name.split()[-1].lower())
            out.append(Attendee(name, None, org.strip(" .") if org else None, "in_attendance"))
    return out
