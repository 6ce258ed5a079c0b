"""Frozen dataclasses made in bulk."""

from __future__ import annotations

from typing import Any, TypeVar

T = TypeVar("T")


def made_frozen(cls: type[T], fields: dict[str, Any]) -> T:
    """``cls(**fields)`` for a frozen dataclass with every field given, made without
    the ``object.__setattr__`` call per field of its generated ``__init__``: for the
    loaders and pages that make thousands of them (a dashboard's figures and rows).

    Only for dataclasses without ``__slots__`` or ``__post_init__``; the object is the
    same as ``cls(**fields)`` (equal, hashed and shown alike, and as frozen).

    >>> from dataclasses import dataclass
    >>> @dataclass(frozen=True)
    ... class Pair:
    ...     left: int
    ...     right: int = 0
    >>> made_frozen(Pair, {"left": 1, "right": 2}) == Pair(1, 2)
    True
    """
    made = object.__new__(cls)
    made.__dict__.update(fields)
    return made
