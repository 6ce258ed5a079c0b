"""Other light markups as the Markdown reader reads them: reStructuredText
(.rst), MediaWiki (.wiki) and Org (.org).

Minutes published through Sphinx, a wiki or Emacs carry their own markup:
rST field lists (":Date: 7 May 2024"), directives (".. contents::"),
section numbers that only the rendered page shows (".. sectnum::"), links
("`Paper <https://…>`_"); wiki headings ("== Present ==") and links
("[[Page|label]]"); Org headings ("** Attendees") and settings
("#+DATE: <2014-07-28>").  Each becomes the plain line a reader sees.
"""

from __future__ import annotations

import re
from collections.abc import Callable


def as_markdown(raw: str, extension: str) -> str:
    """``raw`` in a markup the text reader knows, by the file's extension.

    >>> as_markdown(":Date: 7 May 2024\\n.. contents::\\n", ".rst")
    'Date: 7 May 2024\\n'
    >>> as_markdown("== Present ==\\n'''Ann''' and [[User:Bo|Bo]]", ".wiki")
    'Present\\nAnn and Bo'
    >>> as_markdown("#+DATE: <2014-07-28>\\n** Attendees\\n", ".org")
    'Date: 2014-07-28\\nAttendees\\n'
    """
    convert = MARKUPS.get(extension)
    return convert(raw) if convert else raw


_RST_FIELD = re.compile(r"^:([A-Za-z][\w &/-]{0,30}):(?:\s+|$)", re.M)
_RST_DIRECTIVE = re.compile(r"^\.\.\s+(?:[\w:-]+::.*|_[^:]+:.*|\[[^\]]+\].*)?$")
_RST_OPTION = re.compile(r"^\s+:[\w-]+:.*$")
_RST_LINK = re.compile(r"`([^`<]+?)\s*<[^>`]+>`__?")
_RST_ROLE = re.compile(r":[\w-]+:`([^`]+)`|`([^`]+)`_{0,2}")
_RST_LITERAL = re.compile(r"``([^`]+)``")
_ADORNMENT = re.compile(r"^([=\-~^\"'`#*+_:.])\1{2,}\s*$")


def _from_rst(raw: str) -> str:
    lines = raw.split("\n")
    numbered = any(ln.strip().startswith(".. sectnum::") for ln in lines)
    titles = _rst_section_levels(lines) if numbered else {}
    out: list[str] = []
    in_directive = False
    count = 0
    for n, line in enumerate(lines):
        if _RST_DIRECTIVE.match(line):
            in_directive = True
            continue
        if in_directive and (_RST_OPTION.match(line) or (line[:1] in " \t" and line.strip())):
            continue
        in_directive = False
        if n in titles:
            count += 1
            line = f"{count}. {line.strip()}"
        if "`" in line:
            line = _RST_LITERAL.sub(r"\1", line)
            line = _RST_LINK.sub(r"\1", line)
            line = _RST_ROLE.sub(lambda m: m.group(1) or m.group(2), line)
        out.append(line)
    return _RST_FIELD.sub(r"\1: ", "\n".join(out))


def _rst_section_levels(lines: list[str]) -> set[int]:
    """The lines of the top-level section titles that ``.. sectnum::`` numbers:
    titles underlined in the first style used after the document's title (a
    title with a line above it too has a style of its own)."""
    styles: list[tuple[str, bool]] = []
    found: dict[int, tuple[str, bool]] = {}
    for n in range(1, len(lines)):
        under = _ADORNMENT.match(lines[n])
        title = lines[n - 1].strip()
        if not under or not title or _ADORNMENT.match(lines[n - 1]):
            continue
        over = n >= 2 and lines[n - 2].strip() == lines[n].strip()
        style = (under.group(1), over)
        if style not in styles:
            styles.append(style)
        found[n - 1] = style
    top = next((s for s in styles if not s[1]), None)
    return {n for n, style in found.items() if style == top}


_WIKI_HEADING = re.compile(r"^(={1,6})\s*(.*?)\s*\1\s*$", re.M)
_WIKI_EMPHASIS = re.compile(r"'{2,5}")
_WIKI_LINK = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]]*)\]\]")
_WIKI_EXTERNAL = re.compile(r"\[(?:https?|ftp|mailto):[^\s\]]+\s+([^\]]+)\]")
_WIKI_LIST = re.compile(r"^([*#:;]+)\s*", re.M)


def _from_wiki(raw: str) -> str:
    text = _WIKI_HEADING.sub(r"\2", raw)
    text = _WIKI_EMPHASIS.sub("", text)
    text = _WIKI_LINK.sub(r"\1", text)
    text = _WIKI_EXTERNAL.sub(r"\1", text)
    # "* item", "** sub-item", "# numbered": bullets, as the wiki shows them.
    return _WIKI_LIST.sub(lambda m: "  " * (len(m.group(1)) - 1) + "- ", text)


_ORG_HEADING = re.compile(r"^\*+\s+", re.M)
_ORG_SETTING = re.compile(r"^#\+([A-Za-z_]+):\s*(.*)$", re.M)
_ORG_STAMP = re.compile(r"[<\[](\d{4}-\d{2}-\d{2})(?:\s+[A-Za-z]{2,3})?(\s+\d{1,2}:\d{2})?[>\]]")
_ORG_LINK = re.compile(r"\[\[([^\]]*)\](?:\[([^\]]*)\])?\]")


def _from_org(raw: str) -> str:
    text = _ORG_SETTING.sub(lambda m: f"{m.group(1).title()}: {m.group(2)}", raw)
    text = _ORG_HEADING.sub("", text)
    text = _ORG_STAMP.sub(lambda m: m.group(1) + (m.group(2) or ""), text)
    return _ORG_LINK.sub(lambda m: m.group(2) or m.group(1), text)


# Each markup's extension and how it reads as Markdown.
MARKUPS: dict[str, Callable[[str], str]] = {
    ".rst": _from_rst,
    ".wiki": _from_wiki,
    ".org": _from_org,
}
