"""`flask report comments` and the report page's download: every written comment of the period's
responses in the report's scope, by unit, with its field of procedure; texts a spreadsheet would
run as formulas neutralised; bad input refused with nothing written."""
import csv
import io

import numpy as np
import openpyxl
import pytest
from sqlalchemy import select

from survey.models import Unit
from survey.reports.comments import FORMATS
from survey.reports.messages import choice_problems
from tests.analyst.conftest import signed_in
from tests.reports.conftest import quarter_dates
from tests.results.conftest import SIPAS, WARDS, answers_for, submit

COMMENTS = {"AG-LX": ["=HYPERLINK(\"http://x\")", "Cần rút ngắn thời gian chờ"], "AG-CD": ["Cán bộ nhiệt tình"]}


@pytest.fixture
def commented(session, quarters):
    """Three Q3 responses with a written comment (one a formula)."""
    rng = np.random.default_rng(15)
    day = quarter_dates(3)[1]
    for code, texts in COMMENTS.items():
        unit = session.scalar(select(Unit).where(Unit.code == code))
        for text in texts:
            answers = answers_for(SIPAS, rng, 0.5, list(WARDS)[:1]) | {"kv_y_kien": text}
            submit(session, quarters[3], unit, answers, "web", day)
    session.commit()
    return quarters


def test_the_comments_as_csv_and_xlsx(cli, commented, tmp_path):
    result = cli("report", "comments", "--year", "2026", "--quarter", "3", "--format", "csv", "--out",
                 str(tmp_path / "c.csv"))
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO((tmp_path / "c.csv").read_text(encoding="utf-8"))))
    assert rows[0] == ["Đợt khảo sát", "Mã", "Đơn vị", "Lĩnh vực", "Câu hỏi", "Ý kiến"]
    assert [(r[1], r[5]) for r in rows[1:]] == [("AG-CD", "Cán bộ nhiệt tình"),
                                               ("AG-LX", "'=HYPERLINK(\"http://x\")"),
                                               ("AG-LX", "Cần rút ngắn thời gian chờ")]
    assert all(r[0] == "SIPAS quý 3/2026" and r[2] == f"Đơn vị {r[1]}" and r[3] for r in rows[1:])
    result = cli("report", "comments", "--year", "2026", "--unit", "AG-LX", "--language", "en", "--out",
                 str(tmp_path / "lx.xlsx"))
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(tmp_path / "lx.xlsx")["comments"]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][5] == "Comment" and [v[5] for v in values[1:]] == ["'=HYPERLINK(\"http://x\")",
                                                                      "Cần rút ngắn thời gian chờ"]


def test_the_report_counts_the_comments_it_exports(cli, commented, tmp_path):
    result = cli("report", "quarterly", "--year", "2026", "--quarter", "3", "--format", "html", "--out",
                 str(tmp_path / "q3.html"))
    assert result.exit_code == 0, result.output
    assert "3 ý kiến ghi thêm" in (tmp_path / "q3.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("arguments, message", [
    (["--year", "2026", "--quarter", "3", "--unit", "AG-XX"], "Đơn vị AG-XX không được khảo sát"),
    (["--year", "2031"], "Không có đợt khảo sát nào phù hợp trong kỳ Năm 2031."),
    (["--year", "2026", "--quarter", "5"], "Báo cáo quý cần một quý từ 1 đến 4 (đã nhập 5)"),
    (["--year", "2026", "--format", "ods"], "Không có định dạng “ods” (chỉ có csv, xlsx)"),
])
def test_bad_input_is_refused_and_nothing_written(cli, quarters, tmp_path, arguments, message):
    result = cli("report", "comments", *arguments, "--out", str(tmp_path / "c.xlsx"))
    assert result.exit_code == 1 and message in result.output, result.output
    assert list(tmp_path.iterdir()) == []


def test_the_report_page_offers_the_comments(app, make_user, commented):
    browser = signed_in(app, make_user, "analyst")
    query = "kind=quarterly&year=2026&quarter=3&unit=AG-CD&recipe=&weighting=design"
    assert browser.get(f"/phan-tich/bao-cao/xem?{query}").status_code == 200
    assert "Tải các ý kiến (XLSX)" in browser.text() and "/phan-tich/bao-cao/y-kien.xlsx?" in browser.html
    download = browser.client.get(f"/phan-tich/bao-cao/y-kien.xlsx?{query}")
    assert download.status_code == 200 and "y-kien-2026-q3-AG-CD.xlsx" in download.headers["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(download.data))["comments"]
    assert [row[5] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Cán bộ nhiệt tình"]
    assert browser.client.get("/phan-tich/bao-cao/y-kien.xlsx?kind=quarterly&year=20x6").status_code == 400


def test_a_bad_format_or_language_is_a_keyed_problem_of_its_option():
    problems = choice_problems("ods", FORMATS, "fr")
    assert [(p.key, p.field) for p in problems] == [("report_format_unknown", "format"),
                                                    ("report_language_unknown", "language")]
    assert [p.text("vi") for p in problems] == ["Không có định dạng “ods” (chỉ có csv, xlsx)",
                                                "Không có ngôn ngữ “fr” (vi hoặc en)"]
    assert choice_problems("csv", FORMATS, "en") == []


def test_a_quarter_of_digits_other_than_ascii_is_refused_by_the_comments_download(app, make_user):
    browser = signed_in(app, make_user, "analyst")
    assert browser.client.get("/phan-tich/bao-cao/y-kien.xlsx?kind=quarterly&year=2026&quarter=²").status_code == 400
