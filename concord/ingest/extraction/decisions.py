"""What the meeting agreed, approved or resolved.

One walk over the lines, keeping the sentences where the meeting (not one
person) agreed, approved, resolved or endorsed, tidied and de-duplicated.
Decisions set out as a list are read by ``decision_lists.py``, motions
moved, seconded and carried by ``decision_motions.py``, an AGM's numbered
resolutions and votes told by their count by ``resolutions.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from concord.ingest.extraction import decision_lists, decision_motions, resolutions
from concord.ingest.extraction.decision_lists import SUBLIST
from concord.ingest.extraction.layout import Line, lines_holding, sentences

_IT_WAS_AGREED = re.compile(r"\bit\s+was\s+agreed\b", re.I)
_SPACED_ORDINAL = re.compile(r"(\d) (st|nd|rd|th)\b")
_LEAD_LABEL = re.compile(
    r"^(?:action|agreed|decision(?:\s+[A-Z#]?[\w.-]{0,8}\d[\w.-]{0,4})?|resolved|verdict|conclusion|"
    r"outcome)\s*[:\-–—]\s*",
    re.I,
)
_RESOLVED_THAT = re.compile(r"^resolved\s+(?=that\b)", re.I)
_LEAD_BULLET = re.compile(r"^(?:•\s*)")
_NOT_ALNUM = re.compile(r"[^a-z0-9]")
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
    # "Consensus: continue living with it", "Consensus that we …": a label.
    r"|^consensus\s*(?::|that\b)"
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
# A decision taken elsewhere or earlier, told here: "the revised policy was
# ratified by the Clinical Policies Group on 5 March", "These minutes were
# approved by the Board at its meeting on 9 March".
_DECIDED_ELSEWHERE = re.compile(
    r"\b(?i:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+ly\s+)?"
    r"(?i:agreed|approved|ratified|adopted|endorsed|resolved)\s+by\s+(?:the\s+)?"
    r"(?:[A-Z][\w&'-]*\s+){1,6}(?:at\s+its\s+(?:\w+\s+)?meeting\s+)?on\s+(?:[A-Z][a-z]+\s+)?\d"
)
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
    r"forum|council|cabinet|directors|partners|everyone|all|we|body|sub-?group|steering group|"
    r"senate|corporation|commission|authority|assembly|association|society|club|network)\b"
    r"(?:(?!\b(?:to|of|for|would|will|should|could|be)\b)[^.;:?]){0,60}?"
    r"\b(?:unanimously\s+|formally\s+)?(agreed|approved|resolved|endorsed|ratified|adopted|decided|"
    r"agrees|approves|resolves|endorses|adopts|decides|accepted|recommended|"
    r"voted\s+(?:unanimously\s+)?(?:to|in\s+favou?r|for|that)|voted\s+\w+(?:\s+\w+)?\s+as)\b",
    re.I,
)
_LABEL = re.compile(
    r"^(?:resolved|agreed|decision|decided|decisions?\s+made|it\s+was\s+resolved|verdict|"
    r"conclusion|outcome)\b\s*(?:[:\-–—]\s*|(?=that\b)|$)"
    # "Agreement that it's appropriate to …", "Decision for meeting format: …".
    r"|^agreement\s*(?::\s*|that\b)|^decision\s+(?:for|on|about|re)\b[^:]{1,50}:"
    # "Decision D-7.1: …", "Decision 12:": a numbered decision.
    r"|^decision\s+[A-Z#]?[\w.-]{0,8}\d[\w.-]{0,4}\s*:"
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
    r"|(?:^|,\s*)(?:the\s+)?minutes\b(?:[^.;]|(?<=\d)\.(?=\d)){0,80}?\b(?:were|was)\s+"
    r"(?:\w+\s+and\s+)?"
    r"(?:accepted|signed|confirmed)\b"
    # "These were moved as correct by A, seconded by B."
    r"|\b(?:were|was)\s+(?:moved|proposed|taken)\s+as\s+(?:a\s+)?(?:true|correct|accurate)\b",
    re.I,
)
# "The TSC voted to …": a body named by its acronym.
_ACRONYM_BODY = re.compile(
    r"^(?i:the)\s+[A-Z]{2,6}\s+(?i:(?:unanimously\s+)?(?:agreed|approved|resolved|endorsed|adopted|"
    r"accepted|decided|voted\s+(?:to|in\s+favou?r)))\b"
)
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
# Notes in headline style, the verb's auxiliary left out: "Agenda approved as
# circulated.", "Notes of 2 December agreed, no changes.", "Payments list
# approved (total £1,118.46).", "Report accepted and placed on file."
_HEADLINE = re.compile(
    r"^(?P<subject>(?:[\w'’&/-]+\s+){0,7}?[\w'’)/-]+)\s+(?:(?:unanimously|formally|duly)\s+)?"
    r"(?P<verb>approved|agreed|adopted|accepted|ratified|endorsed|signed(?:\s+off)?)"
    r"(?=\s*(?:$|[.,;:(]|(?:as|with|subject|by|and|unanimously|without|nem|in\s+full)\b))",
    re.I,
)
_HEADLINE_VERBS = ("approved", "agreed", "adopted", "accepted", "ratified", "endorsed", "signed")
# Who is told, not what: "Sue agreed.", "The Chair agreed, and …".
_PERSON_SUBJECT = re.compile(
    r"(?i)^(?:he|she|they|we|i|it|you|all|everyone|members?|"
    r"(?:the\s+)?(?:vice[- ]?)?(?:chair\w*|secretary|clerk|treasurer|president|convenor|mayor|"
    r"officer))$"
)
# A subject holding a verb of its own is a clause, not a headline: "AN asked
# if anything could be adopted", "To be signed by the Chair".
_CLAUSE_WORDS = re.compile(
    r"(?i)\b(?:to|be|been|being|is|are|was|were|has|have|had|will|would|could|should|can|may|might|must|"
    r"shall|if|that|which|who|whether|not|asked|said)\b"
)
_RECORD_NOUNS = re.compile(
    r"(?i)\b(?:agenda|minutes?|notes?|report|accounts?|budget|policy|plan|list|payments?|precept|proposal|"
    r"motion|recommendations?|application|statement|strategy|constitution|schedule|grants?|terms)\b"
)


def _headline(sentence: str) -> bool:
    """A note in headline style about a thing, not a person: "Agenda approved
    as circulated." (not "Sue agreed.")."""
    m = _HEADLINE.match(sentence)
    if not m:
        return False
    subject = m.group("subject")
    if _PERSON_SUBJECT.match(subject) or _CLAUSE_WORDS.search(subject):
        return False
    named = all(w[:1].isupper() or w.lower() == "and" for w in subject.split())
    return not named or bool(_RECORD_NOUNS.search(subject))


# An outcome with its subject left out: "Read and agreed, no changes."
_DONE_WITH = re.compile(
    r"(?i)^(?:read|received|considered|reviewed|discussed|checked)\s+and\s+"
    r"(?:agreed|approved|accepted|adopted|signed)\b"
)
# A topic, a dash and the meeting's verdict on it: "Lettings Policy - approved
# without amendment", "Accessibility Plan – deferred to the next meeting".
# An outcome alone: "Agreed unanimously.", "Supported in principle."
_BARE_OUTCOME = re.compile(
    r"(?i)^(?:agreed|approved|carried|adopted|accepted|supported|endorsed)"
    r"(?:\s+(?:unanimously|nem\.?\s*con\.?|by\s+all|with\s+acclamation|without\s+dissent|"
    r"in\s+principle|by\s+(?:a\s+)?(?:show\s+of\s+hands|majority)))?\s*[.!]?$"
)
# "President:  Ann Lee  - elected unopposed": an office and who was elected to it.
_ELECTED_TO = re.compile(r"(?i)^[^.;]{3,80}?\s[-–—]\s+(?:re-?)?elected\b")
_TOPIC_OUTCOME = re.compile(
    r"^[^.;:]{3,80}?\s[-–—]\s+(?:(?:unanimously|formally)\s+)?(?:approved|adopted|ratified|endorsed|"
    r"deferred|postponed|agreed(?!\s+to\b))\b",
    re.I,
)
_NUMBER = re.compile(r"^\(?(\d{1,3}(?:\.\d{1,3})*|\d{1,4}/\d{1,4})[.)]?\s+")


@dataclass
class Decision:
    """A decision, the line it came from and the paragraph number it sits under."""

    text: str
    line: int
    anchor: str | None
    listed: bool = False  # one bullet of an "It was agreed:" list


_DECISION_STEMS = (
    "agree", "approv", "resolv", "endors", "ratif", "adopt", "decid", "decision", "elect",
    "appoint", "passe", "carrie", "postpon", "deferr", "voted", "accept", "recommend",
    "verdict", "conclusion", "outcome",
)  # fmt: skip
# One compiled alternation: a generator of `in` tests per line was 5 % of
# extraction time on long minutes.
_HAS_STEM = re.compile("|".join(_DECISION_STEMS))


# "Signed: ........", "Date: ____": a blank left to fill in.
_BLANK_TO_FILL = re.compile(r"\.{4,}|…{2,}|_{3,}|:\s*_+")
# How these minutes were approved and published, after the meeting: "These
# minutes were approved on 4 April and are published for volunteers",
# "Posted 12 Feb by the Secretary · Approved by the Board on 11 Feb",
# "Minutes approved: (pending)", "approved by the Chair for circulation".
_FOR_PAYMENT = re.compile(
    r"(?i)\b(?:were|was|are|is)\s+(?:\w+\s+and\s+)?(?:approved|accepted|authori[sz]ed|agreed)\s+"
    r"for\s+payment\b"
)
_ABOUT_THESE_MINUTES = re.compile(
    r"(?i)^(?:posted\b|these\s+minutes\b)|\bminutes\b.*\b(?:are|and|once|were)\s+published\b"
    r"|\bminutes\s+approved\s*:?\s*\(?pending\b|\blast\s+edited\b"
    # "Minutes approved by the Chair for circulation: 29 September 2016."
    r"|\bapproved\s+(?:by\s+the\s+\w+\s+)?for\s+(?:circulation|publication|issue)\b"
)


_NO_DECISION = re.compile(
    r"(?i)\b(?:no\s+(?:decision|date|change|agreement|\w+)\s+(?:was|were|has\s+been|had\s+been)\s+"
    r"(?:taken|made|reached|agreed|decided|set)|nothing\s+(?:was\s+|has\s+been\s+)?"
    r"(?:decided|agreed|resolved))\b"
)
_DECIDED_BEFORE = re.compile(
    r"(?i)\b(?:has|have|had)\s+(?:\w+\s+)?(?:(?:reviewed|considered|discussed)\b[^.;]{0,80}?\band\s+)?"
    r"(?:approved|agreed|decided|resolved|recommended|endorsed|adopted|ratified)\b"
)


def is_decision(sentence: str) -> bool:
    """Does this sentence record something the meeting agreed?

    >>> is_decision("The minutes were agreed as a true record.")
    True
    >>> is_decision("Sue agreed to send the report.")
    False
    >>> is_decision("The plan will be approved in May.")
    False
    >>> is_decision("The policy was ratified by the Policies Group on 5 March.")
    False
    >>> is_decision("Signed as a true record: ..........")
    False
    >>> is_decision("These minutes were approved on 4 April 2024 and are published here.")
    False
    >>> is_decision("Accounts were presented and accepted for payment.")
    True
    >>> is_decision("The Board voted unanimously to buy a new printer.")
    True
    >>> is_decision("Consensus: continue living with the noise.")
    True
    """
    s = sentence.strip()
    if s.endswith("?") or (("...." in s or "……" in s or "_" in s) and _BLANK_TO_FILL.search(s)):
        # A question; "Signed as a true record: ........": a line left to sign.
        return False
    low = s.lower()
    if ("minutes" in low or "posted" in low) and _ABOUT_THESE_MINUTES.search(s):
        return False
    if (
        "accept" in low or " as " in low or "signed" in low or "confirmed" in low
    ) and _AS_RECORD.search(s):
        return True
    if any(v in low for v in _HEADLINE_VERBS) and _headline(s):
        return True
    if "for payment" in low and _FOR_PAYMENT.search(s):
        # "Accounts were presented and accepted for payment."
        return True
    if not _HAS_STEM.search(low):
        # Every rule below needs one of these words: skip the costly patterns.
        # (A consensus, or how often the body will meet, needs none of them.)
        return any(c in low for c in _OTHER_CUES) and bool(
            _CONSENSUS.search(s) or _MEETS_EVERY.search(s)
        )
    if _PROPOSAL.match(s) and not _VOTED.search(s):
        return False
    if ("no " in low or "nothing" in low) and _NO_DECISION.search(s):
        # "… and in the end nothing was decided", "no decision was taken".
        return False
    if ("has " in low or "had " in low or "have " in low) and _DECIDED_BEFORE.search(s):
        # "Mr Fale explained the Board of Trustees has approved the project",
        # "The Finance Committee had reviewed … and recommended them": a
        # decision reported, taken before or elsewhere.
        return False
    if " by " in low and _DECIDED_ELSEWHERE.search(s):
        return False
    if _LABEL.match(s) or _TOPIC_OUTCOME.match(s) or _ELECTED_TO.match(s):
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
    if "second" in text.lower() or "2nd" in text:
        text = decision_motions.plain_wording(text)
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
            if pos >= 0 and not _headline(title):
                # The title is no decision ("1. Agenda approved as circulated." is).
                text = text[pos + len(title) :].lstrip(" :–—-.")
        if text[:1] == "(" or text[:1].isdigit():
            text = _NUMBER.sub("", text)
        if text[:1] == "(" or text[1:2] == ")":
            # A lettered sub-paragraph: "(b) RESOLVED to approve …".
            text = SUBLIST.sub("", text)
        resolved = decision_lists.resolved_list(lines, i, text)
        if resolved:
            parts, i = resolved
            out.extend(Decision(clean_decision(said), j, anchor, True) for j, said in parts)
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
        told = (
            decision_lists.outcome_told(lines, i, text)
            if i > 0 and (stem or "accepted" in low)
            else None
        )
        if told:
            out.append(Decision(clean_decision(told), i, anchor))
            i += 1
            continue
        in_motion: set[str] = set()
        if low[:10] in _MOTION_OPENS and decision_motions.outcome_alone(text):
            # "Brynn motioned to approve the budget. Jordan seconded." / debate /
            # "The motion passed 3-0.": the outcome decides what was moved; with
            # no motion found above it, it says nothing decided.
            above = decision_motions.motion_before(lines, i, text)
            if above:
                out.append(Decision(clean_decision(above), i, anchor))
            i += 1
            continue
        if decision_motions.may_hold(low):
            moved, in_motion, last = decision_motions.motions_at(lines, i, text)
            out.extend(Decision(clean_decision(m), i, anchor) for m in moved)
            if last > i:
                i = last + 1
                continue
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
        for sent in decision_lists.split_resolutions(text):
            sents = sentences(sent)
            for k, s in enumerate(sents):
                if k > 0 and s not in in_motion and _BARE_OUTCOME.match(s):
                    # "Kilvenny Toddlers - £250 for a play mat. Agreed unanimously.":
                    # what was agreed is the sentence before.
                    s = f"{sents[k - 1].rstrip()} {s}"
                elif s in in_motion or not is_decision(s):
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
                listed = decision_lists.listed_under(lines, i, s)
                if listed is not None:
                    out.extend(Decision(clean_decision(t), n, anchor, b) for n, t, b in listed)
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


# How an outcome alone opens (its first ten characters, lower case).
_MOTION_OPENS = frozenset(("the motion", "motion pas", "motion car", "motion was", "motion app"))
_ELECTED = re.compile(
    r"\b(?:was|were|being)\s+(?:\w+\s+){0,4}?(?:re-?elected|elected|appointed|co-?opted)\b|"
    r"^(?:the\s+)?(?:minutes|motion|resolution|agenda)\b(?:[^.;]|\.(?=\d)){0,80}?\b(?:passed|carried)\b|"
    # "PLAN date set for 7 November, vote passes unanimously" (what was voted first).
    r"^\w.{8,}?\s(?:vote|motion)\s+(?:passes|passed|carries|carried)\b",
    re.I,
)


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
