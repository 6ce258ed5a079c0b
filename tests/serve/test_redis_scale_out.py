"""Scale-out on the real Redis at 127.0.0.1:6379 (database 14, emptied before and after).

Tasks go to Redis through django-tasks' RQ backend and are run by real
``concord worker`` processes; the page cache and sessions live on Redis.
Fails (never skips) when Redis cannot be reached: scripts/test starts it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
import redis
from django.core.cache import caches
from django.test import Client
from django_tasks import task_backends
from django_tasks.base import TaskResultStatus

from concord.lib import pagecache, tasks_rq
from tests.serve import tasks

REDIS_URL = os.environ.get("CONCORD_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def redis_db() -> redis.Redis:
    # A read timeout longer than the blocking pops of the tests (redis-py's default is 5 s).
    client = redis.Redis.from_url(REDIS_URL, socket_timeout=300)
    try:
        client.ping()
    except redis.ConnectionError as exc:
        pytest.fail(f"Redis at {REDIS_URL} cannot be reached ({exc}); scripts/test starts it")
    client.flushdb()
    yield client
    client.flushdb()


@pytest.fixture
def on_redis(settings, redis_db):
    """This process's settings as with REDIS_URL set: tasks, cache and sessions on Redis."""
    settings.REDIS_URL = REDIS_URL
    settings.RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 600}}
    settings.TASKS = {
        "default": {"BACKEND": "concord.lib.tasks_rq.RQBackend", "QUEUES": ["default"]}
    }
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "concord-test",
        }
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    yield redis_db
    caches["default"].close()


def start_worker(tmp_path: Path, *extra: str) -> subprocess.Popen:
    """A real ``concord worker`` process on the test Redis, in its own process group."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        REDIS_URL=REDIS_URL,
        DJANGO_SETTINGS_MODULE="tests.settings",
        CONCORD_TESTING="1",
        CONCORD_DATA=str(tmp_path),
        PYTHONPATH=str(ROOT),
    )
    return subprocess.Popen(
        [sys.executable, "-m", "concord.cli", "worker", *extra],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def finish(worker: subprocess.Popen, timeout: float = 300) -> str:
    output, _ = worker.communicate(timeout=timeout)
    return output.decode(errors="replace")


def test_the_worker_command_picks_the_rq_backend_from_settings(on_redis) -> None:
    assert tasks_rq.uses_rq()
    assert tasks_rq.queue_names("default", "") == ["default"]


def test_two_workers_share_200_tasks_and_run_each_exactly_once(on_redis, tmp_path) -> None:
    results = [tasks.record.enqueue(n) for n in range(200)]
    assert on_redis.llen("rq:queue:default") == 200

    workers = [start_worker(tmp_path, "--batch"), start_worker(tmp_path, "--batch")]
    logs = [finish(w) for w in workers]
    assert [w.returncode for w in workers] == [0, 0], logs

    done = [entry.decode().split(":", 1) for entry in on_redis.lrange(tasks.DONE, 0, -1)]
    runs = Counter(int(n) for n, _ in done)
    assert sorted(runs) == list(range(200))
    assert set(runs.values()) == {1}, "a task ran twice"
    per_worker = Counter(worker for _, worker in done)
    assert len(per_worker) == 2 and min(per_worker.values()) > 0, per_worker
    backend = task_backends["default"]
    statuses = {backend.get_result(r.id).status for r in results}
    assert statuses == {TaskResultStatus.SUCCESSFUL}


def test_a_task_whose_worker_is_killed_mid_task_is_run_again(on_redis, tmp_path) -> None:
    worker = start_worker(tmp_path)
    try:
        result = tasks.hold.enqueue(7)
        started = on_redis.blpop([tasks.STARTED], timeout=120)
        assert started is not None, "the worker never started the task"
        horse_pid = int(started[1].decode().split(":")[1])
        # The whole worker dies mid-task: its main process, then the forked child
        # running the task (RQ puts that child in a process group of its own).
        os.killpg(worker.pid, signal.SIGKILL)
        os.kill(horse_pid, signal.SIGKILL)
        worker.wait(timeout=60)
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()
    backend = task_backends["default"]
    assert backend.get_result(result.id).status == TaskResultStatus.RUNNING
    assert on_redis.llen(tasks.DONE) == 0

    # What any live worker does once the dead one's heartbeat has expired
    # (about 90 s later), run here with the clock moved on instead of waiting.
    assert tasks_rq.reclaim_abandoned(["default"], at=time.time() + 3600) == 1
    assert backend.get_result(result.id).status == TaskResultStatus.READY

    on_redis.rpush(tasks.RELEASE, "go")
    second = start_worker(tmp_path, "--batch")
    log = finish(second)
    assert second.returncode == 0, log
    assert [d.decode() for d in on_redis.lrange(tasks.DONE, 0, -1)] == ["7"]
    assert backend.get_result(result.id).status == TaskResultStatus.SUCCESSFUL


@pytest.mark.django_db
def test_anonymous_pages_are_cached_on_redis_and_invalidated_by_a_change(on_redis) -> None:
    from tests.factories import make_body

    body = make_body(name="Youth Forum", slug="youth-forum")
    client = Client()
    assert client.get("/bodies/youth-forum/").headers[pagecache.HEADER] == "miss"
    assert client.get("/bodies/youth-forum/").headers[pagecache.HEADER] == "hit"
    generation_keys = on_redis.keys("concord-test:*pagecache:generation")
    assert len(generation_keys) == 1
    before = int(on_redis.get(generation_keys[0]))
    body.name = "Young People's Forum"
    body.save()
    assert int(on_redis.get(generation_keys[0])) > before
    after = client.get("/bodies/youth-forum/")
    assert after.headers[pagecache.HEADER] == "miss"
    assert "Young People&#x27;s Forum" in after.content.decode()


@pytest.mark.django_db
def test_sessions_live_on_redis(on_redis) -> None:
    from tests.factories import make_user

    make_user(username="clerk", password="a-long-password-1")
    client = Client()
    signed_in = client.post(
        "/accounts/login/", {"username": "clerk", "password": "a-long-password-1"}
    )
    assert signed_in.status_code == 302  # through the real sign-in (and its throttling)
    session_keys = on_redis.keys("concord-test:*django.contrib.sessions.cache*")
    assert len(session_keys) == 1
    assert client.get("/actions/").status_code == 200
