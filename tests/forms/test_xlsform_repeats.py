"""XLSForm's repeats read as repeat sections and written back (issue 17)."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import openpyxl
import pytest

import forms
from forms.xlsform_expressions import to_xlsform

ROSTER = Path(__file__).with_name("household_roster.yaml")
SURVEY = [
    ["type", "name", "label", "relevant", "jr:count", "constraint"],
    ["integer", "size", "Số người", None, None, None],
    ["begin group", "home", "Nhà", "${size} > 0", None, None],
    ["text", "street", "Đường", None, None, None],
    ["begin repeat", "person", "Người", "${street} != ''", "${size}", None],
    ["text", "person_name", "Tên", None, None, None],
    ["integer", "person_age", "Tuổi của ${person_name}", None, None, ". < 130"],
    ["begin repeat", "phone", "Điện thoại", None, None, None],
    ["text", "number", "Số", None, None, None],
    ["end repeat", None, None, None, None, None],
    ["end repeat", None, None, None, None, None],
    ["text", "note_after", "Ghi chú", None, None, None],
    ["end group", None, None, None, None, None],
]


def workbook(survey: list[list[str | None]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "survey"
    for row in survey:
        sheet.append(row)
    settings = book.create_sheet("settings")
    settings.append(["form_id", "form_title"])
    settings.append(["roster", "Hộ"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_repeat_inside_a_group_is_a_section_of_its_own_counted_by_its_jr_count():
    imported = forms.read_xlsform(workbook(SURVEY))
    definition = imported.definition
    assert definition is not None, imported.problems
    assert [s.name for s in definition.sections] == ["main", "home", "person", "home_2"]
    person = definition.section("person")
    assert (person.repeat, person.repeat_count and person.repeat_count.source) == (True, "size")
    assert person.relevant is not None and person.relevant.source == "(size > 0) and (answered(street))"
    assert [q.name for q in person.questions] == ["person_name", "person_age"]
    assert definition.section("home_2").title == definition.section("home").title
    assert [(p.code, p.row) for p in imported.skipped] == [("unsupported_repeat", 8)]


def test_an_end_group_cannot_close_a_repeat():
    survey = [*SURVEY[:7], ["end group", None, None, None, None, None]]
    problems = forms.read_xlsform(workbook(survey)).problems
    assert "unmatched_end" in {problem.code for problem in problems}


def test_the_roster_goes_to_xlsform_and_back_unchanged_and_pyxform_takes_it(tmp_path):
    from pyxform.xls2xform import convert

    roster = forms.load_definition(ROSTER)
    data = forms.write_xlsform(roster)
    again = forms.read_xlsform(data, "roster.xlsx")
    assert again.problems == [] and again.definition == roster
    survey = openpyxl.load_workbook(io.BytesIO(data))["survey"]
    rows = [[cell.value for cell in row] for row in survey.iter_rows()]
    assert [row[0] for row in rows].count("begin repeat") == 1
    (tmp_path / "roster.xlsx").write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        xml = convert(xlsform=str(tmp_path / "roster.xlsx"), validate=False).xform
    assert '<repeat nodeset="/data/member">' in xml


@pytest.mark.parametrize("count", ["members_told", "3"])
def test_a_counted_repeat_is_written_with_its_count(count):
    text = ROSTER.read_text(encoding="utf-8").replace("repeat_max: 8", f"repeat_count: {count!r}")
    roster = forms.load_definition(text)
    again = forms.read_xlsform(forms.write_xlsform(roster), "roster.xlsx")
    assert again.definition is not None and again.definition.section("member").repeat_count == (
        roster.section("member").repeat_count)


def test_a_not_of_a_parenthesised_group_is_written_with_one_pair_of_parentheses():
    assert to_xlsform("not(selected(., 'yes') and selected(., 'no'))", {}) == (
        "not(selected(., 'yes') and selected(., 'no'))")
