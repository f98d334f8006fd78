"""Reading an old binary .xls workbook (Excel 97-2003, what pyxform's own examples still use).

xlrd turns every cell of a sheet into Python objects as it loads it, so the bounds of the
.xlsx reader (``forms.xlsform_bounds``) are kept here too: the file's size before xlrd sees
it, then each sheet's rows, columns and filled cells before a value is taken. A sheet we do
not use is read to its header only. xlrd fails on damaged files with many kinds of error;
each is Unreadable, whatever it is.
"""

from __future__ import annotations

import struct
from typing import Any

import xlrd
from xlrd.compdoc import CompDocError

from .xlsform_bounds import MAX_CELLS, MAX_COLUMNS, MAX_ROWS, MAX_UNPACKED_MEGABYTES, READ_SHEETS, TooLarge, Unreadable

OLE_MAGIC = b"\xd0\xcf\x11\xe0"
"""How an .xls file (an OLE compound document) begins."""
_BROKEN = (xlrd.XLRDError, CompDocError, struct.error, AssertionError, EOFError, IndexError,
           KeyError, TypeError, ValueError, UnicodeDecodeError, OverflowError)


def xls_rows(data: bytes) -> dict[str, list[list[Any]]]:
    """Sheet name (lower case) -> its rows of cell values, the header first; raises TooLarge
    at the first bound the workbook exceeds, Unreadable when xlrd cannot read it."""
    if len(data) > MAX_UNPACKED_MEGABYTES * 1024 * 1024:
        raise TooLarge("workbook_too_large", detail=f"more than {MAX_UNPACKED_MEGABYTES} MB")
    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True)
        try:
            return _sheets(book)
        finally:
            book.release_resources()
    except _BROKEN as error:
        raise Unreadable(type(error).__name__) from None


def _sheets(book: Any) -> dict[str, list[list[Any]]]:
    sheets, cells = {}, 0
    for index, name in enumerate(book.sheet_names()):
        sheet = book.sheet_by_index(index)
        name = name.strip().lower()
        last = MAX_ROWS + 1 if name in READ_SHEETS else 1
        _check_size(sheet, name, last)
        rows = [[_value(book, cell) for cell in sheet.row(number)[:MAX_COLUMNS]]
                for number in range(min(sheet.nrows, last))]
        cells += sum(value is not None for row in rows for value in row)
        if cells > MAX_CELLS:
            raise TooLarge("too_many_cells", limit=MAX_CELLS)
        sheets[name] = rows
    return sheets


def _check_size(sheet: Any, name: str, last: int) -> None:
    """Values below row ``last`` of a read sheet, or past MAX_COLUMNS, refuse the workbook."""
    if name in READ_SHEETS and any(_filled(sheet.row_values(n)) for n in range(last, sheet.nrows)):
        raise TooLarge("too_many_rows", name, limit=MAX_ROWS)
    if any(_filled(sheet.row_values(n, MAX_COLUMNS)) for n in range(min(sheet.nrows, last))):
        raise TooLarge("too_many_columns", name, limit=MAX_COLUMNS)


def _filled(values: list[Any]) -> bool:
    return any(value not in ("", None) for value in values)


def _value(book: Any, cell: Any) -> Any:
    """A cell as the .xlsx reader gives it: text, number, bool, datetime, or None."""
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if cell.ctype == xlrd.XL_CELL_DATE:
        return xlrd.xldate_as_datetime(cell.value, book.datemode)
    return cell.value
