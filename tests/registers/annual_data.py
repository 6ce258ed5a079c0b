"""A year of the partnership's work for the annual report's tests, with totals worked
out by hand: the financial year 2025/26 (1 April 2025 to 31 March 2026)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

from concord.meetings.models import MinutesStatus
from concord.registers.models import AnnualReport, CaseStudy, Risk
from tests.factories import (
    make_attendance,
    make_decision,
    make_item,
    make_meeting,
    make_membership,
    make_organisation,
)
from tests.performance.perf_factories import make_indicator, observe, set_target, small_world
from tests.registers.entries import make_added_value, make_bid, make_publicity

YEAR = 2025


def add_year(w: SimpleNamespace) -> None:
    """On the shared world (tests/registers/conftest.py), public and hidden figures for 2025/26.

    Public (the board, marked public), in the year:
      added value: strategies £1,200 (the world's, 1 May 2025), projects £3,000.50,
                   events (no value); one before the year (31 March 2025) and one after
                   (1 April 2026) that must not count;
      funding: the world's public bid awarded £40,000 on 1 July 2025;
               another awarded £10,000 on 2 Feb 2026; one declined on 3 March 2026;
      publicity: coverage reach 12,000 and £1,500 AVE; coverage reach 3,000, AVE none;
                 an award "Partnership of the Year".
    Members-only (the board, not public): training £500 (the world's board_value, no value)
      is £0; a projects entry £700; an award of £5,000 on 1 Aug 2025.
    Hidden body (tasking): funding added value £999 (world), award £250,000, coverage
      reach 1,000,000 and £99,999 AVE.
    """
    w.report = AnnualReport.objects.create(
        year=YEAR,
        introduction="A year of joint work.\n\nWe thank our partners.",
        published=True,
    )
    CaseStudy.objects.create(
        report=w.report, position=1, title="Safer nights in Riverton", text="Street pastors."
    )
    make_added_value(
        body=w.board,
        is_public=True,
        category="projects",
        date=dt.date(2025, 9, 1),
        title="Youth diversion project",
        money_value=Decimal("3000.50"),
    )
    make_added_value(
        body=w.board,
        is_public=True,
        category="events",
        date=dt.date(2026, 3, 31),
        title="Community safety fun day",
    )
    make_added_value(
        body=w.board,
        is_public=True,
        category="projects",
        date=dt.date(2025, 3, 31),
        title="Last year's project",
        money_value=Decimal("100000"),
    )
    make_added_value(
        body=w.board,
        is_public=True,
        category="projects",
        date=dt.date(2026, 4, 1),
        title="Next year's project",
        money_value=Decimal("100000"),
    )
    make_added_value(
        body=w.board,
        category="projects",
        date=dt.date(2025, 10, 1),
        title="Members-only project",
        money_value=Decimal("700"),
    )
    w.public_bid.status = "awarded"
    w.public_bid.amount_awarded = Decimal("40000")
    w.public_bid.decided_on = dt.date(2025, 7, 1)
    w.public_bid.save()
    make_bid(
        body=w.board,
        is_public=True,
        title="Night-time economy bid",
        status="awarded",
        amount_asked=Decimal("10000"),
        amount_awarded=Decimal("10000"),
        decided_on=dt.date(2026, 2, 2),
        submitted_on=dt.date(2025, 12, 1),
    )
    make_bid(
        body=w.board,
        is_public=True,
        title="Declined bid",
        status="declined",
        decided_on=dt.date(2026, 3, 3),
        submitted_on=dt.date(2025, 11, 1),
    )
    make_bid(
        body=w.board,
        title="Members-only award",
        status="awarded",
        amount_awarded=Decimal("5000"),
        decided_on=dt.date(2025, 8, 1),
    )
    make_bid(
        body=w.tasking,
        title="Tasking secret award",
        status="awarded",
        amount_asked=Decimal("250000"),
        amount_awarded=Decimal("250000"),
        decided_on=dt.date(2025, 8, 1),
    )
    w.public_coverage.reach = 12000
    w.public_coverage.advertising_value = Decimal("1500")
    w.public_coverage.save()
    make_publicity(
        body=w.board,
        is_public=True,
        date=dt.date(2025, 7, 7),
        reach=3000,
        headline="Street pastors praised",
    )
    make_publicity(
        body=w.board,
        is_public=True,
        kind="award",
        date=dt.date(2025, 11, 20),
        outlet="Safer Communities Awards",
        headline="Partnership of the Year",
    )
    make_publicity(
        body=w.tasking,
        date=dt.date(2025, 7, 7),
        reach=1000000,
        advertising_value=Decimal("99999"),
        headline="Tasking secret coverage",
    )


def add_meeting(w: SimpleNamespace) -> None:
    """A board meeting held on 10 September 2025 (minutes approved): two members expected,
    a council officer came (public sector), a charity's member sent apologies (voluntary);
    decisions: one agreed (public item), one noted, one on a restricted item."""
    charity = make_organisation(name="Riverton Trust", sector="voluntary")
    make_membership(body=w.board, person=w.chair, organisation=w.council)
    make_membership(body=w.board, person=w.absentee, organisation=charity)
    w.year_meeting = make_meeting(
        body=w.board,
        date=dt.date(2025, 9, 10),
        status="held",
        minutes_status=MinutesStatus.APPROVED,
    )
    make_attendance(meeting=w.year_meeting, person=w.chair, organisation=w.council)
    make_attendance(meeting=w.year_meeting, person=w.absentee, status="apologies")
    item = make_item(meeting=w.year_meeting, title="Street pastors", position=1)
    make_decision(item=item, text="to fund the street pastors for a year", kind="agreed")
    make_decision(item=item, text="the report on street pastors", kind="noted")
    secret = make_item(
        meeting=w.year_meeting, title="Restricted tender", position=2, visibility="restricted"
    )
    make_decision(item=secret, text="to award the secret tender to Zenith", kind="approved")


def backdate_risks(when: dt.datetime) -> None:
    """Every risk's history as if it had been recorded at ``when``."""
    Risk.history.update(history_date=when)


def add_indicators(w: SimpleNamespace) -> None:
    """Three of the board's indicators in Testborough for 2025/26: one meets its target
    (green), one misses it (red), one has no target (data only): 50% (1 of 2)."""
    areas = small_world()
    w.area = areas["la"]
    met = make_indicator(code="AR 1", polarity="higher_is_better", body=w.board)
    missed = make_indicator(code="AR 2", polarity="higher_is_better", body=w.board)
    untargeted = make_indicator(code="AR 3", polarity="higher_is_better", body=w.board)
    for ind, value in ((met, 90), (missed, 10), (untargeted, 50)):
        for quarter in ("2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"):
            observe(ind, w.area, quarter, value)
    set_target(met, w.area, "2025/26", 80)
    set_target(missed, w.area, "2025/26", 80)
