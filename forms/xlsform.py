"""Questionnaires as XLSForm workbooks (survey, choices and settings sheets), both ways.

``read_xlsform(data)`` reads a workbook into our definition, checked by the same
validation pipeline as our YAML; ``read_definition(name, data)`` reads either format, so
that the admin pages and the CLI share one entry point. Neither ever raises on bad input:
everything wrong is in ``Imported.problems``, and what we cannot represent (geopoint,
repeats, unsupported functions, ...) is left out and listed in ``Imported.skipped``, each
with its sheet, row, column and a coded message. ``write_xlsform`` is in
``forms.xlsform_write``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from . import import_titles
from . import validation as v
from .definition import Definition, assemble
from .errors import CATALOGUE, SHOWN_PARAM, DefinitionError, Problem, fill, shorten
from .loader import Path, load_yaml
from .pipeline import STEPS, validate
from .xlsform_bounds import TooLarge
from .xlsform_document import SHEET_ORDER, Cell, Draft, build_choices, build_form, report_ignored, resolve_languages
from .xlsform_extras import add_other_lists
from .xlsform_sheets import NotAWorkbook, language_header, read_sheets
from .xlsform_survey import SurveyWalk

XLSFORM_CATALOGUE: dict[str, str] = {
    "not_a_workbook": "not an XLSForm workbook: {detail}",
    "missing_sheet": "the workbook has no {value!r} sheet{detail}",
    "missing_column": "the {sheet} sheet has no {value!r} column",
    "too_many_rows": (
        "the {sheet} sheet has more than {limit} rows below its header (empty rows at its end "
        "aside); nothing was read"),
    "too_many_columns": "the {sheet} sheet has values past column {limit}; nothing was read",
    "too_many_cells": "the workbook has more than {limit:,} filled cells; nothing was read",
    "too_many_strings": (
        "the workbook holds more than {limit:,} texts (shared strings); nothing was read"),
    "workbook_too_large": (
        "the workbook unpacks to {detail}, far more than a questionnaire takes; nothing was read"),
    "duplicate_column": "column {value!r} repeats an earlier column ({first!r}); keep one",
    "unknown_language_column": (
        "cannot tell the language of {value!r}; write it like 'label::Vietnamese (vi)'"),
    "unmatched_end": "{value!r} without a matching begin",
    "unclosed_group": "{kind} {value!r} is never ended",
    "expression_syntax": "{detail} at position {position} of {ours!r}, read from {value!r}",
    # Skipped: the rest of the form is imported.
    "unsupported_type": "type {value!r} is not supported; question skipped",
    "unsupported_repeat": (
        "repeat {value!r} (to row {end}) is not supported; it and its {count} row(s) skipped"),
    "nested_group": (
        "group {value!r} is inside group {outer!r}; a page cannot hold another page, so its "
        "questions join {outer!r} (its relevant is added to theirs)"),
    "unsupported_expression": "{field} {value!r} uses {detail}, which is not supported; {field} dropped",
    "skipped_reference": "{field} {value!r} reads {name!r}, which was skipped; {field} dropped",
    "unsupported_required": "a condition as 'required' is not supported; the question is optional",
    "ignored_column": "column {value!r} is not supported; its {count} value(s) ignored",
    "ignored_parameters": "parameters {value!r} are read only for a range; ignored",
    "missing_attachment": (
        "the choices of {value!r} are in {file!r}, which was not uploaded with the form; question "
        "skipped (upload the CSV beside the workbook)"),
    "bad_attachment": "{value!r} cannot be read as a CSV of choices: {detail}",
    "label_reference": "{value!r} shows the answer of a question left out: its name is written instead",
    # Taken as pyxform takes it, and changed so that our definition holds it.
    "renamed": "name {value!r} is imported as {key!r}: {reason}; the name is kept for export",
    "renamed_choice": (
        "choice name {value!r} is imported as {key!r}: use letters, digits, '_', '-' and '.'"),
    "default_form_id": "form id {value!r} is missing or not one we take; the form's id is {key!r}",
    "default_title": "the form has no form_title; it is titled {value!r}",
    "missing_label": "no label; the name {value!r} is shown instead",
    "translation_fallback": (
        "{count} {field} text(s) have no {value!r} translation (the first in this row); the "
        "{default!r} text is shown instead"),
    "unnamed_note": "a note without a name is named {value!r}",
    "untyped_row": "a row without a type is left out (it holds {value!r})",
    "unlisted_choice": "a choice without a list_name is left out (it holds {value!r})",
    "lone_constraint_message": (
        "a constraint_message without a constraint is left out: {value!r}"),
    "empty_group": "group {value!r} has no question left to ask; it is not a page",
    "dropped_expression": "{field} {value!r} is left out: {detail}",
    "unused_expression": "{field} {value!r} is left out: {reason}",
}
"""Problems and skipped items of XLSForm import; the definition problems are CATALOGUE's."""

_XLSX_SUFFIXES = (".xlsx", ".xlsm")
_YAML_SUFFIXES = (".yaml", ".yml", ".json")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old binary .xls
_DROPPED = frozenset({"unknown_selected_value"})
"""Problems of an expression pyxform lets through (a choice its list lacks: ``selected()``
is never true): the expression is left out, with a warning, instead of the form refused."""
_COLUMN_NAMES = {("form", "id"): "form_id", ("form", "title"): "form_title",
                 ("sections", "title"): "label", ("sections", "description"): "hint",
                 ("choices", "value"): "name"}
"""Our field names as the XLSForm column that holds them, for missing_field messages."""


@dataclass(frozen=True)
class ImportProblem(Problem):
    """A Problem that may sit in a sheet: ``'survey row 12, column type: ...'``.

    ``column`` is a column header for XLSForm problems and a path (``sections[0].name``)
    for YAML ones, whose ``sheet`` is None.
    """

    sheet: str | None = None

    def title(self, language: str = "vi") -> str:
        """What the code means in a few words, in Vietnamese or English (``forms.import_titles``)."""
        return import_titles.title(self.code, language)

    def __str__(self) -> str:
        if self.sheet is None:
            return super().__str__()
        where = self.sheet + ("" if self.row is None else f" row {self.row}")
        where += f", column {self.column}" if self.column else ""
        return f"{where}: {self.message} [{self.code}]"


@dataclass(frozen=True)
class Imported:
    """What reading a definition gave: the definition if valid, problems, skipped items."""

    definition: Definition | None
    problems: list[ImportProblem] = field(default_factory=list)
    skipped: list[ImportProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.definition is not None


def sheet_problem(code: str, cell: Cell, value: Any = None, **params: Any) -> ImportProblem:
    template = XLSFORM_CATALOGUE.get(code) or CATALOGUE[code]
    message = fill(template, value, sheet=cell.sheet, **params)
    column, sheet = (shorten(name, SHOWN_PARAM) for name in (cell.column or "", cell.sheet))
    return ImportProblem(code, message, cell.row, column, value, sheet)


# --- reading -----------------------------------------------------------------------


def read_definition(name: str, data: bytes, attachments: Mapping[str, bytes] | None = None) -> Imported:
    """Read a definition file: XLSForm by its .xlsx name or zip content, else YAML/JSON.
    ``attachments`` are the CSV files uploaded beside a workbook, by name."""
    lowered = name.lower()
    if lowered.endswith(_XLSX_SUFFIXES) or (
            not lowered.endswith(_YAML_SUFFIXES) and data[:4] in (_ZIP_MAGIC, _OLE_MAGIC)):
        return read_xlsform(data, name, attachments)
    return read_yaml(data)


def read_yaml(data: bytes) -> Imported:
    """Read our own format (YAML or JSON bytes)."""
    try:
        text = data.decode("utf-8")
        definition = validate(*load_yaml(text))
    except UnicodeDecodeError as error:
        return Imported(None, [_from_problem(_not_utf8(error))])
    except DefinitionError as error:
        return Imported(None, [_from_problem(p) for p in error.problems])
    return Imported(definition)


def _not_utf8(error: UnicodeDecodeError) -> Problem:
    return Problem("not_utf8", CATALOGUE["not_utf8"].format(detail=error), None, "")


def _from_problem(problem: Problem) -> ImportProblem:
    return ImportProblem(problem.code, problem.message, problem.row, problem.column,
                         problem.value)


def read_xlsform(data: bytes, file_name: str = "", attachments: Mapping[str, bytes] | None = None) -> Imported:
    """Read an XLSForm workbook into our definition; never raises on bad input.
    ``file_name`` gives the form's id and title when the settings sheet has none."""
    try:
        sheets = read_sheets(data)
    except NotAWorkbook as error:
        return Imported(None, [sheet_problem("not_a_workbook", Cell("workbook"),
                                             detail=str(error))])
    except TooLarge as error:
        return Imported(None, [sheet_problem(error.code, Cell(error.sheet or "workbook"),
                                             **error.params)])
    fatal = _sheet_problems(sheets)
    if fatal:
        return Imported(None, fatal)
    draft = _draft(sheets, file_name, attachments or {})
    return _checked(draft)


def _sheet_problems(sheets: dict[str, Any]) -> list[ImportProblem]:
    """Problems that leave nothing sensible to check: no survey, no type or name column."""
    survey = sheets.get("survey")
    if survey is None:
        found = ", ".join(repr(name) for name in sheets) or "none"
        return [sheet_problem("missing_sheet", Cell("workbook"), "survey",
                              detail=f" (sheets found: {found})")]
    problems = [sheet_problem("missing_column", Cell("survey", 1), name)
                for name in ("type", "name") if survey.column(name) is None]
    return problems + [problem for sheet in sheets.values() for problem in _repeated(sheet)]


def _repeated(sheet: Any) -> list[ImportProblem]:
    """A header written twice: which column holds the value would be a guess."""
    headers = [column.header for column in sheet.columns if column.header]
    return [sheet_problem("duplicate_column", Cell(sheet.name, 1, header), header, first=header)
            for index, header in enumerate(headers) if header in headers[:index]]


def _draft(sheets: dict[str, Any], file_name: str, attachments: Mapping[str, bytes]) -> Draft:
    draft = Draft(sheets, file_name=file_name)
    resolve_languages(draft)
    form = build_form(draft)
    choices = build_choices(draft)
    walk = SurveyWalk(draft, sheets["survey"], form.get("title"), attachments=attachments)
    sections = walk.run()
    choices.update(walk.file_lists)
    add_other_lists(choices, walk.other_lists, draft.languages)
    if walk.metadata:
        form["metadata"] = walk.metadata
    for name in walk.unused_carriers():
        choices.pop(name, None)
    if "choices" not in sheets and any(q.get("choices") not in (None, *walk.file_lists)
                                       for s in sections for q in s["questions"]):
        draft.notice("missing_sheet", Cell("workbook"), "choices", fatal=True,
                     detail=" (select questions need it)")
    report_ignored(draft)
    draft.document = {"form": form, "choices": choices, "sections": sections}
    return draft


def _checked(draft: Draft) -> Imported:
    """Run our validation pipeline on the draft document, telling problems by cell."""
    ctx = _SheetContext(draft.document, {}, draft=draft)
    problems = [sheet_problem(n.code, n.cell, n.value, **n.params)
                for n in draft.notices if n.fatal]
    found = v.run(ctx, STEPS)
    if ctx.dropped:
        _drop(draft, ctx.dropped)
        ctx = _SheetContext(draft.document, {}, draft=draft)
        found = v.run(ctx, STEPS)
    problems += found  # type: ignore[arg-type]
    skipped = [sheet_problem(n.code, n.cell, n.value, **n.params)
               for n in draft.notices if not n.fatal]
    problems = sorted(problems, key=_position)
    definition = None if problems else assemble(draft.document)
    return Imported(definition, problems, sorted(skipped, key=_position))


def _drop(draft: Draft, dropped: dict[Path, str]) -> None:
    """Leave out each expression in ``dropped`` (noted): it never holds, or always does."""
    for path, detail in dropped.items():
        parent: Any = draft.document
        for step in path[:-1]:
            parent = parent[step]
        written = parent.pop(path[-1])
        draft.notice("dropped_expression", draft.cells.get(path, Cell("survey")), written,
                     field=path[-1], detail=detail)


def _position(problem: ImportProblem) -> tuple[int, int]:
    sheet = SHEET_ORDER.index(problem.sheet) if problem.sheet in SHEET_ORDER else -1
    return sheet, problem.row or 0


@dataclass
class _SheetContext(v.Context):
    """The validation context, reporting problems at the cells the values came from."""

    draft: Draft = field(default_factory=lambda: Draft({}))
    dropped: dict[Path, str] = field(default_factory=dict)
    """Path of an expression -> the message of a problem pyxform does not see in it."""

    def report(self, code: str, path: Path, value: Any = None, **params: Any) -> None:
        if code in _DROPPED and path[-1:] in (("relevant",), ("constraint",)):
            self.dropped.setdefault(path, fill(CATALOGUE[code], value, **params))
            return
        cell = self.cell(path, params)
        if code == "expression_syntax":  # tell the author about what they wrote
            params["ours"], value = value, self.written(cell) or value
        if code == "missing_translation" and (*path, _first(params)) not in self.draft.cells:
            params["hint"] = _add_column_hint(cell, _first(params))
        if code == "missing_field":
            cell = self.draft.cells.get((*path, params["field"]), cell)
            params["field"] = _column_name(path, params["field"])
        self.problems.append(sheet_problem(code, cell, value, **params))

    def where(self, path: Path) -> str:
        cell = self.cell(path, {})
        return cell.sheet + ("" if cell.row is None else f" row {cell.row}")

    def written(self, cell: Cell) -> str | None:
        """The text of ``cell`` as it is in the workbook."""
        sheet = self.draft.sheets.get(cell.sheet)
        row = next((r for r in sheet.rows if r.number == cell.row), None) if sheet else None
        return row.cells.get(cell.column or "") if row else None

    def cell(self, path: Path, params: dict[str, Any]) -> Cell:
        cells = self.draft.cells
        missing = _first(params)
        if missing and (*path, missing) in cells:
            return cells[(*path, missing)]
        for end in range(len(path), -1, -1):
            if path[:end] in cells:
                return cells[path[:end]]
        return Cell("survey")


def _first(params: dict[str, Any]) -> str:
    """The first missing language of a missing_translation."""
    return str(params.get("missing") or "").split(", ")[0]


def _add_column_hint(cell: Cell, language: str) -> str:
    """'; add a column 'form_title::Vietnamese (vi)'' when the workbook has no such column."""
    field = (cell.column or "label").partition("::")[0]
    if field in ("form_title", "description"):
        field = "sipas_" + field  # pyxform fails on form_title::…; it ignores this one
    return f"; add a column {field + '::' + language_header(language)!r}"


def _column_name(path: Path, name: str) -> str:
    return _COLUMN_NAMES.get((str(path[0]) if path else "", name), name)
