"""The figures by population group that breakdowns show: each dimension's latest two periods.

:func:`latest_group_rows` is the one query behind
:func:`concord.performance.breakdowns.group_points` (the indicator page, the
dashboard's widest gaps and a report's "by group" table). It is written in SQL
because the ORM cannot join to a ranked subquery: the ranking reads only the
distinct (indicator, dimension, period) triples of the area's figures by group
(an index-only scan of the ``unique_group_observation`` index on PostgreSQL once
the table is vacuumed: no heap page, no names), keeps each indicator and
dimension's latest two periods, and only then joins the figures and the names
of the few rows kept. Ranking every figure with its names instead (what the
ORM wrote) sorted 16,000 wide rows for a dashboard of 20 indicators with 40
quarters of 5 dimensions of 4 groups, to keep 800 (docs/benchmarks.md).
"""

# Table and column names come from the models, values are parameters:
# ruff: noqa: S608
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import connection

from concord.performance.models import Dimension, Group, Observation, Period

# One row: indicator id, dimension name, order, code, the reference group's name
# (or None), group name, order, code, period code, value, numerator.
GroupRow = tuple[int, str, int, str, str | None, str, int, str, str, float, float | None]


def _table(model: type[Observation | Group | Dimension | Period]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def latest_group_rows(
    indicator_ids: Sequence[int], area_id: int, *, ends_by: dt.date | None = None
) -> list[GroupRow]:
    """The figures by group of ``indicator_ids`` in the area, for each indicator and
    dimension's latest two periods with figures (``ends_by``: of the periods ending
    no later than that day). One query; works on SQLite and PostgreSQL."""
    if not indicator_ids:
        return []
    obs, grp, dim, per = (_table(m) for m in (Observation, Group, Dimension, Period))
    q = connection.ops.quote_name
    marks = ", ".join(["%s"] * len(indicator_ids))
    period_end = f" AND p.{q('end')} <= %s" if ends_by is not None else ""
    sql = (
        f"WITH kept AS ("
        f" SELECT indicator_id, dimension_id, period_id, code FROM ("
        f"  SELECT t.indicator_id, t.dimension_id, t.period_id, p.code,"
        f"   DENSE_RANK() OVER (PARTITION BY t.indicator_id, t.dimension_id"
        f"    ORDER BY p.start DESC, p.{q('end')} DESC) AS recency"
        f"  FROM (SELECT DISTINCT o.indicator_id, g.dimension_id, o.period_id"
        f"   FROM {obs} o JOIN {grp} g ON g.id = o.group_id"
        f"   WHERE o.area_id = %s AND o.group_id IS NOT NULL"
        f"   AND o.indicator_id IN ({marks})) t"
        f"  JOIN {per} p ON p.id = t.period_id{period_end}) ranked"
        f" WHERE recency <= 2) "
        f"SELECT o.indicator_id, d.name, d.{q('order')}, d.code, r.name,"
        f" g.name, g.{q('order')}, g.code, kept.code, o.value, o.numerator "
        f"FROM kept JOIN {dim} d ON d.id = kept.dimension_id"
        f" LEFT JOIN {grp} r ON r.id = d.reference_group_id"
        f" JOIN {grp} g ON g.dimension_id = kept.dimension_id"
        # (the group's own condition repeated, so the figures are found through the
        # partial index of figures by group)
        f" JOIN {obs} o ON o.area_id = %s AND o.indicator_id = kept.indicator_id"
        f" AND o.period_id = kept.period_id AND o.group_id = g.id"
        f" AND o.group_id IS NOT NULL"
    )
    params: list[int | dt.date] = [area_id, *indicator_ids]
    if ends_by is not None:
        params.append(ends_by)
    params.append(area_id)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())
