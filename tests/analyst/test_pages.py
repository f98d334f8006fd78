"""The analysis pages: who may open them, the figures against the results, downloads, bad input."""
import io
import re

import pytest
from openpyxl import load_workbook

from analysis.recipes import load_recipe
from survey.results.report import compute_results
from tests.analyst.conftest import signed_in

PAGE = "/phan-tich/sipas-test?recipe=sipas-local&weighting=design&by=unit"
MARGINS = ("variable,level,population\ngioi_tinh,nam,6000\ngioi_tinh,nu,5400\n"
           "level,district,7500\nlevel,commune,900\nlevel,department,3000\n")


def workbook(data: bytes) -> dict[str, list[tuple]]:
    book = load_workbook(io.BytesIO(data), read_only=True)
    try:
        return {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames}
    finally:
        book.close()


@pytest.mark.parametrize("role, status", [("analyst", 200), ("admin", 200), ("supervisor", 403), ("surveyor", 403)])
def test_analysts_and_administrators_only(app, make_user, empty_sipas_campaign, role, status):
    browser = signed_in(app, make_user, role)
    assert browser.get("/phan-tich/").status_code == status


def test_anonymous_visitors_are_sent_to_sign_in(client, empty_sipas_campaign):
    response = client.get(PAGE)
    assert response.status_code == 302 and response.location.startswith("/dang-nhap?next=")


def test_an_analyst_limited_to_some_units_may_not_see_province_wide_results(app, make_user, empty_sipas_campaign):
    browser = signed_in(app, make_user, "analyst", units=["AG-LX"])
    assert browser.get("/phan-tich/").status_code == 403


def test_the_campaign_list_links_to_the_results(app, make_user, empty_sipas_campaign):
    browser = signed_in(app, make_user, "analyst")
    browser.get("/phan-tich/")
    assert 'href="/phan-tich/sipas-test?recipe=sipas-local&amp;weighting=design&amp;by=unit"' in browser.html


def test_the_page_shows_the_results_with_suppressed_cells_marked(app, make_user, session, sipas_campaign):
    browser = signed_in(app, make_user, "analyst")
    assert browser.get(PAGE).status_code == 200
    table = compute_results(session, sipas_campaign, load_recipe("sipas-local"), "design", by=["unit"]).table
    overall = table[(table["by"] == "all") & (table["node"] == "sipas")].iloc[0]
    text = browser.text()
    assert f"Chỉ số hài lòng SIPAS {overall.estimate:.1f} {overall.ci_low:.1f}–{overall.ci_high:.1f}" in text
    assert f"{overall.estimate_unweighted:.1f} {overall.deff:.2f} {overall.n}" in text
    hidden = table[(table["by"] == "unit") & table["suppressed"] & (table["level"] != "criterion")]
    assert len(hidden) and browser.html.count('<td class="suppressed">') == len(hidden)
    for row in hidden.itertuples():
        assert f"{row.estimate:.1f}*" in text
    assert "Dưới 30 câu trả lời hợp lệ" in text
    found = re.findall(r'<img src="(/phan-tich/sipas-test/bieu-do/[^"]+)"', browser.html)
    charts = [url.replace("&amp;", "&") for url in found]
    assert len(charts) == 2 and "base64" not in browser.html
    assert all("Đơn vị AG-LX-MB" in browser.client.get(url).get_data(as_text=True) for url in charts)


def test_english_labels(app, make_user, sipas_campaign):
    browser = signed_in(app, make_user, "admin")
    browser.get("/?lang=en")
    browser.get(PAGE.replace("by=unit", "by=level"))
    assert "SIPAS satisfaction index" in browser.text() and "Administrative level" in browser.text()


def test_the_workbook_and_the_charts_download(app, make_user, session, sipas_campaign):
    browser = signed_in(app, make_user, "analyst")
    response = browser.client.get(PAGE.replace("?", "/ket-qua.xlsx?").replace("by=unit", "by=district"))
    assert response.status_code == 200 and "sipas-test-sipas-local-design-district.xlsx" in response.headers[
        "Content-Disposition"]
    sheets = workbook(response.data)
    assert set(sheets) == {"overall", "elements", "criteria", "methodology"}
    header, first = sheets["overall"][0], dict(zip(sheets["overall"][0], sheets["overall"][1], strict=True))
    expected = compute_results(session, sipas_campaign, load_recipe("sipas-local"), "design").table.iloc[0]
    assert "domain" in header and first["estimate"] == pytest.approx(expected.estimate)
    svg = browser.client.get(PAGE.replace("?", "/bieu-do/chi-so.svg?"))
    assert svg.status_code == 200 and svg.mimetype == "image/svg+xml"
    assert svg.headers["Content-Security-Policy"] == "default-src 'none'; style-src 'unsafe-inline'"
    assert svg.data.startswith(b"<?xml") and b"<script" not in svg.data
    assert browser.client.get(PAGE.replace("?", "/bieu-do/khac.svg?")).status_code == 404


def test_raking_to_uploaded_margins_and_downloading_with_them(app, make_user, sipas_campaign):
    browser = signed_in(app, make_user, "analyst")
    response = browser.post("/phan-tich/sipas-test", {"recipe": "sipas-local", "weighting": "rake", "by": "level",
                                                       "margins_file": (io.BytesIO(MARGINS.encode()), "bien.csv")},
                            content_type="multipart/form-data")
    assert response.status_code == 200 and "Cân chỉnh (raking)" in browser.text()
    assert browser.html.count('<textarea name="margins" hidden>') == 3  # the workbook and two charts
    download = browser.client.post("/phan-tich/sipas-test/ket-qua.xlsx", data={
        "csrf_token": browser.csrf_token(), "recipe": "sipas-local", "weighting": "rake", "by": "level",
        "margins": MARGINS})
    rows = workbook(download.data)["methodology"]
    assert ("method", "rake") in [row[:2] for row in rows]
    assert [row[1] for row in rows if row[0] == "gioi_tinh"] == ["nam", "nu"]


@pytest.mark.parametrize("url, problems", [
    ("/phan-tich/sipas-test?recipe=khac&weighting=all&by=commune",
     ["Công thức tính chỉ số: 'khac' (par-officials, sipas-2017, sipas-2023, sipas-local, sipas-local-criteria)",
      "Gia quyền: 'all'", "Chia theo: 'commune'"]),
    ("/phan-tich/sipas-test?weighting=rake", ["Tổng thể biên cần cho, và chỉ cho, gia quyền"]),
    ("/phan-tich/sipas-test", ["0 phiếu trong phạm vi: cần ít nhất hai phiếu để tính sai số chuẩn"]),
])
def test_bad_choices_are_a_400_listing_every_problem(app, make_user, empty_sipas_campaign, url, problems):
    browser = signed_in(app, make_user, "analyst")
    assert browser.get(url).status_code == 400
    assert all(problem in browser.text() for problem in problems)


def test_bad_margins_are_a_400_with_their_rows(app, make_user, empty_sipas_campaign):
    browser = signed_in(app, make_user, "analyst")
    response = browser.post("/phan-tich/sipas-test", {"weighting": "rake", "margins": "variable,level,population\n"
                                                      "gioi_tinh,nam,many\n"})
    assert response.status_code == 400 and "margins.csv, dòng 2: population 'many' không phải là số" in browser.text()
    response = browser.post("/phan-tich/sipas-test", {"weighting": "rake", "margins_file": (
        io.BytesIO("variable".encode("utf-16")), "m.csv")}, content_type="multipart/form-data")
    assert response.status_code == 400


def test_an_unknown_campaign_is_a_404(app, make_user, empty_sipas_campaign):
    browser = signed_in(app, make_user, "analyst")
    assert browser.get("/phan-tich/khong-co").status_code == 404
    assert browser.client.get("/phan-tich/khong-co/ket-qua.xlsx").status_code == 404


def test_the_achieved_sample_per_unit_is_the_analysis_scope_with_its_margin(app, make_user, session, sipas_campaign):
    browser = signed_in(app, make_user, "analyst")
    browser.get(PAGE)
    achieved = browser.html[browser.html.index('id="achieved"'):]
    results = compute_results(session, sipas_campaign, load_recipe("sipas-local"), "none")
    in_scope = results.scope["_unit"].value_counts()
    for target in sipas_campaign.units:
        row = re.search(rf'<th scope="row">{re.escape(target.unit.name)}</th>(.*?)</tr>', achieved, re.S).group(1)
        cells = [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        assert cells[2] == str(in_scope.get(target.unit.code, 0))
    assert "Sai số đạt được" in achieved and ("Chưa đạt kế hoạch" in achieved or "Đạt kế hoạch" in achieved)
