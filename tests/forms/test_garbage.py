"""Whatever the input, loading ends in a Definition or a DefinitionError - never a crash."""

from __future__ import annotations

import copy
import random

import pytest
import yaml

import forms
from forms import Definition, DefinitionError

GARBAGE_TEXTS = [
    "",
    "# only a comment\n",
    "null",
    "42",
    "3.5",
    "true",
    "'just text'",
    "[]",
    "- 1\n- 2\n",
    "{}",
    "form: 1\nsections: 2\n",
    "form: []\nsections: {}\nchoices: []\n",
    "form: {id: [1], title: {vi: [x]}, languages: {a: b}, description: 3}\nsections: [[], null]\n",
    "form: {id: x, title: T, languages: [vi, 5, null, {a: 1}]}\nsections: []\n",
    "form: {id: x, title: {5: T, null: U}, languages: [vi]}\nchoices: {5: [], null: {}}\n",
    "form: {id: x, title: T, languages: [vi]}\n"
    "choices: {c: [null, 1, [], {value: [], label: {}}]}\n"
    "sections: [{name: 1, title: [], questions: [null, 1, [], {}]}]\n",
    "form: {id: x, title: T, languages: [vi]}\nsections: [{name: s, title: S, questions: "
    "[{name: [], type: {}, label: 5, hint: [], required: [], relevant: 5, constraint: [x], "
    "constraint_message: 7, choices: 7, levels: 8}]}]\n",
    "form: {id: x, title: T, languages: [vi]}\nsections: [{name: s, title: S, questions: "
    "[{name: a, type: select_one, choices: [a, b], label: A, levels: [1, null]}]}]\n",
    "form: {id: x, title: T, languages: [vi]}\nchoices: {null: [{value: a, label: A}]}\n"
    "sections: [{name: s, title: S, questions: [{name: a, type: select_one, choices: c, "
    "label: A}]}]\n",
    "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "\ufeffform:\n\t- x\n",
    "form: &a\n  id: *a\n",
    "%YAML 1.1\n---\na\n---\nb\n",
    "? [complex, key]\n: value\n",
    "form: !!binary aGVsbG8=\nsections: !!set {a, b}\n",
    "form: {id: x, title: T, languages: [vi]}\nsections: [{name: s, title: S, questions: "
    "[{name: a, type: integer, label: A, constraint: \"" + "(" * 300 + "\"}]}]\n",
]


@pytest.mark.parametrize("text", GARBAGE_TEXTS, ids=range(len(GARBAGE_TEXTS)))
def test_garbage_text_gives_a_definition_error(text):
    with pytest.raises(DefinitionError) as caught:
        forms.load_definition(text)
    assert caught.value.problems
    assert all(problem.code in forms.CATALOGUE for problem in caught.value.problems)


@pytest.mark.parametrize("document", [None, [], 3, "text", {"form": None, "sections": None},
                                      {1: 2}, {"form": {"languages": "vi"}}])
def test_garbage_dicts_give_a_definition_error(document):
    with pytest.raises(DefinitionError):
        forms.definition_from_dict(document)


RICH = """\
form:
  id: rich
  title: {vi: "Phiếu", en: "Form"}
  languages: [vi, en]
  description: {vi: "Mô tả", en: "About"}
choices:
  fruit:
    - {value: apple, label: {vi: "Táo", en: Apple}}
    - {value: 2, label: {vi: "Hai", en: Two}}
sections:
  - name: first
    title: {vi: "Một", en: One}
    questions:
      - {name: pick, type: select_multiple, choices: fruit, label: {vi: "Chọn", en: Pick}}
      - name: age
        type: integer
        required: true
        label: {vi: "Tuổi", en: Age}
        hint: {vi: "Năm", en: Years}
        relevant: "selected(pick, 'apple')"
        constraint: ". >= 18"
        constraint_message: {vi: "Từ 18", en: "18 or more"}
  - name: second
    title: {vi: "Hai", en: Two}
    relevant: "age > 20"
    questions:
      - {name: sat, type: satisfaction, label: {vi: "Hài lòng", en: Satisfied}}
      - {name: where, type: unit, levels: [district], label: {vi: "Nơi", en: Where}}
      - {name: info, type: note, label: {vi: "Ghi chú", en: Note}}
"""

REPLACEMENTS = [None, 0, -1, 2.5, True, "", "x y", "selected(", "pick", "select_one", [],
                {}, [None], {"a": 1}, [{"name": "q"}], "vi", ["vi", "vi"]]


def _nodes(value, path=()):
    """Every (path, node) of a JSON-like tree."""
    yield path, value
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _nodes(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _nodes(child, (*path, index))


def _mutate(document, rng: random.Random):
    """A copy with one node replaced, deleted, or given an extra key."""
    document = copy.deepcopy(document)
    path, _ = rng.choice([entry for entry in _nodes(document) if entry[0]])
    parent = document
    for key in path[:-1]:
        parent = parent[key]
    action = rng.choice(["replace", "replace", "delete", "add"])
    if action == "replace":
        parent[path[-1]] = copy.deepcopy(rng.choice(REPLACEMENTS))
    elif action == "delete":
        del parent[path[-1]]
    elif isinstance(parent, dict):
        key = rng.choice(["extra", "name", "type", "choices", "relevant"])
        parent[key] = rng.choice(REPLACEMENTS)
    return document


@pytest.fixture
def rich_document():
    return yaml.safe_load(RICH)


def test_the_rich_document_is_valid(rich_document):
    assert isinstance(forms.definition_from_dict(rich_document), Definition)


def test_random_damage_never_crashes(rich_document):
    rng = random.Random(2026)  # fixed: a failure can be replayed
    outcomes = {"valid": 0, "invalid": 0}
    for _ in range(400):
        document = rich_document
        for _ in range(rng.randint(1, 3)):
            document = _mutate(document, rng)
        for load in (forms.definition_from_dict,
                     lambda d: forms.load_definition(yaml.safe_dump(d, allow_unicode=True))):
            try:
                load(document)
                outcomes["valid"] += 1
            except DefinitionError:
                outcomes["invalid"] += 1
    assert outcomes["invalid"] > 0 and outcomes["valid"] > 0
