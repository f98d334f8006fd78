"""Loading a definition: read, run the validation steps, assemble."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path as FilePath
from typing import Any

from . import validation as v
from .definition import Definition, assemble
from .errors import DefinitionError, make_problem
from .expression_checks import check_expressions
from .loader import Path, load_yaml
from .option_checks import check_options
from .piping import check_piping
from .repeat_checks import check_repeats
from .text_checks import check_text

STEPS: tuple[v.Step, ...] = (
    check_text,
    v.check_structure,
    v.check_header,
    v.check_choice_lists,
    v.check_sections,
    v.check_questions,
    v.check_names,
    check_expressions,
    check_repeats,
    check_piping,
    check_options,
)
"""The validation pipeline, in order: later steps use what earlier ones learnt."""

_FILE_SUFFIXES = (".yaml", ".yml", ".json")


def validate(raw: Any, rows: Mapping[Path, int]) -> Definition:
    """Check a raw document; the Definition, or DefinitionError listing every problem."""
    problems = v.run(v.Context(raw, dict(rows)), STEPS)
    if problems:
        raise DefinitionError(problems)
    return assemble(raw)


def load_definition(text_or_path: str | os.PathLike[str]) -> Definition:
    """Load a definition from YAML text, or from a file.

    A path object is a file; so is a one-line string ending in .yaml, .yml or .json.
    Anything else is the YAML text itself. A file that cannot be read raises OSError;
    anything wrong with the content raises DefinitionError.
    """
    raw, rows = load_yaml(_read(text_or_path))
    return validate(raw, rows)


def definition_from_dict(document: Mapping[str, Any]) -> Definition:
    """A Definition from a document such as ``Definition.to_dict()`` gives; validated."""
    return validate(document, {})


def _read(text_or_path: str | os.PathLike[str]) -> str:
    if isinstance(text_or_path, str) and not _looks_like_path(text_or_path):
        return text_or_path
    data = FilePath(text_or_path).read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DefinitionError([make_problem("not_utf8", "", None, None, detail=error)]) from None


def _looks_like_path(text: str) -> bool:
    return "\n" not in text and text.strip().lower().endswith(_FILE_SUFFIXES)
