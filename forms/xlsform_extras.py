"""The XLSForm reader's share of the extras: metadata rows, ``appearance``, a range's
``parameters`` and ``or_other`` (``forms.xlsform_survey`` calls these on its walk).

``select_one x or_other`` is read as ODK shows it: the list gains a choice ``other`` ("Khác" /
"Other") and a text question ``x_other`` follows, asked when ``other`` is chosen. The list is
copied (``x_or_other``) so that other questions using it keep it as written; export writes the
copy and the text question as they are, which reads back the same.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .loader import Path
from .xlsform_document import Cell, cell_of, value

if TYPE_CHECKING:
    from .xlsform_survey import SurveyWalk

OTHER = "other"
OTHER_LABELS = {"vi": "Khác", "en": "Other"}
SPECIFY_LABELS = {"vi": "Vui lòng ghi rõ", "en": "Please specify"}
_PARAMETER = re.compile(r"([a-z_-]+)\s*=\s*([^\s,;]+)", re.IGNORECASE)
_RANGE_PARAMETERS = ("start", "end", "step")


def _texts(labels: dict[str, str], languages: list[str]) -> dict[str, str]:
    """``labels`` in each of the form's languages (English where we have none of its own)."""
    return {language: labels.get(language, labels["en"]) for language in languages}


def put_options(walk: SurveyWalk, target: dict[str, Any], row: Any, path: Path,
                kind: str | None) -> None:
    """The row's appearance; for a range its start, end and step (others' are ignored, noted)."""
    sheet = walk.sheet
    walk.draft.put(target, "appearance", value(sheet, row, "appearance"),
                   cell_of(sheet, row, "appearance"), path)
    written = value(sheet, row, "parameters")
    if written is None:
        return
    if kind != "range":
        walk.draft.notice("ignored_parameters", cell_of(sheet, row, "parameters"), written)
        return
    found = {key.lower(): number for key, number in _PARAMETER.findall(written)}
    walk.draft.put(target, "parameters", found or written, cell_of(sheet, row, "parameters"),
                   path)


def specify_other(walk: SurveyWalk, questions: list[dict[str, Any]], path: Path) -> None:
    """After the select just read (``questions[-1]``), the text question that says which other:
    its list swapped for the copy with ``other``, kept in ``walk.other_lists``."""
    select = questions[-1]
    list_name, name = select.get("choices"), select.get("name")
    if not isinstance(list_name, str) or not isinstance(name, str):
        return
    walk.other_lists[list_name] = select["choices"] = f"{list_name}_or_other"
    taken = {value(walk.sheet, row, "name") for row in walk.sheet.rows}
    specify = next(n for n in (f"{name}_other", *(f"{name}_other_{i}" for i in range(2, 99)))
                   if n not in taken)
    where: Path = (*path[:-1], len(questions))
    walk.draft.cells[where] = walk.draft.cells[path]
    questions.append({"name": specify, "type": "text",
                      "label": _texts(SPECIFY_LABELS, walk.draft.languages),
                      "relevant": f"selected({name}, '{OTHER}')"})


def add_other_lists(choices: dict[str, list[dict[str, Any]]], copies: dict[str, str],
                    languages: list[str]) -> None:
    """Each list an ``or_other`` select uses, copied with the choice ``other`` last."""
    for original, copy in copies.items():
        options = list(choices.get(original, []))
        if all(option.get("value") != OTHER for option in options):
            options.append({"value": OTHER, "label": _texts(OTHER_LABELS, languages)})
        choices[copy] = options


def metadata_row(walk: SurveyWalk, row: Any, kind: str, name: str | None) -> None:
    """A metadata row: the server records it with each response (``forms.metadata``)."""
    walk.metadata[name or kind] = kind
    walk.draft.cells.setdefault(("form", "metadata"), Cell("survey", row.number, "type"))
