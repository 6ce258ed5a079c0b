"""WSGI entry point for production servers."""

from __future__ import annotations

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "concord.settings")
application = get_wsgi_application()

# Everything loaded so far (Django, the apps, settings, URL patterns) lives as
# long as the process: take it out of the garbage collector's full passes,
# which otherwise traverse it every time and were most of the slowest requests'
# time (bench/pages.py, "GC ms"). Forked workers also keep sharing its memory.
gc.freeze()
