"""Merging two records of one person (after the secretariat accepts a proposal).

:func:`merge_people` moves everything that points at the person merged away
(memberships, attendance, deputising, items presented, declarations, action
ownerships, reminders, aliases, merge proposals…) to the person kept, keeps
the merged name as a :class:`PersonAlias`, fills the kept person's blank
contact details, and deletes the other — in one transaction, each change
saved through the model so ``django-simple-history`` records it.

Relations are found from the model graph, so a model added later that points
at ``Person`` is merged too. Where a move would break a uniqueness rule (both
people attended the same meeting, both own the same action) the kept
person's row wins and the other's is deleted.
"""

from __future__ import annotations

from django.db import models, transaction

from concord.people.models import Person, PersonAlias


class MergeError(ValueError):
    """The two records cannot be merged (one is missing, or both are the same)."""


def _relations() -> list[models.ForeignKey]:
    """Foreign keys (not one-to-one, not history snapshots) that point at Person."""
    fields = []
    for rel in Person._meta.related_objects:
        field = rel.field
        model = rel.related_model
        if not isinstance(field, models.ForeignKey) or isinstance(field, models.OneToOneField):
            continue
        if model is PersonAlias or getattr(model, "__name__", "").startswith("Historical"):
            continue
        fields.append(field)
    return fields


def _unique_groups(model: type[models.Model], field_name: str) -> list[tuple[list[str], models.Q]]:
    """Uniqueness rules of ``model`` involving ``field_name``: (fields, condition)."""
    groups = []
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and field_name in constraint.fields:
            groups.append((list(constraint.fields), constraint.condition or models.Q()))
    for together in model._meta.unique_together:
        if field_name in together:
            groups.append((list(together), models.Q()))
    return groups


def _tag(obj: models.Model, user, reason: str) -> None:  # noqa: ANN001
    obj._history_user = user  # type: ignore[attr-defined]
    obj._change_reason = reason  # type: ignore[attr-defined]


@transaction.atomic
def merge_people(keep: Person, other: Person, *, user=None) -> Person:  # noqa: ANN001
    """Merge ``other`` into ``keep``; return ``keep`` (``other`` no longer exists).

    >>> # merge_people(Person(name="Mira Okafor"), Person(name="Mria Okafor"))  # doctest: +SKIP
    """
    if keep.pk is None or other.pk is None or keep.pk == other.pk:
        raise MergeError("Choose two different people to merge.")
    keep = Person.objects.select_for_update().get(pk=keep.pk)
    other = Person.objects.select_for_update().get(pk=other.pk)
    reason = f"Merged {other.display_name} (#{other.pk}) into {keep.display_name} (#{keep.pk})"

    for field in _relations():
        model = field.model
        groups = _unique_groups(model, field.name)
        for obj in model._default_manager.filter(**{field.name: other}):
            clash = False
            for names, condition in groups:
                lookup = {n: getattr(obj, n) for n in names if n != field.name}
                rivals = model._default_manager.filter(condition, **lookup, **{field.name: keep})
                if rivals.exclude(pk=obj.pk).exists():
                    clash = True
            _tag(obj, user, reason)
            if clash:
                obj.delete()
            else:
                setattr(obj, field.name, keep)
                obj.save(update_fields=[field.name])

    alias_names: set[str] = set(keep.aliases.values_list("name", flat=True))
    for alias in other.aliases.all():
        if alias.name not in alias_names and alias.name != keep.name:
            PersonAlias.objects.create(person=keep, name=alias.name)
            alias_names.add(alias.name)
    if other.name != keep.name and other.name not in alias_names:
        PersonAlias.objects.create(person=keep, name=other.name)

    changed = []
    for attr in ("honorific", "email", "phone", "organisation_id"):
        if not getattr(keep, attr) and getattr(other, attr):
            setattr(keep, attr, getattr(other, attr))
            changed.append(attr)
    if keep.user_id is None and other.user_id is not None:
        user_id = other.user_id
        other.user_id = None
        _tag(other, user, reason)
        other.save(update_fields=["user"])
        keep.user_id = user_id
        changed.append("user_id")
    if changed:
        _tag(keep, user, reason)
        keep.save()
    _tag(other, user, reason)
    other.delete()
    return keep
