"""The strategies' priorities and the indicators that measure each, as the public sees them.

A strategy (``concord.registers``) lists its priorities as lines of text and
links the indicators that measure it. An indicator belongs to a priority when
its *theme* (``Indicator.theme``, "Strategy priority or theme") is that
priority's line, letter case and outer spaces aside: the theme is already
how the dashboard groups and filters indicators, so the priority a figure
serves is named once, where the indicator is defined, and a new priority
needs no second list to keep in step. Linked indicators whose theme names no
priority are the strategy's ``other`` indicators.

Only what the public may read reaches here: strategies marked public of
public bodies (``Strategy.objects.visible_to``, for a visitor) that are in
force (approved, published or under review; never a draft or one out to
consultation), and indicators that are active and of a public body or of
none (``Indicator.objects.reported``, for a visitor): the *published*
indicators. Two queries, whatever the number of strategies and indicators.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.text import slugify

from concord.lib.access import Viewer
from concord.performance.models import Indicator
from concord.performance.models.indicators import IndicatorQuerySet
from concord.registers.models import Strategy
from concord.registers.models.strategies import StrategyStatus

PUBLIC = Viewer()  # the facts portal shows what a visitor sees, whoever is signed in
IN_FORCE = (StrategyStatus.APPROVED, StrategyStatus.PUBLISHED, StrategyStatus.UNDER_REVIEW)


@dataclass(frozen=True)
class Priority:
    """One priority of a strategy: its line, its number (from 1), its slug (its page's
    address: :func:`priority_slugs`) and its indicators."""

    strategy: Strategy
    number: int
    title: str
    indicators: list[Indicator] = field(default_factory=list)
    slug: str = ""


def priority_slugs(titles: list[str]) -> list[str]:
    """Each priority line's slug, unique within its strategy: the line slugified, so
    a priority keeps its address when lines are inserted or moved above it. A line with
    no letters or digits, or only digits (which would read as an old numbered address),
    is ``priority-<n>``; a line slugified like an earlier one gets ``-<n>`` added.

    >>> priority_slugs(["Safer streets", "  safer STREETS!", "2030", "***"])
    ['safer-streets', 'safer-streets-2', 'priority-3', 'priority-4']
    """
    slugs: list[str] = []
    for n, title in enumerate(titles, 1):
        slug = slugify(title)[:80].strip("-")
        if not slug or slug.isdigit():
            slug = f"priority-{n}"
        if slug in slugs:
            slug = f"{slug}-{n}"
        slugs.append(slug)
    return slugs


@dataclass(frozen=True)
class StrategyFacts:
    """A strategy in force with its priorities, and its linked indicators that name none."""

    strategy: Strategy
    priorities: list[Priority]
    other: list[Indicator]


def theme_key(text: str) -> str:
    """How a priority and a theme are matched: case and outer spaces aside.

    >>> theme_key("  Safer Streets ") == theme_key("safer streets")
    True
    """
    return " ".join(text.split()).casefold()


def published_indicators() -> IndicatorQuerySet:
    """The indicators the public may see on the facts pages (active, of a public body or none)."""
    return Indicator.objects.reported(PUBLIC).select_related("body", "dataset")


def public_strategies(strategy_id: int | None = None) -> list[Strategy]:
    """Strategies in force the public may read (or the one of ``strategy_id``), newest
    first, with their published indicators (two queries)."""
    indicators = published_indicators().order_by("code")
    qs = Strategy.objects.visible_to(PUBLIC).filter(status__in=IN_FORCE)
    if strategy_id is not None:
        qs = qs.filter(pk=strategy_id)
    return list(qs.prefetch_related(Prefetch("indicators", queryset=indicators)))


def strategy_facts(strategy: Strategy) -> StrategyFacts:
    """A strategy's priorities, each with the linked indicators whose theme names it
    (no query: the indicators were prefetched by :func:`public_strategies`)."""
    linked = list(strategy.indicators.all())
    by_theme: dict[str, list[Indicator]] = {}
    for indicator in linked:
        by_theme.setdefault(theme_key(indicator.theme), []).append(indicator)
    titles = list(strategy.priority_list)
    priorities = [
        Priority(strategy, n, title, by_theme.get(theme_key(title), []), slug)
        for n, (title, slug) in enumerate(zip(titles, priority_slugs(titles), strict=True), 1)
    ]
    named = {theme_key(p.title) for p in priorities}
    other = [ind for ind in linked if theme_key(ind.theme) not in named]
    return StrategyFacts(strategy, priorities, other)


def all_facts() -> list[StrategyFacts]:
    """Every strategy in force with its priorities (two queries)."""
    return [strategy_facts(s) for s in public_strategies()]


def find_priority(strategy_id: int, slug: str) -> Priority | None:
    """The priority of a public strategy in force with this slug, or ``None`` (two queries)."""
    if not 0 < strategy_id < 2**63 or len(slug) > 100:
        return None
    for strategy in public_strategies(strategy_id):
        for priority in strategy_facts(strategy).priorities:
            if priority.slug == slug:
                return priority
    return None


def find_numbered_priority(strategy_id: int, number: int) -> Priority | None:
    """The ``number``-th priority of a public strategy in force (the old numbered
    addresses, which now redirect), or ``None`` (two queries)."""
    if not 0 < strategy_id < 2**63 or not 0 < number <= 1000:
        return None
    for strategy in public_strategies(strategy_id):
        priorities = strategy_facts(strategy).priorities
        if number <= len(priorities):
            return priorities[number - 1]
    return None


def facts_indicators(facts: list[StrategyFacts]) -> list[tuple[Priority, Indicator]]:
    """Each indicator under a priority, once, with the first priority it is under."""
    seen: set[int] = set()
    out = []
    for f in facts:
        for priority in f.priorities:
            for indicator in priority.indicators:
                if indicator.pk not in seen:
                    seen.add(indicator.pk)
                    out.append((priority, indicator))
    return out
