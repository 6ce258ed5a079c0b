"""Lines a converter, a printer or a mailer cut: page furniture, hard wraps,
double spacing.

Text pasted from a PDF or a mail archive carries running heads and "Page 2
of 5" lines, sentences cut at a fixed width, and sometimes a blank line
after every line; :func:`drop_page_furniture`, :func:`undouble` and
:func:`unwrap` give back the paragraphs the reader saw.
"""

from __future__ import annotations

import re

# A line cut before its sentence ends, a blank line, then the sentence's rest.
_RUN_ON = re.compile(r"\n[ \t]*\n(?=[ \t]*[a-z])")
_ENDS = frozenset(" \t\n.:;!?")
_QUOTE = re.compile(r"^\s*>\s?")
_RULE = re.compile(r"^\s*[-=_~*]{3,}\s*$")
_RULE_MARKS = frozenset("-=_~*")


def is_rule(line: str) -> bool:
    """A rule of dashes or equals signs (tested on its first mark before the pattern)."""
    return line.lstrip()[:1] in _RULE_MARKS and _RULE.match(line) is not None


# Markdown escapes: "3\\." keeps a number from becoming a list, "\\*" a star.
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
# (Labels are capitalised, but for the attendance headings of notes typed
# in lower case: "apols: gary tuohy", "also there - natalie greaves".)
_STARTS_BLOCK = re.compile(
    r"^\s*(?:[-*•+]\s|\d{1,3}(?:\.\d+)*[.)]?\s|[a-z][.)]\s|\||#|[A-Z][\w ]{0,30}:"
    r"|(?:apols?|apologies|present|absent|attendees|also\s+(?:there|present)|(?:not|who\s+was)\s+there"
    r"|there|on\s+the\s+call|could(?:n['’]?t|\s+not)\s+make\s+it)\s*(?::|[-–—]\s))"
)


_PAGE_MARK = re.compile(r"(?i)\bpage\s+\d{1,3}\s+of\s+\d{1,3}\s*$")
_SIGN_OFF_MARK = re.compile(
    r"(?i)^\s*(?:chair(?:man|person)?['’]?s?\s+initials|initials|signed)\b[\s.:_…]*$"
)
_FINISHED = (".", ":", ";", "!", "?", ")")


def drop_page_furniture(lines: list[str]) -> list[str]:
    """Drop the footer a PDF repeats on every page ("… Page 2 of 4").

    Text pasted from a PDF keeps each page's footer, and the "Chair's
    initials ....." line under it, in the middle of an item or a sentence.
    They go, and when the text above them stops mid-sentence the blank
    lines around them go too, so the sentence joins up again.

    >>> drop_page_furniture(["the plan was", "", "Board – Page 1 of 2", "", "agreed."])
    ['the plan was', 'agreed.']
    >>> drop_page_furniture(["It was agreed.", "", "Board   Page 1 of 2", "", "Next."])
    ['It was agreed.', '', 'Next.']
    """
    out: list[str] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if len(ln) > 120 or "age " not in ln or not _PAGE_MARK.search(ln):
            out.append(ln)
            i += 1
            continue
        i += 1
        if i < len(lines) and _SIGN_OFF_MARK.match(lines[i]):
            i += 1
        while i < len(lines) and not lines[i].strip():
            i += 1
        while out and not out[-1].strip():
            out.pop()
        if out and i < len(lines) and not out[-1].rstrip().endswith(_FINISHED):
            continue
        if out and i < len(lines):
            out.append("")
    return out


def undouble(raw: str) -> str:
    """A PDF converted line by line, a blank line after each: the blank goes
    where a sentence runs on ("… seconded by Cllr Secas, and" / "" /
    "unanimously agreed.") so that the lines can be joined again.

    >>> undouble("The Board agreed to write to the\\n\\nminister.\\n\\n" * 20)[:50]
    'The Board agreed to write to the\\nminister.\\n\\nThe Bo'
    """
    # (Counts and one pattern, all in C: this runs on every text file.)
    lines = raw.count("\n")
    blanks = raw.count("\n\n")
    if lines < 40 or blanks * 3 < lines or blanks < (lines - blanks) * 0.7:
        return raw
    if len(raw) > lines * 60:
        # Paragraphs a blank line apart (long lines), not a page's lines.
        return raw

    def join(m: re.Match[str]) -> str:
        before = raw[m.start() - 1 : m.start()]
        return m.group(0) if not before or before in _ENDS else "\n"

    return _RUN_ON.sub(join, raw)


def unwrap(lines: list[str]) -> list[str]:
    """Join lines that were hard-wrapped at a fixed width back into paragraphs.

    Mail archives and plain-text minutes wrap at 70-80 characters, cutting
    sentences (and decisions) in two.  A line is a wrapped one when the
    next line's first word would not have fitted on it; lines that start a
    bullet, a number or a label are never joined.  Quote markers ("> ")
    and Markdown hard breaks ("\\" at a line end) go first.

    >>> unwrap(["The board agreed to ask the", "council for a grant.", "", "Next item"] * 1)
    ['The board agreed to ask the', 'council for a grant.', '', 'Next item']
    >>> long = "The panel met at the hall and after a long debate agreed that the"
    >>> unwrap([long, "grant was agreed.", "", long, "end."] * 3)[:2]
    ['The panel met at the hall and after a long debate agreed that the grant was agreed.', '']
    >>> unwrap(["RESOLVED - That the minutes of the meeting held on", "30 June 2024 be signed."])
    ['RESOLVED - That the minutes of the meeting held on 30 June 2024 be signed.']
    """
    if any(ln.startswith(">") for ln in lines):
        # Quoted mail, or a Markdown blockquote setting off a resolution.
        lines = [_QUOTE.sub("", ln) for ln in lines]
    lines = [
        _MD_ESCAPE.sub(r"\1", ln[:-1] if ln.endswith("\\") else ln) if "\\" in ln else ln
        for ln in lines
    ]
    sizes = sorted([len(ln) for ln in lines if ln and "\t" not in ln])
    width = sizes[int(len(sizes) * 0.95) - 1] if len(sizes) >= 8 else 0
    full = sum(1 for n in sizes if n >= width - 15)
    wrapped = 50 <= width <= 100 and full >= len(sizes) * 0.4
    out: list[str] = []
    # The document's words, read once at its first word cut by a hyphen.
    vocabulary: set[str] | None = None
    for ln in lines:
        prev = out[-1] if out else ""
        if not prev or not ln or "\t" in ln or "\t" in prev or is_rule(ln) or is_rule(prev):
            # (A rule of dashes or equals signs is joined to no text.)
            out.append(ln)
            continue
        if "   " in ln.strip() and "   " in prev.strip():
            # Two lines of columns lined up with spaces: rows, not wrapped text.
            out.append(ln)
            continue
        # Cheap length tests first: this runs on every line of every text file.
        last = len(_last_line(prev))
        join = False
        if wrapped:
            first = ln.split(None, 1)[0] if ln.strip() else ""
            join = bool(first) and last + 1 + len(first) > width
        if not join and last >= 40 and prev.rstrip()[-1:] not in ".:;!?":
            # A lower-case line (indented or not) continuing a long unfinished
            # one, in a document with no fixed width or wrapped short of it.
            stripped = ln.lstrip()
            join = stripped[:1].islower()
        if not join and last >= 30 and _OPEN_END.search(prev):
            # An indented line under one cut after "and", a comma or "Cllr";
            # or any line under one cut after a word that cannot end a
            # sentence ("… (holiday) and" / "County Cllr B. Amis.").
            join = ln[:1] == " " or _OPEN_WORD.search(prev) is not None
            if not join and prev.rstrip()[-1:] == "," and prev.count(",") >= 3:
                # "Andy K, Brian W., Celeste W.," / "Lance C., Mason D.": a
                # list of short entries wrapped onto the next line.
                join = ln.count(",") >= 2 and _SHORT_ENTRIES.match(ln) is not None
        if not join and ln.lstrip()[:2] in ("19", "20") and _YEAR_START.match(ln):
            # "… on Tuesday, 14 July" / "2026 at 10.00 am": a date cut before
            # its year (text pasted from a PDF wraps short of any one width).
            join = _MONTH_END.search(prev.rstrip()) is not None
        if not join and prev[-1:].isdigit() and _MONTH_START.match(ln):
            # "… for adoption on 8" / "September 2026;": a date cut after its day.
            join = _DAY_END.search(prev) is not None
        # "… will be held on" / "19.10.2017 at 11.00": a date cut from the
        # words before it ("Tuesday, December" / "3, 2019 at 4:00 p.m."),
        # however much the date looks like a paragraph number.
        dated = bool(
            ln.lstrip()[:1].isalnum()
            and _DATE_START.match(ln)
            and _DATE_LEAD_END.search(prev.rstrip())
        )
        join = join or dated
        if join and " " in ln.strip() and _NAMED_ENTRY.match(ln):
            # "Ann Lee – Director of Finance" under "Bo Roe – Chair of Governors":
            # the next entry of a list of people and their posts, however long
            # the line above it ran.
            join = _NAMED_ENTRY.match(_last_line(prev)) is None
        if join and prev.strip() and (dated or not _STARTS_BLOCK.match(ln)):
            hyphen = prev.rstrip()[-1:] == "-" and prev.rstrip()[-2:-1].isalpha()
            head = prev.rstrip()
            if hyphen:
                if vocabulary is None:
                    vocabulary = set(_WORD.findall("\n".join(lines).lower()))
                head = _unhyphenated(head, ln.strip(), vocabulary)
            out[-1] = head + ("" if hyphen else "\x00") + ln.strip()
        else:
            out.append(ln)
    return [ln.replace("\x00", " ") for ln in out]


_MONTH_END = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"(?:[a-z]*)\.?$",
    re.I,
)
_MONTH_START = re.compile(
    r"^\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d\b", re.I
)
_DAY_END = re.compile(r"\b(?:on|of|from|to|until|by|before|after|and|,)\s+\d{1,2}$")
_YEAR_START = re.compile(r"^\s*(?:19|20)\d\d\b")
# A whole date in figures, or a day and year after a month: "19.10.2017",
# "3, 2019".
_DATE_START = re.compile(
    r"^\s*(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d\d|\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+"
    r"(?:19|20)\d\d"
    r"|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+"
    r"(?:19|20)\d\d)\b"
)
_DATE_LEAD_END = re.compile(
    r"(?i)(?:\b(?:on|of|from|until|by|before|after|dated|held|for)|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,?)$"
)
# A person and their post: "Ann Lee – Director", "Dr Bo Roe (Chair) – GP",
# the first after its label ("PRESENT:   Ann Lee – Director").
_NAMED_ENTRY = re.compile(
    r"^\s*(?:[A-Z][\w ]{0,30}:\s+)?(?:[A-Z][\w'’.-]*\s+){1,4}(?:\([^()]{1,20}\)\s+)?[–—]\s"
)
# Words after which a line cannot end its sentence ("… and", "… Cllr").
_OPEN_WORDS = r"\b(?:and|or|of|the|to|for|Cllr|Councillor|Mr|Mrs|Ms|Dr)"
_OPEN_END = re.compile(rf"(?:,|{_OPEN_WORDS}|[a-z]-|\([^()]{{0,60}})\s*$")


_OPEN_WORD = re.compile(rf"{_OPEN_WORDS}\s*$")
# A line of entries of one to three words between commas.
_SHORT_ENTRIES = re.compile(r"^\s*[A-Z][^,:;]{0,30}(?:,\s*[A-Z][^,:;]{0,30})+,?\s*$")


_WORD = re.compile(r"[a-z]+")
_WORD_END = re.compile(r"([A-Za-z]+)-$")
_WORD_START = re.compile(r"^[A-Za-z]+")


def _unhyphenated(head: str, rest: str, vocabulary: set[str]) -> str:
    """Drop the hyphen of a word cut at a line end ("sub-" / "mitted …")
    when the document spells the word whole elsewhere; "borough-" / "wide"
    keeps it.

    >>> _unhyphenated("as sub-", "mitted.", {"submitted"})
    'as sub'
    >>> _unhyphenated("borough-", "wide", {"borough", "wide"})
    'borough-'
    """
    a, b = _WORD_END.search(head), _WORD_START.match(rest)
    if a and b and (a.group(1) + b.group(0)).lower() in vocabulary:
        return head[:-1]
    return head


def _last_line(joined: str) -> str:
    return joined.rsplit("\x00", 1)[-1]
