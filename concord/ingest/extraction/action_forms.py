"""Tasks written without an owner: "X to be done", "Need to …".

Note-style minutes often record a task in the passive ("Letter to be sent
to the council", "Schedule for next term to be planned over the
holidays") or as a bare need ("Need to book the hall for May").  Both are
actions with no owner; the wording is turned into an imperative.
"""

from __future__ import annotations

import re

from concord.ingest.extraction.action_text import base_verb

_NOT_NP = (
    r"would|should|will|could|must|may|might|have|has|had|is|are|was|were|be|been|continues?|"
    r"continued|needs?|needed|expected|likely|due|going|seems?|appears?|hopes?|hoped|wants?|"
    r"wish(?:es)?|asked|agreed|decided|yet|still|remains?|ought|required|about|not|"
    r"it|this|that|there|these|those|which|what|who|he|she|they|we|i|nothing|anything|to"
)
_PASSIVE_TASK = re.compile(
    rf"^(?P<np>[A-Z](?:(?!\b(?i:{_NOT_NP})\b)[^,;:.]){{2,80}}?)\s+(?:(?:is|are)\s+)?to\s+be\s+"
    r"(?P<pp>[a-z]+ed|sent|made|written|drawn\s+up|set\s+up|taken|given|brought|done|sought|"
    r"shown|put|kept|told|paid|bought|found|built|sold)\b(?P<rest>[^;:]*)$"
)
# Past participles that describe a state or an event, not a task.
_NOT_TASKS = {
    "noted", "received", "approved", "agreed", "accepted", "endorsed", "adopted", "ratified",
    "confirmed", "signed", "minuted", "recorded", "welcomed", "deferred", "based", "included",
    "required", "needed", "interested", "pleased", "concerned", "involved", "supported",
    "held", "discussed", "considered", "decided", "determined", "announced", "expected",
    "reported", "elected", "appointed", "used", "reached", "achieved", "completed", "finished",
    "launched", "opened", "closed", "located", "situated", "published", "released",
}  # fmt: skip
# "The changes will be made by staff and presented at the next meeting."
_AGENT_TASK = re.compile(
    rf"^(?P<np>[A-Z](?:(?!\b(?i:{_NOT_NP})\b)[^,;:.]){{2,80}}?)\s+(?:will|shall|are\s+to|is\s+to)\s+"
    r"be\s+(?P<pp>[a-z]+ed|sent|made|written|drawn\s+up|set\s+up|taken|given|brought|done|sought|"
    r"shown|put|kept|told|paid|bought|found|built|sold)\s+by\s+(?P<o>(?:the\s+)?[A-Za-z][\w'-]*"
    r"(?:\s+[A-Z][\w'-]*){0,3})(?P<rest>(?:\s+(?:and|then)\s+[a-z]+ed\b[^;:]*|\s+(?:by|before|at|in|on|for)\b[^;:]*)?)$"
)
_AND_PP = re.compile(r"^\s*(and|then)\s+(?P<pp>[a-z]+ed)\b")
_PRONOUNS = {
    "it", "this", "that", "there", "these", "those", "which", "what", "who", "he", "she", "they",
    "we", "i", "you", "nothing", "anything", "everything", "something", "all", "some", "any",
}  # fmt: skip
_NEED_TO = re.compile(r"^needs?\s+to\s+(?P<v>[a-z]+)\b(?P<rest>[^:;]*)", re.I)
_NOT_NEEDS = {"be", "have", "not", "also", "know", "think", "see", "consider", "discuss"}


def _object_phrase(text: str) -> str | None:
    """The thing acted on, as it reads after a verb ("The report" -> "the report"); None for
    a pronoun ("It will be done"), which names nothing.

    >>> _object_phrase("The survey results"), _object_phrase("CCTV cameras"), _object_phrase("It")
    ('the survey results', 'CCTV cameras', None)
    """
    np = text.strip()
    if np.split()[0].lower() in _PRONOUNS:
        return None
    return np[0].lower() + np[1:] if not np[:2].isupper() else np


def passive_task(sentence: str) -> str | None:
    """ "Schedule for next term to be planned over the holidays" → "Plan schedule …".

    >>> passive_task("Letter to be sent to the Highways Department.")
    'Send letter to the Highways Department'
    >>> passive_task("The next meeting to be held on 3 May.") is None
    True
    >>> passive_task("Figures are expected to be published in June.") is None
    True
    """
    text = sentence.strip().rstrip(".").strip()
    if " to be " not in text:
        return None
    m = _PASSIVE_TASK.match(text)
    if not m or m.group("pp").lower() in _NOT_TASKS:
        return None
    np = _object_phrase(m.group("np"))
    if np is None:
        return None
    np = re.sub(r"^the\s+", "", np)
    rest = m.group("rest").strip()
    out = f"{base_verb(m.group('pp'))} {np}" + (f" {rest}" if rest else "")
    return out[0].upper() + out[1:]


def agent_task(sentence: str) -> tuple[str, str] | None:
    """ "The changes will be made by staff and presented …": task and agent.

    The agent is returned as written; the caller decides whether it is an owner.

    >>> agent_task("The survey results will be circulated by the Clerk before the next meeting.")
    ('Circulate the survey results before the next meeting', 'the Clerk')
    >>> agent_task("The changes will be made by staff and presented at the next meeting.")
    ('Make the changes and present them at the next meeting', 'staff')
    >>> agent_task("The bid will be funded by the Lottery.")
    ('Fund the bid', 'the Lottery')
    """
    text = sentence.strip().rstrip(".").strip()
    if " be " not in text or " by " not in text:
        return None
    m = _AGENT_TASK.match(text)
    if not m or m.group("pp").lower() in _NOT_TASKS:
        return None
    np = _object_phrase(m.group("np"))
    if np is None:
        return None
    rest = m.group("rest")
    more = _AND_PP.match(rest)
    if more:
        # "… and presented at …": the second step, as a task on the same thing.
        rest = f" {more.group(1)} {base_verb(more.group('pp'))} them" + rest[more.end() :]
    out = f"{base_verb(m.group('pp'))} {np}{rest}".strip()
    return out[0].upper() + out[1:], m.group("o")


def need_task(sentence: str) -> str | None:
    """ "Need to start looking for volunteers: none so far." → "Start looking for volunteers".

    Only a need written as a note (no subject): "We need to …" is discussion.

    >>> need_task("Need to book the hall for the summer fair: the Clerk has dates.")
    'Book the hall for the summer fair'
    >>> need_task("Need to be careful with the budget.") is None
    True
    """
    m = _NEED_TO.match(sentence.strip())
    if not m or m.group("v").lower() in _NOT_NEEDS:
        return None
    out = (m.group("v") + m.group("rest")).strip().rstrip(".").strip()
    if len(out.split()) < 2:
        return None
    return out[0].upper() + out[1:]
