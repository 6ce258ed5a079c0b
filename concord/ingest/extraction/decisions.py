"""What the meeting agreed, approved or resolved."""

from __future__ import annotations

import re
from dataclasses import dataclass

from concord.ingest.extraction import resolutions
from concord.ingest.extraction.layout import Line, lines_holding, sentences

_IT_WAS_AGREED = re.compile(r"\bit\s+was\s+agreed\b", re.I)
_SPACED_ORDINAL = re.compile(r"(\d) (st|nd|rd|th)\b")
_LEAD_LABEL = re.compile(r"^(?:action|agreed|decision|resolved)\s*[:\-–—]\s*", re.I)
_RESOLVED_THAT = re.compile(r"^resolved\s+(?=that\b)", re.I)
_LEAD_BULLET = re.compile(r"^(?:•\s*)")
# "RESOLVED:" or "RESOLVED – That" over its numbered parts "(i) …; (ii) …".
_LIST_LABEL = re.compile(
    r"^(?:resolved|agreed|decisions?)\s*[:\-–—]?\s*(?P<that>that\s*[:\-–—]?\s*)?$", re.I
)
_NOT_ALNUM = re.compile(r"[^a-z0-9]")
_RESOLVED_OR_AGREED = re.compile(r"^(resolved|agreed)\b", re.I)
_RESOLUTION_SEP = re.compile(r"\s*(?:;\s*(?:and\s+)?)?\(\s*(?:\d{1,2}|[a-h]|[ivx]{1,4})\s*\)\s*")
# "had been adopted" is background told in the past perfect, not this meeting's act.
_PASSIVE = re.compile(
    r"(?<!\bhad )\b(?:it\s+(?:was|is|has\s+been)|was|were|are|is|been|be)\s+"
    r"(?:(?:unanimously|formally|duly|also|generally|again|further|therefore|then|finally|subsequently|"
    r"[a-z]{3,}ly)\s+|"
    r"(?:reviewed|considered|discussed|amended)\s+and\s+)?"
    r"(agreed|approved|resolved|endorsed|ratified|adopted|decided|postponed|deferred)\b",
    re.I,
)
# "There was a consensus that …", "The group will meet every six weeks",
# "The statement was read out and responses agreed."
# Cue words of the decisions told without a decision stem (consensus, meeting times).
_OTHER_CUES = ("consensus", " meet ")
_CONSENSUS = re.compile(
    r"(?i)\b(?:there\s+was\s+(?:a\s+|general\s+|broad\s+)?consensus|consensus\s+was\s+reached|"
    r"it\s+was\s+the\s+consensus|(?:the\s+)?consensus\s+was\s+(?:to|that))\b"
)
_MEETS_EVERY = re.compile(
    r"(?i)\b(?:will|would|shall)\s+(?:now\s+|in\s+future\s+|continue\s+to\s+)?meet\s+"
    r"(?:every\s+\w+\s+(?:weeks?|months?)|every\s+(?:week|month)|monthly|quarterly|bi-?monthly|"
    r"fortnightly|weekly|annually|twice\s+a\s+year)"
)
_ELLIPTIC = re.compile(
    r"(?i)\b(?:was|were)\s+[a-z]+(?:\s+[a-z]+)?\s+and\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?\s+"
    r"(?:agreed|approved|adopted|endorsed|accepted)\s*\.?$"
)
# "Proposed: That …" is a motion put, not yet a decision (its outcome follows).
_PROPOSAL = re.compile(r"^(?:proposed|proposal|motion|moved)\s*[:\-–—]", re.I)
_VOTED = re.compile(r"\b(?:carried|passed|unanimous(?:ly)?)\b", re.I)
# One office holder who "agreed to" do something undertook a task.
_OFFICE_AGREED_TO = re.compile(
    r"^(?:the\s+)?(?:vice[- ]?)?(?:chair(?:man|person|woman)?|secretary|clerk|treasurer|president|"
    r"convenor)\b[^.;]*\bagreed\s+to\b",
    re.I,
)
_NOT_YET = re.compile(
    r"\b(?:to|will|would|should|may|must|could|can|might|not|yet\s+to)\s+(?:be|have\s+been)\s+"
    r"(?:\w+\s+)?(?:agreed|approved|resolved|endorsed|ratified|adopted|decided)\b|\bbeing\s+(?:agreed|approved)\b",
    re.I,
)
_COLLECTIVE = re.compile(
    r"\b(?:group|board|committee|members|partnership|executive|meeting|governors|trustees|panel|"
    r"forum|council|cabinet|directors|partners|everyone|all|we|body|sub-?group|steering group)\b"
    r"(?:(?!\b(?:to|of|for|would|will|should|could|be)\b)[^.;:?]){0,60}?"
    r"\b(?:unanimously\s+|formally\s+)?(agreed|approved|resolved|endorsed|ratified|adopted|decided|"
    r"agrees|approves|resolves|endorses|adopts|decides|voted\s+(?:to|in\s+favou?r))\b",
    re.I,
)
_LABEL = re.compile(
    r"^(?:resolved|agreed|decision|decided|decisions?\s+made|it\s+was\s+resolved)\b\s*(?:[:\-–—]\s*|(?=that\b)|$)"
    # Notes with the subject left out: "Agreed to hold the fair in June."
    r"|^(?:agreed|decided|resolved)\s+(?:unanimously\s+)?to\s+[a-z]",
    re.I,
)
# The minutes' own approval with the subject left out ("Accepted as a true
# record.", "Approved as a correct record") or told with "accepted".
_AS_RECORD = re.compile(
    r"^(?:(?:were|was)\s+)?(?:\w+\s+and\s+)?(?:approved|accepted|agreed|adopted|signed|confirmed)\s+"
    r"(?:\w+\s+)?as\s+(?:a\s+|an\s+)?(?:true|correct|accurate|fair)\b"
    # "On the proposal of A, seconded by B, the minutes of … were confirmed."
    r"|(?:^|,\s*)(?:the\s+)?minutes\b[^.;]{0,80}?\b(?:were|was)\s+(?:\w+\s+and\s+)?"
    r"(?:accepted|signed|confirmed)\b"
    # "These were moved as correct by A, seconded by B."
    r"|\b(?:were|was)\s+(?:moved|proposed|taken)\s+as\s+(?:a\s+)?(?:true|correct|accurate)\b",
    re.I,
)
# "The TSC voted to …": a body named by its acronym.
_ACRONYM_BODY = re.compile(
    r"^(?i:the)\s+[A-Z]{2,6}\s+(?i:(?:unanimously\s+)?(?:agreed|approved|resolved|endorsed|adopted|"
    r"decided|voted\s+(?:to|in\s+favou?r)))\b"
)
_BARE_HEADER = re.compile(
    r"^(?:(?:after|following)\s+(?:some\s+|further\s+)?discussion,?\s+)?(?:it\s+was\s+|members\s+|the\s+\w+\s+)?"
    r"(?:agreed|resolved|decided|approved)(?:\s+that)?\s*:?$",
    re.I,
)
_REFERS_BACK = re.compile(
    r"(?i)\b(?:moved|proposed)\s+(?:that\s+)?(?:the\s+above|the\s+same|this|these)\b"
)
_TOTAL = re.compile(r"(?i)^(?:grand\s+)?total\b[^.]{0,40}[£$€]\s?\d")
_RECORD_CUES = re.compile(r"signed|as (?:a )?(?:true|correct|accurate)")
# A decision told with a pronoun ("These were moved as correct …", "This
# suggestion was approved") or with no object ("The board agrees, and …").
_TOLD_BEFORE = re.compile(
    r"^(?:it\s+(?:was|is)\s+(?:\w+\s+)?(?:approved|accepted|adopted|endorsed|carried)\b"
    r"|(?:this|these|those|that|they)(?:\s+(?:suggestion|proposal|recommendation|request|"
    r"idea|change|amendment|motion|report|plan|approach|option)s?)?\s+(?:was|were|is|are)\s+"
    r"(?!(?:agreed|decided|resolved)\s+(?:that|to)\b)"
    r"|(?:the\s+)?(?:board|committee|group|meeting|panel|council|members|trustees)\s+"
    r"(?:agrees|agreed|approves|approved|concurs|concurred)\s*(?:[,.;]|$))",
    re.I,
)
# An outcome with its subject left out: "Read and agreed, no changes."
_DONE_WITH = re.compile(
    r"(?i)^(?:read|received|considered|reviewed|discussed|checked)\s+and\s+"
    r"(?:agreed|approved|accepted|adopted|signed)\b"
)
# A topic, a dash and the meeting's verdict on it: "Lettings Policy - approved
# without amendment", "Accessibility Plan – deferred to the next meeting".
_TOPIC_OUTCOME = re.compile(
    r"^[^.;:]{3,80}?\s[-–—]\s+(?:(?:unanimously|formally)\s+)?(?:approved|adopted|ratified|endorsed|"
    r"deferred|postponed|agreed(?!\s+to\b))\b",
    re.I,
)
_NUMBER = re.compile(r"^\(?(\d{1,3}(?:\.\d{1,3})*|\d{1,4}/\d{1,4})[.)]?\s+")
_SUBLIST = re.compile(r"^(?:\(?[a-z]\)|\(?[ivx]{1,4}\)|\(\d{1,2}\)|\d{1,2}[.)])\s+", re.I)


@dataclass
class Decision:
    """A decision, the line it came from and the paragraph number it sits under."""

    text: str
    line: int
    anchor: str | None
    listed: bool = False  # one bullet of an "It was agreed:" list


_DECISION_STEMS = (
    "agree", "approv", "resolv", "endors", "ratif", "adopt", "decid", "decision", "elect",
    "appoint", "passed", "carried", "postpon", "deferr", "voted",
)  # fmt: skip
# One compiled alternation: a generator of `in` tests per line was 5 % of
# extraction time on long minutes.
_HAS_STEM = re.compile("|".join(_DECISION_STEMS))


def is_decision(sentence: str) -> bool:
    """Does this sentence record something the meeting agreed?

    >>> is_decision("The minutes were agreed as a true record.")
    True
    >>> is_decision("Sue agreed to send the report.")
    False
    >>> is_decision("The plan will be approved in May.")
    False
    """
    s = sentence.strip()
    if s.endswith("?"):
        return False
    low = s.lower()
    if (
        "accept" in low or " as " in low or "signed" in low or "confirmed" in low
    ) and _AS_RECORD.search(s):
        return True
    if not _HAS_STEM.search(low):
        # Every rule below needs one of these words: skip the costly patterns.
        # (A consensus, or how often the body will meet, needs none of them.)
        return any(c in low for c in _OTHER_CUES) and bool(
            _CONSENSUS.search(s) or _MEETS_EVERY.search(s)
        )
    if _PROPOSAL.match(s) and not _VOTED.search(s):
        return False
    if _LABEL.match(s) or _TOPIC_OUTCOME.match(s):
        return True
    if _OFFICE_AGREED_TO.match(s) and not _PASSIVE.search(s):
        return False
    if _NOT_YET.search(s) and not _IT_WAS_AGREED.search(s):
        return False
    return bool(
        _PASSIVE.search(s)
        or _DONE_WITH.match(s)
        or _COLLECTIVE.search(s)
        or _ELECTED.search(s)
        or _ELLIPTIC.search(s)
        or _ACRONYM_BODY.match(s)
    )


def clean_decision(text: str) -> str:
    """Tidy a decision: drop labels and numbers, keep the wording.

    >>> clean_decision("4.5. Agreed: The plan was approved")
    'The plan was approved.'
    """
    text = text.strip()
    if " st" in text or " nd" in text or " rd" in text or " th" in text:
        text = _SPACED_ORDINAL.sub(r"\1\2", text)
    for _ in range(3):
        before = text
        text = _NUMBER.sub("", text)
        text = _LEAD_LABEL.sub("", text)
        text = _RESOLVED_THAT.sub("", text)
        text = _LEAD_BULLET.sub("", text)
        if text == before:
            break
    text = text.strip()
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    if text and text[-1] not in ".!?":
        text = text.rstrip(":;,") + "."
    return text


def extract_decisions(
    lines: list[Line], skip: set[int], item_starts: dict[int, str], skip_cols: dict[int, set[int]]
) -> list[Decision]:
    """Decisions in document order (``item_starts``: line index → item title)."""
    out: list[Decision] = []
    anchor: str | None = None
    title, title_line = "", -9
    # The lines holding a decision stem, found in one pass over the document.
    with_stem = lines_holding(lines, _DECISION_STEMS)
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.block in skip or (
            line.col is not None and line.col in skip_cols.get(line.block, set())
        ):
            i += 1
            continue
        text = line.bare.strip()
        numbered = text[:1] == "(" or text[:1].isdigit()
        m = _NUMBER.match(text) if numbered else None
        if m and not line.bullet:
            anchor = m.group(1)
        if i in item_starts:
            title, title_line = item_starts[i], i
            pos = text.find(title)
            if pos >= 0:
                text = text[pos + len(title) :].lstrip(" :–—-.")
        if text[:1] == "(" or text[:1].isdigit():
            text = _NUMBER.sub("", text)
        if text[:1] == "(" or text[1:2] == ")":
            # A lettered sub-paragraph: "(b) RESOLVED to approve …".
            text = _SUBLIST.sub("", text)
        label = _LIST_LABEL.match(text) if text[:1] in "rRaAdD" else None
        if label:
            that = "That " if label.group("that") else ""
            j = i + 1
            while j < len(lines) and (
                lines[j].bullet
                or _SUBLIST.match(lines[j].text)
                or lines[j].text.lower().startswith("that ")
            ):
                out.append(
                    Decision(
                        clean_decision(that + _SUBLIST.sub("", lines[j].bare).rstrip(" ;")),
                        j,
                        anchor,
                        True,
                    )
                )
                j += 1
            i = j
            continue
        if text[:1] in "NnSsOo" and _RESPONSE.match(text):
            told = _planning_response(lines, i, text)
            if told:
                out.append(Decision(told, i, anchor))
                i += 1
                continue
        low = text.lower()
        if low[:5] == "vote " and resolutions.may_tally(low):
            # "Vote on keeping the hut: 6 for, 1 against — it stays."
            told = resolutions.carried_by_count(text)
            if told:
                out.append(Decision(told, i, anchor))
                i += 1
                continue
        if low[:1] in "roes" and resolutions.may_hold(low):
            told = resolutions.numbered_resolution(text)
            if told:
                out.append(Decision(told, i, anchor))
                i += 1
                continue
        # Every outcome word but "accepted" holds a decision stem: one search
        # of the stems rules out most lines for both tests.
        stem = _HAS_STEM.search(low) if i in with_stem else None
        outcome = (
            (_OUTCOME_ONLY.match(text) or _OUTCOME_TAIL.search(text))
            if i > 0 and (stem or "accepted" in low) and _OUTCOME_WORDS.search(low)
            else None
        )
        if outcome:
            cut = outcome.start() if outcome.re is _OUTCOME_TAIL else 0
            told = _outcome_of(lines, i, text, cut)
            if told:
                out.append(Decision(clean_decision(told), i, anchor))
                i += 1
                continue
        in_motion: set[str] = set()
        if "moved" in low or "motion" in low or "proposed" in low:
            sents = sentences(text)
            found = motions(sents)
            goes_on = not found and bool(sents) and bool(_MOVED.search(sents[0]))
            last = _vote_below(lines, i, sents) if goes_on else i
            if last > i:
                # The motion on this line, its vote and outcome on the lines below.
                below = [lines[n].bare.strip() for n in range(i + 1, last + 1)]
                said = sentences(" ".join([text, *below]))
                found = motions(said)
                if found:
                    out.extend(Decision(clean_decision(m), i, anchor) for m, _ in found if m)
                i = last + 1
                continue
            for motion, parts in found:
                in_motion.update(parts)
                if not motion:
                    continue
                if parts[0] == sents[0] and i > 0 and _REFERS_BACK.search(parts[0]):
                    # "Ann moved the above be adopted. Bo seconded. Carried.": what
                    # was moved is the line before.
                    motion = f"{lines[i - 1].bare.strip()} {motion}"
                out.append(Decision(clean_decision(motion), i, anchor))
        if (
            not stem
            and not any(c in low for c in _OTHER_CUES)
            and "accept" not in low
            and "signed" not in low
            and "minutes" not in low
            and ("as " not in low or not _RECORD_CUES.search(low))
        ):
            i += 1
            continue
        for sent in _split_resolutions(text):
            sents = sentences(sent)
            for k, s in enumerate(sents):
                if s in in_motion or not is_decision(s):
                    continue
                if ";" in s and _TOPIC_OUTCOME.match(s):
                    # "Plan – deferred to May; the Head to redraft it": the
                    # verdict, not the task after it.
                    s = s.split(";", 1)[0]
                if k == 0 and _DONE_WITH.match(s):
                    # "Last meeting's notes" / "Read and agreed, no changes.":
                    # what was agreed is the heading above.
                    above = lines[i - 1].bare.strip() if i > 0 else ""
                    if title and i - title_line <= 1:
                        s = f"{title.rstrip(' .:')}: {s}"
                    elif above and len(above.split()) <= 8 and above[-1:] not in ".;,":
                        s = f"{above.rstrip(' :')}: {s}"
                elif s[:1] in "TtIi" and _TOLD_BEFORE.match(s):
                    # "This suggestion was approved": what was approved is the
                    # sentence before, or the title of the item it opens.
                    if k > 0:
                        s = f"{sents[k - 1].rstrip()} {s}"
                    elif title and i - title_line <= 1:
                        s = f"{title.rstrip(' .:')}: {s}"
                if s.rstrip().endswith(":") or (
                    _BARE_HEADER.match(s.strip()) and i + 1 < len(lines) and lines[i + 1].bullet
                ):
                    bullets = _following_bullets(lines, i)
                    if _BARE_HEADER.match(s.strip()):
                        for n, b in bullets:
                            out.append(Decision(clean_decision(b.bare), n, anchor, True))
                    elif bullets:
                        after = bullets[-1][0] + 1
                        total = lines[after].bare.strip() if after < len(lines) else ""
                        if _TOTAL.match(total):
                            # "The following payments were approved:" • … • "TOTAL £6,393":
                            # what was approved is the list, summed up by its total.
                            listed = total
                        else:
                            listed = "; ".join(b.bare.rstrip(".;") for _, b in bullets)
                        joined = s.rstrip(": ") + ": " + listed
                        out.append(Decision(clean_decision(joined), i, anchor))
                    else:
                        out.append(Decision(clean_decision(s), i, anchor))
                    continue
                out.append(Decision(clean_decision(s), i, anchor))
        i += 1
    seen: set[str] = set()
    unique = []
    for d in out:
        key = _NOT_ALNUM.sub("", d.text.lower())
        if len(d.text.split()) < 3 or key in seen:
            continue
        seen.add(key)
        unique.append(d)
    return unique


_OUTCOME_ONLY = re.compile(
    r"^(?:(?:was|were)\s+)?(?:unanimously\s+)?(?:approved|agreed|carried|adopted|accepted|passed)"
    r"(?:\s+unanimously)?\.?$",
    re.I,
)
_OUTCOME_WORDS = re.compile(r"approved|agreed|carried|adopted|accepted|passed")
_OUTCOME_TAIL = re.compile(
    r",\s*(?:(?:was|were)\s+)?(?:unanimously\s+)?(?:approved|agreed|carried|adopted|accepted|passed)\.?$",
    re.I,
)
_ELECTED = re.compile(
    r"\b(?:was|were|being)\s+(?:\w+\s+){0,4}?(?:re-?elected|elected|appointed|co-?opted)\b|"
    r"^(?:the\s+)?(?:minutes|motion|resolution|agenda)\b[^.;]{0,60}?\b(?:passed|carried)\b",
    re.I,
)


def _outcome_of(lines: list[Line], i: int, text: str, cut: int) -> str | None:
    """What a bare "Approved" (or "…, approved") line approves.

    Under a bullet ("• Workplan" / "As presented, approved") it is that
    bullet; as the last bullet of a list it is the list's lead-in and its
    bullets ("Officer slate:" • A • B • Approved).
    """
    prev = lines[i - 1]
    if lines[i].bullet and _OUTCOME_ONLY.match(text):
        j = i - 1
        items: list[str] = []
        while j >= 0 and lines[j].bullet and not lines[j].bare.rstrip().endswith(":"):
            items.insert(0, lines[j].bare.strip(" .;"))
            j -= 1
        if j >= 0 and lines[j].bare.rstrip().endswith(":") and items:
            return f"{lines[j].bare.strip().rstrip(':')}: {'; '.join(items)} – {text.strip(' .')}"
        return None
    if cut and prev.bullet and not lines[i].bullet:
        return f"{prev.bare.strip(' .:')}, {text.strip()}"
    if not cut and not lines[i].bullet and prev.bullet:
        return f"{prev.bare.strip(' .:')} {text.strip().lower()}"
    return None


_MOVED = re.compile(r"\b(?:moved|motion|proposed)\b", re.I)
# "Motion by A, second by B, to approve …": the motion says what it moves.
_STATES = re.compile(r",\s+(?:to\s+[a-z]{3,}|that\s)")
_MOVED_BY = re.compile(r"\b(?:moved|proposed)\b", re.I)
_MOVED_BY_ONLY = re.compile(
    r"^\W*(?i:moved|proposed|motion)\s*(?:(?i:by)\b|:|(?=(?i:cllr|councillor|mr|mrs|ms|dr)\b|[A-Z]))"
)
_SECONDED = re.compile(r"\b(?:seconded|2nd|second(?=\s+by\b))\b", re.I)
_CARRIED = re.compile(
    r"\b(?:carried|unanimous(?:ly)?|passed|agreed|approved|accepted|adopted|in\s+favou?r|"
    r"all\s+in\s+favou?r|no\s+objections?)\b",
    re.I,
)


def motions(sents: list[str]) -> list[tuple[str, list[str]]]:
    """Motions moved, seconded and carried, told over up to three sentences.

    A motion with no recorded vote (or only moved) is not a decision; a
    motion to adjourn is returned with empty text (told, deciding nothing).

    >>> [m for m, _ in motions(["Ann moved the report be accepted.", "Bo seconded.", "Carried."])]
    ['Ann moved the report be accepted. Bo seconded. Carried.']
    >>> motions(["A motion to adjourn was made by Ann and 2nd by Bo."])
    []
    >>> [m for m, _ in motions(["Bo moved, seconded by Ann, to adopt it.", "Motion carried."])]
    ['Bo moved, seconded by Ann, to adopt it. Motion carried.']
    >>> said = ["The report was accepted.", "Moved by Ann, seconded by Bo. Carried."]
    >>> [m for m, _ in motions(said)]
    ['The report was accepted. Moved by Ann, seconded by Bo. Carried.']
    """
    out: list[tuple[str, list[str]]] = []
    k = 0
    while k < len(sents):
        if not _MOVED.search(sents[k]):
            k += 1
            continue
        group = [sents[k]]
        j = k + 1
        seconded = bool(_SECONDED.search(sents[k]))
        carried = seconded and bool(_CARRIED.search(_SECONDED.split(sents[k], 1)[-1]))
        tallies = 0
        while j < len(sents) and j <= k + 2 + tallies and not carried:
            nxt = sents[j]
            if seconded and _TALLY.match(nxt):
                # "Roll call vote: Ayes - …", "Nays - …": the vote, before its outcome.
                group.append(nxt)
                tallies += 1
                j += 1
                continue
            # "Motion carried." tells this motion's outcome; "Bo moved …" opens another.
            outcome = seconded and _CARRIED.search(nxt) and not _MOVED_BY.search(nxt)
            if _MOVED.search(nxt) and not _SECONDED.search(nxt) and not outcome:
                break
            if _SECONDED.search(nxt):
                seconded = True
                group.append(nxt)
                carried = bool(_CARRIED.search(_SECONDED.split(nxt, 1)[-1]))
            elif seconded and _CARRIED.search(nxt) and len(nxt.split()) <= _outcome_words(nxt):
                group.append(nxt)
                carried = True
            else:
                break
            j += 1
        if seconded and carried and _ADJOURN.search(sents[k]):
            out.append(("", group))  # told, but it decides nothing
            k = j
        elif seconded and carried:
            told = out and sents[k - 1] in out[-1][1]
            moved_by = k > 0 and _MOVED_BY_ONLY.match(sents[k])
            if moved_by and not told and not _STATES.search(sents[k]):
                # "The minutes were accepted. Moved by Ann, seconded by Bo.
                # Carried.": the sentence before says what was moved.
                group.insert(0, sents[k - 1])
            out.append((" ".join(g.strip() for g in group), group))
            k = j
        else:
            k += 1
    return out


def _vote_below(lines: list[Line], i: int, sents: list[str]) -> int:
    """The last line of a motion that starts on line ``i`` and goes on below:
    its wording wrapped onto the next lines, then its vote ("Roll call vote:
    …", "Nays - …") and outcome ("Motion carried 5-1.") on lines of their
    own; ``i`` when it does not go on."""
    j = i
    told = list(sents)
    while not _ENDS.search(told[-1]) and j + 1 < len(lines) and j < i + 3:
        # A motion wrapped onto the next lines (text kept as it was typed).
        j += 1
        told = sentences(" ".join([*told, lines[j].bare.strip()]))
        if motions(told):
            return j
    if not (_MOVED.search(told[0]) and any(_SECONDED.search(t) for t in told)):
        return i
    last = j
    j += 1
    while j < len(lines) and j <= last + 3:
        nxt = lines[j].bare.strip()
        outcome = _CARRIED.search(nxt) or _FAILED.search(nxt)
        if _TALLY.match(nxt) and not outcome:
            j += 1
            continue
        if outcome and not _MOVED_BY.search(nxt) and len(nxt.split()) <= 25:
            first = sentences(nxt)[0] if nxt else ""
            if _TALLY.match(nxt) or len(first.split()) <= _outcome_words(first):
                return j
        break
    return i


_ENDS = re.compile(r"[.!?]\W*$")
_FAILED = re.compile(r"(?i)\bmotion\s+(?:failed|lost|defeated)\b")
_VOTE_WORDS = re.compile(r"\b(?:motion|vote|voted|votes)\b", re.I)
# A vote told name by name or by counts between a motion and its outcome:
# "Roll call vote: Ayes - A, B.", "Nays - C.", "For: 5, Against: 1".
_TALLY = re.compile(
    r"^(?:(?:roll[- ]call|recorded|division)\s+(?:vote|division)\b|votes?\s*:|"
    r"(?:ayes?|yeas?|nays?|noes|abstain(?:ed|ing|s)?|abstentions?|for|against)\s*(?:[:\-–—(]|\d|$))",
    re.I,
)
# A motion to adjourn ends the meeting; it decides nothing.
_ADJOURN = re.compile(r"(?i)\bto\s+adjourn\b(?!\s+(?:the\s+)?(?:item|debate|consideration))")


def _outcome_words(sentence: str) -> int:
    """How long a motion's outcome may run: longer when it tells the vote
    ("A unanimous vote in favour of the motion took place, and the motion was carried.")."""
    return 20 if _VOTE_WORDS.search(sentence) else 12


# A council's response to a planning application, on the line under it.
_RESPONSE = re.compile(
    r"^(?:no\s+(?:objections?|observations?|comments?)|(?:support|object)(?:s|ed)?\b"
    r"(?!\s+\w+\s+\w+\s+\w+))",
    re.I,
)
# "E/40556", "23/01234/FUL", "Application 24/0012": a planning reference.
_APPLICATION = re.compile(
    r"^(?:(?:planning\s+)?applications?\s*(?:no\.?\s*)?:?\s*)?"
    r"(?:(?:[A-Z]{1,4}/)?\d{2,}(?:/[\dA-Z]+)+|[A-Z]{1,4}/\d{3,})\b",
    re.I,
)


def _planning_response(lines: list[Line], i: int, response: str) -> str | None:
    """ "E/40556 / Proposed extension / Ty Isaf / NO OBJECTIONS": the council's
    response to the application listed above it, as one decision."""
    for j in range(i - 1, max(-1, i - 10), -1):
        head = lines[j].bare.strip()
        if _APPLICATION.match(head):
            block = [lines[k].bare.strip(" .,;") for k in range(j, i)]
            said = response.strip().rstrip(".")
            if said.isupper():
                said = said.lower()
            return clean_decision(", ".join(b for b in block if b) + ": " + said)
        if lines[j].bullet or _RESPONSE.match(head):
            return None
    return None


def _following_bullets(lines: list[Line], i: int) -> list[tuple[int, Line]]:
    """Bullet lines after line ``i``, stepping over other table columns."""
    out = []
    col = lines[i].col
    j = i + 1
    while j < len(lines):
        ln = lines[j]
        if ln.bullet:
            out.append((j, ln))
        elif not (col is not None and ln.col is not None and ln.col != col):
            break
        j += 1
    return out


def _split_resolutions(text: str) -> list[str]:
    """ "RESOLVED: (1) that …; (2) that …" → one text per resolution."""
    if not _RESOLVED_OR_AGREED.match(text):
        return [text]
    parts = _RESOLUTION_SEP.split(text)
    rest = [p for p in parts[1:] if p.strip()]
    if not rest:
        return [text]
    return ["Resolved: " + p.strip(" ;") for p in rest]
