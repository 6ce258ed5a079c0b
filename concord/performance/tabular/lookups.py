"""Finding the indicator and the area a row of figures names: by code, or by name.

Spreadsheets name things as people know them: an indicator by its code or its
title, an area by its GSS code, its local code or its name. Codes are unique;
a name may not be (two wards called "Harrowby" in different authorities), and
an ambiguous name is refused with the candidates listed, never guessed.
Everything is read into memory first: checking rows runs no query.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Generic, TypeVar

V = TypeVar("V")
CANDIDATES_SHOWN = 5


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass
class Lookup(Generic[V]):
    """Codes and names to values; ``find`` says what a text names, or why it names nothing.

    >>> areas = Lookup("area")
    >>> areas.add_code("E05000001", 1, "Harrowby (E05000001)")
    >>> areas.add_name("Harrowby", 1, "Harrowby (E05000001)")
    >>> areas.add_code("E05000002", 2, "Harrowby (E05000002)")
    >>> areas.add_name("Harrowby", 2, "Harrowby (E05000002)")
    >>> areas.find("e05000001")
    (1, '')
    >>> areas.find("harrowby")[1]
    "'harrowby' names more than one area: Harrowby (E05000001), Harrowby (E05000002); use its code"
    >>> areas.find("Nowhere")[1]
    "unknown area code 'Nowhere' (nor the name of one)"
    """

    noun: str
    name_word: str = "name"
    codes: dict[str, V] = field(default_factory=dict)
    names: dict[str, dict[V, str]] = field(default_factory=lambda: defaultdict(dict))
    # How many texts were found by code and how many by name: how the column was read.
    found_by: dict[str, int] = field(default_factory=lambda: {"code": 0, "name": 0})
    # Each text already looked up: (value, reason, how it was found).
    _found: dict[str, tuple[V | None, str, str]] = field(default_factory=dict, repr=False)

    def add_code(self, code: str, value: V, label: str) -> None:
        self.codes[_key(code)] = value
        self._found.clear()

    def add_name(self, name: str, value: V, label: str) -> None:
        self.names[_key(name)][value] = label
        self._found.clear()

    def reading(self) -> str:
        """How the column was read, in words, e.g. "by code (12 rows), by name (3 rows)".

        >>> areas = Lookup("area")
        >>> areas.add_code("E05000001", 1, "")
        >>> areas.find("E05000001")
        (1, '')
        >>> areas.reading()
        'by code (1 row)'
        """
        parts = [
            f"by {self.name_word if how == 'name' else 'code'} ({n} row{'' if n == 1 else 's'})"
            for how, n in self.found_by.items()
            if n
        ]
        return ", ".join(parts) or "no rows read"

    def find(self, text: str) -> tuple[V | None, str]:
        """The value ``text`` names and ``""``, or ``None`` and the reason.

        A file names the same few hundred codes thousands of times: each
        distinct text is looked up once and remembered (``found_by`` still
        counts every row).
        """
        known = self._found.get(text)
        if known is None:
            known = self._found[text] = self._find(text)
        value, problem, how = known
        if how:
            self.found_by[how] += 1
        return value, problem

    def _find(self, text: str) -> tuple[V | None, str, str]:
        """The value, the reason, and how it was found ("code", "name" or "")."""
        key = _key(text)
        if key in self.codes:
            return self.codes[key], "", "code"
        named = self.names.get(key)
        if named and len(named) == 1:
            return next(iter(named)), "", "name"
        if named:
            labels = sorted(named.values())
            shown = ", ".join(labels[:CANDIDATES_SHOWN])
            more = (
                f" and {len(labels) - CANDIDATES_SHOWN} more"
                if len(labels) > CANDIDATES_SHOWN
                else ""
            )
            return (
                None,
                f"'{text}' names more than one {self.noun}: {shown}{more}; use its code",
                "",
            )
        return None, f"unknown {self.noun} code '{text}' (nor the {self.name_word} of one)", ""
