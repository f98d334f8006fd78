"""`flask par-index results`: the year's results from the scoring round's stored values and the
officials' campaign, as CSV (its columns, a row per unit and field and a total row), XLSX and DOCX
(both open, the scorecard of a unit too); a year without a published definition refused."""
import csv
import io

import docx
import openpyxl
import pytest

from tests.par_index.results_setup import scored_setup, stored_round

COLUMNS = ["unit_code", "level", "field", "self_assessed", "appraised", "survey", "formula", "total", "max_points",
           "percent", "rank", "rank_change"]


@pytest.fixture
def scored_round(session, make_unit, make_campaign, make_version, make_submission):
    scored_setup(session, make_unit, make_campaign, make_version, make_submission)
    stored_round(session)


def test_the_csv_has_a_row_per_unit_and_field_and_a_total_row(cli, scored_round, tmp_path):
    out = tmp_path / "results.csv"
    result = cli("par-index", "results", "--year", "2026", "--format", "csv", "--out", str(out))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert list(rows[0]) == COLUMNS and len(rows) == 3 * 9 and rows[0]["formula"] == "0.0"  # every figure a float
    totals = {row["unit_code"]: row for row in rows if row["field"] == "total"}
    assert (float(totals["AG-SNV"]["total"]), totals["AG-SNV"]["rank"]) == (pytest.approx(62.0), "1")
    assert float(totals["AG-SNV"]["self_assessed"]) == pytest.approx(sum(
        float(row["self_assessed"]) for row in rows if row["unit_code"] == "AG-SNV" and row["field"] != "total"))
    assert (totals["AG-STC"]["rank"], totals["AG-LX"]["rank"], totals["AG-LX"]["level"]) == ("2", "1", "commune")
    assert "3 units" in result.output


def test_the_xlsx_and_docx_open_with_the_results_and_a_scorecard(cli, scored_round, tmp_path):
    for name, extra in (("results.xlsx", ()), ("results.docx", ()), ("card.docx", ("--unit", "AG-SNV"))):
        result = cli("par-index", "results", "--year", "2026", "--format", name.rsplit(".")[-1],
                     "--out", str(tmp_path / name), "--language", "en", *extra)
        assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(tmp_path / "results.xlsx")
    assert book.sheetnames == ["results", "scores", "about"]
    assert [cell.value for cell in book["results"][1]][:4] == ["Unit code", "Unit", "Level", "Field"]
    assert book["scores"].max_row == 1 + 3 * 37
    values = {cell.value for row in book["scores"].iter_rows(min_row=2) for cell in row}
    assert "Partly applied" in values and "mot_phan" not in values  # a level by its label, not its key
    document = docx.Document(str(tmp_path / "results.docx"))
    assert document.paragraphs[0].text == "PAR index results 2026"
    card = docx.Document(str(tmp_path / "card.docx"))
    assert card.paragraphs[0].text == "PAR index scorecard 2026: Home Affairs"
    assert any(p.text == "Total 62.00 / 100.00 (62.0 %); ranked 1 of 2 units (Department)." for p in card.paragraphs)


def test_a_year_without_a_published_definition_is_refused_and_nothing_written(cli, scored_round, tmp_path):
    out = tmp_path / "results.csv"
    result = cli("par-index", "results", "--year", "2027", "--format", "csv", "--out", str(out))
    assert result.exit_code == 1 and not out.exists()
    assert "The year 2027 has no published PAR index definition: there are no results." in result.output
