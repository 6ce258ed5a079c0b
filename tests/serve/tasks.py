"""Cheap tasks for the Redis worker tests: they only write to Redis (no database)."""

from __future__ import annotations

import os

import redis
from django.conf import settings
from django_tasks import task

DONE = "concord-test:done"
STARTED = "concord-test:started"
RELEASE = "concord-test:release"
WORKERS = "concord-test:workers"
GATE = "concord-test:gate"


def _redis() -> redis.Redis:
    # Longer than the blocking pops below (redis-py's default read timeout is shorter).
    return redis.Redis.from_url(settings.REDIS_URL, socket_timeout=300)


@task()
def record(n: int) -> int:
    """Note that task ``n`` ran, and in which worker.

    A worker's first task waits (at most a minute) until the other worker has
    started one too, so the two share the batch whatever their start-up times.
    """
    r = _redis()
    worker = os.environ.get("RQ_WORKER_ID", "?")
    if r.sadd(WORKERS, worker) and r.scard(WORKERS) < 2:
        if r.blpop([GATE], timeout=60) is None:
            raise RuntimeError("the second worker never started a task")
    elif r.scard(WORKERS) == 2 and r.set(GATE + ":opened", "1", nx=True):
        r.rpush(GATE, "open")
    r.rpush(DONE, f"{n}:{worker}")
    return n


@task()
def hold(n: int) -> int:
    """Say it started, then wait (at most two minutes) to be released."""
    r = _redis()
    r.rpush(STARTED, f"{n}:{os.getpid()}:{os.environ.get('RQ_WORKER_ID', '?')}")
    if r.blpop([RELEASE], timeout=120) is None:
        raise RuntimeError("never released")
    r.rpush(DONE, str(n))
    return n
