"""Builders for questionnaire definitions used by the forms tests.

Questions written with ``form_text`` follow ``HEADER``, one per line: the question at
index ``i`` sits on row ``first_row + i``.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
from flask import Flask

import forms
from forms import Definition, DefinitionError, Problem

HEADER = """\
form:
  id: test
  title: {vi: "Kiểm tra", en: "Test"}
  languages: [vi, en]
choices:
  fruit:
    - {value: apple, label: {vi: "Táo", en: Apple}}
    - {value: pear, label: {vi: "Lê", en: Pear}}
    - {value: fig, label: {vi: "Sung", en: Fig}}
sections:
  - name: main
    title: {vi: "Chính", en: Main}
    questions:
"""


@pytest.fixture
def first_row() -> int:
    """The row of the first question written by ``form_text``."""
    return HEADER.count("\n") + 1


@pytest.fixture
def question() -> Callable[..., str]:
    """Builds one question as a one-line YAML flow mapping.

    Field values are YAML text (quote expressions: ``relevant='"a = 1"'``); a two-language
    label is added unless one is given.
    """

    def build(name: str, type: str, **fields: str) -> str:
        fields.setdefault("label", f'{{vi: "Câu {name}", en: "Question {name}"}}')
        parts = [f"name: {name}", f"type: {type}", *(f"{k}: {v}" for k, v in fields.items())]
        return "{" + ", ".join(parts) + "}"

    return build


@pytest.fixture
def form_text() -> Callable[..., str]:
    """Builds YAML text: HEADER, then one line per question (flow mappings), then ``tail``."""

    def build(*questions: str, header: str = HEADER, tail: str = "") -> str:
        lines = [f"      - {question}" for question in questions]
        return header + "\n".join(lines) + "\n" + tail

    return build


@pytest.fixture
def make_definition(form_text) -> Callable[..., Definition]:
    """Builds a valid Definition from question lines (see ``form_text``)."""

    def build(*questions: str, **kwargs: str) -> Definition:
        return forms.load_definition(form_text(*questions, **kwargs))

    return build


@pytest.fixture
def load_problems() -> Callable[[object], list[Problem]]:
    """Loads YAML text or a file (or checks a dict) that must fail; returns its problems."""

    def collect(source: object) -> list[Problem]:
        with pytest.raises(DefinitionError) as caught:
            if isinstance(source, (str, os.PathLike)):
                forms.load_definition(source)
            else:
                forms.definition_from_dict(source)  # type: ignore[arg-type]
        assert caught.value.problems, "a DefinitionError must carry its problems"
        return caught.value.problems

    return collect


@pytest.fixture
def form_app() -> Flask:
    """A bare Flask app for WTForms tests (no database, no CSRF)."""
    app = Flask(__name__)
    app.config.update(WTF_CSRF_ENABLED=False, SECRET_KEY="test")
    return app
