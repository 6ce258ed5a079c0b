"""Sections of the home page that apps above the portal add, without the portal importing them.

The portal (layer 5) may not import the registers (layer 6) or anything higher,
yet its home page shows their news (consultations open now). A higher app
registers a :class:`Section` in its ``AppConfig.ready``; the home page renders
each registered section, in order, with the context its callable returns for
the viewer. A section's callable must run a fixed number of queries (the home
page's count is pinned whatever the data's size).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from concord.lib.access import Viewer


@dataclass(frozen=True)
class Section:
    """One part of the home page: a template fragment and its context for a viewer."""

    key: str
    template: str
    context: Callable[[Viewer], dict[str, Any]]
    order: int = 100


SECTIONS: dict[str, Section] = {}


def register(section: Section) -> None:
    """Add (or replace, by key: ``ready`` may run twice in tests) a home page section."""
    SECTIONS[section.key] = section


def rendered_sections(viewer: Viewer) -> list[tuple[str, dict[str, Any]]]:
    """``(template, context)`` of every registered section, in order, for ``viewer``."""
    ordered = sorted(SECTIONS.values(), key=lambda s: (s.order, s.key))
    return [(s.template, s.context(viewer)) for s in ordered]
