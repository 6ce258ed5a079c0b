"""Actions: inline "Action:" lines, action tables, outstanding action lists."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from concord.ingest.extraction.action_lists import OWNER_TASK, listed_actions
from concord.ingest.extraction.dates import find_dates, resolve_due
from concord.ingest.extraction.layout import NUMBER_CELL, Line, sentences
from concord.ingest.extraction.names import looks_like_name, resolve_owner, role_key, split_owners
from concord.ingest.record import Action
from concord.ingest.text import BLANK, ROW, Text

_ACTION_HEAD = re.compile(
    r"^(?:agreed\s+)?actions?\b(?!\s+plan)|^(?:task|what|description|issue)s?\b", re.I
)
_WHO_HEAD = re.compile(
    r"^(?:who|by\s+whom|owner|lead|responsib|action\s+by|action\s+owner|officer|person|assigned)",
    re.I,
)
_DUE_HEAD = re.compile(
    r"^(?:timescale|by\s+when|when|due|deadline|date|target|completion|timeframe|by)\b", re.I
)
_STATUS_HEAD = re.compile(r"^(?:status|progress|update|comments?|rag|outcome|done)\b", re.I)
_LIST_HEAD = re.compile(
    r"\b(?:outstanding|carried\s+forward|action\s+log|actions?\s+(?:from|arising|log|update|tracker|list|points?|summary)|"
    r"previous\s+actions|matters\s+arising\s+(?:and\s+)?actions?)\b|^actions?\s*:?$",
    re.I,
)
_INLINE = re.compile(
    r"^actions?(?:\s+(?:point\s+)?\d+(?:\.\d+)*[.:]?)?\s*(?:[:\-–—]+|\s+by\b)\s*(?P<rest>.*)$", re.I
)
_TAIL_OWNER = re.compile(
    r"(?:^|[.;]\s*|\s)\(?\s*(?i:actions?)\s*[:\-–—]\s*(?P<o>[A-Z][\w.'/&, -]{1,50}?)\s*\)?\.?$"
)
_TAIL_INITIALS = re.compile(r"\s[–—-]\s*(?P<o>[A-Z]{2,3}(?:\s*[/&,]\s*[A-Z]{2,3})*)\.?$")
_VERBS_TO = r"(?:to|will|shall|agreed\s+to|has\s+agreed\s+to|have\s+agreed\s+to|is\s+to|are\s+to|would|should|offered\s+to|undertook\s+to|volunteered\s+to|needs?\s+to)"  # noqa: E501
_STARTS_TASK = re.compile(rf"^[^,:;.]{{1,60}}?\s+{_VERBS_TO}\s", re.I)
_GROUPISH = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w&'-]*\s+){0,4}(?:group|team|board|committee|officers?|secretariat|partnership|"
    r"panel|forum|clerk|chair|secretary|members|governors|trustees|executive|partners|service|staff|all)$",
    re.I,
)
_DONE = re.compile(
    r"^(?:complete[d]?|done|closed|ongoing|in progress|open|n/?a|discharged|green|amber|red)\.?$",
    re.I,
)
_STATEMENT = re.compile(
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


@dataclass
class Found:
    """An action and the line where it was found (for ordering)."""

    action: Action
    line: int
    sources: set[str] = field(default_factory=set)


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
    """
    body = re.sub(
        r"^.*?\b(?:agreed|resolved|decided|requested|recommended)\b,?\s*",
        "",
        text.strip(),
        count=1,
        flags=re.I,
    )
    if body == text.strip():
        return None
    m = _SUBJUNCTIVE.match(body.rstrip(". "))
    if not m or m.group("pp").lower() in _NO_TASK or re.search(r"\bminutes\b", m.group("np"), re.I):
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
    thank"""
_IMPERATIVES = set(_IMPERATIVES_TEXT.split())


def _ownerish(text: str) -> bool:
    if text.split() and text.split()[0].lower() in _IMPERATIVES:
        return False
    parts = split_owners(text)
    if not parts or len(text) > 80:
        return False
    for p in parts:
        compact = re.sub(r"[.\s]", "", p)
        if compact.isupper() and 2 <= len(compact) <= 4 and compact.isalpha():
            continue
        if p.lower() in ("all", "everyone", "all members", "all partners"):
            continue
        if looks_like_name(p, allow_single=True) and p[0].isupper():
            continue
        if _GROUPISH.match(p):
            continue
        return False
    return True


def _resolve(owners: list[str], people: list[str]) -> list[str]:
    out = []
    for o in owners:
        o = re.sub(r"^the\s+(?=\S+\s+\S)", "", o.strip(), flags=re.I)
        r = resolve_owner(o, people)
        if r and r not in out:
            out.append(r)
    return out


_LEAD_LABEL = re.compile(r"^(?:actions?(?:\s+\d+(?:\.\d+)*)?|agreed|resolved)\s*[:\-–—]\s*", re.I)
_LEAD_NUMBER = re.compile(r"^\(?\d{1,3}[.)]\s+")
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
    r"(?:[A-Z][a-z]+(?:\s+\d{2,4})?|next\s+meeting|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}))\.?$"
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
_OWNER_VERB = re.compile(rf"^(?P<o>[^,:;.]{{1,60}}?)\s+{_VERBS_TO}\s+(?P<rest>.+)$", re.I)
_LEAD_TO = re.compile(r"^to\s+", re.I)


def parse_action_text(text: str, people: list[str]) -> tuple[str, list[str], str | None]:
    """``(description, owners, due wording)`` from an action's text.

    >>> parse_action_text("Priya to present the plan in September.", ["Priya Okafor"])
    ('Present the plan in September', ['Priya Okafor'], None)
    >>> parse_action_text("Circulate the policy – JB (by 31/10/08)", ["Jo Bell"])
    ('Circulate the policy', ['Jo Bell'], '31/10/08')
    """
    t = text.strip().strip("•").strip()
    t = _LEAD_LABEL.sub("", t)
    t = _LEAD_NUMBER.sub("", t)
    due_text = None
    owners: list[str] = []
    m = _DUE_TAIL.search(t)
    if m and (find_dates(m.group("d")) or _DUE_WORDING.match(m.group("d"))):
        due_text = m.group("d")
        t = t[: m.start()]
    else:
        m = _DUE_AFTER_DASH.search(t)
        if m and _mentions_time(m.group("d")):
            due_text = m.group("d")
            t = t[: m.start()]
    for rx in _OWNER_TAILS:
        m = rx.search(t)
        if m and _ownerish(m.group("o").strip(" .")):
            owners = split_owners(m.group("o"))
            t = t[: m.start()]
            break
    t = t.strip(" .;,")
    sub = subjunctive_task(t)
    if sub:
        t = sub
        by = re.search(r"\s+by\s+(?:the\s+)?(?P<o>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)\s*$", t)
        if by and not owners and _ownerish(by.group("o")):
            owners = split_owners(by.group("o"))
            t = t[: by.start()]
    else:
        t = _LEAD_AGREED.sub("", t)
        m = _OWNER_VERB.match(t)
        if m and _ownerish(m.group("o")):
            if not owners:
                owners = split_owners(m.group("o"))
            t = m.group("rest")
        else:
            m = re.match(r"^(?P<o>[A-Z][^:]{1,40}):\s+(?P<rest>.+)$", t)
            if m and _ownerish(m.group("o")):
                owners = owners or split_owners(m.group("o"))
                t = m.group("rest")
    t = _LEAD_TO.sub("", t.strip()).strip(" .;,")
    if t:
        t = t[0].upper() + t[1:]
    return t, _resolve(owners, people), due_text


def _header_columns(cells: list[str]) -> dict[str, int] | None:
    labels = [c.split("\n")[0].strip(" :*").lower() for c in cells]
    cols: dict[str, int] = {}
    for j, lab in enumerate(labels):
        if not lab or len(lab.split()) > 5:
            continue
        if "who" not in cols and _WHO_HEAD.match(lab):
            cols["who"] = j
        elif "due" not in cols and _DUE_HEAD.match(lab):
            cols["due"] = j
        elif "status" not in cols and _STATUS_HEAD.match(lab):
            cols["status"] = j
        elif "desc" not in cols and _ACTION_HEAD.match(lab):
            cols["desc"] = j
        elif re.match(r"^(no\.?|ref\.?|#|item|number)$", lab):
            cols["num"] = j
    if "who" in cols and "desc" in cols:
        return cols
    return None


def _pick_sentences(cell: str, owners_list: list[list[str]], people: list[str]) -> list[str]:
    """In a narrative cell, the sentence that states each owner's task."""
    sents: list[str] = []
    for para in cell.split("\n"):
        sents.extend(sentences(para.lstrip("• ")))
    chosen: list[str] = []
    used: set[int] = set()
    for owners in owners_list:
        keys = []
        for o in owners:
            keys.append(o.lower())
            keys.append(o.split()[0].lower())
        if any(k in ("all", "everyone") for k in keys):
            keys += ["all", "everyone", "anyone", "members", "it was agreed"]
        best = None
        for idx in range(len(sents) - 1, -1, -1):
            if idx in used:
                continue
            s = sents[idx].lower()
            starts = any(re.match(rf"^(?:it was agreed that\s+)?{re.escape(k)}\b", s) for k in keys)
            mentions = any(re.search(rf"\b{re.escape(k)}\b", s) for k in keys)
            cue = re.search(r"\b(agreed to|will|to|would|offered to|volunteered|undertook)\b", s)
            said = re.match(
                r"^\S+(\s\S+)?\s+(said|asked|explained|reported|noted|felt|stated|commented)\b", s
            )
            score = (3 if starts and cue and not said else 0) + (
                2 if mentions and cue and not said else 0
            )
            score += 1 if mentions else 0
            if "agreed" in s:
                score += 1
            if score and (best is None or score > best[0]):
                best = (score, idx)
        if best is None:
            free = [k for k in range(len(sents)) if k not in used]
            if not free:
                chosen.append("")
                continue
            best = (0, free[-1])
        used.add(best[1])
        chosen.append(sents[best[1]])
    return chosen


def _narrative_task(sentence: str, owners: list[str]) -> str:
    s = sentence.strip()
    m = re.search(r"\b(?:agreed|offered|volunteered|undertook)\s+to\s+(.+)$", s, re.I)
    if m and not re.match(r"^it\s+was\s+agreed", s, re.I):
        return m.group(1)
    return s


def extract_actions(
    text: Text,
    lines: list[Line],
    skip_blocks: set[int],
    people: list[str],
    meeting_date: date | None,
    next_meeting: str | None,
    decisions: list,
    *,
    tables: ActionTables | None = None,
    roles: dict[str, str] | None = None,
) -> list[Action]:
    """All actions, de-duplicated.

    ``tables`` is what ``read_action_tables`` found for the same text; it is
    reused rather than read again.  ``roles`` maps a role held by one
    attendee ("treasurer") to that attendee: "Treasurer to pay …" is theirs.
    """
    if tables is None:
        tables = read_action_tables(text, lines, people, meeting_date, next_meeting)
    return _extract(
        text,
        lines,
        skip_blocks,
        people,
        meeting_date,
        next_meeting,
        decisions,
        tables,
        False,
        roles or {},
    )


@dataclass
class ActionTables:
    """Actions found in tables, the table columns holding owners/dates, and table blocks."""

    found: list[Found] = field(default_factory=list)
    side_cols: dict[int, set[int]] = field(default_factory=dict)
    action_blocks: set[int] = field(default_factory=set)


def read_action_tables(
    text: Text,
    lines: list[Line],
    people: list[str],
    meeting_date: date | None,
    next_meeting: str | None,
    roles: dict[str, str] | None = None,
) -> ActionTables:
    """Action tables (action, who and when columns) and outstanding-action lists."""
    tables = ActionTables()
    _extract(text, lines, set(), people, meeting_date, next_meeting, [], tables, True, roles)
    return tables


def _extract(
    text: Text,
    lines: list[Line],
    skip_blocks: set[int],
    people: list[str],
    meeting_date: date | None,
    next_meeting: str | None,
    decisions: list,
    tables: ActionTables,
    tables_only: bool,
    roles: dict[str, str] | None = None,
) -> list[Action]:
    found: list[Found] = tables.found if tables_only else list(tables.found)
    side_cols = tables.side_cols
    action_blocks = tables.action_blocks
    first_line: dict[int, int] = {}
    for n, ln in enumerate(lines):
        first_line.setdefault(ln.block, n)

    roles = roles or {}

    def add(desc: str, owners: list[str], due: str | None, where: int, source: str) -> None:
        desc = re.sub(r"\s+", " ", desc).strip(" .;,")
        if len(desc.split()) < 2:
            return
        if roles and owners:
            owners = list(dict.fromkeys(roles.get(role_key(o), o) for o in owners))
        found.append(Found(Action(desc, owners, due), where, {source}))

    def due_of(wording: str | None, desc: str) -> str | None:
        if wording:
            d = resolve_due(wording, meeting_date, next_meeting)
            if d:
                return d
        return resolve_due(desc, meeting_date, next_meeting) if _mentions_time(desc) else None

    # 1. Tables with an action column and an owner column (read once).
    blocks = text.blocks
    i = 0 if tables_only else len(blocks)
    list_mode = False
    while i < len(blocks):
        b = blocks[i]
        if b.kind != ROW:
            if b.kind != BLANK:
                t = b.cells[0] if b.cells else ""
                list_mode = bool(_LIST_HEAD.search(t)) and len(t.split()) <= 8
            i += 1
            continue
        cols = _header_columns(list(b.cells))
        if cols is None:
            if list_mode:
                i = _loose_rows(
                    blocks, i, people, add, due_of, first_line, side_cols, action_blocks
                )
                list_mode = False
                continue
            i += 1
            continue
        header = [c.strip().lower() for c in b.cells]
        action_blocks.add(i)
        prev: Found | None = None
        j = i + 1
        gap = 0
        while j < len(blocks):
            r = blocks[j]
            if r.kind != ROW:
                # Converted tables interleave rows with paragraphs (a row whose
                # empty cells were lost); a long run of prose ends the table.
                gap += r.kind != BLANK
                if gap > 15:
                    break
                j += 1
                continue
            gap = 0
            cells = list(r.cells)
            if [c.strip().lower() for c in cells] == header:
                j += 1
                continue
            if _header_columns(cells) is not None:
                break
            if len(cells) == len(b.cells) + 1 and NUMBER_CELL.match(cells[0].strip()):
                cells = cells[1:]
            desc, who, when = (_cell(cells, cols, k) for k in ("desc", "who", "due"))
            side_cols.setdefault(j, set()).update(
                cols[k] for k in ("who", "due", "status") if k in cols
            )
            if not desc.strip() and (who.strip() or when.strip()) and prev is not None:
                prev.action.owners = _resolve(
                    split_owners(" / ".join(prev.action.owners) + " / " + who), people
                )
                action_blocks.add(j)
                j += 1
                continue
            if not who.strip():
                j += 1
                continue
            action_blocks.add(j)
            whos = [w for w in who.split("\n") if w.strip()]
            whens = [w for w in when.split("\n") if w.strip()]
            paras = [p for p in desc.split("\n") if p.strip()]
            narrative = len(sentences(desc.replace("\n", " "))) > max(2, len(whos))
            if narrative:
                owner_lists = [_resolve(split_owners(w), people) for w in whos]
                picks = _pick_sentences(desc, owner_lists, people)
                for k, (owners, s) in enumerate(zip(owner_lists, picks, strict=False)):
                    wording = whens[k] if k < len(whens) else (whens[-1] if whens else None)
                    d, extra, _ = parse_action_text(_narrative_task(s, owners), people)
                    add(d, owners or extra, due_of(wording, d), first_line.get(j, 0), "table")
                    prev = found[-1] if found else None
            else:
                items = paras if len(paras) == len(whos) > 1 else [" ".join(paras)]
                for k, p in enumerate(items):
                    w = whos[k] if len(items) > 1 else " / ".join(whos)
                    d, extra, dw = parse_action_text(p, people)
                    owners = _resolve(split_owners(w), people) or extra
                    wording = (whens[k] if len(items) > 1 and k < len(whens) else when) or dw
                    add(d, owners, due_of(wording, d), first_line.get(j, 0), "table")
                    prev = found[-1] if found else None
            j += 1
        i = j

    if tables_only:
        return []

    # 2. Inline "Action:" lines, their continuations, and "… Action: JB" endings.
    k = 0
    while k < len(lines):
        ln = lines[k]
        if ln.block in skip_blocks or ln.col in side_cols.get(ln.block, set()):
            k += 1
            continue
        m = _INLINE.match(ln.bare.strip())
        if m:
            rest = m.group("rest").strip()
            if rest and _ownerish(rest) and len(rest.split()) <= 4 and k > 0:
                prev_sents = sentences(lines[k - 1].bare)
                if prev_sents:
                    d, _, dw = parse_action_text(prev_sents[-1], people)
                    add(d, _resolve(split_owners(rest), people), due_of(dw, d), k, "inline")
                k += 1
                continue
            if rest:
                while not re.search(r"[.!?:)]$", rest) and k + 1 < len(lines) and _dangling(rest):
                    k += 1
                    rest += " " + lines[k].bare.strip()
                # "Action: Ann to … . Bo will …": a label over a task of its
                # own covers one sentence; the next are read on their own.
                # (After a sentence of context, the label covers the whole.)
                sents = sentences(rest) if ". " in rest else [rest]
                if len(sents) > 1 and OWNER_TASK.match(sents[0]):
                    rest = sents[0]
                    for other in sents[1:]:
                        told = _narrative_action(other, people, roles)
                        if told:
                            add(told[0], told[1], due_of(told[2], told[0]), k, "narrative")
                if not _STATEMENT.search(rest):
                    d, owners, dw = parse_action_text(rest, people)
                    add(d, owners, due_of(dw, d), k, "inline")
            k += 1
            # Further "Name to do …" lines (or bullets) continue the same action block.
            while k < len(lines):
                nxt = lines[k].bare.strip()
                bullet = lines[k].bullet and not rest
                starts_task = _STARTS_TASK.match(nxt)
                if not (bullet or starts_task):
                    break
                d, owners, dw = parse_action_text(nxt, people)
                if (owners and starts_task) or bullet:
                    add(d, owners, due_of(dw, d), k, "inline")
                    k += 1
                    continue
                break
            continue
        tail = _TAIL_OWNER.search(ln.bare) if "ction" in ln.bare or "CTION" in ln.bare else None
        # Initials after a dash: the line must end in a capital (or "A.").
        initials_tail = (
            _TAIL_INITIALS.search(ln.bare)
            if ln.bare.rstrip(".")[-1:].isupper()
            and ("-" in ln.bare or "–" in ln.bare or "—" in ln.bare)
            else None
        )
        if not tail and initials_tail:
            owners = _resolve(split_owners(initials_tail.group("o")), people)
            # Initials after a dash mark an action only when they name attendees.
            if owners and all(o in people for o in owners):
                sents = sentences(ln.bare[: initials_tail.start()].strip())
                if sents:
                    d, _, dw = parse_action_text(sents[-1], people)
                    add(d, owners, due_of(dw, d), k, "inline")
        if tail and _ownerish(tail.group("o")) and tail.start() > 0:
            before = ln.bare[: tail.start()].strip()
            sents = sentences(before)
            if sents:
                d, _, dw = parse_action_text(sents[-1], people)
                d = _drop_subject(d)
                add(d, _resolve(split_owners(tail.group("o")), people), due_of(dw, d), k, "inline")
        elif (
            not tail
            and not initials_tail
            and ln.block not in action_blocks
            and (" to " in ln.bare or " will " in ln.bare)
        ):
            clauses = [c for sent in sentences(ln.bare) for c in re.split(r";\s+", sent)]
            for clause in clauses:
                told = _narrative_action(clause, people, roles)
                if told:
                    d, owners, dw = told
                    add(d, owners, due_of(dw, d), k, "narrative")
        k += 1

    # 3. Decisions that set someone a task.
    refs: set[str] = set()
    for b in blocks:
        if b.kind == ROW:
            for c in b.cells[1:]:
                for ref in re.findall(r"^action\s+(\d+(?:\.\d+)*)", c.strip(), re.I | re.M):
                    refs.add(ref)
    for dec in decisions:
        task = subjunctive_task(dec.text)
        if task:
            d, owners, dw = parse_action_text(task, people)
            add(d, owners, due_of(dw, d), dec.line, "decision")
        elif dec.listed and dec.anchor in refs and not _STATEMENT.search(dec.text):
            d, owners, dw = parse_action_text(dec.text, people)
            add(d, owners, due_of(dw, d), dec.line, "decision")

    # 4. Action lists, mid-line "ACTION:", owners after the sentence, "agreed to …".
    for entry in listed_actions(
        lines, skip_blocks | action_blocks, people, parse_action_text, _ownerish
    ):
        d = entry.description
        add(d, entry.owners, due_of(entry.due_wording, d), entry.line, entry.source)

    return _dedupe(found)


_SUBJECT = re.compile(
    r"^(?:The\s+)?(?:[A-Z][\w'-]*\s+){1,4}(?:will|is\s+to|agreed\s+to|undertook\s+to|offered\s+to|"
    r"would)\s+(?=[a-z])"
)


def _drop_subject(description: str) -> str:
    """ "The Finance Director will provide a report" → "Provide a report".

    Used when the owner is given apart ("… (Action: FD)"), so the role that
    opens the sentence is the owner already.

    >>> _drop_subject("The Finance Director will provide a report")
    'Provide a report'
    """
    m = _SUBJECT.match(description)
    if not m:
        return description
    rest = description[m.end() :]
    return rest[0].upper() + rest[1:]


_NARRATIVE = re.compile(
    r"^(?P<o>[^,:;.()]{1,50}?)\s+(?P<v>to|will|agreed\s+to|undertook\s+to|offered\s+to|"
    r"volunteered\s+to)\s+(?P<rest>[a-z]+\b.+)$"
)


def _narrative_action(
    sentence: str, people: list[str], roles: dict[str, str] | None = None
) -> tuple[str, list[str], str | None] | None:
    """A sentence of the minutes that gives an attendee a task.

    "DK to bring the figures to the next meeting", "Inspector Shaw agreed to
    provide ward figures": the owner must be someone in the attendance (by
    name, surname or initials), so "The board agreed to support the bid" is
    a decision, not an action. "Clerk to …" (a role with the bare "to") is
    accepted too.

    >>> _narrative_action("AL to circulate the plan by May 2024.", ["Ann Lee"])
    ('Circulate the plan', ['Ann Lee'], 'May 2024')
    >>> _narrative_action("The board agreed to support the bid.", ["Ann Lee"]) is None
    True
    """
    text = sentence.strip().rstrip(".")
    m = _NARRATIVE.match(text)
    if not m or m.group("rest").split()[0] in ("be", "been", "have", "not", "also"):
        return None
    owner_text = re.sub(r"^the\s+", "", m.group("o").strip(), flags=re.I)
    if not _ownerish(owner_text):
        return None
    owners = _resolve(split_owners(owner_text), people)
    in_register = owners and all(o in people or role_key(o) in (roles or {}) for o in owners)
    role_task = (
        m.group("v") == "to"
        and _GROUPISH.match(owner_text)
        and m.group("rest").split()[0].lower() in _IMPERATIVES
        and owner_text.lower() not in ("all", "members", "partners", "governors", "trustees")
    )
    if not (in_register or role_task):
        return None
    d, _, dw = parse_action_text(m.group("rest"), people)
    return d, owners, dw


def _cell(cells: list[str], cols: dict[str, int], key: str) -> str:
    return cells[cols[key]] if key in cols and cols[key] < len(cells) else ""


def _loose_rows(blocks, i, people, add, due_of, first_line, side_cols, action_blocks) -> int:  # type: ignore[no-untyped-def]
    """Rows under an "Outstanding actions" heading, with no column headings."""
    j = i
    while j < len(blocks) and blocks[j].kind in (ROW, BLANK):
        b = blocks[j]
        if b.kind == ROW:
            cells = [c for c in b.cells if c.strip()]
            if cells and NUMBER_CELL.match(cells[0].strip()):
                cells = cells[1:]
            cells = [c for c in cells if not _DONE.match(c.strip())]
            due_cells = [c for c in cells if len(c.split()) <= 4 and find_dates(c)]
            cells = [c for c in cells if c not in due_cells]
            if len(cells) >= 2 and _ownerish(cells[-1]):
                d, extra, dw = parse_action_text(max(cells[:-1], key=len), people)
                owners = _resolve(split_owners(cells[-1]), people)
                add(
                    d,
                    owners or extra,
                    due_of(due_cells[0] if due_cells else dw, d),
                    first_line.get(j, 0),
                    "list",
                )
                side_cols.setdefault(j, set()).update(range(1, len(b.cells)))
                action_blocks.add(j)
        j += 1
    return j


def _mentions_time(text: str) -> bool:
    return bool(
        re.search(
            r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{1,2}/\d{1,2}/\d{2,4}|next\s+meeting|"
            r"\b(?:this|next)\s+month\b",
            text,
            re.I,
        )
    )


def _dangling(text: str) -> bool:
    last = text.split()[-1].lower() if text.split() else ""
    return last in {
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "for",
        "with",
        "that",
        "on",
        "at",
        "by",
        "from",
        "be",
        "is",
        "are",
        "will",
        "this",
        "their",
        "its",
    }


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2}


def _similar(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    common = len(a & b)
    return 2 * common / (len(a) + len(b))


_NUMBER = re.compile(r"\d+")


def _same_task(a: Found, wa: set[str], b: Found, wb: set[str]) -> bool:
    """Whether two found actions are one task told twice.

    Actions that name different numbers ("topic 4" / "topic 5") or have
    different owners are distinct even when their wording is alike: a
    long document repeats the same sentence shape for many items.
    """
    oa, ob = a.action.owners, b.action.owners
    if oa and ob and not set(oa) & set(ob):
        return False
    if set(_NUMBER.findall(a.action.description)) != set(_NUMBER.findall(b.action.description)):
        return False
    return _similar(wa, wb) >= (0.4 if oa and oa == ob else 0.75)


def _dedupe(found: list[Found]) -> list[Action]:
    found.sort(key=lambda f: f.line)
    # Words computed once per action: the pairwise loop is quadratic.
    kept: list[tuple[Found, set[str]]] = []
    for f in found:
        wa = _words(f.action.description)
        dup = next((g for g, wg in kept if _same_task(f, wa, g, wg)), None)
        if dup is None:
            kept.append((f, wa))
            continue
        if f.action.description.lower().startswith(dup.action.description.lower()):
            # A fragment ("Update the") told in full later: keep the full wording.
            dup.action.description = f.action.description
        if not dup.action.owners and f.action.owners:
            dup.action.owners = f.action.owners
        if not dup.action.due and f.action.due:
            dup.action.due = f.action.due
    return [f.action for f, _ in kept]
