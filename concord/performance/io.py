"""Import and export of observations, targets and areas as CSV and Excel (.xlsx).

An import validates every row first and reports each problem with its row
number, column and reason (unknown indicator or area code, not a number,
duplicate row, period in the wrong form...). A file is imported completely or
not at all: nothing is written if any row fails.

Observations go through a temporary staging table, so that whatever the
size of the file the work is a handful of set-based statements: rows are
streamed into the stage (PostgreSQL ``COPY``; batched inserts on SQLite),
duplicates are found by ``GROUP BY``, then one ``UPDATE`` revises changed
observations, one ``INSERT … SELECT`` adds new ones and one more writes their
history records (who, when, which import). Unchanged rows are skipped, so
importing the same file twice changes nothing.
"""

# Only table and column names that this module generates itself are put into
# SQL text; every value travels as a query parameter or through COPY.
# ruff: noqa: S608

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import itertools
import math
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from concord.lib.cells import csv_unquote, csv_value, xlsx_cell
from concord.performance import rules
from concord.performance.models import (
    Area,
    AreaLevel,
    CodeScheme,
    ImportBatch,
    Indicator,
    Observation,
    ObservationStatus,
    Period,
    Target,
    TargetKind,
)

MAX_REPORTED_ERRORS = 500
_STAGE_BATCH = 5000

Source = str | Path | bytes | IO[bytes] | IO[str]
# Told what an import is doing and how many rows it has read so far:
# ("Checking", n) every _PROGRESS_EVERY rows, then ("Writing", rows).
Progress = Callable[[str, int], None]
_PROGRESS_EVERY = 10_000


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

    @property
    def ok(self) -> bool:
        return self.error_count == 0

    def add_error(self, row: int, column: str, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_REPORTED_ERRORS:
            self.errors.append(RowError(row, column, message))

    def summary(self) -> str:
        if not self.ok:
            more = self.error_count - len(self.errors)
            extra = f" (first {len(self.errors)} shown, {more} more)" if more else ""
            return f"Nothing imported: {self.error_count} problem(s){extra}."
        verb = "Would import" if self.dry_run else "Imported"
        return (
            f"{verb} {self.rows} row(s): {self.created} new, {self.updated} changed, "
            f"{self.unchanged} unchanged."
        )


# -- reading files -----------------------------------------------------------------


def _read_bytes(source: Source) -> tuple[bytes, str]:
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


def _is_xlsx(data: bytes, filename: str) -> bool:
    return filename.lower().endswith(".xlsx") or data[:4] == b"PK\x03\x04"


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
    if _is_xlsx(data, filename):
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
    for number, row in enumerate(csv.reader(io.StringIO(text, newline="")), 1):
        # Concord's own exports quote formula-like text (csv_safe): read it back as written.
        cells = [csv_unquote(c.strip()) for c in row]
        if any(cells):
            yield number, cells


_NUMBER_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_PLAIN_RE = re.compile(r"-?\d{1,15}(\.\d{1,15})?\Z")


def parse_number(text: str) -> float | None:
    """A number from a cell, allowing thousands separators; ``None`` for a blank cell.

    Raises ``ValueError`` for anything else.

    >>> parse_number("1,234.5")
    1234.5
    >>> parse_number("")
    """
    if text == "":
        return None
    if _PLAIN_RE.match(text):  # the usual case, e.g. 12.5: no separators to remove
        return float(text)
    cleaned = text.replace(",", "")
    if not _NUMBER_RE.match(cleaned):
        raise ValueError(f"'{text}' is not a number")
    value = float(cleaned)
    if not math.isfinite(value):
        raise ValueError(f"'{text}' is not a number")
    return value


class _Header:
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


# -- periods -----------------------------------------------------------------------


class _Periods:
    """Period codes to ids, creating the periods an import needs (inside its transaction)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = dict(Period.objects.values_list("code", "id"))
        self.parsed: dict[str, rules.Period | None] = {}

    def parse(self, text: str) -> rules.Period | None:
        if text not in self.parsed:
            try:
                self.parsed[text] = rules.parse_sensible_period(text)
            except ValueError:
                self.parsed[text] = None
        return self.parsed[text]

    def id_for(self, p: rules.Period) -> int:
        code = str(p)
        if code not in self.ids:
            self.ids[code] = Period.objects.for_code(p).pk
        return self.ids[code]


_PERIOD_FORMS = "2009-04 (month), 2009-Q2 (quarter), 2009 (year) or 2009/10 (financial year)"
_KIND_WORDS = {
    rules.PeriodKind.MONTH: "a month such as 2009-04",
    rules.PeriodKind.QUARTER: "a quarter such as 2009-Q2",
    rules.PeriodKind.YEAR: "a calendar year such as 2009",
    rules.PeriodKind.FINANCIAL_YEAR: "a financial year such as 2009/10",
}


# -- observations ------------------------------------------------------------------

OBSERVATION_COLUMNS = ("indicator", "area", "period", "value")
OBSERVATION_OPTIONAL = ("numerator", "denominator", "ci_low", "ci_high", "status", "note")
_STATUSES = {s.value for s in ObservationStatus}

_STAGE_COLUMNS = (
    "rownum",
    "indicator_id",
    "area_id",
    "period_id",
    "value",
    "numerator",
    "denominator",
    "ci_low",
    "ci_high",
    "status",
    "note",
)


def _create_periods(rows: Iterator[tuple[int, list[str]]], periods: _Periods) -> None:
    """Store the periods a file names, before its rows are streamed (COPY allows no other query)."""
    try:
        _, header = next(rows)
    except StopIteration:
        return
    keys = [c.strip().lower() for c in header]
    if "period" not in keys:
        return
    i = keys.index("period")
    seen = {cells[i] for _, cells in rows if i < len(cells)}
    for text in seen:
        p = periods.parse(text)
        if p is not None:
            periods.id_for(p)


def _code_lookups() -> tuple[dict[str, tuple[int, rules.PeriodKind]], dict[str, int]]:
    """Indicator codes (lower case) to id and period kind; area codes (upper case) to id."""
    indicators = {
        code.lower(): (pk, Indicator(frequency=freq).period_kind)
        for code, pk, freq in Indicator.objects.values_list("code", "id", "frequency")
    }
    areas = {code.upper(): pk for code, pk in Area.objects.values_list("code", "id")}
    return indicators, areas


def _validated_observations(
    rows: Iterator[tuple[int, list[str]]],
    result: ImportResult,
    periods: _Periods,
    lookups: tuple[dict[str, tuple[int, rules.PeriodKind]], dict[str, int]],
    progress: Progress | None = None,
) -> Iterator[tuple]:
    """Check every row; yield stage tuples for the good ones, record errors for the rest.

    Runs no query: it is consumed while PostgreSQL's COPY holds the connection.
    """
    try:
        _, header_cells = next(rows)
    except StopIteration:
        result.add_error(1, "", "the file is empty")
        return
    header = _Header(header_cells, OBSERVATION_COLUMNS, OBSERVATION_OPTIONAL, result)
    if not result.ok:
        return
    indicators, areas = lookups
    pos = header.pos
    i_ind, i_area, i_period, i_value = (pos[c] for c in OBSERVATION_COLUMNS)
    number_columns = (("value", i_value),) + tuple(
        (c, pos.get(c)) for c in ("numerator", "denominator", "ci_low", "ci_high")
    )
    i_status, i_note = pos.get("status"), pos.get("note")
    # Per distinct period text: (stage id, rules period) or None when not a period.
    period_ids: dict[str, tuple[int | None, rules.Period] | None] = {}
    for number, cells in rows:
        result.rows += 1
        if progress is not None and result.rows % _PROGRESS_EVERY == 0:
            progress("Checking", result.rows)
        width = len(cells)
        ok = True
        ind_code = cells[i_ind] if i_ind < width else ""
        found = indicators.get(ind_code.lower())
        if found is None:
            result.add_error(number, "indicator", f"unknown indicator code '{ind_code}'")
            ok = False
        area_code = cells[i_area] if i_area < width else ""
        area_id = areas.get(area_code.upper())
        if area_id is None:
            result.add_error(number, "area", f"unknown area code '{area_code}'")
            ok = False
        period_text = cells[i_period] if i_period < width else ""
        if period_text not in period_ids:
            p = periods.parse(period_text)
            period_ids[period_text] = None if p is None else (periods.ids.get(str(p)), p)
        known = period_ids[period_text]
        if known is None:
            result.add_error(
                number, "period", f"'{period_text}' is not a period: write {_PERIOD_FORMS}"
            )
            ok = False
        elif found is not None and known[1].kind is not found[1]:
            result.add_error(
                number,
                "period",
                f"'{period_text}' is the wrong kind of period: "
                f"indicator {ind_code} is reported for {_KIND_WORDS[found[1]]}",
            )
            ok = False
        numbers: list[float | None] = []
        for column, index in number_columns:
            text = cells[index] if index is not None and index < width else ""
            try:
                numbers.append(parse_number(text))
            except ValueError as exc:
                result.add_error(number, column, str(exc))
                numbers.append(None)
                ok = False
        value, numerator, denominator, lo, hi = numbers
        if ok and value is None:
            result.add_error(number, "value", "a value is required")
            ok = False
        if ok and (lo is None) != (hi is None):
            missing = "ci_high" if hi is None else "ci_low"
            result.add_error(
                number, missing, "give both ends of the confidence interval, or neither"
            )
            ok = False
        elif ok and lo is not None and hi is not None and lo > hi:
            result.add_error(number, "ci_low", f"lower limit {lo:g} is above upper limit {hi:g}")
            ok = False
        status = (cells[i_status] if i_status is not None and i_status < width else "").lower()
        if status and status not in _STATUSES:
            result.add_error(
                number, "status", f"'{status}' is not one of provisional, final, revised"
            )
            ok = False
        if not ok:
            continue
        yield (
            number,
            found[0],  # type: ignore[index]
            area_id,
            known[0],  # type: ignore[index]
            value,
            numerator,
            denominator,
            lo,
            hi,
            status,
            cells[i_note] if i_note is not None and i_note < width else "",
        )


def _qn(name: str) -> str:
    return connection.ops.quote_name(name)


class _Stage:
    """A temporary table holding an import's validated rows."""

    def __init__(self, cursor) -> None:  # noqa: ANN001 - a DB-API cursor
        self.cursor = cursor
        self.name = f"perf_stage_{uuid.uuid4().hex[:12]}"
        self.postgres = connection.vendor == "postgresql"
        real = "double precision" if self.postgres else "REAL"
        on_commit = " ON COMMIT DROP" if self.postgres else ""
        cursor.execute(
            f"CREATE TEMP TABLE {self.name} ("
            f"rownum integer, indicator_id bigint, area_id bigint, period_id bigint, "
            f"value {real}, numerator {real}, denominator {real}, ci_low {real}, "
            f"ci_high {real}, status varchar(12), note text, obs_id bigint, "
            f"change varchar(6)){on_commit}"
        )

    def load(self, rows: Iterable[tuple]) -> None:
        columns = ", ".join(_STAGE_COLUMNS)
        if self.postgres:
            raw = self.cursor.cursor if hasattr(self.cursor, "cursor") else self.cursor
            with raw.copy(f"COPY {self.name} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            # The planner knows nothing of a fresh temporary table until analysed.
            self.cursor.execute(f"ANALYZE {self.name}")
            return
        marks = ", ".join(["%s"] * len(_STAGE_COLUMNS))
        sql = f"INSERT INTO {self.name} ({columns}) VALUES ({marks})"
        iterator = iter(rows)
        while chunk := list(itertools.islice(iterator, _STAGE_BATCH)):
            self.cursor.executemany(sql, chunk)

    def drop(self) -> None:
        self.cursor.execute(f"DROP TABLE IF EXISTS {self.name}")


def _same(a: str, b: str) -> str:
    return f"({a} = {b} OR ({a} IS NULL AND {b} IS NULL))"


def import_observations(
    source: Source,
    *,
    user=None,  # noqa: ANN001 - a User
    filename: str = "",
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Import observations from a CSV or .xlsx file: all rows or none.

    Columns (header row, any order, case-insensitive): ``indicator`` (code),
    ``area`` (code), ``period`` (``2009-04``, ``2009-Q2``, ``2009``,
    ``2009/10``; the indicator's own kind), ``value``; optional ``numerator``,
    ``denominator``, ``ci_low``, ``ci_high``, ``status`` (provisional, final,
    revised; provisional by default) and ``note``.

    An existing observation whose figures differ is revised (a final one
    becomes ``revised`` unless the file gives a status); identical rows are
    left alone. Every new or changed observation gets a history record naming
    the importing user and the batch. ``progress``, when given, is told how
    many rows have been checked, then that the rows are being written.
    """
    data, name = _read_bytes(source)
    filename = filename or name
    result = ImportResult(dry_run=dry_run)
    stage_name = ""
    try:
        with transaction.atomic():
            periods = _Periods()
            _create_periods(read_table(data, filename), periods)
            with connection.cursor() as cursor:
                stage = _Stage(cursor)
                stage_name = stage.name
                _stage_and_write(
                    cursor, stage, data, filename, result, periods, user, dry_run, progress
                )
                if not result.ok or dry_run:
                    transaction.set_rollback(True)
    finally:
        # SQLite keeps a temporary table until the connection closes; PostgreSQL's
        # is dropped at commit. A rolled-back transaction took it away already.
        if stage_name and connection.vendor != "postgresql" and not connection.in_atomic_block:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP TABLE IF EXISTS {stage_name}")
    return result


def _stage_and_write(
    cursor,  # noqa: ANN001
    stage: _Stage,
    data: bytes,
    filename: str,
    result: ImportResult,
    periods: _Periods,
    user,  # noqa: ANN001
    dry_run: bool,
    progress: Progress | None = None,
) -> None:
    obs = Observation._meta.db_table
    hist = Observation.history.model._meta.db_table
    lookups = _code_lookups()
    stage.load(
        _validated_observations(read_table(data, filename), result, periods, lookups, progress)
    )
    if progress is not None:
        progress("Checking", result.rows)
    if result.ok:
        _find_duplicates(cursor, stage.name, result)
    if result.ok and result.rows == 0:
        result.add_error(2, "", "the file has no rows")
    if not result.ok:
        return
    _classify(cursor, stage.name, obs)
    counts = dict(_fetch(cursor, f"SELECT change, COUNT(*) FROM {stage.name} GROUP BY change"))
    result.created = counts.get("new", 0)
    result.updated = counts.get("update", 0)
    result.unchanged = counts.get("same", 0)
    if dry_run:
        return
    if progress is not None:
        progress("Writing", result.rows)
    batch = _record_batch(ImportBatch.Kind.OBSERVATIONS, filename, data, user, result)
    _write(cursor, stage.name, obs, hist, batch, user)
    if not stage.postgres:
        stage.drop()


def _record_batch(
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


def _fetch(cursor, sql: str, params: tuple = ()) -> list[tuple]:  # noqa: ANN001
    cursor.execute(sql, params)
    return list(cursor.fetchall())


def _find_duplicates(cursor, stage: str, result: ImportResult) -> None:  # noqa: ANN001
    rows = _fetch(
        cursor,
        f"SELECT s.rownum, d.first FROM {stage} s JOIN ("
        f"  SELECT indicator_id, area_id, period_id, MIN(rownum) AS first FROM {stage}"
        f"  GROUP BY indicator_id, area_id, period_id HAVING COUNT(*) > 1"
        f") d ON s.indicator_id = d.indicator_id AND s.area_id = d.area_id"
        f" AND s.period_id = d.period_id WHERE s.rownum > d.first ORDER BY s.rownum",
    )
    for rownum, first in rows:
        result.add_error(
            rownum, "", f"duplicate row: same indicator, area and period as row {first}"
        )


def _classify(cursor, stage: str, obs: str) -> None:  # noqa: ANN001
    """Mark each staged row new, same (nothing to change) or update, with its observation."""
    same = " AND ".join(
        [
            _same(f"o.{c}", f"{stage}.{c}")
            for c in ("value", "numerator", "denominator", "ci_low", "ci_high")
        ]
        + [f"o.note = {stage}.note", f"({stage}.status = '' OR o.status = {stage}.status)"]
    )
    if not _fetch(
        cursor,
        f"SELECT 1 FROM (SELECT DISTINCT indicator_id, period_id FROM {stage}) p "
        f"WHERE EXISTS (SELECT 1 FROM {obs} o WHERE o.indicator_id = p.indicator_id "
        f"AND o.period_id = p.period_id) LIMIT 1",
    ):
        # Nothing stored yet for any indicator and period of the file (a new
        # quarter): every row is new, and the large table need not be joined.
        cursor.execute(f"UPDATE {stage} SET change = 'new'")
        return
    cursor.execute(
        f"UPDATE {stage} SET obs_id = o.id, "
        f"change = CASE WHEN {same} THEN 'same' ELSE 'update' END "
        f"FROM {obs} o WHERE o.area_id = {stage}.area_id "
        f"AND o.indicator_id = {stage}.indicator_id AND o.period_id = {stage}.period_id"
    )
    cursor.execute(f"UPDATE {stage} SET change = 'new' WHERE obs_id IS NULL")


_DATA_COLUMNS = ("value", "numerator", "denominator", "ci_low", "ci_high", "note")


_OBS_COLUMNS = (
    "indicator_id, area_id, period_id, value, numerator, denominator, ci_low, ci_high, "
    "status, note, entered_by_id, entered_at, approved_by_id, approved_at, batch_id"
)


def _write(cursor, stage: str, obs: str, hist: str, batch: ImportBatch, user) -> None:  # noqa: ANN001
    now = timezone.now()
    user_id = user.pk if user is not None else None
    reason = f"import batch {batch.pk}"
    sets = ", ".join(f"{c} = s.{c}" for c in _DATA_COLUMNS)
    update = (
        f"UPDATE {obs} SET {sets}, "
        f"status = CASE WHEN s.status <> '' THEN s.status"
        f" WHEN {obs}.status = 'provisional' THEN 'provisional' ELSE 'revised' END, "
        f"entered_by_id = %s, entered_at = %s, batch_id = %s "
        f"FROM {stage} s WHERE s.obs_id = {obs}.id AND s.change = 'update'"
    )
    columns = _OBS_COLUMNS
    insert = (
        f"INSERT INTO {obs} ({columns}) "
        f"SELECT indicator_id, area_id, period_id, value, numerator, denominator, ci_low, "
        f"ci_high, CASE WHEN status = '' THEN 'provisional' ELSE status END, note, %s, %s, "
        f"NULL, NULL, %s FROM {stage} WHERE change = 'new' "
        # In the order of the unique index: neighbouring rows land on the same
        # index pages instead of pages all over a large table's index.
        f"ORDER BY area_id, indicator_id, period_id"
    )
    history = (
        f"INSERT INTO {hist} (id, {columns}, history_date, history_change_reason, "
        f"history_type, history_user_id) SELECT id, {columns}, %s, %s, %s, %s FROM written"
    )
    if connection.vendor == "postgresql":
        # The written rows come back from RETURNING straight into the history
        # table: no second join of the staged rows with the (large) table.
        returning = f" RETURNING {obs}.id, " + ", ".join(
            f"{obs}.{c.strip()}" for c in columns.split(",")
        )
        cursor.execute(
            f"WITH written AS ({update}{returning}) {history}",
            (user_id, now, batch.pk, now, reason, "~", user_id),
        )
        cursor.execute(
            f"WITH written AS ({insert}{returning}) {history}",
            (user_id, now, batch.pk, now, reason, "+", user_id),
        )
        return
    cursor.execute(update, (user_id, now, batch.pk))
    cursor.execute(insert, (user_id, now, batch.pk))
    cursor.execute(
        f"INSERT INTO {hist} (id, {columns}, history_date, history_change_reason, "
        f"history_type, history_user_id) "
        f"SELECT o.id, o.indicator_id, o.area_id, o.period_id, o.value, o.numerator, "
        f"o.denominator, o.ci_low, o.ci_high, o.status, o.note, o.entered_by_id, o.entered_at, "
        f"o.approved_by_id, o.approved_at, o.batch_id, %s, %s, "
        f"CASE WHEN s.change = 'new' THEN '+' ELSE '~' END, %s "
        f"FROM {stage} s JOIN {obs} o ON o.area_id = s.area_id "
        f"AND o.indicator_id = s.indicator_id AND o.period_id = s.period_id "
        f"WHERE s.change IN ('new', 'update')",
        (now, reason, user_id),
    )


def approve_observations(queryset: QuerySet[Observation], user) -> int:  # noqa: ANN001
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


# -- targets -----------------------------------------------------------------------

TARGET_COLUMNS = ("indicator", "area", "period", "value")
TARGET_OPTIONAL = ("value_high", "kind", "baseline_period", "baseline_value", "note")


def import_targets(
    source: Source,
    *,
    user=None,  # noqa: ANN001 - a User
    filename: str = "",
    dry_run: bool = False,
) -> ImportResult:
    """Import targets from a CSV or .xlsx file: all rows or none.

    Columns: ``indicator``, ``area``, ``period`` (any kind: an annual target
    for a quarterly indicator is a financial year), ``value``; optional
    ``value_high`` (a band), ``kind`` (``target`` or ``milestone``),
    ``baseline_period`` and ``baseline_value`` (for a trajectory), ``note``.
    """
    data, name = _read_bytes(source)
    filename = filename or name
    result = ImportResult(dry_run=dry_run)
    rows = read_table(data, filename)
    try:
        _, header_cells = next(rows)
    except StopIteration:
        result.add_error(1, "", "the file is empty")
        return result
    header = _Header(header_cells, TARGET_COLUMNS, TARGET_OPTIONAL, result)
    if not result.ok:
        return result
    indicators = {c.lower(): pk for c, pk in Indicator.objects.values_list("code", "id")}
    areas = {c.upper(): pk for c, pk in Area.objects.values_list("code", "id")}
    with transaction.atomic():
        periods = _Periods()
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
                        number, column, f"'{text}' is not a period: write {_PERIOD_FORMS}"
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
        batch = _record_batch(ImportBatch.Kind.TARGETS, filename, data, user, result)
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


# -- export ------------------------------------------------------------------------

OBSERVATION_EXPORT = (*OBSERVATION_COLUMNS, *OBSERVATION_OPTIONAL)
TARGET_EXPORT = (*TARGET_COLUMNS, *TARGET_OPTIONAL)


def _fmt(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _write_table(header: tuple[str, ...], rows: Iterable[tuple], fmt: str) -> bytes:
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


def export_observations(queryset: QuerySet[Observation], fmt: str = "csv") -> bytes:
    """Observations as CSV or .xlsx, in the columns :func:`import_observations` reads.

    Exporting and importing the result changes nothing (a round trip).
    """
    rows = queryset.order_by("indicator__code", "area__code", "period__start").values_list(
        "indicator__code",
        "area__code",
        "period__code",
        "value",
        "numerator",
        "denominator",
        "ci_low",
        "ci_high",
        "status",
        "note",
    )
    return _write_table(OBSERVATION_EXPORT, rows.iterator(chunk_size=5000), fmt)


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


# -- areas -------------------------------------------------------------------------

AREA_COLUMNS = ("code", "name", "level")
AREA_OPTIONAL = ("parent",)
GSS_RE = re.compile(r"^[EWSNK]\d{8}$")
_LEVEL_WORDS = {
    "nation": AreaLevel.NATION,
    "country": AreaLevel.NATION,
    "region": AreaLevel.REGION,
    "local_authority": AreaLevel.LOCAL_AUTHORITY,
    "local authority": AreaLevel.LOCAL_AUTHORITY,
    "la": AreaLevel.LOCAL_AUTHORITY,
    "lad": AreaLevel.LOCAL_AUTHORITY,
    "ward": AreaLevel.WARD,
    "lsoa": AreaLevel.LSOA,
}
_LEVEL_ORDER: list[str] = [
    AreaLevel.NATION,
    AreaLevel.REGION,
    AreaLevel.LOCAL_AUTHORITY,
    AreaLevel.WARD,
    AreaLevel.LSOA,
]


def load_areas_csv(source: Source, *, filename: str = "", dry_run: bool = False) -> ImportResult:
    """Load areas from a CSV (or .xlsx) of codes: ``code``, ``name``, ``level``, ``parent``.

    Codes shaped like ONS GSS codes (a letter for the nation and eight digits,
    e.g. ``E05001234``) are stored with scheme ``gss``, others as local codes.
    ``parent`` is the code of an area in the file or already stored. Existing
    areas (same code) are updated; all rows or none.
    """
    data, name = _read_bytes(source)
    result = ImportResult(dry_run=dry_run)
    rows = read_table(data, filename or name)
    try:
        _, header_cells = next(rows)
    except StopIteration:
        result.add_error(1, "", "the file is empty")
        return result
    header = _Header(header_cells, AREA_COLUMNS, AREA_OPTIONAL, result)
    if not result.ok:
        return result
    parsed: dict[str, tuple[int, str, str, str]] = {}
    for number, cells in rows:
        result.rows += 1
        code = header.get(cells, "code").upper()
        level = _LEVEL_WORDS.get(header.get(cells, "level").lower().replace("-", " "))
        if not code:
            result.add_error(number, "code", "a code is required")
            continue
        if len(code) > 20:
            result.add_error(number, "code", "a code has at most 20 characters")
            continue
        if level is None:
            result.add_error(
                number,
                "level",
                f"'{header.get(cells, 'level')}' is not one of nation, region, "
                "local authority, ward, LSOA",
            )
            continue
        if code in parsed:
            result.add_error(number, "code", f"duplicate of row {parsed[code][0]}")
            continue
        area_name = header.get(cells, "name") or code
        parsed[code] = (number, area_name[:200], level, header.get(cells, "parent").upper())
    known = dict(Area.objects.values_list("code", "level"))
    for code, (number, _, child_level, parent) in parsed.items():
        if not parent:
            continue
        parent_level = parsed[parent][2] if parent in parsed else known.get(parent)
        if parent_level is None:
            result.add_error(number, "parent", f"unknown parent area code '{parent}'")
        elif parent == code:
            result.add_error(number, "parent", "an area cannot be its own parent")
        elif _LEVEL_ORDER.index(parent_level) >= _LEVEL_ORDER.index(child_level):
            result.add_error(
                number,
                "parent",
                f"a {parent_level} cannot contain a {child_level} (parent '{parent}')",
            )
    if not result.ok or dry_run:
        return result
    # Parents first, so that each area's depth follows from its parent's.
    order = sorted(parsed, key=lambda c: _LEVEL_ORDER.index(parsed[c][2]))
    with transaction.atomic():
        existing = {a.code: a for a in Area.objects.filter(code__in=list(parsed))}
        by_code = dict(existing)
        for code in order:
            _, area_name, area_level, parent_code = parsed[code]
            parent_area = None
            if parent_code:
                parent_area = by_code.get(parent_code) or Area.objects.get(code=parent_code)
                by_code[parent_code] = parent_area
            scheme = CodeScheme.GSS if GSS_RE.match(code) else CodeScheme.LOCAL
            area = existing.get(code)
            if area is None:
                area = Area(code=code)
                result.created += 1
            elif (area.name, area.level, area.parent_id, area.scheme) == (
                area_name,
                area_level,
                parent_area.pk if parent_area else None,
                scheme,
            ):
                result.unchanged += 1
                continue
            else:
                result.updated += 1
            area.name, area.level, area.parent = area_name, area_level, parent_area
            area.scheme = scheme
            area.save()
            by_code[code] = area
    return result
