"""A funding bid's steps: which status may follow which, and the date each step was taken.

idea → drafting → submitted → awarded or declined; a bid may be withdrawn at
any step before the funder decides. Awarded, declined and withdrawn are final.
Each step is dated, never before the step it follows.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError

from concord.lib.locking import save_versioned
from concord.registers.models import BidStatus, FundingBid

NEXT: dict[str, tuple[str, ...]] = {
    BidStatus.IDEA: (BidStatus.DRAFTING, BidStatus.WITHDRAWN),
    BidStatus.DRAFTING: (BidStatus.SUBMITTED, BidStatus.WITHDRAWN),
    BidStatus.SUBMITTED: (BidStatus.AWARDED, BidStatus.DECLINED, BidStatus.WITHDRAWN),
    BidStatus.AWARDED: (),
    BidStatus.DECLINED: (),
    BidStatus.WITHDRAWN: (),
}

# The date field each status records its step in.
DATE_OF: dict[str, str] = {
    BidStatus.IDEA: "idea_on",
    BidStatus.DRAFTING: "drafting_on",
    BidStatus.SUBMITTED: "submitted_on",
    BidStatus.AWARDED: "decided_on",
    BidStatus.DECLINED: "decided_on",
    BidStatus.WITHDRAWN: "withdrawn_on",
}


def next_steps(status: str) -> tuple[str, ...]:
    """The statuses a bid may move to from ``status``.

    >>> next_steps("submitted")
    ('awarded', 'declined', 'withdrawn')
    >>> next_steps("declined")
    ()
    """
    return tuple(str(s) for s in NEXT.get(status, ()))


def last_step_date(bid: FundingBid) -> dt.date:
    """The date of the bid's latest step so far."""
    dates = [getattr(bid, DATE_OF[s]) for s in BidStatus.values if getattr(bid, DATE_OF[s])]
    return max(dates) if dates else bid.idea_on


def check_step(
    bid: FundingBid, to: str, on: dt.date, amount_awarded: Decimal | None = None
) -> dict[str, str]:
    """What is wrong with moving ``bid`` to ``to`` on ``on``, by field (empty: nothing)."""
    problems: dict[str, str] = {}
    if to not in next_steps(bid.status):
        allowed = ", ".join(BidStatus(s).label.lower() for s in next_steps(bid.status))
        problems["status"] = (
            f"A bid that is {bid.get_status_display().lower()} cannot become "
            f"{BidStatus(to).label.lower() if to in BidStatus.values else to}"
            + (f"; it may become {allowed}." if allowed else "; it is final.")
        )
        return problems
    previous = last_step_date(bid)
    if on < previous:
        problems["on"] = f"This step cannot come before the bid's last step ({previous:%-d %b %Y})."
    if to == BidStatus.AWARDED:
        if amount_awarded is None:
            problems["amount_awarded"] = "Say how much was awarded."
        elif amount_awarded > bid.amount_asked and not bid.award_may_exceed:
            problems["amount_awarded"] = (
                "The award is larger than the amount asked, and this funder does not allow that."
            )
    return problems


def take_step(
    bid: FundingBid,
    to: str,
    on: dt.date,
    opened_version: int,
    amount_awarded: Decimal | None = None,
) -> None:
    """Move the bid to ``to``, dated ``on`` (a stale version is refused: ``StaleEdit``).

    Raises ``ValidationError`` (by field) when the step is not allowed.
    """
    problems = check_step(bid, to, on, amount_awarded)
    if problems:
        raise ValidationError(problems)
    bid.status = to
    setattr(bid, DATE_OF[to], on)
    if to == BidStatus.AWARDED:
        bid.amount_awarded = amount_awarded
    save_versioned(bid, opened_version)
