"""Optimistic locking: two people editing the same record, the later save refused.

Records that people edit for a long time (minutes, actions) carry a
``version`` number. A form sends back the version it was opened at; saving
checks it under a row lock and refuses a stale one with a clear message,
instead of silently overwriting the other person's work.
"""

from __future__ import annotations

from django.db import models, transaction


class StaleEdit(Exception):
    """Someone else saved the record after this form was opened."""

    def __init__(self, instance: models.Model) -> None:
        self.instance = instance
        super().__init__(
            f"Someone else saved this {instance._meta.verbose_name} while you were editing it. "
            "Your changes were not saved: reload the page to see theirs, then make yours again."
        )


def save_versioned(instance: models.Model, opened_version: int) -> None:
    """Save ``instance`` if nobody has saved it since ``opened_version``; bump the version.

    Raises :class:`StaleEdit` otherwise. Must be given an instance with a
    ``version`` field; runs in its own (nested) transaction.
    """
    model = type(instance)
    with transaction.atomic():
        current = (
            model._default_manager.select_for_update()
            .filter(pk=instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if current is None or current != opened_version:
            raise StaleEdit(instance)
        instance.version = opened_version + 1  # type: ignore[attr-defined]
        instance.save()
