"""The name each question and section is written with when a definition goes back to XLSForm.

An imported form keeps its XLSForm names (``xlsform_name``, ``forms.xlsform_names``): written
back, the workbook reads as its author wrote it, and ``${name}`` in its expressions and labels
reads the same. A name may only be written once in the whole sheet, though: pyxform refuses
``${name}`` for a name two rows share, and groups nested in the original are one section here,
so two questions of once different groups may stand side by side. Such a question is written
with its key, which is unique.
"""

from __future__ import annotations

import re
from collections import Counter

from .definition import Definition, Question, Section

_REFERENCE = re.compile(r"\$\{\s*([a-z][a-z0-9_]*)\s*\}")


def export_names(definition: Definition) -> dict[str, str]:
    """Key -> the name written for it (its XLSForm name unless that is taken, then the key)."""
    items: list[Section | Question] = [*definition.sections, *definition.questions]
    chosen = {item.name: item.xlsform_name or item.name for item in items}
    fixed = [name.lower() for name, _ in definition.metadata]
    while True:
        seen = Counter([*fixed, *(name.lower() for name in chosen.values())])
        clashing = [key for key, name in chosen.items() if seen[name.lower()] > 1 and name != key]
        if not clashing:
            return chosen
        chosen.update((key, key) for key in clashing)


def renamed_references(text: str, names: dict[str, str]) -> str:
    """``text`` with each ``${key}`` naming what the key is written as."""
    return _REFERENCE.sub(lambda match: "${" + names.get(match.group(1), match.group(1)) + "}",
                          text)
