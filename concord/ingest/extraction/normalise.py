"""Layout normalisation: re-segment text that a converter flattened.

Web archives and OCR services often hand over a whole document, or its
heading and attendance, as one very long line: "CALL TO ORDER The meeting
was called to order. Those present were A, B and C. APPROVAL OF MINUTES
1. A motion …".  The rules after this pass read sections and items at line
starts, so this pass cuts such a paragraph back into lines at the cues a
reader's eye uses: headings in capitals, attendance labels, and item
numbers that follow on from the previous one (1., 2., 3. …).

Only paragraphs long enough to be a flattened page are touched; ordinary
paragraphs pass through unchanged.
"""

from __future__ import annotations

import re

from concord.ingest.text import PARA, Block, Text

# A paragraph this long that also carries two or more cues is a flattened
# page, not prose; a real paragraph of minutes rarely holds a capitals
# heading or an attendance label mid-line.
FLAT_CHARS = 400
# A shorter paragraph needs more cues: a small page flattened whole.
SHORT_FLAT_CHARS = 200
SHORT_FLAT_CUES = 4

_CAPS_RUN = re.compile(
    r"(?<![\w(/])((?:[A-Z][A-Z'’&-]*[A-Z]|&)(?:\s+(?:[A-Z][A-Z'’&-]*[A-Z]|OF|TO|&|A|AND|FOR|ON|IN))+|"
    r"[A-Z]{8,})(?![\w)])"
)
_ATTENDANCE_CUE = re.compile(
    r"\b(?:(?:Those|Members|Councillors|Trustees|Governors|Directors)\s+present\s+(?:were|was)\b|"
    r"(?:Present|Attendees|Attending|Apologies(?:\s+for\s+absence|\s+from)?|Absent|Also\s+present|"
    r"In\s+attendance|Also\s+in\s+attendance|Minute\s+taker|Ex[- ]officio)\s*[:\-–])",
    re.I,
)
# "… and Di Fox. Apologies were received from …": a second attendance sentence
# in an ordinary paragraph starts a line of its own.
_SENTENCE_CUE = re.compile(
    r"(?<=[a-z)\]]\.)\s+(?=(?:(?:Apologies|Regrets)(?:\s+for\s+absence)?\s+(?:were|was|had\s+been)|"
    r"(?:Also|Those|Members|Others)\s+present\s+(?:were|was)|In\s+attendance\s+(?:were|was)|"
    r"Absent\s+(?:were|was))\b)"
)
_NUMBER = re.compile(r"(?:(?<=\s)|^)(?:Item\s+)?(\d{1,2})[.)]\s+(?=[A-Z‘'\"(])")
# A council's minute reference before its item: "CSA 14/1 DECLARATIONS …".
_MINUTE_REF = re.compile(r"(?:(?<=\s)|^)[A-Z]{2,6}\s?\d{1,4}/\d{1,4}(?=\s+[A-Z])")
_STARTERS = {
    "The", "It", "A", "An", "There", "This", "These", "We", "He", "She", "They", "I",
    "Members", "All", "No", "None", "Minutes", "Following", "Discussion", "Agreed",
}  # fmt: skip
# "Budget DF reported …": initials followed by a verb in the past start a sentence.
_INITIALS_DID = re.compile(r"[A-Z]{2,3}\s+[a-z]+ed\b")
# "MINUTES RESOLVED: That …": a label opens the item's text.
_BODY_LABELS = {"resolved", "agreed", "action", "actions", "decision", "noted", "recommended"}
_FUNCTION = {
    "of", "and", "for", "the", "to", "on", "in", "at", "by", "with", "from", "&", "a", "an",
    "or", "its", "their", "our", "re", "per", "into", "about", "under", "over",
}  # fmt: skip


def resegment(text: Text) -> Text:
    """Split flattened paragraphs at headings, attendance labels and item numbers.

    >>> t = Text(); t.add_para("Notes. " * 60 + "PRESENT: Ann Lee, Bo Roe. "
    ...     "1. Welcome The chair opened. 2. Budget The budget was set.")
    >>> [b.cells[0] for b in resegment(t).blocks][1:4]
    ['PRESENT: Ann Lee, Bo Roe.', '1. Welcome', 'The chair opened.']
    """
    if not any(
        b.kind == PARA
        and (
            len(b.cells[0]) >= SHORT_FLAT_CHARS or _sentence_cue(b.cells[0]) or _labels(b.cells[0])
        )
        for b in text.blocks
        if b.cells
    ):
        return text
    out = Text(front_matter=text.front_matter)
    expected = 1
    for block in text.blocks:
        para = block.cells[0] if block.kind == PARA and block.cells else ""
        flat = len(para) >= SHORT_FLAT_CHARS and _cues(para) >= (
            2 if len(para) >= FLAT_CHARS else SHORT_FLAT_CUES
        )
        if not flat and para and _labels(para):
            # "Date: 9 May  Attendees: A, B  Apologies: C": one label a line.
            out.blocks.extend(Block(PARA, (p,)) for p in _split_labels(para))
            continue
        if not flat and para and _sentence_cue(para):
            out.blocks.extend(Block(PARA, (p,)) for p in _SENTENCE_CUE.split(para) if p.strip())
            continue
        if not flat:
            if block.kind == PARA and block.cells:
                m = _NUMBER.match(para)
                if m and int(m.group(1)) == expected:
                    expected += 1
            pieces, expected = _split_running(para, expected) if expected > 1 else ([], expected)
            if len(pieces) > 1:
                out.blocks.extend(Block(PARA, (p,)) for p in pieces if p.strip())
            else:
                out.blocks.append(block)
            continue
        pieces, expected = _split(para, expected)
        out.blocks.extend(Block(PARA, (p,)) for p in pieces if p.strip())
    return out


_LABEL = re.compile(
    r"(?:(?<=\s)|^)(?=(?:Date|Time|Venue|Location|Place|Chair|Minutes|Present|Attendees|"
    r"Attending|Apologies|Regrets|Absent|Also\s+present|In\s+attendance|Guests|Staff|"
    r"Note[- ]?taker|Scribe)\s*:)"
)


def _sentence_cue(para: str) -> bool:
    """A second attendance sentence in ``para``: each of the pattern's sentences holds
    one of these words as written (substring tests before the pattern)."""
    return (
        "Apologies" in para
        or "Regrets" in para
        or "present" in para
        or "attendance" in para
        or "Absent" in para
    ) and bool(_SENTENCE_CUE.search(para))


def _labels(para: str) -> bool:
    """Two or more labels ("Attendees:", "Apologies:") on one short line, one not at its start."""
    if para.count(":") < 2 or len(para) >= SHORT_FLAT_CHARS:
        return False
    return len([m for m in _LABEL.finditer(para) if m.start()]) >= 1 and bool(
        _ATTENDANCE_CUE.search(para)
    )


def _split_labels(para: str) -> list[str]:
    starts = [0] + [m.start() for m in _LABEL.finditer(para) if m.start()]
    return [para[a:b].strip() for a, b in zip(starts, starts[1:] + [len(para)], strict=True)]


def _cues(para: str) -> int:
    return (
        len(_CAPS_RUN.findall(para))
        + len(_ATTENDANCE_CUE.findall(para))
        + len([m for m in _NUMBER.finditer(para) if m.group(1) in ("1", "2", "3")])
        + len(_MINUTE_REF.findall(para))
    )


def _split(para: str, expected: int) -> tuple[list[str], int]:
    """Cut points: before capitals headings, attendance labels and the next item number."""
    cuts: dict[int, str] = {}
    for m in _CAPS_RUN.finditer(para):
        cuts[m.start()] = "heading"
        if para[m.end() : m.end() + 3].lstrip()[:1] != ":":
            # "APOLOGIES FROM: …": a label keeps what follows its colon.
            cuts[m.end()] = cuts.get(m.end(), "after")
    for m in _ATTENDANCE_CUE.finditer(para):
        cuts[m.start()] = "attendance"
    for m in _MINUTE_REF.finditer(para):
        cuts[m.start()] = "ref"
        for at in range(m.end(), m.end() + 3):
            # "CSA 14/1 DECLARATIONS …": the capitals are the item's title.
            if cuts.get(at) == "heading":
                del cuts[at]
    for m in _NUMBER.finditer(para):
        if int(m.group(1)) == expected:
            cuts[m.start()] = "item"
            expected += 1
            if cuts.get(m.end()) == "heading":
                # "1. MINUTES OF …": the capitals are the item's title.
                del cuts[m.end()]
    return _cut(para, cuts), expected


def _cut(para: str, cuts: dict[int, str]) -> list[str]:
    """``para`` cut at each position of ``cuts``, each piece tidied as the kind
    of cut that opens it ("item", "attendance" …)."""
    pieces: list[str] = []
    start, kind = 0, "text"
    for cut in sorted(cuts) + [len(para)]:
        piece = para[start:cut].strip()
        if piece:
            pieces.extend(_tidy(piece, kind))
        kind = cuts.get(cut, "text")
        start = cut
    return pieces


_DIGIT = re.compile(r"\d")
# "5.1 Chairman's Report" inside running text: a sub-item of item 5.
_SUB_NUMBER = re.compile(r"(?<=\s)(\d{1,2})\.(\d{1,2})\s+(?=[A-Z‘'\"(])")


def _split_running(para: str, expected: int) -> tuple[list[str], int]:
    """Cut a paragraph that is no flattened page where the next item's number
    follows a sentence ("… submitted with agenda. 6. Accounts were presented")
    or a sub-item of the current one opens ("… installed. 5.2 Clerk's Report").

    >>> _split_running("• Noted that bollards were installed. 5.2 Clerk's Report", 6)
    (['• Noted that bollards were installed.', "5.2 Clerk's Report"], 6)
    """
    if not _DIGIT.search(para):
        return [para], expected
    cuts: dict[int, str] = {}
    marks = sorted(
        [(m.start(), "item", m) for m in _NUMBER.finditer(para) if m.start()]
        + [(m.start(), "sub", m) for m in _SUB_NUMBER.finditer(para)]
    )
    for at, kind, m in marks:
        after_sentence = para[:at].rstrip()[-1:] in ".:;!?"
        if kind == "item" and after_sentence and int(m.group(1)) == expected:
            cuts[at] = "item"
            expected += 1
        elif kind == "sub" and int(m.group(1)) == expected - 1:
            cuts[at] = "text"
    return (_cut(para, cuts) if cuts else [para]), expected


def _tidy(piece: str, kind: str) -> list[str]:
    """An attendance label keeps its first sentence; an item its title line."""
    if kind == "attendance":
        m = re.search(r"(?<![A-Z])[.;]\s+(?=[A-Z][a-z])", piece)
        if m:
            return [piece[: m.start()], piece[m.end() :]]
        return [piece]
    if kind == "ref":
        m = _MINUTE_REF.match(piece)
        if m:
            title, body = split_title_run(piece[m.end() :].strip())
            return [f"{m.group(0)} {title}"] + ([body] if body else [])
        return [piece]
    if kind == "item":
        m = _NUMBER.match(piece)
        if not m:
            return [piece]
        number, rest = piece[: m.end()].strip(), piece[m.end() :]
        sub = _SUB_NUMBER.search(rest)
        if sub and sub.group(1) == number.rstrip(".)"):
            # "5. Reports 5.1 Chairman's Report": the item's title ends at its first sub-item.
            return [f"{number} {rest[: sub.start()].strip()}", rest[sub.start() :].strip()]
        title, body = split_title_run(rest)
        return [f"{number} {title}"] + ([body] if body else [])
    return [piece]


def split_title_run(text: str) -> tuple[str, str]:
    """Split "Apologies for absence The apologies were noted." into title and body.

    A title in running text ends where a sentence begins: at a sentence
    starter ("The", "It" …), or at a capital after a lowercase word.

    >>> split_title_run("Apologies for absence The apologies were noted.")
    ('Apologies for absence', 'The apologies were noted.')
    >>> split_title_run("Treasurer's report We have 92 members.")
    ("Treasurer's report", 'We have 92 members.')
    >>> split_title_run("Discuss the budget for 2025. Ann spoke.")
    ('Discuss the budget for 2025.', 'Ann spoke.')
    """
    end = re.search(r"[.:;!?](?:\s+|$)", text)
    limit = end.end() if end else len(text)
    words = list(re.finditer(r"\S+", text[:limit]))
    for n, w in enumerate(words[1:], start=1):
        word = w.group(0)
        prev = words[n - 1].group(0)
        if not word[:1].isupper():
            continue
        if (
            word in _STARTERS
            or (word.endswith(":") and word[:-1].lower() in _BODY_LABELS)
            or _INITIALS_DID.match(text, w.start())
            or (prev[:1].islower() and prev.lower() not in _FUNCTION and not prev.endswith(","))
        ):
            return text[: w.start()].strip(), text[w.start() :].strip()
    return text[:limit].strip(), text[limit:].strip()
