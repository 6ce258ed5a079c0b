"""Spreadsheet cells that are shown, never run: the one helper for every CSV and .xlsx export.

Text in an export can come from anyone who may type a note or import a file.
A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is run as a formula by Excel and LibreOffice (``=HYPERLINK(...)``
sends the reader's data elsewhere), so every exported *text* cell goes
through :func:`csv_safe` (CSV) or :func:`xlsx_cell` (.xlsx). Numbers and
dates are left as they are: ``-3.5`` is a value, not a formula.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

# A cell starting with one of these is run as a formula by spreadsheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: object) -> str:
    """A cell as text that a spreadsheet will show, never evaluate.

    >>> csv_safe("=HYPERLINK(\\"http://evil\\")")
    '\\'=HYPERLINK("http://evil")'
    >>> csv_safe(None), csv_safe(12)
    ('', '12')
    """
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def csv_value(value: object) -> object:
    """A CSV cell: numbers as themselves, everything else through :func:`csv_safe`.

    >>> csv_value(-3.5), csv_value("-3.5"), csv_value(None)
    (-3.5, "'-3.5", '')
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return csv_safe(value)


def csv_unquote(text: str) -> str:
    """Undo :func:`csv_safe` when reading back a file Concord wrote.

    >>> csv_unquote("'=1+1"), csv_unquote("'tis"), csv_unquote("-2")
    ('=1+1', "'tis", '-2')
    """
    if text.startswith("'") and text[1:].startswith(FORMULA_PREFIXES):
        return text[1:]
    return text


def xlsx_cell(sheet: Any, value: object) -> Any:
    """A write-only .xlsx cell: text stored as text (never a formula), numbers as numbers.

    openpyxl turns any string starting with ``=`` into a formula; here text is
    forced to the string type and, when it looks like a formula, given Excel's
    quote prefix so that editing the cell keeps it text.
    """
    from openpyxl.cell import WriteOnlyCell

    if value is None:
        return WriteOnlyCell(sheet, value=None)
    if isinstance(value, (int, float, dt.date)) and not isinstance(value, bool):
        return WriteOnlyCell(sheet, value=value)
    text = str(value)
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"
    if text.startswith(FORMULA_PREFIXES):
        cell.quotePrefix = True
    return cell
