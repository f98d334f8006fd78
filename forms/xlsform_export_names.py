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

from .definition import Definition, Question, Section

_REFERENCE = re.compile(r"\$\{\s*([a-z][a-z0-9_]*)\s*\}")


def export_names(definition: Definition) -> dict[str, str]:
    """Key -> the name written for it: its XLSForm name, unless a metadata row, a key written
    as is or an earlier item already takes that name (then its key)."""
    items: list[Section | Question] = [*definition.sections, *definition.questions]
    chosen = {item.name: item.xlsform_name or item.name for item in items}
    while True:
        clashing = _clashing(chosen, [name for name, _ in definition.metadata])
        if not clashing:
            return chosen
        chosen.update((key, key) for key in clashing)


def _clashing(chosen: dict[str, str], fixed: list[str]) -> list[str]:
    """The keys whose XLSForm name is taken, names compared without case as our reader does."""
    taken = {name.lower() for name in fixed} | {key for key, name in chosen.items() if name == key}
    clashing = []
    for key, name in chosen.items():
        if name != key and name.lower() in taken:
            clashing.append(key)
        taken.add(name.lower())
    return clashing


def renamed_references(text: str, names: dict[str, str]) -> str:
    """``text`` with each ``${key}`` naming what the key is written as."""
    return _REFERENCE.sub(lambda match: "${" + names.get(match.group(1), match.group(1)) + "}",
                          text)
