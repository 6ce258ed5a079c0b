"""Whatever the input, the result is a valid record or an ExtractionError."""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from concord.ingest import ExtractionError, MeetingRecord, extract
from tests.ingest.builders import KESTREL, to_docx, to_pdf, to_txt

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
KEYS = ["source", "kind", "body", "date", "start_time", "end_time", "venue", "attendance", "items",
        "actions", "decisions", "next_meetings"]  # fmt: skip


@functools.cache
def _sample(kind: str) -> bytes:
    # The builders write files; keep only the bytes and leave nothing behind in /tmp.
    with tempfile.TemporaryDirectory(prefix="concord-prop-") as folder:
        if kind == "docx":
            return to_docx(KESTREL, Path(folder) / "m.docx").read_bytes()
        return to_pdf(KESTREL, Path(folder) / "m.pdf").read_bytes()


def _check(data: bytes, name: str) -> None:
    try:
        record = extract(data, filename=name)
    except ExtractionError as exc:
        assert "\n" not in str(exc)
        return
    assert isinstance(record, MeetingRecord)
    assert list(record.to_dict()) == KEYS
    assert record.kind in {"minutes", "action_notes", "report", "agenda", "other"}


minutes_words = st.sampled_from(
    ["Present:", "Apologies:", "Action:", "1.", "2)", "Item 3", "24/031", "RESOLVED", "agreed",
     "Cllr", "Dr", "(Chair)", "\t", "\n", "–", "<p>", "</p>", "&amp;", "Sept 08", "31/10/08",
     "next meeting", "Ann Lee", "JB", "•", ",", "to", "be", "approved", "Who", "By when"]
)  # fmt: skip


@FAST
@given(st.text(max_size=2000))
def test_arbitrary_text_gives_a_record_or_an_extraction_error(text: str) -> None:
    _check(text.encode("utf-8", "surrogatepass"), "m.txt")


@FAST
@given(st.lists(st.one_of(minutes_words, st.text(max_size=20)), max_size=200))
def test_minutes_like_word_salad_gives_a_record_or_an_extraction_error(words: list[str]) -> None:
    _check(" ".join(words).encode("utf-8", "surrogatepass"), "m.txt")
    _check(
        ("<html><body><table><tr><td>" + "</td><td>".join(words)).encode("utf-8", "surrogatepass"),
        "m.html",
    )


@FAST
@given(st.data())
def test_damaged_docx_bytes_give_a_record_or_an_extraction_error(data: st.DataObject) -> None:
    _check(_damage(_sample("docx"), data), "m.docx")


@FAST
@given(st.data())
def test_damaged_pdf_bytes_give_a_record_or_an_extraction_error(data: st.DataObject) -> None:
    _check(_damage(_sample("pdf"), data), "m.pdf")


def test_the_undamaged_samples_are_readable() -> None:
    for kind in ("docx", "pdf"):
        assert (
            extract(_sample(kind), filename=f"m.{kind}").body
            == "Kestrel Valley Partnership Executive"
        )
    assert extract(to_txt(KESTREL).encode(), filename="m.txt").items


def _damage(original: bytes, data: st.DataObject) -> bytes:
    blob = bytearray(original)
    how = data.draw(st.sampled_from(["truncate", "flip", "splice"]))
    if how == "truncate":
        return bytes(blob[: data.draw(st.integers(0, len(blob)))])
    if how == "flip":
        for _ in range(data.draw(st.integers(1, 20))):
            i = data.draw(st.integers(0, len(blob) - 1))
            blob[i] ^= 1 << data.draw(st.integers(0, 7))
        return bytes(blob)
    start = data.draw(st.integers(0, len(blob) - 1))
    return bytes(blob[:start] + data.draw(st.binary(max_size=64)) + blob[start + 64 :])
