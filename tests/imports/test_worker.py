"""Workers that die lose nothing: a dead worker's document is taken back and processed once.

Deaths are simulated as they look in the database (a claim by a worker id
whose process is gone, or a heartbeat older than the timeout); nothing
here waits on a clock.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from concord.demo.launch import worker_beside_server
from concord.imports import services, worker
from concord.imports.extracting import Extracted
from concord.imports.models import Document, DocumentStatus
from concord.meetings.models import Meeting
from tests.factories import make_secretariat_user
from tests.imports.minutes import FIRST
from tests.ingest.builders import to_txt


def _dead_worker_id() -> str:
    """The id a worker on this host had, whose process has exited."""
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()
    return f"{socket.gethostname()[:40]}:{finished.pid}:deadbeef"


def _upload(client, name="feb.txt", content=None):
    data = content if content is not None else to_txt(FIRST).encode()
    return client.post(
        reverse("imports:list"), {"files": [SimpleUploadedFile(name, data)]}, follow=True
    )


def _run_worker() -> None:
    call_command("worker", batch=True, startup_delay=False, reload=False, interval=0, verbosity=0)


@pytest.fixture
def secretariat(client):
    client.force_login(make_secretariat_user(username="sec"))
    return client


def _held_by(worker_id: str, *, heartbeat: dt.datetime | None = None) -> Document:
    """The one uploaded document, as a worker that claimed it (task row and all) left it."""
    document = Document.objects.get()
    DBTaskResult.objects.get().claim(worker_id)
    assert worker.claim(document.pk, worker_id)
    if heartbeat is not None:
        Document.objects.filter(pk=document.pk).update(heartbeat_at=heartbeat)
    document.refresh_from_db()
    assert document.status == DocumentStatus.PROCESSING
    return document


def _staged_once() -> bool:
    """The one document waits for review with its record, and (staged import) no meeting yet."""
    staged = Document.objects.filter(status=DocumentStatus.REVIEW).exclude(record=None)
    return staged.count() == 1 and not Meeting.objects.exists()


def _nothing_staged() -> bool:
    return not Document.objects.filter(status=DocumentStatus.REVIEW).exists()


@pytest.mark.django_db(transaction=True)
def test_a_document_whose_worker_died_is_taken_back_at_the_next_start_and_processed_once(
    secretariat,
):
    _upload(secretariat)
    document = _held_by(_dead_worker_id())  # heartbeat fresh: only the dead pid tells
    _run_worker()
    document.refresh_from_db()
    assert document.status == DocumentStatus.REVIEW, document.failure_reason
    assert (document.claimed_by, document.heartbeat_at) == ("", None)
    assert _staged_once()
    rows = dict(DBTaskResult.objects.values_list("status", "exception_class_path"))
    assert rows == {"FAILED": "concord.imports.worker.WorkerGone", "SUCCESSFUL": ""}
    _run_worker()  # nothing left to do: still one meeting, no new task
    assert _staged_once() and DBTaskResult.objects.count() == 2
    reasons = [h.history_change_reason for h in document.history.all()]
    assert any(r and "gone" in r for r in reasons)  # the take-back is in the history


@pytest.mark.django_db(transaction=True)
def test_a_silent_worker_elsewhere_loses_its_document_after_the_heartbeat_timeout(
    secretariat, settings
):
    settings.CONCORD_WORKER_HEARTBEAT_TIMEOUT = 300
    _upload(secretariat)
    now = timezone.now()
    document = _held_by("other-host:4242:abcdefgh", heartbeat=now - dt.timedelta(seconds=299))
    assert worker.reclaim(now=now) == []  # within the timeout: still its worker's
    assert worker.reclaim(now=now + dt.timedelta(seconds=2)) == [document.pk]
    assert worker.reclaim(now=now + dt.timedelta(seconds=2)) == []  # taken back once
    _run_worker()
    document.refresh_from_db()
    assert document.status == DocumentStatus.REVIEW and _staged_once()


@pytest.mark.django_db(transaction=True)
def test_a_live_worker_keeps_its_document(secretariat):
    _upload(secretariat)
    alive = f"{socket.gethostname()[:40]}:{os.getpid()}:alive000"
    document = _held_by(alive)
    assert worker.reclaim() == []
    _run_worker()
    document.refresh_from_db()
    assert document.status == DocumentStatus.PROCESSING and _nothing_staged()


@pytest.mark.django_db(transaction=True)
def test_a_worker_that_comes_back_after_its_document_was_taken_back_applies_nothing(
    secretariat, monkeypatch
):
    _upload(secretariat)
    slow = "other-host:1:slowslow"
    document = _held_by(slow, heartbeat=timezone.now() - dt.timedelta(hours=1))
    assert worker.reclaim() == [document.pk]
    _run_worker()  # another worker processes it
    assert _staged_once()
    # The slow worker finally finishes reading: its claim is gone, so nothing is applied.
    Document.objects.filter(pk=document.pk).update(status=DocumentStatus.QUEUED)
    monkeypatch.setattr(worker, "claim", lambda pk, wid: True)
    outcome = services.process_document(document.pk, worker_id=slow)
    assert outcome == "taken back by another worker"
    document.refresh_from_db()
    assert document.status == DocumentStatus.QUEUED  # the slow worker changed nothing


@pytest.mark.django_db(transaction=True)
def test_uploading_a_stuck_document_again_retries_it(secretariat):
    _upload(secretariat)
    document = _held_by(_dead_worker_id())
    response = _upload(secretariat, name="feb-again.txt")
    assert b"feb-again.txt: queued for reading" in response.content
    assert b"already imported" not in response.content
    document.refresh_from_db()
    assert document.status == DocumentStatus.QUEUED and document.filename == "feb-again.txt"
    _run_worker()
    document.refresh_from_db()
    assert document.status == DocumentStatus.REVIEW and _staged_once()


@pytest.mark.django_db(transaction=True)
def test_uploading_a_failed_document_again_retries_it(secretariat, monkeypatch):
    _upload(secretariat)
    real = services.extract_file
    monkeypatch.setattr(services, "extract_file", lambda *a, **k: Extracted(error="reader bug"))
    _run_worker()
    assert Document.objects.get().status == DocumentStatus.FAILED
    monkeypatch.setattr(services, "extract_file", real)
    response = _upload(secretariat, name="feb-again.txt")
    assert b"feb-again.txt: queued for reading" in response.content
    _run_worker()
    assert Document.objects.get().status == DocumentStatus.REVIEW


def test_the_demo_runs_a_worker_process_beside_its_server_and_stops_it(tmp_path: Path):
    env = {
        **os.environ,
        "CONCORD_DATA": str(tmp_path),
        "CONCORD_DEMO": "1",
        "DJANGO_SETTINGS_MODULE": "concord.settings",
    }
    env.pop("DATABASE_URL", None)
    subprocess.run(
        [sys.executable, "-m", "concord.cli", "migrate", "--verbosity", "0"], env=env, check=True
    )
    with worker_beside_server(env) as child:
        assert child.args[1:4] == ["-m", "concord.cli", "worker"]
        assert child.poll() is None  # a worker runs until it is told to stop
    assert child.returncode is not None
    assert not Path(f"/proc/{child.pid}").exists()
