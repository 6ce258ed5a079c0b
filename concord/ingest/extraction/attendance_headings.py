"""Attendance section headings: "Present:", "Apologies for absence", "Also in attendance".

Also the headings of groups inside a section ("Officers", "Co-opted
members") and the status words ("sent apologies", "absent").
"""

from __future__ import annotations

import re

from concord.ingest.extraction.names import looks_like_name

_STATUS_HEADINGS = [
    (r"(?:apols?(?=\s*[:\-–—])|(?:(?:members|governors|trustees|directors|councillors)\s+)?(?:apolog(?:y|ies)(?:\s+(?:for\s+absence|and\s+\w+|received|were\s+received|given))*(?:\s+from(?=\s*:))?|regrets|excused|absent\s+with\s+apolog(?:y|ies))|(?:could(?:n['’]?t|\s+not)|can['’]?t|cannot|unable\s+to|not\s+able\s+to)\s+(?:make\s+it|attend|come|join)(?:\s+(?:this\s+time|tonight|today))?(?=\s*:))", "apologies"),  # noqa: E501
    (r"(?:in\s+attendance|also\s+(?:present|in\s+attendance|attending|there|here|joining|came|joined)|also(?=\s*:)|(?:officers?|guests?|visitors?|observers?|advisers?|witness(?:es)?|staff|others)(?:\s+(?:present|in\s+attendance))?|clerk(?:\s+to\s+the\s+\w+)?|minute[- ]?taker|minutes\s+taken\s+by|note[- ]?taker|scribe|recorder|recording\s+secretary|minutes(?=\s*:)|non[- ]voting(?:\s+(?:members|participants|attendees))?(?=\s*:))", "in_attendance"),  # noqa: E501
    (r"(?:(?:members|governors|trustees|directors|councillors|commissioners|council\s*members|board\s*members|supervisors|aldermen)\s+)?(?:absent(?:\s+without\s+apolog(?:y|ies))?|not\s+present|non[- ]attendance|awol|not\s+(?:there|here)(?=\s*:))", "absent"),  # noqa: E501
    (r"the\s+following\s+(?:(?:new|elected|board|committee|council|voting)\s+){0,2}(?:(?:people|persons|members|governors|trustees|directors|councillors)\s+)?(?:(?:were|was)\s+present|attended)", "present"),  # noqa: E501
    (r"(?:(?:members|governors|trustees|directors|councillors|commissioners|council\s*members|board\s*members|supervisors|aldermen|those)\s+)?(?:present\s+in\s+the\s+chair|present|attendees|attending(?:\s+remotely|\s+online|\s+virtually)?|attendance|attended(?:\s+by)?|in\s+the\s+chair)|roll\s+call(?:\s+was\s+taken)?|(?:board\s+|committee\s+)?members\s+present|ex[- ]officio(?:\s+members)?(?=\s*:)|participants|who\s+(?:was|were)\s+(?:there|here)(?=\s*(?::|$))|(?:there|here)(?=\s*:)|(?:on\s+the\s+(?:call|line|zoom)|(?:who\s+)?(?:joined|came)|in\s+the\s+room)(?=\s*:)|(?:the\s+)?people\s+who\s+(?:came(?:\s+along)?|attended|were\s+there)(?=\s*:?$)|(?:(?:board|committee|council|group|panel|steering|voting|elected|core|community)\s+)?(?:members|councillors|trustees|directors|governors)(?:\s+(?:in\s+attendance|attending))?(?=\s*(?::|$))|(?:(?:board|committee|council|group|panel|steering|voting|elected|core|community)\s+)?members?\s+attendance", "present"),  # noqa: E501
]  # fmt: skip
# "Present (in person):", "Attendees (online):": a note on how they attended.
# Any other short note in brackets before the colon: "Apologies (consent given):".
_HOW = (
    r"(?:\s*\((?:in\s+person|online|remotely|virtually|remote|via\s+\w+|by\s+\w+|on\s+\w+)\)"
    r"|\s*\([^()]{1,30}\)(?=\s*:))?"
)
_HEADING = [
    (re.compile(rf"^(?:{rx})\b{_HOW}\s*(?:[:\-–—/]\s*|$|(?=\w))", re.I), st)
    for rx, st in _STATUS_HEADINGS
]
_ANY_HEADING = re.compile(
    "^(?:"
    + "|".join(f"(?:{rx})" for rx, _ in _STATUS_HEADINGS)
    + rf")\b{_HOW}\s*(?:[:\-–—/]\s*|$|(?=\w))",
    re.I,
)
# The first run of letters of every line ``_ANY_HEADING`` matches, in lower
# case ("Minute-taker:" opens with "minute", "Councilmembers" with itself).
# A new heading's first word goes here too: tests/ingest/test_heading_precheck.py
# reads the pattern for every way a heading opens and fails on one missing.
_HEADING_FIRST = frozenset((
    "members", "governors", "trustees", "directors", "councillors", "commissioners", "council",
    "councilmembers", "board", "boardmembers", "supervisors", "aldermen", "those", "apology",
    "apologies", "regrets", "excused", "absent", "in", "also", "officer", "officers", "guest",
    "guests", "visitor", "visitors", "observer", "observers", "witness", "witnesses", "adviser",
    "advisers", "staff", "others", "clerk", "minute", "minutetaker", "minutes", "note",
    "notetaker", "scribe",
    "recorder", "recording", "not", "non", "awol", "the", "people", "present", "attendees",
    "attending",
    "attendance", "attended", "roll", "committee", "ex", "participants", "group", "panel",
    "steering", "voting", "elected", "core", "community", "apol", "apols", "who", "there", "here",
    "on", "joined", "came", "could", "couldn", "couldnt", "can", "cant", "cannot", "unable",
    "member",
))  # fmt: skip
_LETTERS = re.compile(r"[A-Za-z]*")
# For the first words prose often opens with too ("Members noted …", "The
# Board agreed …", "Minutes of the last meeting …"), the words a heading's
# second may be ("" for none: punctuation or the end of the line follows).
# tests/ingest/test_heading_precheck.py reads the pattern for every way a
# heading opens and fails on one these turn away.
_STATUS_NEXT = frozenset((
    "", "absent", "apologies", "apology", "attendance", "attended", "attendees", "attending",
    "awol", "excused", "in", "non", "not", "present", "regrets",
))  # fmt: skip
_GROUP_NEXT = frozenset(("councillors", "directors", "governors", "member", "members", "trustees"))
_SECOND_WORDS = {
    **dict.fromkeys(("members", "governors", "trustees", "directors", "councillors"), _STATUS_NEXT),
    **dict.fromkeys(("council", "board", "committee", "group", "panel", "community"), _GROUP_NEXT),
    "those": frozenset(("attendance", "attended", "attendees", "attending", "in", "present")),
    "in": frozenset(("attendance", "the")),
    "not": frozenset(("able", "here", "present", "there")),
    "on": frozenset(("the",)),
    "minutes": frozenset(("", "taken")),
    "member": frozenset(("attendance",)),
    "minute": frozenset(("", "taker")),
    "note": frozenset(("", "taker")),
    "also": frozenset(
        ("", "attending", "came", "here", "in", "joined", "joining", "present", "there")
    ),
    "who": frozenset(("came", "joined", "was", "were")),
}


def _may_open_heading(t: str) -> bool:
    """Could ``_ANY_HEADING`` match ``t``?  Its first word, looked up (ASCII text only:
    the case-blind pattern also matches "İ", "ſ" and the Kelvin sign)."""
    if not t.isascii():
        return True
    first = _LETTERS.match(t).group(0).lower()  # type: ignore[union-attr]
    if first == "the":
        # Prose opens with "The" far more than anything else; the one heading
        # that does is "The following … were present" ("The people who came
        # along" is the other).
        return t[3:].lstrip()[:9].lower().startswith(("following", "people"))
    if first not in _HEADING_FIRST:
        return False
    seconds = _SECOND_WORDS.get(first)
    if seconds is None:
        return True
    after = t[len(first) :].lstrip()
    if not after[:1].isalpha():
        return "" in seconds
    return _LETTERS.match(after).group(0).lower() in seconds  # type: ignore[union-attr]


_SUBHEAD_WORDS = re.compile(
    r"\b(members?|governors?|trustees?|directors?|officers?|staff|observers?|guests?|advisers?|"
    r"representatives?|partners?|councillors?|in attendance|also present|clerk|co-?opted|"
    r"parent|associate|elected|independent|ex[- ]officio|non[- ]executive|executive|voting)\b",
    re.I,
)
_QUALIFIED = re.compile(
    r"^(?P<q>(?:[A-Z][\w'’&-]*\s+){1,3}|[A-Z][\w'’-]*\s+members\s+(?:and|&)\s+[\w'’-]+\s+)"
    r"(?P<st>present|absent|apologies|attendees|attending)\s*:?$",
    re.I,
)
_QUALIFIED_WITH = re.compile(
    r"^(?P<q>(?:[A-Z][\w'’&-]*\s+){1,2})(?P<st>present|absent|attending|attendees)(?:\s*\([^()]{1,20}\))?"
    r"\s*:[*_]*\s*(?P<rest>\S.*)$"
)
# Who is no member: "Officers present:", "Public present:".
_NOT_MEMBERS = re.compile(
    r"(?i)\b(?:officers?|staff|public|guests?|visitors?|observers?|advisers?|others?|also|press)\b"
)
# A sentence, not a heading: "The Chair present: …" never opens one.
_PROSE_HEAD = re.compile(r"(?i)^(?:the|a|an|this|all|not)\b")
_GROUP_MEMBERS = re.compile(r"^(?:[A-Z][\w'’&-]*\s+){1,3}members(?:\s*\([^()]{1,30}\))?\s*:$")
# The key of a roll call: "Member organisations (* denotes attended)",
# "Members (* = present)": the names below carry a star when present.
_STAR_KEY = re.compile(
    r"\*\s*(?:=|:|-|–|denotes|indicates|shows|means|marks)?\s*(?:those\s+who\s+)?"
    r"(?:attended|attending|attendance|present)\b",
    re.I,
)
_EVERYONE = re.compile(r"(?i)^(?:people|persons|attendees|participants|those)\s*$")
_MEMBERS = re.compile(
    r"\b(members?|committee|board|council|trustees?|directors?|governors?|councillors?|voting)\b",
    re.I,
)


def heading_status(text: str) -> tuple[str, str] | None:
    """``(status, rest)`` when ``text`` opens an attendance section.

    >>> heading_status("Apologies for absence:")
    ('apologies', '')
    >>> heading_status("Present: Ann Lee, Bob Hart")
    ('present', 'Ann Lee, Bob Hart')
    >>> heading_status("Present the report to Cabinet") is None
    True
    >>> heading_status("The following were present: Cllrs Hart and Ingle")
    ('present', 'Cllrs Hart and Ingle')
    >>> heading_status("The following people were present:")
    ('present', '')
    >>> heading_status("Member organisations (* denotes attended)")
    ('present', '')
    >>> heading_status("Regrets: Di Fox"), heading_status("Members Absent: Ed Gray")
    (('apologies', 'Di Fox'), ('absent', 'Ed Gray'))
    """
    if "*" in text and len(text) < 90 and _STAR_KEY.search(text):
        return "present", ""
    t = text.strip().lstrip("#*• ").strip()
    q = (
        _QUALIFIED.match(t)
        if len(t) < 50
        and t[-1:] in "tsdgTSDG:"
        and t[:14].lower() != "the following "
        and t[:4].lower() != "not "
        else None
    )
    if not q and ":" in t[:40]:
        # "Carers present: Moira Baxter, …", "Gardeners present (14): …":
        # who the body's members are, then the names.
        w = _QUALIFIED_WITH.match(t)
        if w and not _PROSE_HEAD.search(w.group("q")):
            word = w.group("st").lower()
            status = "present" if word.startswith("attend") else status_word(word)
            if status == "present" and _NOT_MEMBERS.search(w.group("q")):
                status = "in_attendance"
            return status, w.group("rest").strip()
    if not q and t[-1:] == ":" and len(t) < 60:
        # "TSC members (quorum is 4 of 7):", "Steering Group members:".
        q = _GROUP_MEMBERS.match(t)
        if q:
            return "present", ""
    if q:
        # "Steering Committee Absent", "Public Present", "Other Attendees":
        # a heading naming who is meant.  Members keep the status; anyone
        # else present (the public, officers, guests) is in attendance.
        word = q.group("st").lower()
        status = status_word(word) if not word.startswith("attend") else "present"
        if status == "present" and not _MEMBERS.search(q.group("q")):
            # ("People Present", "Attendees present": everyone, not a group.)
            status = "present" if _EVERYONE.match(q.group("q")) else "in_attendance"
        return status, ""
    if not _may_open_heading(t) or not _ANY_HEADING.match(t):
        # One pattern for all the headings: most lines open none of them.
        return None
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
                r"^(?:were\s+)?(?:(?:received|given|noted|sent|tendered)"
                r"(?:\s+and\s+(?:accepted|noted|approved|consented\s+to))?)?\s*(?:from|by)\s+(.+)$",
                rest,
                re.I,
            )
            if status == "apologies" and s:
                return status, s.group(1)
            w = re.match(r"^(?:were|was)\s+(.+)$", rest)
            if w and head.strip().lower().endswith(("present", "attendance")):
                # "Those present were A, B and C."
                return status, w.group(1).rstrip(".")
            return None
        rest = re.sub(
            r"^(?:were\s+)?(?:received|given|noted)?\s*(?:from|by)\s+", "", rest, flags=re.I
        )
        return status, rest
    return None


_PRESENT_AFTER = re.compile(
    r"^(?P<names>[A-Z].{2,300}?)\s+(?:was|were)\s+(?P<st>also\s+present|(?:also\s+)?in\s+attendance|"
    r"present|absent|also\s+attending)\b"
)


_ATTENDED_BY = re.compile(
    r"(?i)^(?:the\s+)?(?:meeting|session|call)\s+was\s+attended\s+by\s+(?-i:([A-Z].+?))\.?$"
)


def present_sentence(text: str) -> tuple[str, str] | None:
    """``(status, names)`` for "A, B and C were also present." (the names first).

    >>> present_sentence("Councillors M Coffin and S Hammond were also present.")
    ('in_attendance', 'Councillors M Coffin and S Hammond')
    >>> present_sentence("The report was present in the pack") is None
    True
    """
    by = _ATTENDED_BY.match(text.strip())
    if by:
        return "present", by.group(1)
    m = _PRESENT_AFTER.match(text.strip())
    if not m:
        return None
    st = m.group("st").lower()
    status = "in_attendance" if ("also" in st or "attend" in st) else status_word(st)
    names = m.group("names")
    parts = re.split(
        r"\s*,\s*|\s+and\s+|\s*&\s*", re.sub(r"(?i)^(?:councillors|cllrs\.?)\s+", "", names)
    )
    if not all(looks_like_name(p) or looks_like_name("Cllr " + p) for p in parts):
        return None
    return status, names


def status_word(word: str) -> str:
    w = word.lower()
    if w.startswith(("apolog", "sent", "regrets", "excused")):
        return "apologies"
    if w.startswith(("absent", "not present")):
        return "absent"
    if "attendance" in w:
        return "in_attendance"
    return "present"


def role_word(word: str) -> str:
    return "vice_chair" if re.match(r"(vice|deputy)", word, re.I) else "chair"


def is_subheading(text: str) -> bool:
    words = text.strip(" :").split()
    return 0 < len(words) <= 5 and bool(_SUBHEAD_WORDS.search(text)) and not looks_like_name(text)


def sub_status(text: str, current: str) -> str:
    h = heading_status(text)
    if h:
        return h[0]
    if re.search(
        r"officer|in attendance|also present|observer|guest|staff|clerk|advis[eo]r|non[- ]voting",
        text,
        re.I,
    ) and not re.match(r"(?i)^(?:\w+\s+)?members\s+(?:and|&)\s", text):
        # ("Board members and officers present:" are members first.)
        return "in_attendance"
    return "present" if current in ("in_attendance", "present") else current
