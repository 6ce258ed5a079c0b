"""HTML reader (BeautifulSoup with the standard library's html.parser)."""

from __future__ import annotations

from typing import Any

from concord.ingest import limits
from concord.ingest.readers.plain import decode
from concord.ingest.text import BULLET, Text, split_bullets

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
    return parse(decode(data, name))


def parse(markup: str) -> Text:
    """Parse HTML markup into blocks.

    >>> [b.cells for b in parse("<h1>Board</h1><ul><li>one</li></ul>").blocks]
    [('Board',), ('• one',)]
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    root = soup.body or soup
    text = Text()
    buffer: list[str] = []

    def flush() -> None:
        joined = "".join(buffer)
        buffer.clear()
        for line in split_bullets(joined):
            text.add_para(line)

    def cell_text(cell: Any) -> str:
        parts: list[str] = []

        def walk_cell(node: Any) -> None:
            for child in getattr(node, "children", []):
                if isinstance(child, str):
                    if type(child).__name__ in ("Comment", "Doctype", "Declaration"):
                        continue
                    parts.append(str(child))
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
            if isinstance(child, str):
                if type(child).__name__ in ("Comment", "Doctype", "Declaration", "CData"):
                    continue
                buffer.append(str(child))
                continue
            name = child.name
            if name in _SKIP:
                continue
            if name == "br":
                buffer.append("\n")
            elif name == "table":
                flush()
                for tr in child.find_all("tr"):
                    # Rows of nested tables are read with their own table.
                    if tr.find_parent("table") is not child:
                        continue
                    cells = [cell_text(td) for td in tr.find_all(["td", "th"], recursive=False)]
                    text.add_row(cells)
                    for nested in tr.find_all("table"):
                        if nested.find_parent("tr") is tr:
                            walk_table_inner(nested)
            elif name in _BREAKS:
                flush()
                if name == "li":
                    buffer.append(BULLET)
                walk(child)
                flush()
            else:
                walk(child)

    def walk_table_inner(table: Any) -> None:
        for tr in table.find_all("tr"):
            if tr.find_parent("table") is table:
                text.add_row([cell_text(td) for td in tr.find_all(["td", "th"], recursive=False)])

    walk(root)
    flush()
    return text
