"""The one exception the ingest library raises for documents it cannot read."""

from __future__ import annotations


class ExtractionError(Exception):
    """A document could not be read; ``str(error)`` is a one-line human reason.

    Every reader and the extractor convert their failures into this class so
    that callers (the CLI, the Django import task) need exactly one ``except``.

    >>> str(ExtractionError("empty file"))
    'empty file'
    """

    def __init__(self, message: str) -> None:
        # Keep the message on one line: it is printed as-is on stderr and
        # stored beside the document in the database.
        super().__init__(" ".join(str(message).split()))
