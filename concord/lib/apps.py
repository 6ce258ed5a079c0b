from __future__ import annotations

from django.apps import AppConfig


class LibConfig(AppConfig):
    name = "concord.lib"

    def ready(self) -> None:
        from django.db import connections
        from django.db.backends.signals import connection_created

        from concord.lib import pagecache

        # Every database connection reports its writes to the page cache, so
        # any change, from any process, makes cached anonymous pages obsolete.
        connection_created.connect(pagecache.install, dispatch_uid="concord-pagecache")
        for connection in connections.all(initialized_only=True):
            pagecache.install(sender=None, connection=connection)
