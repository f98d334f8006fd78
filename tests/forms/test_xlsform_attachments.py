"""Choices from CSV files uploaded beside an XLSForm (issue 17): select_one_from_file,
select_multiple_from_file and select_one_external (itemsets.csv), kept as lists of the definition."""
import io

import openpyxl

import forms

COMMUNES = ("name,label::Vietnamese (vi),label::English (en),district\n"
            "my_hoa,Mỹ Hòa,My Hoa,lx\nbinh khanh,Bình Khánh,Binh Khanh,lx\nvinh_te,Vĩnh Tế,,cd\n")
ITEMSETS = "list_name,name,label\ndistrict,lx,Long Xuyên\ndistrict,cd,Châu Đốc\nward,p1,Phường 1\n"


def workbook(*rows) -> bytes:
    book = openpyxl.Workbook()
    survey = book.active
    survey.title = "survey"
    for row in [("type", "name", "label::Vietnamese (vi)", "label::English (en)", "choice_filter"), *rows]:
        survey.append(row)
    settings = book.create_sheet("settings")
    settings.append(("form_id", "form_title", "sipas_form_title::English (en)"))
    settings.append(("xa", "Xã", "Communes"))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


FORM = workbook(("select_one_external district", "district", "Huyện", "District"),
                ("select_one_from_file communes.csv", "commune", "Xã", "Commune", "district = ${district}"),
                ("select_multiple_from_file communes.csv", "visited", "Đã đến", "Visited"))
FILES = {"communes.csv": COMMUNES.encode(), "itemsets.csv": ITEMSETS.encode()}


def test_the_choices_come_from_the_files_beside_the_workbook():
    imported = forms.read_xlsform(FORM, "xa.xlsx", FILES)
    assert imported.problems == []
    definition = imported.definition
    assert [c.value for c in definition.question("district").choices] == ["lx", "cd"]
    communes = definition.question("commune").choices
    assert [c.value for c in communes] == ["my_hoa", "binh_khanh", "vinh_te"]
    assert communes[2].label == {"vi": "Vĩnh Tế", "en": "Vĩnh Tế"}  # no English: the first label
    assert communes[0].column("district") == "lx"
    assert definition.question("visited").choice_list == definition.question("commune").choice_list == "communes_csv"
    assert [(p.sheet, p.row, p.column, p.code) for p in imported.skipped] == [
        ("communes.csv", 3, "name", "renamed_choice")]
    assert forms.offered_choices(definition, definition.question("commune"), {"district": "cd"}) == (communes[2],)


def test_the_choices_survive_export_to_xlsform_and_back():
    definition = forms.read_xlsform(FORM, "xa.xlsx", FILES).definition
    again = forms.read_xlsform(forms.write_xlsform(definition))
    assert again.problems == [] and again.definition.to_dict() == definition.to_dict()


def test_a_missing_file_leaves_its_questions_out_and_says_so():
    imported = forms.read_xlsform(FORM, "xa.xlsx", {"itemsets.csv": ITEMSETS.encode()})
    assert imported.problems == [] and [q.name for q in imported.definition.questions] == ["district"]
    assert [(p.row, p.code, p.value) for p in imported.skipped] == [
        (3, "missing_attachment", "communes.csv"), (4, "missing_attachment", "communes.csv")]
    assert "upload the CSV beside the workbook" in imported.skipped[0].message


def test_an_unreadable_file_is_a_problem_at_the_file_said_once():
    for data, detail in ((b"\xff\xfename\n", "codec can't decode"), (b"ten,nhan\na,A\n", "no 'name' column")):
        imported = forms.read_xlsform(FORM, "xa.xlsx", {**FILES, "communes.csv": data})
        assert [(p.sheet, p.code) for p in imported.problems] == [("communes.csv", "bad_attachment")]
        assert detail in imported.problems[0].message and imported.definition is None


def test_a_value_written_twice_is_refused_at_its_row_of_the_file():
    twice = (ITEMSETS + "district,lx,Again\n").encode()
    imported = forms.read_xlsform(FORM, "xa.xlsx", {**FILES, "itemsets.csv": twice})
    assert [(p.sheet, p.row, p.column, p.code) for p in imported.problems] == [
        ("itemsets.csv", 5, "name", "duplicate_choice_value")]
