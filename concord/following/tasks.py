"""The scheduled task that mails the digests (``concord send_digests`` enqueues it)."""

from __future__ import annotations

from django_tasks import task


@task()
def send_digests() -> str:
    """Note what the public may newly see and mail every follower one digest."""
    from concord.following import services

    run = services.send_digests()
    return f"{run.noted} noted, {run.expired} expired, {run.mailed} mailed"
