"""Answers shown inside texts: ``${name}`` in a question's label or hint (as in XLSForm).

A reference names a question with an answer (a later one too, as XLSForm allows: its answer
shows once given, going back); the page shows that answer where the reference stands (a choice's
label for select questions, the stored text otherwise, nothing when it has none). ``fill_html``
also renders the text's simple markup (``**bold**``, ``*italic*``, forms.markup) for the citizen's
and the keyer's pages, the answers escaped and never read as markup; paper and data files show
the text plain (``markup.to_plain``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from markupsafe import Markup, escape

from .definition import Definition, Question
from .markup import to_html
from .types import QUESTION_TYPES
from .validation import Context, Item

REFERENCE = re.compile(r"\$\{\s*([^}\s]*)\s*\}")
_PIPED_KEYS = ("label", "hint")


def references(text: str) -> list[str]:
    """The names ``text`` refers to, in order."""
    return REFERENCE.findall(text)


def fill(text: str, definition: Definition, answers: Mapping[str, str | None],
         language: str) -> str:
    """``text`` with each ``${name}`` replaced by the answer to show (unknown names kept)."""
    return REFERENCE.sub(lambda match: _shown(match, definition, answers, language), text)


def fill_html(text: str, definition: Definition, answers: Mapping[str, str | None],
              language: str) -> Markup:
    """``text`` as HTML: escaped, its markup rendered, each ``${name}`` the escaped answer."""
    def shown(match: re.Match[str]) -> str:
        return str(escape(_shown(match, definition, answers, language)))
    return Markup(REFERENCE.sub(shown, to_html(text)))  # safe: every part escaped


def _shown(match: re.Match[str], definition: Definition, answers: Mapping[str, str | None],
           language: str) -> str:
    name = match.group(1)
    try:
        question = definition.question(name)
    except KeyError:
        return match.group()
    return _display(question, answers.get(name), language)


def _display(question: Question, stored: str | None, language: str) -> str:
    if stored is None:
        return ""
    labels = {choice.value: choice.label.text(language) for choice in question.choices}
    return ", ".join(labels.get(value, value) for value in stored.split()) if labels else stored


def check_piping(ctx: Context) -> None:
    """A step of the pipeline: every ``${name}`` in a label or hint names a question's answer."""
    questions = {item.name: item for item in ctx.items
                 if item.name is not None and not item.is_section}
    for item in ctx.items:
        for key in _PIPED_KEYS if not item.is_section else ():
            for path, text in _texts(item, key):
                for name in references(text):
                    _check(ctx, path, name, questions.get(name))


def _texts(item: Item, key: str) -> list[tuple[tuple[str | int, ...], str]]:
    value = item.raw.get(key)
    if isinstance(value, str):
        return [((*item.path, key), value)]
    if isinstance(value, dict):
        return [((*item.path, key, str(lang)), text) for lang, text in value.items()
                if isinstance(text, str)]
    return []


def _check(ctx: Context, path: tuple[str | int, ...], name: str, target: Item | None) -> None:
    if target is None:
        ctx.report("unknown_reference", path, name, suggestion="")
    elif not _answers(target):
        ctx.report("note_reference", path, name)


def _answers(item: Item) -> bool:
    return item.type is None or QUESTION_TYPES[item.type].has_answer
