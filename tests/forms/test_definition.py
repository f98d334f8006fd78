"""The loaded Definition: its parts, its canonical dict and its content hash."""

from __future__ import annotations

import json

import pytest

import forms
from forms import Choice, Definition, Label

TEXT = """\
form:
  id: sipas-test
  title: {vi: "Phiếu khảo sát", en: "Survey"}
  languages: [vi, en]
  description: {vi: "Mô tả", en: "About"}
choices:
  age_group:
    - {value: "18-24", label: {vi: "18–24 tuổi", en: "18–24"}}
    - {value: 25, label: {vi: "25 trở lên", en: "25 or more"}}
sections:
  - name: access
    title: {vi: "Tiếp cận", en: "Access"}
    questions:
      - {name: visited, type: yes_no, required: true, label: {vi: "Đã đến?", en: "Visited?"}}
      - name: age
        type: select_one
        choices: age_group
        required: false
        relevant: "visited = 'yes'"
        label: {vi: "Tuổi", en: "Age"}
        hint: {vi: "Chọn một", en: "Pick one"}
  - name: rating
    title: {vi: "Đánh giá", en: "Rating"}
    relevant: "visited = 'yes'"
    questions:
      - name: a1
        type: satisfaction
        label: {vi: "Hài lòng?", en: "Satisfied?"}
      - name: visits
        type: integer
        constraint: ". >= 1 and . <= 50"
        constraint_message: {vi: "Từ 1 đến 50", en: "1 to 50"}
        label: {vi: "Số lần", en: "Visits"}
      - {name: office, type: unit, levels: [district, commune], label: {vi: "Nơi", en: "Where"}}
      - {name: thanks, type: note, label: {vi: "Cảm ơn", en: "Thank you"}}
"""


@pytest.fixture
def loaded() -> Definition:
    return forms.load_definition(TEXT)


def test_parts_of_a_definition(loaded):
    assert loaded.id == "sipas-test"
    assert loaded.languages == ("vi", "en")
    assert loaded.title["en"] == "Survey"
    assert [s.name for s in loaded.sections] == ["access", "rating"]
    assert [q.name for q in loaded.questions] == ["visited", "age", "a1", "visits", "office",
                                                 "thanks"]
    age = loaded.question("age")
    assert age.required is False and age.choice_list == "age_group"
    assert age.choices == (Choice("18-24", Label({"vi": "18–24 tuổi", "en": "18–24"})),
                           Choice("25", Label({"vi": "25 trở lên", "en": "25 or more"})))
    assert age.relevant.references == {"visited"}
    assert loaded.question("office").levels == ("district", "commune")
    assert loaded.section("rating").relevant.source == "visited = 'yes'"
    with pytest.raises(KeyError):
        loaded.question("nope")


def test_built_in_choices_are_resolved(loaded):
    assert [c.value for c in loaded.question("a1").choices] == ["1", "2", "3", "4", "5", "9"]
    assert loaded.question("visited").choices[0].label.text("vi") == "Có"
    assert loaded.question("visits").choices == ()


def test_to_dict_is_plain_json_and_leaves_defaults_out(loaded):
    document = loaded.to_dict()
    assert json.loads(json.dumps(document)) == document
    age = document["sections"][0]["questions"][1]
    assert age == {"name": "age", "type": "select_one", "label": {"vi": "Tuổi", "en": "Age"},
                   "hint": {"vi": "Chọn một", "en": "Pick one"}, "relevant": "visited = 'yes'",
                   "choices": "age_group"}
    assert document["choices"]["age_group"][1]["value"] == "25"  # YAML's number, as text


def test_the_dict_loads_back_to_an_equal_definition(loaded):
    again = forms.definition_from_dict(loaded.to_dict())
    assert again == loaded
    assert again.to_dict() == loaded.to_dict()
    assert again.content_hash() == loaded.content_hash()


def test_the_hash_is_the_sha256_of_the_canonical_json(loaded):
    import hashlib

    text = json.dumps(loaded.to_dict(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert loaded.content_hash() == hashlib.sha256(text.encode()).hexdigest()


def test_the_hash_ignores_layout_comments_and_default_values(loaded):
    default, flow = "        required: false\n", '{vi: "Tuổi", en: "Age"}'
    assert TEXT.count(default) == TEXT.count(flow) == 1
    text = "# a comment\n" + TEXT.replace(default, "").replace(
        flow, "\n          en: Age\n          vi: Tuổi")
    assert forms.load_definition(text).content_hash() == loaded.content_hash()


@pytest.mark.parametrize(("old", "new"), [
    ('"Phiếu khảo sát"', '"Phiếu khảo sát (sửa)"'),
    ("required: true", "required: false"),
    (". >= 1 and", ". >= 0 and"),
    ("levels: [district, commune]", "levels: [commune, district]"),
])
def test_any_change_of_content_changes_the_hash(loaded, old, new):
    assert TEXT.count(old) == 1
    assert forms.load_definition(TEXT.replace(old, new)).content_hash() != loaded.content_hash()


def test_labels_are_immutable_mappings():
    label = Label({"vi": "Có", "en": "Yes"})
    assert label == {"vi": "Có", "en": "Yes"}
    assert hash(label) == hash(Label({"en": "Yes", "vi": "Có"}))
    assert label.text("fr") == "Có"  # falls back to the first language
    with pytest.raises(TypeError):
        label["vi"] = "Không"  # type: ignore[index]
