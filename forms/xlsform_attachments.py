"""Choices from a CSV uploaded beside the form: ``select_one_from_file x.csv`` (and
``select_multiple_from_file``) read the whole file; ``select_one_external list`` reads the rows
of ``itemsets.csv`` (what ODK builds from the external_choices sheet) whose ``list_name`` is
``list``. The choices become a list of the definition (named after the file or the list), so
they are stored with the version and never change under its answers; export writes them to the
choices sheet like any list.

A CSV has a ``name`` column, ``label`` (the default language) or ``label::Vietnamese (vi)``
columns, and any other columns (what a choice_filter reads, as in the choices sheet).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .xlsform_document import Cell, cell_of
from .xlsform_names import choice_value, list_key
from .xlsform_sheets import language_code

if TYPE_CHECKING:
    from .xlsform_survey import SurveyWalk

FROM_FILE = frozenset({"select_one_from_file", "select_multiple_from_file"})
EXTERNAL = "select_one_external"
ITEMSETS = "itemsets.csv"
MAX_CHOICES = 20_000
"""More rows than any list of places or agencies (Viet Nam has about 10,600 communes)."""
_PLAIN = re.compile(r"[a-z][a-z0-9_]*")


def list_of_file(file_name: str) -> str:
    """The list a file's choices become: ``communes.csv`` -> ``communes_csv``."""
    key = re.sub(r"[^a-z0-9_]+", "_", file_name.lower()).strip("_")
    return key if key[:1].isalpha() else f"f_{key}"


def external_type(walk: SurveyWalk, row: Any, base: str, parts: list[str]) -> str | None:
    """The row's type with its choices read from the uploaded CSV (``select_one list``), or None
    (noted) when the file is missing or unreadable: the question is left out."""
    target = parts[1] if len(parts) > 1 else ""
    file_name = target if base in FROM_FILE else ITEMSETS
    data = walk.attachments.get(file_name)
    cell = cell_of(walk.sheet, row, "type")
    if data is None:
        walk.draft.notice("missing_attachment", cell, target, file=file_name)
        return None
    key = list_of_file(file_name) if base in FROM_FILE else list_key(target)
    if any(n.code == "bad_attachment" and n.value == file_name for n in walk.draft.notices):
        return None  # said once, at the file
    if key not in walk.file_lists:
        options = read_choices(walk, file_name, data, None if base in FROM_FILE else target, key)
        if options is None:
            return None
        walk.file_lists[key] = options
        walk.draft.cells.setdefault(("choices", key), cell)
    kind = "select_multiple" if base == "select_multiple_from_file" else "select_one"
    return " ".join([kind, key, *parts[2:]])


def read_choices(walk: SurveyWalk, file_name: str, data: bytes, list_name: str | None,
                 key: str) -> list[dict[str, Any]] | None:
    """The choices of the file (of ``list_name`` only, for itemsets.csv) as list ``key``; None
    when it cannot be read (a problem naming the file)."""
    try:
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    except (UnicodeDecodeError, csv.Error) as error:
        walk.draft.notice("bad_attachment", Cell(file_name), file_name, fatal=True, detail=str(error)[:200])
        return None
    headers = list(rows[0]) if rows else []
    if "name" not in headers or len(rows) > MAX_CHOICES:
        detail = "it has no 'name' column" if "name" not in headers else f"more than {MAX_CHOICES:,} rows"
        walk.draft.notice("bad_attachment", Cell(file_name, 1), file_name, fatal=True, detail=detail)
        return None
    wanted = [(number, r) for number, r in enumerate(rows, start=2)
              if list_name is None or (r.get("list_name") or "").strip() == list_name]
    for index, (number, _) in enumerate(wanted):
        for field in ("", "value", "label"):
            column = {"": None, "value": "name"}.get(field, field)
            walk.draft.cells[("choices", key, index, *([field] if field else []))] = Cell(file_name, number, column)
    return [_choice(walk, Cell(file_name, number, "name"), r, headers) for number, r in wanted]


def _choice(walk: SurveyWalk, cell: Cell, row: Mapping[str, str | None], headers: list[str]) -> dict[str, Any]:
    label = _labels(row, headers, walk.draft.languages)
    written = (row.get("name") or "").strip()
    value = choice_value(written) if written else written
    if value != written:
        walk.draft.notice("renamed_choice", cell, written, key=value)
    columns = {h: (row.get(h) or "").strip() for h in headers
               if _PLAIN.fullmatch(h) and h not in ("name", "label", "list_name") and (row.get(h) or "").strip()}
    choice: dict[str, Any] = {"value": value, "label": label or dict.fromkeys(walk.draft.languages, value)}
    if columns:
        choice["columns"] = columns
    return choice


def _labels(row: Mapping[str, str | None], headers: list[str], languages: list[str]) -> dict[str, str]:
    """The row's label in each of the form's languages (the first written where one is missing)."""
    found: dict[str, str] = {}
    for header in headers:
        field, _, language = header.partition("::")
        text = (row.get(header) or "").strip()
        if field.strip().lower() != "label" or not text:
            continue
        code = languages[0] if not language else language_code(language.strip())
        if code in languages:
            found.setdefault(code, text)
    first = next(iter(found.values()), None)
    return {language: found.get(language, first) for language in languages if first is not None}
