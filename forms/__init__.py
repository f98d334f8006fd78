"""Questionnaire definitions: loading and checking them (FORMAT.md), and web forms.

Also: reading and writing them as XLSForm workbooks (``read_definition`` reads either
format), dumping them as our YAML, and comparing two versions.

This package knows nothing of the web app or the database: the app passes in what it
needs (unit choices, stored answers) and stores what comes out (``to_dict()``, answers).
"""

from .builder import QuestionnaireForm, build_form
from .checking import (
    AnswerProblem,
    check_answers,
    effective_answers,
    find_problems,
    offered_choices,
    relevance,
    resolving_once,
    use_clock,
    with_calculations,
)
from .compare import Change, compare
from .definition import Definition, Question, Section
from .dump import dump_yaml
from .errors import CATALOGUE, DefinitionError, Problem
from .labels import Choice, Label
from .pipeline import definition_from_dict, load_definition
from .types import QUESTION_TYPES
from .xlsform import XLSFORM_CATALOGUE, Imported, ImportProblem, read_definition, read_xlsform
from .xlsform_write import write_xlsform

__all__ = [
    "CATALOGUE",
    "QUESTION_TYPES",
    "XLSFORM_CATALOGUE",
    "AnswerProblem",
    "Change",
    "Choice",
    "Definition",
    "DefinitionError",
    "ImportProblem",
    "Imported",
    "Label",
    "Problem",
    "Question",
    "QuestionnaireForm",
    "Section",
    "build_form",
    "check_answers",
    "compare",
    "definition_from_dict",
    "dump_yaml",
    "effective_answers",
    "find_problems",
    "load_definition",
    "offered_choices",
    "read_definition",
    "read_xlsform",
    "relevance",
    "resolving_once",
    "use_clock",
    "with_calculations",
    "write_xlsform",
]
