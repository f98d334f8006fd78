"""Repeats: a section asked once per instance (a household roster), its answers kept per instance.

In a mapping of answers (a draft, a submission, ``forms.check_answers``) the answer to question
``q`` of a repeat's n-th instance is under the key ``q[n]`` (n from 1); a question outside every
repeat keeps its plain name. Stored, the key is the question's name and n its ``instance``
(``survey.responses.models.Answer``; 0 outside repeats). Expressions written inside a repeat read
the same instance's answers by their plain names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from .definition import Definition, Section
from .expression_functions import number
from .expressions import Lookup

MAX_INSTANCES = 100
"""The most instances any repeat takes, whatever its count says: a roster, not a data table."""
PAPER_INSTANCES = 5
"""Blank instances a repeat gets on paper (and so on the keyer's page), fewer when it takes fewer."""

_INSTANCE_KEY = re.compile(r"([a-z][a-z0-9_]*)\[([1-9][0-9]{0,5})\]")


def instance_key(name: str, instance: int) -> str:
    """The answers' key of question ``name`` in ``instance`` (its plain name for instance 0)."""
    return f"{name}[{instance}]" if instance else name


def split_key(key: str) -> tuple[str, int]:
    """(question name, instance) of an answers' key: ``'age[2]'`` -> ``('age', 2)``, a plain name -> 0."""
    found = _INSTANCE_KEY.fullmatch(key)
    return (found[1], int(found[2])) if found else (key, 0)


def given_instances(section: Section, keys: Iterable[str]) -> int:
    """The highest instance of ``section``'s questions among ``keys`` (0 when none)."""
    names = {question.name for question in section.questions}
    return max((instance for name, instance in map(split_key, keys) if name in names), default=0)


def max_instances(section: Section) -> int:
    """The most instances the repeat ``section`` takes: its ``repeat_max``, never over MAX_INSTANCES."""
    return min(section.repeat_max or MAX_INSTANCES, MAX_INSTANCES)


def instance_count(section: Section, answers: Mapping[str, object], lookup: Lookup, shown: int = 0) -> int:
    """How many instances the repeat ``section`` has: its ``repeat_count`` read from earlier answers
    (a whole number, else 0), or up to the last that holds an answer, or the ``shown`` a page has
    (blank ones added); never over its maximum."""
    most = max_instances(section)
    if section.repeat_count is None:
        given = given_instances(section, [key for key, value in answers.items() if value is not None])
        return min(max(given, shown), most)
    counted = number(section.repeat_count.evaluate(lookup))
    if counted is None or counted != counted.to_integral_value() or counted < 0:
        return 0
    return min(int(counted), most)


def remove_instance(answers: Mapping[str, str | None], section: Section, gone: int) -> dict[str, str | None]:
    """The answers to ``section``'s questions in its instances (as many as ``answers`` holds) once
    instance ``gone`` is removed: each later one moved down a place, the last one left blank."""
    count = given_instances(section, answers)
    return {instance_key(q.name, n): answers.get(instance_key(q.name, n + (n >= gone)))
            for n in range(1, count + 1) for q in section.questions if q.kind.has_input}


def paper_instances(section: Section) -> int:
    """How many blank instances of the repeat ``section`` paper prints and the keyer's page has."""
    return min(section.repeat_max or PAPER_INSTANCES, PAPER_INSTANCES)


def repeat_names(definition: Definition) -> dict[str, str]:
    """Question name -> the name of its repeat, for every question inside a repeat."""
    return {name: section.name for name, section in definition.repeats.items()}


def answer_key_known(definition: Definition, key: str) -> bool:
    """Whether ``key`` may hold an answer: a question's plain name outside repeats, ``q[n]`` inside."""
    name, instance = split_key(key)
    if not definition.has_question(name):
        return False
    return (definition.repeat_of(name) is not None) == (instance > 0)
