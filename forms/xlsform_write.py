"""Writing our definition as an XLSForm workbook (survey, choices, settings).

Texts go in ``label::Vietnamese (vi)`` style columns, one per language of the form.
Our own types have no XLSForm equivalent: ``satisfaction`` and ``yes_no`` are written as
``select_one`` over a list holding their fixed choices, ``unit`` as ``text``, and the
column ``sipas_type`` (with ``sipas_levels``) says what they really are, so that reading
the workbook back gives the same definition. Other tools ignore those columns, and
``sipas_form_title::…`` / ``sipas_description::…`` (the title's other languages, the
description): pyxform, the converter KoboToolbox and ODK use, fails on a translated
``form_title``. A calculate's ``calculation`` and a select's ``choice_filter`` get columns of
their name, and the choices' own columns (what choice filters read) columns of theirs.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet.worksheet import Worksheet

from .definition import Definition, Question, Section
from .labels import Choice, Label
from .xlsform_export_names import export_names, renamed_references
from .xlsform_expressions import to_xlsform
from .xlsform_sheets import language_header
from .xlsform_write_extras import NATIVE_TYPES, write_extras

_WIDE = 40  # characters: label and hint columns
_NARROW = 18


def write_xlsform(definition: Definition, version: str | None = None) -> bytes:
    """The workbook's bytes; ``version`` defaults to the start of the content hash."""
    book = openpyxl.Workbook()
    lists = _builtin_lists(definition)
    _survey(book.active, definition, lists)
    write_extras(book.active, definition)
    _choices(book.create_sheet("choices"), definition, lists)
    _settings(book.create_sheet("settings"), definition, version)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _builtin_lists(definition: Definition) -> dict[str, str]:
    """Our type with fixed choices -> the name of the list written for it (a free name)."""
    used = {q.type for q in definition.questions
            if q.kind.builtin_choices and q.type not in NATIVE_TYPES}
    names: dict[str, str] = {}
    for kind in sorted(used):
        name = f"sipas_{kind}"
        while name in definition.choice_lists or name in names.values():
            name += "_"
        names[kind] = name
    return names


def _texts(key: str, languages: Iterable[str]) -> list[str]:
    return [f"{key}::{language_header(language)}" for language in languages]


def _label_cells(label: Label | None, languages: Iterable[str],
                 names: dict[str, str] | None = None) -> list[str | None]:
    """The label's text per language, ``${key}`` naming what ``names`` writes for the key."""
    texts = [label.text(language) if label else None for language in languages]
    return [renamed_references(text, names) if text and names else text for text in texts]


def _append(sheet: Worksheet, values: list[Any]) -> None:
    """Append a row; control characters, which a workbook cannot hold, are left out."""
    sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"  # a text, never a formula


def _header(sheet: Worksheet, headers: list[str], name: str = "") -> None:
    sheet.title = name or sheet.title
    _append(sheet, headers)
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers, start=1):
        wide = header.startswith(("label", "hint", "constraint_message", "form_title"))
        letter = openpyxl.utils.get_column_letter(index)
        sheet.column_dimensions[letter].width = _WIDE if wide else _NARROW


# --- survey ------------------------------------------------------------------------


def _survey(sheet: Worksheet, definition: Definition, lists: dict[str, str]) -> None:
    languages = definition.languages
    ours = any(q.type in lists or q.kind.takes_levels for q in definition.questions)
    computed = _computed_columns(definition)
    names = export_names(definition)
    headers = ["type", "name", *_texts("label", languages), *_texts("hint", languages),
               "required", "relevant", "constraint", *_texts("constraint_message", languages)]
    headers += ["sipas_type", "sipas_levels"] if ours else []
    _header(sheet, headers + list(computed), "survey")
    for section in definition.sections:
        _append(sheet, _group_row(section, languages, names))
        for question in section.questions:
            _append(sheet, _question_row(question, languages, lists, ours, names)
                    + [_expression(getattr(question, key), names) for key in computed])
        _append(sheet, ["end repeat" if section.repeat else "end group"])


def _computed_columns(definition: Definition) -> tuple[str, ...]:
    """``calculation`` / ``choice_filter``, the columns some question of the form fills."""
    return tuple(key for key in ("calculation", "choice_filter")
                 if any(getattr(q, key) is not None for q in definition.questions))


def _expression(expression: Any, names: dict[str, str]) -> str | None:
    return None if expression is None else to_xlsform(expression.source, names)


def _group_row(section: Section, languages: tuple[str, ...], names: dict[str, str]) -> list[Any]:
    return ["begin repeat" if section.repeat else "begin group", names[section.name],
            *_label_cells(section.title, languages, names),
            *_label_cells(section.description, languages, names), None,
            _expression(section.relevant, names)]


def _question_row(question: Question, languages: tuple[str, ...], lists: dict[str, str],
                  ours: bool, names: dict[str, str]) -> list[Any]:
    row = [_type(question, lists), names[question.name],
           *_label_cells(question.label, languages, names),
           *_label_cells(question.hint, languages, names), "yes" if question.required else None,
           _expression(question.relevant, names), _expression(question.constraint, names),
           *_label_cells(question.constraint_message, languages, names)]
    if ours:
        special = question.type in lists or question.kind.takes_levels
        row += [question.type if special else None, " ".join(question.levels) or None]
    return row


def _type(question: Question, lists: dict[str, str]) -> str:
    if question.choice_list is not None:
        return f"{question.type} {question.choice_list}"
    if question.type in lists:
        return f"select_one {lists[question.type]}"
    return "text" if question.kind.takes_levels else question.type


# --- choices and settings ----------------------------------------------------------


def _choices(sheet: Worksheet, definition: Definition, lists: dict[str, str]) -> None:
    languages = definition.languages
    columns = list(dict.fromkeys(column for options in definition.choice_lists.values()
                                 for choice in options for column, _ in choice.columns))
    _header(sheet, ["list_name", "name", *_texts("label", languages), *columns])
    builtin = {name: _builtin_choices(definition, kind) for kind, name in lists.items()}
    for name, options in {**definition.choice_lists, **builtin}.items():
        for choice in options:
            _append(sheet, [name, choice.value, *_label_cells(choice.label, languages),
                            *(choice.column(column) for column in columns)])


def _builtin_choices(definition: Definition, kind: str) -> tuple[Choice, ...]:
    return next(q.choices for q in definition.questions if q.type == kind)


def _settings(sheet: Worksheet, definition: Definition, version: str | None) -> None:
    default, others = definition.languages[0], definition.languages[1:]
    headers = ["form_id", "version", "default_language", "form_title",
               *_texts("sipas_form_title", others)]
    values = [definition.id, version or definition.content_hash()[:12],
              language_header(default), *_label_cells(definition.title, definition.languages)]
    if definition.description is not None:
        headers += _texts("sipas_description", definition.languages)
        values += _label_cells(definition.description, definition.languages)
    _header(sheet, headers)
    _append(sheet, values)
