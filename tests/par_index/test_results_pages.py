"""The results pages (survey.par_scoring.results_views) through the test client: Home Affairs sees
the year's rankings per level with the files and the chart; a scorecard as a page and as DOCX, PDF
and XLSX; an agency officer opens its own unit's scorecard only; a year without a definition says so."""
import io

import docx
import openpyxl
import pytest

from tests.accounts.conftest import fresh_limits, make_user, settings, staff  # noqa: F401 (fixtures)
from tests.par_index.results_setup import CAMPAIGN_NAME, scored_setup, stored_round


@pytest.fixture
def scored(session, make_unit, make_campaign, make_version, make_submission, make_user):
    scored_setup(session, make_unit, make_campaign, make_version, make_submission)
    stored_round(session)
    make_user("noi-vu", "analyst")
    make_user("can-bo-stc", "agency_officer", units=["AG-STC"])
    session.commit()


def test_home_affairs_sees_the_rankings_per_level_with_their_files(staff, scored):
    staff.sign_in("noi-vu")
    page = staff.get("/cham-diem/ket-qua?lang=en")
    assert page.status_code == 200 and "<h1 id=\"main-title\">PAR index results 2026</h1>" in staff.html
    assert "Ranking: Department" in staff.html and "Ranking: Commune" in staff.html
    assert "3 units scored; on average" in staff.html and "not ranked the year before" in staff.html
    assert 'href="/cham-diem/ket-qua/2026/don-vi/AG-SNV"' in staff.html
    assert f"Campaign &#39;{CAMPAIGN_NAME}&#39;: design weights (N_h / n_h)." in staff.html
    csv_file = staff.client.get("/cham-diem/ket-qua/2026/ket-qua.csv")
    assert csv_file.mimetype == "text/csv" and csv_file.get_data(as_text=True).startswith("unit_code,level,field")
    book = openpyxl.load_workbook(io.BytesIO(staff.client.get("/cham-diem/ket-qua/2026/ket-qua.xlsx").get_data()))
    assert book.sheetnames == ["results", "scores", "about"]
    assert docx.Document(io.BytesIO(staff.client.get("/cham-diem/ket-qua/2026/ket-qua.docx").get_data())).paragraphs
    assert staff.client.get("/cham-diem/ket-qua/2026/ket-qua.pdf").get_data().startswith(b"%PDF")
    chart = staff.client.get("/cham-diem/ket-qua/2026/bieu-do.svg")
    assert chart.mimetype == "image/svg+xml" and "Home Affairs" in chart.get_data(as_text=True)


def test_the_results_name_a_campaign_never_by_its_slug(staff, scored):
    staff.sign_in("noi-vu")
    staff.get("/cham-diem/ket-qua")
    assert f"Đợt khảo sát “{CAMPAIGN_NAME}”: gia quyền theo thiết kế" in staff.html
    assert "lanh-dao-2026" not in staff.html


def test_a_scorecard_as_a_page_and_as_files(staff, scored):
    staff.sign_in("noi-vu")
    page = staff.get("/cham-diem/ket-qua/2026/don-vi/AG-STC")
    assert page.status_code == 200 and "Phiếu điểm Chỉ số cải cách hành chính năm 2026: Sở Tài chính" in staff.html
    assert "Không có điểm khảo sát cho:" in staff.html and "cỡ ô tối thiểu" in staff.html
    assert "Tổng điểm 47,50 / 100,00 (47,5 %); hạng 2 trong 2 đơn vị Sở, ban, ngành." in staff.html
    word = staff.client.get("/cham-diem/ket-qua/2026/don-vi/AG-STC/phieu-diem.docx").get_data()
    card = docx.Document(io.BytesIO(word))
    assert card.paragraphs[0].text.endswith("Sở Tài chính") and len(card.tables) == 2
    assert staff.client.get("/cham-diem/ket-qua/2026/don-vi/AG-STC/phieu-diem.pdf").get_data().startswith(b"%PDF")
    book = openpyxl.load_workbook(io.BytesIO(staff.client.get("/cham-diem/ket-qua/2026/don-vi/AG-STC/phieu-diem.xlsx")
                                             .get_data()))
    assert book.sheetnames == ["summary", "fields", "items"] and book["items"].max_row == 2 + 37
    assert staff.get("/cham-diem/ket-qua/2026/don-vi/AG-KHONG").status_code == 404


def test_an_agency_officer_opens_its_own_scorecard_only(staff, scored):
    staff.sign_in("can-bo-stc")
    assert staff.get("/cham-diem/ket-qua/2026/don-vi/AG-STC").status_code == 200
    assert staff.client.get("/cham-diem/ket-qua/2026/don-vi/AG-STC/phieu-diem.pdf").status_code == 200
    assert staff.get("/cham-diem/ket-qua/2026/don-vi/AG-SNV").status_code == 403
    assert staff.get("/cham-diem/ket-qua").status_code == 403
    assert staff.client.get("/cham-diem/ket-qua/2026/ket-qua.csv").status_code == 403


def test_an_agency_officer_of_the_province_opens_no_agencys_scorecard(staff, scored, make_user):
    make_user("can-bo-tinh", "agency_officer", units=["AG"])
    staff.sign_in("can-bo-tinh")
    assert staff.get("/cham-diem/ket-qua/2026/don-vi/AG-STC").status_code == 403
    assert staff.client.get("/cham-diem/ket-qua/2026/don-vi/AG-STC/phieu-diem.pdf").status_code == 403


def test_a_year_without_a_definition_says_so(staff, scored):
    staff.sign_in("noi-vu")
    page = staff.get("/cham-diem/ket-qua?year=2031")
    assert page.status_code == 200 and "Năm 2031 chưa có bộ chỉ số cải cách hành chính đã công bố" in staff.html
    assert staff.client.get("/cham-diem/ket-qua/2031/ket-qua.csv").status_code == 404


def test_an_agency_officer_finds_its_scorecard_from_its_assessments(staff, scored):
    staff.sign_in("can-bo-stc")
    staff.get("/cham-diem/")
    assert 'href="/cham-diem/ket-qua/2026/don-vi/AG-STC">Phiếu điểm' in staff.html
