"""Turning XLSForm sheets into our definition document, remembering each value's cell.

``build(sheets)`` returns a ``Draft``: the document (the same shape our YAML gives, to be
checked by the same validation pipeline), the cell of every path in it (so that a problem
the pipeline finds at ``sections[1].questions[3].type`` is told as ``survey row 12,
column type``), and the notices found while reading: problems, and things skipped.
The survey sheet itself is walked by ``forms.xlsform_survey``.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Any

from .loader import Path
from .xlsform_bounds import READ_SHEETS
from .xlsform_columns import choice_columns, filter_columns
from .xlsform_names import choice_value, form_id, list_key
from .xlsform_sheets import Row, Sheet, language_code

SHEET_ORDER = ("survey", "choices", "settings")
TEXT_FIELDS = ("label", "hint", "constraint_message")
CHOICE_FIELDS = frozenset({"list_name", "name", "label"})
SETTINGS_FIELDS = frozenset({"form_id", "form_title", "description", "default_language",
                             "version"})


@dataclass(frozen=True)
class Cell:
    """Where a value sits: sheet, 1-based row (None: the whole sheet), column header."""

    sheet: str
    row: int | None = None
    column: str | None = None


@dataclass(frozen=True)
class Notice:
    """A problem (``fatal``) or a skipped item found while reading the sheets."""

    code: str
    cell: Cell
    value: Any = None
    params: dict[str, Any] = field(default_factory=dict)
    fatal: bool = False


@dataclass
class Draft:
    """What reading the sheets gives; ``document`` still has to pass validation."""

    sheets: dict[str, Sheet]
    document: dict[str, Any] = field(default_factory=dict)
    cells: dict[Path, Cell] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    language_of: dict[tuple[str, str], str] = field(default_factory=dict)
    """(sheet, header) -> language code of each text column."""
    claimed: dict[tuple[str, str, str], str] = field(default_factory=dict)
    """(sheet, field, language) -> the header of the column holding it."""
    ignored: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    """(sheet, header) -> rows with a value in a column we do not read."""
    fallbacks: dict[tuple[str, str, str], list[int]] = field(default_factory=dict)
    """(sheet, field, language) -> rows whose text lacks that language (the default's shown)."""
    file_name: str = ""
    """The workbook's file name, when known: the form's id and title when settings lack them."""

    def notice(self, code: str, cell: Cell, value: Any = None, *, fatal: bool = False,
               **params: Any) -> None:
        self.notices.append(Notice(code, cell, value, params, fatal))

    def texts(self, sheet: Sheet, row: Row, name: str, path: Path) -> dict[str, str] | None:
        """The texts of field ``name`` per language (None if it has none); notes the cells."""
        result: dict[str, str] = {}
        for column in (c for c in sheet.columns if c.field == name):
            language = self.language_of.get((sheet.name, column.header))
            if language is None:
                continue
            self.cells.setdefault((*path, language), Cell(sheet.name, row.number, column.header))
            self.cells.setdefault(path, Cell(sheet.name, row.number, column.header))
            if column.header in row.cells:
                result.setdefault(language, row.cells[column.header])
        return self._complete(result, sheet.name, name, row.number) if result else None

    def _complete(self, texts: dict[str, str], sheet: str, name: str,
                  row: int) -> dict[str, str]:
        """Every language of the form: a missing one shows the default language's text
        (or the first written), as ODK does; noted per column by ``report_ignored``."""
        for language in (code for code in self.languages if code not in texts):
            texts[language] = texts.get(self.languages[0]) or next(iter(texts.values()))
            self.fallbacks.setdefault((sheet, name, language), []).append(row)
        return texts

    def put(self, target: dict[str, Any], key: str, value: Any, cell: Cell,
            path: Path) -> None:
        """Set an optional field when it has a value, noting its cell."""
        self.cells.setdefault((*path, key), cell)
        if value is not None:
            target[key] = value


def cell_of(sheet: Sheet, row: Row, name: str) -> Cell:
    """The cell of plain field ``name`` in ``row`` (column named as the field if absent)."""
    column = sheet.column(name)
    return Cell(sheet.name, row.number, column.header if column else name)


def value(sheet: Sheet, row: Row, name: str) -> str | None:
    """The stripped value of plain field ``name`` in ``row``."""
    column = sheet.column(name)
    found = row.cells.get(column.header) if column else None
    return found.strip() if found is not None else None


# --- languages ---------------------------------------------------------------------


def resolve_languages(draft: Draft) -> None:
    """Name the language of every text column; the form's languages are the label's."""
    default = _default_language(draft)
    for sheet in (s for s in draft.sheets.values() if s.name in READ_SHEETS):
        for column in sheet.columns:
            if column.field not in (*TEXT_FIELDS, "form_title", "description"):
                continue
            code = default if column.language_text is None else language_code(
                column.language_text)
            if code is None:
                draft.notice("unknown_language_column", Cell(sheet.name, 1, column.header),
                             column.header, fatal=True)
            elif _claim(draft, sheet, column.header, column.field, code):
                draft.language_of[(sheet.name, column.header)] = code
    labels = [code for (sheet, _), code in draft.language_of.items() if sheet == "survey"
              and _is_label(draft, _)]
    ordered = sorted(dict.fromkeys(labels), key=lambda code: code != default)
    draft.languages = ordered or [default]


def _is_label(draft: Draft, header: str) -> bool:
    return any(c.header == header and c.field == "label" for c in draft.sheets["survey"].columns)


def _claim(draft: Draft, sheet: Sheet, header: str, name: str, code: str) -> bool:
    """Whether no earlier column of the sheet holds ``name`` in ``code`` (reported if one does)."""
    first = draft.claimed.setdefault((sheet.name, name, code), header)
    if first != header:
        draft.notice("duplicate_column", Cell(sheet.name, 1, header), header, fatal=True,
                     first=first)
    return first == header


def _default_language(draft: Draft) -> str:
    """settings.default_language; else, when every label column names its language, the
    first one's; else vi (the language of a plain ``label`` column)."""
    settings = draft.sheets.get("settings")
    written = value(settings, settings.rows[0], "default_language") if settings and settings.rows else None
    if settings is not None and written is not None:
        code = language_code(written)
        if code is not None:
            return code
        draft.notice("unknown_language_column", cell_of(settings, settings.rows[0], "default_language"),
                     written, fatal=True)
    survey = draft.sheets["survey"]
    labels = [c for c in survey.columns if c.field == "label"]
    if labels and all(c.language_text is not None for c in labels):
        return language_code(labels[0].language_text or "") or "vi"
    return "vi"


# --- choices and settings ----------------------------------------------------------


def build_choices(draft: Draft) -> dict[str, list[dict[str, Any]]]:
    """The choice lists, in sheet order (a list written in two runs is joined)."""
    sheet = draft.sheets.get("choices")
    lists: dict[str, list[dict[str, Any]]] = {}
    if sheet is None:
        return lists
    for row in sheet.rows:
        name = value(sheet, row, "list_name")
        if name is None:  # pyxform leaves such a row out too
            draft.notice("unlisted_choice", cell_of(sheet, row, "list_name"),
                         ", ".join(row.cells.values()))
            continue
        name = list_key(name)
        options = lists.setdefault(name, [])
        draft.cells.setdefault(("choices", name), cell_of(sheet, row, "list_name"))
        _choice(draft, sheet, row, ("choices", name, len(options)), options)
        note_ignored(draft, sheet, row, CHOICE_FIELDS | filter_columns(sheet))
    return lists


def _choice(draft: Draft, sheet: Sheet, row: Row, path: Path,
            options: list[dict[str, Any]]) -> None:
    option: dict[str, Any] = {}
    draft.cells[path] = Cell(sheet.name, row.number)
    written = value(sheet, row, "name")
    ours = None if written is None else choice_value(written)
    if ours != written:
        draft.notice("renamed_choice", cell_of(sheet, row, "name"), written, key=ours)
    draft.put(option, "value", ours, cell_of(sheet, row, "name"), path)
    label = draft.texts(sheet, row, "label", (*path, "label"))
    if label is None and written is not None:
        draft.notice("missing_label", cell_of(sheet, row, "label"), written)
        label = dict.fromkeys(draft.languages, written)
    draft.put(option, "label", label, cell_of(sheet, row, "label"), path)
    draft.put(option, "columns", choice_columns(sheet, row), Cell(sheet.name, row.number), path)
    options.append(option)


def build_form(draft: Draft) -> dict[str, Any]:
    """The ``form`` header from the settings sheet (its first row)."""
    sheet = draft.sheets.get("settings") or Sheet("settings", [], [])
    row = sheet.rows[0] if sheet.rows else Row(2)
    form: dict[str, Any] = {"languages": list(draft.languages)}
    path = ("form",)
    draft.cells[path] = Cell("settings", row.number)
    draft.put(form, "id", _form_id(draft, sheet, row), cell_of(sheet, row, "form_id"), path)
    draft.cells[("form", "title")] = cell_of(sheet, row, "form_title")
    title = draft.texts(sheet, row, "form_title", ("form", "title")) or _default_title(
        draft, form["id"])
    draft.put(form, "title", title, draft.cells[("form", "title")], path)
    draft.put(form, "description", draft.texts(sheet, row, "description",
                                                ("form", "description")),
              Cell("settings", row.number, "description"), path)
    draft.cells[("form", "languages")] = Cell("survey", 1, "label")
    note_ignored(draft, sheet, row, SETTINGS_FIELDS)
    return form


def _form_id(draft: Draft, sheet: Sheet, row: Row) -> str:
    """settings' form_id made an id we take; else the file's name (pyxform's default)."""
    written = value(sheet, row, "form_id")
    ours = form_id(written or _stem(draft.file_name) or "form")
    if ours != written:
        draft.notice("default_form_id", _settings_cell(sheet, row, "form_id"), written, key=ours)
    return ours


def _settings_cell(sheet: Sheet, row: Row, name: str) -> Cell:
    """The settings' cell of ``name``; without a settings row, its column alone (no row to name)."""
    cell = cell_of(sheet, row, name)
    return cell if sheet.rows else Cell(cell.sheet, None, cell.column)


def _default_title(draft: Draft, form_id: str) -> dict[str, str]:
    """The file's name, as pyxform titles a form without form_title; else the first label
    of the survey sheet; else the form's id."""
    survey = draft.sheets["survey"]
    labels = [c.header for c in survey.columns if c.field == "label"]
    first = next((row.cells[h].strip() for row in survey.rows for h in labels
                  if h in row.cells), None)
    title = _stem(draft.file_name) or first or form_id
    settings = draft.sheets.get("settings") or Sheet("settings", [], [])
    draft.notice("default_title", _settings_cell(settings, Row(2), "form_title"), title)
    return dict.fromkeys(draft.languages, title)


def _stem(file_name: str) -> str:
    """``'dir/MCH v1.xlsx'`` -> ``'MCH v1'``."""
    return posixpath.splitext(posixpath.basename(file_name.replace("\\", "/")))[0]


# --- columns we do not read --------------------------------------------------------


def note_ignored(draft: Draft, sheet: Sheet, row: Row, known: frozenset[str]) -> None:
    """Note the row's values in columns we do not read (reported once per column)."""
    for column in sheet.columns:
        if column.header in row.cells and column.field not in known:
            draft.ignored.setdefault((sheet.name, column.header), []).append(row.number)


def report_ignored(draft: Draft) -> None:
    """One skipped notice per ignored column: its first row and how many values it had."""
    for (sheet, header), rows in draft.ignored.items():
        draft.notice("ignored_column", Cell(sheet, rows[0], header), header, count=len(rows))
    for (sheet, name, language), rows in draft.fallbacks.items():
        header = draft.claimed.get((sheet, name, language), name)
        draft.notice("translation_fallback", Cell(sheet, rows[0], header), language,
                     field=name, count=len(rows), default=draft.languages[0])
