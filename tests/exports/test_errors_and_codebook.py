"""Bad input: a clear message, exit code 1, no file left behind; and the codebooks."""
import openpyxl
import pytest

from survey.exports import csv_copy, operations
from tests.exports.conftest import LONG_NAME


def test_bad_values_are_all_listed_with_exit_code_1(cli, answered, tmp_path):
    result = cli("export", "xuat-thu", "--format", "xls", "--out", str(tmp_path / "x"), "--layout", "tall",
                 "--weighting", "heavy", "--language", "fr")
    assert result.exit_code == 1
    for word in ("unknown format 'xls'", "unknown layout 'tall'", "unknown weighting 'heavy'", "unknown language 'fr'"):
        assert word in result.output
    assert "Traceback" not in result.output and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("arguments, message", [
    (["nope", "--format", "csv"], "unknown campaign 'nope'"),
    (["xuat-thu", "--format", "csv", "--unit", "AG-XX", "--status", "lost"],
     "unit 'AG-XX' is not surveyed by campaign 'xuat-thu'\nunknown status 'lost'"),
    (["xuat-thu", "--format", "csv", "--from", "2026-13-01"], "--from '2026-13-01' is not a date"),
    (["xuat-thu", "--format", "csv", "--from", "2026-05-02", "--to", "2026-05-01"], "is after --to"),
    (["xuat-thu", "--format", "sav", "--weighting", "raked"], "raked needs --margins FILE"),
    (["xuat-thu", "--format", "csv", "--codebook", "book.pdf"], "must end in .html or .xlsx"),
])
def test_bad_input_gives_a_message_and_no_file(cli, answered, tmp_path, arguments, message):
    result = cli("export", *arguments, "--out", str(tmp_path / "x.out"))
    assert result.exit_code == 1 and message in result.output, result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("where, message", [("no/x.csv", "does not exist"), (".", "is a directory")])
def test_a_missing_directory_or_a_directory_as_output(cli, answered, tmp_path, where, message):
    result = cli("export", "xuat-thu", "--format", "csv", "--out", str(tmp_path / where))
    assert result.exit_code == 1 and message in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("file_format", ["csv", "xlsx", "parquet", "sav"])
def test_a_failure_while_writing_leaves_the_previous_file_alone(session, answered, tmp_path, monkeypatch,
                                                                file_format):
    out = tmp_path / f"x.{file_format}"
    out.write_text("previous export")

    def broken(real):
        def after_all(*arguments):
            yield from real(*arguments)
            raise OSError("disk full")
        return after_all

    # whichever way the rows are made: batches of columns, or COPY ranges (CSV on PostgreSQL)
    monkeypatch.setattr(operations, "plan_columns", broken(operations.plan_columns))
    monkeypatch.setattr(csv_copy, "ranges", broken(csv_copy.ranges))
    with pytest.raises(OSError):
        operations.export(session, operations.ExportRequest("xuat-thu", file_format), out)
    assert out.read_text() == "previous export" and list(tmp_path.iterdir()) == [out]


def test_the_export_can_write_its_codebook(cli, answered, tmp_path):
    result = cli("export", "xuat-thu", "--format", "dta", "--out", str(tmp_path / "x.dta"), "--weighting", "design",
                 "--codebook", str(tmp_path / "book.html"))
    assert result.exit_code == 0, result.output
    html = (tmp_path / "book.html").read_text()
    assert "w_h = N_h / n_h" in html and "Hài lòng chung" in html and "Overall" in html
    assert "9: Không biết / không áp dụng / Don&#x27;t know / not applicable (missing)" in html
    assert "(overall &lt;= 2)" in html and ". &gt;= 1 and . &lt;= 50" in html
    assert LONG_NAME[:28] in html


def test_the_codebook_says_why_a_response_has_no_weight(cli, answered, tmp_path):
    out = tmp_path / "book.xlsx"
    assert cli("codebook", "xuat-thu", "--out", str(out), "--weighting", "design").exit_code == 0
    book = openpyxl.load_workbook(out)
    header, *rows = list(book["variables"].iter_rows(values_only=True))
    note = next(dict(zip(header, row, strict=True)) for row in rows if row[0] == "weight_note")
    assert note["question (vi)"] == "Lý do phiếu có hoặc không có trọng số"
    assert note["values"].splitlines()[1] == (
        "2 = not_rated: Ngoài phạm vi: không đánh giá câu nào trên thang hài lòng 5 mức (bị sàng lọc hoặc chỉ trả "
        "lời 'không biết') / Out of scope: no rating on the five-level satisfaction scale (screened out, or only "
        "'don't know')")
    about = dict(book["about"].iter_rows(values_only=True))
    assert "only responses in scope of the analysis have one" in about["weighting"]


def test_codebook_xlsx_lists_every_variable(cli, answered, tmp_path):
    out = tmp_path / "book.xlsx"
    assert cli("codebook", "xuat-thu", "--out", str(out)).exit_code == 0
    book = openpyxl.load_workbook(out)
    header, *rows = list(book["variables"].iter_rows(values_only=True))
    by_name = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    assert list(by_name)[:2] == ["response_id", "unit_code"] and "weight" not in by_name
    assert by_name["age"]["values"] == "1 = 18-34: 18–34 tuổi / 18–34\n2 = 35-up: Từ 35 tuổi / 35 and over"
    assert by_name["sources__web.portal"]["SPSS / Stata name"] == "sources__web_portal"
    assert by_name["why"]["asked when (relevant)"] == "(overall <= 2)"
    assert by_name["visits"]["questionnaire versions"] == "1"
    about = dict(book["about"].iter_rows(values_only=True))
    assert about["weighting"].startswith("none")


def test_a_codebook_for_an_unknown_campaign(cli, tmp_path):
    result = cli("codebook", "nope", "--out", str(tmp_path / "book.html"))
    assert result.exit_code == 1 and "unknown campaign 'nope'" in result.output
