"""The attendance headings' pre-check keeps up with the heading pattern.

``attendance_headings._HEADING_FIRST`` is a hand-kept list of the words an
attendance heading may open with, looked up before the one long pattern
``_ANY_HEADING`` is tried.  A heading alternative whose first word is not
in the list would never be read, and no document would say so.  These
tests read the pattern itself (Python's own regular-expression parser,
``re._parser``: private, so a Python upgrade may break this test, never the
extraction) for every way a heading can open, and try each on the pre-check.
"""

from __future__ import annotations

import re
from re import _constants as c
from re import _parser
from typing import Any

from concord.ingest.extraction.attendance_headings import (
    _ANY_HEADING,
    _HEADING_FIRST,
    _LETTERS,
    _may_open_heading,
)

# An opening so far: its lower-case letters and single spaces, and whether a
# word boundary has just been passed (no letter may follow).
State = tuple[str, bool]
WORDS = 2  # enough to tell "The following … were present" from prose


class _Openings:
    """Every way a pattern's matches can open: their first ``WORDS`` words,
    up to the first character that is neither a letter nor a space.

    Lookarounds are not followed, so it may list openings the pattern never
    matches, never the reverse; a pattern it cannot follow (a letter class,
    any character, while an opening is still being read) raises.
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.done: set[str] = set()
        ends = self._seq({("", False)}, _parser.parse(pattern.pattern, pattern.flags))
        self._finish(ends)

    def _finish(self, states: set[State]) -> None:
        self.done.update(text.strip() for text, _ in states)

    def _char(self, states: set[State], kind: str) -> set[State]:
        """One character: a letter, " " (any space) or "" (anything else)."""
        out: set[State] = set()
        for text, wall in states:
            if kind == "":
                self._finish({(text, wall)})
            elif kind == " ":
                if not text:
                    self._finish({(text, wall)})
                elif text.endswith(" "):
                    out.add((text, False))
                elif len(text.split()) >= WORDS:
                    self._finish({(text, wall)})
                else:
                    out.add((text + " ", False))
            elif not wall:
                out.add((text + kind, False))
        return out

    def _kinds(self, items: Any) -> set[str]:
        """What a character class may match, as ``_char`` kinds."""
        kinds: set[str] = set()
        for op, av in items:
            if op is c.LITERAL:
                ch = chr(av)
                kinds.add(
                    ch.lower() if ch.isascii() and ch.isalpha() else " " if ch.isspace() else ""
                )
            elif op is c.CATEGORY and av is c.CATEGORY_SPACE:
                kinds.add(" ")
            elif op is c.CATEGORY and av is c.CATEGORY_DIGIT:
                kinds.add("")
            else:
                raise NotImplementedError(f"a class that may hold letters: {op} {av}")
        return kinds

    def _seq(self, states: set[State], items: Any) -> set[State]:
        for op, av in items:
            if not states:
                break
            if op is c.LITERAL:
                states = self._seq(states, [(c.IN, [(op, av)])])
            elif op is c.IN:
                states = set().union(*(self._char(states, k) for k in self._kinds(av)))
            elif op is c.BRANCH:
                states = set().union(*(self._seq(states, alt) for alt in av[1]))
            elif op is c.SUBPATTERN:
                states = self._seq(states, av[3])
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                states = self._repeat(states, *av)
            elif op is c.AT and av is c.AT_BOUNDARY:
                states = {(t, bool(t) and not t.endswith(" ")) for t, _ in states}
            elif op is c.AT and av is c.AT_END:
                self._finish(states)
                states = set()
            elif op is c.AT or op in (c.ASSERT, c.ASSERT_NOT):
                continue  # looks, consumes nothing: followed no further
            else:
                raise NotImplementedError(f"cannot follow {op} {av}")
        return states

    def _repeat(self, states: set[State], low: int, high: int, item: Any) -> set[State]:
        for _ in range(low):
            states = self._seq(states, item)
        reached = set(states)
        frontier = states
        for _ in range(high - low):
            frontier = self._seq(frontier, item) - reached
            if not frontier:
                break
            reached |= frontier
        return reached


def openings(pattern: re.Pattern[str]) -> set[str]:
    """The ways ``pattern``'s matches can open (see ``_Openings``)."""
    return _Openings(pattern).done


def test_openings_lists_each_way_a_small_pattern_opens() -> None:
    assert openings(re.compile(r"^(?:Ab|cd\s*ef)-?x\b", re.I)) == {
        "ab",
        "abx",
        "cdef",
        "cd ef",
        "cdefx",
        "cd efx",
    }
    assert openings(re.compile(r"^the\s+(?:big\s+)?(?:dog|cat)s?\s+(?:ran|sat)")) == {
        "the big",
        "the dog",
        "the dogs",
        "the cat",
        "the cats",
    }


def test_every_heading_the_pattern_reads_passes_the_pre_check() -> None:
    ways = openings(_ANY_HEADING)
    assert {"apologies", "present", "the following", "minute", "council members"} <= ways
    missed = sorted(way for way in ways if not _may_open_heading(way))
    # The fix: the first word into _HEADING_FIRST ("The …" other than
    # "The following": _may_open_heading's own test of "the").
    assert not missed, f"headings the pre-check turns away: {missed}"


def test_the_pre_check_keeps_no_word_a_heading_never_opens_with() -> None:
    firsts = {m.group(0) for way in openings(_ANY_HEADING) if (m := _LETTERS.match(way))}
    stale = sorted(_HEADING_FIRST - firsts)
    assert not stale, f"no heading opens with these: {stale}"
