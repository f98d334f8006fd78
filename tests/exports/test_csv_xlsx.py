"""CSV and XLSX read back: one row per response, numbers as numbers, formulas neutralised."""
import csv

import openpyxl

from tests.exports.conftest import LONG_NAME, TRICKY_TEXTS


def read_csv(path, encoding="utf-8"):
    with open(path, encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_has_a_row_per_response_with_every_column(cli, answered, tmp_path):
    _, made = answered
    out = tmp_path / "x.csv"
    result = cli("export", "xuat-thu", "--format", "csv", "--out", str(out))
    assert result.exit_code == 0, result.output
    rows = read_csv(out)
    assert [r["response_id"] for r in rows] == [str(r.uuid) for r in made]
    first = rows[0]
    assert (first["unit_code"], first["unit_name"], first["unit_level"], first["district"]) == (
        "AG-LX", "Thành phố Long Xuyên", "district", "AG-LX")
    assert (first["channel"], first["status"], first["questionnaire_version"]) == ("web", "submitted", "1")
    assert first["duration_seconds"] == "300" and first["submitted_at"].endswith("Z")
    assert (first["overall"], first["age"], first["sources"], first["visits"], first["online"]) == (
        "1", "18-34", "tv zalo", "3", "yes")
    assert (first["sources__tv"], first["sources__web.portal"], first["sources__zalo"]) == ("1", "0", "1")
    assert first[LONG_NAME] == "9"
    assert rows[2]["sources__tv"] == "" and rows[2]["age"] == ""
    assert list(rows[0])[:3] == ["response_id", "unit_code", "unit_name"]


def test_csv_text_is_intact_and_formulas_are_neutralised(cli, campaign, respond, set_answer, tmp_path):
    for text in TRICKY_TEXTS:
        # Web answers are stripped; a tab or CR first can still come from other paths or old data.
        set_answer(respond(campaign, "AG-LX", {"overall": "1", "why": "x"}), "why", text)
    out = tmp_path / "x.csv"
    assert cli("export", "xuat-thu", "--format", "csv", "--out", str(out), "--bom").exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = read_csv(out, "utf-8-sig")
    assert [r["why"] for r in rows] == ["'" + t for t in TRICKY_TEXTS[:6]] + [TRICKY_TEXTS[6]]


def test_negative_numbers_stay_numbers(cli, campaign, respond, set_answer, tmp_path):
    set_answer(respond(campaign, "AG-LX", {"overall": "3", "visits": "5"}), "visits", "-5", -5.0)
    out = tmp_path / "x.csv"
    assert cli("export", "xuat-thu", "--format", "csv", "--out", str(out)).exit_code == 0
    assert read_csv(out)[0]["visits"] == "-5"


def test_xlsx_cells_are_typed_and_safe(cli, answered, respond, tmp_path):
    campaign, made = answered
    respond(campaign, "AG-CD", {"overall": "1", "why": TRICKY_TEXTS[3]})
    out = tmp_path / "x.xlsx"
    assert cli("export", "xuat-thu", "--format", "xlsx", "--out", str(out)).exit_code == 0
    sheet = openpyxl.load_workbook(out)["data"]
    header, *rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    rows = [dict(zip(header, r, strict=True)) for r in rows]
    assert len(rows) == 5 and rows[0]["response_id"] == str(made[0].uuid)
    assert rows[0]["overall"] == 1 and rows[0]["visits"] == 3 and rows[0]["sources__zalo"] == 1
    assert rows[0]["why"] == "'" + TRICKY_TEXTS[0]
    assert rows[3]["why"] == TRICKY_TEXTS[6] and rows[4]["why"] == "'" + TRICKY_TEXTS[3]
    assert rows[0]["submitted_at"].year == made[0].submitted_at.year
    assert rows[2]["age"] is None


def test_xlsx_spills_over_to_a_second_sheet(session, answered, tmp_path, monkeypatch):
    from survey.exports import writers
    from survey.exports.operations import ExportRequest, export

    monkeypatch.setattr(writers, "XLSX_ROWS", 3)
    out = tmp_path / "x.xlsx"
    export(session, ExportRequest("xuat-thu", "xlsx"), out)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["data", "data_2"]
    assert [len(list(book[name].iter_rows())) for name in book.sheetnames] == [3, 3]


def test_only_text_is_neutralised():
    from survey.exports.writers import cells

    assert cells("text", ["=1+1", "a=b", "", None, "-"]) == ["'=1+1", "a=b", "", None, "'-"]
    assert cells("number", [-1.0, 2.5, None]) == [-1, 2.5, None]
