"""A line classifier trained on invented minutes (see ``docs/ingest.md``)."""
