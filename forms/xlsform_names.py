"""XLSForm's names, choice values and form ids as keys our definition takes.

XLSForm allows names of letters, digits, ``_``, ``-`` and ``.`` (``Section_A``,
``b2.2.4``), the same name in two groups, and choice names with spaces. Our names are
keys (``[a-z][a-z0-9_]*``, unique in the form: they are answer columns, expression names
and form fields), so each XLSForm name is given a stable key instead: lower case, any
other character as ``_``, a ``q`` in front when it does not start with a letter, and
``_2``, ``_3`` ... when the key is already taken (by an earlier name, or by a word the
expression language or the web form keeps). The same workbook always gives the same keys.
Questions and sections keep their XLSForm name (``xlsform_name``) for export back, and
``${name}`` in expressions is rewritten to the key it was given (see FORMAT.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .validation import MAX_NAME, NAME, name_problem

_NOT_IN_KEY = re.compile(r"[^a-z0-9_]")
_NOT_IN_VALUE = re.compile(r"[^A-Za-z0-9_.\-]+")
_NOT_IN_ID = re.compile(r"[^a-z0-9_\-]+")
_REFERENCE = re.compile(r"\$\{\s*([^}]*?)\s*\}")


def key_of(name: str) -> str:
    """The key a name maps to before it is made unique: ``'Section_A'`` -> ``'section_a'``."""
    key = _NOT_IN_KEY.sub("_", name.lower())
    return (key if key[:1].isalpha() else "q" + key)[:MAX_NAME]


def list_key(name: str) -> str:
    """A choice list's name as ours: unchanged when valid, else its key."""
    return name if NAME.fullmatch(name) and len(name) <= MAX_NAME else key_of(name)


def choice_value(written: str) -> str:
    """A choice name as a value we store: ``'foot paths'`` -> ``'foot_paths'``."""
    return _NOT_IN_VALUE.sub("_", written).strip("_") or "_"


def form_id(written: str) -> str:
    """A form id we take: ``'Spec test'`` -> ``'spec-test'``, ``'Eth_fsom'`` -> ``'eth_fsom'``."""
    return _NOT_IN_ID.sub("-", written.lower()).strip("-_")[:64] or "form"


@dataclass
class Keys:
    """The key of every named row of the survey sheet, given in sheet order."""

    at_row: dict[int, str] = field(default_factory=dict)
    of: dict[str, str] = field(default_factory=dict)
    """XLSForm name -> the key of its first row: what ``${name}`` reads."""
    first_row: dict[str, int] = field(default_factory=dict)
    """Key -> the row that took it."""
    in_group: set[tuple[int, str]] = field(default_factory=set)
    """(row of the enclosing begin group, name in lower case): names pyxform refuses twice."""

    def give(self, row: int, name: str, group: int = 0) -> tuple[str, str | None]:
        """(the row's key, why it differs from ``name`` or None when it does not). A name
        written twice in one group keeps its key, so that it is refused as pyxform does."""
        twice = (group, name.lower()) in self.in_group
        self.in_group.add((group, name.lower()))
        key, reason = (key_of(name), None) if twice else self._free(key_of(name), name)
        self.at_row[row], self.first_row[key] = key, row
        self.of.setdefault(name, key)
        return key, reason

    def _free(self, key: str, name: str) -> tuple[str, str | None]:
        reason = None if NAME.fullmatch(name) and key == name else _SPELLING
        if key in self.first_row:
            reason = f"the name is used at survey row {self.first_row[key]}"
        elif name_problem(key, True) is not None:
            reason = "it is a word the expression language or the web form keeps"
        else:
            return key, reason
        stem, number = key[: MAX_NAME - 4], 2
        while f"{stem}_{number}" in self.first_row:
            number += 1
        return f"{stem}_{number}", reason

    def rewrite(self, expression: str, own: str | None = None) -> str:
        """``expression`` with each ``${name}`` reading its key; ``${own}`` as ``.`` (a
        constraint may name its own question, which ours writes ``.``)."""
        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            return "." if own is not None and name == own else "${" + self.of.get(name, name) + "}"
        return _REFERENCE.sub(replace, expression)


_SPELLING = "names here are lower-case letters, digits and '_', starting with a letter"
