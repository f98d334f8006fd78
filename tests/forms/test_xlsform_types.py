"""Issue 17's extra types end to end in forms/: geopoint, range, rank, acknowledge and trigger,
appearance, or_other and metadata, from XLSForm and back, and how answers are stored."""

import datetime
import io

import openpyxl
import pytest
from pyxform.xls2xform import convert

import forms
from forms.errors import answer_message
from forms.metadata import Paradata, metadata_answers
from tests.forms.conftest import HEADER

EXTRAS = """
form:
  id: extras
  title: {vi: "Thử", en: "Try"}
  languages: [vi, en]
  metadata: {started: start, end: end, today: today, deviceid: deviceid, username: username}
choices:
  fruit:
    - {value: a, label: {vi: "Táo", en: "Apple"}}
    - {value: b, label: {vi: "Chuối", en: "Banana"}}
    - {value: c, label: {vi: "Cam", en: "Orange"}}
sections:
  - name: s1
    title: {vi: "Một", en: "One"}
    appearance: field-list
    questions:
      - {name: ok, type: acknowledge, label: {vi: "Đồng ý", en: "Agree"}, required: true}
      - {name: go, type: trigger, label: {vi: "Bắt đầu", en: "Go"}}
      - {name: place, type: geopoint, label: {vi: "Ở đâu", en: "Where"}}
      - name: score
        type: range
        label: {vi: "Điểm", en: "Score"}
        parameters: {start: 0, end: 10, step: 2}
        appearance: likert
      - {name: order, type: rank, choices: fruit, label: {vi: "Xếp", en: "Rank"}}
      - {name: pick, type: select_one, choices: fruit, appearance: minimal, label: {vi: "Chọn", en: "Pick"}}
"""


@pytest.fixture
def extras() -> forms.Definition:
    return forms.load_definition(EXTRAS)


def stored(definition, name, typed):
    question = definition.question(name)
    text = question.kind.to_stored(typed, question)
    return text, None if text is None else question.kind.validate_stored(text, question)


@pytest.mark.parametrize(("typed", "expected"), [
    ("10.38 105.43", ("10.38 105.43", None)), ("10,38 105,43", ("10.38 105.43", None)),
    ("10.380,105.430", ("10.38 105.43", None)), ("  -8.5;  -35  ", ("-8.5 -35", None)),
    ("91 10", ("91 10", "invalid_geopoint")), ("10 181", ("10 181", "invalid_geopoint")),
    ("10.38", ("10.38", "invalid_geopoint")), ("Hà Nội", ("Hà Nội", "invalid_geopoint")),
    ("1 2 3", ("1 2 3", "invalid_geopoint")), ("", (None, None)),
])
def test_a_geopoint_is_typed_as_lat_lon_and_its_ranges_checked(extras, typed, expected):
    assert stored(extras, "place", typed) == expected


@pytest.mark.parametrize(("typed", "expected"), [
    ("4", ("4", None)), ("4.0", ("4", None)), ("0", ("0", None)), ("10", ("10", None)),
    ("5", ("5", "invalid_range")), ("12", ("12", "invalid_range")), ("-2", ("-2", "invalid_range")),
    ("bốn", ("bốn", "invalid_range")),
])
def test_a_range_takes_the_values_of_its_steps_only(extras, typed, expected):
    assert stored(extras, "score", typed) == expected
    assert extras.question("score").kind.numeric("4") == 4.0


def test_a_short_range_is_offered_as_buttons_a_long_one_typed(extras, make_definition, question):
    from forms.types_extra import range_values

    assert range_values(extras.question("score")) == ["0", "2", "4", "6", "8", "10"]
    long = make_definition(question("r", "range", parameters="{start: 0, end: 100}"))
    assert range_values(long.question("r")) is None
    down = make_definition(question("r", "range", parameters="{start: 5, end: 1, step: 2}"))
    assert range_values(down.question("r")) == ["5", "3", "1"]
    assert stored(down, "r", "3") == ("3", None)


def test_a_rank_orders_every_choice_once(extras):
    assert stored(extras, "order", ["c", "a", "b"]) == ("c a b", None)
    assert stored(extras, "order", "b c a") == ("b c a", None)
    assert stored(extras, "order", ["c", "a"]) == ("c a", "invalid_rank")
    assert stored(extras, "order", ["c", "a", "a"]) == ("c a a", "invalid_rank")
    assert stored(extras, "order", ["c", "a", "kiwi"]) == ("c a kiwi", "invalid_rank")
    assert answer_message("invalid_rank", "vi") == "Vui lòng xếp hạng mỗi lựa chọn đúng một lần."


def test_acknowledge_and_trigger_store_ok(extras):
    assert stored(extras, "ok", "OK") == ("OK", None)
    assert stored(extras, "go", "yes") == ("yes", "invalid_choice")
    problems = forms.check_answers(extras, {"ok": None}, language="en")
    assert problems == {"ok": "Please answer this question."}


def test_the_definition_keeps_appearance_parameters_and_metadata(extras):
    assert extras.question("pick").appearance == "minimal"
    assert extras.sections[0].appearance == "field-list"
    assert extras.question("score").parameters == (("start", "0"), ("end", "10"), ("step", "2"))
    assert extras.metadata[0] == ("started", "start")
    assert forms.definition_from_dict(extras.to_dict()).content_hash() == extras.content_hash()


@pytest.mark.parametrize(("fields", "code", "column"), [
    ({"parameters": "{start: 0, end: 10, step: 3}"}, "invalid_range", "sections[0].questions[0].parameters"),
    ({"parameters": "{start: 0, end: 10, step: 0}"}, "invalid_range", "sections[0].questions[0].parameters"),
    ({"parameters": "{start: 0, end: 10, stop: 1}"}, "unknown_field", "sections[0].questions[0].parameters.stop"),
    ({"parameters": "{start: x}"}, "wrong_type", "sections[0].questions[0].parameters.start"),
    ({"parameters": "[1, 2]"}, "wrong_type", "sections[0].questions[0].parameters"),
    ({"appearance": "[1]"}, "wrong_type", "sections[0].questions[0].appearance"),
])
def test_bad_range_parameters_and_appearance_are_refused_by_field(load_problems, form_text, question,
                                                                  fields, code, column):
    found = load_problems(form_text(question("r", "range", **fields)))
    assert (found[0].code, found[0].column) == (code, column)


def test_parameters_belong_to_a_range_and_metadata_names_are_free(load_problems, form_text, question):
    found = load_problems(form_text(question("n", "integer", parameters="{start: 1}")))
    assert [(p.code, p.column) for p in found] == [("field_not_allowed", "sections[0].questions[0].parameters")]
    header = HEADER.replace("languages: [vi, en]", "languages: [vi, en]\n  metadata: {n: start}")
    found = load_problems(form_text(question("n", "integer"), header=header))
    assert [(p.code, p.column) for p in found] == [("duplicate_name", "form.metadata.n")]


def test_metadata_answers_are_what_the_server_knows():
    known = Paradata(started=datetime.datetime(2026, 12, 5, 16, 30, tzinfo=datetime.UTC),
                     ended=datetime.datetime(2026, 12, 5, 17, 5, tzinfo=datetime.UTC),
                     today=datetime.date(2026, 12, 6), device="ab12", username=None)
    metadata = (("started", "start"), ("end", "end"), ("today", "today"), ("deviceid", "deviceid"),
                ("who", "username"))
    naive = Paradata(started=datetime.datetime(2026, 12, 5, 16, 30), ended=known.ended, today=known.today,
                     device=None, username="keyer1")
    assert metadata_answers(metadata, naive)["started"] == "2026-12-05T16:30:00+00:00"
    assert metadata_answers(metadata, naive)["who"] == "keyer1"
    assert metadata_answers(metadata, known) == {
        "started": "2026-12-05T16:30:00+00:00", "end": "2026-12-05T17:05:00+00:00",
        "today": "2026-12-06", "deviceid": "ab12"}


# --- XLSForm ---------------------------------------------------------------------------


def workbook(survey, choices=(("list_name", "name", "label"), ("fruit", "a", "Apple"), ("fruit", "b", "Banana")),
             settings=(("form_id", "form_title"), ("odk", "ODK"))):
    book = openpyxl.Workbook()
    for title, rows in (("survey", survey), ("choices", choices), ("settings", settings)):
        sheet = book.active if title == "survey" else book.create_sheet(title)
        sheet.title = title
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


ODK_SURVEY = [
    ("type", "name", "label", "appearance", "parameters"),
    ("start", "starttime"), ("end", "endtime"), ("today", "today"), ("username", "username"),
    ("phonenumber", "phone"),
    ("select_one fruit or_other", "fav", "Favourite?", "minimal"),
    ("select_multiple fruit", "all", "All?", "horizontal"),
    ("range", "rate", "Rate", "likert", "start=1 end=5 step=1"),
    ("rank fruit", "order", "Order?"),
    ("geopoint", "loc", "Where?"),
    ("acknowledge", "ok", "Agreed?"),
    ("trigger", "go", "Go"),
    ("note", "bye", "Thanks"),
    ("image", "pic", "Photo", None, "max-pixels=1024"),
]


def test_an_odk_form_with_the_extras_imports_them():
    imported = forms.read_xlsform(workbook(ODK_SURVEY))
    assert imported.problems == []
    definition = imported.definition
    assert definition.metadata == (("starttime", "start"), ("endtime", "end"), ("today", "today"),
                                   ("username", "username"))
    assert [q.name for q in definition.questions] == [
        "fav", "fav_other", "all", "rate", "order", "loc", "ok", "go", "bye"]
    assert [(p.row, p.column, p.code, p.value) for p in imported.skipped] == [
        (6, "type", "unsupported_type", "phonenumber"), (15, "type", "unsupported_type", "image")]
    assert definition.question("rate").parameters == (("start", "1"), ("end", "5"), ("step", "1"))
    assert [(q.name, q.appearance) for q in definition.questions if q.appearance] == [
        ("fav", "minimal"), ("all", "horizontal"), ("rate", "likert")]


def test_or_other_adds_the_other_choice_to_a_copy_and_asks_which():
    definition = forms.read_xlsform(workbook(ODK_SURVEY)).definition
    fav, specify = definition.question("fav"), definition.question("fav_other")
    assert [c.value for c in fav.choices] == ["a", "b", "other"]
    assert fav.choices[-1].label == {"vi": "Khác"}
    assert [c.value for c in definition.question("all").choices] == ["a", "b"]
    assert (specify.type, specify.label, specify.relevant.source) == (
        "text", {"vi": "Vui lòng ghi rõ"}, "selected(fav, 'other')")
    assert forms.relevance(definition, {"fav": "other"})["fav_other"]
    assert not forms.relevance(definition, {"fav": "a"})["fav_other"]


def test_the_specify_question_takes_a_free_name_in_both_languages():
    survey = [("type", "name", "label::Vietnamese (vi)", "label::English (en)"),
              ("select_one fruit or_other", "fav", "Thích?", "Favourite?"),
              ("text", "fav_other", "Đã có", "Taken")]
    choices = [("list_name", "name", "label::Vietnamese (vi)", "label::English (en)"),
               ("fruit", "a", "Táo", "Apple")]
    settings = [("form_id", "form_title", "sipas_form_title::English (en)"), ("odk", "Thử", "Try")]
    definition = forms.read_xlsform(workbook(survey, choices, settings)).definition
    assert [q.name for q in definition.questions] == ["fav", "fav_other_2", "fav_other"]
    assert definition.question("fav_other_2").label == {"vi": "Vui lòng ghi rõ", "en": "Please specify"}
    assert definition.question("fav").choices[-1].label == {"vi": "Khác", "en": "Other"}


def test_parameters_of_another_type_are_noted_and_a_bad_range_refused_at_its_cell():
    survey = [("type", "name", "label", "parameters"), ("text", "t", "T", "rows=3"),
              ("range", "r", "R", "start=1 end=10 step=4")]
    imported = forms.read_xlsform(workbook(survey))
    assert [(p.row, p.column, p.code) for p in imported.problems] == [(3, "parameters", "invalid_range")]
    assert [(p.row, p.column, p.code) for p in imported.skipped] == [(2, "parameters", "ignored_parameters")]


def test_the_extras_survive_export_to_xlsform_and_back(extras):
    data = forms.write_xlsform(extras)
    again = forms.read_xlsform(data)
    assert again.problems == [] and again.skipped == []
    assert again.definition.to_dict() == extras.to_dict()
    warnings: list[str] = []
    assert convert(xlsform=data, warnings=warnings).xform and warnings == []  # pyxform takes it
    survey = list(openpyxl.load_workbook(io.BytesIO(data))["survey"].iter_rows(values_only=True))
    assert [row[:2] for row in survey[1:6]] == [
        ("start", "started"), ("end", "end"), ("today", "today"), ("deviceid", "deviceid"),
        ("username", "username")]
    assert ("rank fruit", "order") in [row[:2] for row in survey]


def test_an_imported_or_other_survives_export_and_back():
    imported = forms.read_xlsform(workbook(ODK_SURVEY)).definition
    again = forms.read_xlsform(forms.write_xlsform(imported))
    assert again.problems == [] and again.definition.to_dict() == imported.to_dict()
