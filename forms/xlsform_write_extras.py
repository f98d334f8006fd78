"""The extras in a written XLSForm: metadata rows first, ``appearance`` and ``parameters``, and a
repeat's ``repeat_count`` and ``sipas_repeat_max`` (ours: XLSForm has no most instances).

A pass over the survey sheet ``forms.xlsform_write`` has filled: its rows follow the
definition (a begin group per section, its questions, an end group), so the row of each
section and question is known without reading the sheet back.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from .definition import Definition, Question, Section
from .xlsform_export_names import export_names
from .xlsform_expressions import to_xlsform

NATIVE_TYPES = frozenset({"acknowledge", "trigger"})
"""Types with built-in choices that XLSForm has as types of its own (no carrier list)."""


def _parameters(item: Section | Question | None) -> str | None:
    if not isinstance(item, Question) or not item.parameters:
        return None
    return " ".join(f"{key}={number}" for key, number in item.parameters)


def _rows(definition: Definition) -> list[Section | Question | None]:
    """What each survey row below the header writes (None: an end group)."""
    rows: list[Section | Question | None] = []
    for section in definition.sections:
        rows += [section, *section.questions, None]
    return rows


def write_extras(sheet: Worksheet, definition: Definition) -> None:
    """Add the appearance and parameters columns (when some row has one), then the metadata."""
    rows = _rows(definition)
    names = export_names(definition)
    sections = [item if isinstance(item, Section) else None for item in rows]
    columns: dict[str, list[str | int | None]] = {"appearance": [getattr(item, "appearance", None) for item in rows],
               "parameters": [_parameters(item) for item in rows],
               "repeat_count": [to_xlsform(s.repeat_count.source, names) if s and s.repeat_count else None
                                for s in sections],
               "sipas_repeat_max": [s.repeat_max if s else None for s in sections]}
    for header, values in columns.items():
        if any(values):
            _column(sheet, header, values)
    if definition.metadata:
        sheet.insert_rows(2, len(definition.metadata))
        for offset, (name, kind) in enumerate(definition.metadata, start=2):
            sheet.cell(offset, 1, kind)
            sheet.cell(offset, 2, name)


def _column(sheet: Worksheet, header: str, values: list[str | int | None]) -> None:
    index = sheet.max_column + 1
    sheet.cell(1, index, header)
    for row, text in enumerate(values, start=2):
        if text is not None:
            sheet.cell(row, index, text)
