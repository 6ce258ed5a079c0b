"""Actions: the passes that find them, in order.

1. action tables and outstanding-action lists (``action_tables``, read once
   before the items, whose rows they claim);
2. "Action:" lines and their continuations, owners after a line ("… Action:
   JB", "… – AL") and sentences giving an attendee a task ("DK to bring …");
3. decisions that set someone a task ("that a letter be sent to …");
4. action lists, mid-line "ACTION:", "agreed to …" (``action_lists``).

What they find is de-duplicated (``action_found``); one action's wording is
read by ``action_text``.
"""

from __future__ import annotations

import re
from datetime import date

from concord.ingest.extraction.action_context import with_antecedent
from concord.ingest.extraction.action_forms import agent_task, need_task, passive_task
from concord.ingest.extraction.action_found import Collector, dedupe
from concord.ingest.extraction.action_lists import OWNER_TASK, VERDICT_VERBS, listed_actions
from concord.ingest.extraction.action_narrative import is_post, narrative_action
from concord.ingest.extraction.action_tables import ActionTables, read_action_tables
from concord.ingest.extraction.action_text import (
    GROUPISH,
    OFFICE,
    STATEMENT,
    VERBS_TO,
    drop_subject,
    is_imperative,
    ownerish,
    parse_action_text,
    resolution_task,
    resolve_names,
    subjunctive_task,
)
from concord.ingest.extraction.decision_motions import may_hold, motions
from concord.ingest.extraction.decisions import Decision
from concord.ingest.extraction.layout import Line, sentences
from concord.ingest.extraction.names import role_key, split_owners
from concord.ingest.record import Action
from concord.ingest.text import ROW, Text

__all__ = ["ActionTables", "extract_actions", "parse_action_text", "read_action_tables"]

_ENDS_SENTENCE = re.compile(r"[.!?:)]$")
_NEXT_LABEL = re.compile(
    r"(?i)^(?:for\s+(?:the\s+)?next\s+meeting|next\s+steps?|to[- ]?dos?|follow[- ]?ups?)"
    r"\s*:\s*(?P<t>\S.*)$"
)
_SEMICOLON = re.compile(r";\s+")
_TRAILING_EMPHASIS = re.compile(r"(?:\*\*|\*|__|_)([^*_]{1,60}?)(?:\*\*|\*|__|_)\s*$")
_NAME_COLON = re.compile(
    r"^(?P<o>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|and|&|\+))*)\s*:\s+(?P<t>[a-z][\w'’-]*\b.{4,})$"
)
# "Owner: Tom Barr · Due: January meeting — scope the deep-dive …": the
# owner and the date first, the task after them.
_OWNER_DUE_LEAD = re.compile(
    r"^(?i:owner|lead|who)\s*\**:\s*\**(?P<o>[^—–·|:]{2,50}?)\s*[—–·|]\s*"
    r"(?i:due|by|when|deadline)\s*\**:\s*\**(?P<d>[^—–·|:]{2,40}?)\s*[—–|]\s*(?P<t>\S.{4,})$"
)
_AND_CLAUSE = re.compile(r",\s+(?:and|but|so|while)\s+(?=[A-Z])")
_ACTION_REF = re.compile(r"^action\s+(\d+(?:\.\d+)*)", re.I | re.M)
_INLINE = re.compile(
    r"^(?:actions?(?:\s+points?)?(?:\s+\d+(?:\.\d+)*[.:]?)?|AP\s?\d{1,3})"
    r"\s*(?:[:\-–—]+(?:\s+[\-–—](?=\s))?|\s+by\b)\s*(?P<rest>.*)$",
    re.I,
)
_ACTION_WHO = re.compile(
    r"^(?i:actions?)\s+(?P<rest>[A-Z][A-Za-z]{1,3}(?:\s*[,/&]\s*[A-Z][A-Za-z]{1,3})*\s*:\s*\S.*)$"
)
_TAIL_OWNER = re.compile(
    r"(?:^|[.;]\s*|\s)[(\[]?\s*(?i:actions?)\s*[:\-–—]\s*"
    r"(?P<o>[A-Z][\w.'/&, -]{1,50}?)\s*[)\]]?\.?$"
)
_TAIL_INITIALS = re.compile(r"\s[–—-]\s*(?P<o>[A-Z]{2,3}(?:\s*[/&,]\s*[A-Z]{2,3})*)\.?$")
_AGREED_THAT = re.compile(r"\b(?:agreed|decided|resolved)\s+that\s+(?P<c>(?:the\s+)?[A-Z].+)$")
_STARTS_TASK = re.compile(rf"^[^,:;.]{{1,60}}?\s+{VERBS_TO}\s", re.I)


def extract_actions(
    text: Text,
    lines: list[Line],
    skip_blocks: set[int],
    people: list[str],
    meeting_date: date | None,
    next_meeting: str | None,
    decisions: list[Decision],
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
    roles = roles or {}
    out = Collector.over(list(tables.found), lines, meeting_date, next_meeting, roles, people)
    _inline_actions(lines, skip_blocks, people, roles, tables, out)
    _decision_actions(text, decisions, people, roles, out)
    for entry in listed_actions(
        lines, skip_blocks | tables.action_blocks, people, parse_action_text, ownerish
    ):
        d = entry.description
        out.add(d, entry.owners, out.due_of(entry.due_wording, d), entry.line, entry.source)
    return dedupe(out.found)


def _inline_actions(
    lines: list[Line],
    skip_blocks: set[int],
    people: list[str],
    roles: dict[str, str],
    tables: ActionTables,
    out: Collector,
) -> None:
    """Inline "Action:" lines, their continuations, and "… Action: JB" endings."""
    side_cols = tables.side_cols
    k = 0
    while k < len(lines):
        ln = lines[k]
        if ln.block in skip_blocks or ln.col in side_cols.get(ln.block, set()):
            k += 1
            continue
        bare = ln.bare.strip()
        m = _INLINE.match(bare) if bare[:1] in "aA" and bare[1:2] != " " else None
        if not m and bare[:1] in "aA":
            # "Action DH: intersect the lists": the owner's initials before the colon.
            m = _ACTION_WHO.match(bare)
        if m:
            k = _labelled(lines, k, m.group("rest").strip(), people, roles, out)
            continue
        _line_ending(ln, k, people, roles, tables, out)
        k += 1


def _labelled(
    lines: list[Line],
    k: int,
    rest: str,
    people: list[str],
    roles: dict[str, str],
    out: Collector,
) -> int:
    """The action labelled "Action:" at line ``k`` and the lines that continue it.

    Returns the index of the first line after them.
    """
    add, due_of = out.add, out.due_of
    if rest and k > 0 and len(rest.split()) <= 4 and ownerish(rest):
        prev_sents = sentences(lines[k - 1].bare)
        if prev_sents:
            d, _, dw = parse_action_text(prev_sents[-1], people)
            d = drop_subject(d)
            add(d, resolve_names(split_owners(rest), people), due_of(dw, d), k, "inline")
        return k + 1
    if rest:
        while not _ENDS_SENTENCE.search(rest) and k + 1 < len(lines) and _dangling(rest):
            k += 1
            rest += " " + lines[k].bare.strip()
        if may_hold(rest.lower()) and motions(sentences(rest)):
            # "Action: Moved by A, seconded by B, and carried to adopt …": a
            # board's action is its vote, a decision.
            return k + 1
        # "Action: Ann to … . Bo will …": a label over a task of its
        # own covers one sentence; the next are read on their own.
        # (After a sentence of context, the label covers the whole.)
        sents = sentences(rest) if ". " in rest else [rest]
        if len(sents) > 1 and OWNER_TASK.match(sents[0]):
            rest = sents[0]
            for other in sents[1:]:
                told = narrative_action(other, people, roles)
                if told:
                    add(told[0], told[1], due_of(told[2], told[0]), k, "narrative")
        passive = passive_task(rest)
        if passive:
            # "Action Point: - Members to be recruited for the sub-committee".
            add(passive, [], due_of(None, passive), k, "inline")
        elif not STATEMENT.search(rest):
            d, owners, dw = parse_action_text(rest, people)
            if not owners and len(sents) > 1:
                # "Action: It was suggested … . The Team will consider …": the
                # label covers the whole, and the owner is the last sentence's.
                owners = parse_action_text(sents[-1], people)[1]
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
    return k


def _line_ending(
    ln: Line,
    k: int,
    people: list[str],
    roles: dict[str, str],
    tables: ActionTables,
    out: Collector,
) -> None:
    """An owner after a line ("… Action: JB", "… – AL"), or a task told in it."""
    add, due_of = out.add, out.due_of
    bare = ln.bare
    if bare[-1:] in "*_":
        # "… for the October meeting — **SP**", "… *(Action: Fairbanks)*":
        # Markdown's emphasis around the owner at the end.
        bare = _TRAILING_EMPHASIS.sub(r"\1", bare)
    lead = _OWNER_DUE_LEAD.match(bare) if bare[:1] in "OoLlWw" else None
    if lead:
        # "Owner: Aroha — Due: 13 Feb — permission slips out and back".
        d = parse_action_text(lead.group("t"), people)[0]
        owners = resolve_names(split_owners(lead.group("o").strip(" *")), people)
        add(d, owners, due_of(lead.group("d"), d), k, "inline")
        return
    named = _NAME_COLON.match(bare) if ln.bullet and ":" in bare[:45] else None
    if named and is_imperative(named.group("t").split(" ", 1)[0]):
        # "• Sofia: plan a pop-up stand …", "- Dee and Jo: book the room": a
        # bullet that opens with attendees and a colon gives them the task.
        owners = resolve_names(split_owners(named.group("o")), people)
        if owners and all(o in people for o in owners):
            d, _, dw = parse_action_text(named.group("t"), people)
            add(d, owners, due_of(dw, d), k, "inline")
            return
    label = _NEXT_LABEL.match(bare) if ":" in bare else None
    if label and label.group("t").split() and is_imperative(label.group("t").split()[0]):
        # "For next meeting: present the charter", "Next steps: book the hall".
        d, owners, dw = parse_action_text(label.group("t"), people)
        add(d, owners, due_of(dw, d), k, "inline")
        return
    tail = _TAIL_OWNER.search(bare) if "ction" in bare or "CTION" in bare else None
    # Initials after a dash: the line must end in a capital (or "A.").
    initials_tail = (
        _TAIL_INITIALS.search(bare)
        if bare.rstrip(".")[-1:].isupper() and ("-" in bare or "–" in bare or "—" in bare)
        else None
    )
    if not tail and initials_tail:
        owners = resolve_names(split_owners(initials_tail.group("o")), people)
        # Initials after a dash mark an action only when they name attendees.
        if owners and all(o in people for o in owners):
            sents = sentences(bare[: initials_tail.start()].strip())
            if sents:
                d, _, dw = parse_action_text(sents[-1], people)
                d = drop_subject(d)
                # (The due date from the task's own words, not the gist told with it.)
                add(with_antecedent(d, sents[:-1]), owners, due_of(dw, d), k, "inline")
    if tail and ownerish(tail.group("o")) and tail.start() > 0:
        before = bare[: tail.start()].strip()
        sents = sentences(before)
        if sents:
            d, _, dw = parse_action_text(sents[-1], people)
            d = drop_subject(d)
            owners = resolve_names(split_owners(tail.group("o")), people)
            add(with_antecedent(d, sents[:-1]), owners, due_of(dw, d), k, "inline")
    elif (
        not tail
        and not initials_tail
        and ln.block not in tables.action_blocks
        and (
            " to " in bare
            or " will " in bare
            or " would " in bare
            or "'ll " in bare
            or "’ll " in bare
            or "'d " in bare
            or "’d " in bare
        )
    ):
        # Clauses: sentences, their ";" parts, and ", and Ann will …" after a comma.
        clauses = [
            c
            for sent in sentences(bare)
            for part in _SEMICOLON.split(sent)
            for c in _AND_CLAUSE.split(part)
        ]
        for n, clause in enumerate(clauses):
            he = _PRONOUN_TASK.match(clause) if n and clause[:1] in "hs" else None
            subject = _SUBJECT_NAME.match(clauses[n - 1]) if he else None
            if he and subject:
                # "KN said it would depend on funding; she will bring costings …".
                clause = f"{subject.group(1)} will {clause[he.end() :]}"
            told = narrative_action(clause, people, roles) or _after_lead(clause, people, roles)
            if told:
                d, owners, dw = told
                add(with_antecedent(d, clauses[:n]), owners, due_of(dw, d), k, "narrative")
                continue
            agent = _agent_action(clause, people, roles)
            if agent:
                d = with_antecedent(agent[0], clauses[:n])
                add(d, agent[1], due_of(None, agent[0]), k, "narrative")
                continue
            # A task with no owner, written as a note: "Letter to be sent to …",
            # "Need to book the hall …".
            # (Not in bullets: a bullet list of wishes under a heading is no list
            # of tasks; lists under an action heading are read by action_lists.)
            task = None if ln.bullet else passive_task(clause) or need_task(clause)
            if task:
                add(task, [], due_of(None, task), k, "passive")


# "As soon as it is ready, Ann will …", "June fair: Ann (AL) will …": the
# owner after an opening clause or a topic label.
_PRONOUN_TASK = re.compile(
    r"^(she|he)(?:\s+(?:will|would|is\s+to|agreed\s+to|is\s+going\s+to)|['’](?:ll|d))\s+(?=[a-z])"
)
_SUBJECT_NAME = re.compile(
    r"^(?:\(?[a-z0-9]{1,3}[.)]\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)(?:\s*:|\s+"
    r"(?:had|has|said|reported|was|announced|explained|noted|mentioned|confirmed|offered))\s"
)
_LEAD_CUT = re.compile(r"[,:]\s+(?=[A-Z]|(?:she|he)\s|the\s+[A-Z])")
_NAME_BRACKET = re.compile(r"^([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s*\(([A-Z0-9]{2,7})\)(?=\s)")


def _after_lead(
    clause: str, people: list[str], roles: dict[str, str]
) -> tuple[str, list[str], str | None] | None:
    """A task given after an opening clause or label, its owner an attendee."""
    if "," not in clause and ":" not in clause and "(" not in clause:
        return None
    starts = [0] + [m.end() for m in _LEAD_CUT.finditer(clause)]
    for at in starts:
        rest = clause[at:]
        if "(" in rest[:40]:
            # "Ann (AL) will …": initials or a call sign beside the name; the
            # one the attendance knows names the owner ("Bo (KD9AAA)" → KD9AAA's).
            b = _NAME_BRACKET.match(rest)
            if b:
                sign = b.group(2)
                known = role_key(sign) in roles or resolve_names([sign], people)[0] in people
                rest = (b.group(2) if known else b.group(1)) + rest[b.end() :]
        he = _PRONOUN_TASK.match(rest) if at else None
        subject = _SUBJECT_NAME.match(clause) if he else None
        if he and subject:
            # "Ann had found a supplier, she will get a quote": the owner is the
            # attendee the clause opened with.
            rest = f"{subject.group(1)} will {rest[he.end() :]}"
        if rest == clause or not (rest[:1].isupper() or rest[:4] == "the "):
            continue
        told = narrative_action(rest, people, roles)
        if told and told[1] and all(o in people or role_key(o) in roles for o in told[1]):
            return told
    return None


def _agent_action(
    clause: str, people: list[str], roles: dict[str, str]
) -> tuple[str, list[str]] | None:
    """ "The report will be circulated by the Clerk": a task, if the agent is an
    attendee, an office one attendee holds, or a group of the meeting's own ("staff")."""
    told = agent_task(clause)
    if not told:
        return None
    agent = re.sub(r"(?i)^the\s+", "", told[1])
    owners = resolve_names(split_owners(agent), people)
    known = owners and all(o in people or role_key(o) in roles for o in owners)
    if not known and not GROUPISH.match(agent):
        return None
    return told[0], owners


def _decision_actions(
    text: Text, decisions: list[Decision], people: list[str], roles: dict[str, str], out: Collector
) -> None:
    """Decisions that set someone a task."""
    refs: set[str] = set()
    for b in text.blocks:
        if b.kind == ROW:
            for c in b.cells[1:]:
                for ref in _ACTION_REF.findall(c.strip()):
                    refs.add(ref)
    for dec in decisions:
        task = subjunctive_task(dec.text)
        if task is None and dec.listed and dec.text[:5].lower() == "that ":
            # "RESOLVED: … (3) That a proposal be brought to the Board in March."
            # ("That the Director be asked to report …" is read below, for the
            # Director, when the attendance names the post.)
            task = subjunctive_task("Resolved t" + dec.text[1:])
            if task and task.split(" ", 1)[0] in _ASKS:
                task = None
        verb = task.split(" ", 1)[0].lower() if task else ""
        if verb in VERDICT_VERBS and verb != "hold":
            # "that the risk be increased to 16", "that the scheme be extended":
            # the verdict itself, carried out by deciding it.  ("that an event
            # be held" is someone's to arrange more often than not.)
            continue
        if task:
            d, owners, dw = parse_action_text(task, people)
            out.add(d, owners, out.due_of(dw, d), dec.line, "decision")
        elif (resolved := resolution_task(dec.text)) and (
            OFFICE.search(resolved[1]) or resolve_names([resolved[1]], people)[0] in people
        ):
            # An office ("the Clerk"), or a name the attendance gives.
            d, owners, dw = parse_action_text(resolved[0], people)
            owners = owners or resolve_names([resolved[1]], people)
            out.add(d, owners, out.due_of(dw, d), dec.line, "decision")
        elif dec.listed and dec.anchor in refs and not STATEMENT.search(dec.text):
            d, owners, dw = parse_action_text(dec.text, people)
            out.add(d, owners, out.due_of(dw, d), dec.line, "decision")
        else:
            # "It was agreed that Bob would write to the school": an attendee's task.
            m = _AGREED_THAT.search(dec.text)
            told = narrative_action(m.group("c"), people, roles) if m else None
            post = _post_would(m.group("c")) if m and not told else None
            if post:
                # "It was agreed that the Registrar would write to …": agreed
                # by the meeting, a post's task (and no decision, see
                # ``tasks_not_decisions``).
                d, _, dw = parse_action_text(post[1], people)
                told = d, [roles.get(role_key(post[0]), post[0])], dw
            if told:
                d, owners, dw = told
                out.add(d, owners, out.due_of(dw, d), dec.line, "decision")


_THE_LEAD = re.compile(r"(?i)^the\s+")


def _post_would(clause: str) -> tuple[str, str] | None:
    """ "the Registrar would write to …" → ("Registrar", "write to …"), when
    what opens the clause is a post (:func:`.action_narrative.is_post`)."""
    subject, would, task = clause.partition(" would ")
    if not would or not is_post(subject):
        return None
    return _THE_LEAD.sub("", subject), task


_ASKS = frozenset(("Ask", "Request", "Instruct", "Authorise", "Authorize", "Delegate", "Invite"))
_WOULD = re.compile(r"(?i)^(?:after\s+discussion,?\s+)?(?:it\s+was\s+)?agreed\s+that\s+")


def tasks_not_decisions(decisions: list[Decision], people: list[str]) -> list[Decision]:
    """``decisions`` less those that only set someone a task: "It was agreed
    that the Clerk would write to …" is the Clerk's action, not a decision of
    the meeting (while "It was agreed that the AGM would be held …" stays)."""
    kept = []
    for dec in decisions:
        m = _AGREED_THAT.search(dec.text) if _WOULD.match(dec.text) else None
        clause = m.group("c") if m else ""
        subject = clause.split(" would ", 1)[0] if " would " in clause else ""
        post = _post_would(clause) is not None
        named = subject and (
            OFFICE.fullmatch(_THE_LEAD.sub("", subject))
            or resolve_names([subject], people)[0] in people
        )
        # ("that the Company Secretary would refer …": a post's task, though
        # no attendee holds the post by that name.)
        if not ((named and narrative_action(clause, people)) or post):
            kept.append(dec)
    return kept


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
