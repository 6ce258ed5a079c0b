"""The staging table of an observation import, and the set-based SQL run over it."""

# Only table and column names that this module generates itself are put into
# SQL text; every value travels as a query parameter or through COPY.
# ruff: noqa: S608

from __future__ import annotations

import hashlib
import itertools
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from django.db import connection
from django.db.backends.utils import CursorWrapper
from django.utils import timezone

from concord.performance.models import (
    ImportBatch,
)
from concord.performance.tabular.reading import ImportResult

STAGE_BATCH = 5000

# PostgreSQL's memory for each sort and hash of the import's statements.
STAGE_WORK_MEM = "64MB"

_STAGE_COLUMNS = (
    "rownum",
    "indicator_id",
    "area_id",
    "period_id",
    "group_id",
    "value",
    "numerator",
    "denominator",
    "ci_low",
    "ci_high",
    "status",
    "note",
    "ytd",
)


# A row as the database returns it (or as the staging table takes it).
Row = tuple[Any, ...]


class BetweenCopies:
    """A step that needs the connection, met among the rows being staged: the rows
    before it are sent (PostgreSQL's COPY is ended), ``step`` runs, and the rows
    after it are sent by another COPY (a new period's row, say, created as the
    file first names it)."""

    def __init__(self, step: Callable[[], object]) -> None:
        self.step = step


def _qn(name: str) -> str:
    return connection.ops.quote_name(name)


class Stage:
    """A temporary table holding an import's validated rows."""

    def __init__(self, cursor: CursorWrapper) -> None:
        self.cursor = cursor
        self.name = f"perf_stage_{uuid.uuid4().hex[:12]}"
        self.postgres = connection.vendor == "postgresql"
        real = "double precision" if self.postgres else "REAL"
        on_commit = " ON COMMIT DROP" if self.postgres else ""
        if self.postgres:
            # The staged rows are sorted into the unique index's order before they
            # are inserted: with the default 4 MB a 150,000-row file's sort spills
            # to disk. For this transaction only.
            cursor.execute(f"SET LOCAL work_mem = '{STAGE_WORK_MEM}'")
        cursor.execute(
            f"CREATE TEMP TABLE {self.name} ("
            f"rownum integer, indicator_id bigint, area_id bigint, period_id bigint, "
            f"group_id bigint, "
            f"value {real}, numerator {real}, denominator {real}, ci_low {real}, "
            f"ci_high {real}, status varchar(12), note text, ytd {real}, obs_id bigint, "
            # Every row is new until classify() matches it with a stored figure.
            f"change varchar(6) DEFAULT 'new'){on_commit}"
        )

    def load(self, rows: Iterable[Row | BetweenCopies]) -> None:
        """Stage ``rows``, running each :class:`BetweenCopies` step where it comes."""
        columns = ", ".join(_STAGE_COLUMNS)
        iterator = iter(rows)
        if self.postgres:
            raw = self.cursor.cursor if hasattr(self.cursor, "cursor") else self.cursor
            step: BetweenCopies | None = BetweenCopies(lambda: None)
            while step is not None:
                step.step()
                step = None
                with raw.copy(f"COPY {self.name} ({columns}) FROM STDIN") as copy:
                    for row in iterator:
                        if isinstance(row, BetweenCopies):
                            step = row
                            break
                        copy.write_row(row)
            # The planner knows nothing of a fresh temporary table until analysed.
            self.cursor.execute(f"ANALYZE {self.name}")
            return
        marks = ", ".join(["%s"] * len(_STAGE_COLUMNS))
        sql = f"INSERT INTO {self.name} ({columns}) VALUES ({marks})"
        chunk: list[Row] = []
        for row in itertools.chain(iterator, [BetweenCopies(lambda: None)]):
            if isinstance(row, BetweenCopies):
                if chunk:
                    self.cursor.executemany(sql, chunk)
                    chunk = []
                row.step()
                continue
            chunk.append(row)
            if len(chunk) == STAGE_BATCH:
                self.cursor.executemany(sql, chunk)
                chunk = []
        # Without statistics SQLite takes the staging table for a large one and
        # builds a Bloom filter over the whole observations table for each join
        # (a third of a second for 1,500 rows into 800,000).
        self.cursor.execute(f"ANALYZE {self.name}")

    def drop(self) -> None:
        self.cursor.execute(f"DROP TABLE IF EXISTS {self.name}")


def fetch(cursor: CursorWrapper, sql: str, params: Row = ()) -> list[Row]:
    cursor.execute(sql, params)
    return list(cursor.fetchall())


def find_duplicates(cursor: CursorWrapper, stage: str, result: ImportResult) -> None:
    """Report every row that repeats an earlier row's indicator, area, period and group.

    The staged rows are grouped once; only when some key is repeated (rarely)
    are they read again to name each repeat. (In one statement, PostgreSQL
    hashes every staged row for the join before it finds that there is
    nothing to join: a third of the time, for nothing.)
    """
    groups = (
        f"SELECT indicator_id, area_id, period_id, group_id, MIN(rownum) AS first FROM {stage}"
        f" GROUP BY indicator_id, area_id, period_id, group_id HAVING COUNT(*) > 1"
    )
    if not fetch(cursor, f"{groups} LIMIT 1"):
        return
    rows = fetch(
        cursor,
        f"SELECT s.rownum, d.first, s.group_id FROM {stage} s JOIN ({groups}"
        f") d ON s.indicator_id = d.indicator_id AND s.area_id = d.area_id"
        f" AND s.period_id = d.period_id AND {_same('s.group_id', 'd.group_id')}"
        f" WHERE s.rownum > d.first ORDER BY s.rownum",
    )
    for rownum, first, group in rows:
        same = "area, period and population group" if group else "area and period"
        result.add_error(rownum, "", f"duplicate row: same indicator, {same} as row {first}")


def _same(a: str, b: str) -> str:
    return f"({a} = {b} OR ({a} IS NULL AND {b} IS NULL))"


def classify(cursor: CursorWrapper, stage: str, obs: str) -> None:
    """Mark each staged row same (nothing to change) or update, with its observation;
    a row that matches none stays new, as it was staged."""
    same = " AND ".join(
        [
            _same(f"o.{c}", f"{stage}.{c}")
            for c in ("value", "numerator", "denominator", "ci_low", "ci_high")
        ]
        + [f"o.note = {stage}.note", f"({stage}.status = '' OR o.status = {stage}.status)"]
    )
    groups = has_groups(cursor, stage)
    # (A file with figures by group is always matched row by row: the probe reads
    # the figures for all people, through their (indicator, period, area) index.)
    if not groups and not fetch(
        cursor,
        f"SELECT 1 FROM (SELECT DISTINCT indicator_id, period_id FROM {stage}) p "
        f"WHERE EXISTS (SELECT 1 FROM {obs} o WHERE o.indicator_id = p.indicator_id "
        f"AND o.period_id = p.period_id AND o.group_id IS NULL) LIMIT 1",
    ):
        # Nothing stored yet for any indicator and period of the file (a new
        # quarter): every row is new (as staged), and the large table need not
        # be joined.
        return
    # Two matches, each on the unique index it can use: figures for all people,
    # then (only when the file has any) figures by population group.
    match = (
        f"UPDATE {stage} SET obs_id = o.id, "
        f"change = CASE WHEN {same} THEN 'same' ELSE 'update' END "
        f"FROM {obs} o WHERE o.area_id = {stage}.area_id "
        f"AND o.indicator_id = {stage}.indicator_id AND o.period_id = {stage}.period_id"
    )
    cursor.execute(f"{match} AND {stage}.group_id IS NULL AND o.group_id IS NULL")
    if groups:
        cursor.execute(f"{match} AND o.group_id = {stage}.group_id")


def has_groups(cursor: CursorWrapper, stage: str) -> bool:
    """Whether any staged row is a figure for a population group."""
    return bool(fetch(cursor, f"SELECT 1 FROM {stage} WHERE group_id IS NOT NULL LIMIT 1"))


def fingerprint(cursor: CursorWrapper, stage: str, obs: str) -> str:
    """SHA-256 of how every staged row was classified and of the stored figures it meets.

    Two runs of the same file give the same fingerprint unless a stored
    figure the file touches (or would add) changed in between: an import
    confirmed after a preview compares them and refuses on a difference.
    Streamed in chunks: memory does not grow with the file.
    """
    digest = hashlib.sha256()
    cursor.execute(
        f"SELECT s.rownum, s.change, s.value, o.id, o.value, o.numerator, o.denominator, "
        f"o.ci_low, o.ci_high, o.status, o.note, o.entered_at, o.batch_id "
        f"FROM {stage} s LEFT JOIN {obs} o ON o.id = s.obs_id ORDER BY s.rownum"
    )
    while chunk := cursor.fetchmany(STAGE_BATCH):
        digest.update(repr(chunk).encode())
    return digest.hexdigest()


_DATA_COLUMNS = ("value", "numerator", "denominator", "ci_low", "ci_high", "note")

_OBS_COLUMNS = (
    "indicator_id, area_id, period_id, group_id, value, numerator, denominator, ci_low, ci_high, "
    "status, note, entered_by_id, entered_at, approved_by_id, approved_at, batch_id"
)


def write(
    cursor: CursorWrapper, stage: str, obs: str, hist: str, batch: ImportBatch, user: Any
) -> None:
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
        f"SELECT indicator_id, area_id, period_id, group_id, value, numerator, denominator, "
        f"ci_low, ci_high, CASE WHEN status = '' THEN 'provisional' ELSE status END, note, %s, %s, "
        f"NULL, NULL, %s FROM {stage} WHERE change = 'new' "
        # In the order of the unique index: neighbouring rows land on the same
        # index pages instead of pages all over a large table's index.
        f"ORDER BY area_id, indicator_id, period_id, group_id"
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
    select = (
        f"SELECT o.id, o.indicator_id, o.area_id, o.period_id, o.group_id, o.value, "
        f"o.numerator, o.denominator, o.ci_low, o.ci_high, o.status, o.note, o.entered_by_id, "
        f"o.entered_at, o.approved_by_id, o.approved_at, o.batch_id, %s, %s, "
        f"CASE WHEN s.change = 'new' THEN '+' ELSE '~' END, %s "
        f"FROM {stage} s JOIN {obs} o ON o.area_id = s.area_id "
        f"AND o.indicator_id = s.indicator_id AND o.period_id = s.period_id "
    )
    # One join per unique index: figures for all people, then figures by group.
    cursor.execute(
        f"INSERT INTO {hist} (id, {columns}, history_date, history_change_reason, "
        f"history_type, history_user_id) "
        f"{select} AND o.group_id IS NULL WHERE s.group_id IS NULL "
        f"AND s.change IN ('new', 'update') "
        f"UNION ALL {select} AND o.group_id = s.group_id WHERE s.change IN ('new', 'update')",
        (now, reason, user_id, now, reason, user_id),
    )
