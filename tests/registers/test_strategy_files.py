"""A strategy's documents uploaded as files: checked as other uploads are (empty, too
large), typed by their bytes (not their names), served to whoever may read the strategy."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from concord.registers.models import StrategyFile

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _upload(client, strategy, name: str, data: bytes, title: str = "The plan"):
    url = reverse("registers:strategy_file_create", args=[strategy.pk])
    return client.post(url, {"title": title, "file": SimpleUploadedFile(name, data)})


def test_an_editor_uploads_a_pdf_that_readers_of_the_strategy_download(world, as_user) -> None:
    response = _upload(as_user(world.editor), world.public_strategy, "plan.pdf", PDF)
    assert response.status_code == 302
    stored = StrategyFile.objects.get()
    assert (stored.kind, stored.size, len(stored.sha256)) == ("pdf", len(PDF), 64)
    page = as_user(None).get(reverse("registers:detail", args=["strategies", stored.strategy_id]))
    download = reverse("registers:strategy_file", args=[stored.pk])
    assert download in page.content.decode() and "The plan" in page.content.decode()
    got = as_user(None).get(download)
    assert got["Content-Type"] == "application/pdf"
    assert got["Content-Disposition"].startswith("attachment")
    assert b"".join(got.streaming_content) == PDF


def test_a_members_only_strategys_files_are_not_served_to_others(world, as_user) -> None:
    assert (
        _upload(as_user(world.secretariat), world.hidden_strategy, "a.pdf", PDF).status_code == 302
    )
    download = reverse("registers:strategy_file", args=[StrategyFile.objects.get().pk])
    assert as_user(None).get(download).status_code == 404
    assert as_user(world.board_member).get(download).status_code == 404
    assert as_user(world.secretariat).get(download).status_code == 200
    for pk in ("0", "9" * 30):
        assert as_user(None).get(f"/registers/strategies/documents/{pk}/").status_code == 404


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("plan.pdf", b"", "file is empty."),  # Django's own check, before ours
        ("plan.pdf", b"<html><body>not a pdf</body></html>", "Upload a PDF, Word"),
        ("plan.txt", b"Just some words", "Upload a PDF, Word"),
        ("plan.docx", PDF, "named .docx but is a .pdf file"),
    ],
)
def test_uploads_are_checked_on_the_field(world, as_user, name, data, message) -> None:
    response = _upload(as_user(world.editor), world.public_strategy, name, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not StrategyFile.objects.exists()


def test_a_file_over_the_limit_is_refused_and_only_editors_upload(world, as_user, settings) -> None:
    settings.CONCORD_MAX_UPLOAD_BYTES = 20
    response = _upload(as_user(world.editor), world.public_strategy, "plan.pdf", PDF)
    assert "larger than the limit" in response.content.decode()
    settings.CONCORD_MAX_UPLOAD_BYTES = 10_000
    member = _upload(as_user(world.board_member), world.public_strategy, "plan.pdf", PDF)
    assert member.status_code == 403
    assert not StrategyFile.objects.exists()
