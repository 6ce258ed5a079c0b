"""Importing targets (end targets with their baselines, and milestones): all rows or none.

Every row is checked first (indicators by code or title, areas by code or
name, periods in the written forms people use), then each row is classified
against the stored targets: new, changed or unchanged. A preview
(:mod:`concord.performance.tabular.target_preview`) shows that classification
before anything is written; confirming it passes the preview's fingerprint,
and nothing is written if the targets the file meets changed meanwhile.
Targets are few (indicators × areas × periods), so the rows are held in memory.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from concord.performance import rules
from concord.performance.models import ImportBatch, Target, TargetKind
from concord.performance.tabular.lookups import Lookup
from concord.performance.tabular.preview import Preview
from concord.performance.tabular.reading import (
    PERIOD_FORMS,
    Header,
    ImportResult,
    IndicatorFound,
    Periods,
    Source,
    code_lookups,
    parse_number,
    read_bytes,
    read_table,
    record_batch,
)
from concord.performance.tabular.target_preview import fill_target_preview

TARGET_COLUMNS = ("indicator", "area", "period", "value")

TARGET_OPTIONAL = ("value_high", "kind", "baseline_period", "baseline_value", "note")

# What a row sets on a target, apart from its indicator, area and period.
TARGET_FIELDS = ("kind", "value", "value_high", "baseline_period_id", "baseline_value", "note")

_KINDS = {k.value for k in TargetKind}

# Beyond this many areas the stored targets are not narrowed by area in SQL (SQLite
# takes at most 32,766 parameters); rows of other areas are then ignored in Python.
_AREAS_NAMED = 1000

Key = tuple[int, int, int]


@dataclass
class TargetRow:
    """One checked row of a targets file, and what importing it would do."""

    row: int
    indicator_id: int
    area_id: int
    period_id: int
    values: dict[str, Any]
    change: str = "new"  # new, update or same (the preview's words: new, changed, unchanged)
    old: Target | None = None

    @property
    def key(self) -> Key:
        return (self.indicator_id, self.area_id, self.period_id)


def _checked_rows(
    rows: Iterator[tuple[int, list[str]]],
    result: ImportResult,
    periods: Periods,
    lookups: tuple[Lookup[IndicatorFound], Lookup[int]],
) -> list[TargetRow]:
    """Every row checked; the good ones returned, a :class:`RowError` for each problem.

    Periods named are created (inside the caller's transaction).
    """
    try:
        _, header_cells = next(rows)
    except StopIteration:
        result.add_error(1, "", "the file is empty")
        return []
    header = Header(header_cells, TARGET_COLUMNS, TARGET_OPTIONAL, result)
    if not result.ok:
        return []
    indicators, areas = lookups
    seen: dict[Key, int] = {}
    parsed: list[TargetRow] = []
    for number, cells in rows:
        result.rows += 1
        ok = True
        found, problem = indicators.find(header.get(cells, "indicator"))
        if found is None:
            result.add_error(number, "indicator", problem)
            ok = False
        area, problem = areas.find(header.get(cells, "area"))
        if area is None:
            result.add_error(number, "area", problem)
            ok = False
        found_periods: dict[str, rules.Period | None] = {}
        for column in ("period", "baseline_period"):
            text = header.get(cells, column)
            found_periods[column] = periods.parse(text) if text or column == "period" else None
            if found_periods[column] is None and (text or column == "period"):
                result.add_error(number, column, f"'{text}' is not a period: write {PERIOD_FORMS}")
                ok = False
        values: dict[str, float | None] = {}
        for column in ("value", "value_high", "baseline_value"):
            try:
                values[column] = parse_number(header.get(cells, column))
            except ValueError as exc:
                result.add_error(number, column, str(exc))
                ok = False
        low, high = values.get("value"), values.get("value_high")
        if ok and low is None:
            result.add_error(number, "value", "a value is required")
            ok = False
        if ok and low is not None and high is not None and high < low:
            result.add_error(number, "value_high", "the top of the band is below its bottom")
            ok = False
        if ok and (found_periods["baseline_period"] is None) != (values["baseline_value"] is None):
            result.add_error(
                number, "baseline_value", "give both the baseline period and value, or neither"
            )
            ok = False
        kind = header.get(cells, "kind").lower() or TargetKind.TARGET
        if kind not in _KINDS:
            result.add_error(number, "kind", f"'{kind}' is not one of target, milestone")
            ok = False
        target_period = found_periods["period"]
        baseline = found_periods["baseline_period"]
        if not ok or found is None or area is None or target_period is None:
            continue
        checked = TargetRow(
            number,
            found[0],
            area,
            periods.id_for(target_period),
            {
                "kind": kind,
                "value": low,
                "value_high": high,
                "baseline_period_id": periods.id_for(baseline) if baseline else None,
                "baseline_value": values["baseline_value"],
                "note": header.get(cells, "note"),
            },
        )
        if checked.key in seen:
            result.add_error(
                number,
                "",
                f"duplicate row: same indicator, area and period as row {seen[checked.key]}",
            )
            continue
        seen[checked.key] = number
        parsed.append(checked)
    if result.ok and not parsed:
        result.add_error(2, "", "the file has no rows")
    return parsed


def classify_targets(parsed: list[TargetRow], *, lock: bool = False) -> None:
    """Mark each row new, update or same against the stored targets (one query;
    ``lock``: the stored targets are locked until the transaction ends)."""
    stored = Target.objects.filter(
        indicator_id__in={r.indicator_id for r in parsed},
        period_id__in={r.period_id for r in parsed},
    )
    areas = {r.area_id for r in parsed}
    if len(areas) <= _AREAS_NAMED:
        stored = stored.filter(area_id__in=areas)
    if lock:
        stored = stored.select_for_update()
    existing: dict[Key, Target] = {(t.indicator_id, t.area_id, t.period_id): t for t in stored}
    for r in parsed:
        r.old = existing.get(r.key)
        if r.old is None:
            r.change = "new"
        elif any(getattr(r.old, f) != r.values[f] for f in TARGET_FIELDS):
            r.change = "update"
        else:
            r.change = "same"


def target_fingerprint(parsed: list[TargetRow]) -> str:
    """SHA-256 of how every row was classified and of the stored target it meets.

    The same file gives the same fingerprint unless a target it touches (or
    would add) was changed, added or removed in between.
    """
    digest = hashlib.sha256()
    for r in parsed:
        old = r.old
        stored = (old.pk, *(getattr(old, f) for f in TARGET_FIELDS), old.batch_id) if old else ()
        digest.update(repr((r.row, r.change, stored)).encode())
    return digest.hexdigest()


def import_targets(
    source: Source,
    *,
    user: Any = None,  # a User
    filename: str = "",
    dry_run: bool = False,
    expect_fingerprint: str | None = None,
    preview: Preview | None = None,
) -> ImportResult:
    """Import targets from a CSV or .xlsx file: all rows or none.

    Columns: ``indicator`` (code or title), ``area`` (code or name),
    ``period`` (any kind, in any written form of :data:`PERIOD_FORMS`: an
    annual target for a quarterly indicator is a financial year), ``value``;
    optional ``value_high`` (a band), ``kind`` (``target`` or ``milestone``),
    ``baseline_period`` and ``baseline_value`` (for a trajectory), ``note``.

    ``preview``, when given, is filled with what the import would do and
    nothing is written (as with ``dry_run``). ``expect_fingerprint``: a
    preview's fingerprint; if the targets the file meets are no longer as
    they were, nothing is written and ``result.stale`` is set. Every new or
    changed target gets a history record naming ``user`` and the batch.
    """
    data, name = read_bytes(source)
    filename = filename or name
    result = ImportResult(dry_run=dry_run or preview is not None, records="targets")
    try:
        with transaction.atomic():
            _run(data, filename, user, result, expect_fingerprint, preview)
            if not result.ok or result.dry_run:
                transaction.set_rollback(True)
    except IntegrityError:
        # A target the file adds was added by someone else while it was being written.
        result.stale = True
    return result


def _run(
    data: bytes,
    filename: str,
    user: Any,
    result: ImportResult,
    expect_fingerprint: str | None,
    preview: Preview | None,
) -> None:
    periods = Periods()
    lookups = code_lookups()
    parsed = _checked_rows(read_table(data, filename), result, periods, lookups)
    result.period_readings = sorted(periods.readings.values())
    if not result.ok:
        return
    classify_targets(parsed, lock=not result.dry_run)
    counts = {kind: sum(r.change == kind for r in parsed) for kind in ("new", "update", "same")}
    result.created, result.updated, result.unchanged = (
        counts["new"],
        counts["update"],
        counts["same"],
    )
    if preview is not None or expect_fingerprint is not None:
        result.fingerprint = target_fingerprint(parsed)
    if preview is not None:
        fill_target_preview(preview, parsed, periods, lookups, result)
    if result.dry_run:
        return
    if expect_fingerprint is not None and expect_fingerprint != result.fingerprint:
        result.stale = True
        return
    batch = record_batch(ImportBatch.Kind.TARGETS, filename, data, user, result)
    new = [
        Target(
            indicator_id=r.indicator_id,
            area_id=r.area_id,
            period_id=r.period_id,
            batch=batch,
            **r.values,
        )
        for r in parsed
        if r.change == "new"
    ]
    changed = []
    for r in parsed:
        if r.change == "update" and r.old is not None:
            for f in TARGET_FIELDS:
                setattr(r.old, f, r.values[f])
            r.old.batch = batch
            changed.append(r.old)
    reason = f"import batch {batch.pk}"
    bulk_create_with_history(new, Target, default_user=user, default_change_reason=reason)
    bulk_update_with_history(
        changed,
        Target,
        [*TARGET_FIELDS, "batch"],
        default_user=user,
        default_change_reason=reason,
    )
