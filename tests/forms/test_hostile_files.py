"""Hostile definition files: refused before they cost minutes and gigabytes, every value shown cut
short. Each archive is built here (never checked in); the tests assert on the refusal, not on time."""
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font

import forms
from forms import xlsform_bounds
from forms.errors import SHOWN_PARAM

CORPUS = Path("/work/shared/xlsform-corpus")
NAMESPACE = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def billion_laughs(levels: int = 9) -> str:
    """Nine values, then each level nine aliases of the level before: 9**9 values in 400 bytes."""
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, levels)]
    return "\n".join([*lines, f"form: {{id: *l{levels - 1}, title: T, languages: [vi]}}", ""])


def codes(imported: forms.Imported) -> list[str]:
    return [problem.code for problem in imported.problems]


# --- YAML ------------------------------------------------------------------------------------


def test_a_billion_laughs_document_is_refused_with_one_short_problem():
    imported = forms.read_definition("bomb.yaml", billion_laughs().encode())
    assert codes(imported) == ["yaml_aliases"] and imported.definition is None
    assert len(str(imported.problems[0])) < 300


def test_more_aliases_than_the_bound_are_refused_at_the_first_one_over():
    text = "word: &w hello\n" + "".join(f"k{n}: *w\n" for n in range(forms.loader.MAX_ALIASES + 1))
    (problem,) = forms.read_definition("many.yaml", text.encode()).problems
    assert (problem.code, problem.row) == ("yaml_aliases", forms.loader.MAX_ALIASES + 2)


def test_a_few_aliases_and_merge_keys_still_load():
    data, _ = forms.loader.load_yaml("base: &b {x: 1}\nthis: {<<: *b, y: 2}\nthat: *b\n")
    assert data == {"base": {"x": 1}, "this": {"x": 1, "y": 2}, "that": {"x": 1}}


@pytest.mark.parametrize("text", ["form: " + "9" * 5000 + "\n", "form: {id: 2024-02-30}\n"])
def test_a_value_python_cannot_build_is_a_syntax_problem(text):
    assert codes(forms.read_definition("odd.yaml", text.encode())) == ["yaml_syntax"]


def test_a_huge_value_and_key_are_shown_cut_short():
    form_id, key = "x" * 100_000, "k" * 100_000
    text = f'form: {{id: "{form_id}", title: T, languages: [vi]}}\n? "{key}"\n: 1\n'
    found = {p.code: p for p in forms.read_definition("huge.yaml", text.encode()).problems}
    assert found["invalid_form_id"].value == form_id  # kept whole, for the code that reads it
    assert len(found["invalid_form_id"].message) < 300
    assert len(found["invalid_form_id"].shown) <= SHOWN_PARAM
    assert len(found["unknown_field"].column) <= SHOWN_PARAM
    assert len(str(found["unknown_field"])) < 2 * SHOWN_PARAM


def test_a_huge_list_is_shown_as_a_short_text():
    from forms.errors import make_problem

    problem = make_problem("invalid_name", "sections[0].name", 3, [["word"] * 1000] * 1000, reason="x")
    assert problem.message.startswith("invalid name [['word', 'word',") and len(problem.message) < 200
    assert problem.shown.startswith("[['word'") and len(problem.shown) <= SHOWN_PARAM


def test_the_sipas_questionnaire_loads_as_before():
    definition = forms.load_definition(Path(forms.__file__).parent / "sipas.yaml")
    again = forms.read_definition("sipas.xlsx", forms.write_xlsform(definition)).definition
    assert again is not None and again.content_hash() == definition.content_hash()


# --- XLSX ------------------------------------------------------------------------------------


def small_workbook(**styled_rows) -> bytes:
    """A valid one-question XLSForm; ``styled_rows=n`` adds n empty but bold rows after it."""
    book = openpyxl.Workbook()
    survey = book.active
    survey.title = "survey"
    for row in (["type", "name", "label"], ["begin group", "main", "Main"], ["text", "a", "A"],
                ["end group", None, None]):
        survey.append(row)
    for number in range(6, 6 + styled_rows.get("styled_rows", 0)):
        survey.cell(row=number, column=1).font = Font(bold=True)
    book.create_sheet("settings").append(["form_id", "form_title"])
    book["settings"].append(["tiny", "Tiny"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def with_parts(data: bytes, parts: dict[str, bytes], content_type: bytes = b"") -> bytes:
    """``data`` with ``parts`` written in (replaced or added), and a content type declared."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = parts.pop(info.filename, source.read(info.filename))
            if info.filename == "[Content_Types].xml":
                content = content.replace(b"</Types>", content_type + b"</Types>")
            target.writestr(info.filename, content)
        for name, content in parts.items():
            target.writestr(name, content)
    return buffer.getvalue()


def shared_strings(count: int) -> bytes:
    """A workbook whose shared-strings part holds ``count`` one-letter strings."""
    part = f'<sst xmlns="{NAMESPACE}">'.encode() + b"<si><t>a</t></si>" * count + b"</sst>"
    declared = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{STRINGS_TYPE}"/>'.encode()
    return with_parts(small_workbook(), {"xl/sharedStrings.xml": part}, declared)


def sheet_with(extra_rows: str) -> bytes:
    """The small workbook with ``extra_rows`` (sheetData XML) appended to its survey sheet."""
    data = small_workbook()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    sheet = sheet.replace(b"</sheetData>", extra_rows.encode() + b"</sheetData>")
    return with_parts(data, {"xl/worksheets/sheet1.xml": sheet})


def test_the_small_workbook_is_a_valid_questionnaire():
    assert forms.read_xlsform(small_workbook()).ok


def test_a_workbook_of_a_million_tiny_shared_strings_is_refused():
    data = shared_strings(1_000_000)
    assert len(data) < 200_000
    imported = forms.read_xlsform(data)
    assert codes(imported) == ["too_many_strings"] and imported.problems[0].sheet == "workbook"


def test_a_zip_bomb_is_refused_by_its_unpacked_size():
    padding = b"<!--" + b" " * (xlsform_bounds.MAX_UNPACKED_MEGABYTES * 1024 * 1024) + b"-->"
    data = with_parts(small_workbook(), {"docProps/padding.xml": b"<a>" + padding + b"</a>"})
    assert len(data) < 100_000
    assert codes(forms.read_xlsform(data)) == ["workbook_too_large"]


def test_a_sheet_of_empty_styled_cells_past_the_bound_is_refused():
    many = "".join(f'<row r="{row}"><c r="A{row}" s="1"/></row>'
                   for row in range(10, 10 + xlsform_bounds.MAX_SHEET_ELEMENTS // 2))
    assert codes(forms.read_xlsform(sheet_with(many))) == ["workbook_too_large"]


def test_more_filled_cells_than_the_bound_are_refused(monkeypatch):
    monkeypatch.setattr(xlsform_bounds, "MAX_CELLS", 10)
    filled = "".join(f'<row r="{row}"><c r="C{row}" t="inlineStr"><is><t>x</t></is></c></row>'
                     for row in range(6, 20))
    assert codes(forms.read_xlsform(sheet_with(filled))) == ["too_many_cells"]


def test_a_value_past_the_last_column_is_refused_in_its_sheet():
    past = '<row r="7"><c r="GS7" t="inlineStr"><is><t>x</t></is></c></row>'  # GS: column 201
    (problem,) = forms.read_xlsform(sheet_with(past)).problems
    assert (problem.code, problem.sheet) == ("too_many_columns", "survey")


def test_a_value_past_the_last_row_is_refused_in_its_sheet():
    row = xlsform_bounds.MAX_ROWS + 2
    past = f'<row r="{row}"><c r="A{row}" t="inlineStr"><is><t>x</t></is></c></row>'
    (problem,) = forms.read_xlsform(sheet_with(past)).problems
    assert (problem.code, problem.sheet) == ("too_many_rows", "survey")


def test_empty_styled_rows_after_the_last_are_not_content():
    imported = forms.read_xlsform(small_workbook(styled_rows=xlsform_bounds.MAX_ROWS + 10))
    assert imported.ok, [str(problem) for problem in imported.problems]


def test_a_part_declaring_a_dtd_is_not_read():
    entity = b'<!DOCTYPE a [<!ENTITY e "lol">]><a>&e;</a>'
    problems = forms.read_xlsform(with_parts(small_workbook(), {"docProps/custom.xml": entity})).problems
    assert codes(forms.Imported(None, problems)) == ["not_a_workbook"]
    assert "DTD" in problems[0].message


corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="the XLSForm corpus is not on this machine")


@corpus
def test_a_real_xlsform_with_styled_empty_rows_after_its_last_is_read():
    imported = forms.read_xlsform((CORPUS / "pyxform__UCL_Biomass_Plot_Form.xlsx").read_bytes())
    assert "too_many_rows" not in codes(imported) and len(imported.skipped) > 0


@corpus
@pytest.mark.parametrize("name", ["onadata__mali_health.xlsx", "onadata__select_one_choices_test.xlsx",
                                  "pyxform__UCL_Biomass_Plot_Form.xlsx", "onadata__external_choice_form_v1.xlsx"])
def test_real_xlsforms_read_the_same_with_the_bounds(monkeypatch, name):
    data = (CORPUS / name).read_bytes()
    bounded = forms.read_xlsform(data)
    monkeypatch.setattr("forms.xlsform_sheets.check_archive", lambda archive: None)
    unbounded = forms.read_xlsform(data)
    assert [str(p) for p in bounded.problems] == [str(p) for p in unbounded.problems]
    assert [str(p) for p in bounded.skipped] == [str(p) for p in unbounded.skipped]
    assert bounded.problems or bounded.skipped  # these are real forms, not ours: read, not refused


# --- the command line ------------------------------------------------------------------------


def test_the_command_line_refuses_a_bomb_in_a_few_short_lines(cli, tmp_path):
    bomb, huge = tmp_path / "bomb.yaml", tmp_path / "huge.yaml"
    bomb.write_text(billion_laughs(), encoding="utf-8")
    huge.write_text(f'form: {{id: "{"x" * 100_000}", title: T, languages: [vi]}}\n', encoding="utf-8")
    result = cli("questionnaire", "validate", str(bomb))
    assert result.exit_code == 1 and "[yaml_aliases]" in result.output and len(result.output) < 500
    result = cli("questionnaire", "validate", str(huge))
    assert result.exit_code == 1 and "[invalid_form_id]" in result.output and len(result.output) < 1000
