"""The search benchmark runs end to end on a tiny partnership and finds what it planted."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_search_bench_runs_and_finds_the_planted_words(tmp_path: Path) -> None:
    env = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env["TMPDIR"] = str(tmp_path)
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "search_bench.py"),
            "--scale",
            "0.01",
            "--documents",
            "120",
            "--requests",
            "2",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=1800,  # a guard against a hang, not a wait: a busy machine may take minutes
        check=False,
    )
    assert result.returncode == 0, result.stderr
    rows = {
        tuple(cell.strip() for cell in line.split("|")[1:4])
        for line in result.stdout.splitlines()
        if line.startswith("| ") and "`" in line
    }
    # Every document says "partnership"; one in fifty "harbour"; visitors see no import.
    assert ("common word `partnership`", "secretariat", "120") in rows
    assert ("middling word `harbour`", "secretariat", "3") in rows
    assert ("common word `partnership`", "visitor", "0") in rows
    assert ("no match `xylophone`", "secretariat", "0") in rows
    assert list(tmp_path.iterdir()) == []
