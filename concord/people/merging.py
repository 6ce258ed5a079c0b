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

:func:`merge_organisations` does the same for two records of one
organisation: every foreign key to the one merged away (memberships,
attendance, people, child organisations, proposals…) moves to the one kept;
the merged name becomes the kept one's short name if it has none.
"""

from __future__ import annotations

from typing import Any

from django.db import models, transaction

from concord.people.models import Organisation, Person, PersonAlias


class MergeError(ValueError):
    """The two records cannot be merged (one is missing, or both are the same)."""


def _relations(target: type[models.Model] = Person) -> list[models.ForeignKey[Any, Any]]:
    """Foreign keys (not one-to-one, not history snapshots) that point at ``target``."""
    fields = []
    for rel in target._meta.related_objects:
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


def _tag(obj: models.Model, user: Any, reason: str) -> None:
    obj._history_user = user  # type: ignore[attr-defined]
    obj._change_reason = reason  # type: ignore[attr-defined]


def _move_references(
    target: type[models.Model],
    keep: models.Model,
    other: models.Model,
    *,
    user: Any,
    reason: str,
) -> None:
    """Point every foreign key to ``other`` at ``keep`` (the kept row wins a uniqueness clash)."""
    for field in _relations(target):
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


@transaction.atomic
def merge_people(keep: Person, other: Person, *, user: Any = None) -> Person:
    """Merge ``other`` into ``keep``; return ``keep`` (``other`` no longer exists).

    Merging "Mria Okafor" into "Mira Okafor" moves every reference to the
    misspelt record onto the kept one (tests/imports/test_matching.py shows it).
    """
    if keep.pk is None or other.pk is None or keep.pk == other.pk:
        raise MergeError("Choose two different people to merge.")
    keep = Person.objects.select_for_update().get(pk=keep.pk)
    other = Person.objects.select_for_update().get(pk=other.pk)
    reason = f"Merged {other.display_name} (#{other.pk}) into {keep.display_name} (#{keep.pk})"

    _move_references(Person, keep, other, user=user, reason=reason)

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


@transaction.atomic
def merge_organisations(
    keep: Organisation,
    other: Organisation,
    *,
    user: Any = None,
) -> tuple[Organisation, bool]:
    """Merge ``other`` into ``keep``; return ``(keep, name_kept)`` (``other`` no longer exists).

    Every foreign key to ``other`` found in the model graph (memberships,
    attendance, people's organisation, child organisations, merge
    proposals…) is moved to ``keep`` in this one transaction; a parent link
    that would make ``keep`` its own parent is cleared. ``keep``'s blank
    details (sector, website, parent) are filled from ``other``. The merged
    name becomes ``keep``'s short name if it has none and it fits
    (``name_kept`` is then ``True``); otherwise it stays recorded only in the
    merge proposal. Each change is saved through the model, so history
    records ``user``.
    """
    if keep.pk is None or other.pk is None or keep.pk == other.pk:
        raise MergeError("Choose two different organisations to merge.")
    keep = Organisation.objects.select_for_update().get(pk=keep.pk)
    other = Organisation.objects.select_for_update().get(pk=other.pk)
    reason = f"Merged {other.name} (#{other.pk}) into {keep.name} (#{keep.pk})"[:100]

    other_parent_id = other.parent_id
    if keep.parent_id == other.pk:
        # keep was other's child: take other's parent instead of becoming its own.
        keep.parent_id = None if other_parent_id == keep.pk else other_parent_id
        _tag(keep, user, reason)
        keep.save(update_fields=["parent"])
    _move_references(Organisation, keep, other, user=user, reason=reason)
    keep.refresh_from_db()

    changed = []
    short_name_field = Organisation._meta.get_field("short_name")
    name_kept = False
    if not keep.short_name and len(other.name) <= (short_name_field.max_length or 0):
        keep.short_name = other.name
        changed.append("short_name")
        name_kept = True
    if (
        keep.sector == Organisation._meta.get_field("sector").default
        and other.sector != keep.sector
    ):
        keep.sector = other.sector
        changed.append("sector")
    if not keep.website and other.website:
        keep.website = other.website
        changed.append("website")
    if keep.parent_id is None and other_parent_id not in (None, keep.pk, other.pk):
        keep.parent_id = other_parent_id
        changed.append("parent")
    if changed:
        _tag(keep, user, reason)
        keep.save()
    _tag(other, user, reason)
    other.delete()
    return keep, name_kept
