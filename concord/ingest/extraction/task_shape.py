"""The shape of a task in a sentence, for the sentences the sentence model proposes.

The model (:mod:`concord.ingest.sentences`) says which sentences read like
actions; these checks keep only those shaped like a task — someone to / will
do something, someone asked to do it, an "Action" label, an owner at the end,
or a verb that opens a task — and read the task and its owner from them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from concord.ingest.extraction.action_text import (
    GROUPISH,
    is_imperative,
    ownerish,
    parse_action_text,
    resolve_names,
)
from concord.ingest.extraction.names import (
    NOT_NAME_WORDS,
    ORG_WORDS,
    POST_WORDS,
    is_office,
    split_owners,
)

_SUBJECT_TASK = re.compile(
    r"^(?P<o>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|and|&|of|for)){0,6}?)\s+"
    r"(?:to|will|would|shall|agreed\s+to|offered\s+to|undertook\s+to|volunteered\s+to|"
    r"(?:is|was|were|are)\s+(?:asked|requested|directed|instructed|tasked)\s+to)\s+"
    r"(?P<rest>[a-z]+\b.+)$"
)


# Owner initials or a name closing the line: "… by Friday.   MH", "(Action: Clerk)".
_OWNER_END = re.compile(
    r"(?:[(\[–—-]|\s{2,})\s*(?P<o>(?:[A-Z]{2,4}|[A-Z][a-z]+)(?:\s*[/&,]\s*[A-Z]{2,4})*)\s*[)\]]?\.?$"
)
# Bullets, arrows and numbers before a sentence: "→", "4.4", "(b)", "10.1", "Item 3".
_LEADER = re.compile(
    r"^(?:[-•*#>→\s]|->)*(?:(?:item\s+)?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivx]{1,4})[.)]?\s+|\([a-z\d]{1,3}\)\s+)?",
    re.I,
)
# A clause inside the sentence where a task can start: "… — Zain to chase …".
_CLAUSE = re.compile(r"(?i:^|[;:—–]\s*|\s-\s|[.!]\s+|\bagreed(?:\s+that)?\s+)")
_ASKED_WHO = re.compile(
    r"\b(?:asked|requested|directed|instructed|invited|tasked)\s+(?:the\s+)?"
    r"(?P<o>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|and|&|of|for|the)){0,6}?)\s+to\s+(?=[a-z])"
)
_TASK_WORDS = (" to ", " will ", " would ", " shall ")
# What a line holding an "Action" label or a task word holds (see :data:`_LABELLED`).
_LINE_CUES = (*_TASK_WORDS, "action", "todo", "to do", "follow")
_LABELLED = re.compile(r"(?i)^(?:actions?|to\s?do|follow[- ]?up)\b")
_PRONOUNS = frozenset(
    ("this", "that", "these", "those", "it", "they", "we", "he", "she", "there", "which", "who",
     "what", "you", "i")
)  # fmt: skip
_NOT_TASK = ("be", "been", "being", "have", "has", "had", "not", "also", "continue", "need")


def looks_like_task(sentence: str, people: list[str], cued: bool = True) -> bool:
    """Whether a sentence has a task's shape: someone to / will do something
    ("Dean will organise the electrician", "… — Zain to chase returns"),
    someone asked to do it, an "Action" label, an owner at its end, or a verb
    that opens a task ("Chase the sponsors", "to speak to the owners").  What
    the model calls an action without one ("Huge challenges lie ahead") is
    not taken.  ``cued=False`` (what :func:`task_cues` says of the sentence's
    line) leaves only the opening verb to look for."""
    text = _without_leader(sentence)
    words = text.split(None, 2)
    if not words:
        return False
    if _opens_task(words):
        return True
    if not cued:
        return False
    if _owner_mark(text):
        end = _OWNER_END.search(text)
        if end and (not people or _known(end.group("o"), people)):
            # "(SCS)" closing a sentence is as often an abbreviation as an owner.
            return True
    if _LABELLED.match(text):
        return True
    # Every other shape has a "to" or a modal verb: most sentences have neither.
    lower = text.lower()
    if not any(map(lower.__contains__, _TASK_WORDS)):
        return False
    if _ASKED_WHO.search(text):
        return True
    return any(_who(subject, people) for subject, _ in _subject_tasks(text.rstrip(".")))


def _subject_tasks(text: str) -> Iterator[tuple[str, str]]:
    """``(subject, task)`` of each clause of ``text`` shaped "X to / will do
    something" ("… — Zain to chase returns"), but for "X will be / have /
    continue …", "X will shortly …" and "End to end review" (a word, "to",
    the same word: an idiom, not a task)."""
    for clause in _CLAUSE.finditer(text):
        m = _SUBJECT_TASK.match(text[clause.end() :])
        if not m:
            continue
        verb = m.group("rest").split()[0]
        if verb in _NOT_TASK or verb.endswith("ly") or verb == m.group("o").split()[-1].lower():
            continue
        yield m.group("o"), m.group("rest")


def _without_leader(sentence: str) -> str:
    """The sentence without the bullets and numbers before it (matched, not
    substituted: a substitution would try the pattern at every position)."""
    text = sentence.strip()
    leader = _LEADER.match(text)
    return text[leader.end() :] if leader else text


def task_cues(line: str) -> bool:
    """False only when no sentence of ``line`` can have a task's shape other
    than an opening verb: it has no mark an owner at the end follows, no
    "Action" label and no "to" or modal verb.

    >>> task_cues("Members noted the report. Figures had improved."), task_cues("Jo will call")
    (False, True)
    """
    lower = line.lower()
    return _owner_mark(line) or any(map(lower.__contains__, _LINE_CUES))


def _opens_task(words: list[str]) -> bool:
    """Whether the first words of a sentence open a task ("Circulate …", "to speak to …")."""
    first = words[0].strip("*_")
    return is_imperative(first) or (first == "to" and len(words) > 1 and is_imperative(words[1]))


def _owner_mark(text: str) -> bool:
    """Whether ``text`` may have what an owner at its end follows: a bracket,
    a dash or two white spaces (a quick test before :data:`_OWNER_END`; a
    pattern for it cost more than the rest of :func:`looks_like_task`).
    Text with anything but letters, digits, punctuation and single spaces may."""
    return (
        not text.isascii()
        or not text.isprintable()
        or any(map(text.__contains__, ("(", "[", "-", "  ")))
    )


_POSTS = POST_WORDS | {"staff", "officers", "council", "councillors", "chief", "head", "all",
                       "everyone", "members", "partners", "attorney", "superintendent"}  # fmt: skip


def _who(subject: str, people: list[str]) -> bool:
    """Whether a task's subject can own it: someone in the attendance, a post
    or a group, initials, or a name ("Carys", "Helen Kavanagh"); not a pronoun
    or a thing ("This will …", "Recommendation to …")."""
    subject = re.sub(r"(?i)^the\s+", "", subject)
    words = subject.split()
    if not words or words[0].lower() in _PRONOUNS:
        return False
    if not people or _named_or_placed(subject, people):
        return True
    if len(words) == 1:
        word = words[0]
        if word.isupper():
            return 2 <= len(word) <= 4
        return (
            word.istitle()
            and word.isalpha()
            and not word.lower().endswith(_THING_ENDINGS)
            and word.lower() not in NOT_NAME_WORDS | ORG_WORDS
        )
    return ownerish(subject) or all(w[:1].isupper() or w in ("and", "&") for w in words)


def _named_or_placed(subject: str, people: list[str]) -> bool:
    """Whether a subject owns a task whatever its case: someone in the
    attendance, a group, an office or a post."""
    return (
        _known(subject, people)
        or bool(GROUPISH.match(subject))
        or is_office(subject)
        or any(w.lower().rstrip("s") in _POSTS or w.lower() in _POSTS for w in subject.split())
    )


# How the names of things end ("Recommendation", "Framework", "Progress").
_THING_ENDINGS = ("tion", "ment", "ness", "ity", "ance", "ence", "ship", "work", "ing", "ism",
                  "ress", "ure")  # fmt: skip


def _known(owner: str, people: list[str]) -> bool:
    """Whether initials or a name at a sentence's end stand for someone in the attendance."""
    return any(o in people for o in resolve_names(split_owners(owner), people))


def task_of(
    sentence: str, people: list[str], in_lower_case: Callable[[str], bool] = lambda w: False
) -> tuple[str, list[str], str | None]:
    """``(description, owners, due wording)`` of a sentence the model calls a task:
    the task after "X to / will" or "asked X to", with X as its owner, else
    what the rules' parser reads of the whole sentence.

    One word before "to / will" that the document also writes in lower case
    ("Agree to adopt …", "Propose to move …") is a verb, not an owner.
    """
    text = _without_leader(sentence).rstrip(".")
    asked = _ASKED_WHO.search(text)
    if asked:
        desc, owners, wording = parse_action_text(text[asked.end() :], people)
        return desc, owners or resolve_names(split_owners(asked.group("o")), people), wording
    for subject, task in _subject_tasks(text):
        if subject.split()[0].lower() not in _PRONOUNS:
            desc, owners, wording = parse_action_text(task, people)
            subject = re.sub(r"(?i)^the\s+", "", subject)
            if (
                " " not in subject
                and not subject.isupper()
                and not _named_or_placed(subject, people)
                and in_lower_case(subject.lower())
            ):
                return desc, owners, wording
            return desc, owners or resolve_names(split_owners(subject), people), wording
    return parse_action_text(text, people)
