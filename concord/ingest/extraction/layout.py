"""A flat view of a document: one line per paragraph, with where it came from."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from concord.ingest.text import BLANK, BULLET, ROW, Text

# "[ ] …", "[x] …": a Markdown task-list box (its bullet already gone), ticked
# or not: a task in a list of actions, who came in a roll call.
CHECKBOX = re.compile(r"^\[(?P<tick>[ xX✓✔])\]\s*(?P<rest>\S.*)$")
NUMBER_CELL = re.compile(r"^\(?(\d{1,3}(?:\.\d{1,3})*|(?:[A-Z]{1,5}[\s/]?)?\d{1,4}/\d{1,4})[.)]?$")


@dataclass
class Line:
    """One paragraph of text; ``col`` is its table column, if any."""

    text: str
    block: int
    col: int | None = None
    row: tuple[str, ...] | None = None
    blank_before: bool = False

    # Lines never change once made, and the rules ask for these thousands of
    # times a document: work them out once, as plain attributes (a
    # cached_property takes a lock on every read in Python 3.11).
    bullet: bool = field(init=False, repr=False, compare=False)
    bare: str = field(init=False, repr=False, compare=False)  # without a leading bullet marker
    low: str = field(init=False, repr=False, compare=False)  # ``bare`` in lower case

    def __post_init__(self) -> None:
        self.bullet = self.text.startswith(BULLET)
        self.bare = self.text[len(BULLET) :] if self.bullet else self.text
        self.low = self.bare.lower()


def flatten(text: Text) -> list[Line]:
    """Lines in reading order; a row's number cell is joined to the next cell.

    >>> t = Text(); t.add_row(["3.", "Budget: the report was noted"])
    >>> [ln.text for ln in flatten(t)]
    ['3. Budget: the report was noted']
    """
    lines: list[Line] = []
    blank = False
    for index, block in enumerate(text.blocks):
        if block.kind == BLANK:
            blank = True
            continue
        if block.kind != ROW:
            for part in block.cells[0].split("\n") if block.cells else []:
                if part.strip():
                    lines.append(Line(part, index, blank_before=blank))
                    blank = False
            continue
        cells = list(block.cells)
        first_line = True
        skip_col = -1
        filled = [i for i, c in enumerate(cells) if c.strip()]
        if len(filled) >= 2 and NUMBER_CELL.match(cells[filled[0]].strip()):
            number = NUMBER_CELL.match(cells[filled[0]].strip()).group(0)  # type: ignore[union-attr]
            nxt = filled[1]
            paras = cells[nxt].split("\n")
            lines.append(Line(f"{number} {paras[0]}", index, nxt, tuple(cells), blank))
            first_line, blank = False, False
            for p in paras[1:]:
                lines.append(Line(p, index, nxt))
            skip_col = nxt
            filled = filled[2:]
        for col in filled:
            if col == skip_col:
                continue
            for p in cells[col].split("\n"):
                if not p.strip():
                    continue
                lines.append(Line(p, index, col, tuple(cells) if first_line else None, blank))
                first_line, blank = False, False
    return lines


def lines_holding(lines: list[Line], words: tuple[str, ...]) -> set[int]:
    """Indexes of the lines whose ``low`` holds one of ``words`` (lower case).

    One fast substring search per word over the whole document, rather than
    a pattern run on every line: a pass can skip the lines that hold none.

    >>> lines_holding([Line("It was agreed", 0), Line("Noted", 1)], ("agree", "approv"))
    {0}
    """
    whole = "\n".join(ln.low for ln in lines)
    starts = []
    at = 0
    for ln in lines:
        starts.append(at)
        at += len(ln.low) + 1
    found: set[int] = set()
    for word in words:
        pos = whole.find(word)
        while pos >= 0:
            found.add(bisect_right(starts, pos) - 1)
            pos = whole.find(word, pos + 1)
    return found


def may_hold(text: str, words: tuple[str, ...]) -> bool:
    """False only when ``text`` surely holds none of ``words`` (lower-case ASCII) in any case.

    A test before a case-blind pattern made of those words.  Text that is
    not all ASCII always may: such a pattern also matches "İ" for "i", "ſ"
    for "s" and the Kelvin sign for "k".

    >>> may_hold("Next STEPS", ("step", "task")), may_hold("Noted", ("step", "task"))
    (True, False)
    """
    if not text.isascii():
        return True
    return any(map(text.lower().__contains__, words))


_ABBREV = {
    "cllr", "dr", "mr", "mrs", "ms", "st", "no", "nos", "prof", "supt", "insp", "sgt",
    "rev", "revd", "e.g", "i.e", "eg", "ie", "etc", "vs", "v", "approx", "dept", "inc",
    "ltd", "co", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "p.m", "a.m", "re", "cf", "fr", "ald", "gov", "cllrs", "messrs", "drs", "hon",
    "smt", "kum", "mohd", "ing", "eng", "adv", "br",
}  # fmt: skip


_OPENER = re.compile(
    r"(?:Agreed|Resolved|Decided|Action|It|The|This|There|They|We|He|She|Members|All)\b"
)
_SENTENCE_END = re.compile(r"[.!?](?:[\"'’”)])?\s+(?=[\"'‘“(]?[A-Z0-9•])")
_DOTTED_INITIALS = re.compile(r"\b[a-z]\.[a-z]$")


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, minding titles and initials.

    >>> sentences("Cllr J. Smith spoke. It was agreed. The end")
    ['Cllr J. Smith spoke.', 'It was agreed.', 'The end']
    >>> sentences("Ann asked about Block D. Agreed that Bo will help.")
    ['Ann asked about Block D.', 'Agreed that Bo will help.']

    The rules and the sentence model split many of the same lines: the
    splits are kept until :func:`forget_sentences` (called for each document).
    """
    return list(_split(text))


def forget_sentences() -> None:
    """Drop the kept splits (a new document's lines are other lines)."""
    _split.cache_clear()


@lru_cache(maxsize=4096)
def _split(text: str) -> tuple[str, ...]:
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        before = text[start : m.start()]
        # The word before the stop: what follows the last space or "(" (found
        # from the end; splitting all of ``before`` made long paragraphs quadratic).
        if not before or before[-1].isspace() or before[-1] == "(":
            word = ""
        else:
            word = before.rsplit(None, 1)[-1].rsplit("(", 1)[-1].lower()
        # "… for Block D. Agreed that …": a letter, then a word that opens
        # sentences (not a surname), ends a sentence after all.
        if (word in _ABBREV or (len(word) == 1 and word.isalpha())) and not (
            word.isalpha() and _OPENER.match(text, m.end())
        ):
            continue
        if _DOTTED_INITIALS.search(word):
            continue
        out.append(text[start : m.end()].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return tuple(out)
