"""Long minutes are read whole: no item or action is silently cut (invented text)."""

from __future__ import annotations

from concord.ingest import extract

OWNERS = ["Nell", "Otto", "Pia", "Quin"]


def _long_minutes(items: int) -> str:
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
            f"Members discussed the figures for ward {n}.",
            f"Action: {OWNERS[n % 4]} to write to the residents of ward {n}.",
            "",
        ]
    return "\n".join(lines)


def test_items_numbered_past_99_are_all_read() -> None:
    record = extract(_long_minutes(300).encode(), filename="long.txt").to_dict()
    numbers = [i["number"] for i in record["items"]]
    assert numbers == [str(n) for n in range(1, 301)]
    assert record["items"][149]["title"] == "Ward report number 150"


def test_alike_actions_with_different_numbers_or_owners_are_kept_apart() -> None:
    record = extract(_long_minutes(300).encode(), filename="long.txt").to_dict()
    actions = record["actions"]
    assert len(actions) == 300
    assert actions[122]["description"] == "Write to the residents of ward 123"
    assert actions[122]["owners"] == ["Quin Dale"]  # 123 % 4 == 3


def test_item_and_minute_references_of_three_digits_are_read() -> None:
    doc = """Harrowfield Parks Panel
Minutes of the meeting held on 2 May 2025

Item 150 Tree planting
The panel noted the planting plan.

Item 151 Play areas
The panel noted the inspection report.

Item 152 Allotments
The waiting list was reported.
"""
    record = extract(doc.encode(), filename="panel.txt").to_dict()
    assert [i["number"] for i in record["items"]] == ["150", "151", "152"]
    # Minute references of three digits in a document numbered by them (a
    # reference inside items numbered another way is what an item deals
    # with: tests/ingest/test_layouts_round8_forms.py).
    minutes = doc.replace("Item 150", "150/25").replace("Item 151", "151/25")
    record = extract(minutes.replace("Item 152", "152/25").encode(), filename="p.txt").to_dict()
    assert [i["number"] for i in record["items"]] == ["150/25", "151/25", "152/25"]


def test_the_same_action_told_twice_is_still_counted_once() -> None:
    doc = """Harrowfield Parks Panel
Minutes of the meeting held on 2 May 2025
Present: Nell Ashby, Otto Brand

1. Benches
Action: Nell to order two new benches for the green.

Summary of actions
Nell to order two new benches for the green.
"""
    record = extract(doc.encode(), filename="panel.txt").to_dict()
    assert [a["description"] for a in record["actions"]] == ["Order two new benches for the green"]


def test_the_same_task_for_two_owners_in_two_items_is_two_actions() -> None:
    doc = """Harrowfield Parks Panel
Minutes of the meeting held on 2 May 2025
Present: Nell Ashby, Otto Brand

1. North park
Action: Nell to ask the contractor for a quote for new fencing.

2. South park
Action: Otto to ask the contractor for a quote for new fencing.
"""
    record = extract(doc.encode(), filename="panel.txt").to_dict()
    assert [a["owners"] for a in record["actions"]] == [["Nell Ashby"], ["Otto Brand"]]
