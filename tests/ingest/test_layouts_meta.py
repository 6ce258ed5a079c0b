"""Meeting details told in running sentences (invented text)."""

from __future__ import annotations

from concord.ingest import extract


def _record(doc: str) -> dict:
    return extract(doc.encode(), filename="minutes.txt").to_dict()


def test_a_venue_in_a_sentence_stops_at_the_sentence_end_and_hrs_times() -> None:
    record = _record(
        """Westfold Licensing Sub-Committee

Minutes of the meeting held on Tuesday 3 June 2025 in Committee Room 2, Westfold House. The meeting started at 18.00 hrs.

Members present: Cllr Ann Hale (Chair), Cllr Bo Dent

123/25 Declarations of interest
None.

The meeting closed at 19.25 hrs.
"""  # noqa: E501
    )
    assert record["venue"] == "Committee Room 2, Westfold House"
    assert (record["start_time"], record["end_time"]) == ("18:00", "19:25")


def test_an_abbreviation_in_a_venue_does_not_end_it() -> None:
    record = _record(
        """Minutes of the Old Quay Society, held on 2 March 2024 in St. Bride's Hall, Old Quay.

Present: Ann Hale, Bo Dent
"""
    )
    assert record["venue"] == "St. Bride's Hall, Old Quay"
