"""Tables in and out: a CSV or Excel (.xlsx) file read row by row, a table written as one.

The generic part of a spreadsheet import and export, for any register:
:func:`read_rows` yields ``(row number, cells)`` (row 1 is the header),
:class:`TableProblems` collects what is wrong with a file by row and column,
and :func:`write_table` writes a header and rows with every text cell
neutralised (:mod:`concord.lib.cells`). ``concord.performance.tabular.reading``
shares :func:`is_xlsx` but still reads rows its own way (a date-time cell
keeps its time, a CSV that is not UTF-8 raises ``UnicodeDecodeError``, which
its callers report); merging the two would change what its imports say.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from concord.lib.cells import csv_safe, csv_unquote, xlsx_cell

# A file with more problems than this reports the first ones and how many more.
MAX_REPORTED = 200


@dataclass(frozen=True)
class RowProblem:
    """One problem: the row number (1 is the header), the column and the reason."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"Row {self.row}" + (f", column “{self.column}”" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class TableProblems:
    """Everything wrong with one file; an import writes nothing unless it is empty."""

    problems: list[RowProblem] = field(default_factory=list)
    count: int = 0

    def add(self, row: int, column: str, message: str) -> None:
        self.count += 1
        if len(self.problems) < MAX_REPORTED:
            self.problems.append(RowProblem(row, column, message))

    def __bool__(self) -> bool:
        return self.count > 0

    def summary(self) -> str:
        more = self.count - len(self.problems)
        return f"Nothing imported: {self.count} problem(s)" + (
            f" (the first {len(self.problems)} are listed)." if more else "."
        )


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def is_xlsx(data: bytes, filename: str = "") -> bool:
    """Is this an Excel workbook (by its name or its zip signature)?"""
    return filename.lower().endswith(".xlsx") or data[:4] == b"PK\x03\x04"


def read_rows(data: bytes, filename: str = "") -> Iterator[tuple[int, list[str]]]:
    """Rows of a CSV or .xlsx file as ``(row number, cells)``; row 1 is the header.

    Blank rows are skipped (their numbers still count, as in a spreadsheet).
    Raises ``ValueError`` with a sentence for a file that is neither.

    >>> list(read_rows(b"name,value\\n\\n'=1+1,2\\n"))
    [(1, ['name', 'value']), (3, ['=1+1', '2'])]
    """
    if is_xlsx(data, filename):
        from openpyxl import load_workbook

        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # BadZipFile, KeyError, InvalidFileException…: not a workbook
            raise ValueError(
                "it is not an Excel .xlsx workbook (save it as .xlsx or CSV and upload it again)"
            ) from exc
        try:
            for number, row in enumerate(book.worksheets[0].iter_rows(values_only=True), 1):
                cells = [_text(v) for v in row]
                if any(cells):
                    yield number, cells
        finally:
            book.close()
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError("it is not a UTF-8 CSV file or an .xlsx workbook") from exc
    if "\x00" in text:
        raise ValueError("it is not a CSV file (it contains NUL characters)")
    try:
        for number, row in enumerate(csv.reader(io.StringIO(text, newline="")), 1):
            # Concord's own exports quote formula-like text (csv_safe): read it back as written.
            cells = [csv_unquote(c.strip()) for c in row]
            if any(cells):
                yield number, cells
    except csv.Error as exc:
        raise ValueError(f"it is not a readable CSV file ({exc})") from exc


def _plain(value: object) -> object:
    """A value as a spreadsheet should hold it: money as a number, a list as text."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def write_table(header: Iterable[str], rows: Iterable[Iterable[object]], fmt: str) -> bytes:
    """A table as CSV (UTF-8) or .xlsx bytes, every text cell shown and never run."""
    if fmt == "csv":
        out = io.StringIO(newline="")
        writer = csv.writer(out)
        writer.writerow([csv_safe(h) for h in header])
        for row in rows:
            cells = []
            for value in row:
                value = _plain(value)
                number = isinstance(value, (int, float)) and not isinstance(value, bool)
                cells.append(value if number else csv_safe(value))
            writer.writerow(cells)
        return out.getvalue().encode("utf-8")
    if fmt == "xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("register")
        sheet.append([xlsx_cell(sheet, h) for h in header])
        for row in rows:
            sheet.append([xlsx_cell(sheet, _plain(v)) for v in row])
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()
    raise ValueError(f"unknown format {fmt!r}: csv or xlsx")
