"""Whose body met: the organisation named on the minutes' first line
("HOLLINS PRIMARY SCHOOL" over "Full Governing Board")."""

from __future__ import annotations

import re

from concord.ingest.extraction.meta import ORGANISATION_END
from concord.ingest.extraction.names import TITLE_SMALL_WORDS

# "CITY OF BRAY", "Town of Ely", "University of Kelmscott": a place or
# institution named before the body that belongs to it.
_PLACE_OF = re.compile(
    r"(?i)^(?:the\s+)?(?P<kind>city|town|village|county|borough|township|municipality|district)"
    r"\s+of\s+(?P<place>[^\d:,]{2,40})$"
)
_INSTITUTION = re.compile(r"(?i)^(?:the\s+)?university\s+of\s+[^\d:,]{2,40}$")
_SITTING = re.compile(r"(?i)^(?:regular|special|ordinary|extraordinary)\s+(?=\w+\s+\w)")


def with_organisation(body: str | None, head: list[str]) -> str | None:
    """The body with the organisation it belongs to, when the minutes' first
    line names that organisation and the body's own heading does not:
    "HOLLINS PRIMARY SCHOOL" over "Full Governing Board", "CITY OF BRAY" over
    "Regular City Council", "Ashby Parish Council" over "the Parish Council".

    >>> with_organisation("Board of Directors", ["Wexcombe NHS Trust", "Minutes of …"])
    'Wexcombe NHS Trust Board of Directors'
    >>> with_organisation("REGULAR CITY COUNCIL", ["CITY OF BRAY FALLS", "REGULAR CITY COUNCIL"])
    'BRAY FALLS CITY COUNCIL'
    >>> with_organisation("Parish Council", ["ASHBY PARISH COUNCIL", "Minutes of …"])
    'ASHBY PARISH COUNCIL'
    >>> with_organisation("Finance Committee", ["Minutes of the Finance Committee"])
    'Finance Committee'
    """
    if not body or not head:
        return body
    first = re.sub(r"\s*\([^()]*\)\s*$", "", head[0].strip(" #*"))
    words = first.split()
    if not 2 <= len(words) <= 8 or ":" in first or any(c.isdigit() for c in first):
        return body
    low_first, low_body = first.lower(), body.lower()
    if low_first == low_body or "minutes" in low_first or "meeting" in low_first:
        return body
    own = set(low_body.split())
    place = _PLACE_OF.match(first)
    if place:
        sitting = _SITTING.sub("", body)
        if sitting.split()[0].lower() != place.group("kind").lower():
            return body
        name = place.group("place").strip()
        return f"{_cased(name, sitting)} {sitting}"
    if not (ORGANISATION_END.search(first) or _INSTITUTION.match(first)):
        return body
    if own <= set(low_first.split()):
        # "Parish Council" under "ASHBY PARISH COUNCIL": the first line in full.
        return first
    if own & set(low_first.split()) - TITLE_SMALL_WORDS:
        return body  # the two overlap: neither is simply the other's owner
    return f"{_cased(first, body)} {body}"


def _cased(name: str, like: str) -> str:
    """A shouted name in the case of the text it is joined to (short words
    other than title case's small ones are taken for acronyms).

    >>> _cased("CLERK TO THE NHS TRUST", "Board")
    'Clerk to the NHS Trust'
    """
    if not name.isupper() or like.isupper():
        return name
    return " ".join(
        w.lower() if w.lower() in TITLE_SMALL_WORDS else w if len(w) <= 3 else w.capitalize()
        for w in name.split()
    )
