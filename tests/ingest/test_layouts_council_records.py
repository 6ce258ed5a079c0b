"""Layouts of council records and project pages as converters leave them (invented text).

Council minutes converted from PDF run an attendance line together with
no separators ("Chairman Mrs D Clem Vice Chairman …"), name a chair under
"Present in the chair:", list officials as posts with their holders in
brackets, and keep stray control characters and odd apostrophes
("O‟Brien"); Markdown pages put a numbered "*1.1 Attendees:*" heading in
italics, an organisation's acronym in square brackets, or the whole of
their minutes in the front matter; a signature line with dotted leaders is
no task.  None of this text comes from real minutes.
"""

from __future__ import annotations

from concord.ingest import extract


def _people(doc: str, filename: str = "minutes.txt") -> list[tuple[str, str, str | None]]:
    record = extract(doc.encode(), filename=filename)
    return [(p.name, p.status, p.role) for p in record.attendance]


def test_an_attendance_line_whose_separators_were_lost() -> None:
    people = _people(
        "KESTON PARISH COUNCIL\nMinutes of the meeting held on 9th March, 2022\n\n"
        "Attendance: Chairman Mrs R Alder Vice Chairman Mr T Bream Councillors K Oakes "
        "L Pine-Rowe S Ash County Councillor P Elm Members of the public 3\n\n"
        "1. Apologies\nThere were no apologies.\n"
    )
    assert people == [
        ("R Alder", "present", "chair"),
        ("T Bream", "present", "vice_chair"),
        ("K Oakes", "present", None),
        ("L Pine-Rowe", "present", None),
        ("S Ash", "present", None),
        ("P Elm", "present", None),
    ]


def test_a_chair_heading_posts_with_holders_and_plural_councillors() -> None:
    people = _people(
        "MINUTES OF PROCEEDINGS AT MEETING OF THE MUNICIPAL DISTRICT OF KILBRACK\n"
        "HELD ON TUESDAY 4TH MARCH, 2014, AT 10.00 A.M.\n\n"
        "PRESENT IN THE CHAIR:\n\nCouncillor Ann Tully\n\n"
        "MEMBERS PRESENT:\n\nCouncillors Dunne, O\u201fMeara and Ryan.\n\n"
        "OFFICIALS IN ATTENDANCE:\n\n"
        "Director of Services (Mr. P. Hogan), Senior Engineer, (Ms. R. Casey).\n\n"
        "1. Adoption of Minutes\nThe minutes were adopted.\n"
    )
    assert people == [
        ("Ann Tully", "present", "chair"),
        ("Dunne", "present", None),
        ("O’Meara", "present", None),
        ("Ryan", "present", None),
        ("P. Hogan", "in_attendance", None),
        ("R. Casey", "in_attendance", None),
    ]


def test_a_numbered_heading_in_italics_and_acronyms_in_square_brackets() -> None:
    record = extract(
        (
            b"# Steering Committee\n\n#### 16th May 2019 - tele-conference\n\n"
            b"**1. Welcome**\n"
            b"  *1.1 Attendees:*\n"
            b"  - Ana Ruiz (AR), Servicio Marino [SM] - SC Chair\n"
            b"  - Olli Berg (OB), Servicio Marino [SM]\n"
            b"  - Tom Hale, Harbour Office [HO]\n\n"
            b"  *1.2 Apologies:*\n"
            b"  - Ivy Long, Harbour Office [HO] - SC Vice-Chair\n\n"
            b"**2. Approval of the agenda**\n  - The agenda was approved by all.\n"
        ),
        filename="sc.md",
    )
    people = [(p.name, p.status, p.role, p.organisation) for p in record.attendance]
    assert people == [
        ("Ana Ruiz", "present", "chair", "Servicio Marino"),
        ("Olli Berg", "present", None, "Servicio Marino"),
        ("Tom Hale", "present", None, "Harbour Office"),
        ("Ivy Long", "apologies", "vice_chair", "Harbour Office"),
    ]


def test_text_pasted_from_a_pdf_keeps_its_stray_control_characters_out() -> None:
    doc = (
        "Historic Commission\nMinutes of 10 June 2020\n\n"
        "Present: Ann Lee, Bo Roe\n\n1. Call to order\x03\nThe meeting opened at 1:05 PM.\x18\n"
    ) * 3
    record = extract(doc.encode(), filename="minutes.txt")
    assert record.date == "2020-06-10"
    assert [p.name for p in record.attendance] == ["Ann Lee", "Bo Roe"]
    assert all("\x03" not in i.title for i in record.items)


def test_a_page_whose_minutes_are_all_in_its_front_matter() -> None:
    doc = (
        "---\n"
        "title: Imaging group meeting\n"
        "date: 2021-11-08\n"
        "attendees:\n  - Dr Ann Lee (Chair)\n  - Dr Bo Roe\n"
        "actions:\n  - Ann Lee to circulate the referral pathway by 30 November 2021\n"
        "---\n"
    )
    record = extract(doc.encode(), filename="meeting.md")
    assert record.date == "2021-11-08"
    assert [a.description for a in record.actions] == ["Circulate the referral pathway"]


def test_a_signature_line_with_dotted_leaders_is_no_action() -> None:
    doc = (
        "Standards Committee\nMinutes of the meeting held on 2 February 2026\n\n"
        "Present: Ann Lee (Chair), Bo Roe\n\n1. Minutes\nThe minutes were approved.\n\n"
        "Signed: ........................ Chair\n"
    )
    record = extract(doc.encode(), filename="minutes.txt")
    assert record.actions == []


def test_a_pdf_converted_line_by_line_with_a_blank_line_after_each() -> None:
    lines = [
        "MINUTES OF THE MEETING OF KILBRACK MUNICIPAL DISTRICT HELD ON 4TH MARCH, 2014",
        "Present: Councillors Dunne, Ryan and Tully.",
        "1. Adoption of Minutes",
        "The minutes of the meeting held on 4th February, 2014 were proposed by Cllr Dunne,",
        "seconded by Cllr Ryan and",
        "unanimously agreed and adopted.",
        "2. Roads Programme",
    ] + [f"The engineer outlined scheme number {n} in the programme." for n in range(1, 30)]
    record = extract("\n\n".join(lines).encode(), filename="minutes.txt")
    assert record.decisions[0] == (
        "The minutes of the meeting held on 4th February, 2014 were proposed by Cllr Dunne, "
        "seconded by Cllr Ryan and unanimously agreed and adopted."
    )


def test_payments_and_votes_as_councils_and_boards_record_them() -> None:
    doc = (
        "Parish Council\nMinutes of the meeting held on 4 May 2020\n\n"
        "Present: Ann Lee (Chair), Bo Roe\n\n"
        "1. Minutes\nThe minutes of the meeting held on 02.03.2020 were accepted as a true "
        "record of the meeting and will be signed at the next meeting.\n\n"
        "2. Finance\nAccounts were presented and accepted for payment.\n\n"
        "3. Officers\nBoard unanimously voted Bo Roe as the Secretary of the Board. "
        "Board voted unanimously to authorise spending of up to £500 on fire extinguishers.\n"
    )
    decisions = extract(doc.encode(), filename="minutes.txt").decisions
    assert len(decisions) == 4
    assert decisions[1] == "Accounts were presented and accepted for payment."


def test_a_councils_running_minute_numbers_and_apologies_in_an_item() -> None:
    doc = (
        "Minutes of a meeting of the above Council held on Monday 24th June 2019\n"
        "Present: Cllrs Hayes (in the chair), Hillier, Evans, Richards\n"
        "2709. Police Report: Attached. Farm break-ins still occurring.\n"
        "2710. Public Forum: No one present.\n"
        "2711. Apologies for absence: Cllr Ashby, Hoskin, Shewin.\n"
        "2712. Declarations of interest: None.\n"
        "2713. Approval of minutes of previous meeting: Approved & signed as correct.\n"
    )
    record = extract(doc.encode(), filename="tcc.txt")
    assert [i.number for i in record.items] == ["2709", "2710", "2711", "2712", "2713"]
    assert record.items[2].title == "Apologies for absence"
    apologies = [p.name for p in record.attendance if p.status == "apologies"]
    assert apologies == ["Ashby", "Hoskin", "Shewin"]
