"""Expressions a row carries that its type never uses, left out with a notice.

pyxform writes them into the form's binds all the same, where ODK Collect does not let them
matter as their author meant: a ``calculation`` on an asked question only overwrites what the
person answers, and nobody answers a calculate, so its ``constraint`` never fails. We keep the
question and note the column, so the author sees what was left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .xlsform_document import cell_of, value
from .xlsform_sheets import Row

if TYPE_CHECKING:
    from .xlsform_survey import SurveyWalk

UNUSED_BY = {"calculation": "only a calculate computes its answer; the question is asked",
             "constraint": "nobody enters the answer of a calculate, so it is never checked"}
"""Column -> why a row of the wrong type gets nothing from it."""


def drop_unused(walk: SurveyWalk, row: Row, base: str) -> None:
    """Take from ``row`` the expression its type ``base`` does not use (noted)."""
    column = "constraint" if base == "calculate" else "calculation"
    written = value(walk.sheet, row, column)
    if written is None:
        return
    cell = cell_of(walk.sheet, row, column)
    walk.draft.notice("unused_expression", cell, written, field=column, reason=UNUSED_BY[column])
    row.cells.pop(cell.column or column)
