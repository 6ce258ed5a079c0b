"""HTML reader (BeautifulSoup with the standard library's html.parser)."""

from __future__ import annotations

import re
from typing import Any

from concord.ingest import limits
from concord.ingest.readers.plain import decode
from concord.ingest.text import BULLET, Text, split_bullets, split_front_matter

EXTENSIONS = (".html", ".htm", ".xhtml")

_SKIP = {"script", "style", "head", "title", "noscript", "template", "svg"}
_BREAKS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "blockquote", "section", "article", "header", "footer", "main", "aside", "nav",
    "pre", "hr", "form", "figure", "figcaption", "address", "center",
}  # fmt: skip


def read(data: bytes, name: str) -> Text:
    """Read an HTML page: headings, paragraphs, list items and table rows."""
    limits.refuse_entity_declarations(data)
    front, markup = split_front_matter(decode(data, name))
    text = parse(markup)
    # The page's <title> ("2022 AGM | Riverside Users Group") is page
    # metadata, like front matter: the body may be named only there.
    text.front_matter = front + text.front_matter
    return text


# Whitespace a browser shows as one space: the line breaks of the page's
# source (Word's "Web page, filtered" wraps every paragraph at ~80 columns)
# are no line breaks of the text.  A no-break space is kept.
_SOURCE_SPACE = re.compile(r"[ \t\r\n\f]+")


def _shown(node: Any, has_pre: bool = False) -> str:
    """A text node as a browser shows it: source whitespace runs as one space.

    ``has_pre``: the page holds a ``<pre>`` block, whose text keeps its lines.

    >>> _shown("held on\\n  Monday")
    'held on Monday'
    """
    s = str(node)
    if "\n" not in s and "  " not in s and "\t" not in s and "\r" not in s:
        return s
    parent = getattr(node, "parent", None) if has_pre else None
    if parent is not None and (parent.name == "pre" or parent.find_parent("pre")):
        return s
    return _SOURCE_SPACE.sub(" ", s)


_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "strong", "b"}
_CHROME_ROLES = {"navigation", "search"}
_CHROME_CLASSES = re.compile(r"(?i)breadcrumb|skip-?link|skip-to")


def is_site_chrome(element: Any) -> bool:
    """Whether an element is the site's, not the page's: its menus and
    breadcrumbs (``<nav>``, role "navigation"), search boxes, "Skip to
    content" links and sidebars that are lists of links.  A council's
    "Council tax" menu names no body.

    >>> from bs4 import BeautifulSoup
    >>> page = BeautifulSoup('<nav><a>Council tax</a></nav><p class="x">Cabinet</p>', "html.parser")
    >>> [is_site_chrome(e) for e in page.find_all(True)]
    [True, False, False]
    """
    if element.name in ("nav", "form"):
        # (A form on a page of minutes is a search or sign-up box.)
        return True
    if element.get("role") in _CHROME_ROLES:
        return True
    marks = " ".join([*(element.get("class") or []), element.get("id") or ""])
    if marks.strip() and _CHROME_CLASSES.search(marks):
        return True
    if element.name == "aside":
        # A sidebar of links ("In this section: About us, Members, …").
        shown = len(element.get_text(strip=True))
        linked = sum(len(a.get_text(strip=True)) for a in element.find_all("a"))
        return shown > 0 and linked * 2 >= shown
    return False


# The first cell of a numbered heading: "3.", "4.1", "(b)", "IV", "Item 2", "23/14".
_NUMBERED = re.compile(
    r"(?i)^\s*(?:item\s+|minute\s+)?(?:\(?[\divx]{1,4}[.)]?(?:\d{1,3}\.?)*|\(?[a-z]\)|[\w/.-]*\d)\s*$"
)


def parse(markup: str) -> Text:
    """Parse HTML markup into blocks.

    >>> [b.cells for b in parse("<h1>Board</h1><ul><li>one</li></ul>").blocks]
    [('Board',), ('• one',)]
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    root = soup.body or soup
    has_pre = soup.find("pre") is not None
    text = Text()
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    if title:
        text.front_matter = [f"title: {' '.join(title.split())}"]
    buffer: list[str] = []
    # What a browser shows before the next list item (a bullet, or the
    # number of a top-level <ol> item); it goes before the item's first
    # text, even when that text is inside a heading or paragraph of the item.
    marker: list[str] = []

    def flush() -> None:
        joined = "".join(buffer)
        buffer.clear()
        if "\t" in joined and not marker:
            # Word's tabs between a name and an organisation, or a number and
            # its title: columns, as a typed text file's tabs are.
            for line in joined.split("\n"):
                cells = [c for c in line.split("\t") if c.strip()]
                # "Venue:<tab>Room 2", "3.<tab>Finance": a label and its value,
                # a number and its heading, read as one line.
                labelled = len(cells) == 2 and cells[0].rstrip().endswith(":")
                if len(cells) > 1 and not (labelled or _NUMBERED.match(cells[0])):
                    text.add_row(cells)
                else:
                    text.add_para(line.replace("\t", " "))
            return
        for line in split_bullets(joined):
            if marker:
                bare = line[len(BULLET) :] if line.startswith(BULLET) else line
                line = marker.pop() + bare
            text.add_para(line)

    def cell_text(cell: Any) -> str:
        parts: list[str] = []

        def walk_cell(node: Any) -> None:
            for child in getattr(node, "children", []):
                if isinstance(child, str):
                    if type(child).__name__ in ("Comment", "Doctype", "Declaration"):
                        continue
                    parts.append(_shown(child, has_pre))
                elif child.name in _SKIP or child.name == "table":
                    continue
                elif child.name == "br":
                    parts.append("\n")
                elif child.name in _BREAKS:
                    parts.append("\n" + (BULLET if child.name == "li" else ""))
                    walk_cell(child)
                    parts.append("\n")
                else:
                    walk_cell(child)

        walk_cell(cell)
        return "\n".join(split_bullets("".join(parts)))

    def walk(node: Any) -> None:
        for child in getattr(node, "children", []):
            visit(child)

    def visit(child: Any) -> None:
        if isinstance(child, str):
            if type(child).__name__ not in ("Comment", "Doctype", "Declaration", "CData"):
                buffer.append(_shown(child, has_pre))
            return
        name = child.name
        if name in _SKIP or is_site_chrome(child):
            return
        if name == "span" and "mso-tab-count" in child.get("style", ""):
            # Word's "Save as web page" writes a tab as a span of spaces.
            buffer.append("\t")
            return
        if name == "br":
            buffer.append("\n")
        elif name == "table":
            flush()
            for tr in child.find_all("tr"):
                # Rows of nested tables are read with their own table.
                if tr.find_parent("table") is not child:
                    continue
                layout = _layout_cell(tr)
                if layout is not None:
                    # A table used for page layout (a FrontPage page in one
                    # cell): its cell is read as the page, tables in place.
                    walk(layout)
                    flush()
                    continue
                add_row(tr)
                for nested in tr.find_all("table"):
                    if nested.find_parent("tr") is tr:
                        walk_table_inner(nested)
        elif name in _BREAKS:
            flush()
            n = _ol_number(child) if name == "li" else None
            if name == "li":
                marker[:] = [f"{n}. " if n is not None else BULLET]
            if n is None:
                walk(child)
            else:
                # "<li><strong>Budget</strong> The budget was set.</li>": the
                # bold words are the item's title, on a line of their own.
                leading = True
                for node in child.children:
                    visit(node)
                    bold = leading and node.name in ("strong", "b")
                    if bold and not node.get_text().strip().endswith(":"):
                        buffer.append("\n")
                    leading = leading and not (node.name or str(node).strip())
            flush()
            if name == "li":
                marker.clear()
        else:
            walk(child)

    def add_row(tr: Any) -> None:
        cells = [cell_text(td) for td in tr.find_all(["td", "th"], recursive=False)]
        if sum(1 for c in cells if c.strip()) <= 1 and not tr.find("th"):
            # A table used for page layout: its one filled cell is running
            # text, read as paragraphs.
            for c in cells:
                for line in c.split("\n"):
                    text.add_para(line)
        else:
            text.add_row(cells)

    def walk_table_inner(table: Any) -> None:
        for tr in table.find_all("tr"):
            if tr.find_parent("table") is table:
                add_row(tr)

    walk(root)
    flush()
    return text


def _layout_cell(tr: Any) -> Any | None:
    """The one cell of a row that lays out a page: it alone holds anything,
    and tables of its own (a table in a table is layout, not data)."""
    cells = tr.find_all(["td", "th"], recursive=False)
    filled = [c for c in cells if c.get_text(strip=True)]
    if len(filled) != 1 or filled[0].name == "th" or filled[0].find("table") is None:
        return None
    return filled[0]


def _ol_number(li: Any) -> str | None:
    """The number a browser shows before a top-level ``<ol>`` item, else None.

    Only items that open with a heading (``<li><h4>Planning</h4>…``) are
    numbered: that is a minutes' list of items.  A plain numbered list
    (of actions, say) keeps its bullets, as do nested, lettered and roman
    lists.
    """
    first = next((c for c in li.children if getattr(c, "name", None) or str(c).strip()), None)
    ol = li.parent
    if ol is None or ol.name != "ol" or ol.find_parent(["ol", "ul"]) is not None:
        return None
    if getattr(first, "name", None) not in _HEADINGS:
        # "<li>Minutes<br/>Approved.</li>": a short title over its text, in a
        # list whose every item has one, is numbered like a heading.
        siblings = ol.find_all("li", recursive=False)
        if len(siblings) < 2 or not all(_titled(sib) for sib in siblings):
            return None
    kind = (ol.get("type") or "1").strip()
    if kind != "1" or "roman" in " ".join(ol.get("class") or []) or "alpha" in str(ol.get("style")):
        return None
    try:
        start = int(ol.get("start") or 1)
    except ValueError:
        start = 1
    siblings = list(ol.find_all("li", recursive=False))
    for n, sib in enumerate(siblings):
        if sib is li:
            value = sib.get("value")
            return str(value) if value and str(value).isdigit() else str(start + n)
    return None


_BLOCKS = {"br", "p", "div", "ul", "ol", "table"}


def _titled(li: Any) -> bool:
    """Whether a list item opens with a short title line followed by its text.

    The title is the item's words before its first ``<br>`` or block: up to
    twelve words that do not end a sentence.
    """
    title: list[str] = []
    for node in li.children:
        name = getattr(node, "name", None)
        if name in _BLOCKS:
            words = " ".join(title).split()
            rest = node.get_text(" ", strip=True) if name != "br" else ""
            after = rest or "".join(
                n.get_text(" ") if getattr(n, "name", None) else str(n) for n in node.next_siblings
            )
            return (
                0 < len(words) <= 12
                and not " ".join(words).endswith((".", ";", ","))
                and bool(after.strip())
            )
        if name in _HEADINGS:
            return False
        title.append(node.get_text(" ") if name else str(node))
    return False
