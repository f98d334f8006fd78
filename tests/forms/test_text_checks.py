"""Control characters in a questionnaire are problems where they are written, in YAML (its escapes
"\\0", "\\e") as in a workbook (DEL and the C1 range are valid XML): a NUL gave a 500 on PostgreSQL
when the draft was stored, the others were stored and shown to respondents."""
import forms
from forms.import_titles import title
from tests.conftest import SMALL_FORM
from tests.forms.test_xlsform import q, workbook  # noqa: F401 (fixtures)


def test_escaped_control_characters_in_yaml_are_problems_at_their_row():
    text = SMALL_FORM.replace('"Hài lòng chung"', '"Hài\\0lòng chung"').replace('en: "Rating"', '"e\\en": "Rating"')
    imported = forms.read_definition("phieu.yaml", text.encode())
    assert imported.definition is None
    assert [(p.row, p.column, p.value) for p in imported.problems if p.code == "control_character"] == [
        (12, "sections[0].title", "e?n"), (14, "sections[0].questions[0].label.vi", "Hài?lòng chung")]
    assert title("control_character", "vi") == "Có ký tự điều khiển không hợp lệ (ví dụ ký tự NUL)"


def test_control_characters_in_a_workbook_are_problems_at_their_cell(workbook, q):
    data = workbook([q("integer", "age", "Tuổi\x7f", "Age\x85")])
    imported = forms.read_definition("phieu.xlsx", data)
    assert imported.definition is None
    assert [(p.sheet, p.row, p.column, p.code) for p in imported.problems] == [
        ("survey", 2, "label::Vietnamese (vi)", "control_character"),
        ("survey", 2, "label::English (en)", "control_character")]
