"""XLSForm's calculate, choice_filter, functions and ${} in labels: read, and written back (issue 17)."""

from __future__ import annotations

import io

import openpyxl

import forms

SURVEY = [
    ["type", "name", "label", "calculation", "choice_filter", "relevant"],
    ["integer", "age", "Tuổi", None, None, None],
    ["calculate", "older", "Cao tuổi", "if(${age} >= 60, 'yes', 'no')", None, None],
    ["text", "pension", "Lương hưu của người ${age} tuổi", None, None, "${older} = 'yes'"],
    ["select_one region", "region", "Miền", None, None, None],
    ["select_one province", "province", "Tỉnh", None, "region = ${region}", None],
    ["calculate", "stamp", "Mã", "concat(today(), '-', round(${age} div 7, 1))", None, None],
]
CHOICES = [
    ["list_name", "name", "label", "region"],
    ["region", "north", "Bắc", None],
    ["region", "south", "Nam", None],
    ["province", "hn", "Hà Nội", "north"],
    ["province", "ag", "An Giang", "south"],
]


def workbook(survey=SURVEY, choices=CHOICES) -> bytes:
    book = openpyxl.Workbook()
    for title, rows in (("survey", survey), ("choices", choices),
                        ("settings", [["form_id", "form_title"], ["cascade", "Tầng"]])):
        sheet = book.active if title == "survey" else book.create_sheet(title)
        sheet.title = title
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_calculate_choice_filter_and_piping_are_read():
    imported = forms.read_xlsform(workbook())
    definition = imported.definition
    assert definition is not None, imported.problems
    assert definition.question("older").calculation.source == "if(age >= 60, 'yes', 'no')"
    assert definition.question("province").choice_filter.source == "choice('region') = region"
    assert definition.question("pension").label.text("vi") == "Lương hưu của người ${age} tuổi"
    assert definition.choice_lists["province"][1].column("region") == "south"
    assert not imported.problems
    assert not [p for p in imported.skipped if p.code in ("unsupported_type", "ignored_column",
                                                          "label_reference")]


def test_what_was_read_survives_export_and_import():
    definition = forms.read_xlsform(workbook()).definition
    again = forms.read_xlsform(forms.write_xlsform(definition)).definition
    assert again == definition


def test_an_untranslatable_calculation_leaves_its_calculate_out_and_its_readers_noted():
    survey = [*SURVEY[:2], ["calculate", "older", None, "pulldata('a', 'b', 'c', 'd')", None,
                            None], *SURVEY[3:]]
    imported = forms.read_xlsform(workbook(survey))
    codes = [problem.code for problem in imported.skipped]
    assert "unsupported_expression" in codes and "skipped_reference" in codes
    assert "older" not in {q.name for q in imported.definition.questions}
    assert imported.definition.question("pension").relevant is None


def test_a_label_reading_a_question_left_out_shows_its_name_noted():
    survey = [*SURVEY[:2], ["calculate", "older", None, "pulldata('a', 'b', 'c', 'd')", None,
                            None], ["text", "why", "Vì sao ${older}?", None, None, None]]
    imported = forms.read_xlsform(workbook(survey))
    assert imported.definition.question("why").label.text("vi") == "Vì sao older?"
    assert "label_reference" in {problem.code for problem in imported.skipped}
