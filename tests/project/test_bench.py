"""The page benchmark runs end to end and cleans up after itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_bench_measures_every_page_and_leaves_no_temporary_folder(tmp_path: Path) -> None:
    env = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env["TMPDIR"] = str(tmp_path)  # where tempfile puts the bench's scratch folder
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "pages.py"), "--scale", "0.01", "--requests", "2"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=1800,  # a guard against a hang, not a wait: a busy machine may take minutes
        check=False,
    )
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ")][1:]
    assert len(rows) >= 10
    assert all("| 200 |" in row for row in rows), result.stdout
    assert list(tmp_path.iterdir()) == []
