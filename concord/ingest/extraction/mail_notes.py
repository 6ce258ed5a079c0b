"""Notes of a meeting sent as an e-mail: which body met, and where, from the
message's words; and who "I" and "me" are.

A secretary who e-mails the notes names the body in passing ("Quick notes
from yesterday's Kestrel Vale Warning & Informing Group (Weds 6 Nov …)")
and signs off with a post and the organisation ("Hon. Secretary, Hollins
Lane Allotment Society").  The subject line ("notes from tues board mtg")
and the "To:" list ("KV W&I Group", "Shed Committee") seldom name it in
full; the heading rules read those first.
"""

from __future__ import annotations

import re

from concord.ingest.extraction.dates import find_times
from concord.ingest.extraction.meta import BODY_WORDS, MAIL_FIELD, mail_header
from concord.ingest.extraction.names import looks_like_name
from concord.ingest.extraction.venue import PLACE_WORDS
from concord.ingest.text import Block, Text


def _after_header(lines: list[str]) -> int:
    """Where the message starts: the first line after the header's fields."""
    n = 0
    while n < min(len(lines), 12) and (MAIL_FIELD.match(lines[n]) or not lines[n].strip()):
        n += 1
    return n


def is_mail(lines: list[str]) -> bool:
    """Whether the text opens with an e-mail's header: "From:" and "To:" or
    "Subject:" among its first lines.

    >>> is_mail(["From: Jo Bell <jo@x.org>", "To: Board", "Subject: notes", "", "Hi all"])
    True
    >>> is_mail(["Minutes of the Board", "To: all members"])
    False
    """
    return bool(mail_header(lines[:12]))


# "notes from last night's Cedar Flats Mutual Aid coordinators call",
# "Quick notes from the Data Sharing Working Group below".
_NOTES_FROM = re.compile(
    r"(?:notes|minutes)\s+(?:from|of)\s+(?:the\s+|our\s+|(?:last\s+night|yesterday|today|this\s+"
    r"morning|(?:mon|tues|wednes|thurs|fri|satur|sun)day)['’]s\s+)"
    r"(?P<body>[A-Z][\w'’&-]*(?:\s+(?:&|and|of|for|the|[A-Z][\w'’&-]*))*"
    r"(?:\s+[a-z]+s(?=\s+(?:call|meeting)))?)"
)
# "Subject: High Street Task Force - notes & actions from last night".
_SUBJECT_BODY = re.compile(
    r"(?i:^\s*subject\s*:\s*(?:(?:re|fw|fwd)\s*:\s*)*)"
    r"(?P<body>[A-Z][\w'’&-]*(?:\s+(?:&|and|of|for|the|[A-Z][\w'’&-]*))+)"
    r"\s+[-–—:]\s+(?i:(?:quick\s+|draft\s+|rough\s+)?(?:notes|minutes|actions?|action\s+notes)\b)"
)
_OWN_WORDS = re.compile(r"(?:\s+(?:meeting|mtg|call|catch-up|session))+$")
_SMALL_END = re.compile(r"(?:\s+(?:&|and|of|for|the))+$")

# "Hon. Secretary, Hollins Lane Allotment Society", "Vice-chair, Fenwick
# Lane Surgery Patient Participation Group": a post, then the organisation.
_POST = re.compile(
    r"(?i)^(?:hon(?:orary|\.)?\s+|general\s+|board\s+|acting\s+|vice[- ]?|deputy\s+|assistant\s+)*"
    r"(?:secretary|clerk|chair(?:man|person)?|treasurer|co-?ordinator|convenor|president)\b"
    r"[^,|]{0,60}[,|]\s*(?P<org>[A-Z].+)$"
)
# What follows the organisation's name on its line: "…, Sector 31", " Inc.".
_ORG_TAIL = re.compile(r"\s*,.*$")
_LIST = re.compile(r"(?i)\s+(?:distribution|mailing)\s+list$")
_LEGAL_END = re.compile(r"(?i),?\s+(?:inc|ltd|limited|cic)\.?$")
# A name is an organisation's when it has a body's word or a legal ending.
_ORGANISATION = re.compile(r"(?i)\bco-?op\b|\b(?:inc|ltd|limited|cic)\b\.?$")
_WEAK = re.compile(
    r"(?i:^(?:subject|from|to|re)\s*:|\b(?:distribution|mailing)\s+list\b|\s(?:notes|minutes)\s+(?:of|from)\s)"
    r"|^[a-z]"
)
_ABBREVIATION = re.compile(r"\b[A-Z]{2,5}\b")


def mail_body(lines: list[str], found: str | None) -> str | None:
    """The body an e-mailed note is about, or ``found`` (the heading rules'
    answer) when the message names none more fully.

    >>> note = ["From: Di <di@x.org>", "Subject: notes from tues board mtg", "",
    ...         "Hi all, quick notes from last night's Fern Hollow Food Co-op Board meeting."]
    >>> mail_body(note, "Subject: notes from tues board mtg")
    'Fern Hollow Food Co-op Board'
    >>> mail_body(["From: Di <di@x.org>", "Subject: notes", "", "Thanks, Di",
    ...            "Hon. Secretary, Hollins Lane Allotment Society"], "HLAS Committee")
    'Hollins Lane Allotment Society'
    """
    said = _said_in_passing(lines)
    signed = _signed_for(lines)
    if said and signed:
        if signed.lower().endswith(said.lower()):
            said = signed  # "Patient Participation Group", signed for "Fenwick Lane Surgery …"
        elif all(BODY_WORDS.fullmatch(w) for w in said.split()):
            said = f"{signed} {said}"  # "Executive Committee" of the association signed for
    if said and (not found or (said.lower() != found.lower() and _covered(found, said))):
        return said
    if signed and found and not _weak(found):
        # "Shed Committee" of "Kooralong Men's Shed Inc.": the committee of the
        # organisation whose name holds the rest of its words.
        kind = found.split()[-1]
        rest = set(_words(found)) - set(_words(kind))
        if rest and rest <= set(_words(signed)) and BODY_WORDS.fullmatch(kind):
            return f"{_LEGAL_END.sub('', signed)} {kind}"
    if signed and (not found or _weak(found)):
        return signed
    if found and _weak(found):
        return _LIST.sub("", found) or found
    return found


def _covered(found: str, said: str) -> bool:
    """Whether the message's own words name ``found`` better: it is weak, or
    its words are all in ``said`` ("Compact Working Group" in "Brayfield …")."""
    return _weak(found) or set(_words(found)) <= set(_words(said))


def _weak(body: str) -> bool:
    """A body the heading rules read off a header or a list, or in initials."""
    return bool(_WEAK.search(body) or _ABBREVIATION.search(body))


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def _said_in_passing(lines: list[str]) -> str | None:
    """The body in "notes from last night's X meeting", in the message's
    first lines (after the header)."""
    start = _after_header(lines)
    for line in lines[start : start + 12]:
        m = _NOTES_FROM.search(line)
        if not m:
            continue
        body = _SMALL_END.sub("", _OWN_WORDS.sub("", m.group("body"))).strip()
        if BODY_WORDS.search(body) or len(body.split()) >= 3:
            return body
    for line in lines[:start]:
        m = _SUBJECT_BODY.match(line)
        if m:
            return m.group("body")  # "Subject: High Street Task Force - notes & actions"
    return None


def _signed_for(lines: list[str]) -> str | None:
    """The organisation in the sign-off: "Secretary, Hollins Court Tenants'
    Association" among the message's last lines."""
    for line in reversed(lines[-10:]):
        m = _POST.match(line.strip())
        if m:
            org = _ORG_TAIL.sub("", m.group("org")).strip()
            if BODY_WORDS.search(org) or _ORGANISATION.search(org):
                return org
    return None


# "last night in the Reading Room - we were out by …", "committee meeting at
# the clubrooms (Wattle Flat Rec Reserve).", "We were in the community flat
# (1A Hollins Court) and …", "(Tues 3/9, on Zoom)".
_MET_AT = re.compile(
    r"(?i:\b(?:meeting|night|call|catch-up|session|we\s+were|we\s+met|held))\s+"
    r"(?:(?i:at|in)\s+(?P<place>(?:the\s+)?(?!(?i:end|start|spring|summer|autumn|winter|weekend|"
    r"morning|afternoon|evening|future|meantime|past)\b)[A-Za-z][\w'’&-]*(?:\s+[A-Z0-9][\w'’&-]*)*"
    r"(?:\s+[a-z][\w'’&-]*){0,2}(?:\s+\([^()]{3,40}\))?)"
    r"|(?P<online>on\s+(?:Zoom|Teams|Microsoft\s+Teams|Google\s+Meet|Skype)))"
    r"(?=\s*(?:[.,;:)!]|\s-\s|$)|\s+(?:and|so|which|where|as|with|for|from|-)\s)"
)
_CALL = re.compile(r"\([^()]*?\b(?:on\s+|via\s+)?(Zoom|Teams|Microsoft\s+Teams|Google\s+Meet)\b")


def mail_venue(lines: list[str], found: str | None) -> str | None:
    """Where an e-mailed note says the meeting was, in the message's first
    paragraphs, or ``found`` (the heading rules' answer) when it says it as
    well: they read "… at the Community Hall, Block C, from 10.30" in full
    but take "Who was there (Teams, 2:00-3:15pm)" for a place.

    >>> mail_venue(["From: Di <di@x.org>", "Subject: notes", "", "We were in the community",
    ...             "flat (1A Hollins Court) and got going about 7."], None)
    'the community flat (1A Hollins Court)'
    >>> mail_venue(["From: Di <di@x.org>", "", "Thanks for last night in the Reading Room",
    ...             "- we were out by nine."], "the Reading Room - we were out by")
    'the Reading Room'
    >>> mail_venue(["From: Di <di@x.org>", "", "Notes from Weds (6 Nov, 10:00-11:40, training room",
    ...             "at Hatherby Fire Station) - thanks all"], None)
    'training room at Hatherby Fire Station'
    >>> mail_venue(["From: Di <di@x.org>", "", "Sorry, we met in the end without Jo."], None)
    """
    said = _said_venue(lines)
    if not found or not said:
        return found or said
    if said in found:
        # "the Community Hall, Block C" read in full, or a place and the words after it.
        return found if found.startswith(said) and _ADDRESS_ON.match(found[len(said) :]) else said
    return said if found.count("(") != found.count(")") else found


# After a place's name, more of its address: ", Block C", ", 14 Mill Lane".
_ADDRESS_ON = re.compile(r",\s+[A-Z0-9][\w'’-]*(?:\s+[A-Z0-9][\w'’-]*)*$")


def _said_venue(lines: list[str]) -> str | None:
    start = _after_header(lines)
    opening = " ".join(line.strip() for line in lines[start : start + 14])
    m = _MET_AT.search(opening)
    if m:
        return str(m.group("place") or m.group("online")[3:])
    for bracket in re.finditer(r"\(([^()]{5,120})\)", opening):
        inside = bracket.group(1)
        if not find_times(inside):
            continue
        for part in inside.split(","):
            # "(Weds 6 Nov, 10:00-11:40, training room at Hatherby Fire Station)"
            part = part.strip()
            if PLACE_WORDS.search(part) and not re.search(r"\d", part) and len(part.split()) <= 8:
                return part
    call = _CALL.search(opening)
    return str(call.group(1)) if call else None


_FROM = re.compile(r"(?i)^\s*from\s*:\s*[\"']?(?P<name>[^<\[\"'@]+?)[\"']?\s*(?:[<\[(]|$)")
# "Who was there: Jim Cargill (chair), me, Kasia Nowak": the writer in a list.
_ME = re.compile(r"(?:(?<=[:,]\s)|(?<=[:,])|(?<=\band\s))me\b(?=\s*(?:[,(.;]|and\b|$))")
# "I will chase them again", "I'll book the hall", "I'm going to ring round":
# the writer's own tasks, at the start of a clause.
_I_WILL = re.compile(
    r"(?:^|(?<=[.;!?]\s)|(?<=\s-\s)|(?<=\bso\s)|(?<=\band\s)|(?<=\bbut\s))"
    r"I(?:['’]ll|\s+will|['’]m\s+going\s+to|\s+am\s+going\s+to)\s+(?=[a-z])"
)


def sender(lines: list[str]) -> str | None:
    """Who sent an e-mailed note: the name on its "From:" line, else the full
    name in its sign-off ("Cheers, / Jess / Jess Okonedo").

    >>> sender(["From: Moira Kilbride <branchsec@example.org>", "To: Committee"])
    'Moira Kilbride'
    >>> sender(["From: Clerk - Parish Council <clerk@x.org>", "", "Thanks,", "Di Fox", "Clerk"])
    'Di Fox'
    """
    for line in lines[:12]:
        m = _FROM.match(line)
        if m:
            name = m.group("name").strip(" ,")
            if looks_like_name(name) and len(name.split()) >= 2:
                return name
            break
    for line in reversed(lines[-12:]):
        text = line.strip(" -–—")
        if 2 <= len(text.split()) <= 4 and looks_like_name(text) and "," not in text:
            return text
    return None


def as_sender(text: Text, name: str) -> Text:
    """The note with its writer named: "me" in a list of those there, and
    "I will …" / "I'll …" starting a clause, are ``name``.

    >>> t = Text(); t.add_para("Present: Jim Cargill (chair), me, Kasia Nowak.")
    >>> t.add_para("No reply from HR, so I will chase them again.")
    >>> for block in as_sender(t, "Moira Kilbride").blocks:
    ...     print(block.cells[0])
    Present: Jim Cargill (chair), Moira Kilbride, Kasia Nowak.
    No reply from HR, so Moira Kilbride will chase them again.
    """
    blocks = []
    for block in text.blocks:
        cells = tuple(_named(c, name) for c in block.cells)
        blocks.append(block if cells == block.cells else Block(block.kind, cells))
    return Text(blocks=blocks, front_matter=text.front_matter)


def _named(cell: str, name: str) -> str:
    if cell.islower():
        name = name.lower()  # a note typed all in lower case reads its names so
    if "me" in cell:
        cell = _ME.sub(name, cell)
    if "I" in cell:
        cell = _I_WILL.sub(f"{name} will ", cell)
    return cell
