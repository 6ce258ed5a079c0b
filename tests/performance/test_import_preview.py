"""The import preview: nothing written before confirmation; new, changed (old → new, who
entered the old figure) and unchanged rows; how each column was read; confirm writes all
or nothing and refuses when the figures changed since the preview; the file never comes
back from the browser; the preview page's queries do not grow with the file."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from concord.performance.models import Area, Observation, Period, StagedImport
from concord.performance.tabular.staged import confirm_staged, stage_upload
from tests.performance.pages_world import build_perf_world


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def w(db):
    w = build_perf_world()
    old = Observation.objects.get(
        indicator=w.coverage, area__code="L9000001", period__code="2024-Q4"
    )
    old.entered_by = w.editor
    old.save()
    return w


# By title, by area name and a written period (changed: 73 → 90); by code (new); unchanged.
FILE = (
    b"indicator,area,period,value\n"
    b"Households with working smoke alarms,Harbourside,Q4 2024,90\n"
    b"HS 2,L9000001,2025-Q1,81\n"
    b"HS 2,L9000001,2024-Q3,74\n"
)


def upload(client, content: bytes = FILE, **extra):
    return client.post(
        reverse("performance:import"),
        {"kind": "observations", "file": SimpleUploadedFile("quarter.csv", content), **extra},
    )


def stored(w, code: str) -> float:
    return Observation.objects.get(indicator=w.coverage, area=w.la, period__code=code).value


def test_an_upload_goes_to_a_preview_and_writes_nothing(client, w):
    client.force_login(w.editor)
    before = Observation.objects.count()
    response = upload(client)
    assert response.status_code == 302
    staged = StagedImport.objects.get()
    assert response.url == reverse("performance:import_preview", args=[staged.token])
    assert Observation.objects.count() == before and stored(w, "2024-Q4") == 73
    page = client.get(response.url).content.decode()
    assert "Nothing has been written yet." in page
    assert "3 rows, of which 1 new, 1 changed and 1 unchanged" in page
    # How each column was read.
    assert "<dt>indicator</dt><dd>by code (2 rows), by title (1 row)</dd>" in page
    assert "<dt>area</dt><dd>by code (2 rows), by name (1 row)</dd>" in page
    assert "&#x27;Q4 2024&#x27; as 2024-Q4" in page
    # The changed row: old → new, and who entered the old figure.
    changed = page.split('id="preview-changed"')[1].split("</section>")[0]
    assert "<td>2</td>" in changed and "<td>73%</td><td>90%</td>" in changed
    assert "by board-editor on " in changed
    new = page.split('id="preview-new"')[1].split("</section>")[0]
    assert "<td>3</td>" in new and "81%" in new
    same = page.split('id="preview-unchanged"')[1].split("</section>")[0]
    assert "<td>4</td>" in same


def test_confirming_writes_every_row_and_records_the_batch(client, w):
    client.force_login(w.editor)
    url = upload(client).url
    staged = StagedImport.objects.get()
    response = client.post(reverse("performance:import_confirm", args=[staged.token]))
    assert response.status_code == 302
    assert stored(w, "2024-Q4") == 90 and stored(w, "2025-Q1") == 81
    staged.refresh_from_db()
    assert staged.batch is not None and staged.batch.updated == 1 and staged.batch.created == 1
    assert not staged.file  # the server's copy is gone once imported
    assert (
        "Imported 3 row(s): 1 new, 1 changed, 1 unchanged."
        in client.get(response.url).content.decode()
    )
    # A confirmed preview is over: it cannot be confirmed twice.
    assert client.get(url).status_code == 404
    assert (
        client.post(reverse("performance:import_confirm", args=[staged.token])).status_code == 404
    )


def test_confirming_is_refused_if_the_figures_changed_since_the_preview(client, w):
    client.force_login(w.editor)
    upload(client)
    staged = StagedImport.objects.get()
    # Someone else revises the figure the file changes, after the preview.
    other = Observation.objects.get(indicator=w.coverage, area=w.la, period__code="2024-Q4")
    other.value = 75
    other.save()
    response = client.post(reverse("performance:import_confirm", args=[staged.token]))
    assert response.status_code == 409
    page = response.content.decode()
    assert "changed by someone else since the preview" in page
    assert (
        stored(w, "2024-Q4") == 75
        and not Observation.objects.filter(period__code="2025-Q1").exists()
    )
    # The preview shown is the fresh one: confirming it now writes.
    assert "<td>75%</td><td>90%</td>" in page
    response = client.post(reverse("performance:import_confirm", args=[staged.token]))
    assert response.status_code == 302 and stored(w, "2024-Q4") == 90


def test_a_row_added_by_someone_else_since_the_preview_is_no_longer_new(w):
    staged, result = stage_upload(FILE, "quarter.csv", w.editor)
    assert staged is not None and result.created == 1
    Observation.objects.create(
        indicator=w.coverage, area=w.la, period=Period.objects.for_code("2025-Q1"), value=50
    )
    result = confirm_staged(staged, w.editor)
    assert result.stale and not result.ok
    assert stored(w, "2025-Q1") == 50


def test_the_same_file_previewed_twice_has_the_same_fingerprint(w):
    first, _ = stage_upload(FILE, "quarter.csv", w.editor)
    second, _ = stage_upload(FILE, "quarter.csv", w.editor)
    assert first and second and first.fingerprint == second.fingerprint != ""


def test_the_stored_file_is_the_one_imported_and_a_tampered_copy_is_refused(w):
    staged, _ = stage_upload(FILE, "quarter.csv", w.editor)
    assert staged is not None
    with open(staged.file.path, "wb") as f:
        f.write(FILE.replace(b",90\n", b",10\n"))
    with pytest.raises(ValueError, match="changed since it was uploaded"):
        confirm_staged(staged, w.editor)
    assert stored(w, "2024-Q4") == 73


def test_a_bad_file_is_not_kept_and_lists_its_problems(client, w):
    client.force_login(w.editor)
    response = upload(client, FILE + b"HS 2,Nowhere,2025-Q2,1\n")
    assert response.status_code == 200
    assert "unknown area code &#x27;Nowhere&#x27;" in response.content.decode()
    assert not StagedImport.objects.exists()


def test_only_the_uploader_sees_or_confirms_a_preview(client, w):
    client.force_login(w.editor)
    upload(client)
    staged = StagedImport.objects.get()
    preview = reverse("performance:import_preview", args=[staged.token])
    confirm = reverse("performance:import_confirm", args=[staged.token])
    client.force_login(w.secretariat)
    assert client.get(preview).status_code == 404
    assert client.post(confirm).status_code == 404
    client.logout()
    assert client.get(preview).status_code == 302  # to sign in
    assert stored(w, "2024-Q4") == 73


def test_putting_the_file_aside_writes_nothing_and_forgets_it(client, w):
    client.force_login(w.editor)
    upload(client)
    staged = StagedImport.objects.get()
    path = staged.file.path
    response = client.post(
        reverse("performance:import_confirm", args=[staged.token]), {"discard": "1"}
    )
    assert response.status_code == 302
    assert not StagedImport.objects.exists() and stored(w, "2024-Q4") == 73
    import os

    assert not os.path.exists(path)


def test_a_get_of_the_confirm_address_writes_nothing(client, w):
    client.force_login(w.editor)
    upload(client)
    staged = StagedImport.objects.get()
    response = client.get(reverse("performance:import_confirm", args=[staged.token]))
    assert response.status_code == 405 and stored(w, "2024-Q4") == 73


def _big_file(rows: int) -> bytes:
    """``rows`` new figures (one per ward, one period) and one changed figure."""
    la = Area.objects.get(code="L9000001")
    Area.objects.bulk_create(
        Area(code=f"E05{n:06d}", name=f"Big ward {n}", level="ward", parent=la, depth=la.depth + 1)
        for n in range(rows)
    )
    lines = ["indicator,area,period,value"]
    lines += [f"HS 2,E05{n:06d},2025-Q1,{n % 100}" for n in range(rows)]
    lines.append("HS 2,L9000001,2024-Q4,91")
    return ("\n".join(lines) + "\n").encode()


# Looking for the uploader's abandoned previews, reading the periods, indicators and
# areas, the staging table's statements, the preview's three samples and their
# indicators, areas and people, and saving the staged import (the staging table's
# batched INSERTs are left out: one per 5,000 rows; PostgreSQL loads it by COPY,
# SQLite by those INSERTs, and both then analyse it; PostgreSQL also gives the
# transaction the memory to sort the staged rows).
STAGE_QUERIES = {"sqlite": 31, "postgresql": 32}
PREVIEW_PAGE_QUERIES = 7  # with the check that the viewer may still see each sampled indicator


@pytest.mark.parametrize("rows", [5, 120])
def test_the_preview_runs_the_same_queries_whatever_the_size_of_the_file(w, rows):
    data = _big_file(rows)
    with CaptureQueriesContext(connection) as ctx:
        staged, result = stage_upload(data, "big.csv", w.editor)
    assert staged is not None and result.updated == 1 and result.created == rows
    assert staged.preview["created"] == rows
    assert len(staged.preview["samples"]["new"]) == min(rows, 50)
    executed = [q["sql"] for q in ctx.captured_queries if "INSERT INTO perf_stage" not in q["sql"]]
    assert len(executed) == STAGE_QUERIES[connection.vendor], executed


@pytest.mark.parametrize("rows", [5, 120])
def test_the_preview_page_reads_one_row_whatever_the_size_of_the_file(
    client, w, rows, django_assert_num_queries
):
    staged, _ = stage_upload(_big_file(rows), "big.csv", w.editor)
    assert staged is not None
    client.force_login(w.editor)
    url = reverse("performance:import_preview", args=[staged.token])
    with django_assert_num_queries(PREVIEW_PAGE_QUERIES):
        assert client.get(url).status_code == 200


def test_an_editor_names_their_own_indicators_by_title_but_not_others(client, w):
    client.force_login(w.editor)
    own = (
        b"indicator,area,period,value\n"
        b"Households with working smoke alarms,Harbourside,2025-Q1,81\n"
    )
    assert upload(client, own).status_code == 302
    other = b"indicator,area,period,value\nOffenders in the tasking cohort,Harbourside,2025-Q1,3\n"
    response = upload(client, other)
    assert response.status_code == 200
    assert (
        "you may only import figures of your own bodies&#x27; indicators, not "
        "&#x27;Offenders in the tasking cohort&#x27;"
    ) in response.content.decode()
    assert StagedImport.objects.count() == 1


def test_previews_left_unconfirmed_for_a_week_are_put_aside_at_the_next_upload(w):
    import datetime as dt
    import os

    from django.utils import timezone

    old, _ = stage_upload(FILE, "old.csv", w.editor)
    recent, _ = stage_upload(FILE, "recent.csv", w.editor)
    other, _ = stage_upload(FILE, "other.csv", w.secretariat)
    assert old and recent and other
    week_ago = timezone.now() - dt.timedelta(days=8)
    StagedImport.objects.filter(pk__in=[old.pk, other.pk]).update(uploaded_at=week_ago)
    path = old.file.path
    stage_upload(FILE, "new.csv", w.editor)
    assert not StagedImport.objects.filter(pk=old.pk).exists() and not os.path.exists(path)
    # Someone else's old upload, and the uploader's recent one, stay.
    assert StagedImport.objects.filter(pk__in=[recent.pk, other.pk]).count() == 2


def test_the_sweep_command_puts_aside_everyone_s_old_previews(w):
    import datetime as dt
    import io
    import os

    from django.core.management import CommandError, call_command
    from django.utils import timezone

    old, _ = stage_upload(FILE, "old.csv", w.editor)
    other, _ = stage_upload(FILE, "other.csv", w.secretariat)
    recent, _ = stage_upload(FILE, "recent.csv", w.secretariat)
    assert old and other and recent
    StagedImport.objects.filter(pk=old.pk).update(uploaded_at=timezone.now() - dt.timedelta(3))
    StagedImport.objects.filter(pk=other.pk).update(uploaded_at=timezone.now() - dt.timedelta(9))
    out = io.StringIO()
    call_command("sweep_staged_imports", stdout=out)
    assert out.getvalue().strip() == "1 unconfirmed preview(s) older than 7 day(s) put aside."
    assert set(StagedImport.objects.values_list("pk", flat=True)) == {old.pk, recent.pk}
    path = old.file.path
    call_command("sweep_staged_imports", "--days", "2", stdout=io.StringIO())
    assert not os.path.exists(path)
    assert set(StagedImport.objects.values_list("pk", flat=True)) == {recent.pk}
    with pytest.raises(CommandError, match="--days must be a whole number from 1 to 3650"):
        call_command("sweep_staged_imports", "--days", "0")


def test_an_editor_who_lost_the_body_cannot_confirm_an_earlier_preview(client, w):
    client.force_login(w.editor)
    upload(client)
    staged = StagedImport.objects.get()
    w.board.editors.remove(w.editor)
    response = client.post(reverse("performance:import_confirm", args=[staged.token]))
    assert response.status_code == 403
    assert stored(w, "2024-Q4") == 73
