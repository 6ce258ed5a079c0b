"""Top-level numbered agenda items ("1.", "2)", "Item 3", "23/045")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from concord.ingest.extraction.dates import MONTHS
from concord.ingest.extraction.layout import Line
from concord.ingest.extraction.names import TITLE_SMALL_WORDS
from concord.ingest.record import Item

_PATTERNS = [
    # "Item 3:", "Agenda item 3 –", "Minute 12.", "Discussion topic 2:"
    re.compile(
        r"^(?:agenda\s+|discussion\s+)?(?:item|topic|minute|min\.?)\s+(?:no\.?\s*)?"
        r"(?P<n>\d{1,3}[a-z]?(?:/\d{1,4})?)\b"
        r"\s*[:.)\-–—]?\s*(?P<t>.*)$",
        re.I,
    ),
    # "23/045", "PB 24/031", "BD/23/101", "24/031." minute references; "PL/118",
    # "WC47/26/01"; run into the title when a web page sets it in a span of
    # its own ("C26/51Welcome and …").
    # … and "18.09.1" (year, month, number: a parish council's minute numbers).
    re.compile(
        r"^(?P<n>[A-Z]{1,5}\d{1,4}/\d{1,4}/\d{1,4}|(?:[A-Z]{1,5}[\s/]?)?\d{1,4}/\d{1,4}|[A-Z]{2,5}/\d{2,4}"
        r"|\d{2}\.(?:0[1-9]|1[0-2])\.\d{1,2}(?![.\d]))"
        r"(?:\b|(?=[A-Z][a-z]))\.?\s*[:\-–—]?\s*(?P<t>.+)$"
    ),
    # "1.", "1)", "1:", "1 " (not "1.2", not "7:30")
    # (three digits for long minutes, but no leading zero: "024 7683 4356" is a phone number;
    # four for a council's running minute numbers, "2709. Police Report", but no year)
    re.compile(
        r"^(?P<n>\d{1,2}|[1-9]\d{2}|(?!19\d\d|20\d\d)[1-9]\d{3}(?=\.\s))"
        r"(?:[.):](?!\d)|\s+[–—-](?=\s)|(?=\s))\s*(?P<t>.+)$"
    ),
    # "(1)", "1.0" (whose sub-items are "1.1", "1.2"), "IV." / "IV)" in capitals
    re.compile(r"^\((?P<n>\d{1,3})\)\s*(?P<t>.+)$"),
    re.compile(r"^(?P<n>[1-9]\d?\.0)\.?\s+(?P<t>.+)$"),
    re.compile(r"^(?P<n>(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))[.)]\s+(?P<t>.+)$"),
]
_REFERENCE = 1  # the pattern of minute references ("23/045", "PB 24/031")
# Patterns of a bare number, whose title must start like a title (not "1 was …").
_BARE_NUMBERS = frozenset((2, 3, 4, 5))
_ROMAN = {"I": 1, "V": 5, "X": 10}
_SENTENCE_VERB = re.compile(
    r"\b(was|were|is|are|has|have|had|will|would|should|can|could|be|been|being|said|agreed|"
    r"noted|reported|explained|asked)\b",
    re.I,
)
_SEPARATORS = re.compile(r"\s*(?::|\s[–—-]\s)\s*")


_LIST_HEAD = re.compile(
    r"^(?:(?:summary\s+of|list\s+of|new|open|agreed|key)\s+)?(?:actions?|decisions?|action\s+(?:points|items))"
    r"(?:\s+(?:agreed|taken|made|arising))?\s*:?$",
    re.I,
)


# The letters ``_LIST_HEAD`` can open with (case-blind: "ſ" is an "s", the
# Kelvin sign a "k").
_LIST_HEAD_FIRST = frozenset("sSlLnNoOaAkKdDſK")


# A sentence that leads into a list: "There are five groups. These are:".
_LEAD_IN = re.compile(
    r"^(?!.*\b(?:agenda|items?|business)\b)(?:.*\b(?:these|they|those)\s+(?:are|were|include)"
    r"|.{12,}\b(?:namely|including|as\s+follows))\s*:$",
    re.I,
)
# "1." alone on its line, its title on the next.
# … or a minute reference alone ("CSF 14/1", "23/045", "Item 4") over its title.
_NUMBER_ALONE = re.compile(
    r"^(?:\d{1,2}|[1-9]\d{2})[.)]?$|^(?:[A-Z]{1,5}[\s/]?)?\d{1,4}/\d{1,4}\.?$"
    r"|^(?:agenda\s+)?item\s+\d{1,3}[.:]?$",
    re.I,
)
# A council web page's link to the paper ("Minutes pdf icon PDF 34 KB").
_FILE_LINK = re.compile(r"\s*(?:\b(?:pdf|doc|docx)\s+icon\s+)?\b(?:PDF|DOCX?)\s+\d+\s*[KM]B\b.*$")
_CAPS_HEADING = re.compile(r"^[A-Z][A-Z'’&/ -]{3,60}$")
_LIST_ENTRY = re.compile(r"^(?:\d{1,2}|[1-9]\d{2})[.)]?\s")


@dataclass
class FoundItem:
    """An item and the line it starts on."""

    item: Item
    line: int
    bare: bool = False  # a bare number ("3.") rather than a label ("Item 3", "Minute 23/04")


def _shouted(text: str) -> bool:
    """Written (almost) all in capitals: "MSc DATA SCIENCE FOR HEALTH"."""
    upper = sum(c.isupper() for c in text)
    return upper >= 4 and upper >= 4 * sum(c.islower() for c in text)


def title_and_body(text: str) -> tuple[str, str]:
    """Split "Title: body text" or "Title – body" into its parts.

    >>> title_and_body("Welcome and Apologies: The Chair welcomed everyone.")
    ('Welcome and Apologies', 'The Chair welcomed everyone.')
    >>> title_and_body("Cohesion Strategy 2010 – 2015 – A note was circulated.")
    ('Cohesion Strategy 2010 – 2015', 'A note was circulated.')
    >>> title_and_body("NEW COURSES: BSc NURSING WITH HEALTH STUDIES (P/41)")
    ('NEW COURSES: BSc NURSING WITH HEALTH STUDIES (P/41)', '')
    >>> title_and_body("Disposal – Old School House, Mill Lane, Harrowby")
    ('Disposal – Old School House, Mill Lane, Harrowby', '')
    """
    for m in _SEPARATORS.finditer(text):
        head, rest = text[: m.start()].strip(), text[m.end() :].strip()
        if not head or (head[-1:].isdigit() and rest[:1].isdigit()):
            continue  # a range such as "2010 – 2015" or a time
        if len(head.split()) > 14:
            break
        if not rest:
            return head, rest
        if rest[0].isupper() or rest[0].isdigit() or rest[0] in "‘'\"(":
            # "Future – Planning Session" is one title; "Board – At the last…" is not.
            if (
                len(rest.split()) <= 4 or (head.isupper() and _shouted(rest)) or _title_cased(rest)
            ) and not (re.search(r"[.!?]$", rest) or _SENTENCE_VERB.search(rest)):
                # "NEW PROGRAMME APPROVAL: MSc DATA SCIENCE (P/41)": a shouted
                # heading and its subtitle are one title.
                continue
            return head, rest
    return text.strip(), ""


def _title_cased(rest: str) -> bool:
    """ "Old School House, Mill Lane, Harrowby": a subtitle of up to ten
    words, each capitalised but the small ones, a place or a name."""
    words = rest.split()
    return len(words) <= 10 and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in TITLE_SMALL_WORDS for w in words
    )


_AGENDA_VERBS = frozenset((
    "discuss", "consider", "review", "approve", "receive", "update", "adopt", "appoint",
    "ratify", "confirm", "accept", "authorise", "authorize", "elect",
))  # fmt: skip


_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+(?P<t>\S.*)$")


def _headings_in_lower_case(lines: list[Line]) -> bool:
    """Notes typed in lower case number their headings so ("1. mins of last
    meeting", "2. matters arising"): three or more short numbered lines,
    most of the numbered ones, open in lower case."""
    lower = upper = 0
    for line in lines:
        m = _NUMBERED.match(line.text.strip()) if line.text[:1].isdigit() else None
        if not m:
            continue
        t = m.group("t")
        if t[:1].islower() and len(t.split()) <= 8 and not t.endswith("."):
            lower += 1
        elif t[:1].isupper():
            upper += 1
    return lower >= 3 and lower > upper


def _titleish(title: str, raw: str = "", lower_ok: bool = False) -> bool:
    words = title.split()
    first = words[0].lower().strip(".,") if words else ""
    # An agenda's "Discuss and consider …" / "Review …" titles run long.
    if not words or len(words) > (25 if first in _AGENDA_VERBS else 16):
        return False
    if not any(c.isalpha() for c in title):
        # "16 | 4": a table's figures, not a numbered heading.
        return False
    if first in MONTHS or re.match(r"^(st|nd|rd|th)\b", first):
        return False
    if not (title[0].isupper() or title[0].isdigit() or title[0] in "‘'\"(" or lower_ok):
        return False
    # A full sentence ("2. The minutes were approved.") is text, not a title.
    ends = (raw or title).rstrip().endswith(".")
    return not ((ends or len(words) > 10) and len(words) > 6 and _SENTENCE_VERB.search(title))


def extract_items(
    lines: list[Line], skip_blocks: set[int], title_cols: set[int] | None = None
) -> list[FoundItem]:
    """Numbered top-level items in document order, numbers increasing."""
    found: list[FoundItem] = []
    last: tuple[int, int] | None = None
    scheme: int | None = None  # the pattern of the first item's number
    in_list = False
    lower_ok = _headings_in_lower_case(lines)
    timed: int | None = None  # a table's column of minutes into the meeting
    for i, line in enumerate(lines):
        if line.block in skip_blocks:
            continue
        if line.col is None:
            timed = None
        if line.text.endswith(":") and line.col is None and _LEAD_IN.search(line.text):
            # "… These are:" then "1. …", "2. …": the points of a sentence.
            in_list = True
            continue
        if line.bullet:
            continue
        if (
            line.col is None
            and len(line.text) < 40
            and line.text.lstrip()[:1] in _LIST_HEAD_FIRST
            and _LIST_HEAD.match(line.text.strip())
        ):
            # "Actions" / "Decisions" then "1. …", "2. …": a list, not items.
            in_list = True
            continue
        if in_list:
            if _LIST_ENTRY.match(line.text.strip()):
                continue
            in_list = False
        if line.col is not None and title_cols is not None and line.col not in title_cols:
            continue
        text = line.text.strip()
        if (
            (text[-1:].isdigit() or text[-1:] in ".):")
            and (len(text) <= 16 or text[:1] in "aAiIİı")
            and _NUMBER_ALONE.match(text)
            and i + 1 < len(lines)
            and not lines[i + 1].bullet
            # (A number in a table's cell is not the caption of a line outside it.)
            and (line.col is None or lines[i + 1].block == line.block)
        ):
            text = f"{text} {lines[i + 1].text.strip()}"
        if not _may_number(text):
            continue
        for n, rx in enumerate(_PATTERNS):
            m = rx.match(text)
            if not m:
                continue
            number = m.group("n")
            raw = m.group("t").strip()
            if (
                n in _BARE_NUMBERS
                and not raw[:1].isupper()
                and not raw[:1].isdigit()
                and raw[:1] not in "‘'\"("
                and not (lower_ok and raw[:1].islower())
            ):
                break
            if "B" in raw:
                raw = _FILE_LINK.sub("", raw) or raw
            title, _body = title_and_body(raw)
            title = title.strip(" :.-–*").strip()
            whole = raw if title == raw.strip(" :.-–*").strip() else ""
            if not _titleish(title, whole, lower_ok):
                # "APPROVAL OF MINUTES" / "1. A motion to approve … was made":
                # a number with no caption takes the capitals heading above it.
                above = lines[i - 1].text.strip() if i > 0 else ""
                if (
                    n not in _BARE_NUMBERS
                    or not _CAPS_HEADING.match(above)
                    or not _SENTENCE_VERB.search(raw)
                ):
                    break
                title = above
            if n == _REFERENCE and scheme not in (None, _REFERENCE):
                # "V. PROJECT APPROVALS" then "PR/04/112 Knockavinn …": the
                # references of things an item deals with, not items.
                break
            key = _order_key(number)
            if last is not None and key <= last:
                break
            if line.col is not None and n in _BARE_NUMBERS and (key[1] == 0 or line.col == timed):
                # A table's column that starts at "0" counts minutes into the
                # meeting ("0", "5", "10"), not items.
                timed = line.col
                break
            last = key
            scheme = n if scheme is None else scheme
            found.append(FoundItem(Item(number=number, title=title), i, n in _BARE_NUMBERS))
            break
    return found if _an_agenda(found) else [f for f in found if not f.bare]


def _may_number(text: str) -> bool:
    """Could one of ``_PATTERNS`` match?  A cheap test of how the line opens.

    Most lines are prose: only a digit, "(", a Roman numeral, "item",
    "minute" / "min", "agenda", "topic", "discussion" or a minute reference ("PB 24/031") can open
    an item.
    """
    first = text[:1]
    if first.isdigit() or first in "(IVX" or "/" in text[:12]:
        return True
    # (The case-blind "item" also matches the dotted and dotless "İ" and "ı".)
    return (
        text[:3].lower() in ("ite", "min", "age", "top", "dis")
        or "İ" in text[:3]
        or "ı" in text[:3]
    )


def _an_agenda(found: list[FoundItem]) -> bool:
    """Do bare numbers ("1.", "(2)", "III.") read as an agenda, not a numbered list?

    One numbered line is never an agenda. Items that each head some minutes
    ("34. Apologies" / text / "35. Budget" / text: a council's running
    numbers) are. A run of numbered lines with nothing between them is an
    agenda only when it has three or more and starts at the first or second
    (the first is sometimes an unnumbered welcome): two numbered points, or
    a list from "7.", are paragraphs of the minutes. Labelled items ("Item
    4", "Minute 23/045") are items whatever their number.
    """
    bare = [f for f in found if f.bare]
    if len(bare) < 2:
        return False
    if all(b.line - a.line > 1 for a, b in pairwise(bare)):
        return True  # each heads some minutes
    if len(bare) < 3:
        return False
    first = _order_key(bare[0].item.number)[1]
    if first <= 2:
        return True
    # A council's running minute numbers ("2709.", "2710.", "2711." …) count on
    # from the last meeting's.
    numbers = [_order_key(b.item.number)[1] for b in bare]
    return first >= 100 and all(b - a == 1 for a, b in pairwise(numbers))


def _order_key(number: str) -> tuple[int, int]:
    """Where a number comes in the order of items.

    >>> _order_key("3"), _order_key("24/031"), _order_key("2.0"), _order_key("IV")
    ((0, 3), (24, 31), (0, 2), (0, 4))
    >>> _order_key("18.09.10")
    (1809, 10)
    """
    if number and set(number) <= set(_ROMAN):
        values = [_ROMAN[c] for c in number]
        return (0, sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True)))
    digits = re.findall(r"\d+", number)
    if "/" in number and len(digits) >= 2:
        return (int(digits[-2]), int(digits[-1]))
    if number.count(".") == 2 and len(digits) == 3:
        return (int(digits[0]) * 100 + int(digits[1]), int(digits[2]))
    return (0, int(digits[0])) if digits else (0, 0)
