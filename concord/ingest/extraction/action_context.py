"""A task that says what it is about only by pointing back.

Minutes often give the subject in one sentence and the task in the next:
"Dr Wong suggested a CCTV camera at the bin centre. MA to get a quote.",
"The committee agreed to move the bank account to the credit union. IG and
KM to sign the forms.", "GH had still had no reply from the estates team
about the solar canopy. GH to chase and report in November."  Read alone,
"Get a quote" or "Chase this" tells a chair nothing; a careful annotator
writes the task with what it refers to.  So a task that points back
("it", "this", "the matter") is told with the gist of the sentence before
it, in brackets: "Chase this (the trough on the east path had been
leaking)"; a short one (three words or fewer of its own, no name or
number) only when that sentence names its thing ("Sign the contract
(award the contract to Linden Geo)").

The layout was read across the probe set's writers: 27 of 158 training
documents by 19 writers had such a task, and their gold wrote it out.
"""

from __future__ import annotations

import re

# "Chase this", "Correct it", "Circulate this to Members", "Look at this
# with Jenny": a pronoun standing for the object (not "this year's …").
_ANAPHOR = re.compile(
    r"\b(?:it|this|them|these|those|that)\b"
    r"(?=\s*(?:$|[.,;:)]|\s[–—-]\s|(?:to|with|for|and|by|before|at|in|on|up|out|back|once|"
    r"when|as|if|again|further|forward|over|through|until)\b))"
    r"|\bthe\s+(?:matter|issue|same|idea|suggestion|request|point|proposal)\b",
    re.I,
)
# Words that say nothing of what the task is about.
_EMPTY = frozenset((
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "at", "by", "with", "from",
    "as", "is", "are", "be", "it", "its", "this", "that", "these", "those", "them", "their",
    "they", "he", "she", "his", "her", "we", "our", "us", "all", "any", "each", "both", "up",
    "out", "back", "again", "next", "week", "month", "meeting", "soon", "asap", "possible",
    "once",
))  # fmt: skip
# The lead-in of the sentence pointed back to: "Dr Wong suggested", "It was
# agreed to", "Cllr Ray asked that …", "Noted;".
_LEAD = re.compile(
    r"^(?:\(?[0-9]+(?:\.[0-9]+)*[.)]?\s+)?(?:noted|agreed)?\s*[;:,]?\s*"
    r"(?:[^.;:]{0,60}?\b(?:asked|suggested|noted|reported|said|explained|raised|queried|"
    r"requested|proposed|mentioned|wondered|pointed\s+out|highlighted|commented|felt|"
    r"thought|stated|advised|confirmed|agreed|decided)\b\s*(?:by\s+[^.;:]{1,30}?\s+(?=that\b))?"
    r"(?:that|for|whether|if|about|to)?\s*)?",
    re.I,
)
_WORD = re.compile(r"[\w'’]+")
# The most of the earlier sentence told with the task.
_GIST_WORDS = 25


def thin(task: str) -> bool:
    """Whether ``task`` says what it is about only by pointing back.

    >>> thin("Chase this"), thin("Sign the forms"), thin("Get a quote")
    (True, True, True)
    >>> thin("Circulate this to Members before the July meeting")
    True
    >>> thin("Write to Uisce Eireann"), thin("Book the hall for the June fair")
    (False, False)
    >>> thin("Review this year's budget with the treasurer")
    False
    """
    if _ANAPHOR.search(task):
        return True
    words = _WORD.findall(task)
    content = [w for w in words if w.lower() not in _EMPTY]
    if len(content) > 3:
        return False
    # A name or a number ("Close the ASB account", "Order 2 tents") is
    # something to go on.
    return not any(w[0].isupper() or w[0].isdigit() for w in content[1:])


def gist(sentence: str) -> str:
    """The matter of an earlier sentence, without its lead-in.

    >>> gist("6.2 Dr Wong suggested installing a CCTV camera at the bin centre.")
    'installing a CCTV camera at the bin centre'
    >>> gist("The committee agreed to move the account to the credit union.")
    'move the account to the credit union'
    >>> gist("However, it was felt by some members that the rules were too strict.")
    'the rules were too strict'
    """
    text = _LEAD.sub("", sentence.strip(), count=1).strip(" .;:,")
    words = text.split()
    if len(words) > _GIST_WORDS:
        text = " ".join(words[:_GIST_WORDS]) + " …"
    return text


def with_antecedent(task: str, before: list[str]) -> str:
    """``task``, told with the gist of the nearest earlier sentence of four
    words or more in ``before`` (its paragraph's sentences before it) when
    the task is :func:`thin`.

    >>> with_antecedent("Chase it", ["Dr Wong asked about the camera at the bin store.", "Noted"])
    'Chase it (the camera at the bin store)'
    >>> with_antecedent("Sign the contract", ["It was agreed to award the contract to Linden Geo."])
    'Sign the contract (award the contract to Linden Geo)'
    >>> with_antecedent("Update the webpage", ["The deadline is not on the website."])
    'Update the webpage'
    """
    if not before:
        return task
    pointed = bool(_ANAPHOR.search(task))
    if not pointed and not thin(task):
        return task
    # A short task that does not point back ("Sign the contract") is told
    # with the sentence before only when that sentence names its thing
    # ("… award the contract to Linden Geo").  Measured: short tasks told
    # with whatever came before lost more than they gained on the real set.
    own = {w.lower() for w in _WORD.findall(task)[1:]} - _EMPTY
    for sentence in reversed(before):
        if _PROCESS.search(sentence):
            # "Motion carried unanimously.": how the meeting went, not what about.
            continue
        told = gist(sentence)
        if len(told.split()) < 4:
            continue
        if pointed or own & {w.lower() for w in _WORD.findall(told)}:
            return f"{task} ({told})"
        return task
    return task


_PROCESS = re.compile(
    r"(?i)\b(?:motion|carried|seconded|votes?|voted|unanimous(?:ly)?|no\s+decision|"
    r"not\s+supported|after\s+(?:a\s+|some\s+|much\s+)?(?:long\s+)?discussion)\b"
)
