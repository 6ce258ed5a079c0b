"""Set up a demo instance: data folder, database, static files, demo data and accounts.

The logic of ``concord demo`` lives here, importable and testable; the
management command only parses options, prints and serves.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from concord.demo.partnership import DEMO_USERNAMES, DemoSummary, ProgressFn, build_demo_partnership
from concord.governance.models import Body
from concord.lib.access import SECRETARIAT_GROUP


@dataclass
class DemoCredentials:
    """The demo accounts and their fresh one-time passwords, and what was built (if anything)."""

    accounts: list[tuple[str, str]] = field(default_factory=list)
    built: DemoSummary | None = None

    @property
    def secretariat_password(self) -> str:
        return dict(self.accounts)["secretariat"]


def new_password() -> str:
    """A random password that is shown once and never stored in clear."""
    return secrets.token_urlsafe(12)


def setup_demo(
    data_dir: Path,
    reset: bool = False,
    *,
    scale: float = 1.0,
    seed: int = 2026,
    collect_static: bool = True,
    progress: ProgressFn | None = None,
) -> DemoCredentials:
    """Prepare the demo in ``data_dir`` and return the accounts with new passwords.

    Creates the folder, applies migrations, collects static files, loads the
    demo partnership if the database holds no bodies (or wipes it first when
    ``reset``), then gives every demo account a fresh random password. The
    secretariat account is created if missing, so an existing database can
    always be entered. The database used is the configured one: callers
    (the ``demo`` command) make sure it is the data folder's SQLite file.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "media").mkdir(exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)
    if collect_static:
        call_command("collectstatic", interactive=False, verbosity=0)
    if reset:
        call_command("flush", interactive=False, verbosity=0)
    credentials = DemoCredentials()
    if not Body.objects.exists():
        credentials.built = build_demo_partnership(seed=seed, scale=scale, progress=progress)
        from concord.demo.performance import load_demo_performance

        load_demo_performance(seed=seed)
        from concord.demo.registers import load_demo_registers

        load_demo_registers()
        from concord.demo.back_catalogue import import_back_catalogue

        import_back_catalogue(data_dir)  # earlier minutes, as documents through the importer
        from concord.search.indexing import rebuild

        rebuild()  # the partnership was built in bulk, past the index's signals
    User = get_user_model()
    group, _ = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
    secretariat, _ = User.objects.get_or_create(username="secretariat")
    secretariat.groups.add(group)
    for username in DEMO_USERNAMES:
        user = User.objects.filter(username=username).first()
        if user is None:
            continue
        password = new_password()
        user.set_password(password)
        user.is_active = True
        user.save(update_fields=["password", "is_active"])
        credentials.accounts.append((username, password))
    return credentials
