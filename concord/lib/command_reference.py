"""The command-line reference, generated from the commands' own help.

``docs/commands.md`` is this module's output; a test regenerates it and fails
when the two differ, so the reference cannot drift from the code. Regenerate
it after changing a command::

    .venv/bin/python -m concord.lib.command_reference > docs/commands.md
"""

from __future__ import annotations

import argparse
import os

HEADER = """# The `concord` command

Generated from each command's `--help` by `concord/lib/command_reference.py`
(`.venv/bin/python -m concord.lib.command_reference > docs/commands.md`);
a test fails when this page and the commands disagree. Django's own commands
(`migrate`, `createsuperuser`, `shell`…) are there too: `concord help` lists them.
"""


# Options every Django command has; the reference leaves them out.
_DJANGO_COMMON = {
    "help",
    "version",
    "verbosity",
    "settings",
    "pythonpath",
    "traceback",
    "no_color",
    "force_color",
    "skip_checks",
}


def concord_commands() -> dict[str, str]:
    """Concord's own sub-commands (not Django's), each with its app's module path."""
    from django.core.management import get_commands

    commands = {name: app for name, app in get_commands().items() if app.startswith("concord.")}
    commands["extract"] = "concord.ingest"
    return dict(sorted(commands.items()))


def command_parser(name: str, app: str) -> argparse.ArgumentParser:
    """The argument parser of one sub-command, as ``concord NAME`` builds it."""
    if name == "extract":
        from concord.ingest.cli import _parser

        return _parser()
    from django.core.management import load_command_class

    return load_command_class(app, name).create_parser("concord", name)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def command_section(name: str, app: str) -> str:
    """One command's section: what it does, then a table of its arguments."""
    parser = command_parser(name, app)
    rows = []
    for action in parser._actions:  # argparse keeps no public list of them
        if action.dest in _DJANGO_COMMON or action.help == argparse.SUPPRESS:
            continue
        flags = (
            ", ".join(f"`{flag}`" for flag in action.option_strings)
            or f"`{action.metavar or action.dest}`"
        )
        help_text = (action.help or "") % {"default": action.default} if action.help else ""
        rows.append(f"| {flags} | {_cell(help_text)} |")
    table = "\n".join(["| argument | meaning |", "|---|---|", *rows]) if rows else "No arguments."
    return f"\n## `concord {name}`\n\n{_cell(parser.description or '')}\n\n{table}\n"


def reference() -> str:
    """The whole Markdown reference: one section per Concord sub-command."""
    return HEADER + "".join(command_section(name, app) for name, app in concord_commands().items())


if __name__ == "__main__":  # pragma: no cover - the documented way to regenerate the page
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    django.setup()
    print(reference(), end="")
