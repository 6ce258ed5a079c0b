"""Where things sit in a document's text: item headings, and the item a sentence falls under."""

from __future__ import annotations


def _squash(text: str) -> str:
    return " ".join(text.lower().split())


class TextIndex:
    """Finds where items, decisions and actions sit in the document's text.

    >>> ix = TextIndex("1. Welcome\\nHello.\\n2. Budget\\nThe budget was agreed.")
    >>> at = ix.item_positions([("1", "Welcome"), ("2", "Budget")])
    >>> ix.item_for(ix.find("The budget was agreed"), at), ix.minute_texts([("2", "Budget")])
    (1, ['The budget was agreed.'])
    """

    def __init__(self, text: str) -> None:
        self.flat = _squash(text)
        self.lines = text.splitlines()

    def find(self, needle: str, start: int = 0) -> int:
        words = _squash(needle)[:60]
        if not words:
            return -1
        return self.flat.find(words, start)

    def heading(self, number: str, title: str, start: int) -> int:
        at = self.find(f"{number} {title}", start)
        if at < 0:
            at = self.find(f"{number}. {title}", start)
        if at < 0:
            at = self.find(title, start)
        return at

    def item_positions(self, items: list[tuple[str, str]]) -> list[int]:
        """Each item heading's position in the flat text, in order (-1 when not found)."""
        out, cursor = [], 0
        for number, title in items:
            at = self.heading(number, title, cursor)
            if at >= 0:
                cursor = at + 1
            out.append(at)
        return out

    @staticmethod
    def item_for(position: int, positions: list[int]) -> int:
        """The index of the last item whose heading comes before ``position`` (else 0)."""
        chosen = 0
        for n, at in enumerate(positions):
            if 0 <= at <= position:
                chosen = n
        return chosen

    def minute_texts(self, items: list[tuple[str, str]]) -> list[str]:
        """Each item's minute text: the lines between its heading and the next item's."""
        line_starts = []
        pos = 0
        for text_line in self.lines:
            at = self.flat.find(_squash(text_line), pos) if text_line.strip() else -1
            line_starts.append(at if at >= 0 else pos)
            if at >= 0:
                pos = at
        found: list[tuple[int, int]] = []
        for at in self.item_positions(items):
            if at < 0:
                found.append((-1, -1))
                continue
            line = max((i for i, s in enumerate(line_starts) if s <= at), default=0)
            found.append((at, line))
        out = []
        for n, (at, line) in enumerate(found):
            if at < 0:
                out.append("")
                continue
            following = [ln for a, ln in found[n + 1 :] if a >= 0 and ln > line]
            end = following[0] if following else len(self.lines)
            body = "\n".join(x for x in self.lines[line + 1 : end] if x.strip())
            out.append(body[:20000])
        return out
