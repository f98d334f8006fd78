"""Every problem code, triggered by a small definition, with its row and column."""

from __future__ import annotations

import pytest

import forms
from forms import CATALOGUE, DefinitionError

# (questions built with the `question` fixture, code, index of the question whose row is
#  reported, column). The questions follow a valid header with a choice list `fruit`.
QUESTION_CASES = [
    (lambda q: [q("a", "selct_one")], "unknown_type", 0, "sections[0].questions[0].type"),
    (lambda q: ['{name: a, label: {vi: "Câu", en: "Q"}}'], "missing_field", 0,
     "sections[0].questions[0]"),
    (lambda q: [q("a", "text", colour="red")], "unknown_field", 0,
     "sections[0].questions[0].colour"),
    (lambda q: [q("Tuoi", "integer")], "invalid_name", 0, "sections[0].questions[0].name"),
    (lambda q: [q("a", "text"), q("a", "integer")], "duplicate_name", 1,
     "sections[0].questions[1].name"),
    (lambda q: [q("a", "select_one", choices="fruits")], "unknown_choice_list", 0,
     "sections[0].questions[0].choices"),
    (lambda q: [q("a", "integer", choices="fruit")], "field_not_allowed", 0,
     "sections[0].questions[0].choices"),
    (lambda q: [q("a", "text", required="yes")], "wrong_type", 0,
     "sections[0].questions[0].required"),
    (lambda q: [q("a", "text", label='{vi: "Câu"}')], "missing_translation", 0,
     "sections[0].questions[0].label"),
    (lambda q: [q("a", "text", label='{vi: "Câu", en: "Q", fr: "Q"}')], "unknown_language", 0,
     "sections[0].questions[0].label.fr"),
    (lambda q: [q("a", "text", label='{vi: "  ", en: "Q"}')], "empty_value", 0,
     "sections[0].questions[0].label.vi"),
    (lambda q: [q("a", "integer", constraint='". >"')], "expression_syntax", 0,
     "sections[0].questions[0].constraint"),
    (lambda q: [q("age", "integer"), q("b", "text", relevant='"agee > 1"')],
     "unknown_reference", 1, "sections[0].questions[1].relevant"),
    (lambda q: [q("a", "text", relevant='"b = 1"'), q("b", "integer")], "forward_reference", 0,
     "sections[0].questions[0].relevant"),
    (lambda q: [q("a", "integer", constraint='"a > 1"')], "self_reference", 0,
     "sections[0].questions[0].constraint"),
    (lambda q: [q("n", "note"), q("a", "text", relevant='"n = 1"')], "note_reference", 1,
     "sections[0].questions[1].relevant"),
    (lambda q: [q("x", "yes_no"), q("a", "text", relevant="\"slected(x, 'yes')\"")],
     "unknown_function", 1, "sections[0].questions[1].relevant"),
    (lambda q: [q("x", "yes_no"), q("a", "text", relevant='"selected(x)"')], "bad_arguments", 1,
     "sections[0].questions[1].relevant"),
    (lambda q: [q("x", "integer"), q("a", "text", relevant="\"selected(x, '1')\"")],
     "not_a_choice_question", 1, "sections[0].questions[1].relevant"),
    (lambda q: [q("x", "select_one", choices="fruit"),
                q("a", "text", relevant="\"selected(x, 'kiwi')\"")],
     "unknown_selected_value", 1, "sections[0].questions[1].relevant"),
    (lambda q: [q("a", "integer", relevant='". > 1"')], "dot_outside_constraint", 0,
     "sections[0].questions[0].relevant"),
    (lambda q: [q("a", "integer", relevant="\"choice('region') = 'n'\"")],
     "choice_outside_filter", 0, "sections[0].questions[0].relevant"),
    (lambda q: [q("a", "range", parameters="{start: 1, end: 10, step: 4}")], "invalid_range", 0,
     "sections[0].questions[0].parameters"),
]

HEADER_CASES = [
    # (YAML text, code, row, column)
    ("", "empty_document", None, ""),
    ("- form\n- sections\n", "wrong_type", 1, ""),
    ("form:\n  id: x\n  title: T\n  languages: [vi]\n", "missing_field", 1, ""),
    ("form: {id: x, title: T, languages: [vi]}\nsectoins: []\n", "unknown_field", 2, "sectoins"),
    ("form: {id: Bad Id, title: T, languages: [vi]}\n", "invalid_form_id", 1, "form.id"),
    ("form:\n  id: x\n  title: T\n  languages: [vi, EN]\n", "invalid_language", 4,
     "form.languages[1]"),
    ("form:\n  id: x\n  title: T\n  languages: []\n", "empty_value", 4, "form.languages"),
    ("form: {id: x, title: T, languages: [vi]}\nchoices:\n  c:\n    - {value: a b, label: A}\n",
     "invalid_choice_value", 4, "choices.c[0].value"),
    ("form: {id: x, title: T, languages: [vi]}\nchoices:\n  c:\n    - {value: a, label: A}\n"
     "    - {value: a, label: B}\n", "duplicate_choice_value", 5, "choices.c[1].value"),
    ("form: {id: x, title: T, languages: [vi]}\nsections: [1]\n", "wrong_type", 2, "sections[0]"),
    ("form: {id: x\n", "yaml_syntax", 2, ""),
    ("form: &f {id: x, title: T, languages: [vi], again: *f}\n", "yaml_aliases", 1, ""),
    ("form: {id: x, id: y}\n", "duplicate_key", 1, "form.id"),
    ('form: {id: x, title: "T\\0", languages: [vi]}\n', "control_character", 1, "form.title"),
    ("form: {id: x, title: T, languages: [vi]}\nsections:\n  - {name: m, title: M, repeat: true, repeat_max: 0,"
     " questions: [{name: a, type: text, label: A}]}\n", "invalid_repeat", 3, "sections[0].repeat_max"),
    ("form: {id: x, title: T, languages: [vi]}\nsections:\n  - {name: m, title: M, repeat: true,"
     " questions: [{name: a, type: text, label: A}]}\n  - {name: s, title: S, relevant: \"a = 'x'\","
     " questions: [{name: b, type: text, label: B}]}\n", "repeat_reference", 4, "sections[1].relevant"),
    ("form: {id: x, title: T, languages: [vi], metadata: {a: phone}}\n", "unknown_metadata", 1,
     "form.metadata.a"),
]


@pytest.mark.parametrize(("build", "code", "index", "column"), QUESTION_CASES,
                         ids=[case[1] for case in QUESTION_CASES])
def test_question_problems(load_problems, form_text, question, first_row, build, code, index,
                           column):
    found = load_problems(form_text(*build(question)))
    matching = [p for p in found if p.code == code]
    assert matching, f"no {code} among {[str(p) for p in found]}"
    assert (matching[0].row, matching[0].column) == (first_row + index, column)


@pytest.mark.parametrize(("text", "code", "row", "column"), HEADER_CASES,
                         ids=[case[1] for case in HEADER_CASES])
def test_document_problems(load_problems, text, code, row, column):
    found = load_problems(text)
    matching = [p for p in found if p.code == code]
    assert matching, f"no {code} among {[str(p) for p in found]}"
    assert (matching[0].row, matching[0].column) == (row, column)


def test_a_file_that_is_not_utf8(load_problems, tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("form: {id: x, title: 'Phiếu'}\n".encode("utf-16"))
    (problem,) = load_problems(path)
    assert problem.code == "not_utf8"


def test_every_code_in_the_catalogue_is_exercised():
    exercised = {case[1] for case in QUESTION_CASES + HEADER_CASES} | {"not_utf8"}
    assert exercised == set(CATALOGUE)


def test_messages_name_the_value_and_suggest(load_problems, form_text, question):
    found = load_problems(form_text(question("a", "selct_one"),
                                    question("age", "integer"),
                                    question("b", "text", relevant='"agee > 1"')))
    messages = {p.code: p.message for p in found}
    assert messages["unknown_type"] == "unknown type 'selct_one' (did you mean 'select_one'?)"
    assert messages["unknown_reference"] == "no question named 'agee' (did you mean 'age'?)"
    assert {p.value for p in found} == {"selct_one", "agee"}


def test_problem_text_has_row_column_message_and_code(load_problems, form_text, question,
                                                      first_row):
    (problem,) = load_problems(form_text(question("a", "selct_one")))
    assert str(problem) == (f"row {first_row}, sections[0].questions[0].type: unknown type "
                            "'selct_one' (did you mean 'select_one'?) [unknown_type]")


def test_definition_error_lists_every_problem_one_per_line(load_problems, form_text, question):
    text = form_text(question("a", "selct_one"), question("b", "intger"))
    with pytest.raises(DefinitionError) as caught:
        forms.load_definition(text)
    lines = str(caught.value).splitlines()
    assert lines == [str(problem) for problem in caught.value.problems]
    assert len(lines) == 2


MANY_PROBLEMS = """\
form:
  id: Sipas 2026
  title: {vi: "Phiếu"}
  languages: [vi, en]
  version: 3
choices:
  ages:
    - {value: "18-24", label: {vi: "18–24", en: "18–24"}}
    - {value: "18-24", label: {vi: "25–34", en: "25–34"}}
sections:
  - name: intro
    title: {vi: "Mở đầu", en: "Intro"}
    relevant: "later = 1"
    questions:
      - {name: age, type: select_one, choices: age, label: {vi: "Tuổi", en: "Age"}}
      - {name: age, type: integr, label: {vi: "Tuổi", en: "Age"}}
      - {name: ok, type: yes_no, required: maybe, label: {vi: "Đồng ý", en: "Agree"}}
      - {name: why, type: text, relevant: "selected(ok, 'perhaps')", label: {vi: "Vì sao", en: "Why"}}
      - name: visits
        type: integer
        label: {vi: "Số lần", en: "Visits"}
        constraint: ". >= 0 and . <="
  - name: later
    title: {vi: "Sau", en: "Later"}
    questions:
      - {name: later_q, type: satisfaction, label: {vi: "Hài lòng", en: "Satisfied"}}
"""


def test_a_file_with_many_problems_reports_all_of_them(load_problems):
    found = load_problems(MANY_PROBLEMS)
    assert [(p.row, p.code) for p in found] == [
        (2, "invalid_form_id"),
        (3, "missing_translation"),
        (5, "unknown_field"),
        (9, "duplicate_choice_value"),
        (13, "unknown_reference"),  # `later` is a section, not a question
        (15, "unknown_choice_list"),
        (16, "unknown_type"),
        (16, "duplicate_name"),
        (17, "wrong_type"),
        (18, "unknown_selected_value"),
        (22, "expression_syntax"),
    ]


def test_a_section_may_only_read_earlier_sections(load_problems, form_text, question):
    tail = ("  - name: second\n    title: {vi: Hai, en: Two}\n"
            "    relevant: \"a = 1 and b = 2\"\n    questions:\n"
            f"      - {question('b', 'integer')}\n")
    found = load_problems(form_text(question("a", "integer"), tail=tail))
    assert [(p.code, p.value) for p in found] == [("forward_reference", "b")]


def test_a_constraint_may_use_the_current_answer_and_earlier_ones(make_definition, question):
    definition = make_definition(
        question("low", "integer"),
        question("high", "integer", constraint='". >= low"'),
        question("pick", "select_multiple", choices="fruit",
                 constraint="\"not (selected(., 'fig') and count_selected(.) > 1)\""),
    )
    assert definition.question("high").constraint.references == {"low"}


@pytest.mark.parametrize("name", ["and", "mod", "not", "data", "errors", "validate", "answers"])
def test_reserved_words_are_not_question_names(load_problems, form_text, question, name):
    (problem,) = load_problems(form_text(question(name, "text")))
    assert problem.code == "invalid_name"


def test_choice_lists_and_levels_may_use_reserved_words(make_definition, question):
    definition = make_definition(question("where", "unit", levels="[data]"))
    assert definition.question("where").levels == ("data",)


def test_names_are_limited_to_64_characters(load_problems, make_definition, form_text, question):
    assert make_definition(question("a" * 64, "text")).questions[0].name == "a" * 64
    (problem,) = load_problems(form_text(question("a" * 65, "text")))
    assert problem.code == "invalid_name"


def test_a_plain_string_label_is_fine_in_a_single_language_form():
    definition = forms.load_definition(
        "form: {id: one, title: Một, languages: [vi]}\n"
        "sections:\n  - {name: s, title: Phần, questions: [{name: a, type: text, label: Câu}]}\n")
    assert definition.question("a").label == {"vi": "Câu"}


def test_dicts_are_checked_too_without_rows(load_problems):
    found = load_problems({"form": {"id": "x", "title": "T", "languages": ["vi"]},
                           "sections": [{"name": "s", "title": "S", "questions": [
                               {"name": "a", "type": "selct_one", "label": "A"}]}]})
    assert [(p.code, p.row, p.column) for p in found] == [
        ("unknown_type", None, "sections[0].questions[0].type")]


def test_format_md_lists_every_code_and_reserved_name():
    import re
    from pathlib import Path

    from forms.builder import FORM_ATTRIBUTES
    from forms.expressions import KEYWORDS

    text = (Path(forms.__file__).parent / "FORMAT.md").read_text(encoding="utf-8")
    table = set(re.findall(r"^\| `([a-z_0-9]+)` \|", text, re.MULTILINE))
    assert set(CATALOGUE) <= table
    reserved = re.search(r"nor one the web form uses for itself\s+\(([^)]*)\)", text)
    assert reserved is not None
    assert set(reserved.group(1).replace("`", "").split()) == FORM_ATTRIBUTES
    keywords = re.search(r"expression language \(`([^`]*)`\)", text)
    assert keywords is not None and set(keywords.group(1).split()) == KEYWORDS
