"""Benchmark ``concord.ingest``: extraction throughput per format.

Generates N varied invented minutes (10–30 KB of text each) as .txt, .html,
.docx and .pdf in a temporary folder, then measures, in one process:

* reading only (the reader library turning the file into text), and
* full extraction (reading + the meeting-record rules),

and prints a Markdown table with documents/s, MB/s and the ratio of the two.

    .venv/bin/python bench/extract_bench.py [-n 40] [--seed 1] [--rounds 3] [--clock cpu]
        [--formats txt html docx pdf]

``--formats txt docx`` measures only those formats (PDF takes most of a run).
``--clock cpu`` times with ``time.process_time`` (this process's CPU time)
instead of the wall clock: steadier on a shared, busy machine.
``--instructions`` counts the instructions instead, under valgrind's
callgrind (Debian's ``valgrind``): the same count on a busy machine as on a
quiet one, about 50 times slower.  It runs one pass of each format three
times in a child process (imports only, reading, extraction) and subtracts
the first.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from concord.demo.documents import Spec, to_docx, to_html, to_pdf, to_txt
from concord.ingest import extract, read_document

FIRST = ["Ann", "Bob", "Cara", "Dev", "Ena", "Finn", "Gita", "Hal", "Iris", "Jon", "Kay", "Lev"]
LAST = ["Lee", "Hart", "Moss", "Reid", "Shaw", "Vale", "Wynn", "Pryce", "Dunn", "Cole"]
ORGS = [
    "Town Council",
    "Valley Health Trust",
    "Northmoor Police",
    "Voluntary Action",
    "Fire Service",
]
TOPICS = ["Housing Strategy", "Community Safety", "Youth Services", "Budget Monitoring", "Health Inequalities",  # noqa: E501
          "Transport Plan", "Climate Action", "Skills and Employment"]  # fmt: skip
FILLER = (
    "Members discussed the report in detail and asked about progress against the targets "
    "set at the start of the year. Partners noted that figures had improved in most wards."
)


def make_spec(rnd: random.Random, size_kb: int) -> Spec:
    people = [f"{rnd.choice(FIRST)} {rnd.choice(LAST)}" for _ in range(rnd.randint(6, 14))]
    people = list(dict.fromkeys(people))
    spec: Spec = [
        f"{rnd.choice(['Riverside', 'Kestrel', 'Ashcombe'])} Partnership Board",
        f"Minutes of the meeting held on {rnd.randint(1, 28)} March 2025",
        "Present:",
    ]
    table = rnd.random() < 0.5
    for n, p in enumerate(people[:-2]):
        suffix = " (Chair)" if n == 0 else ""
        spec.append([p + suffix, rnd.choice(ORGS)] if table else f"{p}{suffix}, {rnd.choice(ORGS)}")
    spec += ["Apologies:", f"{people[-1]}, {rnd.choice(ORGS)}"]
    item = 0
    while sum(len(x) if isinstance(x, str) else len(" ".join(x)) for x in spec) < size_kb * 1024:
        item += 1
        owner = rnd.choice(people).split()[0]
        spec.append(f"{item}. {rnd.choice(TOPICS)}")
        for _ in range(rnd.randint(2, 5)):
            spec.append(FILLER)
        spec.append("The Board approved the recommendations in the report.")
        spec.append(
            f"Action: {owner} to circulate the revised plan by the end of {rnd.choice(['May', 'June', 'July'])}."  # noqa: E501
        )
    spec.append(f"{item + 1}. Date of Next Meeting")
    spec.append("Thursday 5th June 2025 at the Town Hall")
    return spec


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("-n", type=int, default=40, help="documents per format")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=3, help="timed passes; the best is kept")
    ap.add_argument(
        "--clock",
        choices=("wall", "cpu"),
        default="wall",
        help="wall clock (time.perf_counter) or this process's CPU time (time.process_time)",
    )
    ap.add_argument(
        "--formats",
        nargs="+",
        choices=("txt", "html", "docx", "pdf"),
        default=["txt", "html", "docx", "pdf"],
        help="formats to generate and measure",
    )
    ap.add_argument(
        "--instructions",
        action="store_true",
        help="count instructions under valgrind (callgrind) instead of timing",
    )
    ap.add_argument("--child", nargs=2, metavar=("STEP", "FOLDER"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        return _child_pass(*args.child, args.formats[0])
    wanted = {"." + f for f in args.formats}
    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    rnd = random.Random(args.seed)
    specs = [make_spec(rnd, rnd.randint(10, 30)) for _ in range(args.n)]
    rows = []
    # bench/out/ (git-ignored) rather than /tmp, which may be swept while we run.
    out = Path(__file__).resolve().parent / "out"
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="extract-", dir=out) as tmp:
        folder = Path(tmp)
        files: dict[str, list[Path]] = {".txt": [], ".html": [], ".docx": [], ".pdf": []}
        for i, spec in enumerate(specs):
            (folder / f"m{i}.txt").write_text(to_txt(spec))
            (folder / f"m{i}.html").write_text(to_html(spec))
            files[".txt"].append(folder / f"m{i}.txt")
            files[".html"].append(folder / f"m{i}.html")
            if ".docx" in wanted:
                files[".docx"].append(to_docx(spec, folder / f"m{i}.docx"))
            if ".pdf" in wanted:
                files[".pdf"].append(to_pdf(spec, folder / f"m{i}.pdf"))
        files = {ext: paths for ext, paths in files.items() if ext in wanted}
        if args.instructions:
            return _count_instructions(folder, files)
        for ext, paths in files.items():
            size = sum(p.stat().st_size for p in paths) / 1e6
            text_kb = sum(len(to_txt(s)) for s in specs) / 1024 / len(specs)
            read_document(paths[0])  # warm imports
            extract(paths[0])
            # Best of --rounds passes, as timeit does: the least disturbed
            # pass is the closest to the code's own cost.
            read_s = total_s = float("inf")
            for _ in range(args.rounds):
                t0 = clock()
                for p in paths:
                    read_document(p)
                read_s = min(read_s, clock() - t0)
                t0 = clock()
                for p in paths:
                    extract(p)
                total_s = min(total_s, clock() - t0)
            rows.append((ext, len(paths), size, text_kb, read_s, total_s))
    print(
        "| format | docs | file MB | text KB/doc | read-only docs/s | extract docs/s | extract MB/s | extract/read time |"  # noqa: E501
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for ext, n, size, text_kb, read_s, total_s in rows:
        print(
            f"| {ext} | {n} | {size:.2f} | {text_kb:.1f} | {n / read_s:.1f} | {n / total_s:.1f} "
            f"| {size / total_s:.2f} | {total_s / read_s:.2f}× |"
        )
    return 0


def _count_instructions(folder: Path, files: dict[str, list[Path]]) -> int:
    """Print the instructions a document takes to read and to extract, per format."""
    print("| format | docs | read-only M instr./doc | extract M instr./doc | extract/read |")
    print("|---|---:|---:|---:|---:|")
    for ext, paths in files.items():
        counts = {}
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        for step in ("imports", "read", "extract"):
            run = subprocess.run(
                ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                 sys.executable, __file__, "--child", step, str(folder), "--formats", ext[1:]],
                capture_output=True, text=True, check=True, env=env,
            )  # fmt: skip
            refs = re.search(r"I\s+refs:\s+([\d,]+)", run.stderr)
            if not refs:
                raise SystemExit(f"valgrind gave no count:\n{run.stderr[-2000:]}")
            counts[step] = int(refs.group(1).replace(",", ""))
        read = (counts["read"] - counts["imports"]) / len(paths)
        total = (counts["extract"] - counts["imports"]) / len(paths)
        print(
            f"| {ext} | {len(paths)} | {read / 1e6:.1f} | {total / 1e6:.1f} | {total / read:.3f}× |"
        )
    return 0


def _child_pass(step: str, folder: str, fmt: str) -> int:
    """One pass of ``step`` over the folder's documents of one format (under valgrind)."""
    paths = sorted(Path(folder).glob(f"*.{fmt}"))
    read_document(paths[0])  # the imports and first-use work, in every step alike
    extract(paths[0])
    # The model's weights are a large heap: a full collection in one step
    # and not in another would cost more than reading a document.
    gc.collect()
    gc.freeze()
    if step != "imports":
        for p in paths:
            (read_document if step == "read" else extract)(p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
