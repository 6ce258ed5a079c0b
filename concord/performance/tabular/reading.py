"""Reading a CSV or Excel (.xlsx) file row by row, and what an import reports.

Every problem is a :class:`RowError` (row number, column, reason) collected
in an :class:`ImportResult`; a file is imported completely or not at all.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from concord.lib.cells import csv_unquote
from concord.lib.tables import is_xlsx
from concord.performance import rules
from concord.performance.models import (
    Area,
    Group,
    ImportBatch,
    Indicator,
    Observation,
    ObservationStatus,
    Period,
)
from concord.performance.rules.written_periods import read_period
from concord.performance.tabular.lookups import Lookup

MAX_REPORTED_ERRORS = 500

Source = str | Path | bytes | IO[bytes] | IO[str]

Progress = Callable[[str, int], None]


@dataclass(frozen=True)
class RowError:
    """One problem: the row number (1 is the header), the column and the reason."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", column '{self.column}'" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class ImportResult:
    """What an import did, or why it did nothing (``errors``)."""

    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    batch: ImportBatch | None = None
    dry_run: bool = False
    # Periods written otherwise than as codes, and how they were read.
    period_readings: list[str] = field(default_factory=list)
    # The stored figures the file touches, as a hash (see staging.fingerprint).
    fingerprint: str = ""
    # Refused because those figures changed since the preview.
    stale: bool = False
    # What the file holds, in the messages: "figures" or "targets".
    records: str = "figures"

    @property
    def ok(self) -> bool:
        return self.error_count == 0 and not self.stale

    def add_error(self, row: int, column: str, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_REPORTED_ERRORS:
            self.errors.append(RowError(row, column, message))

    def summary(self) -> str:
        if self.stale:
            return (
                f"Nothing imported: the stored {self.records} this file changes were changed by "
                "someone else since the preview. Look at the preview again before confirming."
            )
        if not self.ok:
            more = self.error_count - len(self.errors)
            extra = f" (first {len(self.errors)} shown, {more} more)" if more else ""
            return f"Nothing imported: {self.error_count} problem(s){extra}."
        verb = "Would import" if self.dry_run else "Imported"
        text = (
            f"{verb} {self.rows} row(s): {self.created} new, {self.updated} changed, "
            f"{self.unchanged} unchanged."
        )
        if self.period_readings:
            shown = "; ".join(self.period_readings[:10])
            more = len(self.period_readings) - 10
            text += f" Periods read: {shown}" + (f" and {more} more." if more > 0 else ".")
        return text


def read_bytes(source: Source) -> tuple[bytes, str]:
    if isinstance(source, (str, Path)):
        path = Path(source)
        return path.read_bytes(), path.name
    if isinstance(source, bytes):
        return source, ""
    data = source.read()
    name = getattr(source, "name", "") or ""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return data, Path(str(name)).name


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return str(value).strip()


def read_table(data: bytes, filename: str = "") -> Iterator[tuple[int, list[str]]]:
    """Rows of a CSV or .xlsx file as ``(row number, cells)``; row 1 is the header.

    Blank rows are skipped (their numbers still count, as in a spreadsheet).
    """
    if is_xlsx(data, filename):
        from openpyxl import load_workbook

        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # BadZipFile, KeyError, InvalidFileException...: not a workbook
            raise ValueError(
                "it is not an Excel .xlsx workbook (save it as .xlsx or CSV and upload it again)"
            ) from exc
        try:
            sheet = book.worksheets[0]
            for number, row in enumerate(sheet.iter_rows(values_only=True), 1):
                cells = [_cell(v) for v in row]
                if any(cells):
                    yield number, cells
        finally:
            book.close()
        return
    text = data.decode("utf-8-sig")
    # Concord's own exports quote formula-like text (csv_safe): read it back as
    # written. A file without a single quote mark has nothing to unquote, and
    # is spared the per-cell check (most files: a third of the reading's time).
    unquote = "'" in text
    strip = str.strip
    for number, row in enumerate(csv.reader(io.StringIO(text, newline="")), 1):
        cells = [csv_unquote(strip(c)) for c in row] if unquote else list(map(strip, row))
        if any(cells):
            yield number, cells


_NUMBER_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")

# A plain decimal such as 12.5, which float() reads exactly as parse_number would.
PLAIN_NUMBER = re.compile(r"-?\d{1,15}(\.\d{1,15})?\Z")


def parse_number(text: str) -> float | None:
    """A number from a cell, allowing thousands separators; ``None`` for a blank cell.

    Raises ``ValueError`` for anything else.

    >>> parse_number("1,234.5")
    1234.5
    >>> parse_number("")
    """
    if text == "":
        return None
    if PLAIN_NUMBER.match(text):  # the usual case, e.g. 12.5: no separators to remove
        return float(text)
    cleaned = text.replace(",", "")
    if not _NUMBER_RE.match(cleaned):
        raise ValueError(f"'{text}' is not a number")
    value = float(cleaned)
    if not math.isfinite(value):
        raise ValueError(f"'{text}' is not a number")
    return value


class Header:
    """Column positions of a header row, checked against the expected columns."""

    def __init__(
        self,
        cells: list[str],
        required: tuple[str, ...],
        optional: tuple[str, ...],
        result: ImportResult,
    ) -> None:
        self.pos: dict[str, int] = {}
        for i, name in enumerate(cells):
            key = name.strip().lower().replace(" ", "_")
            if not key:
                continue
            if key not in required and key not in optional:
                result.add_error(
                    1, name, f"unknown column (expected {', '.join(required + optional)})"
                )
            elif key in self.pos:
                result.add_error(1, name, "column given twice")
            else:
                self.pos[key] = i
        for name in required:
            if name not in self.pos:
                result.add_error(1, name, "required column is missing")

    def get(self, cells: list[str], name: str) -> str:
        i = self.pos.get(name)
        return cells[i] if i is not None and i < len(cells) else ""


class Periods:
    """Period codes to ids, creating the periods an import needs (inside its transaction)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = dict(Period.objects.values_list("code", "id"))
        self.parsed: dict[str, rules.Period | None] = {}
        # How each period written otherwise than as a code was read, for the summary.
        self.readings: dict[str, str] = {}

    def parse(self, text: str) -> rules.Period | None:
        """The period ``text`` names, in any common written form (``read_period``)."""
        if text not in self.parsed:
            try:
                read = read_period(text)
            except ValueError:
                self.parsed[text] = None
            else:
                self.parsed[text] = read.period
                if read.form != "code":
                    self.readings[text] = f"'{text}' as {read.period} ({read.form})"
        return self.parsed[text]

    def id_for(self, p: rules.Period) -> int:
        code = str(p)
        if code not in self.ids:
            self.ids[code] = Period.objects.for_code(p).pk
        return self.ids[code]


PERIOD_FORMS = (
    "2009-04 or Sept 2009 (month), 2009-Q2 or Q2 2009 (quarter; Q1 2009/10 for a quarter of "
    "a financial year), 2009 (year) or 2009/10 (financial year)"
)

KIND_WORDS = {
    rules.PeriodKind.MONTH: "a month such as 2009-04",
    rules.PeriodKind.QUARTER: "a quarter such as 2009-Q2",
    rules.PeriodKind.YEAR: "a calendar year such as 2009",
    rules.PeriodKind.FINANCIAL_YEAR: "a financial year such as 2009/10",
}


IndicatorFound = tuple[int, rules.PeriodKind, bool]


def code_lookups() -> tuple[Lookup[IndicatorFound], Lookup[int]]:
    """Indicators by code or title (to id, period kind and whether cumulative); areas by
    code or name (to id)."""
    indicators: Lookup[IndicatorFound] = Lookup("indicator", "title")
    rows = Indicator.objects.values_list("code", "title", "id", "frequency", "cumulative")
    for code, title, pk, freq, cumulative in rows:
        value = (pk, Indicator(frequency=freq).period_kind, cumulative)
        indicators.add_code(code, value, f"{code} {title}")
        indicators.add_name(title, value, f"{code} {title}")
    areas: Lookup[int] = Lookup("area")
    for code, name, pk in Area.objects.values_list("code", "name", "id"):
        areas.add_code(code, pk, f"{name} ({code})")
        areas.add_name(name, pk, f"{name} ({code})")
    return indicators, areas


def group_words(text: str) -> str:
    """A population group as written in a file, spaced as the look-up keys it.

    >>> group_words("Sex:Female"), group_words(" age band :  16-24 ")
    ('Sex: Female', 'age band: 16-24')
    """
    dimension, colon, group = text.partition(":")
    return f"{dimension.strip()}: {group.strip()}" if colon else text.strip()


def group_lookup() -> Lookup[int]:
    """Population groups by ``dimension: group``, each side by name or by code
    (``Sex: Female``, ``sex: female``, ``age: 16-24``). One query."""
    groups: Lookup[int] = Lookup("group", "name")
    rows = Group.objects.values_list("pk", "name", "code", "dimension__name", "dimension__code")
    for pk, name, code, dim_name, dim_code in rows:
        label = f"{dim_name}: {name}"
        groups.add_code(f"{dim_code}: {code}", pk, label)
        for dimension in (dim_name, dim_code):
            for group in (name, code):
                if (dimension, group) != (dim_code, code):
                    groups.add_name(f"{dimension}: {group}", pk, label)
    return groups


def record_batch(
    kind: str, filename: str, data: bytes, user: Any, result: ImportResult
) -> ImportBatch:
    """The import's record (file, who, counts), which the rows it wrote point to."""
    batch = ImportBatch.objects.create(
        kind=kind,
        filename=filename[:300],
        sha256=hashlib.sha256(data).hexdigest(),
        imported_by=user,
        rows=result.rows,
        created=result.created,
        updated=result.updated,
        unchanged=result.unchanged,
    )
    result.batch = batch
    return batch


def approve_observations(queryset: QuerySet[Observation], user: Any) -> int:
    """Mark observations final and approved by ``user`` (with history); returns how many.

    Already final or revised observations keep their status but record the approval.
    """
    now = timezone.now()
    changed = []
    for o in queryset.filter(approved_at__isnull=True):
        if o.status == ObservationStatus.PROVISIONAL:
            o.status = ObservationStatus.FINAL
        o.approved_by = user
        o.approved_at = now
        o._history_user = user  # type: ignore[attr-defined]  # read by django-simple-history
        changed.append(o)
    with transaction.atomic():
        bulk_update_with_history(
            changed,
            Observation,
            ["status", "approved_by", "approved_at"],
            default_user=user,
            default_change_reason="approved",
        )
    return len(changed)
