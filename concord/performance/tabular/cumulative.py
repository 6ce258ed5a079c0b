"""Year-to-date figures of cumulative indicators, turned into each period's own figure.

Concord stores a cumulative count (smoking quitters, say) period by period
and adds the periods up for the year-to-date figure its pages show. A file
may give either: the figure for the quarter alone, or the total so far this
financial year. Taking a year-to-date 415 for the quarter's own figure would
show 625 year to date (415 plus the 210 of the quarters before): so the file
says which it gives (the ``basis`` column, or the choice on the form), and a
year-to-date figure is stored as itself minus the year to date of the
period before.
"""

# Only table names that the import generates itself are put into SQL text.
# ruff: noqa: S608

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from django.db.backends.utils import CursorWrapper

from concord.performance import rules
from concord.performance.tabular.reading import ImportResult, Periods
from concord.performance.tabular.staging import fetch


@dataclass(frozen=True)
class YearToDateRow:
    """A staged row whose figure was given year to date."""

    rownum: int
    period: rules.Period
    ytd: float


def period_figures(
    given: list[YearToDateRow],
    known: Mapping[rules.Period, float],
) -> tuple[dict[int, float], list[tuple[int, str]]]:
    """Each year-to-date row's figure for its period alone, and the rows that cannot have one.

    ``given``: one indicator's rows for one area and financial year;
    ``known``: the period figures of the same year from the file's other rows
    or, failing them, the stored figures. Returns ``{rownum: figure}`` and
    ``[(rownum, reason)]``.

    >>> q = rules.parse_period
    >>> before = {q("2026-Q2"): 100, q("2026-Q3"): 110}
    >>> period_figures([YearToDateRow(4, q("2026-Q4"), 415)], before)
    ({4: 205.0}, [])
    >>> rows = [YearToDateRow(2, q("2026-Q2"), 90), YearToDateRow(3, q("2026-Q3"), 200)]
    >>> period_figures(rows, {})
    ({2: 90.0, 3: 110.0}, [])
    >>> print(period_figures([YearToDateRow(3, q("2026-Q3"), 200)], {})[1][0][1])
    the figure for 2026-Q2 is neither in the file nor stored, so the figure for 2026-Q3 ...
    """
    by_period = {row.period: row for row in given}
    last = max(by_period)
    out: dict[int, float] = {}
    problems: list[tuple[int, str]] = []
    running: float | None = 0.0
    missing = ""
    for p in rules.periods_to_date(last):
        row = by_period.get(p)
        if row is not None:
            if running is None:
                problems.append(
                    (
                        row.rownum,
                        f"the figure for {missing} is neither in the file nor stored, so the "
                        f"figure for {p} alone cannot be worked out from the year to date",
                    )
                )
            elif row.ytd < running:
                problems.append(
                    (
                        row.rownum,
                        f"{row.ytd:g} year to date is less than the {running:g} of the periods "
                        f"before {p} in the financial year",
                    )
                )
            else:
                out[row.rownum] = float(row.ytd) - running
            running = float(row.ytd)
        elif p in known and running is not None:
            running += float(known[p])
        elif running is not None:
            running, missing = None, str(p)
    return out, problems


def convert_year_to_date(
    cursor: CursorWrapper, stage: str, obs: str, periods: Periods, result: ImportResult
) -> None:
    """Store each year-to-date figure as the period's own figure (its ``ytd`` kept apart).

    Three queries and one batched update; memory grows with the year-to-date
    rows only (cumulative counts are a handful of a file's indicators).
    """
    ytd_rows = fetch(
        cursor,
        f"SELECT rownum, indicator_id, area_id, period_id, group_id, ytd FROM {stage} "
        f"WHERE ytd IS NOT NULL",
    )
    if not ytd_rows:
        return
    by_id = {pk: rules.parse_period(code) for code, pk in periods.ids.items()}
    # Keyed by indicator, area, population group (None: all people) and financial year.
    Key = tuple[int, int, int | None, rules.Period]
    groups: dict[Key, list[YearToDateRow]] = defaultdict(list)
    for rownum, ind, area, period_id, group, ytd in ytd_rows:
        p = by_id[period_id]
        groups[(ind, area, group, rules.financial_year_of(p))].append(YearToDateRow(rownum, p, ytd))
    known: dict[Key, dict[rules.Period, float]] = defaultdict(dict)
    pairs = f"(SELECT DISTINCT indicator_id, area_id FROM {stage} WHERE ytd IS NOT NULL)"
    # Each half of the union reads through its own (partial) unique index.
    stored_sql = (
        f"SELECT o.indicator_id, o.area_id, o.period_id, o.group_id, o.value FROM {obs} o "
        f"JOIN {pairs} g ON o.indicator_id = g.indicator_id AND o.area_id = g.area_id"
    )
    stored = fetch(
        cursor,
        f"{stored_sql} WHERE o.group_id IS NULL "
        f"UNION ALL {stored_sql} WHERE o.group_id IS NOT NULL",
    )
    in_file = fetch(
        cursor,
        f"SELECT s.indicator_id, s.area_id, s.period_id, s.group_id, s.value FROM {stage} s "
        f"JOIN {pairs} g ON s.indicator_id = g.indicator_id AND s.area_id = g.area_id "
        f"WHERE s.ytd IS NULL",
    )
    for ind, area, period_id, group, value in stored + in_file:  # the file's rows win
        q = by_id.get(period_id)
        if q is not None and q.kind is not rules.PeriodKind.YEAR:
            known[(ind, area, group, rules.financial_year_of(q))][q] = value
    updates: list[tuple[float, int]] = []
    for key, given in groups.items():
        figures, problems = period_figures(given, known.get(key, {}))
        updates.extend((figure, rownum) for rownum, figure in figures.items())
        for rownum, reason in problems:
            result.add_error(rownum, "value", reason)
    if result.ok:
        cursor.execute(f"CREATE INDEX {stage}_rownum ON {stage} (rownum)")
        cursor.executemany(f"UPDATE {stage} SET value = %s WHERE rownum = %s", updates)
