"""The partnership's structure, drawn from the data: who reports to whom, and who sits where.

``structure_for(viewer)`` gathers the bodies a viewer may see, each with the
body it reports to (only when the viewer may see that one too: a public theme
group under a members-only board is drawn as a top-level body, never with its
parent's name) and the organisations represented on it today, by sector.
``as_tree`` gives the nested list that stands beside the picture as its text
equivalent; ``diagram_svg`` lays the same bodies out with Graphviz's ``dot``
(installed by ``scripts/setup``), each box a link to the body's page. The SVG
is kept in the cache under a hash of its DOT source, so a change to any body
or membership draws a new picture and nothing stale is ever served.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field

import graphviz
from django.core.cache import cache

from concord.governance.models import Body, Membership
from concord.lib.access import Viewer
from concord.people.models import Sector

SECTOR_LABELS = dict(Sector.choices)
# Box colours by kind of body (fill), light enough for black text (contrast ≥ 7:1).
KIND_FILLS = {
    "board": "#dbe9f6",
    "executive": "#dbe9f6",
    "operations_group": "#e6f2e6",
    "theme_group": "#e6f2e6",
}
OTHER_FILL = "#f3f0e8"
DOT_TIMEOUT_SECONDS = 20


@dataclass
class Seat:
    """An organisation represented on a body today."""

    name: str
    sector: str

    @property
    def sector_label(self) -> str:
        return SECTOR_LABELS.get(self.sector, self.sector)


@dataclass
class BodyNode:
    """One body in the structure, with the bodies that report to it."""

    pk: int
    name: str
    slug: str
    kind: str
    kind_label: str
    is_public: bool
    parent_pk: int | None
    organisations: list[Seat] = field(default_factory=list)
    children: list[BodyNode] = field(default_factory=list)

    @property
    def sectors(self) -> list[tuple[str, int]]:
        """(sector label, number of organisations), in the order sectors are defined."""
        counts: dict[str, int] = {}
        for seat in self.organisations:
            counts[seat.sector] = counts.get(seat.sector, 0) + 1
        return [(label, counts[key]) for key, label in Sector.choices if key in counts]


def structure_for(viewer: Viewer) -> list[BodyNode]:
    """Every body the viewer may see, by name, with its visible parent and its
    organisations represented today (two queries)."""
    bodies = list(
        Body.objects.visible_to(viewer)
        .order_by("name")
        .values_list("pk", "name", "slug", "kind", "visibility", "reports_to_id")
    )
    kinds = dict(Body._meta.get_field("kind").choices or [])
    visible = {row[0] for row in bodies}
    nodes = {
        pk: BodyNode(
            pk=pk,
            name=name,
            slug=slug,
            kind=kind,
            kind_label=str(kinds.get(kind, kind)),
            is_public=visibility == "public",
            parent_pk=parent if parent in visible and parent != pk else None,
        )
        for pk, name, slug, kind, visibility, parent in bodies
    }
    seen: set[tuple[int, int]] = set()
    seats = (
        Membership.objects.current()
        .filter(body_id__in=visible, organisation__isnull=False)
        .order_by("organisation__name")
        .values_list("body_id", "organisation_id", "organisation__name", "organisation__sector")
    )
    for body_id, org_id, org_name, sector in seats:
        if (body_id, org_id) not in seen:
            seen.add((body_id, org_id))
            nodes[body_id].organisations.append(Seat(org_name, sector))
    return list(nodes.values())


def as_tree(nodes: list[BodyNode]) -> list[BodyNode]:
    """The top-level bodies, each with its reporting bodies nested under it
    (a loop in ``reports_to`` is broken where it is met: every body appears once)."""
    by_pk = {node.pk: node for node in nodes}
    for node in nodes:
        node.children = []
    roots: list[BodyNode] = []
    for node in nodes:
        if node.parent_pk is None or _loops(node, by_pk):
            roots.append(node)
        else:
            by_pk[node.parent_pk].children.append(node)
    return roots


def _loops(node: BodyNode, by_pk: dict[int, BodyNode]) -> bool:
    """Whether following ``node``'s parents comes back to it (it then stands at the top)."""
    seen = {node.pk}
    parent = node.parent_pk
    while parent is not None and parent not in seen:
        seen.add(parent)
        parent = by_pk[parent].parent_pk
    return parent == node.pk


def diagram_source(nodes: list[BodyNode], link: Callable[[str], str]) -> str:
    """The DOT source of the diagram: a box per body (name, kind, sectors
    represented), an arrow from each body to the one it reports to; ``link``
    gives a body's page from its slug. Labels are quoted by the graphviz package."""
    dot = graphviz.Digraph("structure", graph_attr={"rankdir": "BT", "bgcolor": "transparent"})
    dot.attr("node", shape="box", style="rounded,filled", fontname="DejaVu Sans", fontsize="11")
    dot.attr("edge", color="#444444", arrowsize="0.7")
    by_pk = {node.pk: node for node in nodes}
    for node in nodes:
        lines = [node.name, node.kind_label + ("" if node.is_public else " · members only")]
        sectors = ", ".join(f"{label} {count}" for label, count in node.sectors)
        if sectors:
            lines.append(sectors)
        dot.node(
            f"b{node.pk}",
            label="\n".join(lines),
            URL=link(node.slug),
            tooltip=node.name,
            target="_top",
            fillcolor=KIND_FILLS.get(node.kind, OTHER_FILL),
        )
    for node in nodes:
        if node.parent_pk is not None and not _loops(node, by_pk):
            dot.edge(f"b{node.pk}", f"b{node.parent_pk}", tooltip="reports to")
    return str(dot.source)


_PROLOGUE = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)
_COMMENTS = re.compile(r"<!--.*?-->", re.DOTALL)


def diagram_svg(nodes: list[BodyNode], link: Callable[[str], str]) -> str:
    """The diagram as an SVG element to place in a page (no XML prologue or
    comments), drawn by ``dot`` once per distinct structure and then kept in the cache."""
    source = diagram_source(nodes, link)
    key = "structure-svg:" + hashlib.sha256(source.encode()).hexdigest()
    svg = cache.get(key)
    if svg is None:
        drawn = subprocess.run(
            ["dot", "-Tsvg"],
            input=source,
            capture_output=True,
            text=True,
            check=True,
            timeout=DOT_TIMEOUT_SECONDS,
        ).stdout
        svg = _COMMENTS.sub("", _PROLOGUE.sub("", drawn)).strip()
        cache.set(key, svg, timeout=None)
    return str(svg)
