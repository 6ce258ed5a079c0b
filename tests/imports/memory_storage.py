"""A Django storage with no folder behind it (as object storage has none), for the tests.

Every instance shares one in-memory tree, as every process shares a bucket;
:func:`empty` clears it.
"""

from __future__ import annotations

from django.core.files.storage import InMemoryStorage
from django.core.files.storage.memory import InMemoryDirNode


class SharedMemoryStorage(InMemoryStorage):
    root = InMemoryDirNode()

    def __init__(self) -> None:
        super().__init__()
        self._root = SharedMemoryStorage.root


def empty() -> None:
    SharedMemoryStorage.root = InMemoryDirNode()
