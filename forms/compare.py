"""What changed between two versions of a questionnaire.

Questions and sections are matched by name, the stable key answers are stored under: a
question whose name changed is one question removed and another added. ``compare`` lists
the changes, in the new version's order, removed ones last:

=========================== ====================================================
kind                        before / after
=========================== ====================================================
``form_retitled``           the title in ``language``
``language_added/removed``  the language (key)
``section_added/removed``   -
``section_retitled``        the title in ``language``
``section_relevant_changed`` the expression text (None when absent)
``section_repeat_changed``  how many instances: its ``repeat_count`` text, ``≤ n`` (``repeat_max``), ``≤ 100``;
                            None when it is no repeat
``question_added/removed``  the section it is / was in
``question_relabelled``     the label in ``language``
``hint_changed``            the hint in ``language``
``type_changed``            the type
``required_changed``        True / False
``relevant_changed``        the expression text (None when absent)
``constraint_changed``      the expression text (None when absent)
``constraint_message_changed`` the message in ``language``
``question_moved``          the section name
``choice_added/removed``    the choice's label (a mapping language -> text); ``choice``
``choice_relabelled``       the choice's label in ``language``; ``choice``
=========================== ====================================================
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .definition import Definition, Question, Section
from .expressions import Expression
from .labels import Label
from .repeats import MAX_INSTANCES


@dataclass(frozen=True)
class Change:
    """One difference; ``key`` is the question or section name (the form id for the form)."""

    kind: str
    key: str
    before: Any = None
    after: Any = None
    language: str | None = None
    choice: str | None = None
    """The choice value, for choice_* kinds."""

    def __str__(self) -> str:
        where = self.key + (f" [{self.choice}]" if self.choice is not None else "")
        where += f" ({self.language})" if self.language else ""
        return f"{self.kind}: {where}: {self.before!r} -> {self.after!r}"


def compare(old: Definition, new: Definition) -> list[Change]:
    """Every change from ``old`` to ``new`` (see the module documentation for the kinds).

    Texts are compared in the languages both versions have: a language added or removed
    is one change, not one per label.
    """
    shared = set(old.languages) & set(new.languages)
    changes = [*_form(old, new), *_sections(old, new), *_questions(old, new)]
    return [c for c in changes if c.language is None or c.language in shared]


def _form(old: Definition, new: Definition) -> Iterator[Change]:
    yield from _labels("form_retitled", new.id, old.title, new.title)
    for language in new.languages:
        if language not in old.languages:
            yield Change("language_added", language, after=language)
    for language in old.languages:
        if language not in new.languages:
            yield Change("language_removed", language, before=language)


def _sections(old: Definition, new: Definition) -> Iterator[Change]:
    before = {section.name: section for section in old.sections}
    after = {section.name: section for section in new.sections}
    for section in new.sections:
        if section.name not in before:
            yield Change("section_added", section.name)
        else:
            yield from _section(before[section.name], section)
    for section in old.sections:
        if section.name not in after:
            yield Change("section_removed", section.name)


def _section(old: Section, new: Section) -> Iterator[Change]:
    yield from _labels("section_retitled", new.name, old.title, new.title)
    yield from _expressions("section_relevant_changed", new.name, old.relevant, new.relevant)
    if _instances(old) != _instances(new):
        yield Change("section_repeat_changed", new.name, _instances(old), _instances(new))


def _instances(section: Section) -> str | None:
    """How many instances a repeat section has, as ``section_repeat_changed`` says it."""
    if not section.repeat:
        return None
    if section.repeat_count is not None:
        return section.repeat_count.source
    return f"≤ {section.repeat_max or MAX_INSTANCES}"


def _homes(definition: Definition) -> dict[str, tuple[Section, Question]]:
    return {q.name: (s, q) for s in definition.sections for q in s.questions}


def _questions(old: Definition, new: Definition) -> Iterator[Change]:
    before, after = _homes(old), _homes(new)
    for name, (section, question) in after.items():
        if name not in before:
            yield Change("question_added", name, after=section.name)
            continue
        old_section, old_question = before[name]
        if old_section.name != section.name:
            yield Change("question_moved", name, old_section.name, section.name)
        yield from _question(old_question, question)
    for name, (section, _) in before.items():
        if name not in after:
            yield Change("question_removed", name, before=section.name)


def _question(old: Question, new: Question) -> Iterator[Change]:
    name = new.name
    if old.type != new.type:
        yield Change("type_changed", name, old.type, new.type)
    yield from _labels("question_relabelled", name, old.label, new.label)
    yield from _labels("hint_changed", name, old.hint, new.hint)
    if old.required != new.required:
        yield Change("required_changed", name, old.required, new.required)
    yield from _expressions("relevant_changed", name, old.relevant, new.relevant)
    yield from _expressions("constraint_changed", name, old.constraint, new.constraint)
    yield from _labels("constraint_message_changed", name, old.constraint_message,
                       new.constraint_message)
    yield from _choices(name, old, new)


def _choices(name: str, old: Question, new: Question) -> Iterator[Change]:
    before = {choice.value: choice.label for choice in old.choices}
    after = {choice.value: choice.label for choice in new.choices}
    for value, label in after.items():
        if value not in before:
            yield Change("choice_added", name, after=dict(label), choice=value)
        else:
            for change in _labels("choice_relabelled", name, before[value], label):
                yield Change(change.kind, name, change.before, change.after,
                             change.language, value)
    for value, label in before.items():
        if value not in after:
            yield Change("choice_removed", name, before=dict(label), choice=value)


def _labels(kind: str, key: str, old: Label | None, new: Label | None) -> Iterator[Change]:
    """One change per language whose text differs (absent texts are None)."""
    old_texts: Mapping[str, str] = old or {}
    new_texts: Mapping[str, str] = new or {}
    for language in dict.fromkeys([*new_texts, *old_texts]):
        if old_texts.get(language) != new_texts.get(language):
            yield Change(kind, key, old_texts.get(language), new_texts.get(language), language)


def _expressions(kind: str, key: str, old: Expression | None,
                 new: Expression | None) -> Iterator[Change]:
    before = old.source if old else None
    after = new.source if new else None
    if before != after:
        yield Change(kind, key, before, after)
