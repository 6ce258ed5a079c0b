"""Benchmark performance management at national scale (issue 4).

Builds an invented national data set — 200 quarterly indicators, a
nation → 9 regions → 300 local authorities → 7,500 wards hierarchy with
GSS-shaped codes that are not real ones (``Z92…``, ``Z12…``, ``Z06…``,
``Z05…``), 40 quarters (2015-Q1 … 2024-Q4) of values with trends, stable
area differences, noise and confidence intervals for every area, and an end
target with a baseline for every indicator and local authority: about 62.5
million observations at ``--scale 1`` — then measures:

* the bulk import rate of Concord's importer (``io.import_observations``)
  for a CSV of one new quarter for every ward × ``--import-indicators``
  indicators, into the already-large table, against pandas ``read_csv`` +
  ``DataFrame.to_sql`` loading the same CSV (the peer, run with the python
  of a throwaway venv: see ``bench/README.md``);
* the dashboard of one local authority (all 200 indicators' RAG, direction
  of travel and "% achieving target"): ``dashboard.dashboard`` and the page
  ``/performance/?area=…`` through Django's test client;
* one indicator's ward table for the whole nation and one period
  (``wards.ward_table``);
* equality breakdowns (issue 16): ``--breakdown-indicators`` indicators
  (20) carry figures by population group, 5 dimensions × 4 groups, for the
  nation, regions and local authorities in every quarter; the dashboard is
  measured with them in the table, its widest gaps alone
  (``dashboard.widest_gaps``) and as the page loads them once it is shown
  (``/performance/gaps/``, htmx), and one
  indicator's breakdowns (``breakdowns.breakdowns``) and its page; every read
  reports its wall time and the median CPU time of this process (steadier on
  a shared machine; the database's own work on PostgreSQL is not in it);
* the import preview (issue 16): a file of the latest stored quarter for
  every ward × ``--import-indicators`` indicators, half of it changed,
  classified and sampled (``import_observations(preview=...)``, as
  ``stage_upload`` does) against the large table.

    .venv/bin/python bench/performance_bench.py --scale 0.1            # SQLite, temp folder
    .venv/bin/python bench/performance_bench.py --scale 1 \\
        --database-url postgres://postgres@127.0.0.1:5432/concord_perfbench [--reuse]

``--scale`` multiplies the wards and local authorities (indicators and
quarters stay 200 and 40). Without ``--reuse`` the PostgreSQL database is
dropped and created again; with it, a database already holding the data set
of the same scale is measured as it is.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

# Only table and index names read from the database's own catalogue or written
# here go into SQL text; values travel as parameters or through COPY.
# ruff: noqa: S608

ROOT = Path(__file__).resolve().parents[1]

INDICATORS = 200
QUARTERS = 40
FIRST_YEAR = 2015
WARDS = 7500
LAS = 300
REGIONS = 9
JUDGED = "2024-Q4"
IMPORT_PERIOD = "2025-Q1"
AS_OF = dt.date(2026, 1, 1)
THEMES = (
    "Children and young people",
    "Safer communities",
    "Health and well-being",
    "Economy and skills",
    "Housing",
    "Environment",
    "Older people",
    "Stronger communities",
)
DATASET_SLUG = "perfbench"
DIMENSIONS = 5
GROUPS_PER_DIMENSION = 4

PEER_SCRIPT = r"""
import sys, time, json
import pandas as pd
from sqlalchemy import create_engine
csv, url, table, mode = sys.argv[1:5]
engine = create_engine(url)
start = time.perf_counter()
frame = pd.read_csv(csv, dtype={"indicator": str, "area": str, "period": str})
frame.to_sql(table, engine, if_exists=mode, index=False, chunksize=10000)
elapsed = time.perf_counter() - start
engine.dispose()
print(json.dumps({"rows": len(frame), "seconds": elapsed}))
"""


# -- environment --------------------------------------------------------------


def prepare_postgres(url: str, reuse: bool) -> None:
    """Create the database (dropping it first unless ``reuse``)."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and not reuse:
            conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
            exists = None
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def configure(database_url: str | None, data: Path, reuse: bool) -> None:
    """Point Django at the bench database before it reads its settings."""
    sys.path.insert(0, str(ROOT))
    os.environ["CONCORD_DEMO"] = "1"
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "concord.settings")
    (data / "static").mkdir(exist_ok=True)
    os.environ["CONCORD_DATA"] = str(data)
    if database_url:
        if database_url.startswith(("postgres://", "postgresql://")):
            prepare_postgres(database_url, reuse)
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()


# -- the data set -----------------------------------------------------------------


class Size:
    def __init__(self, scale: float) -> None:
        self.las = max(1, round(LAS * scale))
        self.wards_per_la = WARDS // LAS
        self.wards = self.las * self.wards_per_la
        self.regions = min(REGIONS, self.las)
        self.areas = 1 + self.regions + self.las + self.wards
        self.observations = INDICATORS * QUARTERS * self.areas
        self.breakdown_indicators = 0
        # Figures by group: nation, regions and local authorities, every quarter.
        self.upper_areas = 1 + self.regions + self.las

    @property
    def breakdown_rows(self) -> int:
        groups = DIMENSIONS * GROUPS_PER_DIMENSION
        return self.breakdown_indicators * QUARTERS * self.upper_areas * groups


def quarter_codes() -> list[str]:
    return [f"{FIRST_YEAR + k // 4}-Q{k % 4 + 1}" for k in range(QUARTERS)]


def build(size: Size, seed: int) -> dict[str, int]:
    """Write areas, periods, indicators, targets and observations; return the counts."""
    from django.db import connection

    from concord.performance.models import (
        Area,
        AreaLevel,
        DataSet,
        Dimension,
        Group,
        Indicator,
        Period,
    )

    rnd = random.Random(seed)
    dataset = DataSet.objects.create(
        name="National benchmark (invented)",
        slug=DATASET_SLUG,
        illustrative=True,
        description=f"scale wards={size.wards}",
    )
    nation = Area.objects.create(code="Z92000001", name="Nation of Benchmarkia", level="nation")
    regions = Area.objects.bulk_create(
        Area(
            code=f"Z12{r + 1:06d}",
            name=f"Region {r + 1}",
            level=AreaLevel.REGION,
            parent=nation,
            depth=1,
        )
        for r in range(size.regions)
    )
    las = Area.objects.bulk_create(
        Area(
            code=f"Z06{k + 1:06d}",
            name=f"Borough {k + 1}",
            level=AreaLevel.LOCAL_AUTHORITY,
            parent=regions[k % size.regions],
            depth=2,
        )
        for k in range(size.las)
    )
    wards = Area.objects.bulk_create(
        Area(
            code=f"Z05{k * size.wards_per_la + w + 1:06d}",
            name=f"Borough {k + 1} ward {w + 1}",
            level=AreaLevel.WARD,
            parent=la,
            depth=3,
        )
        for k, la in enumerate(las)
        for w in range(size.wards_per_la)
    )
    periods = [Period.objects.for_code(code) for code in quarter_codes()]
    last_year = FIRST_YEAR + QUARTERS // 4 - 1
    target_period = Period.objects.for_code(f"{last_year}/{(last_year + 1) % 100:02d}")
    indicators = []
    for i in range(INDICATORS):
        if i % 25 == 24:
            polarity = "no_judgement"
        elif i % 20 == 19:
            polarity = "within_band"
        else:
            polarity = "higher_is_better" if i % 2 else "lower_is_better"
        indicators.append(
            Indicator(
                code=f"NB{i + 1:03d}",
                title=f"Benchmark measure {i + 1}",
                unit="percent" if i % 2 else "rate_per_1000",
                polarity=polarity,
                frequency="quarterly",
                theme=THEMES[i % len(THEMES)],
                tolerance_amount=5.0,
                tolerance_kind="percent",
                cumulative=i % 10 == 3,
                seasonal=i % 15 == 7,
                dataset=dataset,
            )
        )
    indicators = Indicator.objects.bulk_create(indicators)
    # Per indicator: level, trend per quarter, spread between areas, seasonal swing.
    shape = [
        (rnd.uniform(20, 70), rnd.uniform(-0.25, 0.25), rnd.uniform(2, 8), rnd.uniform(0, 3))
        for _ in indicators
    ]
    areas = [nation, *regions, *las, *wards]
    level_noise = {0: 0.2, 1: 0.5, 2: 1.0, 3: 2.5}
    parents = {a.pk: a.parent_id for a in areas}
    # Stable area effects: a ward varies around its authority, which varies around its region.
    area_effect: dict[int, float] = {nation.pk: 0.0}
    for a in areas[1:]:
        area_effect[a.pk] = area_effect[parents[a.pk]] + rnd.gauss(0, 1)
    area_rows = [(a.pk, level_noise[a.depth], area_effect[a.pk]) for a in areas]
    sens = [[rnd.uniform(0.5, 1.5) for _ in areas] for _ in indicators]
    groups = []
    for d in range(DIMENSIONS):
        dimension = Dimension.objects.create(name=f"Dimension {d + 1}", code=f"d{d + 1}", order=d)
        for g in range(GROUPS_PER_DIMENSION):
            groups.append(
                Group.objects.create(
                    dimension=dimension, name=f"Group {g + 1}", code=f"g{g + 1}", order=g
                )
            )
    group_effect = [(grp.pk, rnd.gauss(0, 3)) for grp in groups]

    breakdown_ids = {ind.pk for ind in indicators[: size.breakdown_indicators]}
    upper = {a.pk for a in [nation, *regions, *las]}

    def blocks():
        """Lists of observation rows, one per indicator and period, period by period
        as data arrives (so the table's physical order is the order of imports)."""
        obs_id = 0
        stamp = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
        uniform = rnd.random
        for t, period in enumerate(periods):
            for ind, (level, trend, spread, swing), s in zip(indicators, shape, sens, strict=True):
                base = level + trend * t + (swing if t % 4 == 2 else 0.0)
                rows = []
                by_group = ind.pk in breakdown_ids
                for (area_id, noise, effect), k in zip(area_rows, s, strict=True):
                    obs_id += 1
                    v = base + effect * spread * k + noise * (uniform() + uniform() - 1.0) * 2
                    if v < 0.5:
                        v = 0.5
                    h = noise * 1.5
                    rows.append(
                        (
                            obs_id,
                            ind.pk,
                            area_id,
                            period.pk,
                            None,
                            round(v, 2),
                            round(v - h, 2),
                            round(v + h, 2),
                            "final",
                            "",
                            stamp,
                        )
                    )
                    if by_group and area_id in upper:
                        for group_id, g_effect in group_effect:
                            obs_id += 1
                            gv = max(v + g_effect * (1 - t / (2 * QUARTERS)), 0.5)
                            rows.append(
                                (
                                    obs_id,
                                    ind.pk,
                                    area_id,
                                    period.pk,
                                    group_id,
                                    round(gv, 2),
                                    None,
                                    None,
                                    "final",
                                    "",
                                    stamp,
                                )
                            )
                yield rows

    _load_observations(blocks(), size.observations + size.breakdown_rows, connection)
    _load_targets(
        indicators,
        shape,
        [nation, *las],
        area_effect,
        periods[0],
        target_period,
        sens,
        areas,
        connection,
    )
    return {
        "areas": len(areas),
        "indicators": len(indicators),
        "periods": len(periods),
        "observations": size.observations,
        "observations by group": size.breakdown_rows,
    }


_OBS_COLUMNS = (
    "id",
    "indicator_id",
    "area_id",
    "period_id",
    "group_id",
    "value",
    "ci_low",
    "ci_high",
    "status",
    "note",
    "entered_at",
)


def _load_observations(blocks, total: int, connection) -> None:
    """Bulk-load observations with the table's indexes dropped, then rebuild them."""
    from django.db import transaction
    from tqdm import tqdm

    table = "performance_observation"
    columns = ", ".join(_OBS_COLUMNS)
    bar = tqdm(total=total, unit="obs", unit_scale=True, desc="observations", mininterval=5)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s "
                "AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype = 'p')",
                [table],
            )
            indexes = cursor.fetchall()
            cursor.execute(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = %s::regclass AND contype = 'u'",
                [table],
            )
            uniques = cursor.fetchall()
            for name, _ in uniques:
                cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
            unique_names = {n for n, _ in uniques}
            plain = [(n, d) for n, d in indexes if n not in unique_names]
            for name, _ in plain:
                cursor.execute(f"DROP INDEX {name}")
            # The rows are consistent by construction: skip the per-row foreign key
            # triggers during the load, as pg_restore --disable-triggers does.
            cursor.execute("SET session_replication_role = replica")
            with raw.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for rows in blocks:
                    for row in rows:
                        copy.write_row(row)
                    bar.update(len(rows))
            cursor.execute("SET session_replication_role = DEFAULT")
            bar.close()
            cursor.execute("SET maintenance_work_mem = '2GB'")
            steps = [f"ALTER TABLE {table} ADD CONSTRAINT {n} {d}" for n, d in uniques]
            steps += [d for _, d in plain]
            for sql in tqdm(steps, desc="indexes"):
                cursor.execute(sql)
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT MAX(id) FROM {table}))"
            )
        else:
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s "
                "AND sql IS NOT NULL",
                [table],
            )
            indexes = cursor.fetchall()
            for name, _ in indexes:
                cursor.execute(f'DROP INDEX "{name}"')
            marks = ", ".join(["%s"] * len(_OBS_COLUMNS))
            sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
            with transaction.atomic():
                for rows in blocks:
                    cursor.executemany(sql, rows)
                    bar.update(len(rows))
            bar.close()
            for _, ddl in tqdm(indexes, desc="indexes"):
                cursor.execute(ddl)
        cursor.execute(f"ANALYZE {table}")


def _load_targets(
    indicators,
    shape,
    areas,
    area_effect,
    baseline_period,
    target_period,
    sens,
    all_areas,
    connection,
) -> None:
    """One end target per indicator and area (nation, authorities), with its baseline."""
    from concord.performance.models import Target

    index = {a.pk: n for n, a in enumerate(all_areas)}
    targets = []
    for ind, (level, _trend, spread, _), s in zip(indicators, shape, sens, strict=True):
        for area in areas:
            base = level + area_effect[area.pk] * spread * s[index[area.pk]]
            base = max(base, 0.5)
            if ind.polarity == "within_band":
                targets.append(
                    Target(
                        indicator=ind,
                        area=area,
                        period=target_period,
                        value=round(base * 0.9, 1),
                        value_high=round(base * 1.1, 1),
                    )
                )
                continue
            better = 1.1 if ind.polarity == "higher_is_better" else 0.9
            targets.append(
                Target(
                    indicator=ind,
                    area=area,
                    period=target_period,
                    value=round(base * better, 1),
                    baseline_period=baseline_period,
                    baseline_value=round(base, 1),
                )
            )
    Target.objects.bulk_create(targets, batch_size=5000)


# -- measurements --------------------------------------------------------------------


def timings(samples: list[float]) -> dict[str, float]:
    """Median and 95th percentile, in milliseconds."""
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median": statistics.median(ordered) * 1000, "p95": p95 * 1000, "n": len(ordered)}


def count_queries(fn) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


def measure_reads(runs: int, seed: int, breakdown_indicators: int = 0) -> dict[str, dict]:
    """Dashboard (service and page), ward table and achievement trend page timings
    over ``runs`` runs each."""
    from django.contrib.auth.models import Group, User
    from django.test import Client

    from concord.governance.access import viewer_for
    from concord.lib.access import SECRETARIAT_GROUP
    from concord.performance.dashboard import dashboard
    from concord.performance.models import Area, AreaLevel, Indicator
    from concord.performance.wards import ward_table

    rnd = random.Random(seed)
    user, _ = User.objects.get_or_create(username="perfbench")
    user.groups.add(Group.objects.get_or_create(name=SECRETARIAT_GROUP)[0])
    viewer = viewer_for(user)
    las = list(Area.objects.filter(level=AreaLevel.LOCAL_AUTHORITY).select_related("parent"))
    nation = Area.objects.get(level=AreaLevel.NATION)
    indicators = list(Indicator.objects.filter(dataset__slug=DATASET_SLUG))
    out: dict[str, dict] = {}

    def timed(name: str, call, args_list) -> None:
        for args in args_list[:3]:
            call(*args)  # warm up
        gc.freeze()  # what is loaded stays out of full collections, as concord/wsgi.py does
        samples, cpu = [], []
        for args in args_list:
            start, start_cpu = time.perf_counter(), time.process_time()
            call(*args)
            samples.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        out[name] = timings(samples)
        # CPU time of this process (the database's own work on PostgreSQL is not in
        # it): on a shared, loaded machine a steadier figure than the wall time.
        out[name]["cpu median"] = statistics.median(cpu) * 1000
        out[name]["queries"] = count_queries(lambda: call(*args_list[0]))

    def board(area):
        d = dashboard(viewer, area, JUDGED, as_of=AS_OF)
        assert len(d.rows) == INDICATORS, len(d.rows)

    timed("dashboard (service)", board, [(rnd.choice(las),) for _ in range(runs)])
    from concord.performance.dashboard import widest_gaps
    from concord.performance.rules import parse_period

    def gaps(area):
        found = widest_gaps(indicators, area, parse_period(JUDGED))
        assert len(found) == breakdown_indicators, len(found)

    if breakdown_indicators:
        timed("dashboard's widest gaps (service)", gaps, [(rnd.choice(las),) for _ in range(runs)])

    def wards(ind):
        table = ward_table(ind, JUDGED, nation, as_of=AS_OF)
        assert len(table.rows) >= 1

    timed("ward table, nation (service)", wards, [(rnd.choice(indicators),) for _ in range(runs)])
    from concord.performance.breakdowns import breakdowns

    with_groups = sorted(indicators, key=lambda i: i.code)[:breakdown_indicators]

    def by_group(ind, area):
        found = breakdowns(ind, area)
        assert len(found) == DIMENSIONS, len(found)

    if with_groups:
        timed(
            "breakdowns, one indicator (service)",
            by_group,
            [(rnd.choice(with_groups), rnd.choice(las)) for _ in range(runs)],
        )
    try:
        from django.urls import reverse

        url = reverse("performance:dashboard")
    except Exception:  # the pages may not exist yet
        return out
    client = Client()
    client.force_login(user)

    def page(area):
        response = client.get(url, {"area": area.code, "period": JUDGED})
        assert response.status_code == 200, response.status_code

    timed("dashboard page (test client)", page, [(rnd.choice(las),) for _ in range(runs)])
    gaps_url = reverse("performance:gaps")

    def gaps_cells(area):
        # What the dashboard loads once it is shown (htmx): its rows' widest gaps.
        response = client.get(
            gaps_url, {"area": area.code, "period": JUDGED}, HTTP_HX_REQUEST="true"
        )
        assert response.status_code == 200, response.status_code
        assert response.content.count(b"hx-swap-oob") == breakdown_indicators

    if breakdown_indicators:
        timed(
            "dashboard's gaps, loaded after (test client)",
            gaps_cells,
            [(rnd.choice(las),) for _ in range(runs)],
        )

    def indicator_page(ind, area):
        url = reverse("performance:indicator", args=[ind.pk])
        response = client.get(url, {"area": area.code})
        assert response.status_code == 200, response.status_code
        assert b"By population group" in response.content

    if with_groups:
        timed(
            "indicator page with breakdowns (test client)",
            indicator_page,
            [(rnd.choice(with_groups), rnd.choice(las)) for _ in range(runs)],
        )
    trend_url = reverse("performance:achievement")

    def trend(area):
        response = client.get(trend_url, {"area": area.code})
        assert response.status_code == 200, response.status_code

    timed("achievement trend page, 5 years", trend, [(rnd.choice(las),) for _ in range(runs)])
    return out


def write_import_csv(path: Path, n_indicators: int, seed: int) -> int:
    """One new quarter for every ward × ``n_indicators`` indicators; returns the row count."""
    from concord.performance.models import Area, AreaLevel, Indicator

    rnd = random.Random(seed)
    codes = list(
        Area.objects.filter(level=AreaLevel.WARD).order_by("code").values_list("code", flat=True)
    )
    inds = list(
        Indicator.objects.filter(dataset__slug=DATASET_SLUG)
        .order_by("code")
        .values_list("code", flat=True)[:n_indicators]
    )
    n = 0
    with path.open("w") as f:
        f.write("indicator,area,period,value,ci_low,ci_high,status\n")
        for ind in inds:
            for code in codes:
                v = rnd.uniform(5, 95)
                f.write(
                    f"{ind},{code},{IMPORT_PERIOD},{v:.2f},{v - 3:.2f},{v + 3:.2f},provisional\n"
                )
                n += 1
    return n


def write_preview_csv(path: Path, n_indicators: int, seed: int) -> int:
    """The latest stored quarter again for every ward × ``n_indicators`` indicators,
    every other row changed; returns the row count."""
    from concord.performance.models import Observation

    rnd = random.Random(seed)
    rows = (
        Observation.objects.for_everyone()
        .filter(
            period__code=JUDGED,
            area__level="ward",
            indicator__code__in=[f"NB{i + 1:03d}" for i in range(n_indicators)],
        )
        .order_by("indicator__code", "area__code")
        .values_list("indicator__code", "area__code", "value", "ci_low", "ci_high")
    )
    n = 0
    with path.open("w") as f:
        f.write("indicator,area,period,value,ci_low,ci_high,status\n")
        for ind, area, value, lo, hi in rows.iterator(chunk_size=10000):
            if n % 2:
                value = round(value + rnd.uniform(0.5, 2.0), 2)
            f.write(f"{ind},{area},{JUDGED},{value},{lo},{hi},final\n")
            n += 1
    return n


def measure_preview(csv: Path, rows: int, repeats: int) -> dict:
    """The preview of a file of changed and unchanged rows against the large table."""
    from concord.performance.tabular.observations import import_observations
    from concord.performance.tabular.preview import Preview

    times = []
    for _ in range(repeats):
        preview = Preview()
        start = time.perf_counter()
        result = import_observations(csv, preview=preview)
        times.append(time.perf_counter() - start)
        assert result.ok and result.rows == rows, (result.summary(), result.errors[:3])
    return {
        "rows": rows,
        "seconds": min(times),
        "all": times,
        "changed": result.updated,
        "unchanged": result.unchanged,
    }


def _remove_import() -> None:
    """Take the imported quarter away again (observations, history, batches)."""
    from django.db import connection, transaction

    from concord.performance.models import ImportBatch, Observation, Period

    period = Period.objects.filter(code=IMPORT_PERIOD).first()
    if period is None:
        return
    hist = Observation.history.model._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {hist} WHERE period_id = %s", [period.pk])
        cursor.execute("DELETE FROM performance_observation WHERE period_id = %s", [period.pk])
        ImportBatch.objects.all().delete()


def measure_import(
    csv: Path, rows: int, pandas_python: str, peer_url: str, repeats: int
) -> dict[str, dict]:
    """Concord's importer against pandas ``to_sql`` on the same CSV (best of ``repeats``)."""
    from concord.performance.tabular.observations import import_observations

    ours, cpu = [], []
    for _ in range(repeats):
        _remove_import()
        start, start_cpu = time.perf_counter(), time.process_time()
        result = import_observations(csv)
        ours.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        assert result.ok and result.created == rows, (result.summary(), result.errors[:3])
    # The bench process's own CPU (reading, checking, staging): PostgreSQL's work is not in it.
    out = {"concord": {"rows": rows, "seconds": min(ours), "all": ours, "cpu": min(cpu)}}
    if not pandas_python:
        return out
    for name, mode in (("pandas to_sql", "replace"), ("pandas comparable", "append")):
        peer = []
        for _ in range(repeats):
            if mode == "append":
                _comparable_peer_table()
            proc = subprocess.run(
                [pandas_python, "-c", PEER_SCRIPT, str(csv), peer_url, "perfbench_peer", mode],
                capture_output=True,
                text=True,
                check=True,
            )
            peer.append(json.loads(proc.stdout.strip().splitlines()[-1])["seconds"])
        out[name] = {"rows": rows, "seconds": min(peer), "all": peer}
    return out


def _comparable_peer_table() -> None:
    """A fresh table for pandas to append to, kept as the observations table is:
    the same key columns (by code), unique key and ward-table index, and foreign
    keys to the indicator, area and period codes."""
    from django.db import connection

    real = "double precision" if connection.vendor == "postgresql" else "REAL"
    key = (
        "bigint GENERATED BY DEFAULT AS IDENTITY"
        if connection.vendor == "postgresql"
        else ("integer")
    )
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS perfbench_peer")
        cursor.execute(
            f"CREATE TABLE perfbench_peer (id {key} PRIMARY KEY, "
            "indicator varchar(30) NOT NULL REFERENCES performance_indicator (code), "
            "area varchar(20) NOT NULL REFERENCES performance_area (code), "
            "period varchar(10) NOT NULL REFERENCES performance_period (code), "
            f"value {real} NOT NULL, ci_low {real}, ci_high {real}, status varchar(12), "
            "UNIQUE (area, indicator, period))"
        )
        cursor.execute(
            "CREATE INDEX perfbench_peer_ind ON perfbench_peer (indicator, period, area)"
        )


def peer_url_for(database_url: str, data: Path) -> str:
    """The SQLAlchemy URL of the same database for the pandas peer."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return "postgresql+psycopg://" + database_url.split("://", 1)[1]
    return f"sqlite:///{connection.settings_dict['NAME']}"


# -- main --------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=0.1, help="1.0 = national size")
    parser.add_argument(
        "--database-url", default="", help="PostgreSQL URL; SQLite temp file if empty"
    )
    parser.add_argument("--reuse", action="store_true", help="measure the data already there")
    parser.add_argument("--keep", action="store_true", help="keep the SQLite temp folder")
    parser.add_argument("--runs", type=int, default=60, help="timed runs per read (>= 50)")
    parser.add_argument("--import-indicators", type=int, default=20)
    parser.add_argument("--import-repeats", type=int, default=3)
    parser.add_argument(
        "--breakdown-indicators",
        type=int,
        default=20,
        help="indicators with figures by group (5 dimensions x 4 groups); 0 for none",
    )
    parser.add_argument("--skip-preview", action="store_true")
    parser.add_argument(
        "--pandas-python",
        default="/tmp/pandas-peer/bin/python",  # noqa: S108 - a throwaway venv (README)
        help="python of a venv with pandas and sqlalchemy ('' to skip the peer)",
    )
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument(
        "--import-only",
        action="store_true",
        help="time the import and its pandas peer only (no preview, no reads)",
    )
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args(argv)
    if args.pandas_python and not Path(args.pandas_python).exists():
        print(f"no pandas python at {args.pandas_python}: skipping the peer", file=sys.stderr)
        args.pandas_python = ""
    data = Path(tempfile.mkdtemp(prefix="concord-perfbench-"))
    try:
        return run(args, data)
    finally:
        if args.keep:
            print(f"\nKept {data}", file=sys.stderr)
        else:
            shutil.rmtree(data, ignore_errors=True)


def run(args: argparse.Namespace, data: Path) -> int:
    if args.reuse and not args.database_url:
        url = os.environ.get("DATABASE_URL", "")
    else:
        url = args.database_url
    configure(url or None, data, args.reuse)
    from django.core.management import call_command
    from django.db import connection

    from concord.performance.models import DataSet, Observation

    size = Size(args.scale)
    size.breakdown_indicators = args.breakdown_indicators
    call_command("migrate", interactive=False, verbosity=0)
    existing = DataSet.objects.filter(slug=DATASET_SLUG).first()
    start = time.perf_counter()
    built = None
    if existing and args.reuse and existing.description == f"scale wards={size.wards}":
        print(f"Reusing the data set ({Observation.objects.count():,} observations)")
    else:
        if existing:
            raise SystemExit("the database holds another bench data set: run without --reuse")
        counts = build(size, args.seed)
        built = time.perf_counter() - start
        print(f"Built in {built:.0f} s: " + ", ".join(f"{n:,} {k}" for k, n in counts.items()))
    results: dict = {
        "vendor": connection.vendor,
        "scale": args.scale,
        "observations": size.observations,
        "build_seconds": built,
        "date": dt.date.today().isoformat(),
    }
    if not args.skip_import:
        csv = data / "import.csv"
        rows = write_import_csv(csv, args.import_indicators, args.seed)
        imp = measure_import(
            csv, rows, args.pandas_python, peer_url_for(url, data), args.import_repeats
        )
        _remove_import()
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS perfbench_peer")
        results["import"] = imp
        for name, r in imp.items():
            print(
                f"import {name:14s} {r['rows']:>9,} rows  {r['seconds']:7.2f} s  "
                f"{r['rows'] / r['seconds']:>10,.0f} rows/s"
                + (f"  (CPU of this process {r['cpu']:.2f} s)" if "cpu" in r else "")
            )
        for peer in ("pandas to_sql", "pandas comparable"):
            if peer in imp:
                ratio = imp[peer]["seconds"] / imp["concord"]["seconds"]
                results[f"import_ratio ({peer})"] = ratio
                print(f"Concord rate / {peer} rate: {ratio:.2f}")
    if args.import_only:
        args.skip_preview = True
    if not args.skip_preview:
        csv = data / "preview.csv"
        rows = write_preview_csv(csv, args.import_indicators, args.seed)
        results["preview"] = prev = measure_preview(csv, rows, args.import_repeats)
        print(
            f"preview {rows:,} rows ({prev['changed']:,} changed, {prev['unchanged']:,} "
            f"unchanged): {prev['seconds']:.2f} s (best of {args.import_repeats})"
        )
    if not args.import_only:
        reads = measure_reads(args.runs, args.seed, args.breakdown_indicators)
        results["reads"] = reads
        print(f"\n{'read':40s} {'median ms':>10s} {'p95 ms':>8s} {'CPU ms':>7s} {'queries':>8s}")
        for name, r in reads.items():
            print(
                f"{name:40s} {r['median']:10.1f} {r['p95']:8.1f} {r['cpu median']:7.1f} "
                f"{r['queries']:8d}"
            )
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
