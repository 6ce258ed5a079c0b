"""The normalised text every reader produces: blocks in document order.

A block is a paragraph (one cell) or a table row (several cells); a cell may
hold several paragraphs separated by ``"\\n"`` (a table cell with bullet
points, say).  Blank blocks keep the blank lines of plain-text documents,
which some layouts use to group a name with its organisation.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

PARA = "para"
ROW = "row"
BLANK = "blank"

BULLET = "• "
# Characters used as list bullets by word processors and converters.
BULLET_CHARS = "•·●○◦▪■□❖➢➤►▶–-*✓✔"

_TAG = re.compile(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")
_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5",
    "h6", "blockquote", "section", "article", "header", "footer", "dt", "dd", "hr",
}  # fmt: skip
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


@dataclass(frozen=True)
class Block:
    """One paragraph or table row of a document."""

    kind: str
    cells: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The block as one line, cells separated by tabs."""
        return "\t".join(c.replace("\n", " ") for c in self.cells)


@dataclass
class Text:
    """A document's text as blocks in reading order."""

    blocks: list[Block] = field(default_factory=list)
    # "key: value" lines of a YAML/TOML front matter block (static-site
    # pages): metadata about the page, kept apart from the minutes.
    front_matter: list[str] = field(default_factory=list)

    def add_para(self, text: str) -> None:
        """Append a paragraph (several if ``text`` holds newlines)."""
        for line in text.split("\n"):
            line = clean_spaces(line)
            if line:
                self.blocks.append(Block(PARA, (line,)))

    def add_row(self, cells: list[str]) -> None:
        """Append a table row; rows that are entirely empty are dropped."""
        cleaned = tuple(
            "\n".join(p for p in (clean_spaces(x) for x in c.split("\n")) if p) for c in cells
        )
        if any(cleaned):
            self.blocks.append(Block(ROW, cleaned))

    def add_blank(self) -> None:
        """Append a blank line (runs of blanks collapse to one)."""
        if self.blocks and self.blocks[-1].kind != BLANK:
            self.blocks.append(Block(BLANK))

    def plain(self) -> str:
        """Plain text: one block per line, cells separated by tabs.

        >>> t = Text(); t.add_para("Present:"); t.add_row(["Ann Lee", "Council"])
        >>> t.plain()
        'Present:\\nAnn Lee\\tCouncil'
        """
        out = []
        for b in self.blocks:
            out.append("" if b.kind == BLANK else b.text)
        return "\n".join(out).strip("\n")

    def is_empty(self) -> bool:
        """True when no block carries any visible text."""
        return not any(any(c.strip() for c in b.cells) for b in self.blocks)


_FRONT = re.compile(r"\A\ufeff?(---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n\1[ \t]*(?:\r?\n|\Z)", re.S)


def split_front_matter(raw: str) -> tuple[list[str], str]:
    """Split a leading YAML (``---``) or TOML (``+++``) front matter off a page.

    Its dates are when the page was made or changed, not when the meeting
    met, so the extractor reads them only when the minutes give none.

    A page whose minutes are all in its front matter ("attendees:", "actions:"
    as YAML, nothing after it) has no metadata apart: the front matter is
    its text.

    >>> split_front_matter("---\\ntitle: Board 2 May\\nlayout: post\\n---\\nMinutes")
    (['title: Board 2 May', 'layout: post'], 'Minutes')
    >>> split_front_matter("---\\ntitle: Board\\nactions:\\n  - Ann to call\\n---\\n")
    ([], 'title: Board\\nactions:\\n  - Ann to call')
    """
    m = _FRONT.match(raw)
    if not m or len(m.group(2)) > 20000:
        return [], raw
    lines = [ln.strip() for ln in m.group(2).splitlines() if re.match(r"^\s*[\w-]+\s*[:=]", ln)]
    if not lines:
        return [], raw
    if not raw[m.end() :].strip():
        return [], m.group(2)
    return lines, raw[m.end() :]


_APOSTROPHES = str.maketrans({"\u201f": "’", "\u201b": "’", "\u02bc": "’"})
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_STRUCK = re.compile(r"(?<![\w~])~~?(?=\S)([^~]+?)(?<=\S)~~?(?![\w~])")
# An ATX heading's optional closing hashes: "## Roll ##".
_MD_CLOSING = re.compile(r"\s+#+$")


def clean_spaces(text: str) -> str:
    """Collapse runs of spaces, strip, and drop Markdown emphasis markers.

    >>> clean_spaces("  **Present**:\\u00a0 ")
    'Present:'
    >>> clean_spaces("## Roll ##")
    'Roll'
    >>> clean_spaces("Councillor O\\u201fBrien")
    'Councillor O’Brien'
    """
    if (
        text.isascii()
        and text == text.strip()
        and "  " not in text
        and "\t" not in text
        and "**" not in text
        and "__" not in text
        and "~" not in text
        and not text.startswith("#")
    ):
        # Most lines are already clean, and each passes here up to three times.
        return text
    text = text.replace("\u200b", "").replace("\ufeff", "")
    if not text.isascii():
        # "O‟Brien", "Oʼ Neill": apostrophes a PDF converter or keyboard chose
        # (U+201F, U+201B, U+02BC), read as the usual one.
        text = text.translate(_APOSTROPHES)
    if "**" in text or "__" in text:
        # Markdown bold/italic markers would otherwise end up in titles and names.
        text = _EMPHASIS.sub(r"\2", text).replace("**", "")
    if "~" in text:
        # "~~Book the hall~~", "~DH: pull out the list.~": struck through when
        # done, still what the minutes recorded.
        text = _STRUCK.sub(r"\1", text)
    text = text.strip()
    if text.startswith("#"):
        text = _MD_HEADING.sub("", text)
        if text.endswith("#"):
            text = _MD_CLOSING.sub("", text)
    return _SPACES.sub(" ", text).strip()


def has_markup(text: str) -> bool:
    """True if the text holds HTML tags or entities left by a converter.

    >>> has_markup("<p>Hello</p>"), has_markup("Fish &amp; chips"), has_markup("a < b")
    (True, True, False)
    """
    return ("<" in text and bool(_TAG.search(text))) or ("&" in text and bool(_ENTITY.search(text)))


def fragment_to_lines(fragment: str) -> list[str]:
    """Turn an HTML fragment (as left inside text files) into paragraphs.

    Regular expressions rather than a parser: fragments are often unbalanced
    (a ``<p>`` opened in one table cell and closed in the next) and this runs
    on every line of large archives.

    >>> fragment_to_lines("<p>One &amp; two</p> <ul><li>three</li></ul>")
    ['One & two', '• three']
    """

    def repl(m: re.Match[str]) -> str:
        tag = m.group(1).lower()
        closing = m.group(0).lstrip("< ").startswith("/")
        if tag == "li" and not closing:
            return "\n" + BULLET
        if tag in ("td", "th"):
            return "\n"
        if tag in _BLOCK_TAGS:
            return "\n"
        return ""

    text = re.sub(r"<!--.*?-->", "", fragment, flags=re.S)
    text = re.sub(r"<(script|style)\b.*?</\1\s*>", "", text, flags=re.S | re.I)
    text = _TAG.sub(repl, text)
    text = html.unescape(text)
    return split_bullets(text)


_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")
_INLINE_BULLET = re.compile(r"\s+[•●▪❖➢]\s+")
# Arrows mark points as bullets do: "=> Decided: …", "-> Tom to …".
_LEADING_BULLET = re.compile(r"^(?:[•·●○◦▪■□❖➢➤►▶✓✔*→⇒]|[-=]>|-(?=\s|$))\s*")


_LEADING_MARKS = frozenset("•·●○◦▪■□❖➢➤►▶✓✔*-=→⇒")


def _has_bullet(text: str) -> bool:
    return "•" in text or "●" in text or "▪" in text or "❖" in text or "➢" in text


def split_bullets(text: str) -> list[str]:
    """Split text into lines, one per bullet, each bullet marked ``"• "``.

    Converters often flatten a list into one paragraph (``"a • b • c"``).

    >>> split_bullets("Agreed: • one • two\\n· three")
    ['Agreed:', '• one', '• two', '• three']
    >>> split_bullets("*1.1 Attendees:*\\n* Ann Lee")
    ['1.1 Attendees:', '• Ann Lee']
    """
    lines: list[str] = []
    for raw in text.split("\n"):
        pieces = _INLINE_BULLET.split(raw) if _has_bullet(raw) else [raw]
        for i, part in enumerate(pieces):
            part = clean_spaces(part)
            if not part:
                continue
            if part[0] == "*" and part[-1] == "*" and 2 < len(part) <= 60 and part[1] not in " *":
                # "*1.1 Attendees:*": a heading in Markdown's italics, not a bullet.
                part = part[1:-1].strip()
            stripped = _LEADING_BULLET.sub("", part) if part[0] in _LEADING_MARKS else part
            if i > 0 or stripped != part:
                if not stripped:
                    continue
                part = BULLET + stripped
            lines.append(part)
    return lines
