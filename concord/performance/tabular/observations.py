"""Importing observations: every row checked, then written in a handful of set-based statements.

The file is read once to create any new periods, then streamed, row by row,
through validation into a temporary staging table
(:mod:`concord.performance.tabular.staging`); duplicates are found by
``GROUP BY``, then one ``UPDATE`` revises changed observations, one
``INSERT … SELECT`` adds new ones and one more writes their history records
(who, when, which import). Unchanged rows are skipped, so importing the same
file twice changes nothing; one bad row means nothing is imported.
"""

# Only table names that the import generates itself are put into SQL text;
# every value travels as a query parameter.
# ruff: noqa: S608

from __future__ import annotations

from collections.abc import Iterator

from django.db import connection, transaction

from concord.performance import rules
from concord.performance.models import (
    ImportBatch,
    Observation,
    ObservationStatus,
)
from concord.performance.tabular.lookups import Lookup
from concord.performance.tabular.reading import (
    KIND_WORDS,
    PERIOD_FORMS,
    Header,
    ImportResult,
    Periods,
    Progress,
    Source,
    code_lookups,
    create_periods,
    parse_number,
    read_bytes,
    read_table,
    record_batch,
)
from concord.performance.tabular.staging import Stage, classify, fetch, find_duplicates, write

_PROGRESS_EVERY = 10_000

OBSERVATION_COLUMNS = ("indicator", "area", "period", "value")

OBSERVATION_OPTIONAL = ("numerator", "denominator", "ci_low", "ci_high", "status", "note")

_STATUSES = {s.value for s in ObservationStatus}


def _validated_observations(
    rows: Iterator[tuple[int, list[str]]],
    result: ImportResult,
    periods: Periods,
    lookups: tuple[Lookup[tuple[int, rules.PeriodKind]], Lookup[int]],
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
    header = Header(header_cells, OBSERVATION_COLUMNS, OBSERVATION_OPTIONAL, result)
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
        found, problem = indicators.find(ind_code)
        if found is None:
            result.add_error(number, "indicator", problem)
            ok = False
        area_code = cells[i_area] if i_area < width else ""
        area_id, problem = areas.find(area_code)
        if area_id is None:
            result.add_error(number, "area", problem)
            ok = False
        period_text = cells[i_period] if i_period < width else ""
        if period_text not in period_ids:
            p = periods.parse(period_text)
            period_ids[period_text] = None if p is None else (periods.ids.get(str(p)), p)
        known = period_ids[period_text]
        if known is None:
            result.add_error(
                number, "period", f"'{period_text}' is not a period: write {PERIOD_FORMS}"
            )
            ok = False
        elif found is not None and known[1].kind is not found[1]:
            result.add_error(
                number,
                "period",
                f"'{period_text}' is the wrong kind of period: "
                f"indicator {ind_code} is reported for {KIND_WORDS[found[1]]}",
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


def import_observations(
    source: Source,
    *,
    user=None,  # a User
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
    data, name = read_bytes(source)
    filename = filename or name
    result = ImportResult(dry_run=dry_run)
    stage_name = ""
    try:
        with transaction.atomic():
            periods = Periods()
            create_periods(read_table(data, filename), periods)
            result.period_readings = sorted(periods.readings.values())
            with connection.cursor() as cursor:
                stage = Stage(cursor)
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
    cursor,
    stage: Stage,
    data: bytes,
    filename: str,
    result: ImportResult,
    periods: Periods,
    user,
    dry_run: bool,
    progress: Progress | None = None,
) -> None:
    obs = Observation._meta.db_table
    hist = Observation.history.model._meta.db_table
    lookups = code_lookups()
    stage.load(
        _validated_observations(read_table(data, filename), result, periods, lookups, progress)
    )
    if progress is not None:
        progress("Checking", result.rows)
    if result.ok:
        find_duplicates(cursor, stage.name, result)
    if result.ok and result.rows == 0:
        result.add_error(2, "", "the file has no rows")
    if not result.ok:
        return
    classify(cursor, stage.name, obs)
    counts = dict(fetch(cursor, f"SELECT change, COUNT(*) FROM {stage.name} GROUP BY change"))
    result.created = counts.get("new", 0)
    result.updated = counts.get("update", 0)
    result.unchanged = counts.get("same", 0)
    if dry_run:
        return
    if progress is not None:
        progress("Writing", result.rows)
    batch = record_batch(ImportBatch.Kind.OBSERVATIONS, filename, data, user, result)
    write(cursor, stage.name, obs, hist, batch, user)
    if not stage.postgres:
        stage.drop()
