"""Importing observations: every row checked, then written in a handful of set-based statements.

The file is read once, streamed row by row through validation into a
temporary staging table (:mod:`concord.performance.tabular.staging`); a
period not stored yet is created where the file first names it, between two
``COPY`` statements. Duplicates are found by
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
from functools import partial
from typing import Any

from django.db import connection, transaction
from django.db.backends.utils import CursorWrapper

from concord.performance import rules
from concord.performance.models import (
    ImportBatch,
    Observation,
    ObservationStatus,
)
from concord.performance.tabular.cumulative import convert_year_to_date
from concord.performance.tabular.lookups import Lookup
from concord.performance.tabular.preview import Preview, fill_preview
from concord.performance.tabular.reading import (
    KIND_WORDS,
    PERIOD_FORMS,
    PLAIN_NUMBER,
    Header,
    ImportResult,
    IndicatorFound,
    Periods,
    Progress,
    Source,
    code_lookups,
    group_lookup,
    group_words,
    parse_number,
    read_bytes,
    read_table,
    record_batch,
)
from concord.performance.tabular.staging import (
    BetweenCopies,
    Row,
    Stage,
    classify,
    fetch,
    find_duplicates,
    fingerprint,
    write,
)

_PROGRESS_EVERY = 10_000

OBSERVATION_COLUMNS = ("indicator", "area", "period", "value")

OBSERVATION_OPTIONAL = (
    "group",
    "numerator",
    "denominator",
    "ci_low",
    "ci_high",
    "status",
    "note",
    "basis",
)

# What the ``basis`` column may say: the figure is for the period alone, or year to date.
BASIS_WORDS = {
    "period": False,
    "for the period": False,
    "ytd": True,
    "year to date": True,
    "year-to-date": True,
}

_STATUSES = {s.value for s in ObservationStatus}


def _validated_observations(
    rows: Iterator[tuple[int, list[str]]],
    result: ImportResult,
    periods: Periods,
    lookups: tuple[Lookup[IndicatorFound], Lookup[int]],
    progress: Progress | None = None,
    year_to_date: bool = False,
    groups: Lookup[int] | None = None,
) -> Iterator[Row | BetweenCopies]:
    """Check every row; yield stage tuples for the good ones, record errors for the rest.

    ``year_to_date``: the figures of cumulative indicators are year-to-date
    totals unless the row's ``basis`` column says otherwise; such a row is
    staged with its figure in ``ytd`` too, to be turned into the period's own
    figure (:func:`concord.performance.tabular.cumulative.convert_year_to_date`).
    Runs no query itself: it is consumed while PostgreSQL's COPY holds the
    connection. A period the file names that is not stored yet is created by
    the :class:`BetweenCopies` step yielded before its first row.
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
    i_status, i_note, i_basis = pos.get("status"), pos.get("note"), pos.get("basis")
    i_group = pos.get("group")
    plain = PLAIN_NUMBER.match
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
        group_id: int | None = None
        group_text = cells[i_group].strip() if i_group is not None and i_group < width else ""
        if group_text:
            group_id, problem = (groups or Lookup("group")).find(group_words(group_text))
            if group_id is None:
                result.add_error(number, "group", f"{problem}: write it as 'dimension: group'")
                ok = False
        period_text = cells[i_period] if i_period < width else ""
        if period_text not in period_ids:
            p = periods.parse(period_text)
            if p is not None and str(p) not in periods.ids:
                # Not stored yet: created here, between two COPYs, before its id is staged.
                yield BetweenCopies(partial(periods.id_for, p))
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
            if not text:
                numbers.append(None)
                continue
            if plain(text):  # parse_number's usual case, without the call
                numbers.append(float(text))
                continue
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
        basis = cells[i_basis] if i_basis is not None and i_basis < width else ""
        if basis:
            basis = " ".join(basis.lower().split())
        given_ytd = year_to_date
        if basis and basis not in BASIS_WORDS:
            result.add_error(number, "basis", f"'{basis}' is not one of period, year to date")
            ok = False
        elif basis:
            given_ytd = BASIS_WORDS[basis]
            if given_ytd and found is not None and not found[2]:
                result.add_error(
                    number,
                    "basis",
                    f"indicator {ind_code} is not cumulative: its figures are for the period alone",
                )
                ok = False
        if not ok:
            continue
        is_ytd = given_ytd and found[2] and found[1] is not rules.PeriodKind.YEAR  # type: ignore[index]
        yield (
            number,
            found[0],  # type: ignore[index]
            area_id,
            known[0],  # type: ignore[index]
            group_id,
            value,
            numerator,
            denominator,
            lo,
            hi,
            status,
            cells[i_note] if i_note is not None and i_note < width else "",
            value if is_ytd else None,
        )


def import_observations(
    source: Source,
    *,
    user: Any = None,  # a User
    filename: str = "",
    dry_run: bool = False,
    progress: Progress | None = None,
    year_to_date: bool = False,
    expect_fingerprint: str | None = None,
    preview: Preview | None = None,
) -> ImportResult:
    """Import observations from a CSV or .xlsx file: all rows or none.

    Columns (header row, any order, case-insensitive): ``indicator`` (code or
    title), ``area`` (code or name), ``period`` (``2009-04``, ``2009-Q2``,
    ``Q3 2026/27``, ``Sept 2026``, ``2009/10``...; the indicator's own kind),
    ``value``; optional ``numerator``, ``denominator``, ``ci_low``,
    ``ci_high``, ``group`` (a population group, written ``dimension: group``
    as ``sex: female`` or ``Age band: 16-24``, by name or code; empty for all
    people), ``status`` (provisional, final, revised; provisional by
    default), ``note`` and ``basis`` (``period`` or ``year to date``, for a
    cumulative indicator; ``year_to_date`` gives the default).

    An existing observation whose figures differ is revised (a final one
    becomes ``revised`` unless the file gives a status); identical rows are
    left alone. Every new or changed observation gets a history record naming
    the importing user and the batch. ``progress``, when given, is told how
    many rows have been checked, then that the rows are being written.

    ``preview``, when given, is filled with what the import would do (and
    nothing is written, as with ``dry_run``). ``expect_fingerprint``: the
    fingerprint of a preview; if the stored figures the file touches are no
    longer the same, nothing is written and ``result.stale`` is set.
    """
    data, name = read_bytes(source)
    filename = filename or name
    result = ImportResult(dry_run=dry_run or preview is not None)
    stage_name = ""
    try:
        with transaction.atomic():
            periods = Periods()
            with connection.cursor() as cursor:
                stage = Stage(cursor)
                stage_name = stage.name
                run = _Run(cursor, stage, data, filename, periods, user, progress)
                run.stage_and_write(result, year_to_date, expect_fingerprint, preview)
                if not result.ok or result.dry_run:
                    transaction.set_rollback(True)
    finally:
        # SQLite keeps a temporary table until the connection closes; PostgreSQL's
        # is dropped at commit. A rolled-back transaction took it away already.
        if stage_name and connection.vendor != "postgresql" and not connection.in_atomic_block:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP TABLE IF EXISTS {stage_name}")
    return result


class _Run:
    """One import's staging table and what it needs to be checked, previewed and written."""

    def __init__(
        self,
        cursor: CursorWrapper,
        stage: Stage,
        data: bytes,
        filename: str,
        periods: Periods,
        user: Any,  # a User
        progress: Progress | None,
    ) -> None:
        self.cursor = cursor
        self.stage = stage
        self.data = data
        self.filename = filename
        self.periods = periods
        self.user = user
        self.progress = progress

    def stage_and_write(
        self,
        result: ImportResult,
        year_to_date: bool,
        expect_fingerprint: str | None,
        preview: Preview | None,
    ) -> None:
        cursor, stage, progress = self.cursor, self.stage, self.progress
        obs = Observation._meta.db_table
        hist = Observation.history.model._meta.db_table
        lookups = code_lookups()
        groups = group_lookup()
        rows = read_table(self.data, self.filename)
        stage.load(
            _validated_observations(
                rows, result, self.periods, lookups, progress, year_to_date, groups
            )
        )
        result.period_readings = sorted(self.periods.readings.values())
        if progress is not None:
            progress("Checking", result.rows)
        if result.ok:
            find_duplicates(cursor, stage.name, result)
        if result.ok and result.rows == 0:
            result.add_error(2, "", "the file has no rows")
        if result.ok:
            convert_year_to_date(cursor, stage.name, obs, self.periods, result)
        if not result.ok:
            return
        classify(cursor, stage.name, obs)
        counts: dict[str, int] = dict(
            fetch(cursor, f"SELECT change, COUNT(*) FROM {stage.name} GROUP BY change")
        )
        result.created = counts.get("new", 0)
        result.updated = counts.get("update", 0)
        result.unchanged = counts.get("same", 0)
        if preview is not None or expect_fingerprint is not None:
            result.fingerprint = fingerprint(cursor, stage.name, obs)
        if preview is not None:
            fill_preview(preview, cursor, stage.name, obs, self.periods, lookups, result)
            if any(groups.found_by.values()):
                preview.columns.insert(2, ("group", groups.reading()))
        if result.dry_run:
            return
        if expect_fingerprint is not None and expect_fingerprint != result.fingerprint:
            result.stale = True
            return
        if progress is not None:
            progress("Writing", result.rows)
        batch = record_batch(
            ImportBatch.Kind.OBSERVATIONS, self.filename, self.data, self.user, result
        )
        write(cursor, stage.name, obs, hist, batch, self.user)
        if not stage.postgres:
            stage.drop()
