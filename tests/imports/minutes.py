"""Invented minutes of two successive meetings of one body, as document specs.

Every name, place and body here is made up for the tests.
"""

from __future__ import annotations

from tests.ingest.builders import Spec

FIRST: Spec = [
    "Larkspur Community Safety Board",
    "Minutes of the meeting held on Tuesday 4th February 2025",
    "2.00 pm - 4.00 pm at Larkspur Civic Centre, Room 3",
    "Present:",
    ["Cllr Wren Aldous (Chair)", "Larkspur Borough Council"],
    ["Mira Okafor", "Larkspur Police"],
    ["Dr Tobias Quint", "Larkspur Health Trust"],
    ["Petra Vance", "Larkspur Voluntary Network"],
    "Apologies:",
    ["Jonas Fairweather", "Larkspur Fire Service"],
    "1. Minutes of the Last Meeting",
    "The minutes of the last meeting were agreed as a correct record.",
    "2. Night-time Economy",
    "Mira presented the night-time economy report. The Board approved the new patrol plan.",
    "Action: Mira Okafor to circulate the revised patrol plan to partners by 31/03/25.",
    "3. Youth Diversion",
    "Petra described the youth diversion scheme. The Board agreed to fund a pilot.",
    "Action: Tobias Quint to report on referral numbers by 30/04/25.",
    "4. Date of Next Meeting",
    "Tuesday 6th May 2025 at Larkspur Civic Centre",
]

SECOND: Spec = [
    "Larkspur Community Safety Board",
    "Minutes of the meeting held on Tuesday 6th May 2025",
    "2.00 pm - 4.00 pm at Larkspur Civic Centre, Room 3",
    "Present:",
    ["Cllr Wren Aldous (Chair)", "Larkspur Borough Council"],
    ["Mria Okafor", "Larkspur Police"],
    ["Petra Vance", "Larkspur Voluntary Network"],
    ["Jonas Fairweather", "Larkspur Fire Service"],
    "Apologies:",
    ["Dr Tobias Quint", "Larkspur Health Trust"],
    "1. Minutes of the Last Meeting",
    "The minutes of the meeting held on 4 February were agreed as a correct record.",
    "2. Matters Arising",
    "Action: Mira Okafor to circulate the revised patrol plan to all partners by 30/06/25.",
    "3. Fire Safety Visits",
    "Jonas presented the home fire safety visit figures. The Board noted the report.",
    "Action: Jonas Fairweather to share ward figures with partners by 31/07/25.",
    "4. Date of Next Meeting",
    "Tuesday 5th August 2025 at Larkspur Civic Centre",
]
