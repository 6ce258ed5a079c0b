"""With DATABASE_REPLICA_URL, exports read their rows from the replica; pages and
every write stay on the primary."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from concord.lib.replica import ReplicaRouter, has_replica, reading_from_replica

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seen(tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("replica")
    run = subprocess.run(
        [sys.executable, "-m", "tests.serve.replica_world", str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,  # a guard against a hang, not a wait: a busy machine may take minutes
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_the_actions_export_reads_the_replica(seen: dict) -> None:
    assert "Read from the replica" in seen["csv"]
    assert "Not yet on the replica" not in seen["csv"]


def test_pages_read_the_primary(seen: dict) -> None:
    assert "Not yet on the replica" in seen["tracker"]
    assert "Read from the replica" not in seen["tracker"]


def test_writes_go_to_the_primary_even_inside_the_block(seen: dict) -> None:
    assert seen["on_primary"] == ["Written inside the block", "Not yet on the replica"]
    assert "Written inside the block" not in seen["read_in_block"]


def test_without_a_replica_nothing_is_routed() -> None:
    assert not has_replica()  # the suite's own settings have none
    with reading_from_replica():
        assert ReplicaRouter().db_for_read(None) is None
