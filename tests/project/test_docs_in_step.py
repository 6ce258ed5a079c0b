"""Docs that cannot drift: settings and commands are documented where people look.

Every environment variable the code reads is in ``.env.example`` and
``docs/settings.md``; every Django setting the code reads is defined in
``concord/settings.py``; ``docs/commands.md`` is what the commands' own help
generates, and the README's command table names every one of Concord's commands.
"""

from __future__ import annotations

import re
from pathlib import Path

import concord.settings as concord_settings
from concord.lib.command_reference import concord_commands, reference

ROOT = Path(__file__).resolve().parents[2]
CODE = sorted((ROOT / "concord").rglob("*.py"))

ENV_READ = re.compile(
    r"""(?:env_(?:str|bool|int|list)|os\.environ\.get|os\.getenv)\(\s*["']([A-Z][A-Z0-9_]+)["']"""
    r"""|os\.environ\[["']([A-Z][A-Z0-9_]+)["']\]"""
)
SETTING_READ = re.compile(
    r"""\bsettings\.([A-Z][A-Z0-9_]+)\b|getattr\(\s*settings\s*,\s*["']([A-Z][A-Z0-9_]+)["']"""
)
# Read by Django or a library rather than configured by the operator.
NOT_OPERATOR_SETTINGS = {"DJANGO_SETTINGS_MODULE", "X_FLAG", "COLUMNS"}


def _names(pattern: re.Pattern[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for path in CODE:
        if "migrations" in path.parts:
            continue
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            name = next(group for group in match.groups() if group)
            found.setdefault(name, str(path.relative_to(ROOT)))
    return found


def test_the_scan_finds_the_variables_it_is_meant_to_find() -> None:
    variables = _names(ENV_READ)
    assert {"DATABASE_URL", "SECRET_KEY", "CONCORD_SMALL_COUNT_HIGH"} <= set(variables)


def test_every_environment_variable_is_in_env_example_and_the_settings_page() -> None:
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    page = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    missing = {
        name: where
        for name, where in _names(ENV_READ).items()
        if name not in NOT_OPERATOR_SETTINGS
        and not (re.search(rf"\b{name}\b", example) and f"`{name}`" in page)
    }
    assert missing == {}, "read in the code, missing from .env.example or docs/settings.md"


def test_every_setting_the_code_reads_is_defined_in_the_settings_module() -> None:
    from django.conf import global_settings

    undefined = {
        name: where
        for name, where in _names(SETTING_READ).items()
        if not hasattr(concord_settings, name) and not hasattr(global_settings, name)
    }
    assert undefined == {}, "read with settings.X but defined nowhere"


def test_the_command_reference_is_what_the_commands_help_generates() -> None:
    page = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
    assert page == reference(), (
        "docs/commands.md is stale: .venv/bin/python -m concord.lib.command_reference"
        " > docs/commands.md"
    )


def test_the_readme_command_table_names_every_concord_command_and_only_real_ones() -> None:
    from django.core.management import get_commands

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    in_table = set(re.findall(r"^\| `concord (\w+)", readme, flags=re.MULTILINE))
    assert set(concord_commands()) <= in_table
    assert in_table <= set(get_commands()) | {"extract"}
