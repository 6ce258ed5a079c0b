"""A register as a spreadsheet: export what the viewer sees, import a file all or nothing.

An import reads each row into the register's own form, so a row is checked
exactly as a typed entry is (a likelihood of 7, an amount that is not money,
an award above the amount asked), and every problem is reported by row and
column. If any row has a problem, nothing is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.forms import TypedChoiceField
from django.utils.datastructures import MultiValueDict

from concord.lib.access import Viewer
from concord.lib.tables import TableProblems, read_rows, write_table
from concord.people.models import Organisation
from concord.registers.forms import editable_bodies
from concord.registers.kinds import Kind

MAX_ROWS = 5000
YES = {"yes", "y", "true", "1", "public"}
DEFAULTS: dict[str, Callable[[], str]] = {
    "identified_on": lambda: dt.date.today().isoformat(),
    "status": lambda: "open",
}


def export_rows(kind: Kind, entries: Any) -> tuple[list[str], list[list[object]]]:
    """The export's header (the import's column keys) and one row per entry."""
    header = [c.key for c in kind.columns]
    if any(c.key == "partners" for c in kind.columns):
        entries = entries.prefetch_related("partners")
    if kind.exported_prefetch:
        entries = entries.prefetch_related(*kind.exported_prefetch)
    return header, [[c.value(r) for c in kind.columns] for r in entries]


def export(kind: Kind, entries: Any, fmt: str) -> bytes:
    header, rows = export_rows(kind, entries)
    return write_table(header, rows, fmt)


def import_file(
    kind: Kind, data: bytes, filename: str, viewer: Viewer, user: Any
) -> tuple[int, TableProblems]:
    """Create one entry per row, all of them or none; returns how many and the problems."""
    problems = TableProblems()
    try:
        rows = list(read_rows(data, filename))
    except ValueError as exc:
        problems.add(0, "", f"The file cannot be read: {exc}.")
        return 0, problems
    if not rows:
        problems.add(1, "", "The file is empty: it needs a header row and one row per entry.")
        return 0, problems
    if len(rows) > MAX_ROWS + 1:
        problems.add(0, "", f"The file has more than {MAX_ROWS} rows: split it.")
        return 0, problems
    (_, header), body_rows = rows[0], rows[1:]
    positions: dict[str, int] = {}
    exported = {c.key for c in kind.columns}
    for i, name in enumerate(header):
        key = name.strip().lower().replace(" ", "_")
        if key in kind.imported and key not in positions:
            positions[key] = i
        elif key in positions:
            problems.add(1, name, "this column is given twice.")
        elif key and key not in exported:
            problems.add(1, name, f"unknown column (expected {', '.join(kind.imported)}).")
    bodies = {b.name.lower(): b.pk for b in editable_bodies(viewer)}
    forms = []
    for number, cells in body_rows:
        reported: set[str] = set()
        values = {k: (cells[i] if i < len(cells) else "") for k, i in positions.items()}
        data_dict: MultiValueDict[str, str] = MultiValueDict()
        for key, value in values.items():
            if key == "body":
                pk = bodies.get(value.lower())
                if pk is None:
                    problems.add(number, "body", f"“{value[:60]}” is not a body you may edit.")
                    reported.add("body")
                    continue
                data_dict[key] = str(pk)
            elif key == "partners":
                names = [n.strip() for n in value.split(";") if n.strip()]
                named = Organisation.objects.filter(name__in=names[:50])
                found = {o.name.lower(): o.pk for o in named}
                for n in names:
                    if n.lower() not in found:
                        problems.add(number, "partners", f"no organisation is called “{n[:60]}”.")
                data_dict.setlist(key, [str(found[n.lower()]) for n in names if n.lower() in found])
            elif key == "is_public" or key == "award_may_exceed":
                if value.lower() in YES:
                    data_dict[key] = "on"
            else:
                data_dict[key] = value
        form = kind.form(data_dict, viewer=viewer)  # type: ignore[call-arg]
        for name in form.fields:
            # A column left out takes the register's default (a risk identified today).
            if name not in values and name in DEFAULTS:
                data_dict[name] = DEFAULTS[name]()
        for key in values:
            field = form.fields.get(key)
            if isinstance(field, TypedChoiceField) and key in data_dict:
                # A choice by its label, as exports write it ("Events organised"), or its value.
                choices: Any = field.choices
                labels = {str(label).lower(): value for value, label in choices}
                typed = str(data_dict[key])
                data_dict[key] = labels.get(typed.lower(), typed)
        if not form.is_valid():
            for field_name, errors in form.errors.items():
                column = field_name if field_name != "__all__" else ""
                for error in errors:
                    if field_name in reported:
                        continue
                    problems.add(number, column, str(error))
        forms.append(form)
    if problems:
        return 0, problems
    with transaction.atomic():
        for form in forms:
            form.instance._history_user = user
            form.save()
    return len(forms), problems
