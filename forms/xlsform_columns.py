"""The choices sheet's other columns: what a ``choice_filter`` reads (``state`` of a city).

A plain column (no language) whose header is a name of ours and not one XLSForm gives a
meaning of its own (media) becomes the choice's ``columns``; anything else stays ignored.
"""

from __future__ import annotations

from .validation import NAME
from .xlsform_sheets import Row, Sheet

_KNOWN = frozenset({"list_name", "name", "label", "media", "image", "audio", "video",
                    "big-image"})


def filter_columns(sheet: Sheet) -> frozenset[str]:
    """The fields of ``sheet`` read as choice columns."""
    return frozenset(column.field for column in sheet.columns
                     if column.language_text is None and column.field not in _KNOWN
                     and NAME.fullmatch(column.field))


def choice_columns(sheet: Sheet, row: Row) -> dict[str, str] | None:
    """The row's values in the filter columns, None when it has none."""
    fields = filter_columns(sheet)
    found = {column.field: row.cells[column.header] for column in sheet.columns
             if column.field in fields and column.header in row.cells}
    return found or None
