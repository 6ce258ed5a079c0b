"""One attendee from a name and an organisation: title, role, status, deputy.

"Mrs Ann Lee (AL) Vice Chair", "Cllr Hal Pryor (substituting for Cllr
Moss)", "Bo Roe – apologies": the pieces of one person's entry, read by
:func:`parse_person`.  Lists of people and the shapes of whole lines are
:mod:`.attendees`.
"""

from __future__ import annotations

import re

from concord.ingest.extraction.attendance_headings import role_word, status_word
from concord.ingest.extraction.names import (
    POST_WORDS,
    drop_handles,
    looks_like_name,
    split_office,
    split_title,
    strip_post_nominals,
)
from concord.ingest.record import Attendee
from concord.ingest.text import BULLET

_CHAIR_AFTER = re.compile(r"(?i)\s*\(((?:vice[- ]?)?chair(?:man|person)?)\)\s*$")
_GROUP_END = re.compile(
    r"(?i)\b(?:group|board|committee|partnership|forum|panel|network|council|sub-?group)\s*$"
)
ROLE = re.compile(
    r"\(?\b(vice[- ]?chair(?:man|person|woman)?|deputy chair(?:man|person)?|chair(?:man|person|woman|ing)?|"  # noqa: E501
    r"in the chair)\b\)?",
    re.I,
)
DEPUTY = re.compile(
    r"\(?\s*\b(?:deputi[sz]ing|substituting|substitute|sub|standing\s+in|in\s+place|deputy|"
    r"attending|representing|on\s+behalf|proxy)\s+(?:for|of)\s+([^()\n,;]+?)\s*(?:\)|$|,|;)",
    re.I,
)
# "– present", "(apologies)", "-- regrets (travelling)", "– present, joined 17:20".
TRAILING_STATUS = re.compile(
    r"[\s,:;\-–—(]+(present|here|apologies(?:\s+(?:received|given|sent))?|sent\s+apologies|absent|"
    r"in\s+attendance|regrets|not\s+present)\)?(?:\s*\([^()]{1,40}\)|,\s*[^,()]{1,30})?\.?$",
    re.I,
)
_LEAD_INITIALS = re.compile(r"^([A-Z]{2,4})(?:\s*[-–—,:]\s*|\s+(?=for\s)|$)(.*)$")
INITIALS = re.compile(r"\s*\(([A-Z]{2,4}|[A-Z]{2,3}[a-z])\)")
ANSWERED = re.compile(
    r"\s*(?:[–—-]\s*|\(\s*)(?:apolog(?:y|ies)\s+)?(?:accepted|not\s+accepted|received|noted|"
    r"consent\s+given|sent)\)?\.?$",
    re.I,
)


def clean(text: str) -> str:
    text = text.strip()
    if text.startswith(BULLET):
        text = text[len(BULLET) :]
    return text.strip(" \t.;,")


def without_initials(part: str) -> tuple[str, str | None]:
    """Split "Mrs Ann Lee (AL) Vice Chair" into the name with its role, and the rest.

    Initials in brackets end the name; what follows is a role or what the
    person is (kept as the organisation). "– accepted" after apologies goes.

    >>> without_initials("Mrs Ann Lee (AL) Vice Chair")
    ('Mrs Ann Lee (Vice Chair)', None)
    >>> without_initials("Mr Rob Day (RD) Headteacher – accepted")
    ('Mr Rob Day', 'Headteacher')
    """
    part = ANSWERED.sub("", part)
    ini = INITIALS.search(part)
    if not ini:
        return part, None
    after = part[ini.end() :].strip(" ,-–—")
    name = part[: ini.start()]
    r = ROLE.search(after)
    if r:
        name = f"{name} ({r.group(1)})"
        after = (after[: r.start()] + after[r.end() :]).strip(" ,-–—()")
    return name, after or None


def strip_role(text: str) -> str:
    return ROLE.sub("", text).strip(" ,-–()")


def parse_person(
    name_part: str, org_part: str | None, status: str, single: bool = False
) -> Attendee | None:
    """One attendee from a name (with any title and markers) and an organisation."""
    role = None
    deputising = None
    name_part = clean(name_part)
    m = TRAILING_STATUS.search(name_part)
    if m and looks_like_name(strip_role(name_part[: m.start()])):
        status = status_word(m.group(1))
        name_part = name_part[: m.start()]
    d = DEPUTY.search(name_part)
    if d and looks_like_name(d.group(1), allow_single=single):
        deputising = split_title(d.group(1).strip())[1]
        after = name_part[d.end() :]
        if (
            d.group(0).rstrip().endswith(",")
            and d.group(0).lstrip().startswith("(")
            and ")" in after
        ):
            # "Mouse (proxy for Karne, librarian)": the rest of the bracket
            # says what the member stood in for is.
            after = after.split(")", 1)[1]
        name_part = (name_part[: d.start()] + after).strip()
    r = ROLE.search(name_part)
    if r:
        role = role_word(r.group(1))
        name_part = (name_part[: r.start()] + name_part[r.end() :]).strip(" ,-–")
    org = None
    if org_part:
        lead = _LEAD_INITIALS.match(org_part.strip())
        if lead:
            # "(AL - Chair)", "(BR for Cy Dunn)": the person's initials first.
            rest = lead.group(2).strip()
            org_part = f"deputising {rest}" if rest.startswith("for ") else rest
    if org_part and "@" in org_part:
        org_part = drop_handles(org_part)
    if org_part:
        org = clean(org_part)
        if TRAILING_STATUS.fullmatch(" " + org):
            status, org = status_word(org), ""
        m = TRAILING_STATUS.search(org)
        if m:
            status = status_word(m.group(1))
            org = org[: m.start()].strip()
        d = DEPUTY.search(org)
        if d:
            if looks_like_name(d.group(1)):
                deputising = deputising or split_title(d.group(1).strip())[1]
            org = (org[: d.start()] + org[d.end() :]).strip(" ,-–")
        r = ROLE.match(org.strip())
        if r:
            # A marker before the organisation belongs to the person…
            role = role or role_word(r.group(1))
            org = org.strip()[r.end() :].strip(" ,-–")
        else:
            # …one after a group ("Theme Group (Chair)") says what they chair
            # elsewhere; after a post ("GP Lead (Chair)") it is this meeting's.
            tail = _CHAIR_AFTER.search(org)
            if tail:
                if not _GROUP_END.search(org[: tail.start()]):
                    role = role or role_word(tail.group(1))
                org = org[: tail.start()]
        org = _balanced(org.strip(" ,-–")) or None
    title, name = split_title(name_part.strip(" ,-–"))
    name = strip_post_nominals(name.strip(" ,-–:"))
    office, name = split_office(name)
    if office:
        # "Parks Director Flo Hunt": the post is what the person is here.
        title2, name = split_title(name)
        title = title or title2
        org = org or office
    if not looks_like_name(name, allow_single=single or title is not None):
        return None
    if " " not in name and name.lower() in POST_WORDS:
        return None  # "Secretary" alone is a post
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
