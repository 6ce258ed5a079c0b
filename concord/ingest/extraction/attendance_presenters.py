"""People who gave a presentation named in an item's title ("Presentation by Dr Ann Lee, …").

Council and board minutes often print no list of guests: a speaker is
named only in the title of the item they presented.  They attended, as
guests (``in_attendance``), unless a list already names them.
"""

from __future__ import annotations

import re

from concord.ingest.extraction.names import looks_like_name, split_title
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
