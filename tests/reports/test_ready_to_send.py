"""The report ready to send, over the Q2 and Q3 2026 campaigns of conftest.py: a unit's report by
field of procedure, the workbook's figures as numbers, the HTML without the old units table, the
roles of the questions declared per shipped form."""
import io
from pathlib import Path

import openpyxl
import pytest

import forms
from analysis.recipes import load_recipe
from survey.reports.assemble import document
from survey.reports.build import build_report
from survey.reports.html import render_standalone
from survey.reports.periods import Period
from survey.reports.roles import COMMENTS, FIELD, PROFILE, present
from survey.reports.xlsx import write_report_xlsx

Q3 = Period("quarterly", 2026, 3)
RECIPE = load_recipe("sipas-local")


@pytest.fixture
def session(built):
    """Every test here reads the data built once for the module (`built`)."""
    return built[0]


def made(session, unit=None, language="vi"):
    report = build_report(session, Q3, unit, RECIPE, language=language)
    return report, document(session, report, RECIPE, language)


def test_a_units_report_has_its_results_by_field_of_procedure(session):
    _, own = made(session, "AG-LX")
    sections = {s.key: s for s in own.sections}
    assert "by_field" in sections and "by_level" not in sections and "annex" not in sections
    table = sections["by_field"].blocks[0]
    assert table.rows and sum(int(row[1]) for row in table.rows) <= 30  # AG-LX's 30 responses only
    _, province = made(session)
    whole = {s.key: s for s in province.sections}["by_field"].blocks[0]
    assert sum(int(row[1]) for row in whole.rows) > sum(int(row[1]) for row in table.rows)


def test_the_workbooks_figures_are_numbers_with_number_formats(session):
    report, whole = made(session)
    buffer = io.BytesIO()
    write_report_xlsx(report, buffer, "vi", whole)
    book = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))
    cells = [c for row in book["distribution"].iter_rows(min_row=5) for c in row[1:6]]
    assert cells and all(isinstance(c.value, (int, float)) and c.number_format == "#,##0.0" for c in cells)
    ranks = [row[0] for row in book["ranking_by_level"].iter_rows(values_only=True) if isinstance(row[0], (int, float))]
    assert 1 in ranks
    method = [c for row in book["method"].iter_rows() for c in row if c.number_format == "0.0%"]
    assert method and all(0 <= c.value <= 1.5 for c in method)  # shares of 1, shown as percentages


def test_the_html_report_has_the_annex_and_not_the_old_units_table(app, session):
    report, whole = made(session)
    page = render_standalone(report, "vi", whole)
    assert "Phụ lục: kết quả từng đơn vị" in page and "Các đơn vị: chỉ số và các yếu tố" not in page
    assert page.count("Xếp hạng các đơn vị theo chỉ số chung") == 1


@pytest.mark.parametrize("path, profile, comments", [
    ("forms/sipas.yaml", ["doi_tuong", "gioi_tinh", "nhom_tuoi", "hoc_van", "dan_toc", "nghe_nghiep"],
     ["kv_khac", "kv_y_kien"]),
    ("forms/sipas-2017.yaml", ["doi_tuong", "gioi_tinh", "nhom_tuoi", "hoc_van", "nghe_nghiep"], ["kv_y_kien"]),
    ("forms/sipas-2023.yaml", ["doi_tuong", "gioi_tinh", "nhom_tuoi", "hoc_van", "nghe_nghiep"], []),
])
def test_roles_are_declared_for_each_shipped_form(path, profile, comments):
    definition = forms.load_definition(Path(path).read_text(encoding="utf-8"))
    assert [q.name for q in present(definition, PROFILE)] == profile
    assert [q.name for q in present(definition, COMMENTS)] == comments
    assert [q.name for q in present(definition, (FIELD,))] == ["linh_vuc"]
    assert [q.name for q in present(definition, ("sex", "occupation"))] == ["gioi_tinh", "nghe_nghiep"]


def test_a_form_not_declared_plays_no_role():
    definition = forms.load_definition(Path("forms/desk_rating.yaml").read_text(encoding="utf-8"))
    assert present(definition, (*PROFILE, *COMMENTS, FIELD)) == []
