"""Characters no text of a questionnaire may hold, wherever the text comes from.

NUL cannot be stored in PostgreSQL text or JSON (YAML writes it as "\\0", a workbook as
"_x0000_"); the other C0 controls, DEL and the C1 range are never part of a label or a name: they
come from a paste or a broken export. Tab, line feed and carriage return are text and pass. The
web application refuses the same characters in every form and request (survey.hygiene).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .loader import Path
from .validation import Context

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def has_control(text: str) -> bool:
    """Whether ``text`` holds a character no text may hold."""
    return CONTROL.search(text) is not None


def check_text(ctx: Context) -> None:
    """A step of the pipeline: every key and text of the document free of control characters."""
    for path, text in texts(ctx.raw, ()):
        if has_control(text):
            ctx.report("control_character", path, CONTROL.sub("?", text))


def texts(document: Any, path: Path) -> Iterator[tuple[Path, str]]:
    """(path, text) of every key and every text in a raw document, each mapping and list visited
    once: a YAML alias may make a document hold itself, and nesting may be deep."""
    waiting, seen = [(path, document)], set()
    while waiting:
        where, value = waiting.pop()
        if isinstance(value, str):
            yield where, value
        elif isinstance(value, (dict, list)) and id(value) not in seen:
            seen.add(id(value))
            waiting.extend(reversed(list(children(value, where))))


def children(value: dict | list, path: Path) -> Iterator[tuple[Path, Any]]:
    """What a mapping (its keys, at its own path, then its values) or a list holds, with their paths."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield path, key
            yield (*path, key), item
    else:
        for index, item in enumerate(value):
            yield (*path, index), item
