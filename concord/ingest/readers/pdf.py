"""PDF reader (pdfplumber): the text layer, with ruled tables kept as rows."""

from __future__ import annotations

import io
import logging
from typing import Any

from concord.ingest import limits
from concord.ingest.errors import ExtractionError
from concord.ingest.readers.plain import parse_lines
from concord.ingest.text import Text

EXTENSIONS = (".pdf",)
MAX_PAGES = 2000


def read(data: bytes, name: str) -> Text:
    """Read a PDF's text layer; refuse scanned, encrypted or damaged files."""
    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF" not in data[:1024]:
        raise ExtractionError(f"{name}: not a PDF file")
    limits.check_pdf(data)
    # pdfminer logs every recoverable oddity as a warning; the CLI's stderr
    # must stay one line per failed document.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except MemoryError:
        raise
    except Exception as exc:
        if _encrypted(exc):
            raise ExtractionError(f"{name}: encrypted PDF (password protected)")
        raise ExtractionError(f"{name}: damaged PDF ({type(exc).__name__})")
    text = Text()
    chars = 0
    try:
        with pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise ExtractionError(f"{name}: too many pages ({len(pdf.pages)})")
            for page in pdf.pages:
                chars += len(page.chars)
                _read_page(page, text)
    except (ExtractionError, MemoryError):
        raise
    except Exception as exc:
        if _encrypted(exc):
            raise ExtractionError(f"{name}: encrypted PDF (password protected)")
        raise ExtractionError(f"{name}: damaged PDF ({type(exc).__name__})")
    if chars == 0 or text.is_empty():
        raise ExtractionError(f"{name}: PDF has no text layer (scanned PDF?)")
    return text


def _encrypted(exc: BaseException) -> bool:
    """Whether pdfminer refused the file for its encryption (pdfplumber wraps its errors)."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            return False
        if isinstance(seen, PDFPasswordIncorrect | PDFEncryptionError):
            return True
        words = str(seen).lower()
        if "password" in words or "encrypt" in words:
            return True
        inner = seen.args[0] if seen.args and isinstance(seen.args[0], BaseException) else None
        seen = seen.__cause__ or seen.__context__ or inner
    return False


def _read_page(page: Any, text: Text) -> None:
    tables = page.find_tables() if page.rects or page.lines else []
    tables = [t for t in tables if not _cuts_words(page, t)]
    boxes = [t.bbox for t in tables]

    def outside(obj: dict[str, Any]) -> bool:
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    body = page.filter(outside) if boxes else page
    entries: list[tuple[float, str, Any]] = []
    for line in body.extract_text_lines(return_chars=False, x_tolerance=1.5):
        entries.append((line["top"], "line", line))
    for table in tables:
        entries.append((table.bbox[1], "table", table))
    entries.sort(key=lambda e: e[0])
    last_bottom = None
    # The lines of one paragraph are read together, so that a sentence
    # wrapped at the page's width is joined again.
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            text.blocks.extend(parse_lines("\n".join(paragraph)).blocks)
            paragraph.clear()

    for _top, kind, obj in entries:
        if kind == "table":
            flush()
            for row in obj.extract():
                text.add_row([c or "" for c in row])
            last_bottom = obj.bbox[3]
            continue
        line = obj
        height = line["bottom"] - line["top"]
        # A gap of more than a line's height is a blank line in the source.
        if last_bottom is not None and line["top"] - last_bottom > max(height, 4) * 0.9:
            flush()
            text.add_blank()
        last_bottom = line["bottom"]
        paragraph.append(line["text"])
    flush()
    text.add_blank()


def _cuts_words(page: Any, table: Any) -> bool:
    """Whether a grid cuts through the words inside it: rules drawn beside or
    through text (a margin of minute numbers, a box round a paragraph) that
    pdfplumber takes for a table, whose cells would hold broken words."""
    edges = sorted({c[0] for c in table.cells} | {c[2] for c in table.cells})[1:-1]
    if not edges:
        return False
    try:
        words = page.within_bbox(table.bbox).extract_words()
    except ValueError:  # a grid reaching past the page
        return False
    cut = sum(1 for w in words if any(w["x0"] + 1 < x < w["x1"] - 1 for x in edges))
    return bool(words) and cut > len(words) // 10
