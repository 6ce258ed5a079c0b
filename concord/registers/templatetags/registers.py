"""``{% added_value_from record %}``: the added-value entries that came from a meeting (or its
decisions and actions) or from an action, as the page's viewer may see them (one query).

Registered here so that the meetings and actions pages can list them without
their views importing the registers, which sit above them.
"""

from __future__ import annotations

from typing import Any

from django import template

from concord.actions.models import Action
from concord.lib.access import PUBLIC
from concord.meetings.models import Meeting
from concord.registers.kinds import money as kinds_money
from concord.registers.models import AddedValue

register = template.Library()


@register.inclusion_tag("registers/_added_value_from.html", takes_context=True)
def added_value_from(context: dict[str, Any], record: Meeting | Action) -> dict[str, Any]:
    viewer = context.get("viewer", PUBLIC)
    entries = AddedValue.objects.visible_to(viewer)
    if isinstance(record, Meeting):
        entries = entries.from_meeting(record)
        where = "this meeting, its decisions and actions"
    else:
        entries = entries.filter(action=record)
        where = "this action"
    return {"entries": list(entries.order_by("-date", "-id")[:50]), "where": where}


@register.filter
def money(value: Any) -> str:
    """Pounds as the registers show them: ``{{ amount|money }}`` → £1,250.50."""
    return kinds_money(value)


@register.filter
def get_item(mapping: dict[Any, Any], key: Any) -> Any:
    """``{{ examples|get_item:category }}``: a dictionary's value by a key from the page."""
    return mapping.get(key)


@register.filter
def intcomma_plain(value: Any) -> str:
    """A whole number with thousands separated: 12345 → 12,345."""
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return ""
