"""Background tasks on Redis: django-tasks' RQ backend, made to lose nothing.

With ``REDIS_URL`` set, ``TASKS`` uses :class:`RQBackend` and
``concord worker`` runs RQ workers (:func:`run_worker`) on any number of
machines. RQ hands each job to exactly one worker (a blocking pop on the
queue), and each job runs in a forked child of the worker.

A worker can die mid-job (killed, out of memory, machine gone). RQ's workers
notice a job whose worker stopped sending heartbeats (about 90 seconds) when
they clean their registries; left alone, RQ then files the job as failed.
:class:`RQBackend` enqueues every job with retries, so such a job goes back
on the queue instead and another worker runs it. Concord's tasks are
idempotent (a document already read is not read twice), so a re-run is safe.
"""

from __future__ import annotations

import time
from typing import Any

import django_rq
from django.conf import settings
from django_tasks.base import TASK_MAX_PRIORITY, Task, TaskResult, TaskResultStatus
from django_tasks.signals import task_enqueued
from django_tasks.utils import get_random_id
from django_tasks_rq.backend import Job, failed_callback, success_callback
from django_tasks_rq.backend import RQBackend as _RQBackend
from rq import Retry
from rq.job import Callback, JobStatus
from rq.registry import StartedJobRegistry

# How often a worker looks for jobs abandoned by dead workers (RQ's default is
# ten minutes; a shorter wait gets a dead worker's job running again sooner).
MAINTENANCE_INTERVAL = 60


def retries() -> int:
    """How many times a job is run again after its worker died or it raised."""
    return int(getattr(settings, "CONCORD_TASK_RETRIES", 3))


class RQBackend(_RQBackend):
    """django-tasks-rq's backend, with retries so a dead worker's job is re-run."""

    def enqueue(self, task: Task[Any, Any], args: Any, kwargs: Any) -> TaskResult[Any]:
        self.validate_task(task)
        result: TaskResult[Any] = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        queue = django_rq.get_queue(task.queue_name, job_class=Job)
        job = queue.create_job(
            task.module_path,
            args=args,
            kwargs=kwargs,
            job_id=result.id,
            status=JobStatus.SCHEDULED if task.run_after else JobStatus.QUEUED,
            on_failure=Callback(failed_callback),
            on_success=Callback(success_callback),
            meta={"backend_name": self.alias},
            retry=Retry(max=retries()) if retries() > 0 else None,
        )
        if task.run_after is None:
            job = queue.enqueue_job(job, at_front=task.priority == TASK_MAX_PRIORITY)
        else:
            job = queue.schedule_job(job, task.run_after)
        object.__setattr__(result, "enqueued_at", job.enqueued_at)
        task_enqueued.send(type(self), task_result=result)
        return result


def uses_rq(backend_name: str = "default") -> bool:
    """Is this task backend the RQ one (so ``concord worker`` runs RQ workers)?"""
    from django_tasks import task_backends

    return isinstance(task_backends[backend_name], _RQBackend)


def queue_names(backend_name: str, requested: str) -> list[str]:
    """The queues a worker serves: those named (comma-separated), or all of the backend's."""
    from django_tasks import task_backends

    if requested and requested != "*":
        return [name.strip() for name in requested.split(",") if name.strip()]
    return sorted(task_backends[backend_name].queues)


def run_worker(
    queues: list[str], *, burst: bool = False, max_jobs: int | None = None, name: str = ""
) -> bool:
    """Run one RQ worker on ``queues`` until stopped (or, with ``burst``, until they are empty).

    TERM or INT lets the job in hand finish, then stops; a second one stops at
    once. Returns whether any job was run.
    """
    worker = django_rq.get_worker(
        *queues,
        job_class=Job,
        name=name or None,
        maintenance_interval=MAINTENANCE_INTERVAL,
    )
    return bool(worker.work(burst=burst, max_jobs=max_jobs, logging_level="INFO"))


def reclaim_abandoned(queues: list[str], at: float | None = None) -> int:
    """Put back on their queues the jobs whose worker died, as workers do by themselves.

    A job counts as abandoned once its worker's last heartbeat has expired at
    time ``at`` (now by default). Returns how many were found.
    """
    found = 0
    when = time.time() if at is None else at
    for name in queues:
        queue = django_rq.get_queue(name, job_class=Job)
        registry = StartedJobRegistry(queue=queue, job_class=Job)
        found += len(registry.get_expired_job_ids(when))
        registry.cleanup(when)
    return found
