"""Reading the sheets of an XLSForm workbook into plain rows, and naming the languages.

A header such as ``label::Vietnamese (vi)`` is split into its field (``label``) and its
language (``vi``); ``label::vi`` and ``label::Vietnamese`` are understood too. Cells become
text (numbers ``1`` and ``1.0`` both read ``'1'``) or None when empty.
"""

from __future__ import annotations

import datetime
import io
import re
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from .xlsform_bounds import MAX_COLUMNS, MAX_ROWS, READ_SHEETS, Unreadable, check_archive
from .xlsform_xls import OLE_MAGIC, xls_rows

_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
_NAMED_LANGUAGE = re.compile(r"(?P<name>.*?)\s*\((?P<code>[^()]*)\)\s*")
LANGUAGE_NAMES = {
    "vi": "Vietnamese", "en": "English", "fr": "French", "zh": "Chinese", "km": "Khmer",
    "lo": "Lao", "th": "Thai", "ko": "Korean", "ja": "Japanese", "ar": "Arabic",
    "es": "Spanish", "pt": "Portuguese", "ru": "Russian", "de": "German", "sw": "Swahili",
    "am": "Amharic", "so": "Somali", "ha": "Hausa", "yo": "Yoruba", "ig": "Igbo",
    "rw": "Kinyarwanda", "hi": "Hindi", "bn": "Bengali", "ur": "Urdu", "ne": "Nepali",
    "my": "Burmese", "id": "Indonesian", "ms": "Malay", "tl": "Tagalog", "tet": "Tetun",
    "fa": "Persian", "ps": "Pashto", "tr": "Turkish", "uk": "Ukrainian",
}
"""Codes -> English names, for headers written ``label::Vietnamese (vi)`` both ways; the
names are those XLSForms in the field write alone (``label::Swahili``, ``label::Tetun``)."""
_CODES_BY_NAME = {name.lower(): code for code, name in LANGUAGE_NAMES.items()} | {
    "tiếng việt": "vi", "tieng viet": "vi", "français": "fr", "español": "es",
    "kiswahili": "sw", "العربية": "ar", "中文": "zh"}

_ALIASES = {"list name": "list_name", "sipas_form_title": "form_title",
            "sipas_description": "description", "relevance": "relevant",
            "bind:relevant": "relevant", "bind:constraint": "constraint",
            "bind:required": "required", "bind:jr:constraintmsg": "constraint_message",
            "jr:constraintmsg": "constraint_message", "constraining_message": "constraint_message",
            "caption": "label", "value": "name", "set_form_id": "form_id",
            "set_form_title": "form_title", "jr:count": "repeat_count", "control::jr:count": "repeat_count"}
"""Other spellings of a field: pyxform's (``relevance``, the formhub dialect's ``bind:…``,
``value`` for a choice's name) and ours. pyxform fails on a translated ``form_title``
column, so write_xlsform writes the title's other languages as
``sipas_form_title::English (en)``."""
_SETTINGS_ALIASES = {"id_string": "form_id", "title": "form_title"}
"""pyxform's own names of settings' form_id and form_title, which it reads there too."""
_ONE_COLON_FIELDS = frozenset({"label", "hint", "constraint_message", "caption"})
"""Fields whose language older XLSForms write after a single colon (``label:English``)."""


class NotAWorkbook(Exception):
    """The bytes are not an .xlsx workbook openpyxl can read; ``str()`` says why."""


@dataclass(frozen=True)
class Column:
    """One column of a sheet: its header as written, field and (for texts) language."""

    header: str
    field: str
    language_text: str | None = None
    """What follows ``::`` in the header (``Vietnamese (vi)``), None for plain columns."""


@dataclass
class Row:
    """A spreadsheet row: its 1-based number and its non-empty cells by column header."""

    number: int
    cells: dict[str, str] = field(default_factory=dict)


@dataclass
class Sheet:
    name: str
    columns: list[Column]
    rows: list[Row]

    def column(self, name: str) -> Column | None:
        """The plain (untranslated) column for field ``name``."""
        return self._plain.get(name)

    @cached_property
    def _plain(self) -> dict[str, Column]:
        found: dict[str, Column] = {}
        for column in self.columns:
            if column.language_text is None:
                found.setdefault(column.field, column)
        return found


def read_sheets(data: bytes) -> dict[str, Sheet]:
    """Sheet name (lower case) -> Sheet; raises NotAWorkbook, or TooLarge (see
    ``forms.xlsform_bounds``) before parsing a workbook that would take too long to read."""
    if data[:4] == OLE_MAGIC:
        return _read_xls(data)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise NotAWorkbook("the file is not an .xlsx workbook")
    _check(data)
    with warnings.catch_warnings():
        # openpyxl warns of styles and document properties it cannot read; we read neither.
        warnings.simplefilter("ignore", UserWarning)
        return _read(data)


def _read(data: bytes) -> dict[str, Sheet]:
    """The sheets of a workbook whose archive passed its bounds; raises NotAWorkbook."""
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    # openpyxl fails on damaged files with many kinds of error (zip, XML, KeyError, ...);
    # whatever it is, the answer to the user is the same.
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError,
            OSError, IndexError, AttributeError, SyntaxError) as error:
        raise NotAWorkbook(f"the workbook cannot be read ({type(error).__name__})") from None
    try:
        names = (ws.title.strip().lower() for ws in book.worksheets)
        return {name: _sheet(name, ws) for name, ws in zip(names, book.worksheets, strict=True)}
    except (KeyError, ValueError, TypeError, zipfile.BadZipFile, OSError,
            SyntaxError) as error:
        raise NotAWorkbook(f"a sheet cannot be read ({type(error).__name__})") from None
    finally:
        book.close()


def _read_xls(data: bytes) -> dict[str, Sheet]:
    """The sheets of an old .xls workbook (``forms.xlsform_xls`` keeps the same bounds)."""
    try:
        found = xls_rows(data)
    except Unreadable as error:
        raise NotAWorkbook(f"the .xls workbook cannot be read ({error})") from None
    return {name: _rows_sheet(name, iter(rows)) for name, rows in found.items()}


def _check(data: bytes) -> None:
    """The archive's bounds, checked before openpyxl parses it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_archive(archive)
    except Unreadable as error:
        raise NotAWorkbook(f"the workbook cannot be read ({error})") from None
    # A member zipfile cannot unpack: damaged, encrypted, compressed in an unknown way.
    except (zipfile.BadZipFile, EOFError, RuntimeError, NotImplementedError, OSError) as error:
        raise NotAWorkbook(f"the workbook cannot be read ({type(error).__name__})") from None


def _sheet(name: str, worksheet: Any) -> Sheet:
    """The sheet's rows; read no further than MAX_ROWS after the header, past which
    check_archive found no value (empty rows, styled or not, may follow: never parsed).
    A sheet we do not use is read to its header only, however long it is."""
    last = MAX_ROWS + 1 if name in READ_SHEETS else 1
    return _rows_sheet(name, worksheet.iter_rows(values_only=True, max_col=MAX_COLUMNS,
                                                 max_row=last))


def _rows_sheet(name: str, rows: Iterator[Sequence[Any]]) -> Sheet:
    """A sheet of the rows' values, the header first; empty rows are left out."""
    header = next(rows, None) or ()
    columns = [_column(text(value) or "", name) for value in header]
    sheet = Sheet(name, columns, [])
    for number, values in enumerate(rows, start=2):
        # Not strict: a row need not be as wide as the header; only cells under a heading count.
        cells = ((column.header, text(v)) for column, v in zip(columns, values, strict=False) if column.header)
        row = Row(number, {header: found for header, found in cells if found is not None})
        if row.cells:
            sheet.rows.append(row)
    return sheet


def _column(header: str, sheet: str) -> Column:
    field, separator, language = header.partition("::")
    field = " ".join(field.split()).lower()
    if sheet == "settings":
        field = _SETTINGS_ALIASES.get(field, field)
    if not separator and field not in _ALIASES:
        before, colon, after = field.partition(":")
        if colon and before in _ONE_COLON_FIELDS and after.strip():
            field, separator, language = before, colon, header.partition(":")[2]
    field = _ALIASES.get(field, field)
    return Column(header, field, language.strip() if separator else None)


def text(value: Any) -> str | None:
    """A cell as text, None when empty."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (datetime.datetime, datetime.date)):
        value = value.isoformat()
    result = str(value)
    return result if result.strip() else None


def language_code(language_text: str) -> str | None:
    """``'Vietnamese (vi)'``, ``'vi'``, ``'Vietnamese'`` -> ``'vi'``; None if unknown."""
    named = _NAMED_LANGUAGE.fullmatch(language_text)
    if named is not None:
        code = named.group("code").strip().lower()  # 'English (EN)' is written too
        return code if _LANGUAGE_CODE.fullmatch(code) else None
    if _LANGUAGE_CODE.fullmatch(language_text):
        return language_text
    return _CODES_BY_NAME.get(language_text.lower())


def language_header(code: str) -> str:
    """``'vi'`` -> ``'Vietnamese (vi)'``, the way XLSForm tools write it."""
    return f"{LANGUAGE_NAMES.get(code, code)} ({code})"

