"""What the action tracker is filtered by, read from a page's or the API's query parameters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from concord.actions.models import ActionStatus


@dataclass(frozen=True)
class TrackerFilters:
    """What the tracker is filtered by; every field optional."""

    body: int | None = None
    owner: int | None = None
    owner_name: str = ""
    organisation: int | None = None
    organisation_name: str = ""
    status: str = "outstanding"
    overdue: bool = False
    today: dt.date | None = None

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> TrackerFilters:
        """Read filters from query parameters, ignoring anything malformed."""

        def number(name: str) -> int | None:
            value = params.get(name, "")
            # Longer strings of digits overflow the database's integer ids.
            return int(value) if value.isdigit() and len(value) <= 15 else None

        status = params.get("status", "outstanding")
        if status not in {"outstanding", "all", *ActionStatus.values}:
            status = "outstanding"
        return cls(
            body=number("body"),
            owner=number("owner"),
            owner_name=" ".join(params.get("owner_name", "").split())[:100],
            organisation=number("organisation"),
            organisation_name=" ".join(params.get("organisation_name", "").split())[:100],
            status=status,
            overdue=params.get("overdue") in {"1", "on", "true"},
        )
