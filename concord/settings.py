"""Concord's one settings module, read from the environment.

Every variable is listed in ``.env.example`` and explained in
``docs/settings.md`` (a test keeps the three in step). With nothing set,
Concord uses SQLite in ``./var`` with DEBUG off; ``concord demo`` turns demo
mode on (a throw-away secret key, insecure cookies allowed). Outside demo,
debug and test mode a missing ``SECRET_KEY`` is an error.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent


def env_str(name: str, default: str = "") -> str:
    """Return the environment variable ``name`` or ``default``."""
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no variable: ``1``, ``true``, ``yes``, ``on`` are true.

    >>> os.environ["X_FLAG"] = "yes"; env_bool("X_FLAG")
    True
    """
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    """Read a whole number, failing loudly on anything else."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated list, dropping blanks."""
    return [part.strip() for part in env_str(name, default).split(",") if part.strip()]


DEMO_MODE = env_bool("CONCORD_DEMO", False)
DEBUG = env_bool("DEBUG", False)
DATA_DIR = Path(env_str("CONCORD_DATA", str(Path.cwd() / "var"))).resolve()

TESTING = env_bool("CONCORD_TESTING")
SECRET_KEY = env_str("SECRET_KEY")
MIN_SECRET_KEY_LENGTH = 50
if not SECRET_KEY:
    if DEBUG or DEMO_MODE or TESTING:
        SECRET_KEY = "insecure-demo-key-never-use-in-production-" + "x" * 8
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set (or run `concord demo`, or set DEBUG=1 for development)."
        )
elif len(SECRET_KEY) < MIN_SECRET_KEY_LENGTH and not (DEMO_MODE or TESTING):
    # Sessions, password-reset links and CSRF tokens are signed with it: a short key
    # can be guessed. Django's own check (security.W009) only warns.
    raise ImproperlyConfigured(
        f"SECRET_KEY is {len(SECRET_KEY)} characters long; it must be at least "
        f"{MIN_SECRET_KEY_LENGTH} random characters. Make one with: python -c "
        '"import secrets; print(secrets.token_urlsafe(50))"'
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",
    "axes",
    "simple_history",
    "concord.lib",
    "concord.people",
    "concord.governance",
    "concord.meetings",
    "concord.events",
    "concord.actions",
    "concord.agenda",
    "concord.secretariat",
    "concord.portal",
    "concord.exports",
    "concord.performance",
    "concord.registers",
    "concord.demo",
    "django_tasks",
    "django_tasks_db",
    "concord.imports",
    "concord.search",
    "concord.facts",
    "concord.following",
]

# Scale-out: with REDIS_URL set, the cache, sessions and the task queue live on
# Redis, so any number of web servers and workers can share them (docs/deploy.md).
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    INSTALLED_APPS.append("django_rq")

MIDDLEWARE = [
    # First: a visitor without a session answered from the cache reaches no other
    # middleware; the security headers are kept with the page, and the scheme is
    # part of the key, so a plain-HTTP request never gets a page served over HTTPS
    # (concord/lib/pagecache.py).
    "concord.lib.pagecache.AnonymousPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "concord.lib.middleware.refuse_nul_in_query",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Django's, with the signed-in user kept under the write generation (concord/lib/kept_user.py).
    "concord.lib.kept_user.KeptUserAuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    "concord.lib.middleware.permissions_policy",
    # Last, as django-axes asks: it turns a locked-out sign-in into its lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "concord.urls"
WSGI_APPLICATION = "concord.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "concord.governance.context_processors.viewer",
            ],
        },
    },
]

_default_db = f"sqlite:///{DATA_DIR / 'concord.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(env_str("DATABASE_URL", _default_db))}
# Keep each server thread's connection between requests (checked before reuse):
# a new SQLite connection re-reads the schema and starts with a cold page
# cache, a new PostgreSQL one costs a handshake; 0 closes after every request.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("CONCORD_DB_CONN_MAX_AGE", 600)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# A PostgreSQL streaming replica that exports read from (concord/lib/replica.py).
if env_str("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = {
        **dj_database_url.parse(env_str("DATABASE_REPLICA_URL")),
        "CONN_MAX_AGE": DATABASES["default"]["CONN_MAX_AGE"],
        "CONN_HEALTH_CHECKS": True,
        "TEST": {"MIRROR": "default"},
    }
DATABASE_ROUTERS = ["concord.lib.replica.ReplicaRouter"]
for _db in DATABASES.values():
    if _db["ENGINE"] == "django.db.backends.postgresql":
        # No JIT: a page's query is over in milliseconds, and the planner's costs for
        # one with many subqueries (search's visibility) made PostgreSQL compile it
        # first, 3.5 s of the 3.8 s a search took (docs/search.md).
        _db.setdefault("OPTIONS", {})["options"] = "-c jit=off"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers run beside the one writer; IMMEDIATE takes the write lock
    # at BEGIN so two writers queue (busy_timeout) instead of failing mid-way.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["TEST"] = {"NAME": env_str("CONCORD_TEST_SQLITE", "") or None}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Sign-in throttling (django-axes): after CONCORD_LOGIN_FAILURE_LIMIT wrong passwords
# for one account from one address, that account is locked out from that address
# for CONCORD_LOGIN_LOCKOUT_MINUTES, on the site's sign-in page and the admin's,
# even with the right password. Lift a lock-out early with
# `concord axes_reset_username NAME` (or `concord axes_reset` for all).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("CONCORD_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env_int("CONCORD_LOGIN_LOCKOUT_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# The client's address: REMOTE_ADDR, unless CONCORD_PROXY_COUNT reverse proxies stand in
# front, when it is read from X-Forwarded-For (never trusted without a proxy: a
# client could write any address there and dodge its lock-out).
CONCORD_PROXY_COUNT = env_int("CONCORD_PROXY_COUNT", 0)
if CONCORD_PROXY_COUNT:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    AXES_IPWARE_PROXY_COUNT = CONCORD_PROXY_COUNT
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Django's widget templates, with inputs, textareas and selects written in Python (same HTML).
FORM_RENDERER = "concord.lib.formrender.FastWidgetRenderer"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    # Uploaded papers (and anything else kept through Django's storage API):
    # a local folder by default; object storage (django-storages) by naming its
    # backend and options here, e.g. CONCORD_FILE_STORAGE=storages.backends.s3.S3Storage.
    "default": {
        "BACKEND": env_str("CONCORD_FILE_STORAGE", "django.core.files.storage.FileSystemStorage")
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "media/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
CONCORD_MAX_UPLOAD_BYTES = env_int("CONCORD_MAX_UPLOAD_BYTES", 50 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Files in one upload; more are answered on the page with this limit (docs/import.md).
CONCORD_UPLOAD_MAX_FILES = env_int("CONCORD_UPLOAD_MAX_FILES", 100)
DATA_UPLOAD_MAX_NUMBER_FILES = CONCORD_UPLOAD_MAX_FILES
# The import review form has about seven fields per attendee, item, decision and
# action: Django's default of 1,000 fields would refuse the review of long minutes.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 20_000

# Background work (document imports) goes through django-tasks; the default
# backend keeps the queue in the database, run by `concord worker`.
_default_tasks_backend = (
    "concord.lib.tasks_rq.RQBackend" if REDIS_URL else "django_tasks_db.DatabaseBackend"
)
TASKS = {
    "default": {
        "BACKEND": env_str("CONCORD_TASKS_BACKEND", _default_tasks_backend),
        "QUEUES": ["default"],
    }
}
# Times a task is run again after its worker died or it raised (Redis queue).
CONCORD_TASK_RETRIES = env_int("CONCORD_TASK_RETRIES", 3)
if REDIS_URL:
    # django-rq's queue names; `concord worker` then runs RQ workers on them.
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 1800}}

# The cache: anonymous pages (concord/lib/pagecache.py) and, with Redis, sessions.
CACHES: dict[str, dict[str, Any]]
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CONCORD_CACHE_PREFIX", "concord"),
        }
    }
    SESSION_ENGINE = env_str("SESSION_ENGINE", "django.contrib.sessions.backends.cache")
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }
    # Database sessions, read through the cache until any is written (concord/lib/sessions.py).
    SESSION_ENGINE = env_str("SESSION_ENGINE", "concord.lib.sessions")
# Anonymous pages from the cache: on unless CONCORD_PAGE_CACHE=0 (off by default
# with DEBUG, where templates change under a developer's feet); an entry lives at
# most this long even if nothing changes (seconds).
CONCORD_PAGE_CACHE = env_bool("CONCORD_PAGE_CACHE", not DEBUG)
CONCORD_PAGE_CACHE_SECONDS = env_int("CONCORD_PAGE_CACHE_SECONDS", 600)
# Without Redis, the generation that invalidates cached pages is a counter in
# this file, shared by every process on the machine.
CONCORD_PAGE_CACHE_GENERATION_FILE = Path(
    env_str("CONCORD_PAGE_CACHE_GENERATION_FILE", str(DATA_DIR / "page-cache-generation"))
)
# Guarded reading (concord/imports/guard.py): each document is read in a child process
# with these limits; over one, it fails with the reason in words (docs/import.md).
CONCORD_READ_MEMORY_MB = env_int("CONCORD_READ_MEMORY_MB", 400)
CONCORD_READ_TIMEOUT_SECONDS = env_int("CONCORD_READ_TIMEOUT_SECONDS", 120)
CONCORD_READ_MAX_EXPANDED_MB = env_int("CONCORD_READ_MAX_EXPANDED_MB", 200)
# Items and actions kept from one document; the rest is left out with a warning.
CONCORD_IMPORT_MAX_ITEMS = env_int("CONCORD_IMPORT_MAX_ITEMS", 300)
CONCORD_IMPORT_MAX_ACTIONS = env_int("CONCORD_IMPORT_MAX_ACTIONS", 500)
# A document whose worker has not reported for this long (seconds) is queued again.
CONCORD_WORKER_HEARTBEAT_TIMEOUT = env_int("CONCORD_WORKER_HEARTBEAT_TIMEOUT", 300)
CONCORD_DOCUMENTS_DIR = Path(env_str("CONCORD_DOCUMENTS_DIR", str(DATA_DIR / "documents")))
# Imported originals go through Django's storage API: that folder by default, or
# this storage class (e.g. storages.backends.s3.S3Storage) for several machines.
CONCORD_DOCUMENTS_STORAGE = env_str("CONCORD_DOCUMENTS_STORAGE", "")

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "concord@localhost")
CONCORD_SITE_URL = env_str("CONCORD_SITE_URL", "http://127.0.0.1:8000")
CONCORD_PARTNERSHIP_NAME = env_str("CONCORD_PARTNERSHIP_NAME", "Concord partnership")

# Performance pages: the area shown when none is chosen (an area code; default
# the first local authority), and the small counts kept from the public
# (counts from LOW to HIGH, and zero when SUPPRESS_ZERO is on).
CONCORD_PERFORMANCE_AREA = env_str("CONCORD_PERFORMANCE_AREA", "")
CONCORD_SMALL_COUNT_LOW = env_int("CONCORD_SMALL_COUNT_LOW", 1)
CONCORD_SMALL_COUNT_HIGH = env_int("CONCORD_SMALL_COUNT_HIGH", 4)
CONCORD_SUPPRESS_ZERO = env_bool("CONCORD_SUPPRESS_ZERO", False)
# Password-reset links last this long (Django's default is three days).
PASSWORD_RESET_TIMEOUT = env_int("CONCORD_PASSWORD_RESET_SECONDS", 24 * 3600)

# Content-Security-Policy (django-csp): only this site's own scripts, styles, images
# and fonts; no inline script or style attribute anywhere, no framing, forms post
# only here. htmx is told not to inject its indicator <style> or eval (base.html).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Permissions-Policy: Concord uses no camera, microphone, location, payment or USB.
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()"
)

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG and not DEMO_MODE and not TESTING:
    # Production: cookies only over HTTPS, HSTS, redirect plain HTTP.
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Behind a reverse proxy that terminates TLS: trust its X-Forwarded-Proto header
# (only when the proxy sets it and strips what clients send; docs/deploy.md).
if env_bool("CONCORD_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = env_bool("USE_X_FORWARDED_HOST", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
