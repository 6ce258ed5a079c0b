"""Export what the viewer sees with neutralised cells; import all rows or none, with
row-and-column messages; an export imports back."""

from __future__ import annotations

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from concord.registers.models import AddedValue, Risk
from tests.registers.entries import make_added_value


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_exports_hold_only_what_the_viewer_may_see(world, as_user) -> None:
    url = reverse("registers:export", args=["added-value", "csv"])
    rows = _csv(as_user(None).get(url))
    assert rows[0][:4] == ["date", "category", "title", "body"]
    assert [r[2] for r in rows[1:]] == ["Community safety plan adopted jointly"]
    assert rows[1][5] == "Riverton City Council; Riverton Police"
    assert world.tasking.name not in as_user(world.partner).get(url).content.decode()
    assert len(_csv(as_user(world.secretariat).get(url))) == 4


def test_exported_text_cells_are_neutralised(world, as_user) -> None:
    make_added_value(body=world.board, is_public=True, title='=HYPERLINK("http://evil","x")')
    csv_rows = _csv(as_user(None).get(reverse("registers:export", args=["added-value", "csv"])))
    assert '\'=HYPERLINK("http://evil","x")' in [r[2] for r in csv_rows]
    response = as_user(None).get(reverse("registers:export", args=["added-value", "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    cells = [c for c in sheet.iter_rows(values_only=False) if c[2].value.startswith("=")]
    assert cells and all(c[2].data_type == "s" and c[2].quotePrefix for c in cells)
    money = [r[4] for r in sheet.iter_rows(min_row=2, values_only=True) if r[4] is not None]
    assert 1200 in money  # money stays a number


def test_exports_follow_the_lists_filters(world, as_user) -> None:
    url = reverse("registers:export", args=["added-value", "csv"]) + "?category=training"
    assert [r[2] for r in _csv(as_user(world.secretariat).get(url))[1:]] == [
        "Board-only joint training"
    ]
    bad = as_user(world.secretariat).get(url + "&sort=nonsense")
    assert bad.status_code == 400 and "Sort:" in bad.content.decode()


def _upload(client, slug: str, text: str, name: str = "rows.csv"):
    return client.post(
        reverse("registers:import", args=[slug]),
        {"file": SimpleUploadedFile(name, text.encode(), content_type="text/csv")},
    )


RISKS = (
    "title,body,likelihood,impact,target_score,identified_on,review_date,status,is_public\n"
    "Venue flooded,Safer Riverton Board,2,4,4,2025-01-01,2026-01-01,open,yes\n"
    "Key staff leave,Safer Riverton Board,7,3,6,2025-01-01,,open,no\n"
    "Data lost,Offender Tasking Group,2,2,2,2025-01-01,,open,no\n"
    "Budget cut,Safer Riverton Board,3,3,4,2025-01-01,2024-01-01,closed,no\n"
)


def test_an_import_with_a_bad_row_imports_nothing_and_names_row_and_column(world, as_user) -> None:
    before = Risk.objects.count()
    response = _upload(as_user(world.editor), "risks", RISKS)
    assert response.status_code == 400
    text = response.content.decode()
    assert "Nothing imported: 3 problem(s)." in text
    assert "Row 3, column “likelihood”: Ensure this value is less than or equal to 5." in text
    assert "Row 4, column “body”: “Offender Tasking Group” is not a body you may edit." in text
    assert "Row 5, column “review_date”: The review date is before" in text
    assert Risk.objects.count() == before


def test_a_clean_import_creates_every_row_with_history(world, as_user) -> None:
    good = "\n".join(line for line in RISKS.splitlines() if "Venue" in line or "title" in line)
    response = _upload(as_user(world.editor), "risks", good + "\n")
    assert response.status_code == 302, response.content.decode()[-3000:]
    risk = Risk.objects.get(title="Venue flooded")
    assert (risk.score, risk.is_public, risk.body) == (8, True, world.board)
    assert risk.history.get().history_user == world.editor


def test_unknown_columns_partners_and_unreadable_files_are_named(world, as_user) -> None:
    client = as_user(world.secretariat)
    text = _upload(
        client,
        "added-value",
        "date,category,title,body,colour,partners\n"
        "2025-01-01,cakes,T,Safer Riverton Board,red,Riverton Police; Nobody Ltd\n",
    ).content.decode()
    assert "Row 1, column “colour”: unknown column" in text
    assert "Row 2, column “partners”: no organisation is called “Nobody Ltd”." in text
    assert "Row 2, column “category”: Select a valid choice." in text
    broken = _upload(client, "added-value", "PK\x03\x04junk", name="x.xlsx").content.decode()
    assert "The file cannot be read: it is not an Excel .xlsx workbook" in broken


def test_an_export_imports_back(world, as_user) -> None:
    client = as_user(world.secretariat)
    exported = client.get(reverse("registers:export", args=["added-value", "xlsx"])).content
    AddedValue.objects.all().delete()
    response = client.post(
        reverse("registers:import", args=["added-value"]),
        {"file": SimpleUploadedFile("back.xlsx", exported)},
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    back = AddedValue.objects.get(title="Community safety plan adopted jointly")
    assert {o.name for o in back.partners.all()} == {"Riverton City Council", "Riverton Police"}
    assert back.money_value == 1200 and back.is_public
    assert AddedValue.objects.count() == 3


def test_an_excel_file_imports(world, as_user) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["date", "kind", "outlet", "headline", "body", "reach", "advertising_value"])
    sheet.append(
        [
            "2025-03-01",
            "coverage",
            "Radio Riverton",
            "Wardens on air",
            "Safer Riverton Board",
            12000,
            "£450",
        ]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    response = as_user(world.editor).post(
        reverse("registers:import", args=["publicity"]),
        {"file": SimpleUploadedFile("p.xlsx", buffer.getvalue())},
    )
    assert response.status_code == 302
    from concord.registers.models import Publicity

    item = Publicity.objects.get(headline="Wardens on air")
    assert (item.reach, item.advertising_value) == (12000, 450)
