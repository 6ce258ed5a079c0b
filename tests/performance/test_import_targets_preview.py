"""The targets file previewed before anything is written: new, changed (old → new, who set
the old target and when) and unchanged rows, how each column was read; confirming writes
all or none, with history, and refuses when the targets changed since the preview; only
the uploader sees a preview, and never a target of an indicator they may not see; the
preview page's queries do not grow with the file."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from concord.performance.models import Area, ImportBatch, Period, StagedImport, Target
from concord.performance.tabular.staged import confirm_staged, stage_upload
from tests.performance.pages_world import build_perf_world

TARGETS = ImportBatch.Kind.TARGETS


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def w(db):
    w = build_perf_world()
    # The smoke alarms target (90%) was last set by the secretariat.
    old = Target.objects.get(indicator=w.coverage, area=w.la, period__code="2024-Q4")
    old.value = 91
    old._history_user = w.secretariat
    old.save()
    return w


# By title, by area name and a written period (changed: 91 → 92); by code and a written
# financial year (new); by code, unchanged (the rate's trajectory target).
FILE = (
    b"indicator,area,period,value,baseline_period,baseline_value\n"
    b"Households with working smoke alarms,Harbourside,Q4 2024,92,,\n"
    b"HS 2,L9000001,2025/26,95,,\n"
    b"HS 1,L9000001,2024-Q4,40,2023-Q1,60\n"
)


def upload(client, content: bytes = FILE, name: str = "targets.csv"):
    return client.post(
        reverse("performance:import"),
        {"kind": "targets", "file": SimpleUploadedFile(name, content)},
    )


def target(w, code: str) -> float:
    return Target.objects.get(indicator=w.coverage, area=w.la, period__code=code).value


def section(page: str, word: str) -> str:
    return page.split(f'id="preview-{word}"')[1].split("</section>")[0]


def test_a_targets_file_goes_to_a_preview_that_classifies_every_row(client, w):
    client.force_login(w.editor)
    before = Target.objects.count()
    response = upload(client)
    assert response.status_code == 302
    staged = StagedImport.objects.get()
    assert staged.kind == TARGETS
    assert response.url == reverse("performance:import_preview", args=[staged.token])
    assert Target.objects.count() == before and target(w, "2024-Q4") == 91
    page = client.get(response.url).content.decode()
    assert "Nothing has been written yet." in page
    assert "3 rows, of which 1 new, 1 changed and 1 unchanged" in page
    assert "<dt>indicator</dt><dd>by code (2 rows), by title (1 row)</dd>" in page
    assert "<dt>area</dt><dd>by code (2 rows), by name (1 row)</dd>" in page
    assert "&#x27;Q4 2024&#x27; as 2024-Q4" in page
    assert "cumulative indicators" not in page and "Year to date" not in page
    changed = section(page, "changed")
    assert '<th scope="col">Old target</th><th scope="col">New target</th>' in changed
    assert '<th scope="col">Old target set</th>' in changed
    assert "<td>2</td>" in changed and "<td>91%</td><td>92%</td>" in changed
    assert f"by {w.secretariat.get_username()} on 20" in changed
    new = section(page, "new")
    assert "<td>3</td>" in new and "<td>95%</td>" in new and "2025/26" in new
    same = section(page, "unchanged")
    assert "<td>4</td>" in same and "<td>40, from 60 in Q1 2023</td>" in same


def test_a_changed_band_kind_or_baseline_is_named(w):
    content = (
        b"indicator,area,period,value,value_high,kind,note\n"
        b"HS 2,L9000001,2024-Q4,91,95,milestone,profiled\n"
    )
    staged, result = stage_upload(content, "t.csv", w.editor, kind=TARGETS)
    assert staged is not None and result.updated == 1
    row = staged.preview["samples"]["update"][0]
    assert row["old"] == "91%" and row["new"] == "91% to 95% (profiled milestone)"
    assert row["also"] == "kind, top of the band, note"


def test_confirming_writes_every_row_with_history(client, w):
    client.force_login(w.editor)
    url = upload(client).url
    staged = StagedImport.objects.get()
    response = client.post(reverse("performance:import_confirm", args=[staged.token]))
    assert response.status_code == 302
    assert target(w, "2024-Q4") == 92 and target(w, "2025/26") == 95
    staged.refresh_from_db()
    batch = staged.batch
    assert batch is not None and batch.kind == TARGETS
    assert (batch.created, batch.updated, batch.unchanged) == (1, 1, 1)
    assert not staged.file
    written = Target.objects.filter(batch=batch)
    assert written.count() == 2
    for t in written:
        latest = t.history.first()
        assert latest.history_user == w.editor
        assert latest.history_change_reason == f"import batch {batch.pk}"
    # The unchanged target was not touched.
    rate = Target.objects.get(indicator=w.rate, period__code="2024-Q4")
    assert rate.batch is None and rate.history.count() == 1
    assert (
        "Imported 3 row(s): 1 new, 1 changed, 1 unchanged."
        in client.get(response.url).content.decode()
    )
    assert client.get(url).status_code == 404  # a confirmed preview is over


def test_confirming_writes_nothing_if_any_part_of_the_write_fails(w, monkeypatch):
    staged, _ = stage_upload(FILE, "targets.csv", w.editor, kind=TARGETS)
    assert staged is not None

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    # The new target is created first, then the changed one fails to save.
    monkeypatch.setattr("concord.performance.tabular.targets.bulk_update_with_history", fail)
    with pytest.raises(RuntimeError):
        confirm_staged(staged, w.editor)
    assert target(w, "2024-Q4") == 91
    assert not Target.objects.filter(period__code="2025/26").exists()
    assert not ImportBatch.objects.filter(kind=TARGETS).exists()


def test_a_stale_preview_is_refused_and_shown_again_as_things_are_now(client, w):
    client.force_login(w.editor)
    upload(client)
    staged = StagedImport.objects.get()
    other = Target.objects.get(indicator=w.coverage, area=w.la, period__code="2024-Q4")
    other.value = 93
    other.save()
    response = client.post(reverse("performance:import_confirm", args=[staged.token]))
    assert response.status_code == 409
    page = response.content.decode()
    assert "the stored targets this file changes were changed by someone else" in page
    assert target(w, "2024-Q4") == 93
    assert not Target.objects.filter(period__code="2025/26").exists()
    assert "<td>93%</td><td>92%</td>" in page
    response = client.post(reverse("performance:import_confirm", args=[staged.token]))
    assert response.status_code == 302 and target(w, "2024-Q4") == 92


def test_a_target_added_since_the_preview_makes_it_stale(w):
    staged, result = stage_upload(FILE, "targets.csv", w.editor, kind=TARGETS)
    assert staged is not None and result.created == 1
    Target.objects.create(
        indicator=w.coverage, area=w.la, period=Period.objects.for_code("2025/26"), value=50
    )
    result = confirm_staged(staged, w.editor)
    assert result.stale and not result.ok
    assert target(w, "2025/26") == 50 and target(w, "2024-Q4") == 91


def test_a_bad_targets_file_is_not_kept_and_names_each_problem(client, w):
    client.force_login(w.secretariat)
    Area.objects.create(code="W9999999", name="Ward 1", level="ward", parent=w.la, depth=3)
    content = FILE + b"HS 2,Ward 1,2025-Q1,1,,\nHS 2,L9000001,Winter,1,,\n"
    response = upload(client, content)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nothing was imported: 2 problems" in page
    assert "&#x27;Ward 1&#x27; names more than one area: Ward 1 (W9000001), Ward 1 (W9999999)" in (
        page
    )
    assert "<td>6</td><td>period</td><td>&#x27;Winter&#x27; is not a period" in page
    assert not StagedImport.objects.exists() and target(w, "2024-Q4") == 91


def test_only_the_uploader_sees_or_confirms_a_targets_preview(client, w):
    client.force_login(w.editor)
    upload(client)
    staged = StagedImport.objects.get()
    preview = reverse("performance:import_preview", args=[staged.token])
    confirm = reverse("performance:import_confirm", args=[staged.token])
    for other in (w.secretariat, w.tasking_editor, w.board_member):
        client.force_login(other)
        assert client.get(preview).status_code == 404
        assert client.post(confirm).status_code == 404
    client.logout()
    assert client.get(preview).status_code == 302
    assert target(w, "2024-Q4") == 91


SECRET_FILE = b"indicator,area,period,value\nOT 1,L9000001,2024-Q4,9\n"


def test_an_editor_may_not_preview_targets_of_an_indicator_they_may_not_see(client, w):
    Target.objects.create(
        indicator=w.secret, area=w.la, period=Period.objects.for_code("2024-Q4"), value=7.25
    )
    client.force_login(w.editor)
    response = upload(client, SECRET_FILE)
    page = response.content.decode()
    assert response.status_code == 200 and "not &#x27;OT 1&#x27;" in page
    assert "7.25" not in page and not StagedImport.objects.exists()


def test_a_preview_shows_no_target_its_uploader_may_no_longer_see(client, w):
    Target.objects.create(
        indicator=w.secret, area=w.la, period=Period.objects.for_code("2024-Q4"), value=77
    )
    client.force_login(w.tasking_editor)
    upload(client, SECRET_FILE)
    staged = StagedImport.objects.get()
    url = reverse("performance:import_preview", args=[staged.token])
    page = client.get(url).content.decode()
    assert "Offenders in the tasking cohort" in page and "<td>77</td><td>9</td>" in page
    w.tasking.editors.remove(w.tasking_editor)
    page = client.get(url).content.decode()
    assert ">77<" not in page and "Offenders" not in page
    assert "1 listed row of indicators you may no longer see is not shown" in page
    response = client.post(reverse("performance:import_confirm", args=[staged.token]))
    assert response.status_code == 403
    assert Target.objects.get(indicator=w.secret).value == 77


def _big_file(rows: int) -> bytes:
    """``rows`` new targets (one per ward) and one changed target."""
    la = Area.objects.get(code="L9000001")
    Area.objects.bulk_create(
        Area(code=f"E05{n:06d}", name=f"Big ward {n}", level="ward", parent=la, depth=la.depth + 1)
        for n in range(rows)
    )
    lines = ["indicator,area,period,value"]
    lines += [f"HS 2,E05{n:06d},2025/26,{n % 100}" for n in range(rows)]
    lines.append("HS 2,L9000001,2024-Q4,97")
    return ("\n".join(lines) + "\n").encode()


# After a first request (the session, user and viewer are kept): the staged import, and
# which of its sampled indicators the viewer may see.
PREVIEW_PAGE_QUERIES = 2


@pytest.mark.parametrize("rows", [5, 120])
def test_the_targets_preview_page_reads_the_same_queries_whatever_the_size(
    client, w, rows, django_assert_num_queries
):
    staged, result = stage_upload(_big_file(rows), "big.csv", w.editor, kind=TARGETS)
    assert staged is not None and result.created == rows and result.updated == 1
    assert len(staged.preview["samples"]["new"]) == min(rows, 50)
    client.force_login(w.editor)
    url = reverse("performance:import_preview", args=[staged.token])
    client.get(url)
    with django_assert_num_queries(PREVIEW_PAGE_QUERIES):
        assert client.get(url).status_code == 200
