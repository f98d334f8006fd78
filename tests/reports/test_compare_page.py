"""The analyst's report page compares with a chosen period as `flask report --compare-with` does: the
form offers the periods that end before its own, the same refusals (keyed, on the field
compare_with, in Vietnamese and English), and the same report as the command for the same choice."""
import pytest

from survey.errors import InvalidInput
from survey.reports.periods import Period, compared_period
from tests.analyst.conftest import signed_in
from tests.demo.test_reorganised_demo import demo  # noqa: F401 (fixture)
from tests.reports.test_formats import docx_text, pdf_text

QUERY = "kind=yearly&year={year}&quarter=1&unit=&recipe=&weighting=design&compare_with={earlier}"


def test_the_form_offers_the_periods_that_end_before_the_newest(app, make_user, demo):
    """The open campaign closes in 2027: 2024 (the closed campaign's year and quarter) is offered."""
    current, earlier = demo
    browser = signed_in(app, make_user, "analyst")
    assert browser.get("/phan-tich/bao-cao").status_code == 200
    newest = Period("quarterly", current.closes_on.year, (current.closes_on.month - 1) // 3 + 1)
    select = browser.html.split('<select class="field" id="compare_with"')[1].split("</select>")[0]
    values = [value.split('"')[0] for value in select.split('value="')[1:]]
    quarter = (earlier.closes_on.month - 1) // 3 + 1
    assert values == ["", f"{earlier.closes_on.year}-q{quarter}", str(earlier.closes_on.year)], values
    assert all(Period("yearly", int(v[:4])).first_day() < newest.first_day() for v in values[1:])
    assert "Kỳ liền trước (mặc định)" in browser.text() and f"Năm {earlier.closes_on.year}" in browser.text()


def test_the_page_and_the_command_give_the_same_report(app, make_user, demo, cli, tmp_path):
    current, earlier = demo
    year, before = str(current.closes_on.year), str(earlier.closes_on.year)
    browser = signed_in(app, make_user, "analyst")
    page = browser.get("/phan-tich/bao-cao/xem?" + QUERY.format(year=year, earlier=before))
    assert page.status_code == 200 and "gộp từ AG-CD-CPA, AG-CD-CPB, AG-CD-VM" in browser.text()
    assert f"compare_with={before}" in browser.html  # the downloads keep the choice
    for file_format, read in (("docx", lambda path: docx_text(path)[0]), ("pdf", pdf_text)):
        out = tmp_path / f"cli.{file_format}"
        result = cli("report", "yearly", "--year", year, "--compare-with", before, "--format", file_format,
                     "--out", str(out))
        assert result.exit_code == 0, result.output
        download = browser.client.get(f"/phan-tich/bao-cao/bao-cao.{file_format}?"
                                      + QUERY.format(year=year, earlier=before))
        (tmp_path / f"page.{file_format}").write_bytes(download.data)
        assert read(tmp_path / f"page.{file_format}") == read(out)
        assert "Năm " + before in read(out)


@pytest.mark.parametrize("earlier, vietnamese, english", [
    ("2099", "Kỳ so sánh (Năm 2099) phải kết thúc trước kỳ báo cáo",
     "The period compared with (Year 2099) must end before the report's period"),
    ("2024-q4", "Báo cáo năm không có quý", "quarter"),
    ("24", "Kỳ so sánh: '24' không phải năm (2024) hoặc quý (2024-q4).",
     "Period to compare with: '24' is not a year (2024) or a quarter (2024-q4)."),
])
def test_a_period_that_cannot_be_compared_is_refused_in_both_languages(app, make_user, demo, earlier,
                                                                       vietnamese, english):
    current, _ = demo
    browser = signed_in(app, make_user, "analyst")
    query = QUERY.format(year=current.closes_on.year, earlier=earlier)
    assert browser.get(f"/phan-tich/bao-cao/xem?{query}").status_code == 400
    assert vietnamese in browser.text() and "Traceback" not in browser.html
    assert browser.get(f"/phan-tich/bao-cao/bao-cao.docx?{query}&lang=en").status_code == 400
    assert english in browser.text()


@pytest.mark.parametrize("kind, text", [("yearly", "2024-q4"), ("quarterly", "2024"), ("yearly", "x")])
def test_the_refusals_are_on_the_field_compare_with(kind, text):
    with pytest.raises(InvalidInput) as refused:
        compared_period(kind, text)
    assert [problem.field for problem in refused.value.problems] == ["compare_with"]
