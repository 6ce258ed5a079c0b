"""Reading one action's wording: owner, task and due date.

"Priya to present the plan in September", "Circulate the policy – JB (by
31/10/08)", "It was agreed that a letter be sent to X": the owner is taken
from the front ("X to …", "X will …") or the end ("– JB", "(Action: FD)"),
the due wording from the end, and a subjunctive decision becomes an
imperative task.
"""

from __future__ import annotations

import re
from functools import lru_cache

from concord.ingest.extraction.dates import MONTHS, find_dates
from concord.ingest.extraction.names import (
    looks_like_name,
    resolve_owner,
    split_owners,
)

VERBS_TO = r"(?:to|will|shall|agreed\s+to|has\s+agreed\s+to|have\s+agreed\s+to|is\s+to|are\s+to|would|should|offered\s+to|undertook\s+to|volunteered\s+to|needs?\s+to)"  # noqa: E501
# "The Board asked that a report be brought …": a request, tagged as an
# action, reads as the task it sets, like a decision that does.
_UP_TO_AGREED = re.compile(
    r"^.*?\b(?:agreed|resolved|decided|requested|recommended|asked(?=\s+that\b))\b,?\s*", re.I
)
_MINUTES = re.compile(r"\bminutes\b", re.I)
_DOT_SPACE = re.compile(r"[.\s]")
_THE_BEFORE_TWO = re.compile(r"^the\s+(?=\S+\s+\S)", re.I)
_BY_OWNER = re.compile(r"\s+by\s+(?:the\s+)?(?P<o>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)\s*$")
_OWNER_COLON = re.compile(r"^(?P<o>[A-Z][^:]{1,40}):\s+(?P<rest>.+)$")
# "Aroha - volunteer roster", "Jo / Sam – book the hall": who, a dash, the task.
_OWNER_DASH = re.compile(
    r"^(?P<o>[A-Z][\w'’.]*(?:\s+[A-Z][\w'’.]*){0,2}(?:\s*[/&]\s*[A-Z][\w'’.]*)*)\s+[-–—]\s+"
    r"(?P<rest>[a-z].+)$"
)
_THE = re.compile(r"^the\s+", re.I)
_TIME_WORDS = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{1,2}/\d{1,2}/\d{2,4}|next\s+meeting|"
    r"\b(?:this|next)\s+month\b",
    re.I,
)
GROUPISH = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w&'-]*\s+){0,4}(?:group|team|board|committee|officers?|secretariat|partnership|"
    r"panel|forum|clerk|chair|secretary|members|governors|trustees|executive|partners|service|staff|all|"
    r"departments|agencies)$",
    re.I,
)
STATEMENT = re.compile(
    r"\b(?:was|were|has\s+been|have\s+been)\s+(?:approved|agreed|noted|accepted|endorsed|adopted|ratified|received)\s*\.?$",
    re.I,
)
_SUBJUNCTIVE = re.compile(
    r"^(?:that\s+)?(?P<np>(?:(?!\b(?:would|should|will|could|must|have|has|had|is|are|was|were|to)\b)[^,;:])+?)\s+"
    r"(?:should\s+)?be\s+(?P<pp>[a-z]+ed|sent|made|written|held|drawn\s+up|set\s+up|taken|given|brought|done|sought|shown|put|led|kept|told)\b(?P<rest>[^;]*)$",
    re.I,
)
_NO_TASK = {
    "noted",
    "received",
    "approved",
    "agreed",
    "accepted",
    "endorsed",
    "adopted",
    "ratified",
    "confirmed",
    "signed",
    "minuted",
    "recorded",
    "welcomed",
    "deferred",
    "based",
    "included",
    "required",
    "needed",
    "interested",
    "pleased",
    "concerned",
    "involved",
    "supported",
}
_IRREGULAR = {
    "sent": "send",
    "fed": "feed",
    "paid": "pay",
    "met": "meet",
    "bought": "buy",
    "found": "find",
    "built": "build",
    "sold": "sell",
    "made": "make",
    "written": "write",
    "held": "hold",
    "drawn up": "draw up",
    "set up": "set up",
    "taken": "take",
    "given": "give",
    "brought": "bring",
    "done": "do",
    "sought": "seek",
    "shown": "show",
    "put": "put",
    "led": "lead",
    "kept": "keep",
    "told": "tell",
}
_E_STEMS = (
    "at",
    "ut",
    "iz",
    "is",
    "ys",
    "ng",
    "rg",
    "v",
    "c",
    "ur",
    "ar",
    "ir",
    "ov",
    "uc",
    "id",
    "ud",
    "let",
    "vit",
    "as",
    "os",
    "us",
)


def base_verb(past: str) -> str:
    """The base form of a past participle, good enough for action wording.

    >>> [base_verb(w) for w in ["arranged", "forwarded", "circulated", "submitted", "sent"]]
    ['arrange', 'forward', 'circulate', 'submit', 'send']
    """
    low = past.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    if low.endswith("ied"):
        return low[:-3] + "y"
    if low.endswith("ed"):
        stem = low[:-2]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
            return stem[:-1]
        if stem.endswith(_E_STEMS) and not stem.endswith(("ss", "ll")):
            return stem + "e"
        return stem
    return low


def subjunctive_task(text: str) -> str | None:
    """ "that a letter be sent to X" → "Send a letter to X" (or None).

    >>> subjunctive_task("It was agreed that a meeting be arranged with Cllr Lakra.")
    'Arrange a meeting with Cllr Lakra'
    >>> subjunctive_task("Ann asked that the survey be kept open until June.")
    'Keep the survey open until June'
    """
    body = _UP_TO_AGREED.sub("", text.strip(), count=1)
    if body == text.strip():
        return None
    m = _SUBJUNCTIVE.match(body.rstrip(". "))
    if not m or m.group("pp").lower() in _NO_TASK or _MINUTES.search(m.group("np")):
        return None
    verb = base_verb(m.group("pp"))
    np = m.group("np").strip()
    rest = m.group("rest").strip()
    out = f"{verb} {np}" + (f" {rest}" if rest else "")
    return out[0].upper() + out[1:]


_IMPERATIVES_TEXT = """review ensure arrange produce provide present prepare circulate send
    write make develop
    update check confirm contact consider agree set draft share invite organise organize bring
    report look identify explore progress investigate find feed raise forward take seek establish
    discuss complete continue obtain work give hold add include create submit chase follow
    promote publish appoint approve liaise meet collate compile clarify ask book order pay email
    thank advise inform notify cancel close remove keep post tell remind request apply renew
    collect distribute recruit design install repair replace buy sign visit inspect plan start
    research test reply respond sort reach assess push copy move fix get"""
_IMPERATIVES = set(_IMPERATIVES_TEXT.split())


# "RESOLVED: that the Clerk writes to …", "that the Town Clerk be asked to
# send …": a resolution that gives an office (or a named person) a task.
OFFICE = re.compile(
    r"(?i)\b(?:clerk|chair(?:man|person)?|secretary|treasurer|proper\s+officer|"
    r"responsible\s+financial\s+officer)$"
)
_RESOLUTION_TASK = re.compile(
    r"^(?:(?:it\s+was\s+)?(?i:resolved|agreed)\s*:?\s+)?(?i:that)\s+(?P<o>(?:[Tt]he\s+)?"
    r"(?:(?i:town|parish|city|deputy|assistant|acting)\s+)?(?i:clerk|chair(?:man|person)?|secretary|"
    r"treasurer|proper\s+officer|responsible\s+financial\s+officer)|[A-Z][a-z]+(?:\s+[A-Z][\w'-]+){1,2})"
    r"\s+(?:(?:be|is)\s+(?:asked|instructed|authori[sz]ed|requested|delegated)\s+to\s+|to\s+)?"
    r"(?P<v>[a-z]+)\s+(?P<rest>\S.*)$"
)


def resolution_task(text: str) -> tuple[str, str] | None:
    """``(task, owner)`` for a resolution that gives someone a task.

    >>> resolution_task("That the Clerk writes to the highways team.")
    ('Write to the highways team', 'Clerk')
    >>> resolution_task("Resolved that the Town Clerk be instructed to order two benches.")
    ('Order two benches', 'Town Clerk')
    >>> resolution_task("That the council raises no objection.") is None
    True
    """
    m = _RESOLUTION_TASK.match(text.strip().rstrip("."))
    if not m:
        return None
    verb = m.group("v").lower()
    bases = (verb, verb[:-1] if verb[-1:] == "s" else "", verb[:-2] if verb[-2:] == "es" else "")
    for base in bases:
        if base and is_imperative(base):
            owner = re.sub(r"^[Tt]he\s+", "", m.group("o"))
            return f"{base.capitalize()} {m.group('rest').strip()}", owner
    return None


def is_imperative(word: str) -> bool:
    """Whether ``word`` is a verb that opens a task ("circulate", "book")."""
    return word.lower() in _IMPERATIVES


# An office named by what it is for: "Minister for the Cabinet Office",
# "Director of Finance", "the Head of Planning".
OFFICE_OF = re.compile(
    r"^(?:[Tt]he\s+)?(?:[A-Z][\w'-]*\s+){0,2}(?i:minister|secretary|director|head|chief|officer|"
    r"lead|manager|commissioner|leader|president|chair(?:man|person|woman)?)\s+(?:of|for)\s+"
    r"(?:the\s+)?(?:[A-Z][\w&'-]*\s*){1,5}$"
)


# Owners repeat through minutes (the same few attendees take the actions):
# the answer depends on the words alone, so it is kept.
@lru_cache(maxsize=4096)
def ownerish(text: str) -> bool:
    """Could ``text`` name who owns an action: people, initials, a group or an office?"""
    if text.split() and text.split()[0].lower() in _IMPERATIVES:
        return False
    parts = split_owners(text)
    if not parts or len(text) > 80:
        return False
    for p in parts:
        compact = _DOT_SPACE.sub("", p)
        if compact.isupper() and 2 <= len(compact) <= 4 and compact.isalpha():
            continue
        if p.lower() in ("all", "everyone", "all members", "all partners"):
            continue
        if looks_like_name(p, allow_single=True) and p[0].isupper():
            continue
        if GROUPISH.match(p) or OFFICE_OF.match(p):
            continue
        return False
    return True


def resolve_names(owners: list[str], people: list[str]) -> list[str]:
    out = []
    for o in owners:
        o = _THE_BEFORE_TWO.sub("", o.strip())
        r = resolve_owner(o, people)
        if r and r not in out:
            out.append(r)
    return out


_LEAD_LABEL = re.compile(r"^(?:actions?(?:\s+\d+(?:\.\d+)*)?|agreed|resolved)\s*[:\-–—]\s*", re.I)
# "3. ", "(4) ", outline numbers "4.4.5viii) " / "2.1a. " / "5.4 ", and an
# action log's reference "PCCC-044 " / "ICP/26/38 — " before an action.
_LEAD_NUMBER = re.compile(
    r"^(?:\(?\d{1,3}(?:\.\d{1,3})*(?:[ivx]{1,5}|[a-z])?[.)]|\d{1,3}(?:\.\d{1,3})+"
    r"|[A-Z]{2,6}[-/]\d{1,4}(?:[-/]\d{1,4})*(?:\s+[—–-])?"
    # "AP5.1 ", "A14 – ", "24/05 – ": an action's own number in its log.
    r"|[A-Z]{1,3}\d{1,3}\.\d{1,3}|(?:[A-Z]{1,3}\d{1,3}|\d{1,3}/\d{1,3})\s+[—–-])\s+(?=\S)"
)
_DUE_TAIL = re.compile(
    r"\s*[,;(\[–—-]?\s*\b(?:by|before|due|deadline|no\s+later\s+than|target)\s*:?\s*"
    r"(?P<d>[^,;()\[\]]{3,30}?)\s*[)\]]?\s*\.?$",
    re.I,
)
_DUE_WORDING = re.compile(
    r"(?:the\s+)?(?:next\s+meeting|end\s+of)|(?:\d{1,2}(?:st|nd|rd|th)?\s+)?[A-Z][a-z]+\s*\d{0,4}$"
)
_DUE_AFTER_DASH = re.compile(
    r"\s+[–—-]+\s*(?P<d>(?:(?:the\s+)?end\s+of\s+|early\s+|mid[- ]|late\s+)?"
    r"(?:(?:\d{1,2}(?:st|nd|rd|th)?\s+)?[A-Z][a-z]+(?:\s+\d{2,4})?|next\s+meeting"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}))\.?$"
)
# "… (October)", "… (end of March 2025)": a month in brackets is when, not who
# (but "(May Ross)" and "(Mark)" are people).
_DUE_IN_BRACKETS = re.compile(
    r"\s*\((?P<d>(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+|early\s+|mid[- ]|late\s+)?"
    r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?(?:\s+\d{2,4})?)\)\s*\.?$",
    re.I,
)
_OWNER_TAILS = [
    re.compile(rx, re.I)
    for rx in (
        r"\s*\(\s*(?:action\s*[:\-–—]?\s*|lead\s*:\s*|owner\s*:\s*)?(?P<o>[^()]{2,60})\)\s*\.?$",
        r"\s+[–—-]+\s*(?:action\s*[:\-–—]?\s*|lead\s*:\s*|owner\s*:\s*)?(?P<o>[^–—-]{2,60})\.?$",
        r"[.;,]?\s+(?:action|lead|owner|who)\s*[:\-–—]\s*(?P<o>.{2,60})$",
    )
]
_LEAD_AGREED = re.compile(r"^(?:it\s+was\s+)?(?:agreed|resolved|decided)\s+(?:that\s+)?", re.I)
_OWNER_VERB = re.compile(rf"^(?P<o>[^,:;.]{{1,60}}?)\s+{VERBS_TO}\s+(?P<rest>.+)$", re.I)
# A clause before the subject: "At the request of the Chair, …", "Following discussion, …".
LEAD_CLAUSE = re.compile(
    r"^(?:at|following|after|in|on|as|given|once|when|further\s+to|subject\s+to|arising\s+from)\b"
    r"[^,;:]{2,60},\s+"
    r"(?P<rest>.+)$",
    re.I,
)
_LEAD_TO = re.compile(r"^to\s+", re.I)


# "Hall hire: …": a topic label before an entry (an owner when it names one).
TOPIC = re.compile(r"^(?P<l>[A-Z][^:()\[\]]{1,38}):\s+(?P<r>\S.*)$")


_TOPIC_OWNER = re.compile(
    r"^(?P<o>[A-Z][\w'’./-]*(?:\s+[A-Z][\w'’./-]*)?)\s+(?:to|will)\s+(?!be\b)[a-z]"
)


def strip_topic(text: str) -> str:
    """ "School trips: Ann to book the coach" → "Ann to book the coach".

    A label before an owner's task is its topic, not its owner.

    >>> strip_topic("Hall hire: BR to pay the deposit.")
    'BR to pay the deposit.'
    >>> strip_topic("Ann: send the letter"), strip_topic("Hall: Handbook to be sent")
    ('Ann: send the letter', 'Hall: Handbook to be sent')
    """
    topic = TOPIC.match(text) if ":" in text[:42] else None
    if topic:
        owner = _TOPIC_OWNER.match(topic.group("r"))
        if owner and ownerish(owner.group("o")):
            return topic.group("r")
    return text


def parse_action_text(text: str, people: list[str]) -> tuple[str, list[str], str | None]:
    """``(description, owners, due wording)`` from an action's text.

    >>> parse_action_text("Priya to present the plan in September.", ["Priya Okafor"])
    ('Present the plan in September', ['Priya Okafor'], None)
    >>> parse_action_text("Circulate the policy – JB (by 31/10/08)", ["Jo Bell"])
    ('Circulate the policy', ['Jo Bell'], '31/10/08')
    >>> parse_action_text("Ann to invite the officer (October)", ["Ann Lee"])
    ('Invite the officer', ['Ann Lee'], 'October')
    >>> parse_action_text("Invite the officer (May Ross)", ["May Ross"])
    ('Invite the officer', ['May Ross'], None)
    >>> parse_action_text("Look at the hut roof —", [])
    ('Look at the hut roof', [], None)
    """
    t = text.strip().strip("•").strip()
    t = _LEAD_LABEL.sub("", t)
    t = _LEAD_NUMBER.sub("", t)
    t = strip_topic(t)
    due_text = None
    owners: list[str] = []
    m = _DUE_TAIL.search(t)
    if m and (find_dates(m.group("d")) or _DUE_WORDING.match(m.group("d"))):
        due_text = m.group("d")
        t = t[: m.start()]
    else:
        m = _DUE_AFTER_DASH.search(t)
        m = m if m and mentions_time(m.group("d")) else _DUE_IN_BRACKETS.search(t)
        if m:
            due_text = m.group("d")
            t = t[: m.start()]
    for rx in _OWNER_TAILS:
        m = rx.search(t)
        # ("*LB / KL*": Markdown's emphasis is no part of the names.)
        if m and ownerish(m.group("o").strip(" .*_")):
            owners = split_owners(m.group("o").strip(" .*_"))
            t = t[: m.start()]
            break
    t = t.strip(" .;,")
    sub = subjunctive_task(t)
    if sub:
        t = sub
        by = _BY_OWNER.search(t)
        if by and not owners and ownerish(by.group("o")):
            owners = split_owners(by.group("o"))
            t = t[: by.start()]
    else:
        t = _LEAD_AGREED.sub("", t)
        m = _OWNER_VERB.match(t)
        owned = bool(m and ownerish(m.group("o")))
        lead = LEAD_CLAUSE.match(t) if not owned else None
        if lead:
            # "At the request of the Chair, Ann will …": the owner after the clause.
            after = _OWNER_VERB.match(lead.group("rest"))
            if after and ownerish(after.group("o")):
                m, owned = after, True
        if owned and m:
            if not owners:
                owners = split_owners(m.group("o"))
            t = m.group("rest")
        else:
            m = _OWNER_COLON.match(t) or _dash_owner(t, people)
            if m and ownerish(m.group("o")):
                owners = owners or split_owners(m.group("o"))
                t = m.group("rest")
    t = _LEAD_TO.sub("", t.strip()).strip(" .;,–—")
    if t:
        t = t[0].upper() + t[1:]
    return t, resolve_names(owners, people), due_text


def _dash_owner(text: str, people: list[str]) -> re.Match[str] | None:
    """ "Aroha - volunteer roster": an attendee, a dash, a task in lower case
    (not "Zed - book the hall" when no Zed attends)."""
    m = _OWNER_DASH.match(text)
    if not m or not people:
        return None
    named = resolve_names(split_owners(m.group("o")), people)
    return m if named and all(n in people for n in named) else None


_SUBJECT = re.compile(
    r"^(?:The\s+)?(?:[A-Z][\w'-]*\s+){1,4}(?:will|is\s+to|agreed\s+to|undertook\s+to|offered\s+to|"
    r"would)\s+(?=[a-z])"
)


def drop_subject(description: str) -> str:
    """ "The Finance Director will provide a report" → "Provide a report".

    Used when the owner is given apart ("… (Action: FD)"), so the role that
    opens the sentence is the owner already.

    >>> drop_subject("The Finance Director will provide a report")
    'Provide a report'
    >>> drop_subject("The Revised Report would be presented in April")
    'The Revised Report would be presented in April'
    """
    m = _SUBJECT.match(description)
    if not m or description[m.end() : m.end() + 3] == "be ":
        # ("The report would be presented in April": the subject is the task's.)
        return description
    rest = description[m.end() :]
    return rest[0].upper() + rest[1:]


def mentions_time(text: str) -> bool:
    return bool(_TIME_WORDS.search(text))
