"""What changed between two versions: matched by the stable keys (names)."""
from pathlib import Path

import pytest

import forms
from forms import Change


@pytest.fixture
def changes(small_form):
    """The changes from the small test form to the same text with replacements (old, new) made."""

    def compare(*replacements: tuple[str, str]) -> list[Change]:
        text = small_form
        for old, new in replacements:
            assert old in text, old
            text = text.replace(old, new)
        return forms.compare(forms.load_definition(small_form), forms.load_definition(text))

    return compare


def test_the_same_definition_has_no_changes(small_form):
    definition = forms.load_definition(small_form)
    assert forms.compare(definition, definition) == []


def test_relabelling_is_one_change_per_language(changes):
    assert changes(("Hài lòng chung", "Hài lòng nói chung"), ('en: "Overall"', 'en: "All in all"')) == [
        Change("question_relabelled", "overall", "Hài lòng chung", "Hài lòng nói chung", "vi"),
        Change("question_relabelled", "overall", "Overall", "All in all", "en")]


def test_choices_added_removed_and_relabelled(changes):
    found = changes(("{value: female, label: {vi: Nữ, en: Female}}", "{value: other, label: {vi: Khác, en: Other}}"),
                    ("{vi: Nam, en: Male}", "{vi: Nam giới, en: Male}"))
    assert found == [
        Change("choice_relabelled", "sex", "Nam", "Nam giới", "vi", "male"),
        Change("choice_added", "sex", None, {"vi": "Khác", "en": "Other"}, choice="other"),
        Change("choice_removed", "sex", {"vi": "Nữ", "en": "Female"}, None, choice="female")]


def test_type_required_relevance_and_constraint_changes(changes):
    found = changes(("type: integer", "type: decimal"), ('"overall <= 2"', '"overall <= 3"'),
                    ('". >= 1 and . <= 50"', '". >= 1"'), ("type: satisfaction, required: true", "type: satisfaction"))
    assert found == [
        Change("required_changed", "overall", True, False),
        Change("type_changed", "visits", "integer", "decimal"),
        Change("constraint_changed", "visits", ". >= 1 and . <= 50", ". >= 1"),
        Change("relevant_changed", "why", "overall <= 2", "overall <= 3")]


def test_questions_added_removed_and_moved_by_their_stable_key(changes):
    found = changes(("name: visits", "name: trips"), (
        "      - name: why\n",
        "  - name: more\n    title: {vi: Thêm, en: More}\n    questions:\n      - name: why\n"))
    assert found == [
        Change("section_added", "more"),
        Change("question_added", "trips", after="main"),
        Change("question_moved", "why", "main", "more"),
        Change("question_removed", "visits", before="main")]


def test_languages_added_or_removed_are_one_change_each(small_form):
    old = forms.load_definition(small_form)
    document = old.to_dict()
    document["form"]["languages"] = ["vi"]
    for label in _labels(document):
        label.pop("en")
    new = forms.definition_from_dict(document)
    assert forms.compare(old, new) == [Change("language_removed", "en", before="en")]
    assert forms.compare(new, old) == [Change("language_added", "en", after="en")]


def _labels(document):
    """Every label mapping in a definition document."""
    yield document["form"]["title"]
    for options in document["choices"].values():
        yield from (option["label"] for option in options)
    for section in document["sections"]:
        yield section["title"]
        yield from (question["label"] for question in section["questions"])


def test_sections_retitled_and_removed(small_form):
    sipas = forms.load_definition(Path(forms.__file__).parent / "sipas.yaml")
    document = sipas.to_dict()
    removed = document["sections"].pop()
    document["sections"][0]["title"]["en"] = "Changed"
    found = forms.compare(sipas, forms.definition_from_dict(document))
    assert found[0] == Change("section_retitled", sipas.sections[0].name, sipas.sections[0].title["en"],
                              "Changed", "en")
    assert found[1] == Change("section_removed", removed["name"])
    assert {c.kind for c in found[2:]} == {"question_removed"}
    assert len(found) == 2 + len(removed["questions"])
    assert str(found[0]).startswith(f"section_retitled: {sipas.sections[0].name} (en): ")
