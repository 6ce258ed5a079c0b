"""Sentences of the minutes that give someone a task.

"DK to bring the figures to the next meeting", "Inspector Shaw agreed to
provide ward figures", "Ian said he'll draft a poster", "All directors to
complete the refresher": :func:`narrative_action` reads the owner, the task
and its due wording, and accepts the owner only when the attendance (or an
office, or a group of the meeting's own) makes it one.
"""

from __future__ import annotations

import re

from concord.ingest.extraction.action_text import (
    GROUPISH,
    LEAD_CLAUSE,
    OFFICE_OF,
    is_imperative,
    ownerish,
    parse_action_text,
    resolve_names,
)
from concord.ingest.extraction.names import is_office, role_key, split_owners

_THE = re.compile(r"^the\s+", re.I)
_HANDLE = re.compile(r"(?<![\w.])@(?=[A-Za-z])")
_UNDERTAKINGS = ("agreed to", "undertook to", "offered to", "volunteered to")
# One post, not a body: "the Chief Fire Officer", "the Head of Housing".
_POST = re.compile(
    r"(?i)^(?:the\s+)?(?:[a-z][\w&'-]*\s+){0,4}(?:officer|clerk|chair(?:man|person|woman)?|secretary|"
    r"treasurer|director|manager|lead|head|engineer|inspector|superintendent|commissioner|co-?ordinator|"
    r"administrator|advis[eo]r|nurse|principal|headteacher|auditor|solicitor|executive|registrar|"
    r"bursar|churchwardens?|librarian|vicar|rector|conven[eo]r)(?:\s+to\s+(?:the\s+)?\w+)?$"
)


def is_post(text: str) -> bool:
    """Does ``text`` name a post ("the Company Secretary", "Head of Corporate
    Affairs", "the Co-ordinator"), not a person or a body?

    >>> is_post("the Head of Corporate Affairs"), is_post("Company Secretary")
    (True, True)
    >>> is_post("the committee"), is_post("Ann Lee")
    (False, False)
    """
    return bool(_POST.match(text) or OFFICE_OF.match(text))


_ALL_OF_GROUP = re.compile(r"(?i)^all\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*s$")
_ASKED_ROLE = re.compile(
    r"(?i)^(?:[a-z][\w&'-]*\s+){0,3}(?:clerk|chair(?:man|person)?|secretary|treasurer|officers?|"
    r"staff|team|secretariat)$"
)
_ASKING = re.compile(
    r"(?i)\b(?:asked|requested|instructed|invited|encouraged|urged|directed|tasked)\b"
)
_NARRATIVE = re.compile(
    r"^(?P<o>[^,:;.()]{1,50}?)\s+(?P<v>to|will|would|agreed\s+to|undertook\s+to|offered\s+to|"
    r"volunteered\s+to|(?:was|were|is|are)\s+(?:asked|requested|instructed|tasked|directed)\s+to|(?:is|are)\s+to)\s+"
    r"(?P<rest>[a-z]+\b.+)$"
)
_SAID_WOULD = re.compile(
    r"(?:\s+[a-z]+ly)?\s+(?:said|confirmed|promised)\s+(?:that\s+)?(?:he|she|they)"
    r"(?:\s+would|['’]ll|['’]d)\s+"
    r"(?!(?:like|prefer|rather|need|hope|welcome|love|expect|be|not|have|also|stand|"
    r"wait|try|want|think|look\s+forward)\b)(?=[a-z])"
)
# A speaker's tag and their first-person undertaking: "RGr - I will …", "Ann: I'll …".
_SPEAKER = re.compile(
    r"^(?P<o>[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)?)\s*[-–—:]\s*"
    r"(?:I\s+will\s+|I['’]ll\s+|(?P<to>to)\s+|will\s+)(?=[a-z])"
)
_GOING_TO = re.compile(r"(?:['’]s|\s+(?:is|are))\s+going\s+to\s+(?=[a-z])")
# The full stop of a title or an initial ("Cllr. O. Williams") is not a
# sentence's end: masked (same length) while the owner is looked for.
_NAME_DOT = re.compile(r"\b(?:Cllrs?|Mrs?|Ms|Dr|Prof|Rev|Revd|Sgt|Insp|Supt|[A-Z])\.(?=\s)")


def narrative_action(
    sentence: str, people: list[str], roles: dict[str, str] | None = None
) -> tuple[str, list[str], str | None] | None:
    """A sentence of the minutes that gives an attendee a task.

    "DK to bring the figures to the next meeting", "Inspector Shaw agreed to
    provide ward figures": the owner must be someone in the attendance (by
    name, surname or initials), so "The board agreed to support the bid" is
    a decision, not an action. "Clerk to …" (a role with the bare "to") is
    accepted too.

    >>> narrative_action("AL to circulate the plan by May 2024.", ["Ann Lee"])
    ('Circulate the plan', ['Ann Lee'], 'May 2024')
    >>> narrative_action("The board agreed to support the bid.", ["Ann Lee"]) is None
    True
    """
    text = sentence.strip().rstrip(".")
    speaker = _SPEAKER.match(text) if text[:1].isupper() else None
    if speaker:
        # "RGr - I will send the dates", "SP: I'll confirm", "RGr – to check
        # the renewal": a speaker's tag, then their own undertaking.
        verb = "to" if speaker.group("to") else "will"
        text = f"{speaker.group('o')} {verb} {text[speaker.end() :]}"
    if " said " in text or " confirmed " in text or " promised " in text:
        # "Ian said he'll draft a poster", "Jan and Philip kindly said they'd
        # sort out the rota": reported speech, read as "Ian would draft …".
        text = _SAID_WOULD.sub(" would ", text, count=1)
    if "going to " in text:
        # "Sue's going to ring round", "Kwame and Gemma are going to do a
        # walkround": a plan told in speech, read as "Sue will ring round".
        text = _GOING_TO.sub(" will ", text, count=1)
    if "@" in text[:60]:
        # "@tom to put the guide in the pack": a chat handle names the owner.
        text = _HANDLE.sub("", text)
    masked = _NAME_DOT.sub(lambda d: d.group(0)[:-1] + "\x01", text) if "." in text else text
    lead = LEAD_CLAUSE.match(masked)
    if lead:
        # "In response to a question, the Chief Officer undertook to …"
        text, masked = text[lead.start("rest") :], masked[lead.start("rest") :]
    m = _NARRATIVE.match(masked)
    if not m or m.group("rest").split()[0] in ("be", "been", "have", "not", "also"):
        return None
    owner_text = _THE.sub("", text[m.start("o") : m.end("o")].strip())
    known = role_key(owner_text) in (roles or {})  # an office or a call sign
    group = _ALL_OF_GROUP.match(owner_text) is not None
    if not (ownerish(owner_text) or known or group) or _ASKING.search(owner_text):
        # "The board asked staff to …": the one asked is the owner (action_lists).
        return None
    owners = [_THE.sub("", o) for o in resolve_names(split_owners(owner_text), people)]
    in_register = owners and all(o in people or role_key(o) in (roles or {}) for o in owners)
    verb = " ".join(m.group("v").split())
    if verb == "would" and not all(o in people or is_office(o) for o in owners):
        # "The Chief Nurse would share the learning": a post's reported
        # intention is no task; a named attendee's or a clerk's is.
        in_register = False
    elif verb in ("would", "will") and owners and all(is_office(o) for o in owners):
        in_register = True  # "the Clerk would write to the Minister"
    # "The Chief Fire Officer undertook to provide the figures": one post's
    # undertaking is its task (a board's "agreed to" is its decision).
    undertaken = verb in _UNDERTAKINGS and bool(
        _POST.match(owner_text) or OFFICE_OF.match(owner_text)
    )
    # "would" (reported speech) and "was asked to" need an attendee or an office
    # one attendee holds; "to" alone also takes a role ("Clerk to …").
    asked = m.group("v")[:3] in ("was", "wer", "is ", "are")
    bare_to = m.group("v") == "to" or asked
    # "The Partnership was asked to approve …" asks the meeting for a decision:
    # only an office or staff asked to do something is given a task.
    role_task = (
        (
            (m.group("v") == "to" and GROUPISH.match(owner_text))
            or (asked and _ASKED_ROLE.match(owner_text))
        )
        and is_imperative(m.group("rest").split()[0])
        and owner_text.lower() not in ("all", "members", "partners", "governors", "trustees")
    )
    # "Cllr. O. Williams and the Clerk to review …": an attendee with an office.
    with_office = (
        bare_to
        and any(o in people for o in owners)
        and all(o in people or GROUPISH.match(o) for o in owners)
    )
    # "All directors to complete the refresher", "All practices are asked to
    # send …": every one of a group of the meeting's own, named as a group.
    everyone = (
        (bare_to or m.group("v") in ("are to", "is to"))
        and group
        and is_imperative(m.group("rest").split()[0])
    )
    if everyone:
        owners = [owner_text]
    if not (in_register or role_task or with_office or undertaken or everyone):
        return None
    d, _, dw = parse_action_text(text[m.start("rest") :], people)
    return d, owners, dw
