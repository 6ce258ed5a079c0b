"""Invented minutes whose every name contains "Quill", to look for anywhere it must not be."""

from __future__ import annotations

from tests.ingest.builders import Spec

SENTINEL = "Quill"

SENTINEL_MINUTES: Spec = [
    "Quillfeather Riverside Forum",
    "Minutes of the meeting held on Thursday 6th March 2025",
    "6.00 pm - 7.30 pm at Quillfeather Boathouse",
    "Present:",
    ["Zephyrine Quillfeather (Chair)", "Quillfeather Rowing Trust"],
    ["Ansel Quillmore", "Quillmore Canoe Club"],
    "Apologies: Orrin Quillvale; Brisa Quilltamsin; Cato Quillwren",
    "1. Welcome",
    "The chair welcomed everyone.",
    "2. River Safety",
    "The Forum agreed the river safety leaflet.",
    "Action: Zephyrine Quillfeather to print the river safety leaflet by 30/04/25.",
]
