"""Loading areas (nation down to ward and LSOA) from a CSV or Excel file."""

from __future__ import annotations

import re

from django.db import transaction

from concord.performance.models import (
    Area,
    AreaLevel,
    CodeScheme,
)
from concord.performance.tabular.reading import (
    Header,
    ImportResult,
    Source,
    read_bytes,
    read_table,
)

AREA_COLUMNS = ("code", "name", "level")

AREA_OPTIONAL = ("parent",)

GSS_RE = re.compile(r"^[EWSNK]\d{8}$")

_LEVEL_WORDS = {
    "nation": AreaLevel.NATION,
    "country": AreaLevel.NATION,
    "region": AreaLevel.REGION,
    "local_authority": AreaLevel.LOCAL_AUTHORITY,
    "local authority": AreaLevel.LOCAL_AUTHORITY,
    "la": AreaLevel.LOCAL_AUTHORITY,
    "lad": AreaLevel.LOCAL_AUTHORITY,
    "ward": AreaLevel.WARD,
    "lsoa": AreaLevel.LSOA,
}

_LEVEL_ORDER: list[str] = [
    AreaLevel.NATION,
    AreaLevel.REGION,
    AreaLevel.LOCAL_AUTHORITY,
    AreaLevel.WARD,
    AreaLevel.LSOA,
]


def load_areas_csv(source: Source, *, filename: str = "", dry_run: bool = False) -> ImportResult:
    """Load areas from a CSV (or .xlsx) of codes: ``code``, ``name``, ``level``, ``parent``.

    Codes shaped like ONS GSS codes (a letter for the nation and eight digits,
    e.g. ``E05001234``) are stored with scheme ``gss``, others as local codes.
    ``parent`` is the code of an area in the file or already stored. Existing
    areas (same code) are updated; all rows or none.
    """
    data, name = read_bytes(source)
    result = ImportResult(dry_run=dry_run)
    rows = read_table(data, filename or name)
    try:
        _, header_cells = next(rows)
    except StopIteration:
        result.add_error(1, "", "the file is empty")
        return result
    header = Header(header_cells, AREA_COLUMNS, AREA_OPTIONAL, result)
    if not result.ok:
        return result
    parsed: dict[str, tuple[int, str, str, str]] = {}
    for number, cells in rows:
        result.rows += 1
        code = header.get(cells, "code").upper()
        level = _LEVEL_WORDS.get(header.get(cells, "level").lower().replace("-", " "))
        if not code:
            result.add_error(number, "code", "a code is required")
            continue
        if len(code) > 20:
            result.add_error(number, "code", "a code has at most 20 characters")
            continue
        if level is None:
            result.add_error(
                number,
                "level",
                f"'{header.get(cells, 'level')}' is not one of nation, region, "
                "local authority, ward, LSOA",
            )
            continue
        if code in parsed:
            result.add_error(number, "code", f"duplicate of row {parsed[code][0]}")
            continue
        area_name = header.get(cells, "name") or code
        parsed[code] = (number, area_name[:200], level, header.get(cells, "parent").upper())
    known = dict(Area.objects.values_list("code", "level"))
    for code, (number, _, child_level, parent) in parsed.items():
        if not parent:
            continue
        parent_level = parsed[parent][2] if parent in parsed else known.get(parent)
        if parent_level is None:
            result.add_error(number, "parent", f"unknown parent area code '{parent}'")
        elif parent == code:
            result.add_error(number, "parent", "an area cannot be its own parent")
        elif _LEVEL_ORDER.index(parent_level) >= _LEVEL_ORDER.index(child_level):
            result.add_error(
                number,
                "parent",
                f"a {parent_level} cannot contain a {child_level} (parent '{parent}')",
            )
    if not result.ok or dry_run:
        return result
    # Parents first, so that each area's depth follows from its parent's.
    order = sorted(parsed, key=lambda c: _LEVEL_ORDER.index(parsed[c][2]))
    with transaction.atomic():
        existing = {a.code: a for a in Area.objects.filter(code__in=list(parsed))}
        by_code = dict(existing)
        for code in order:
            _, area_name, area_level, parent_code = parsed[code]
            parent_area = None
            if parent_code:
                parent_area = by_code.get(parent_code) or Area.objects.get(code=parent_code)
                by_code[parent_code] = parent_area
            scheme = CodeScheme.GSS if GSS_RE.match(code) else CodeScheme.LOCAL
            area = existing.get(code)
            if area is None:
                area = Area(code=code)
                result.created += 1
            elif (area.name, area.level, area.parent_id, area.scheme) == (
                area_name,
                area_level,
                parent_area.pk if parent_area else None,
                scheme,
            ):
                result.unchanged += 1
                continue
            else:
                result.updated += 1
            area.name, area.level, area.parent = area_name, area_level, parent_area
            area.scheme = scheme
            area.save()
            by_code[code] = area
    return result
