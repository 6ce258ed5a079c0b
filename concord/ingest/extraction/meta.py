"""Kind of document, body, date and times from the heading lines (the venue: :mod:`.venue`)."""

from __future__ import annotations

import re

from concord.ingest.extraction.dates import find_dates, first_date

BODY_WORDS = re.compile(
    r"\b(board|group|committee|partnership|forum|council|trust|executive|governors|governing|"
    r"panel|commission|cabinet|trustees|network|alliance|assembly|sub-?committee|authority|"
    r"steering|body|team|association|society|meeting of|federation|consortium|conference|"
    r"club|union|guild|league|coalition|chamber|co-?operative|institute|friends\s+of|"
    r"task\s+force|working\s+party|plenum|pilot|"
    # a school's parents' association: PTA, PTFA, PFA, PTO
    r"PT[FO]?A|PFA|PTO)\b",
    re.I,
)
_PREFIX = re.compile(
    r"^(?:(?:draft|unconfirmed|confirmed|approved)\s+)?(?:action\s+notes|notes|minutes|agenda|record)"
    r"(?:\s+and\s+actions)?\s+(?:of|for|from)\s+(?:the\s+|a\s+)?"
    r"(?:(?:extra-?ordinary|special|annual|ordinary|regular|full|quarterly|monthly|inaugural|general|joint)\s+)*"
    r"(?:(?:general\s+)?meeting\s+of\s+(?:the\s+)?)?(?P<body>.+)$",
    re.I,
)
_KIND_MEETING_OF = re.compile(
    r"^(?:minutes|notes)\s+of\s+(?:the\s+|an?\s+)?(?P<q>(?!(?:annual|general|special|ordinary|"
    r"regular|monthly|quarterly|extra-?ordinary|full|joint)\b)[A-Za-z]+(?:\s+[A-Za-z]+)?)\s+"
    r"meeting\s+of\s+(?:the\s+)?(?P<body>.+)$",
    re.I,
)
_MINUTES_MID = re.compile(
    r"(?i)\s(?:minutes|notes)\s+of\s+(?:the\s+|a\s+)?(?:\w+\s+)?meeting\s+of\b"
)
_MEETING_OF = re.compile(
    r"^(?:an?\s+|the\s+)?(?:(?:special|annual|ordinary|regular|extra-?ordinary|monthly|quarterly|"
    r"general|full)\s+)*meeting\s+of\s+(?:the\s+)?(?P<body>.+)$",
    re.I,
)
_CUT = re.compile(
    r"\s*(?:[,–—-]\s*|\s)(?:held\b|meeting\b|minutes\b|[ae]gm\b|action\s+notes\b|agenda\b|on\s+\w+day|on\s+\d|"
    r"(?:was|were|is|will|has|have|had|agreed|approved|noted|resolved|decided|discussed|received)"
    r"(?:\s|[.,;:]|$)|"
    r"at\s+\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}|"
    r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2}|\(|–|—|\s-\s).*$",
    re.I,
)

_LEAD_DATE = re.compile(r"^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})\s+(?=[A-Z])")
_MINUTES_WORD = re.compile(r"^(?:minutes|notes)\s+(?:of\s+(?:the\s+)?)?(?=\S+\s+\S)", re.I)


_PROPER_NAME = re.compile(r"[A-Z][\w'’-]+(?:\s+(?:of\s+|and\s+|for\s+|&\s+)?[A-Z][\w'’-]+){1,5}")


def _clean_body(text: str, named: bool = False) -> str | None:
    """The body in a heading's words, or None when they name none.

    ``named``: the words follow "Meeting of the", which says outright that
    a body comes next, so a proper name of two to six words is one even
    without a word such as "Council" ("… Meeting of the Ballinure
    Municipal District held in …").

    >>> _clean_body("Ballinure Municipal District held in the Chamber", named=True)
    'Ballinure Municipal District'
    >>> _clean_body("Ballinure Municipal District held in the Chamber") is None
    True
    """
    text = re.sub(r"\s+", " ", text).strip(" :.-–—*#")
    text = _CUT.sub("", text).strip(" :.,-–—")
    # "MINUTES PARKS AND RECREATION BOARD": a heading that opens with the word;
    # "2024-08-28 Garden steering meeting": one that opens with the date.
    text = _LEAD_DATE.sub("", _MINUTES_WORD.sub("", text))
    text = re.sub(
        r"^(?:the)\s+(?=.*\b(?:board|group|committee|partnership|forum|council|panel)\b)",
        "",
        text,
        flags=re.I,
    )
    if not text or len(text.split()) > 12 or not text[0].isupper():
        return None
    if text.lower().endswith(("members", "member", "attendees", "participants")):
        # "New panel members", "Board members": people, not the body.
        return None
    if not BODY_WORDS.search(text) and not (named and _PROPER_NAME.fullmatch(text)):
        return None
    if re.fullmatch(
        r"(?i)(the\s+)?(meeting|minutes|agenda|board|group|committee|club|society|association|"
        r"team|union|guild|league|forum|partnership|network|body|panel)",
        text,
    ):
        # "Minutes of the Club Meeting": the word alone names no body.
        return None
    return text


def find_kind(head: list[str], has_attendance: bool, has_items: bool) -> str:
    """minutes, action_notes, report, agenda or other, from the heading lines."""
    joined = "\n".join(head[:12]).lower()
    if re.search(r"\baction\s+notes\b|\bnotes\s+of\s+actions\b|\baction\s+log\b", joined):
        return "action_notes"
    if re.search(r"\bminutes\b|\bnotes\s+of\s+(?:the\s+|a\s+)?meeting|\bmeeting\s+notes\b", joined):
        return "minutes"
    if (
        re.search(r"^\s*agenda\b|\bagenda\s+(?:for|of)\b|\bagenda\s*$", joined, re.M)
        and not has_attendance
    ):
        return "agenda"
    if (
        re.search(
            r"^(?:to|to:|report\s+(?:of|to|title)|subject:?|purpose\s+of|report)\s*", joined, re.M
        )
        and (
            re.search(
                r"\bpurpose\b|\brecommendations?\b|\bsubject\b|\breport\b|\bbriefing\b", joined
            )
        )
        and not has_attendance
    ):
        return "report"
    if has_attendance:
        return "minutes"
    return "other"


def _join_dash(text: str) -> str:
    """ "Oakfield School – Governing Body" → both halves, unless the tail is a date."""
    parts = re.split(r"\s+[–—-]\s+", text.strip(), maxsplit=1)
    if (
        len(parts) == 2
        and not re.search(r"\d", parts[1])
        and not re.search(r"(?i)\b(minutes|notes|agenda)\b", parts[1])
    ):
        return parts[0] + " " + re.sub(r"(?i)\s*\bmeeting\b.*$", "", parts[1])
    return text


# An e-mail's address lines: "To: board@lists.example.org", "From: Jo <jo@…>".
_MAIL_HEADER = re.compile(r"(?i)^\s*(?:from|to|cc|bcc|reply-to)\s*:[^@]*@")
_CRUMB = re.compile(r"\s(?:›|»|>|/)\s")
# An e-mail's header lines, and of them the ones that say when it was sent.
MAIL_FIELD = re.compile(r"(?i)^\s*(from|sent|date|to|cc|bcc|subject|attachments|importance)\s*:")
_MAIL_SENT = ("sent", "date")


def mail_header(lines: list[str]) -> dict[str, int]:
    """An e-mail header's fields ("from", "sent", "subject" …) and the lines
    they are on, when ``lines`` open with one that has "From:" and "To:" or
    "Subject:"; else nothing.

    >>> mail_header(["From: Jo Bell", "Subject: notes", "", "Hi all", "To: you"])
    {'from': 0, 'subject': 1}
    >>> mail_header(["Minutes of the Board", "To: all members"])
    {}
    """
    fields: dict[str, int] = {}
    for n, line in enumerate(lines):
        m = MAIL_FIELD.match(line)
        if m:
            fields.setdefault(m.group(1).lower(), n)
        elif fields and line.strip():
            break  # the header ends at its first line of another kind
    if "from" not in fields or not ("to" in fields or "subject" in fields):
        return {}
    return fields


def when_sent(head: list[str]) -> set[int]:
    """Indexes of the lines of ``head`` that date an e-mail rather than the
    meeting: "Sent: 6 February 2009 16:42", "Date: Thu, 12 Feb 2026 08:47"
    in a header that also has "From:" and "To:" or "Subject:" (minutes sent
    on the next morning would otherwise be dated then).

    >>> when_sent(["From: Jo Bell", "Sent: 6 Feb 2009 16:42", "Subject: notes", "Held 5 Feb"])
    {1}
    >>> when_sent(["Date: Wednesday 14 January 2026", "Time: 10am"])
    set()
    """
    fields = mail_header(head)
    return {fields[f] for f in _MAIL_SENT if f in fields}


def is_breadcrumb(line: str) -> bool:
    """Whether a line is a web page's trail of where it sits on the site.

    >>> is_breadcrumb("You are here: Home » Meetings » Executive Board »")
    True
    >>> is_breadcrumb("Partnership wiki › Theme groups › Children › Notes"), is_breadcrumb("A / B")
    (True, False)
    """
    return line.lstrip().lower().startswith("you are here") or len(_CRUMB.findall(line)) >= 2


def find_body(head: list[str]) -> str | None:
    """The committee or board that met (or that a report is addressed to)."""
    # "Minutes of the X" and "To: X" say it outright, wherever they are.
    head = [line for line in head if not (is_breadcrumb(line) or _MAIL_HEADER.match(line))]
    for n, line in enumerate(head):
        text = line.strip()
        if re.fullmatch(r"(?i)to\s*:?", text) and n + 1 < len(head):
            body = _clean_body(head[n + 1])
            if body:
                return body
        m = re.match(r"(?i)^(?:report\s+)?to\s*:\s*(.+)$", text)
        # ("To: board@lists.example.org" is an e-mail's header, not a body.)
        if m and "@" not in m.group(1) and _clean_body(m.group(1)):
            return _clean_body(m.group(1))
        kind_of = _KIND_MEETING_OF.match(text) if "eeting of" in text else None
        if kind_of:
            # "Minutes of the Executive meeting of Stoneyford Tenants Association":
            # the organisation, then which of its bodies met.
            body = _clean_body(kind_of.group("body"), named=True)
            q = kind_of.group("q")
            if body:
                if BODY_WORDS.fullmatch(q.split()[-1]) and q.lower() not in body.lower():
                    return f"{body} {q[0].upper()}{q[1:]}"
                return body
        for rx in (_PREFIX, _MEETING_OF):
            m = rx.match(text)
            if m:
                body = _clean_body(m.group("body"))
                if body:
                    # (the organisation above the heading, else just below it)
                    return _of_organisation(body, head[: n + 4])
        mid = _MINUTES_MID.search(text) if "inutes" in text else None
        if mid and mid.start() > 0:
            # "The Python Society   Minutes of Regular Meeting of the Board of
            # Directors": the organisation, then its body.
            body = _clean_body(_PREFIX.sub(r"\g<body>", text[mid.start() :].strip()))
            org = re.sub(r"(?i)^the\s+", "", text[: mid.start()].strip(" -–—|:"))
            if body:
                return f"{org} {body}" if ORGANISATION_END.search(org) else body
    for n, line in enumerate(head):
        text = line.strip()
        if re.match(r"(?i)^(present|apolog|in attendance)", text):
            continue
        if ":" in text and _ATTENDANCE_LABEL.search(text.split(":", 1)[0]):
            # "Panel attendance: Ann Lee (Chair), …" lists people, not the body.
            continue
        body = _clean_body(_join_dash(text))
        if body:
            return _with_committee(body, head[n + 1 : n + 4])
    for line in head[:3]:
        # "WARC Monthly Meeting – 04/21/2025", "TSC Meeting 2024-09-20": the
        # name before "Meeting" in the title, when nothing else names a body.
        m = _NAMED_MEETING.match(line.strip().lstrip("# "))
        if (
            m
            and not re.search(r"\d", m.group("body"))
            and not _GENERIC_START.match(m.group("body"))
        ):
            return m.group("body")
    return None


_ATTENDANCE_LABEL = re.compile(r"(?i)\b(?:attend\w*|present|apolog\w*|members)\s*$")
_GENERIC_START = re.compile(
    r"(?i)^(?:the|a|an|our|this|next|last|minutes|notes|agenda|draft|monthly|general|annual|"
    r"regular|special|ordinary|extraordinary|weekly|quarterly|committee|board|virtual|online|"
    r"after|before|each|every|at|in|for|during|since|from|by|with|on|first|second|third|fourth|"
    r"fifth|sixth|seventh|eighth|ninth|tenth|final)\b"
)
_NAMED_MEETING = re.compile(
    r"^(?P<body>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,6}?)\s+(?:[–—|:-]\s+)?(?:(?:monthly|general|annual|"
    r"regular|special|ordinary|extraordinary|weekly|quarterly|committee|board)\s+)*meeting\b",
    re.I,
)


ORGANISATION_END = re.compile(
    r"(?i)\b(trust|association|council|school|academy|college|university|authority|society|"
    r"charity|foundation|federation|limited|ltd|plc|cic|partnership|service)$"
)
_COMMITTEE = re.compile(
    r"(?i)^(?:the\s+)?(?:[A-Z0-9(][\w&'()-]*\s+|and\s+|of\s+){0,8}(committee|sub-?committee|board|"
    r"board\s+of\s+(?:directors|trustees|governors)|panel|group|forum|governing\s+body|"
    r"cabinet|executive)(?:\s+\([^()]{1,30}\))?$"
)


_GENERIC_BODY = re.compile(
    r"(?i)^(?:the\s+)?(?:full\s+)?(?:(?P<council>council)|cabinet|board|committee|executive)$"
)


# A web page's link, not a heading: "Join the Society", "Contact the Council".
_SITE_LINK = re.compile(
    r"(?i)^(?:join|become|support|donate|subscribe|contact|visit|about|follow|find|search|"
    r"sign|log|back|skip)\b"
)


def _of_organisation(body: str, head: list[str]) -> str:
    """A body named only by what it is ("the Full Council", "Cabinet"), named
    with the organisation a heading line gives ("SALTMARSH TOWN COUNCIL",
    "Minutes - Cabinet | Bro Teifion County Borough Council").

    >>> _of_organisation("Full Council", ["ELM TOWN COUNCIL", "Minutes of the Full Council"])
    'ELM TOWN COUNCIL'
    >>> _of_organisation("Cabinet", ["Minutes - Cabinet | Bro Teifion County Borough Council"])
    'Bro Teifion County Borough Council Cabinet'
    >>> _of_organisation("Planning Committee", ["ELM TOWN COUNCIL"])
    'Planning Committee'
    """
    generic = _GENERIC_BODY.match(body)
    if not generic:
        return body
    for line in head:
        for part in re.split(r"\s+[|–—]\s+", line.strip(" *#")):
            org = part.strip(" *#")
            if (
                ORGANISATION_END.search(org)
                and len(org.split()) <= 8
                and org[:1].isupper()
                and not re.search(r"(?i)\b(?:minutes|meeting|notes|agenda)\b|\d", org)
                and not _SITE_LINK.match(org)
            ):
                return org if generic.group("council") else f"{org} {body}"
    return body


def _with_committee(organisation: str, following: list[str]) -> str:
    """An organisation's name over the committee that met: both, as one name
    (the committee's name may run over two lines, under a rule).

    >>> _with_committee("Elm Housing Association", ["Audit and Risk Committee"])
    'Elm Housing Association Audit and Risk Committee'
    >>> _with_committee("ELM COUNCIL", ["=====", "LICENSING ACT 2003 SUB-COMMITTEE (PANEL B)"])
    'ELM COUNCIL LICENSING ACT 2003 SUB-COMMITTEE (PANEL B)'
    >>> _with_committee("ELM COUNCIL", ["HARROW LANE LIBRARY AND HUB", "PROJECT STEERING GROUP"])
    'ELM COUNCIL HARROW LANE LIBRARY AND HUB PROJECT STEERING GROUP'
    >>> _with_committee("Elm Housing Association", ["Minutes of the meeting"])
    'Elm Housing Association'
    """
    if not ORGANISATION_END.search(organisation):
        return organisation
    lines = [ln for ln in following if ln.strip() and not _RULE.fullmatch(ln.strip())]
    tries = lines[:1] + ([f"{lines[0]} {lines[1]}"] if len(lines) > 1 else [])
    for line in tries:
        committee = re.sub(r"\s+", " ", line).strip(" :.-–—*#")
        # "Board of Directors – Public Meeting": the kind of meeting goes.
        committee = re.sub(r"(?i)\s+[–—-]\s+[^–—-]*\bmeeting\b[^–—-]*$", "", committee)
        if (
            _COMMITTEE.match(committee)
            and not re.search(r"(?i)\b(minutes|notes|agenda|meeting)\b", committee)
            and not find_dates(committee, partial=False)
            and len(committee.split()) <= 10
        ):
            return f"{organisation} {committee}"
    return organisation


_RULE = re.compile(r"[=\-_*~#]{3,}")


# A line that says when the meeting was, not when the page was posted.
_SAYS_WHEN = re.compile(r"(?i)\b(?:held|meeting|minutes|notes|date|when)\b")
_NOT_WHEN = re.compile(
    r"(?i)\b(?:printed|published|revised|version|issued|posted|updated|edited)\b"
)


def find_date(head: list[str]) -> str | None:
    """The first full date among the heading lines on one that says it is the
    meeting's ("Minutes of the meeting held on …", "Date: …"), else the first
    full date (a site's banner "11–13 May · Wrenfield" comes before either).

    >>> find_date(["Minutes of the meeting held on Tuesday 14th", "October 1997 at 7.30"])
    '1997-10-14'
    """
    first = None
    for n, line in enumerate(head):
        posted = _NOT_WHEN.search(line)
        if posted:
            # "Minutes of meeting 16-03-06   Last updated 08-12-07": the date before.
            line = line[: posted.start()]
        d = first_date(line)
        if d is None and n + 1 < len(head) and not posted:
            # "… held on Tuesday 14th" / "October 1997 at 7.30 p.m.": a heading
            # wrapped inside its date.
            nxt = head[n + 1]
            d = first_date(f"{line} {nxt}")
            if d is not None and d != first_date(nxt):
                line = f"{line} {nxt}"
            else:
                d = None
        if d and _SAYS_WHEN.search(line):
            return d
        first = first or d
    return first
