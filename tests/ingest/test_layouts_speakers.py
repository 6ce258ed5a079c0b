"""Speakers from the floor and people who joined remotely (invented text).

US city and county minutes name members of the public where they spoke,
with their street address ("Ann Lee, 12 Mill Road, spoke …") or who they
speak for ("Bo Roe of Acme Homes, the applicant's agent, said …"); hybrid
meetings note who joined from afar ("Planning Director Cy Dunn (attending
remotely) gave the report").  They attended (``in_attendance``) though no
list names them.  None of this text comes from real minutes.
"""

from __future__ import annotations

from concord.ingest import extract

MINUTES = """CITY OF ORCHARD BEND
REGULAR CITY COUNCIL MEETING MINUTES
April 8, 2025

1. ROLL CALL
Present: Mayor Ida Brandt; Councilmembers Hal Kemp, Rosa Vidal and Ty Ng.
Staff present: City Manager Otto Lind, City Clerk May Sato.

2. PUBLIC COMMENT
Greta Holm, 45 Cedar Street, asked the Council to fix the streetlight on her block.
Nils Berg of Berg Hardware, speaking for the downtown merchants, thanked staff for the new benches.
Mayor Brandt thanked the speakers.
Rosa Vidal, the Council's liaison, said she would follow up.

3. ZONING REPORT
Planning Director Lou Amsel (attending remotely) gave the staff report. Paul Mott, 9 Elm Court,
spoke in opposition.
"""


def _people() -> dict[str, tuple[str, str | None]]:
    record = extract(MINUTES.encode(), filename="minutes.txt").to_dict()
    return {a["name"]: (a["status"], a["organisation"]) for a in record["attendance"]}


def test_speakers_from_the_floor_named_with_an_address_or_whom_they_speak_for() -> None:
    people = _people()
    assert people["Greta Holm"] == ("in_attendance", None)
    assert people["Nils Berg"] == ("in_attendance", "Berg Hardware")


def test_someone_who_joined_remotely_attended() -> None:
    assert _people()["Lou Amsel"][0] == "in_attendance"


def test_listed_members_keep_their_status_and_no_one_is_added_twice() -> None:
    people = _people()
    assert people["Rosa Vidal"][0] == "present"
    # Only a paragraph that opens with the speaker is read (not one mid-sentence).
    assert "Paul Mott" not in people
    assert len([n for n in people if n.endswith("Brandt")]) == 1
