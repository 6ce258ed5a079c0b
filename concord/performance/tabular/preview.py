"""What an observations import would do, shown before anything is written.

The preview counts the new, changed and unchanged rows, says how each column
was read (indicators by code or title, areas by code or name, periods in
which written forms, figures for the period or year to date) and lists a
bounded sample of each kind of row: a changed row shows the old figure, the
new one and who entered the old one when; a cumulative indicator's row shows
the period's own figure and the year to date. Its queries do not grow with
the file: three for the samples and, with cumulative indicators among them,
two for their years to date.
"""

# Only table names that the import generates itself are put into SQL text;
# every value travels as a query parameter.
# ruff: noqa: S608

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db.backends.utils import CursorWrapper

from concord.performance import rules
from concord.performance.models import Area, Group, Indicator
from concord.performance.tabular.lookups import Lookup
from concord.performance.tabular.reading import ImportResult, IndicatorFound, Periods
from concord.performance.tabular.staging import Row, fetch
from concord.performance.words import figure

SAMPLE = 50

CHANGE_KINDS = (("update", "changed"), ("new", "new"), ("same", "unchanged"))

_OTHER_COLUMNS = (
    ("numerator", 1),
    ("denominator", 2),
    ("confidence interval", 3),
    ("confidence interval", 4),
    ("note", 5),
)


@dataclass
class Preview:
    """What an import would do; ``as_dict()`` is what a staged import keeps (JSON)."""

    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    columns: list[tuple[str, str]] = field(default_factory=list)
    samples: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Preview:
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return cls(**known)

    def lines(self) -> list[str]:
        """The preview as plain lines, for the command line."""
        out = [
            f"{self.rows} row(s): {self.created} new, {self.updated} changed, "
            f"{self.unchanged} unchanged. Nothing has been written yet.",
            "How each column was read:",
        ]
        out += [f"  {column}: {how}" for column, how in self.columns]
        for kind, word in CHANGE_KINDS:
            rows = self.samples.get(kind, [])
            if not rows:
                continue
            out.append(f"{word.capitalize()} (first {len(rows)}):")
            for r in rows:
                text = f"  row {r['row']}: {r['indicator']}, {r['area']}, {r['period']}: "
                if kind == "update":
                    text += f"{r['old']} → {r['new']} (old figure entered {r['entered']})"
                else:
                    text += r["new"]
                if r["ytd"]:
                    text += f"; {r['ytd']}"
                if r["also"]:
                    text += f"; also changes {r['also']}"
                out.append(text)
        return out


def _people(ids: set[int]) -> dict[int, str]:
    users = get_user_model().objects.filter(pk__in=ids)
    return {u.pk: (u.get_full_name() or u.get_username()) for u in users}


def entered_words(when: Any, who: str, batch: int | None) -> str:
    """Who entered a stored figure (or set a target) and when, in words."""
    day = str(when)[:10] if when else "at an unknown date"
    by = f"by {who}" if who else ("by an import" if batch else "by someone not recorded")
    return f"{by} on {day}" if when else by


def begin_preview(
    preview: Preview,
    lookups: tuple[Lookup[IndicatorFound], Lookup[int]],
    result: ImportResult,
) -> None:
    """The counts of a classified file and how its indicator, area and period were read
    (the figures' and the targets' previews alike; each adds its value column)."""
    preview.rows, preview.created = result.rows, result.created
    preview.updated, preview.unchanged = result.updated, result.unchanged
    indicators, areas = lookups
    preview.columns = [
        ("indicator", indicators.reading()),
        ("area", areas.reading()),
        ("period", period_reading(result.period_readings)),
    ]


def area_labels(ids: set[int]) -> dict[int, str]:
    """Each area's "name (code)", for the sampled rows (one query)."""
    return {
        pk: f"{name} ({code})"
        for pk, name, code in Area.objects.filter(pk__in=ids).values_list("id", "name", "code")
    }


def fill_preview(
    preview: Preview,
    cursor: CursorWrapper,
    stage: str,
    obs: str,
    periods: Periods,
    lookups: tuple[Lookup[IndicatorFound], Lookup[int]],
    result: ImportResult,
) -> None:
    """Counts, column readings and the sample rows of a classified staging table."""
    begin_preview(preview, lookups, result)
    ytd_rows = fetch(cursor, f"SELECT COUNT(*) FROM {stage} WHERE ytd IS NOT NULL")[0][0]
    preview.columns.append(
        (
            "value",
            f"year to date for {ytd_rows} row(s) of cumulative indicators, stored as each "
            f"period's own figure; the figure for the period for the rest"
            if ytd_rows
            else "the figure for the period",
        )
    )
    sampled: list[tuple[str, Row]] = []
    for kind, _ in CHANGE_KINDS:
        rows = fetch(
            cursor,
            f"SELECT s.rownum, s.indicator_id, s.area_id, s.period_id, s.value, s.numerator, "
            f"s.denominator, s.ci_low, s.ci_high, s.note, s.ytd, o.value, o.numerator, "
            f"o.denominator, o.ci_low, o.ci_high, o.note, o.entered_at, o.entered_by_id, "
            f"o.batch_id, s.group_id FROM {stage} s LEFT JOIN {obs} o ON o.id = s.obs_id "
            f"WHERE s.change = %s ORDER BY s.rownum LIMIT %s",
            (kind, SAMPLE),
        )
        sampled += [(kind, row) for row in rows]
    inds = Indicator.objects.in_bulk({row[1] for _, row in sampled})
    places = area_labels({row[2] for _, row in sampled})
    by_id = {pk: rules.parse_period(code) for code, pk in periods.ids.items()}
    people = _people({row[18] for _, row in sampled if row[18]})
    groups = {
        g.pk: str(g)
        for g in Group.objects.select_related("dimension").filter(
            pk__in={row[20] for _, row in sampled if row[20]}
        )
    }
    totals = _years_to_date(cursor, stage, obs, sampled, inds, by_id)
    preview.samples = {kind: [] for kind, _ in CHANGE_KINDS}
    for kind, row in sampled:
        ind = inds[row[1]]
        p = by_id[row[3]]
        also = sorted(
            {word for word, i in _OTHER_COLUMNS if kind == "update" and row[4 + i] != row[11 + i]}
        )
        ytd_words = ""
        if (row[0], row[3]) in totals:
            total = totals[(row[0], row[3])]
            given = " (as given)" if row[10] is not None else ""
            ytd_words = (
                f"year to date {figure(total, ind.unit, ind.decimals)}{given}"
                if total is not None
                else "year to date not known (an earlier period has no figure)"
            )
        preview.samples[kind].append(
            {
                "row": row[0],
                "indicator_id": ind.pk,
                "indicator": f"{ind.code} {ind.title}",
                "area": places.get(row[2], "")
                + (f" ({groups.get(row[20], '')})" if row[20] else ""),
                "period": p.label(),
                "new": figure(row[4], ind.unit, ind.decimals),
                "old": figure(row[11], ind.unit, ind.decimals) if kind != "new" else "",
                "entered": entered_words(row[17], people.get(row[18], ""), row[19])
                if kind != "new"
                else "",
                "ytd": ytd_words,
                "also": ", ".join(also),
            }
        )


def period_reading(readings: list[str]) -> str:
    """How the period column was read, in words.

    >>> period_reading([])
    'as period codes (2026-Q3, 2026/27...)'
    """
    if not readings:
        return "as period codes (2026-Q3, 2026/27...)"
    shown = "; ".join(readings[:10])
    more = f" and {len(readings) - 10} more" if len(readings) > 10 else ""
    return f"written forms read: {shown}{more}"


def _years_to_date(
    cursor: CursorWrapper,
    stage: str,
    obs: str,
    sampled: list[tuple[str, Row]],
    inds: dict[int, Indicator],
    by_id: dict[int, rules.Period],
) -> dict[tuple[int, int], float | None]:
    """Year to date after the import, for each sampled row of a cumulative indicator.

    Keys are ``(rownum, period id)``. Two queries, bounded by the sample.
    """
    wanted = [
        row
        for _, row in sampled
        if inds[row[1]].cumulative and by_id[row[3]].kind is not rules.PeriodKind.YEAR
    ]
    if not wanted:
        return {}
    ind_ids = sorted({row[1] for row in wanted})
    area_ids = sorted({row[2] for row in wanted})
    codes = {str(p) for row in wanted for p in rules.periods_to_date(by_id[row[3]])}
    period_ids = sorted(pk for pk, p in by_id.items() if str(p) in codes)
    marks = ", ".join

    def where(alias: str) -> str:
        return (
            f"{alias}.indicator_id IN ({marks(['%s'] * len(ind_ids))}) AND {alias}.area_id IN "
            f"({marks(['%s'] * len(area_ids))}) AND {alias}.period_id IN "
            f"({marks(['%s'] * len(period_ids))})"
        )

    params = tuple(ind_ids + area_ids + period_ids)
    values: dict[tuple[int, int, int | None, int], float] = {}
    select = "SELECT t.indicator_id, t.area_id, t.group_id, t.period_id, t.value FROM"
    stored = (  # each half through its own (partial) unique index
        f"{select} {obs} t WHERE {where('t')} AND t.group_id IS NULL UNION ALL "
        f"{select} {obs} t WHERE {where('t')} AND t.group_id IS NOT NULL"
    )
    in_file = f"{select} {stage} t WHERE {where('t')}"
    # the file's figures replace the stored ones
    for sql, args in ((stored, params + params), (in_file, params)):
        for ind, area, group, period_id, value in fetch(cursor, sql, args):
            values[(ind, area, group, period_id)] = value
    ids = {str(p): pk for pk, p in by_id.items()}
    out: dict[tuple[int, int], float | None] = {}
    for row in wanted:
        total: float | None = 0.0
        for p in rules.periods_to_date(by_id[row[3]]):
            v = values.get((row[1], row[2], row[20], ids.get(str(p), -1)))
            if v is None:
                total = None
                break
            total += v  # type: ignore[operator]
        out[(row[0], row[3])] = total
    return out
