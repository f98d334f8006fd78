"""The loaded questionnaire: immutable dataclasses and their canonical dict form.

``Definition.to_dict()`` is the canonical document (stored in the database and hashed);
``assemble()`` builds a Definition back from such a document once it has been validated
(use ``forms.definition_from_dict`` for documents that have not).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from functools import cached_property, wraps
from threading import Lock
from types import MappingProxyType
from typing import Any, Concatenate, ParamSpec, TypeVar

from .expressions import Expression, parse
from .labels import Choice, Label
from .types import QUESTION_TYPES, QuestionType


@dataclass(frozen=True)
class Question:
    name: str
    type: str
    label: Label
    hint: Label | None = None
    required: bool = False
    relevant: Expression | None = None
    constraint: Expression | None = None
    constraint_message: Label | None = None
    choice_list: str | None = None
    """The name of the choice list (select_one / select_multiple), as written."""
    choices: tuple[Choice, ...] = ()
    """The options: the named list's, or the type's built-in ones (satisfaction, yes_no)."""
    levels: tuple[str, ...] = ()
    calculation: Expression | None = None
    """What a ``calculate`` question computes from earlier answers (stored as its answer)."""
    choice_filter: Expression | None = None
    """Which choices a select offers: those for which it is true (``choice('col')`` reads them)."""
    xlsform_name: str | None = None
    """The name an imported XLSForm gave it when that is no name of ours (``forms.xlsform_names``)."""
    appearance: str | None = None
    """XLSForm's appearance (``likert``, ``minimal``, ``horizontal``...): how the page draws it."""
    parameters: tuple[tuple[str, str], ...] = ()
    """A range's ``start``, ``end`` and ``step``, (name, number text) in order."""

    @property
    def kind(self) -> QuestionType:
        """The question type object (see forms.types)."""
        return QUESTION_TYPES[self.type]

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "type": self.type, "label": dict(self.label)}
        _put(data, "hint", self.hint)
        if self.required:
            data["required"] = True
        _put(data, "relevant", self.relevant)
        _put(data, "constraint", self.constraint)
        _put(data, "constraint_message", self.constraint_message)
        _put(data, "choices", self.choice_list)
        _put(data, "calculation", self.calculation)
        _put(data, "choice_filter", self.choice_filter)
        _put(data, "xlsform_name", self.xlsform_name)
        _put(data, "appearance", self.appearance)
        if self.parameters:
            data["parameters"] = dict(self.parameters)
        if self.levels:
            data["levels"] = list(self.levels)
        return data


@dataclass(frozen=True)
class Section:
    """One page of the web form."""

    name: str
    title: Label
    questions: tuple[Question, ...]
    description: Label | None = None
    relevant: Expression | None = None
    xlsform_name: str | None = None
    """The name an imported XLSForm gave it when that is no name of ours."""
    appearance: str | None = None
    """XLSForm's appearance of the group (``field-list``: every section is one page anyway)."""
    repeat: bool = False
    """A repeat (a household roster): its questions are asked once per instance (``forms.repeats``)."""
    repeat_count: Expression | None = None
    """How many instances a repeat has, computed from earlier answers; None: as many as answered."""
    repeat_max: int | None = None
    """The most instances a repeat without a ``repeat_count`` takes (``forms.repeats.MAX_INSTANCES``)."""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "title": dict(self.title)}
        _put(data, "description", self.description)
        _put(data, "relevant", self.relevant)
        _put(data, "xlsform_name", self.xlsform_name)
        _put(data, "appearance", self.appearance)
        if self.repeat:
            data["repeat"] = True
        _put(data, "repeat_count", self.repeat_count)
        if self.repeat_max is not None:
            data["repeat_max"] = self.repeat_max
        data["questions"] = [question.to_dict() for question in self.questions]
        return data


@dataclass(frozen=True)
class Definition:
    id: str
    title: Label
    languages: tuple[str, ...]
    description: Label | None
    choice_lists: Mapping[str, tuple[Choice, ...]]
    sections: tuple[Section, ...]
    metadata: tuple[tuple[str, str], ...] = ()
    """What the server records with each response (paradata), (name, kind) in order: kinds
    ``start``, ``end``, ``today``, ``deviceid``, ``username`` (see ``forms.metadata``)."""

    @cached_property
    def questions(self) -> tuple[Question, ...]:
        """Every question (notes included) in form order."""
        return tuple(q for section in self.sections for q in section.questions)

    @cached_property
    def calculate_names(self) -> frozenset[str]:
        """The names of the questions computed by the server (``calculation``), whose answers it sets."""
        return frozenset(q.name for q in self.questions if q.calculation is not None)

    @cached_property
    def _by_name(self) -> dict[str, Question]:
        return {question.name: question for question in self.questions}

    def question(self, name: str) -> Question:
        """The question called ``name``; KeyError if there is none."""
        return self._by_name[name]

    def has_question(self, name: str) -> bool:
        """Whether a question is called ``name`` (looked up in the index, the questions are not walked)."""
        return name in self._by_name

    @cached_property
    def repeats(self) -> Mapping[str, Section]:
        """Question name -> the repeat section holding it, for every question inside a repeat."""
        return MappingProxyType({q.name: section for section in self.sections if section.repeat
                                 for q in section.questions})

    def repeat_of(self, name: str) -> Section | None:
        """The repeat section holding question ``name``; None for a question outside repeats."""
        return self.repeats.get(name)

    def section(self, name: str) -> Section:
        """The section called ``name``; KeyError if there is none."""
        for section in self.sections:
            if section.name == name:
                return section
        raise KeyError(name)

    def to_dict(self) -> dict[str, Any]:
        """The canonical document: plain JSON-able data, defaults left out."""
        form: dict[str, Any] = {"id": self.id, "title": dict(self.title),
                                "languages": list(self.languages)}
        _put(form, "description", self.description)
        if self.metadata:
            form["metadata"] = dict(self.metadata)
        choices = {name: [_choice_dict(choice) for choice in options]
                   for name, options in self.choice_lists.items()}
        return {"form": form, "choices": choices,
                "sections": [section.to_dict() for section in self.sections]}

    def content_hash(self) -> str:
        """sha256 (hex) of the canonical JSON of ``to_dict()``: equal content, equal hash."""
        text = json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False,
                          separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


_P = ParamSpec("_P")
_T = TypeVar("_T")

DERIVED_PER_DEFINITION = 64
"""Values ``per_definition`` keeps on one definition: its pages in each language, each with the unit
choices of the day, and the keyer's routing; beyond it the oldest is dropped (computed again if asked)."""
_derive_lock = Lock()
_NONE_KEPT = object()


def per_definition(function: Callable[Concatenate[Definition, _P], _T]) -> Callable[Concatenate[Definition, _P], _T]:
    """``function(definition, *args)`` computed once per definition object and ``args`` (hashable),
    kept on the definition as its cached properties are: a definition never changes once loaded
    (``survey.questionnaires.queries.version_definition`` keeps one per version and process), and
    what was derived from it goes with it. The value is shared: callers must not change it."""
    @wraps(function)
    def kept(definition: Definition, *args: _P.args, **kwargs: _P.kwargs) -> _T:
        derived: dict[Hashable, Any] = definition.__dict__.setdefault("_derived", {})
        key = (function, *args, *sorted(kwargs.items()))
        found = derived.get(key, _NONE_KEPT)
        if found is _NONE_KEPT:
            found = _keep(derived, key, function(definition, *args, **kwargs))
        return found
    return kept


def _keep(derived: dict[Hashable, Any], key: Hashable, value: _T) -> _T:
    """Keep ``value``, dropping the oldest beyond DERIVED_PER_DEFINITION; locked, for gunicorn's
    threads share a definition (the value is computed outside the lock, as ``survey.kept`` does)."""
    with _derive_lock:
        derived[key] = value
        while len(derived) > DERIVED_PER_DEFINITION:
            del derived[next(iter(derived))]
    return value


def _choice_dict(choice: Choice) -> dict[str, Any]:
    data: dict[str, Any] = {"value": choice.value, "label": dict(choice.label)}
    if choice.columns:
        data["columns"] = dict(choice.columns)
    return data


def _put(data: dict[str, Any], key: str, value: Label | Expression | str | None) -> None:
    """Set an optional key, in its plain form, only when it has a value."""
    if isinstance(value, Label):
        data[key] = dict(value)
    elif isinstance(value, Expression):
        data[key] = value.source
    elif value is not None:
        data[key] = value


# --- from a validated document -----------------------------------------------------


def assemble(document: Mapping[str, Any]) -> Definition:
    """Build the Definition of a document that has passed validation."""
    form = document["form"]
    languages = tuple(form["languages"])
    lists = {name: tuple(_choice(item, languages) for item in items)
             for name, items in (document.get("choices") or {}).items()}
    sections = tuple(_section(raw, languages, lists) for raw in document["sections"])
    return Definition(id=form["id"], title=_label(form["title"], languages), languages=languages,
                      description=_optional_label(form.get("description"), languages),
                      choice_lists=MappingProxyType(lists), sections=sections,
                      metadata=tuple((str(k), str(v)) for k, v in (form.get("metadata") or {}).items()))


def _label(raw: Any, languages: tuple[str, ...]) -> Label:
    """A label in the order of the form's languages; a plain string is the only language's."""
    if isinstance(raw, str):
        return Label({languages[0]: raw})
    return Label({language: raw[language] for language in languages})


def _optional_label(raw: Any, languages: tuple[str, ...]) -> Label | None:
    return None if raw is None else _label(raw, languages)


def _expression(raw: Any) -> Expression | None:
    return None if raw is None else parse(raw)


def _choice(raw: Mapping[str, Any], languages: tuple[str, ...]) -> Choice:
    # YAML reads `value: 1` as a number; choice values are always text.
    columns = tuple((str(k), str(v)) for k, v in (raw.get("columns") or {}).items())
    return Choice(str(raw["value"]), _label(raw["label"], languages), columns)


def _section(raw: Mapping[str, Any], languages: tuple[str, ...],
             lists: Mapping[str, tuple[Choice, ...]]) -> Section:
    questions = tuple(_question(item, languages, lists) for item in raw["questions"])
    return Section(name=raw["name"], title=_label(raw["title"], languages), questions=questions,
                   description=_optional_label(raw.get("description"), languages),
                   relevant=_expression(raw.get("relevant")), xlsform_name=raw.get("xlsform_name"),
                   appearance=raw.get("appearance"), repeat=raw.get("repeat") is True,
                   repeat_count=_counted(raw.get("repeat_count")), repeat_max=raw.get("repeat_max"))


def _counted(raw: Any) -> Expression | None:
    """A repeat's count: YAML reads ``repeat_count: 3`` as a number, an expression all the same."""
    return None if raw is None else parse(str(raw))


def _question(raw: Mapping[str, Any], languages: tuple[str, ...],
              lists: Mapping[str, tuple[Choice, ...]]) -> Question:
    kind = QUESTION_TYPES[raw["type"]]
    list_name = raw.get("choices")
    return Question(
        name=raw["name"], type=raw["type"], label=_label(raw["label"], languages),
        hint=_optional_label(raw.get("hint"), languages), required=raw.get("required") is True,
        relevant=_expression(raw.get("relevant")), constraint=_expression(raw.get("constraint")),
        constraint_message=_optional_label(raw.get("constraint_message"), languages),
        choice_list=list_name,
        choices=lists[list_name] if list_name is not None else kind.builtin_choices,
        levels=tuple(raw.get("levels") or ()),
        calculation=_expression(raw.get("calculation")),
        choice_filter=_expression(raw.get("choice_filter")), xlsform_name=raw.get("xlsform_name"),
        appearance=raw.get("appearance"),
        parameters=tuple((str(k), str(v)) for k, v in (raw.get("parameters") or {}).items()))
