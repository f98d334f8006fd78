"""What pyxform lets through and we take with a notice (issue 17): expressions a row's type
never uses, a choice's column as selected()'s value (read as such), metadata piped into a label, list names
with capitals; and the export that gives pyxform the form's own names back."""

import io
import warnings

import openpyxl
import pytest

import forms

SETTINGS = [("form_id", "form_title"), ("lenient", "Lenient")]
FRUIT = [("list_name", "name", "label", "kind"), ("Fruit_List", "apple", "Apple", "tree"),
         ("Fruit_List", "melon", "Melon", "vine")]


def _workbook(survey, choices=FRUIT, settings=SETTINGS) -> bytes:
    """An .xlsx of the rows given per sheet, the header first."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in {"survey": survey, "choices": choices, "settings": settings}.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _where(imported):
    return [(p.row, p.column, p.code) for p in imported.skipped]


def test_an_expression_the_rows_type_never_uses_is_left_out_and_noted():
    header = ("type", "name", "label", "constraint", "calculation")
    imported = forms.read_xlsform(_workbook([
        header, ("integer", "a", "A", None, None), ("integer", "b", "B", ". > 0", "${a} * 2"),
        ("calculate", "c", "C", ". < 9", "${a} + 1")]))
    assert imported.problems == []
    b, c = imported.definition.question("b"), imported.definition.question("c")
    assert (b.calculation, b.constraint.source, c.constraint, c.calculation.source) == (None, ". > 0", None, "a + 1")
    assert _where(imported) == [(3, "calculation", "unused_expression"), (4, "constraint", "unused_expression")]
    assert "only a calculate computes its answer" in str(imported.skipped[0])


def test_a_choice_column_as_the_value_selected_looks_for_filters_by_that_column():
    header = ("type", "name", "label", "choice_filter")
    imported = forms.read_xlsform(_workbook([
        header, ("select_multiple Fruit_List", "liked", "Liked", None),
        ("select_one Fruit_List", "best", "Best", "selected(${liked}, name)"),
        ("select_one Fruit_List", "kin", "Same kind", "selected(${liked}, kind)")]))
    assert (imported.problems, imported.skipped) == ([], [])
    best, kin = imported.definition.question("best"), imported.definition.question("kin")
    assert (best.choice_filter.source, kin.choice_filter.source) == (
        "selected(liked, choice('name'))", "selected(liked, choice('kind'))")
    assert [c.value for c in forms.offered_choices(imported.definition, best, {"liked": "melon"})] == ["melon"]


def test_settings_id_string_and_title_are_pyxform_s_form_id_and_form_title():
    imported = forms.read_xlsform(_workbook([("type", "name", "label"), ("text", "t", "T")],
                                            settings=[("id_string", "title"), ("household", "Household survey")]))
    assert (imported.problems, imported.skipped) == ([], [])
    assert (imported.definition.id, imported.definition.title.text("vi")) == ("household", "Household survey")


def test_the_odk_arithmetic_is_read_and_a_calculate_needs_no_label():
    imported = forms.read_xlsform(_workbook([
        ("type", "name", "label", "calculation"), ("decimal", "slope", "Slope", None),
        ("calculate", "radius", None, "round(15 div (sqrt(cos(atan(${slope} div 100)))),2)")]))
    assert (imported.problems, imported.skipped) == ([], [])
    radius = imported.definition.question("radius").calculation
    assert radius.source == "round(15 / (sqrt(cos(atan(slope / 100)))),2)"
    assert forms.check_answers(imported.definition, {"slope": "0"}) == {}
    assert forms.effective_answers(imported.definition, {"slope": "0"})["radius"] == "15"


def test_metadata_piped_into_a_label_is_written_as_its_name():
    imported = forms.read_xlsform(_workbook([
        ("type", "name", "label"), ("start", "start", None), ("text", "t", "Began at ${start}")]))
    assert imported.problems == []
    assert imported.definition.question("t").label.text("vi") == "Began at start"
    assert _where(imported) == [(3, "label", "label_reference")]


def _pyxform_converts(data: bytes, tmp_path) -> None:
    from pyxform.xls2xform import convert

    path = tmp_path / "export.xlsx"
    path.write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        convert(xlsform=str(path), validate=False)  # raises PyXFormError on what it refuses


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_the_export_names_questions_as_their_xlsform_names_and_pyxform_takes_it(tmp_path):
    survey = [("type", "name", "label", "relevant"),
              ("begin group", "G", "G", None), ("integer", "Age", "Age", None), ("integer", "Size", "Size", None),
              ("begin group", "inner", "Inner", None), ("integer", "Age", "Age again", None),
              ("text", "Why", "Why ${Size}?", "${Size} > 1"), ("end group", None, None, None),
              ("end group", None, None, None)]
    imported = forms.read_xlsform(_workbook(survey))
    assert imported.problems == []
    assert [q.name for q in imported.definition.questions] == ["age", "size", "age_2", "why"]
    exported = forms.write_xlsform(imported.definition)
    rows = list(openpyxl.load_workbook(io.BytesIO(exported))["survey"].iter_rows(values_only=True))
    header = rows[0]
    written = [dict(zip(header, row, strict=True)) for row in rows[1:]]
    assert [(r["name"], r["relevant"]) for r in written if r["type"] in ("integer", "text")] == [
        ("Age", None), ("Size", None), ("age_2", None), ("Why", "${Size} > 1")]
    why = next(r for r in written if r["name"] == "Why")
    assert next(v for k, v in why.items() if k.startswith("label")) == "Why ${Size}?"
    _pyxform_converts(exported, tmp_path)
