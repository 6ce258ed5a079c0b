"""Optimistic locking: two people editing the same record, the later save refused.

Every record people edit in a form carries a ``version`` number. A form
sends back the version it was opened at; saving checks it under a row lock
and refuses a stale one with a clear message, instead of silently
overwriting the other person's work. The refused form is shown again with
the user's text in it.

Adding it to a model and its form is two lines: the model inherits
:class:`Versioned` (then ``makemigrations``), the form inherits
:class:`VersionedForm`; a view saves with :func:`save_form_or_refuse`.
A model whose ``version`` means something else (terms of reference are
numbered versions) names its lock field in ``LOCK_FIELD``.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models, transaction
from django.db.models import F

from concord.lib.fields import AnyModelForm


class StaleEdit(Exception):
    """Someone else saved the record after this form was opened."""

    def __init__(self, instance: models.Model) -> None:
        self.instance = instance
        super().__init__(
            f"Someone else saved this {instance._meta.verbose_name} while you were editing it. "
            "Your changes were not saved: reload the page to see theirs, then make yours again."
        )


class Versioned(models.Model):
    """A record whose saves are checked against the version its form was opened at."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


def lock_field(model: type[models.Model] | models.Model) -> str:
    """The name of a model's lock counter: ``version`` unless it says otherwise."""
    return getattr(model, "LOCK_FIELD", "version")


def save_versioned(instance: models.Model, opened_version: int) -> None:
    """Save ``instance`` if nobody has saved it since ``opened_version``; bump the version.

    Raises :class:`StaleEdit` otherwise. Must be given an instance with a
    ``version`` field (or the one named by ``LOCK_FIELD``); runs in its own
    (nested) transaction.
    """
    model = type(instance)
    name = lock_field(model)
    with transaction.atomic():
        current = (
            model._default_manager.select_for_update()
            .filter(pk=instance.pk)
            .values_list(name, flat=True)
            .first()
        )
        if current is None or current != opened_version:
            raise StaleEdit(instance)
        setattr(instance, name, opened_version + 1)
        instance.save()


def claim_version(instance: models.Model, field: str, opened_version: int) -> None:
    """Bump a counter of ``instance`` (e.g. a meeting's attendance) if still ``opened_version``.

    One conditional ``UPDATE``: of two saves opened at the same version, one
    bumps it and the other finds nothing to update and raises
    :class:`StaleEdit`. For a form that edits many rows hanging off one record.
    """
    model = type(instance)
    updated = model._default_manager.filter(pk=instance.pk, **{field: opened_version}).update(
        **{field: F(field) + 1}
    )
    if updated != 1:
        raise StaleEdit(instance)
    setattr(instance, field, opened_version + 1)


class VersionedForm(AnyModelForm):
    """A model form that carries the version it was opened at, and saves only if still current.

    ``save()`` raises :class:`StaleEdit` on a stale version; views use
    :func:`save_form_or_refuse`, which turns that into a message on the form.
    """

    opened_version = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=0, max_value=2**31
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["opened_version"].initial = getattr(
                self.instance, lock_field(self.instance)
            )

    def clean_opened_version(self) -> int:
        value = self.cleaned_data.get("opened_version")
        return value if value is not None else getattr(self.instance, lock_field(self.instance), 1)

    def save(self, commit: bool = True) -> Any:
        if not commit:
            return super().save(commit=False)
        with transaction.atomic():
            instance = super().save(commit=False)
            if instance._state.adding:
                instance.save()
            else:
                save_versioned(instance, self.cleaned_data["opened_version"])
            self._save_m2m()  # type: ignore[attr-defined]
        return instance


def save_form_or_refuse(form: forms.ModelForm[Any]) -> Any:
    """Save a valid form; on a stale edit put the message on the form and return None.

    The form keeps what the user typed, so re-rendering it loses nothing.
    """
    try:
        return form.save()
    except StaleEdit as exc:
        form.add_error(None, str(exc))
        return None
