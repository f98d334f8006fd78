"""The frequencies page: one question's weighted shares with logit intervals, campaign-wide or
crossed with a breakdown or a profile question, equal to the design's own; downloads; bad input."""
import csv
import io
import re

import pytest
from openpyxl import load_workbook

from survey.results.loading import load_campaign
from survey.results.scope import in_scope, transactions_of
from survey.results.weighting import weigh
from tests.analyst.conftest import signed_in

PAGE = "/phan-tich/sipas-test/tan-so"


def design_of(session, campaign, keys, method="design"):
    scope = in_scope(session, load_campaign(session, campaign, keys=keys))
    return weigh(scope, method, transactions_of(campaign)).design


def rows_of(html: str) -> list[list[str]]:
    body = html[html.index("<caption"):html.index("</table>")]
    return [[re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)][1:]


def test_a_satisfaction_question_campaign_wide_equals_the_design(app, make_user, session, sipas_campaign):
    browser = signed_in(app, make_user, "analyst")
    assert browser.get(f"{PAGE}?question=hl_chung&weighting=design").status_code == 200
    expected = design_of(session, sipas_campaign, ["hl_chung"]).proportion("hl_chung", 5.0).iloc[0]
    rows = rows_of(browser.html)
    assert len(rows) == 5  # the five levels, "don't know" left out
    five = rows[-1]
    assert five[-4:] == ["Rất hài lòng", f"{100 * expected.estimate:.1f}",
                         f"{100 * expected.ci_low:.1f}–{100 * expected.ci_high:.1f}", str(int(expected.n))]


def test_a_cross_tab_by_unit_and_by_a_profile_question(app, make_user, session, sipas_campaign):
    browser = signed_in(app, make_user, "analyst")
    browser.get(f"{PAGE}?question=hl_chung&by=unit")
    by_unit = design_of(session, sipas_campaign, ["hl_chung"]).proportion("hl_chung", 4.0, by="_unit")
    for _, row in by_unit.iterrows():
        assert f"{100 * row.estimate:.1f} {100 * row.ci_low:.1f}–{100 * row.ci_high:.1f}" in browser.text()
    assert "Đơn vị AG-SNV" in browser.text()
    browser.get(f"{PAGE}?question=hl_chung&by=gioi_tinh&weighting=none")
    by_sex = design_of(session, sipas_campaign, ["hl_chung", "gioi_tinh"], "none").proportion(
        "hl_chung", 5.0, by="gioi_tinh")
    assert f"{100 * by_sex.loc['nu'].estimate:.1f}" in browser.text() and "Nữ" in browser.text()


def test_channels_are_named_in_words(app, make_user, sipas_campaign):
    browser = signed_in(app, make_user, "analyst")
    browser.get(f"{PAGE}?question=gioi_tinh&by=channel")
    groups = [row[0] for row in rows_of(browser.html) if len(row) == 5]
    assert sorted(groups) == ["Phiếu giấy", "Trực tuyến"]


def test_the_table_downloads_as_csv_and_xlsx(app, make_user, sipas_campaign):
    browser = signed_in(app, make_user, "analyst")
    browser.get(f"{PAGE}?question=hl_chung&by=level")
    found = re.findall(r'<a href="([^"]+tan-so\.(?:csv|xlsx)[^"]*)"', browser.html)
    links = [url.replace("&amp;", "&") for url in found]
    response = browser.client.get(links[0])
    assert response.status_code == 200 and "sipas-test-hl_chung-level-design.csv" in response.headers[
        "Content-Disposition"]
    table = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert table[0] == ["Nhóm", "Mã", "Phương án", "Tỷ lệ (%) hoặc trung bình", "Cận dưới 95 %", "Cận trên 95 %",
                        "Số câu trả lời hợp lệ"]
    assert len(table) == 1 + 5 * 3  # three levels, five options each
    book = load_workbook(io.BytesIO(browser.client.get(links[1]).data), read_only=True)
    assert [row[:3] for row in book["frequencies"].iter_rows(values_only=True)][1:] == [tuple(r[:3]) for r in table[1:]]
    book.close()


@pytest.mark.parametrize("query, problem", [
    ("question=khong_co", "Câu hỏi: 'khong_co'"),
    ("question=hl_chung&by=kv_y_kien", "Chia theo: 'kv_y_kien'"),
    ("question=hl_chung&by=hl_chung", "Chia theo: 'hl_chung'"),
    ("question=hl_chung&weighting=rake", "Gia quyền: 'rake'")])
def test_bad_choices_are_a_400(app, make_user, sipas_campaign, query, problem):
    browser = signed_in(app, make_user, "analyst")
    assert browser.get(f"{PAGE}?{query}").status_code == 400 and problem in browser.text()


def test_the_page_opens_on_the_first_question_and_links_from_the_results(app, make_user, sipas_campaign):
    browser = signed_in(app, make_user, "analyst")
    assert browser.get(PAGE).status_code == 200 and "<caption" in browser.html
    browser.get("/phan-tich/sipas-test")
    assert 'href="/phan-tich/sipas-test/tan-so"' in browser.html
