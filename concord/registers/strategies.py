"""A strategy's steps: draft → out to consultation → approved → published → under review
(and, once reviewed, approved again). Each step is dated, never before the step it follows."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError

from concord.lib.locking import save_versioned
from concord.registers.models import Strategy, StrategyStatus

NEXT: dict[str, tuple[str, ...]] = {
    StrategyStatus.DRAFT: (StrategyStatus.CONSULTATION,),
    StrategyStatus.CONSULTATION: (StrategyStatus.APPROVED,),
    StrategyStatus.APPROVED: (StrategyStatus.PUBLISHED,),
    StrategyStatus.PUBLISHED: (StrategyStatus.UNDER_REVIEW,),
    StrategyStatus.UNDER_REVIEW: (StrategyStatus.APPROVED,),
}

DATE_OF: dict[str, str] = {
    StrategyStatus.DRAFT: "drafted_on",
    StrategyStatus.CONSULTATION: "consultation_on",
    StrategyStatus.APPROVED: "approved_on",
    StrategyStatus.PUBLISHED: "published_on",
    StrategyStatus.UNDER_REVIEW: "review_started_on",
}


def next_steps(status: str) -> tuple[str, ...]:
    """The statuses a strategy may move to from ``status``.

    >>> next_steps("draft"), next_steps("under_review")
    (('consultation',), ('approved',))
    """
    return tuple(str(s) for s in NEXT.get(status, ()))


def last_step_date(strategy: Strategy) -> dt.date:
    """The date of the strategy's latest step so far."""
    dates = [d for s in StrategyStatus.values if (d := getattr(strategy, DATE_OF[s]))]
    return max(dates) if dates else strategy.drafted_on


def check_step(strategy: Strategy, to: str, on: dt.date) -> dict[str, str]:
    """What is wrong with moving ``strategy`` to ``to`` on ``on``, by field (empty: nothing)."""
    if to not in next_steps(strategy.status):
        allowed = " or ".join(StrategyStatus(s).label.lower() for s in next_steps(strategy.status))
        wanted = StrategyStatus(to).label.lower() if to in StrategyStatus.values else to[:30]
        return {
            "status": f"A strategy that is {strategy.get_status_display().lower()} cannot go "
            f"straight to {wanted}; its next step is {allowed}."
        }
    previous = last_step_date(strategy)
    if on < previous:
        return {
            "on": f"This step cannot come before the strategy's last step ({previous:%-d %b %Y})."
        }
    return {}


def take_step(strategy: Strategy, to: str, on: dt.date, opened_version: int) -> None:
    """Move the strategy to ``to``, dated ``on``; ``ValidationError`` by field if not allowed,
    ``StaleEdit`` if someone saved it since ``opened_version``."""
    problems = check_step(strategy, to, on)
    if problems:
        raise ValidationError(problems)
    strategy.status = to
    setattr(strategy, DATE_OF[to], on)
    save_versioned(strategy, opened_version)
