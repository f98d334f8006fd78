"""A scoped reader's PAR index results files and chart hold what its results page shows: its units'
rows only, ranked among every unit; an unscoped reader's hold every unit. Stored values that do not
fit the year's definition are said on the error page, with the API's status."""
import csv
import io

import docx
import openpyxl
import pypdf
import pytest
from sqlalchemy import select

from survey.par_index.assessments import AssessmentValue
from tests.accounts.conftest import fresh_limits, make_user, settings, staff  # noqa: F401 (fixtures)
from tests.par_index.results_setup import scored_setup, stored_round

EVERY_UNIT = {"AG-SNV", "AG-STC", "AG-LX"}


@pytest.fixture
def scored(session, make_unit, make_campaign, make_version, make_submission, make_user):
    scored_setup(session, make_unit, make_campaign, make_version, make_submission)
    stored_round(session)
    make_user("noi-vu", "analyst")
    make_user("noi-vu-stc", "analyst", units=["AG-STC"])
    session.commit()


def download(staff, username: str, file_format: str, name: str = "ket-qua") -> bytes:
    """The 2026 file the reader downloads, in English."""
    staff.sign_in(username)
    staff.get("/cham-diem/ket-qua?lang=en")
    return staff.client.get(f"/cham-diem/ket-qua/2026/{name}.{file_format}").get_data()


def csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"))))[1:]


def sheet_codes(data: bytes, sheet: str) -> set[str]:
    rows = openpyxl.load_workbook(io.BytesIO(data))[sheet].iter_rows(min_row=2, values_only=True)
    return {row[0] for row in rows}


def docx_codes(data: bytes) -> set[str]:
    cells = {cell.text for table in docx.Document(io.BytesIO(data)).tables for row in table.rows for cell in row.cells}
    return cells & EVERY_UNIT


def pdf_codes(data: bytes) -> set[str]:
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    return {code for code in EVERY_UNIT if code in text}


def test_a_scoped_readers_csv_holds_its_units_rows_ranked_among_every_unit(staff, scored):
    every = csv_rows(download(staff, "noi-vu", "csv"))
    scoped = csv_rows(download(staff, "noi-vu-stc", "csv"))
    assert {row[0] for row in every} == EVERY_UNIT
    assert scoped == [row for row in every if row[0] == "AG-STC"]
    assert scoped[-1][2] == "total" and scoped[-1][-2] == "2"


def test_a_scoped_readers_workbook_holds_its_units_results_and_scores(staff, scored):
    every, scoped = download(staff, "noi-vu", "xlsx"), download(staff, "noi-vu-stc", "xlsx")
    for sheet in ("results", "scores"):
        assert sheet_codes(every, sheet) == EVERY_UNIT and sheet_codes(scoped, sheet) == {"AG-STC"}


def test_a_scoped_readers_word_document_ranks_its_units_only(staff, scored):
    every, scoped = download(staff, "noi-vu", "docx"), download(staff, "noi-vu-stc", "docx")
    assert docx_codes(every) == EVERY_UNIT and docx_codes(scoped) == {"AG-STC"}
    headings = [paragraph.text for paragraph in docx.Document(io.BytesIO(scoped)).paragraphs]
    assert "Ranking: Department" in headings and "Ranking: Commune" not in headings


def test_a_scoped_readers_pdf_ranks_its_units_only(staff, scored):
    assert pdf_codes(download(staff, "noi-vu", "pdf")) == EVERY_UNIT
    assert pdf_codes(download(staff, "noi-vu-stc", "pdf")) == {"AG-STC"}


def test_a_scoped_readers_chart_draws_its_units_only(staff, scored):
    every = download(staff, "noi-vu", "svg", "bieu-do").decode()
    assert "Home Affairs" in every and "Finance" in every
    scoped = download(staff, "noi-vu-stc", "svg", "bieu-do").decode()
    assert "Finance" in scoped and "Home Affairs" not in scoped


def test_a_stored_value_that_does_not_fit_is_said_with_the_apis_status(staff, scored, session):
    value = session.scalars(select(AssessmentValue).where(AssessmentValue.sub_criterion == "f1_4_1")).first()
    value.claimed = "khong_ro"
    session.commit()
    staff.sign_in("noi-vu")
    page = staff.get("/cham-diem/ket-qua")
    assert page.status_code == 400 and "giá trị tự đánh giá đã lưu “khong_ro” không hợp" in staff.html
    assert "tree" not in staff.html and "claimed" not in staff.html
    staff.get("/cham-diem/ket-qua?lang=en")
    assert "the stored self-assessed value &#39;khong_ro&#39; does not fit" in staff.html
    assert staff.client.get("/cham-diem/ket-qua/2026/ket-qua.csv").status_code == 400
