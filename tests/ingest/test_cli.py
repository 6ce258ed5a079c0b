"""``concord extract``: exit codes, one-line errors, JSON and JSON Lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from concord.ingest.cli import main
from tests.ingest.builders import KESTREL, to_docx, to_txt

FIXTURES = Path(__file__).parent / "fixtures"


def test_it_prints_one_json_object_for_one_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(FIXTURES / "riverside_board.txt"), "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["source"] == "riverside_board.txt"
    assert set(record) >= {
        "kind",
        "body",
        "attendance",
        "items",
        "actions",
        "decisions",
        "next_meetings",
    }


def test_it_prints_a_readable_summary_without_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(FIXTURES / "riverside_board.txt")]) == 0
    out = capsys.readouterr().out
    assert "body:   Riverside Partnership Board" in out
    assert "apologies (2)" in out


def test_it_exits_non_zero_with_one_line_on_stderr_for_an_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not really a pdf")
    assert main([str(bad), "--json"]) != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert "Traceback" not in captured.err


def test_it_writes_json_lines_for_a_folder_and_carries_on_past_a_broken_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(to_txt(KESTREL))
    to_docx(KESTREL, tmp_path / "sub" / "b.docx")
    (tmp_path / "sub" / "c.docx").write_bytes(b"PK\x03\x04 truncated")
    (tmp_path / "notes.xyz").write_text("ignored: not a document type")
    status = main([str(tmp_path), "--jsonl", "--error-lines"])
    captured = capsys.readouterr()
    lines = [json.loads(x) for x in captured.out.splitlines()]
    assert status == 1
    assert [x["source"] for x in lines] == ["a.txt", "b.docx", "c.docx"]
    assert "error" in lines[2] and "body" in lines[1]
    assert lines[0]["body"] == lines[1]["body"] == "Kestrel Valley Partnership Executive"
    assert len(captured.err.strip().splitlines()) == 1


def test_it_runs_a_batch_in_a_process_pool(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for n in range(4):
        (tmp_path / f"m{n}.txt").write_text(to_txt(KESTREL))
    assert main([str(tmp_path), "--jsonl", "--jobs", "2"]) == 0
    sources = sorted(json.loads(x)["source"] for x in capsys.readouterr().out.splitlines())
    assert sources == ["m0.txt", "m1.txt", "m2.txt", "m3.txt"]


def test_the_concord_command_dispatches_to_extract() -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "concord.cli",
            "extract",
            str(FIXTURES / "hollybrook_trustees.txt"),
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["source"] == "hollybrook_trustees.txt"


def test_it_does_not_import_django_or_heavy_readers_for_a_text_file() -> None:
    code = (
        "import sys; from concord.ingest import extract; "
        f"extract({str(FIXTURES / 'riverside_board.txt')!r}); "
        "print(sorted(m for m in ('django', 'pdfplumber', 'docx', 'bs4') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert out.stdout.strip() == "[]"
