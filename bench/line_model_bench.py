"""Benchmark the line model's cost in ``concord extract`` (CPU time, not wall time).

Generates N invented text minutes with ``bench/extract_bench.py``'s generator,
then times ``concord.ingest.extract`` on them with the line model and without
it (the attendance step's model pass switched off), alternating, best of
``--rounds`` passes each, in CPU time (``time.process_time``) so that a busy
shared machine disturbs the figures less.  Also times ``classify`` alone on
the first 80 lines of each document (what attendance classifies).

    .venv/bin/python bench/line_model_bench.py [-n 30] [--seed 1] [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_bench import make_spec

from concord.demo.documents import to_txt
from concord.ingest import extract
from concord.ingest.extraction import attendance
from concord.ingest.lines.model import classify


def _cpu(fn: object, docs: list[bytes]) -> float:
    assert callable(fn)
    t0 = time.process_time()
    for d in docs:
        fn(d)
    return time.process_time() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("-n", type=int, default=30, help="documents")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=5, help="passes of each; the best is kept")
    args = ap.parse_args(argv)
    rnd = random.Random(args.seed)
    docs = [to_txt(make_spec(rnd, rnd.randint(10, 30))).encode() for _ in range(args.n)]
    lines = [[ln for ln in d.decode().splitlines() if ln.strip()][:80] for d in docs]

    def run(d: bytes) -> None:
        extract(d, filename="m.txt")

    with_model = without = model_only = float("inf")
    real = attendance._add_learned
    run(docs[0])  # warm imports and the weights
    for _ in range(args.rounds):
        attendance._add_learned = real
        with_model = min(with_model, _cpu(run, docs))
        attendance._add_learned = lambda w, blocks: None
        without = min(without, _cpu(run, docs))
        attendance._add_learned = real
        t0 = time.process_time()
        for ls in lines:
            classify(ls)
        model_only = min(model_only, time.process_time() - t0)
    n = len(docs)
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (CPU time; wall time not used)")
    print("| extraction | ms/doc (CPU) | text docs/s (CPU) |")
    print("|---|---:|---:|")
    print(f"| rules only | {without / n * 1000:.2f} | {n / without:.1f} |")
    print(f"| rules + line model | {with_model / n * 1000:.2f} | {n / with_model:.1f} |")
    print(f"| `classify` alone, 80 lines | {model_only / n * 1000:.2f} | — |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
