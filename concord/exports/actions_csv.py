"""The action tracker as CSV, safe to open in Excel."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO

from concord.actions.models import Action

HEADER = (
    "id",
    "body",
    "meeting date",
    "item",
    "description",
    "owners",
    "due",
    "due precision",
    "status",
    "closed on",
)
# A cell starting with one of these is run as a formula by spreadsheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: object) -> str:
    """A cell as text that a spreadsheet will show, never evaluate.

    >>> csv_safe("=HYPERLINK(\\"http://evil\\")")
    '\\'=HYPERLINK("http://evil")'
    >>> csv_safe(None), csv_safe(12)
    ('', '12')
    """
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def action_row(action: Action) -> list[str]:
    """One row of the export (loaded through ``with_display_relations`` for the viewer)."""
    item = action.item
    return [
        csv_safe(value)
        for value in (
            action.pk,
            action.body.name,
            item.meeting.date.isoformat() if item else "",
            f"{item.number}. {item.title}" if item else "",
            action.description,
            "; ".join(owner.shown_name for owner in action.owners.all()),
            action.due_date.isoformat() if action.due_date else "",
            action.due_precision,
            action.status,
            action.closed_on.isoformat() if action.closed_on else "",
        )
    ]


def write_actions_csv(actions: Iterable[Action], stream: IO[str]) -> None:
    """Write the header and one row per action to a text stream."""
    writer = csv.writer(stream)
    writer.writerow(HEADER)
    for action in actions:
        writer.writerow(action_row(action))
