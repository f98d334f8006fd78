"""Old binary .xls workbooks (read with xlrd): read like .xlsx, within the same bounds.

No .xls writer is installed, so the workbook read is pyxform's tutorial from the corpus
(../shared/xlsform-corpus); the bounds are lowered to fit it, and damaged files are made here.
"""

from pathlib import Path

import pytest

import forms
from forms import xlsform_xls
from forms.xlsform_sheets import read_sheets

TUTORIAL = Path(__file__).resolve().parents[2].parent / "shared" / "xlsform-corpus" / "pyxform__tutorial.xls"
needs_tutorial = pytest.mark.skipif(not TUTORIAL.is_file(), reason=f"no {TUTORIAL}")


def _codes(data: bytes) -> list[tuple[str, str | None]]:
    imported = forms.read_definition("form.xls", data)
    assert imported.definition is None
    return [(problem.code, problem.sheet) for problem in imported.problems]


@needs_tutorial
def test_an_xls_workbook_is_read_into_its_sheets_rows_and_cells():
    sheets = read_sheets(TUTORIAL.read_bytes())
    assert sorted(sheets) == ["choices", "survey"]
    survey = sheets["survey"]
    assert [c.field for c in survey.columns][1:] == ["type", "name", "label", "relevant", "constraint"]
    assert survey.rows[-1].cells == {"type": "end repeat"} and survey.rows[-1].number == 13
    assert sheets["choices"].rows[0].cells["list name"] == "relationships"


@needs_tutorial
@pytest.mark.parametrize(("bound", "value", "code", "sheet"), [
    ("MAX_ROWS", 5, "too_many_rows", "survey"), ("MAX_COLUMNS", 3, "too_many_columns", "survey"),
    ("MAX_CELLS", 20, "too_many_cells", "workbook"), ("MAX_UNPACKED_MEGABYTES", 0, "workbook_too_large", "workbook")])
def test_an_xls_workbook_past_a_bound_is_refused_with_its_code(monkeypatch, bound, value, code, sheet):
    monkeypatch.setattr(xlsform_xls, bound, value)
    assert _codes(TUTORIAL.read_bytes()) == [(code, sheet)]


@needs_tutorial
def test_a_truncated_xls_workbook_is_not_a_workbook():
    assert _codes(TUTORIAL.read_bytes()[:3000]) == [("not_a_workbook", "workbook")]


def test_an_ole_header_followed_by_noise_is_not_a_workbook():
    assert _codes(xlsform_xls.OLE_MAGIC + bytes(range(256)) * 8) == [("not_a_workbook", "workbook")]
