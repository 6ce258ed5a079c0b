"""Names of kept originals (content-addressed by SHA-256) and the extractor's version.

A file's bytes are kept once under ``ab/cdef…`` (the first two hex digits
name a folder, so no folder grows past a few thousand files) in the documents
storage (:mod:`concord.imports.originals`). No Django import here, so
extraction worker processes stay light.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

CHUNK = 1024 * 1024


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file, read in chunks (memory does not grow with the file).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"; _ = p.write_bytes(b"abc")
    >>> sha256_of(p)[:12]
    'ba7816bf8f01'
    """
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def relative_path(sha256: str) -> str:
    """Where a file with this digest is kept, relative to the documents folder.

    >>> relative_path("ba7816bf8f01cfea")
    'ba/7816bf8f01cfea'
    """
    return f"{sha256[:2]}/{sha256[2:]}"


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A short fingerprint of the extraction library's source code and models.

    Any change to ``concord.ingest`` (a reader, a rule, a retrained model's
    weights) gives a new version, so ``concord reextract`` knows which stored
    documents were read by an older extractor without anyone remembering to
    bump a number.
    """
    root = Path(__file__).resolve().parent.parent / "ingest"
    digest = hashlib.sha256()
    for path in sorted([*root.rglob("*.py"), *root.rglob("*.json")]):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
