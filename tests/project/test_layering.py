"""Dependencies run one way: an app's models, services and forms import only apps below it.

The layers (docs/architecture.md, "Which way the apps depend")::

    lib, ingest  <  people  <  governance  <  meetings  <  actions
                 <  imports, performance, portal, exports, api, agenda  <  registers, following
                 <  secretariat, search, facts  <  demo

Every module under ``concord/<app>/`` is parsed with ``ast`` (imports inside
functions count too) and may import its own app and apps on a lower layer,
never one on its own layer or above. The view layer (views, urls, template
tags, context processors, management commands) may combine the domain apps
(people to actions) whatever its own layer, but imports no other app of the
top layers (a person page importing the secretariat app, say); in ``lib`` and
``ingest`` nothing imports an app at all.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONCORD = ROOT / "concord"

LAYERS = {
    "lib": 0,
    "ingest": 0,  # a library with no Django import
    "people": 1,
    "governance": 2,
    "meetings": 3,
    "events": 3,  # events and sign-up stand beside meetings: bodies run both
    "actions": 4,
    "imports": 5,
    "performance": 5,
    "portal": 5,
    "exports": 5,
    "api": 5,
    "agenda": 5,  # work programmes and agenda packs read meetings and open actions
    "registers": 6,  # registers and the annual report read performance's figures
    "following": 6,  # follows a body, a topic (portal) or an area (performance)
    "secretariat": 7,  # the desk gathers what needs attention from every app below
    "search": 7,  # one index over every app's records
    "facts": 7,  # the facts portal reads strategies' priorities and performance's figures
    "demo": 8,
}

# The highest layer a view of any app may import: the domain apps, people to actions.
DOMAIN_TOP = LAYERS["actions"]

# (importing module, imported module): why the upward or sideways import stays.
ALLOWED = {
    ("concord.people.models", "concord.governance.models"): (
        "Person.visible_to: who may know a person follows from the bodies the viewer "
        "may see; imported inside the method, when it runs"
    ),
    ("concord.people.models", "concord.meetings.models"): (
        "Person.visible_to: and from the minutes the viewer may read; imported inside "
        "the method, when it runs"
    ),
    ("concord.lib.command_reference", "concord.ingest.cli"): (
        "the command reference documents every `concord` sub-command, and `concord "
        "extract` is ingest's own parser; ingest imports no app"
    ),
}

VIEW_LAYER_NAMES = {"views.py", "urls.py", "context_processors.py"}
VIEW_LAYER_DIRS = {"views", "templatetags", "management", "migrations"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_view_layer(path: Path) -> bool:
    relative = path.relative_to(CONCORD).parts
    return (
        path.name in VIEW_LAYER_NAMES
        or path.name.endswith("_views.py")
        or any(part in VIEW_LAYER_DIRS for part in relative[1:-1])
    )


def imported_modules(path: Path) -> list[str]:
    """Absolute ``concord.…`` modules a file imports, at any depth of its code."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
    return [m for m in found if m.startswith("concord.")]


def app_of(module: str) -> str:
    return module.split(".")[1]


def upward_imports() -> set[tuple[str, str]]:
    """Every (module, imported module) pair that breaks the layering."""
    bad = set()
    for path in sorted(CONCORD.glob("*/**/*.py")):
        app = app_of(module_name(path))
        if app not in LAYERS:
            raise AssertionError(f"{app} has no layer in {__name__}.LAYERS: place it")
        view = is_view_layer(path) and LAYERS[app] > 0
        for imported in imported_modules(path):
            other = app_of(imported)
            if other == app:
                continue
            below = other in LAYERS and LAYERS[other] < LAYERS[app]
            if not below and not (view and LAYERS.get(other, DOMAIN_TOP + 1) <= DOMAIN_TOP):
                bad.add((module_name(path), imported))
    return bad


def test_models_services_and_forms_import_only_downward_and_views_only_domain_apps() -> None:
    unexplained = sorted(upward_imports() - set(ALLOWED))
    assert not unexplained, "imports that run upward or sideways:\n" + "\n".join(
        f"  {a} imports {b}" for a, b in unexplained
    )


def test_every_allowed_exception_is_still_needed() -> None:
    """An exception that no longer happens is removed from the list, so it cannot hide one."""
    assert set(ALLOWED) <= upward_imports()


def test_the_checker_catches_an_upward_import(tmp_path: Path) -> None:
    module = tmp_path / "services.py"
    module.write_text(
        "from concord.people.models import Person\n"
        "def f():\n    from concord.actions.models import Action\n"
    )
    assert imported_modules(module) == ["concord.people.models", "concord.actions.models"]
    assert LAYERS[app_of("concord.actions.models")] > LAYERS["meetings"]
    assert not is_view_layer(CONCORD / "meetings" / "services.py")
    assert is_view_layer(CONCORD / "performance" / "views" / "common.py")
    assert is_view_layer(CONCORD / "imports" / "review_views.py")
