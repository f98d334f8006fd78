"""Questionnaire definitions: loading and checking them (FORMAT.md), and web forms.

This package knows nothing of the web app or the database: the app passes in what it
needs (unit choices, stored answers) and stores what comes out (``to_dict()``, answers).
"""

from .builder import QuestionnaireForm, build_form
from .checking import check_answers, effective_answers, relevance
from .definition import Definition, Question, Section
from .errors import CATALOGUE, DefinitionError, Problem
from .labels import Choice, Label
from .pipeline import definition_from_dict, load_definition
from .types import QUESTION_TYPES

__all__ = [
    "CATALOGUE",
    "QUESTION_TYPES",
    "Choice",
    "Definition",
    "DefinitionError",
    "Label",
    "Problem",
    "Question",
    "QuestionnaireForm",
    "Section",
    "build_form",
    "check_answers",
    "definition_from_dict",
    "effective_answers",
    "load_definition",
    "relevance",
]
