"""`flask report` and the analyst's report pages, on the Q2 and Q3 2026 campaigns of conftest.py."""
import io
import re
from datetime import UTC, datetime

import openpyxl
import pytest

from tests.analyst.conftest import signed_in


def sheet_text(book, name) -> str:
    return "\n".join(" ".join(str(v) for v in row if v is not None) for row in book[name].iter_rows(values_only=True))


def test_flask_report_writes_unit_and_province_reports(cli, quarters, tmp_path):
    unit = cli("report", "quarterly", "--year", "2026", "--quarter", "3", "--unit", "AG-LX", "--format", "xlsx",
               "--out", str(tmp_path / "lx.xlsx"))
    province = cli("report", "quarterly", "--year", "2026", "--quarter", "3", "--format", "html", "--language", "en",
                   "--out", str(tmp_path / "q3.html"))
    assert unit.exit_code == 0 and province.exit_code == 0, unit.output + province.output
    book = openpyxl.load_workbook(tmp_path / "lx.xlsx")
    assert book.sheetnames[0] == "report" and "ranking" not in book.sheetnames
    text = sheet_text(book, "report")
    assert "Quý 3/2026" in text and "Đơn vị AG-LX (AG-LX)" in text and "sipas-2026-q2" in text
    assert "Xếp hạng 3 trên 3 đơn vị" in text and "Có ý nghĩa" in text and "Phiếu giấy" in text
    page = (tmp_path / "q3.html").read_text(encoding="utf-8")
    assert "@media print" in page and "Units ranked by the overall index" in page
    assert "Not ranked (overall index with fewer than 10 valid answers): AG-SNV" in page
    assert "<td>1</td><td>AG-CD</td><td>Đơn vị AG-CD</td>" in page


@pytest.mark.parametrize("arguments, message", [
    (["quarterly", "--year", "2026"], "Missing option '--quarter'"),
    (["quarterly", "--year", "2026", "--quarter", "5"], "Báo cáo quý cần một quý từ 1 đến 4 (đã nhập 5)"),
    (["quarterly", "--year", "2026", "--quarter", "1", "--format", "odt"],
     "Không có định dạng “odt” (chỉ có xlsx, html, docx, pdf)"),
    (["yearly", "--year", "2031"], "Không có đợt khảo sát nào phù hợp trong kỳ Năm 2031."),
    (["yearly", "--year", "2026", "--recipe", "nope"], "no shipped recipe 'nope'"),
    (["yearly", "--year", "2026", "--weighting", "rake"], "Không có cách gia quyền “rake”"),
])
def test_flask_report_bad_input(cli, tmp_path, arguments, message):
    result = cli("report", *arguments, "--out", str(tmp_path / "r.xlsx"))
    assert result.exit_code != 0 and message in result.output, result.output
    assert list(tmp_path.iterdir()) == []


def test_the_analyst_report_pages(app, make_user, quarters):
    browser = signed_in(app, make_user, "analyst")
    assert browser.get("/phan-tich/bao-cao").status_code == 200
    assert "Đơn vị AG-TC (AG-TC)" in browser.text()
    query = "kind=quarterly&year=2026&quarter=3&unit=&recipe=&weighting=design"
    page = browser.get(f"/phan-tich/bao-cao/xem?{query}")
    assert page.status_code == 200 and "Xếp hạng các đơn vị theo chỉ số chung" in browser.text()
    assert "report.css" in browser.html and "<style" not in browser.html and "style=" not in browser.html
    link = re.search(r'href="(/phan-tich/bao-cao/bao-cao.xlsx\?[^"]+)"', browser.html).group(1)
    download = browser.client.get(link.replace("&amp;", "&"))
    assert download.status_code == 200 and "bao-cao-2026-q3-toan-tinh.xlsx" in download.headers["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(download.data))
    assert book.sheetnames == ["report", "ranking", "units"] and "AG-SNV" in sheet_text(book, "ranking")
    bad = browser.get("/phan-tich/bao-cao/xem?kind=monthly&year=20x6")
    assert bad.status_code == 400 and "Năm: '20x6'" in browser.text()


def test_the_report_form_starts_at_the_province_quarter(app, make_user, session, clock_at):
    """At 00:30 on 1 January in the province it is still 31 December in UTC: the form offers the new year."""
    clock_at(datetime(2026, 12, 31, 17, 30, tzinfo=UTC))
    browser = signed_in(app, make_user, "analyst")
    browser.get("/phan-tich/bao-cao")
    assert 'name="year" type="number" min="2000" max="2100" value="2027"' in browser.html
    assert '<option value="1" selected>' in browser.html


@pytest.mark.parametrize("year", ["²", "٢٠٢٦"])
def test_a_year_of_digits_other_than_ascii_is_refused_by_the_report_page(app, make_user, quarters, year):
    browser = signed_in(app, make_user, "analyst")
    bad = browser.get(f"/phan-tich/bao-cao/xem?kind=yearly&year={year}")
    assert bad.status_code == 400 and f"Năm: '{year}'" in browser.text()
