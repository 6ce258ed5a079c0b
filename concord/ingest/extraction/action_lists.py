"""Actions written as lists and in running text, in layouts many bodies share.

- a list under an action heading ("Open Action Items", "Summary of actions",
  "Next steps:", "Steps involved …:"), one action per bullet or number, with
  owners as ``[Name]``, ``Name -``, ``Name to …`` or initials at the end;
- "ACTION:" anywhere in a line ("… was discussed. ACTION: AL to call");
- an owner alone after the sentence, where a right-aligned owner column was
  flattened onto the line ("Cllr Lee would write to the school. Cllr Lee");
- "It was AGREED to …" / "agreed that we should …", a task with no owner.

Each finder returns :class:`Listed` entries; ``actions.py`` resolves the
dates and merges them with the other actions, counting duplicates (a
closing summary repeating the per-item actions) once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from concord.ingest.extraction.action_text import is_imperative, strip_topic
from concord.ingest.extraction.layout import CHECKBOX, Line, may_hold, sentences
from concord.ingest.extraction.names import looks_like_name, resolve_owner, split_owners


@dataclass
class Listed:
    """One action found by these rules, with where it came from."""

    description: str
    owners: list[str]
    due_wording: str | None
    line: int
    source: str


_LIST_HEADING = re.compile(
    r"^(?:so\s+)?(?:to\s+recap,?\s+)?"
    r"(?:(?:open|outstanding|new|completed|closed|agreed|summary\s+of|list\s+of|key)\s+)?"
    r"(?:action\s+items?|actions?(?:\s+(?:points?|list|log|summary|agreed|arising|required))?|"
    r"next\s+steps|to[- ]?dos?(?:\s+(?:list|recap))?|tasks|jobs?(?:\s+list)?|"
    r"who(?:['’]s|\s+is)\s+doing\s+what|steps\b[^:]{0,60})"
    # "Actions noted for language tags:", "Action points for country codes"
    # (not "Actions from the last meeting": tasks set before, reported on)
    r"(?:\s+(?:noted|agreed|raised|identified))?"
    r"(?:\s+(?:for|on|re|regarding|about)\s+[\w ,&'’/-]{1,60})?"
    # "Jobs list (so nobody can say they didn't know...)", "TODO recap (pls check!)"
    r"\s*(?:\([^()]{0,60}\))?\s*:?$",
    re.I,
)
# "Update on the revamp", "Report from the treasurer": a topic, not a task.
_NOUN_UPDATE = re.compile(r"^(?:Update|Report|Progress|Feedback)s?\s+(?:on|from|re)\b")
_TODO = re.compile(r"^(?P<before>.*?)\s*\bTODO\b\s*[:\-–—]?\s*(?P<after>.*)$")
_LEAD_OWNER = re.compile(r"^[(\[](?P<o>[A-Z][^()\[\]]{1,60})[)\]]\s+(?P<rest>[A-Z][a-z]+\b.*)$")
_BRACKET_OWNER = re.compile(r"^\[(?P<o>[^\]]{1,60})\]\s*(?P<rest>.+)$")
_DASH_OWNER = re.compile(r"^(?P<o>[^–—:\-]{1,40}?)\s+[-–—]\s+(?P<rest>[A-Za-z].+)$")
_ACTION_MID = re.compile(
    r"(?:^|[.;)]\s+|\s[–—]\s+)\(?(?:ACTIONS?|Actions?|action)\s*:\s*(?P<rest>.+?)\)?\s*$"
)
# "… and the board would consider the case — action: board, by March 2027":
# the owner (and due date) after the tag, the task told before it.
_OWNER_AND_DUE = re.compile(r"^(?P<o>[^,]{2,40}?)(?:,\s*(?P<due>by\s+[^,]{3,30}?))?\.?$")
_WILL_DO = re.compile(
    r"\b(?:would|will|agreed\s+to|undertook\s+to|is\s+to|are\s+to)\s+(?!be\b|have\b|been\b)(?=[a-z])"
)
_AGREED_TO = re.compile(
    r"(?:^|\bit\s+was\s+(?:also\s+|further\s+|unanimously\s+)?)(?:agreed|decided|resolved)\s+"
    r"(?:that\s+(?:we|the\s+(?:council|committee|board|group|panel|partnership|meeting|members|"
    r"society|association|club|trust|forum))\s+(?:should|would|will)\s+|to\s+)"
    r"(?P<rest>[a-z]+\b.+)$",
    re.I,
)
# "RESOLVED to object …", "agreed to accept the quote", "agreed to hold the
# fun day on …", "agreed to set the precept at …": the verdict itself, which
# the meeting carries out by agreeing, no one's task.  (Across 158 probe
# documents by 20 writers and the real set, "agreed to <one of these>" was a
# task in 3 of 47 cases; "agreed to write / invite / ask …" is a task.)
VERDICT_VERBS = {
    "accept", "adopt", "award", "object", "support", "endorse", "note", "receive", "refuse",
    "reject", "ratify", "decline", "defer", "oppose", "approve", "appoint", "reappoint",
    "recommend", "set", "increase", "reduce", "keep", "retain", "donate", "fund", "grant",
    "go", "wait", "make", "move", "hold", "pay", "use", "target", "continue", "suspend",
    "extend", "allocate", "amend", "proceed",
}  # fmt: skip
_STATUS_TAIL = re.compile(
    r"\s*\((?:done|completed?|closed|ongoing|open|in\s+progress)\b[^)]*\)\s*\.?$", re.I
)
_MENTION = re.compile(r"(?<![\w.])@([A-Za-z][\w'-]*)")
_MENTION_FULL = re.compile(r"(?<![\w.])@([A-Za-z][\w'-]*)(\s+[A-Z][\w'-]+)?")
_LABEL_OWNER = re.compile(r"^(?P<o>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})\s*:\s+(?P<t>\S.+)$")
# "Lou to get …", "Nat Sorrel will check …": a sentence that opens with its owner.
OWNER_TASK = re.compile(r"^(?!It\s|There\s|This\s)[A-Z][^,:;.]{0,40}?\s+(?:to|will)\s+[a-z]")
# Words of a list of actions' heading, and of a task set in running text: each
# list for the cheap test (``may_hold``) and, joined, the case-blind pattern.
_LIST_WORD_LIST = ("action", "step", "task", "to do", "todo", "to-do", "job", "doing what")
_LIST_WORDS = re.compile("(?i)" + "|".join(_LIST_WORD_LIST))
_TASK_WORD_LIST = (
    "asked", "requested", "instructed", "directed", "agreed", "decided", "resolved",
)  # fmt: skip
_TASK_WORDS = re.compile("(?i)" + "|".join(_TASK_WORD_LIST))
_SIGNATURE = re.compile(r"(?i)\b(?:signed|signature)\b\W*(?:\.{5,}|_{5,})")
_LEAD_NUMBER = re.compile(r"^(\d{1,2})[.)]?\s+")
_ENTRY_NUMBER = re.compile(r"^(\d{1,2})[.)]\s+")
# A line ending in a short last sentence, which may be an owner alone.
# (An owner has no full stop of its own: "… the school. Cllr O. Lee".)
_SHORT_TAIL = re.compile(r"[.!?]\s+[A-Z]\S*(?:\s+\S+){0,3}(?<![.!?:;,])\s*$")
# "… and asked staff to draft the bylaws", "Council directed staff to …":
# the meeting gives someone a task.
_ASKED = re.compile(
    r"\b(?:asked|requested|instructed|directed|tasked)\s+(?:the\s+)?(?P<o>[A-Za-z][\w'-]*(?:\s+[A-Z][\w'-]*)?)\s+"
    r"to\s+(?P<t>[a-z][^.;]+)"
)
_NOT_ASKED = {"note", "consider", "comment", "read", "be", "think", "bear", "join", "attend"}
_SECOND_TASK = re.compile(r",\s+(?P<o>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?)\s+to\s+(?P<t>[a-z].+)$")
_DONE_STATEMENT = re.compile(
    r"\b(?:was|were|has\s+been|have\s+been)\s+(?:approved|agreed|noted|accepted|endorsed|adopted)\b",
    re.I,
)
_ROLE_OWNER = re.compile(
    r"^(?:the\s+)?(?:clerk|chair(?:man|person)?|secretary|treasurer|staff|officers?|"
    r"council(?:lors)?|committee|board|all)$",
    re.I,
)

ParseFn = Callable[[str, list[str]], tuple[str, list[str], str | None]]
OwnerishFn = Callable[[str], bool]


def listed_actions(
    lines: list[Line],
    skip_blocks: set[int],
    people: list[str],
    parse: ParseFn,
    ownerish: OwnerishFn,
) -> list[Listed]:
    """Actions from action-headed lists, mid-line "ACTION:", trailing owners and "agreed to"."""
    found: list[Listed] = []
    in_list = False
    # The item number of a numbered heading ("3. Action log"): a following
    # line numbered higher is the next item, not an entry of the list.
    item_number = 99
    # Under an unnumbered "Actions" heading inside item 4, "5. Date of next
    # meeting" is the next item unless the list's own numbering has reached 5.
    last_item, next_item, next_entry = 0, 0, 1
    for n, ln in enumerate(lines):
        if ln.block in skip_blocks:
            continue
        text = ln.bare.strip()
        if ("....." in text or "_____" in text) and _SIGNATURE.search(text):
            # "Signed: ........ Chair": a form's blank to fill, not a task.
            continue
        owned = _LEAD_OWNER.match(text) if ln.bullet and text[:1] in "([" else None
        if (
            owned
            and is_imperative(owned.group("rest").split()[0])
            and not _NOUN_UPDATE.match(owned.group("rest"))
        ):
            # "- (Roland) Draft the notice": attendees in brackets, then the
            # task they took (not "(Ann) Updates if any", a report).
            names = _owners(owned.group("o"), people)
            if names and all(n in people for n in names):
                d, _, dw = parse(owned.group("rest"), people)
                found.append(Listed(d, names, dw, n, "list"))
                continue
        checkbox = CHECKBOX.match(text) if ln.bullet and text[:1] == "[" else None
        if checkbox:
            # "- [ ] @Ann send the plan": a checklist entry is a task whatever
            # heading it is under.
            entry = _checklist_entry(checkbox.group("rest"), people, parse, ownerish)
            found.extend(Listed(d, o, dw, n, "list") for d, o, dw in entry)
            continue
        if (
            ln.col is None
            and len(text) < 90
            and may_hold(text, _LIST_WORD_LIST)
            and _LIST_WORDS.search(text)
        ):
            heading = _LEAD_NUMBER.sub("", text)
            if _LIST_HEADING.match(heading) and len(heading.split()) <= 10:
                in_list = True
                number = _LEAD_NUMBER.match(text)
                item_number = int(number.group(1)) if number else 99
                next_item, next_entry = (0 if number else last_item + 1), 1
                continue
        numbered = _ENTRY_NUMBER.match(text) if text[:1].isdigit() else None
        k = int(numbered.group(1)) if numbered else 0
        if (
            (numbered and k > item_number)
            or (ln.col is not None and not numbered)
            or (in_list and not ln.bullet and k == next_item and k > next_entry)
        ):
            in_list = False
        if numbered and not in_list and not ln.bullet:
            last_item = k
        elif numbered and in_list:
            next_entry = k + 1
        if in_list and (ln.bullet or numbered):
            entry = _entry(_ENTRY_NUMBER.sub("", text), people, parse, ownerish)
            if entry:
                found.extend(Listed(d, o, dw, n, "list") for d, o, dw in entry)
            continue
        if in_list and not ln.bullet and not numbered:
            # A note under an entry (in brackets) keeps the list open.
            in_list = text.startswith("(")
        todo = _TODO.match(text) if "TODO" in text else None
        if todo:
            # "TODO - look up the balance", "Western Power invoice TODO.":
            # a to-do marker, the task after it (else before it).
            task = todo.group("after").strip(" .") or todo.group("before").strip(" .-–—")
            d, owners, dw = parse(task, people) if task else ("", [], None)
            if len(d.split()) >= 2:
                found.append(Listed(d, owners, dw, n, "list"))
            continue
        if (
            ". " in text
            or "ACTION" in text
            or "Action" in text
            or "action:" in text
            or (may_hold(text, _TASK_WORD_LIST) and _TASK_WORDS.search(text))
        ):
            found.extend(_in_running_text(text, n, people, parse, ownerish))
    return found


def _entry(
    text: str, people: list[str], parse: ParseFn, ownerish: OwnerishFn
) -> list[tuple[str, list[str], str | None]]:
    """One list entry, possibly two tasks ("…, Kurt to send a reminder July 21st")."""
    text = _STATUS_TAIL.sub("", text).strip()
    # "Hall hire: BR to pay the deposit": a topic label, not an owner.
    text = strip_topic(text)
    if ". " in text and OWNER_TASK.match(text):
        # "Ann to phone the school. Anyone free should …": the task is the first sentence.
        text = sentences(text)[0]
    owners: list[str] = []
    m = _BRACKET_OWNER.match(text)
    if m:
        owners = _owners(m.group("o"), people)
        text = re.sub(r"^to\s+", "", m.group("rest").strip(), flags=re.I)
        # "[Mentors] Mentors to reach out …": the owner repeated as subject.
        first = m.group("o").split("/")[0].strip()
        text = re.sub(rf"^{re.escape(first)}\s+to\s+", "", text, flags=re.I)
    else:
        m = _DASH_OWNER.match(text)
        if m and ownerish(_owner_words(m.group("o"))) and _dash_fits(m, people):
            owners = _owners(m.group("o"), people)
            text = m.group("rest")
    out: list[tuple[str, list[str], str | None]] = []
    # A second task given to someone in the same entry: ", Kurt to send …".
    second = _SECOND_TASK.search(text)
    if second and ownerish(second.group("o")):
        d2, o2, dw2 = parse(second.group("t"), people)
        text = text[: second.start()]
        tail = (d2, _owners(second.group("o"), people) or o2, dw2)
    else:
        tail = None
    d, extra, dw = parse(text, people)
    if len(d.split()) >= 2:
        out.append((d, owners or extra, dw))
    if tail and len(tail[0].split()) >= 2:
        out.append(tail)
    return out


def _checklist_entry(
    text: str, people: list[str], parse: ParseFn, ownerish: OwnerishFn
) -> list[tuple[str, list[str], str | None]]:
    """One checklist entry: owners as @names anywhere, "Name: …" or "Name to …".

    >>> _checklist_entry("Send the plan @Ann", ["Ann Lee"], lambda t, p: (t, [], None), bool)
    [('Send the plan', ['Ann Lee'], None)]
    >>> _checklist_entry("@Ann Lee — Hall keys", ["Ann Lee"], lambda t, p: (t, [], None), bool)
    [('Hall keys', ['Ann Lee'], None)]
    """
    mentions = _MENTION.findall(text)
    if mentions:
        full = set(people)

        def mention(m: re.Match[str]) -> str:
            # "@Rashid Noor — …": the surname belongs to the mention when
            # the two words name someone present.
            both = f"{m.group(1)}{m.group(2) or ''}"
            mentions.append(both if both in full else m.group(1))
            return " " if both in full else f" {m.group(2) or ''}"

        mentions = []
        rest = _MENTION_FULL.sub(mention, text)
        owners = [o for m in mentions for o in _owners(m, people)]
        rest = re.sub(r"^[\s,;:&–—-]*(?:and\s+)?", "", re.sub(r"\s+", " ", rest)).strip(" ,;:&")
        d, extra, dw = parse(rest, people)
        return [(d, list(dict.fromkeys(owners)) or extra, dw)] if len(d.split()) >= 2 else []
    labelled = _LABEL_OWNER.match(text)
    if labelled and ownerish(labelled.group("o")):
        d, extra, dw = parse(labelled.group("t"), people)
        owners = _owners(labelled.group("o"), people) or extra
        return [(d, owners, dw)] if len(d.split()) >= 2 else []
    return _entry(text, people, parse, ownerish)


def _in_running_text(
    text: str, n: int, people: list[str], parse: ParseFn, ownerish: OwnerishFn
) -> list[Listed]:
    out: list[Listed] = []
    # Cheap tests first: these rules run on every line of every document.
    tagged = "ACTION" in text or "Action" in text or "action:" in text
    m = _ACTION_MID.search(text) if tagged else None
    # Mid-line only: after a sentence, not after an item number.
    if m and re.search(r"[a-z]", text[: m.start()], re.I):
        rest = _STATUS_TAIL.sub("", m.group("rest")).strip()
        if ". " in rest and OWNER_TASK.match(rest):
            # "ACTION: Lou to … . Nat will …": one sentence; the next is read on its own.
            rest = sentences(rest)[0]
        owner_only = _OWNER_AND_DUE.match(rest)
        if not (ownerish(rest) and len(rest.split()) <= 4) and not _DONE_STATEMENT.search(rest):
            told = _told_before(text[: m.start()], owner_only, people, parse, ownerish)
            if told:
                out.append(Listed(*told, n, "inline"))
            else:
                d, owners, dw = _action_body(rest, people, parse, ownerish)
                if len(d.split()) >= 2:
                    out.append(Listed(d, owners, dw, n, "inline"))
        elif owner_only:
            told = _told_before(text[: m.start()], owner_only, people, parse, ownerish)
            if told:
                out.append(Listed(*told, n, "inline"))
    # The last sentence, found without splitting the whole line.
    cut = max(text.rfind(". "), text.rfind("! "), text.rfind("? "))
    # (A sentence of four words or more before it; "3. Health" is a number.)
    tail = text[cut + 2 :] if cut > 0 and text.count(" ", 0, cut) >= 3 else ""
    sents = (
        sentences(text)
        if tail and len(tail) < 40 and tail[:1].isupper() and _SHORT_TAIL.search(text[cut:])
        else []
    )
    if len(sents) >= 2:
        last = sents[-1].strip(" .")
        owner = _owner_alone(last, people)
        if owner and len(sents[-2].split()) >= 4:
            d, _, dw = parse(_drop_would(sents[-2], last), people)
            if len(d.split()) >= 2:
                out.append(Listed(d, [owner], dw, n, "tail"))
    low = text.lower()
    if "asked" in low or "requested" in low or "instructed" in low or "directed" in low:
        # (The pattern is case-sensitive, and needs "to" after the verb.)
        for asked in _ASKED.finditer(text) if "to" in text else ():
            owner = asked.group("o")
            task = asked.group("t")
            # Roles only ("asked staff to …"): a named person asked to do
            # something is read by the narrative rules in actions.py.
            role = _ROLE_OWNER.match(owner) or owner.islower()
            if role and ownerish(owner) and task.split()[0].lower() not in _NOT_ASKED:
                d, _, dw = parse(task, people)
                if len(d.split()) >= 3:
                    out.append(Listed(d, _owners(owner, people), dw, n, "asked"))
    if "agreed" not in low and "decided" not in low and "resolved" not in low:
        return out
    for s in sents or sentences(text):
        a = _AGREED_TO.search(s)
        first = a.group("rest").split(" ", 1)[0].lower() if a else ""
        if a and first not in ("be", "been") and first not in VERDICT_VERBS:
            d, owners, dw = parse(a.group("rest"), people)
            if len(d.split()) >= 3:
                out.append(Listed(d, owners, dw, n, "agreed"))
    return out


def _action_body(
    rest: str, people: list[str], parse: ParseFn, ownerish: OwnerishFn
) -> tuple[str, list[str], str | None]:
    """ "MN, EV and AF - Send an email" or "Ann Lee (AL) to post the slides"."""
    rest = re.sub(r"\s*\(([A-Z]{2,4})\)", "", rest)
    m = _DASH_OWNER.match(rest)
    if m and ownerish(m.group("o")) and _dash_fits(m, people):
        d, _, dw = parse(m.group("rest"), people)
        return d, _owners(m.group("o"), people), dw
    return parse(rest, people)


def _dash_fits(m: re.Match[str], people: list[str]) -> bool:
    """ "Bob – book the hall": a task in lower case needs an owner in the attendance."""
    if m.group("rest")[0].isupper():
        return True
    owners = _owners(m.group("o"), people)
    # ("all – vote in the poll": everyone is an owner in the attendance too.)
    return bool(owners) and all(o in people or o.lower() in ("all", "everyone") for o in owners)


def _owner_alone(text: str, people: list[str]) -> str | None:
    """The text is only an owner: an attendee (by any form of their name) or a role.

    >>> _owner_alone("Cllr. O. Lee", ["Olga Lee", "Tom Ray"])
    'Olga Lee'
    >>> _owner_alone("Clerk", []), _owner_alone("Noted", ["Olga Lee"])
    ('Clerk', None)
    """
    t = text.strip(" .")
    if not t or len(t.split()) > 4:
        return None
    if _ROLE_OWNER.match(t):
        return t
    if not looks_like_name(t, allow_single=True):
        return None
    resolved = resolve_owner(t, people)
    if resolved in people:
        return resolved
    # "Cllr. O. William" for "Owen Williams": the same initial and a surname
    # that starts the same way (a name cut short in the owner column).
    words = re.sub(r"^(?:cllr|councillor|mr|mrs|ms|dr)\.?\s+", "", t, flags=re.I).split()
    if len(words) >= 2:
        fits = [
            p
            for p in people
            if p.split()[-1].lower().startswith(words[-1].lower()[:5])
            and p[0].lower() == words[0][0].lower()
        ]
        if len(fits) == 1:
            return fits[0]
    return None


def _told_before(
    before: str,
    owner_due: re.Match[str] | None,
    people: list[str],
    parse: ParseFn,
    ownerish: OwnerishFn,
) -> tuple[str, list[str], str | None] | None:
    """The task told before an "action: owner[, by date]" tag, or None.

    The task is what the sentence says someone would or will do, or agreed
    or undertook to do ("… the board would consider the case — action: board").
    """
    if owner_due is None or not ownerish(owner_due.group("o")):
        return None
    said = sentences(before.rstrip(" –—"))
    will = list(_WILL_DO.finditer(said[-1])) if said else []
    if not will:
        return None
    d, _, dw = parse(said[-1][will[-1].end() :], people)
    if len(d.split()) < 2:
        return None
    owners = _owners(owner_due.group("o"), people) or [owner_due.group("o").strip()]
    due = owner_due.group("due")
    return d, owners, due[3:] if due else dw


def _drop_would(sentence: str, owner: str) -> str:
    """ "Cllr Lee would write to the school." → "write to the school."."""
    m = re.match(
        r"^.{0,60}?\b(?:would|will|is\s+to|agreed\s+to)\s+(?P<rest>[a-z].+)$", sentence.strip()
    )
    if m:
        return m.group("rest")
    return sentence


def _owner_words(owner: str) -> str:
    """An owner as names alone: "Ann Lee (AL)" without the initials, and
    "Kwame (with Gemma)" as the two of them ("Kwame / Gemma")."""
    owner = re.sub(r"\s*\([A-Z]{2,4}\)", "", owner)
    return _WITH.sub(r" / \1", owner) if "(with " in owner else owner


_WITH = re.compile(r"\s*\(with\s+([^()]{2,40})\)")


def _owners(text: str, people: list[str]) -> list[str]:
    out: list[str] = []
    for o in split_owners(_owner_words(text)):
        r = resolve_owner(o, people)
        if r and r not in out:
            out.append(r)
    return out
