"""Repeats in the survey sheet: ``begin repeat`` … ``end repeat`` becomes a repeat section.

A repeat is one page asked once per instance (``forms.repeats``), so it is a section of its own
even inside a group: it takes the enclosing groups' ``relevant``, and the group's questions after
it continue on a new section of the same title. Its ``repeat_count`` (``jr:count``) is translated
like any expression; ``sipas_repeat_max`` (ours, written on export) is its most instances. A
repeat inside a repeat, and a ``begin loop over`` a list (one instance per choice), cannot be
represented: skipped whole (``unsupported_repeat``), as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .xlsform_document import Cell, cell_of, value
from .xlsform_sheets import Row

if TYPE_CHECKING:
    from .xlsform_survey import SurveyWalk

_COPIED = ("title", "description", "relevant", "appearance")
"""What a group's continuation after a repeat keeps of the group's section."""


def begin_repeat(walk: SurveyWalk, row: Row) -> bool:
    """Open a repeat section at ``row``; False when the repeat cannot be one (to be skipped)."""
    looped = (value(walk.sheet, row, "type") or "").lower().split()[:2] == ["begin", "loop"]
    if looped or any(group.repeat for group in walk.groups):
        return False
    outer = [walk.sections[-1].get("relevant"), *(g.relevant for g in walk.groups[1:])] if walk.groups else []
    walk.loose = None
    section = walk.new_section(row, walk.name(row))
    path = ("sections", len(walk.sections) - 1)
    relevant = all_of([*outer, section.get("relevant")])
    if relevant is not None:
        section["relevant"] = relevant
    section["repeat"] = True
    walk.draft.put(section, "repeat_count", walk.expression(row, "repeat_count"),
                   cell_of(walk.sheet, row, "repeat_count"), path)
    walk.draft.put(section, "repeat_max", _whole(value(walk.sheet, row, "sipas_repeat_max")),
                   cell_of(walk.sheet, row, "sipas_repeat_max"), path)
    return True


def end_repeat(walk: SurveyWalk, row: Row) -> bool:
    """Close the open repeat; False when none is open (an unmatched end)."""
    if not walk.groups or not walk.groups[-1].repeat:
        return False
    walk.groups.pop()
    if walk.groups:
        _continue_group(walk, row)
    return True


def _continue_group(walk: SurveyWalk, row: Row) -> None:
    """The enclosing group's questions after the repeat: a new section titled like the group's."""
    index, group = next((i, s) for i, s in reversed(list(enumerate(walk.sections))) if not s.get("repeat"))
    taken = set(walk.keys.first_row) | {s.get("name") for s in walk.sections}
    name = next(f"{group['name']}_{n}" for n in range(2, len(taken) + 3) if f"{group['name']}_{n}" not in taken)
    section = walk.new_section(Row(row.number), name)
    path = ("sections", len(walk.sections) - 1)
    for key in _COPIED:
        if key in group:
            section[key] = group[key]
            walk.draft.cells[(*path, key)] = walk.draft.cells.get(("sections", index, key), Cell("survey", row.number))


def _whole(text: str | None) -> Any:
    """A whole number as written (``8`` or ``8.0`` from a spreadsheet), else the text (refused later)."""
    if text is None:
        return None
    try:
        number = float(text)
    except ValueError:
        return text
    return int(number) if number.is_integer() else text


def all_of(expressions: list[str | None]) -> str | None:
    """The expressions joined by ``and`` (each parenthesised), None when there is none."""
    kept = [e for e in expressions if e]
    if len(kept) <= 1:
        return kept[0] if kept else None
    return " and ".join(f"({e})" for e in kept)
