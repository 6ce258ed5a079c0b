"""Benchmark the evidence pass (``concord.ingest.evidence``) against extraction alone.

Generates N invented text minutes (``extract_bench.make_spec``, 10–30 KB
each) and one long document of ``--items`` items, then measures in one
process, as CPU time (``time.process_time``: fairer on a shared machine),
alternating A and B for ``--rounds`` rounds:

* A: ``extract_record`` on each document's text (what ``extract`` costs), and
* B: ``locate_evidence`` on the record and plain text it gave (what evidence adds).

    .venv/bin/python bench/evidence_bench.py [-n 40] [--items 5000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.extract_bench import make_spec
from concord.demo.documents import to_txt
from concord.ingest import read_document
from concord.ingest.evidence import locate_evidence
from concord.ingest.extraction import extract_record


def long_minutes(items: int) -> str:
    """An invented document with ``items`` items, each with a minute and an action."""
    owners = ["Nell", "Otto", "Pia", "Quin"]
    lines = [
        "Harrowfield Community Safety Group",
        "Minutes of the meeting held on 9 April 2025",
        "Present:",
        "Nell Ashby, Harrowfield Council",
        "Otto Brand, Harrowfield Police",
        "Pia Carver, Harrowfield Hospice",
        "Quin Dale, Harrowfield Youth Trust",
        "",
    ]
    for n in range(1, items + 1):
        lines += [
            f"{n}. Ward report number {n}",
            f"Members discussed the figures for ward {n}. The group agreed the plan for ward {n}.",
            f"Action: {owners[n % 4]} to write to the residents of ward {n} by 30 May 2025.",
            "",
        ]
    return "\n".join(lines)


def _cpu(fn: object, *args: object) -> float:
    t0 = time.process_time()
    fn(*args)  # type: ignore[operator]
    return time.process_time() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("-n", type=int, default=40, help="ordinary documents")
    ap.add_argument("--items", type=int, default=5000, help="items of the long document")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args(argv)
    rnd = random.Random(args.seed)
    texts = [
        read_document(to_txt(make_spec(rnd, rnd.randint(10, 30))).encode(), filename="m.txt")
        for _ in range(args.n)
    ]
    long = read_document(long_minutes(args.items).encode(), filename="long.txt")
    cases = [("ordinary text minutes", texts), (f"one document of {args.items} items", [long])]
    print("| documents | extraction CPU s/doc | evidence CPU s/doc | evidence/extraction |")
    print("|---|---:|---:|---:|")
    for label, docs in cases:
        records = [extract_record(t, "m.txt") for t in docs]
        plains = [t.plain() for t in docs]
        best_a = best_b = float("inf")
        for _ in range(args.rounds):
            best_a = min(best_a, sum(_cpu(extract_record, t, "m.txt") for t in docs))
            pairs = zip(records, plains, strict=True)
            best_b = min(best_b, sum(_cpu(locate_evidence, r, p) for r, p in pairs))
        n = len(docs)
        print(f"| {label} | {best_a / n:.4f} | {best_b / n:.4f} | {best_b / best_a:.1%} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
