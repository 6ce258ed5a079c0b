"""``concord extract``: read documents and print what was extracted.

    concord extract minutes.docx            # a readable summary
    concord extract minutes.docx --json     # one JSON object (the eval schema),
                                            # with "evidence": each field's span and confidence
    concord extract archive/ more.pdf --jsonl --jobs 4
                                            # one JSON object per line, per file

Unreadable documents exit non-zero with a one-line reason on stderr; in
``--jsonl`` mode each failure is reported on stderr (and, with
``--error-lines``, as ``{"source": …, "error": …}`` on stdout) and the
others carry on.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from concord.ingest.errors import ExtractionError
from concord.ingest.readers import DEFAULT_MAX_BYTES, supported_extensions


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="concord extract",
        description="Extract meeting records (attendance, items, actions, decisions) from documents.",  # noqa: E501
    )
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help="documents or folders (searched recursively)"
    )
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--json", action="store_true", help="print one JSON object per document")
    mode.add_argument("--jsonl", action="store_true", help="print one JSON record per line")
    p.add_argument(
        "--jobs", "-j", type=int, default=1, metavar="N", help="worker processes for --jsonl"
    )
    p.add_argument(
        "--error-lines",
        action="store_true",
        help='with --jsonl, also print failures as {"source": ..., "error": ...} lines',
    )
    p.add_argument(
        "--no-evidence",
        action="store_true",
        help='with --json/--jsonl, leave out the "evidence" key (where each field came from)',
    )
    p.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help="refuse files larger than this (default 50 MB)",
    )
    return p


def iter_documents(paths: list[str]) -> Iterator[Path]:
    """Files named, and supported files inside folders (sorted, recursive)."""
    exts = set(supported_extensions())
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (
                    child.is_file()
                    and child.suffix.lower() in exts
                    and not child.name.startswith(".")
                ):
                    yield child
        else:
            yield path


def _one(job: tuple[str, int, bool]) -> tuple[str, dict[str, Any] | None, str | None]:
    path, max_bytes, evidence = job
    from concord.ingest import extract, extract_with_evidence

    try:
        if not evidence:
            return path, extract(path, max_bytes=max_bytes).to_dict(), None
        record, spans = extract_with_evidence(path, max_bytes=max_bytes)
        return path, {**record.to_dict(), "evidence": spans}, None
    except ExtractionError as exc:
        return path, None, str(exc)
    except Exception as exc:  # never let one document stop a batch
        return path, None, f"{Path(path).name}: internal error ({type(exc).__name__}: {exc})"


def _summary(record: dict[str, Any]) -> str:
    out = [
        f"{record['source']}: {record['kind']}",
        f"  body:   {record['body'] or '-'}",
        f"  date:   {record['date'] or '-'}"
        + (
            f"  {record['start_time'] or ''}–{record['end_time'] or ''}"
            if record["start_time"]
            else ""
        ),
    ]
    if record["venue"]:
        out.append(f"  venue:  {record['venue']}")
    by_status: dict[str, list[str]] = {}
    for a in record["attendance"]:
        label = " ".join(x for x in (a["title"], a["name"]) if x)
        if a["role"]:
            label += f" ({a['role'].replace('_', ' ')})"
        if a["deputising_for"]:
            label += f" [for {a['deputising_for']}]"
        by_status.setdefault(a["status"], []).append(label)
    for status, names in by_status.items():
        out.append(f"  {status.replace('_', ' ')} ({len(names)}): {', '.join(names)}")
    if record["items"]:
        out.append("  items:")
        out += [f"    {i['number']}  {i['title']}" for i in record["items"]]
    if record["actions"]:
        out.append("  actions:")
        for a in record["actions"]:
            who = ", ".join(a["owners"]) or "?"
            out.append(f"    - {a['description']} [{who}; due {a['due'] or '-'}]")
    if record["decisions"]:
        out.append("  decisions:")
        out += [f"    - {d}" for d in record["decisions"]]
    if record["next_meetings"]:
        out.append("  next meetings: " + ", ".join(m["date"] for m in record["next_meetings"]))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Run ``concord extract``; return the exit status (0 when all documents were read)."""
    try:
        return _run(argv)
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130


def _run(argv: list[str] | None) -> int:
    args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    docs = [str(p) for p in iter_documents(args.paths)]
    many = args.jsonl or len(docs) != 1 or any(Path(p).is_dir() for p in args.paths)
    if not docs:
        print("concord extract: no supported documents found", file=sys.stderr)
        return 2
    failures = 0
    # Evidence (where each field came from) goes with JSON output only: the summary omits it.
    evidence = (args.json or args.jsonl) and not args.no_evidence
    jobs = [(d, args.max_bytes, evidence) for d in docs]
    if many and args.jobs > 1 and len(docs) > 1:
        from concurrent.futures import ProcessPoolExecutor

        workers = min(args.jobs, len(docs), os.cpu_count() or 1)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = pool.map(_one, jobs, chunksize=4)
            for path, record, error in results:
                failures += _emit(path, record, error, args, many)
    else:
        for job in jobs:
            failures += _emit(*_one(job), args, many)
    return 1 if failures else 0


def _emit(
    path: str,
    record: dict[str, Any] | None,
    error: str | None,
    args: argparse.Namespace,
    many: bool,
) -> int:
    if record is None:
        print(f"concord extract: {error}", file=sys.stderr)
        if many and args.error_lines:
            print(json.dumps({"source": Path(path).name, "path": path, "error": error}), flush=True)
        return 1
    if many and (args.jsonl or args.json):
        print(json.dumps(record, ensure_ascii=False), flush=True)
    elif args.json:
        print(json.dumps(record, ensure_ascii=False, indent=2))
    else:
        print(_summary(record))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
