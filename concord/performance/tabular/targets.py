"""Importing targets (end targets with their baselines, and milestones)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from concord.performance import rules
from concord.performance.models import (
    Area,
    ImportBatch,
    Indicator,
    Target,
    TargetKind,
)
from concord.performance.tabular.reading import (
    PERIOD_FORMS,
    Header,
    ImportResult,
    Periods,
    Source,
    parse_number,
    read_bytes,
    read_table,
    record_batch,
)

TARGET_COLUMNS = ("indicator", "area", "period", "value")

TARGET_OPTIONAL = ("value_high", "kind", "baseline_period", "baseline_value", "note")


def import_targets(
    source: Source,
    *,
    user: Any = None,  # a User
    filename: str = "",
    dry_run: bool = False,
) -> ImportResult:
    """Import targets from a CSV or .xlsx file: all rows or none.

    Columns: ``indicator``, ``area``, ``period`` (any kind: an annual target
    for a quarterly indicator is a financial year), ``value``; optional
    ``value_high`` (a band), ``kind`` (``target`` or ``milestone``),
    ``baseline_period`` and ``baseline_value`` (for a trajectory), ``note``.
    """
    data, name = read_bytes(source)
    filename = filename or name
    result = ImportResult(dry_run=dry_run)
    rows = read_table(data, filename)
    try:
        _, header_cells = next(rows)
    except StopIteration:
        result.add_error(1, "", "the file is empty")
        return result
    header = Header(header_cells, TARGET_COLUMNS, TARGET_OPTIONAL, result)
    if not result.ok:
        return result
    indicators = {c.lower(): pk for c, pk in Indicator.objects.values_list("code", "id")}
    areas = {c.upper(): pk for c, pk in Area.objects.values_list("code", "id")}
    with transaction.atomic():
        periods = Periods()
        seen: dict[tuple[int | None, int | None, int], int] = {}
        parsed: list[dict[str, Any]] = []
        for number, cells in rows:
            result.rows += 1
            ok = True
            ind = indicators.get(header.get(cells, "indicator").lower())
            if ind is None:
                result.add_error(
                    number,
                    "indicator",
                    f"unknown indicator code '{header.get(cells, 'indicator')}'",
                )
                ok = False
            area = areas.get(header.get(cells, "area").upper())
            if area is None:
                result.add_error(number, "area", f"unknown area code '{header.get(cells, 'area')}'")
                ok = False
            found_periods: dict[str, rules.Period | None] = {}
            for column in ("period", "baseline_period"):
                text = header.get(cells, column)
                if column == "baseline_period" and not text:
                    found_periods[column] = None
                    continue
                found_periods[column] = periods.parse(text)
                if found_periods[column] is None:
                    result.add_error(
                        number, column, f"'{text}' is not a period: write {PERIOD_FORMS}"
                    )
                    ok = False
            values: dict[str, float | None] = {}
            for column in ("value", "value_high", "baseline_value"):
                try:
                    values[column] = parse_number(header.get(cells, column))
                except ValueError as exc:
                    result.add_error(number, column, str(exc))
                    ok = False
            if ok and values["value"] is None:
                result.add_error(number, "value", "a value is required")
                ok = False
            if ok and values["value_high"] is not None and values["value_high"] < values["value"]:  # type: ignore[operator]
                result.add_error(number, "value_high", "the top of the band is below its bottom")
                ok = False
            if ok and (found_periods["baseline_period"] is None) != (
                values["baseline_value"] is None
            ):
                result.add_error(
                    number, "baseline_value", "give both the baseline period and value, or neither"
                )
                ok = False
            kind = header.get(cells, "kind").lower() or TargetKind.TARGET
            if kind not in {k.value for k in TargetKind}:
                result.add_error(number, "kind", f"'{kind}' is not one of target, milestone")
                ok = False
            if not ok:
                continue
            key = (ind, area, periods.id_for(found_periods["period"]))  # type: ignore[arg-type]
            if key in seen:
                result.add_error(
                    number, "", f"duplicate row: same indicator, area and period as row {seen[key]}"
                )
                continue
            seen[key] = number
            baseline = found_periods["baseline_period"]
            parsed.append(
                {
                    "indicator_id": ind,
                    "area_id": area,
                    "period_id": key[2],
                    "kind": kind,
                    "value": values["value"],
                    "value_high": values["value_high"],
                    "baseline_period_id": periods.id_for(baseline) if baseline else None,
                    "baseline_value": values["baseline_value"],
                    "note": header.get(cells, "note"),
                }
            )
        if result.ok and not parsed:
            result.add_error(2, "", "the file has no rows")
        if not result.ok or dry_run:
            transaction.set_rollback(True)
            if not result.ok:
                return result
        existing: dict[tuple[int | None, int | None, int], Target] = {
            (t.indicator_id, t.area_id, t.period_id): t
            for t in Target.objects.filter(
                indicator_id__in={p["indicator_id"] for p in parsed},
                area_id__in={p["area_id"] for p in parsed},
            )
        }
        new, changed = [], []
        fields = ("kind", "value", "value_high", "baseline_period_id", "baseline_value", "note")
        for p in parsed:
            key = (p["indicator_id"], p["area_id"], p["period_id"])
            old = existing.get(key)
            if old is None:
                new.append(Target(**p))
            elif any(getattr(old, f) != p[f] for f in fields):
                for f in fields:
                    setattr(old, f, p[f])
                changed.append(old)
            else:
                result.unchanged += 1
        result.created, result.updated = len(new), len(changed)
        if dry_run:
            return result
        batch = record_batch(ImportBatch.Kind.TARGETS, filename, data, user, result)
        for t in new + changed:
            t.batch = batch
        reason = f"import batch {batch.pk}"
        bulk_create_with_history(new, Target, default_user=user, default_change_reason=reason)
        bulk_update_with_history(
            changed,
            Target,
            [*fields, "batch"],
            default_user=user,
            default_change_reason=reason,
        )
    return result
