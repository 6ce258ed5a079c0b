"""Legacy Word (.doc), RTF and OpenDocument (.odt) via LibreOffice.

LibreOffice converts the file to .docx in a temporary folder, which the
.docx reader then reads.  Without ``soffice`` on the PATH these formats are
refused with a message naming the formats that work without it.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import tempfile
from pathlib import Path

from concord.ingest import limits
from concord.ingest.errors import ExtractionError
from concord.ingest.text import Text

EXTENSIONS = (".doc", ".rtf", ".odt")
TIMEOUT_SECONDS = 120


def read(data: bytes, name: str) -> Text:
    """Convert with ``soffice --headless --convert-to docx`` and read the result."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    suffix = Path(name).suffix.lower() or ".doc"
    if soffice is None:
        raise ExtractionError(
            f"{name}: {suffix} needs LibreOffice (soffice), which is not installed; "
            "supported without it: text, Markdown, reST, wiki and Org files, .html, .docx, .pdf"
        )
    if suffix == ".odt":
        limits.check_zip(data, name)
    with tempfile.TemporaryDirectory(prefix="concord-soffice-") as tmp:
        src = Path(tmp) / f"input{suffix}"
        src.write_bytes(data)
        try:
            subprocess.run(
                [
                    soffice,
                    "--headless",
                    # A private profile: a desktop LibreOffice already running
                    # would otherwise swallow the conversion request.
                    f"-env:UserInstallation=file://{tmp}/profile",
                    "--convert-to",
                    "docx",
                    "--outdir",
                    tmp,
                    str(src),
                ],
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
                preexec_fn=_lift_memory_limit,  # the reading process has one thread
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise ExtractionError(f"{name}: LibreOffice conversion timed out")
        out = Path(tmp) / "input.docx"
        if not out.exists():
            raise ExtractionError(f"{name}: LibreOffice could not convert this {suffix} file")
        from concord.ingest.readers import docx

        return docx.read(out.read_bytes(), name)


def _lift_memory_limit() -> None:
    """Give LibreOffice back the address space the guarded reading process gave up.

    The reading process lowers its own soft ``RLIMIT_AS`` (see
    ``concord.imports.guard``); LibreOffice maps well over a gigabyte of
    address space just to start, and is bounded by its own time limit.
    """
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))
