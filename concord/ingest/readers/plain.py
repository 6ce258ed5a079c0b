"""Plain text and Markdown reader (also reStructuredText, wiki and Org text, and
text files with leftover HTML)."""

from __future__ import annotations

import re
from pathlib import Path

from concord.ingest.errors import ExtractionError
from concord.ingest.readers.markup import MARKUPS, as_markdown
from concord.ingest.readers.wrapping import drop_page_furniture, is_rule, undouble, unwrap
from concord.ingest.text import (
    BULLET,
    Text,
    clean_spaces,
    fragment_to_lines,
    has_markup,
    split_bullets,
    split_front_matter,
)

EXTENSIONS = (".txt", ".text", ".md", ".markdown", ".mkd", ".rst", ".wiki", ".org")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f]")
# UTF-8 read as Windows-1252 somewhere upstream ("â€“" for "–", "Â£" for "£",
# "Ã©" for "é"): what a converter or a CMS leaves in many published minutes.
_MOJIBAKE = re.compile("[ÂÃ][\u0080-\u00bf]|â€")
# A Word document through pandoc keeps its raised ordinals as "24^th^ June".
_RAISED_ORDINAL = re.compile(r"(?<=\d)\^(st|nd|rd|th)\^")


def decode(data: bytes, name: str) -> str:
    """Decode bytes as UTF-8, else Windows-1252/Latin-1 as charset-normalizer sees fit.

    >>> decode("Café".encode("cp1252"), "x.txt")
    'Café'

    Text that went through UTF-8 read as Windows-1252 is mended:

    >>> decode("Hall â€“ Â£12".encode("utf-8"), "x.txt")
    'Hall – £12'
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ExtractionError(f"{name}: damaged UTF-16 text")
    if b"\x00" in data[:4096]:
        raise ExtractionError(f"{name}: binary data, not a text document")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data, cp_isolation=["cp1252", "latin_1", "utf_8", "iso8859_15"]).best()
        # Minutes written in the UK are nearly always Windows-1252 when not UTF-8;
        # fall back to it rather than refuse a document with one odd byte.
        encoding = best.encoding if best is not None else "cp1252"
        text = data.decode(encoding, errors="replace")
    # (Substring tests first: a pattern scan of every document costs more.)
    if ("Â" in text or "Ã" in text or "â€" in text) and _MOJIBAKE.search(text):
        import ftfy

        text = ftfy.fix_encoding(text)
    controls = len(_CONTROLS.findall(text))
    # Text pasted from a PDF keeps a few control characters where the PDF's
    # fonts had glyphs of their own (ligatures, bullets): one in a hundred
    # characters is common, one in twenty is not text.
    if controls > max(8, len(text) // 20) or text.count("\ufffd") > max(8, len(text) // 50):
        raise ExtractionError(f"{name}: binary data, not a text document")
    return _CONTROLS.sub("", text) if controls else text


def read(data: bytes, name: str) -> Text:
    """Read a text or Markdown file into blocks."""
    front, raw = split_front_matter(decode(data, name))
    suffix = Path(name).suffix.lower()
    if suffix in MARKUPS:
        raw = as_markdown(raw, suffix)
    if re.match(r"\s*(<!doctype html|<html)", raw[:500], re.I):
        from concord.ingest.readers import htmlpage

        text = htmlpage.parse(raw)
    else:
        raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
        if "^" in raw:
            raw = _RAISED_ORDINAL.sub(r"\1", raw)
        text = parse_lines(raw, space_columns=True)
    text.front_matter = front
    return text


def _cell_text(cell: str) -> str:
    if has_markup(cell):
        return "\n".join(fragment_to_lines(cell))
    return "\n".join(split_bullets(cell))


_LIST_NUMBER = re.compile(r"^( *)\d{1,2}[.)] +\S")


def _indented(line: str) -> bool:
    # (An HTML block indented in Markdown, "\t<dt>Present</dt>", is markup, not cells.)
    body = line.strip()
    return line.startswith("\t") and body != "" and "\t" not in body and body[:1] != "<"


def parse_lines(raw: str, *, space_columns: bool = False) -> Text:
    """Turn text lines into blocks.

    A line with tabs between words is a table row (how word processors
    export tables to text).  A group of consecutive tab-indented lines
    between blank lines is one table row whose cells were written one per
    line (another common export).  HTML fragments inside lines or cells are
    flattened to paragraphs.  With ``space_columns`` (typed text files),
    runs of three or more spaces between short phrases separate cells too,
    and an indented line under such a row continues the cell it lines up with.

    >>> [b.cells for b in parse_lines("Present:\\n\\tAnn Lee\\n\\tCouncil\\n\\nItem 1").blocks]
    [('Present:',), ('Ann Lee', 'Council'), (), ('Item 1',)]
    """
    text = Text()
    if "](" in raw:
        raw = md_links(raw)
    lines = undouble(raw).split("\n")
    if "age " in raw:
        lines = drop_page_furniture(lines)
    if ":" in raw:
        lines = join_label_column(lines)
    lines = unwrap(lines)
    i = 0
    starts: list[int] | None = None
    outer: int | None = None  # the indent of the last outer numbered line
    while i < len(lines):
        line = lines[i].rstrip()
        if not line.strip():
            text.add_blank()
            starts = None
            i += 1
            continue
        if space_columns and "   " in line and "\t" not in line and line.lstrip()[:1] != "|":
            # (A Markdown pipe row padded with spaces is read by its pipes.)
            label = _LABEL_GAP.match(line)
            rest = line[label.end() :] if label else ""
            if label and ":" not in rest and _space_cells(rest, None)[0]:
                # "Members:     Dr Ann Lee      GP Lead": the label, then a row
                # whose columns the lines under it continue.
                _add_line(text, label.group(1))
                line = " " * label.end() + line[label.end() :]
                starts = None
            cells, found = _space_cells(line, starts)
            # One such line alone is a title with a gap in it, not a table.
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if is_rule(nxt) and i + 2 < len(lines):
                nxt = lines[i + 2]  # a heading row over a rule ("NAME   SECTOR" / "-------")
            prev = lines[i - 1].rstrip() if i else ""
            if cells and (
                starts
                or label
                or ("   " in nxt and _space_cells(nxt, found)[0])
                # …but one under a label ("In attendance:", "Apologies") is a row of its list.
                or (prev.endswith(":") and len(cells) <= 3)
                or (_SHORT_LABEL.match(prev) and len(cells) <= 3 and not _DIGIT.search(line))
            ):
                if starts is None and found and "   " in nxt:
                    cells, found = _heading_cells(line, cells, found, nxt)
                text.add_row(cells)
                starts = found
                i += 1
                continue
        starts = None
        if _indented(line) and not line.startswith("\t\t"):
            group = [line]
            while i + 1 < len(lines) and _indented(lines[i + 1].rstrip()):
                i += 1
                group.append(lines[i].rstrip())
            i += 1
            if len(group) > 1:
                text.add_row([_cell_text(g.strip()) for g in group])
            else:
                _add_line(text, group[0])
            continue
        numbered = _LIST_NUMBER.match(line) if line[:1] == " " or line[:1].isdigit() else None
        if numbered:
            indent = len(numbered.group(1))
            if outer is not None and indent >= outer + 2:
                # "1. Property report" / "    1. Lease signed": a point of
                # the item above it in a nested list, not an item.
                line = BULLET + line.strip()
            else:
                outer = indent
        _add_line(text, line)
        i += 1
    return text


# A Markdown link "[label](address)"; an image "![alt](address)".
_MD_LINK = re.compile(
    r"([ \t]*)(!?)\[([^\[\]\n]{0,300})\]"
    r"\(\s*<?([^()\s<>]*(?:\([^()\s]*\)[^()\s<>]*)*)>?(?:\s+\"[^\"\n]*\")?\s*\)"
)


def md_links(raw: str) -> str:
    """Markdown links as the words a reader sees: ``[label](address)`` → label.

    A mail link after other words on its line ("Ann Lee [ann@x.org](mailto:…)")
    is a contact detail beside a name and goes; images go.

    >>> md_links("See [the plan](https://x.org/p) now")
    'See the plan now'
    >>> md_links("* Ann Lee (Chair) [Ann Lee](mailto:ann@x.org)")
    '* Ann Lee (Chair)'
    """

    def sub(m: re.Match[str]) -> str:
        if m.group(2):
            return ""
        label, address = m.group(3), m.group(4)
        if address.lower().startswith("mailto:"):
            before = raw[raw.rfind("\n", 0, m.start()) + 1 : m.start()]
            if re.search(r"[A-Za-z]{2}", before):
                return ""
        return m.group(1) + label

    return _MD_LINK.sub(sub, raw)


_SPACE_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")
# A label of one to three words and its colon, then a gap: "Apologies:   Di Fox".
_LABEL_GAP = re.compile(r"^\s*([A-Z][\w'’-]*(?: [\w'’-]+){0,2}:) {2,}(?=\S)")
# A heading of one to three words with no figures ("Apologies", "In attendance").
_SHORT_LABEL = re.compile(r"^[A-Z][A-Za-z'’-]*(?: [A-Za-z'’-]+){0,2}:?$")
_DIGIT = re.compile(r"\d")
_PHRASE = re.compile(r"\S+(?: {1,2}\S+)*")


def _space_cells(line: str, starts: list[int] | None) -> tuple[list[str], list[int] | None]:
    """Cells of a line whose columns are lined up with spaces, and where each begins.

    A row has two to six short phrases (and a row or a continuation beside
    it: one such line alone is a title with a gap in it), none but the last ending a sentence
    or clause ("noted.   Ann to…" is two sentences, not two cells).  An
    indented line of one phrase under a row continues the column it starts in.

    >>> _space_cells("Ann Lee      Tarn Council", None)
    (['Ann Lee', 'Tarn Council'], [0, 13])
    >>> _space_cells("             Housing", [0, 13])
    (['', 'Housing'], [0, 13])
    >>> _space_cells("It was noted.   Ann to write.", None)
    ([], None)
    """
    phrases = list(_PHRASE.finditer(line))
    if len(phrases) == 1:
        if starts is None or len(starts) < 2:
            return [], None
        at = phrases[0].start()
        column = max((j for j, s in enumerate(starts) if s <= at + 1), default=0)
        if column == 0 or at < 4:
            return [], None
        return [""] * column + [phrases[0].group()], starts
    cells = [m.group() for m in phrases]
    if len(cells) > 6 or not _SPACE_GAP.search(line.strip()):
        return [], None
    if any(len(c) > 60 or c[-1] in ".!?;:," for c in cells[:-1]):
        return [], None
    return cells, [m.start() for m in phrases]


def _heading_cells(
    line: str, cells: list[str], starts: list[int], below: str
) -> tuple[list[str], list[int]]:
    """A heading row's cells, parted also where a column of the row below
    starts after two spaces ("No.  Action   Who" over "1    Letter …   KMcL").

    >>> _heading_cells("No.  Action   Who", ["No. Action", "Who"], [0, 14], "1    Letter   KM")
    (['No.', 'Action', 'Who'], [0, 5, 14])
    """
    more = _space_cells(below, None)[1] or []
    cuts = [
        at
        for at in more
        if at not in starts and line[at - 2 : at] == "  " and at < len(line) and line[at] != " "
    ]
    if not cuts:
        return cells, starts
    at = sorted(set(starts) | set(cuts))
    return [line[a:b].strip() for a, b in zip(at, [*at[1:], len(line)], strict=True)], at


_LABEL_HEAD = re.compile(r"^(?P<a>[A-Z]{2,}(?: [A-Z]{2,}){0,2})\s{2,}(?P<rest>\S.*)$")
_LABEL_TAIL = re.compile(r"^(?P<b>[A-Z]{2,}(?: [A-Z]{2,})?:)\s+(?P<rest>\S.*)$")


def join_label_column(lines: list[str]) -> list[str]:
    """Join a label wrapped over two lines of a label column.

    Text pasted from a PDF with labels in a narrow left column cuts a long
    label in two, each half beside an entry: "ALSO IN     Ann Lee" over
    "ATTENDANCE: Bo Roe".  The label goes whole on the first line; the
    second entry stays under the first.

    >>> join_label_column(["ALSO IN     Ann Lee", "ATTENDANCE: Bo Roe"])
    ['ALSO IN ATTENDANCE: Ann Lee', '            Bo Roe']
    """
    out = list(lines)
    for i in range(len(out) - 1):
        ln, nxt = out[i], out[i + 1]
        if not (ln[:2].isupper() and nxt[:2].isupper() and ":" in nxt and "  " in ln):
            continue
        head, tail = _LABEL_HEAD.match(ln), _LABEL_TAIL.match(nxt)
        if head and tail:
            col = ln.index(head.group("rest"), len(head.group("a")))
            out[i] = f"{head.group('a')} {tail.group('b')} {head.group('rest')}"
            out[i + 1] = " " * col + tail.group("rest")
    return out


_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_RULE_ROW = re.compile(r"^\s*[|+]?(?:\s*:?-{3,}:?\s*[|+])+\s*:?-*:?\s*[|+]?\s*$|^\s*\+[-=+]+\+\s*$")

# "=====" or "-----" under a Markdown (setext) heading, or a horizontal rule.
_UNDERLINE = re.compile(r"^\s*(?:={3,}|-{3,}|\*{3,}|_{3,})\s*$")


# A line this long with sentences in it is a flattened page, not a table row.
_FLAT_ROW = 400
_SENTENCE_END = re.compile(r"[a-z)][.!?]\s+[A-Z]")
# What a flattened page still shows: "Present:", "Apologies:", "2. Minutes".
_FLAT_CUES = re.compile(
    r"(?i:\b(?:present|apologies|attendees|in\s+attendance|absent)\s*:)|(?<=\s)\d{1,2}\.\s+[A-Z][a-z]"
)


def _add_line(text: Text, line: str) -> None:
    # Substring tests first: the patterns below are costly on every line.
    ruled = "---" in line or "===" in line or "+" in line or "***" in line or "___" in line
    if ruled and (_RULE_ROW.match(line) or _UNDERLINE.match(line)):
        # "|---|---|" under Markdown headings, "+----+" around grid tables.
        return
    if line.count("|") >= 3 and _PIPE_ROW.match(line):
        # A Markdown or grid table row: "| Action | Who | When |".
        text.add_row([_cell_text(c.strip()) for c in line.strip().strip("|").split("|")])
        return
    body = line.strip("\t ")
    if (
        "\t" in body
        and len(body) >= _FLAT_ROW
        and len(_SENTENCE_END.findall(body)) >= 2
        and len(_FLAT_CUES.findall(body)) >= 2
    ):
        # A converter joined a page, tables and all, into one long line: its
        # tabs part the cells of a list ("Present:<tab>Ann Lee<tab>Chair<tab>…"),
        # read as commas, and the rest is cut up by the layout pass.
        body = ""
        for cell in (c.strip() for c in line.split("\t") if c.strip()):
            body += (" " if not body or body.endswith(":") else ", ") + cell
        body = body.strip()
    if "\t" in body or (line.startswith("\t\t") and body[:1] != "<"):
        # Keep leading empty cells: their position says which column a
        # continuation line belongs to.
        cells = line.rstrip().split("\t")
        if sum(1 for c in cells if c.strip()) > 1 or line.startswith("\t\t"):
            text.add_row([_cell_text(c) for c in cells])
            return
        body = " ".join(c for c in cells if c.strip())
    if has_markup(body):
        for part in fragment_to_lines(body):
            text.add_para(part)
    else:
        for part in split_bullets(clean_spaces(body)):
            text.add_para(part)
