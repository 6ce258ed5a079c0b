"""Exporting observations and targets in the columns the import reads.

An export imports back unchanged.

Every text cell goes through :mod:`concord.lib.cells`, so a spreadsheet is never handed a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet

from concord.lib.cells import csv_value, xlsx_cell
from concord.performance.models import (
    Observation,
    Target,
)
from concord.performance.tabular.observations import (
    OBSERVATION_COLUMNS,
    OBSERVATION_OPTIONAL,
)
from concord.performance.tabular.staging import Row
from concord.performance.tabular.targets import TARGET_COLUMNS, TARGET_OPTIONAL

OBSERVATION_EXPORT = (*OBSERVATION_COLUMNS, *OBSERVATION_OPTIONAL)  # group after value

TARGET_EXPORT = (*TARGET_COLUMNS, *TARGET_OPTIONAL)


def _fmt(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _write_table(header: tuple[str, ...], rows: Iterable[Row], fmt: str) -> bytes:
    if fmt == "csv":
        out = io.StringIO(newline="")
        writer = csv.writer(out)
        writer.writerow(header)
        for row in rows:
            writer.writerow([csv_value(_fmt(v)) for v in row])
        return out.getvalue().encode("utf-8")
    if fmt == "xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("data")
        sheet.append([xlsx_cell(sheet, h) for h in header])
        for row in rows:
            sheet.append([xlsx_cell(sheet, _fmt(v)) for v in row])
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()
    raise ValueError(f"unknown format {fmt!r}: csv or xlsx")


def _with_group(rows: Iterable[Row]) -> Iterable[Row]:
    """Rows whose fifth cell (dimension code, group code) becomes ``dimension: group``."""
    for row in rows:
        dimension, group = row[4], row[5]
        yield (*row[:4], f"{dimension}: {group}" if group else "", *row[6:])


def export_observations(queryset: QuerySet[Observation], fmt: str = "csv") -> bytes:
    """Observations as CSV or .xlsx, in the columns :func:`import_observations` reads.

    A figure for a population group names it in the ``group`` column by codes
    (``sex: female``); figures for all people leave it empty. Exporting and
    importing the result changes nothing (a round trip).
    """
    rows = queryset.order_by(
        "indicator__code", "area__code", "period__start", "group__dimension__order", "group__order"
    ).values_list(
        "indicator__code",
        "area__code",
        "period__code",
        "value",
        "group__dimension__code",
        "group__code",
        "numerator",
        "denominator",
        "ci_low",
        "ci_high",
        "status",
        "note",
    )
    return _write_table(OBSERVATION_EXPORT, _with_group(rows.iterator(chunk_size=5000)), fmt)


def export_targets(queryset: QuerySet[Target], fmt: str = "csv") -> bytes:
    """Targets as CSV or .xlsx, in the columns :func:`import_targets` reads."""
    rows = queryset.order_by("indicator__code", "area__code", "period__start").values_list(
        "indicator__code",
        "area__code",
        "period__code",
        "value",
        "value_high",
        "kind",
        "baseline_period__code",
        "baseline_value",
        "note",
    )
    return _write_table(TARGET_EXPORT, rows, fmt)
