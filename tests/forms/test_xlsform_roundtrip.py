"""Writing XLSForm workbooks, and our format -> XLSForm -> our format giving the same definition."""
import io
from pathlib import Path

import openpyxl
import pytest

import forms
from forms.definition import assemble
from forms.loader import load_yaml
from forms.xlsform_expressions import from_xlsform, to_xlsform

FORMS = Path(forms.__file__).parent


def sheets(data: bytes) -> dict[str, list[tuple]]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {sheet.title: [tuple(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}


@pytest.fixture(params=["sipas.yaml", "desk_rating.yaml", "small"])
def shipped(request, small_form) -> forms.Definition:
    """The shipped definitions and the small test form."""
    if request.param == "small":
        return forms.load_definition(small_form)
    return forms.load_definition(FORMS / request.param)


def test_our_format_to_xlsform_and_back_is_the_same_definition(shipped):
    imported = forms.read_xlsform(forms.write_xlsform(shipped))
    assert imported.problems == [] and imported.skipped == []
    assert imported.definition == shipped
    assert imported.definition.to_dict() == shipped.to_dict()
    assert imported.definition.content_hash() == shipped.content_hash()


def test_our_yaml_dump_reads_back_the_same_definition(shipped):
    text = forms.dump_yaml(shipped)
    assert forms.load_definition(text).content_hash() == shipped.content_hash()
    assert forms.read_definition("x.yaml", text.encode()).definition == shipped


def test_the_workbook_has_label_columns_per_language_choices_and_settings(small_form):
    definition = forms.load_definition(small_form)
    written = sheets(forms.write_xlsform(definition, version="2026112701"))
    survey = written["survey"]
    assert survey[0][:6] == ("type", "name", "label::Vietnamese (vi)", "label::English (en)",
                             "hint::Vietnamese (vi)", "hint::English (en)")
    assert survey[1][:4] == ("begin group", "main", "Đánh giá", "Rating")
    assert survey[2][:4] == ("select_one sipas_satisfaction", "overall", "Hài lòng chung", "Overall")
    assert survey[-1][0] == "end group"
    rows = {row[1]: dict(zip(survey[0], row, strict=True)) for row in survey[1:]}
    assert rows["overall"]["required"] == "yes" and rows["overall"]["sipas_type"] == "satisfaction"
    assert rows["visits"]["constraint"] == ". >= 1 and . <= 50"
    assert rows["why"]["relevant"] == "${overall} <= 2"
    choices = written["choices"]
    assert choices[0] == ("list_name", "name", "label::Vietnamese (vi)", "label::English (en)")
    assert ("sex", "female", "Nữ", "Female") in choices
    assert ("sipas_satisfaction", "9", "Không biết / không áp dụng", "Don't know / not applicable") in choices
    settings = dict(zip(*written["settings"], strict=True))
    assert settings == {"form_id": "small", "version": "2026112701", "default_language": "Vietnamese (vi)",
                        "form_title": "Phiếu nhỏ", "sipas_form_title::English (en)": "Small form"}


def test_the_version_defaults_to_the_content_hash(small_form):
    definition = forms.load_definition(small_form)
    settings = dict(zip(*sheets(forms.write_xlsform(definition))["settings"], strict=True))
    assert settings["version"] == definition.content_hash()[:12]


ODD = """
form:
  id: odd
  title: "Chỉ tiếng Việt"
  languages: [vi]
choices:
  sipas_yes_no:
    - {value: "1", label: "=SUM(A1)"}
    - {value: "2", label: "Hai"}
  unused:
    - {value: x, label: "X"}
sections:
  - name: s1
    title: "Phần 1"
    relevant: "true"
    questions:
      - {name: a, type: yes_no, label: "Có không?"}
      - {name: b, type: select_one, choices: sipas_yes_no, label: "Chọn"}
      - {name: c, type: unit, levels: [district, commune], label: "Đơn vị"}
      - {name: d, type: integer, label: "Số", relevant: "not a = 'yes' and b == '2'",
         constraint: ". mod 2 = 0 or . / 4 > 3"}
      - {name: e, type: note, label: "Ghi chú", relevant: "not answered(d)"}
"""


def test_our_own_types_formulas_and_a_taken_list_name_survive_the_trip():
    definition = forms.load_definition(ODD)
    data = forms.write_xlsform(definition)
    survey = {row[1]: row for row in sheets(data)["survey"][1:]}
    assert survey["a"][0] == "select_one sipas_yes_no_"  # the user's list has the plain name
    assert survey["c"][0] == "text"
    back = forms.read_xlsform(data).definition
    assert back.choice_lists.keys() == {"sipas_yes_no", "unused"}
    assert back.choice_lists["sipas_yes_no"][0].value == "1"
    assert back.choice_lists["sipas_yes_no"][0].label == {"vi": "=SUM(A1)"}
    assert back.question("c").levels == ("district", "commune")
    assert back.question("a").choices == definition.question("a").choices


def test_expressions_come_back_in_a_normal_form_that_is_then_stable():
    definition = forms.load_definition(ODD)
    once = forms.read_xlsform(forms.write_xlsform(definition)).definition
    assert once.question("d").relevant.source == "not(a = 'yes') and b = '2'"
    assert once.question("d").constraint.source == ". mod 2 = 0 or . / 4 > 3"
    assert once.question("e").relevant.source == "not(answered(d))"
    twice = forms.read_xlsform(forms.write_xlsform(once)).definition
    assert twice == once


@pytest.mark.parametrize("ours, theirs", [
    ("a = 'x' and (b = 1 or c != 'y')", "${a} = 'x' and (${b} = 1 or ${c} != 'y')"),
    ("count_selected(.) <= 3", "count-selected(.) <= 3"),
    ("string_length(.) >= 4", "string-length(.) >= 4"),
    ("selected(kv, 'khac')", "selected(${kv}, 'khac')"),
    ("not selected(a, 'x') or b", "not(selected(${a}, 'x')) or ${b}"),
    ("not (a = 1)", "not (${a} = 1)"),
    ("answered(.) and false", ". != '' and false()"),
    ("-a mod 3 > 1", "-${a} mod 3 > 1"),
])
def test_expressions_in_xlsform_syntax(ours, theirs):
    assert to_xlsform(ours) == theirs
    assert forms.expressions.parse(from_xlsform(theirs)[0])  # reads back as a valid expression


@pytest.mark.parametrize("source", ["sipas.yaml", "desk_rating.yaml", ODD])
def test_pyxform_the_converter_of_kobotoolbox_and_odk_accepts_what_we_write(source):
    from pyxform.xls2xform import convert

    definition = forms.load_definition(FORMS / source if source.endswith(".yaml") else source)
    warnings: list[str] = []
    xform = convert(xlsform=forms.write_xlsform(definition), warnings=warnings).xform
    assert warnings == []
    assert f"<h:title>{definition.title[definition.languages[0]]}</h:title>" in xform
    assert all(f"/{question.name}" in xform for question in definition.questions)


def test_control_characters_a_workbook_cannot_hold_are_left_out(small_form):
    raw, _ = load_yaml(small_form.replace("Vì sao?", "Vì sao?\\x07\\x1b"))  # past the checks, which refuse them
    definition = assemble(raw)
    assert definition.question("why").label["vi"] == "Vì sao?\x07\x1b"
    back = forms.read_xlsform(forms.write_xlsform(definition)).definition
    assert back.question("why").label["vi"] == "Vì sao?"
