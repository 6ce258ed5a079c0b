"""Keeping original files, content-addressed by SHA-256, and the extractor's version.

A file's bytes are stored once under ``CONCORD_DOCUMENTS_DIR/ab/cdef…``
(the first two hex digits name a folder, so no folder grows past a few
thousand files). Writing is idempotent: the same bytes land at the same path.
No Django import here, so extraction worker processes stay light.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
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


def store_file(source: Path, sha256: str, root: Path) -> str:
    """Copy ``source`` into the store (if not there yet); return its relative path.

    Written to a temporary name and renamed, so a crash never leaves half a
    file under the final name.
    """
    rel = relative_path(sha256)
    target = root / rel
    if target.exists():
        return rel
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
            shutil.copyfileobj(src, out, CHUNK)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return rel


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A short fingerprint of the extraction library's source code.

    Any change to ``concord.ingest`` (a reader, a rule) gives a new version,
    so ``concord reextract`` knows which stored documents were read by an
    older extractor without anyone remembering to bump a number.
    """
    root = Path(__file__).resolve().parent.parent / "ingest"
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
