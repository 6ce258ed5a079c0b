"""Fixtures for the importer's tests: a private document store and file writers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.ingest.builders import Spec, to_docx, to_html, to_pdf, to_txt


@pytest.fixture(autouse=True)
def document_store(settings, tmp_path: Path) -> Path:
    settings.CONCORD_DOCUMENTS_DIR = tmp_path / "store"
    return settings.CONCORD_DOCUMENTS_DIR


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """``write(spec, "name.ext")``: the invented minutes as a real file of that format."""
    folder = tmp_path / "in"
    folder.mkdir()

    def _write(spec: Spec, name: str) -> Path:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        ext = path.suffix
        if ext == ".docx":
            to_docx(spec, path)
        elif ext == ".pdf":
            to_pdf(spec, path)
        elif ext in (".html", ".htm"):
            path.write_text(to_html(spec), encoding="utf-8")
        else:
            path.write_text(to_txt(spec), encoding="utf-8")
        return path

    _write.folder = folder  # type: ignore[attr-defined]
    return _write
