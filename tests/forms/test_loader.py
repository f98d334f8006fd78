"""Reading YAML with line numbers, and turning paths into the text shown to authors."""

from __future__ import annotations

import pytest

from forms import DefinitionError
from forms.loader import format_path, load_yaml, row_of

TEXT = """\
form:
  id: x
  title:
    vi: Tiêu đề
sections:
  - name: first
    questions:
      - {name: a, type: text}
      - name: b

        type: integer
"""


def test_rows_point_at_the_line_that_names_each_value():
    data, rows = load_yaml(TEXT)
    assert data["sections"][0]["questions"][1] == {"name": "b", "type": "integer"}
    assert rows[("form",)] == 1
    assert rows[("form", "title")] == 3  # the key's line, not the nested mapping's
    assert rows[("form", "title", "vi")] == 4
    assert rows[("sections", 0)] == 6
    assert rows[("sections", 0, "questions", 0, "type")] == 8
    assert rows[("sections", 0, "questions", 1)] == 9
    assert rows[("sections", 0, "questions", 1, "type")] == 11


def test_row_of_falls_back_to_the_nearest_ancestor():
    _, rows = load_yaml(TEXT)
    assert row_of(rows, ("sections", 0, "questions", 1, "hint")) == 9
    assert row_of(rows, ("nowhere", 3)) == 1
    assert row_of({}, ("form",)) is None


def test_only_true_and_false_are_booleans():
    data, _ = load_yaml("a: yes\nb: no\nc: on\nd: true\ne: False\n")
    assert data == {"a": "yes", "b": "no", "c": "on", "d": True, "e": False}


def test_a_syntax_error_has_its_row():
    with pytest.raises(DefinitionError) as caught:
        load_yaml("form:\n  id: x\n  title: [unclosed\nsections: []\n")
    (problem,) = caught.value.problems
    assert problem.code == "yaml_syntax"
    assert problem.row == 4


def test_a_key_written_twice_is_reported_with_both_rows():
    with pytest.raises(DefinitionError) as caught:
        load_yaml("form:\n  id: x\n  title: T\n  id: y\n")
    (problem,) = caught.value.problems
    assert (problem.code, problem.row, problem.column) == ("duplicate_key", 4, "form.id")
    assert "first on row 2" in problem.message


def test_merge_keys_are_not_duplicates():
    data, _ = load_yaml("base: &b {x: 1}\nthis:\n  <<: *b\n  <<: {y: 2}\n")
    assert data["this"] == {"x": 1, "y": 2}


@pytest.mark.parametrize("text", ["[" * 5000, "a: &a [*a, *a]", "\x00\x01"])
def test_hostile_yaml_is_refused_or_read_safely(text):
    try:
        load_yaml(text)
    except DefinitionError as error:
        assert error.problems[0].code in ("yaml_syntax", "yaml_aliases")


def test_python_tags_are_refused():
    with pytest.raises(DefinitionError):
        load_yaml("!!python/object/apply:os.system ['true']")


@pytest.mark.parametrize(("path", "text"), [
    ((), ""),
    (("form", "id"), "form.id"),
    (("sections", 1, "questions", 3, "type"), "sections[1].questions[3].type"),
    (("choices", "age group"), "choices['age group']"),
    (("form", "title", "vi"), "form.title.vi"),
])
def test_format_path(path, text):
    assert format_path(path) == text
