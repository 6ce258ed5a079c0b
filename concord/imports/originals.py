"""Original files of imported documents, kept through Django's storage API.

A file is kept once, under a name made of its SHA-256 (``ab/cdef…``, see
:func:`concord.imports.storage.relative_path`), in the *documents* storage:
a folder (``CONCORD_DOCUMENTS_DIR``) by default, or any Django storage named
by ``CONCORD_DOCUMENTS_STORAGE`` (object storage through django-storages, say,
configured by that library's own settings), so web servers and workers on
several machines share the originals.

Reading happens in a guarded child process that needs a file on disk: a
folder storage gives its own path; any other storage is copied to a
temporary file in chunks (memory does not grow with the file) for the time
of the read (:func:`local_copy`).
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage
from django.utils.module_loading import import_string

from concord.imports.storage import CHUNK, relative_path

FOLDER_BACKEND = "django.core.files.storage.FileSystemStorage"


def documents_storage() -> Storage:
    """The storage originals are kept in (read from the settings on each call)."""
    backend = settings.CONCORD_DOCUMENTS_STORAGE or FOLDER_BACKEND
    if backend == FOLDER_BACKEND:
        return FileSystemStorage(location=settings.CONCORD_DOCUMENTS_DIR)
    storage: Storage = import_string(backend)()
    return storage


def folder_storage(folder: Path) -> Storage:
    """A storage over one folder (a dry run's scratch folder, the demo's store)."""
    return FileSystemStorage(location=folder)


def keep_original(source: Path, sha256: str, storage: Storage | None = None) -> str:
    """Keep ``source`` under its digest's name (once); return the name it is kept under.

    The same bytes are never kept twice. Should two processes keep the same new
    file at the same moment, the storage gives the second another name; both
    names hold the same bytes.
    """
    storage = storage or documents_storage()
    name = relative_path(sha256)
    if storage.exists(name):
        return name
    with open(source, "rb") as handle:
        return storage.save(name, File(handle, name=name))


def is_kept(name: str) -> bool:
    """Is a kept original still in the storage?"""
    return bool(name) and documents_storage().exists(name)


def open_original(name: str) -> File[bytes]:
    """The kept original, opened for reading (the caller closes it)."""
    return documents_storage().open(name, "rb")


@contextlib.contextmanager
def local_copy(name: str) -> Iterator[Path]:
    """A path on this machine holding the kept original, for as long as the block runs."""
    storage = documents_storage()
    if isinstance(storage, FileSystemStorage):
        yield Path(storage.path(name))
        return
    with tempfile.TemporaryDirectory(prefix="concord-original-") as folder:
        copy = Path(folder) / "original"
        with storage.open(name, "rb") as source, open(copy, "wb") as target:
            shutil.copyfileobj(source, target, CHUNK)
        yield copy


def forget_original(name: str) -> None:
    """Delete a kept original (when no document refers to it any more)."""
    storage = documents_storage()
    if name and storage.exists(name):
        storage.delete(name)
