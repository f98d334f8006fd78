"""`flask sample plan`: the plan file, and bad input refused naming the row with nothing written."""
import csv

import pytest


@pytest.fixture
def units(make_unit):
    for code in ("AG-SNV", "AG-STP", "AG-LX"):
        make_unit(code, "department" if code.startswith("AG-S") else "district")


def write(tmp_path, text: str):
    path = tmp_path / "units.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def plan(cli, tmp_path, units_text: str, *options: str):
    out = tmp_path / "plan.csv"
    result = cli("sample", "plan", "--units", write(tmp_path, units_text), "--out", str(out), *options)
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines())) if out.exists() else None
    return result, rows


def test_ten_thousand_transactions_at_five_percent_give_385_then_the_invitations(cli, tmp_path, units):
    result, rows = plan(cli, tmp_path, "unit_code,transactions\nAG-SNV,10000\nAG-LX,100\n",
                        "--margin", "0.05", "--eligibility", "0.8", "--response", "0.7")
    assert result.exit_code == 0, result.output
    assert list(rows[0]) == ["unit_code", "transactions", "rule_n", "n", "invite", "margin"]
    assert rows[0] | {} == {"unit_code": "AG-SNV", "transactions": "10000", "rule_n": "385", "n": "385",
                            "invite": "688", "margin": "0.0490"}
    # 1.959964 * sqrt(0.25 / 80 * 20 / 99) = 1.959964 * 0.025126 = 0.049246
    assert (rows[1]["n"], rows[1]["invite"], rows[1]["margin"]) == ("80", "100", "0.0492")


def test_a_proportional_allocation_under_a_budget(cli, tmp_path, units):
    result, rows = plan(cli, tmp_path, "unit_code,transactions\nAG-SNV,6000\nAG-STP,3000\nAG-LX,1000\n",
                        "--allocation", "proportional", "--budget", "600")
    assert result.exit_code == 0, result.output
    assert [(r["unit_code"], r["n"], r["invite"]) for r in rows] == [
        ("AG-SNV", "360", "360"), ("AG-STP", "180", "180"), ("AG-LX", "60", "60")]
    # 1.959964 * sqrt(0.25 / 60 * 940 / 999) = 1.959964 * 0.062615 = 0.12272
    assert rows[2]["margin"] == "0.1227"


@pytest.mark.parametrize("text, options, message", [
    ("unit_code,transactions\nAG-SNV,10000\nAG-XX,50\n", (), "row 3: unknown unit 'AG-XX'"),
    ("unit_code,transactions\nAG-SNV,\n", (), "row 2, unit AG-SNV: no transactions (N_h)"),
    ("unit_code,transactions\nAG-SNV,-5\n", (), "row 2, unit AG-SNV: transactions '-5' must be a whole number"),
    ("unit_code,transactions\nAG-SNV,10\nAG-SNV,20\n", (), "row 3: unit 'AG-SNV' repeats row 2"),
    ("unit_code\nAG-SNV\n", (), "the column 'transactions' is missing"),
    ("unit_code,transactions\nAG-SNV,100\n", ("--margin", "1.5"), "margin: must be above 0 and below 1"),
    ("unit_code,transactions\nAG-SNV,100\n", ("--margin", "0"), "margin: must be above 0 and below 1"),
    ("unit_code,transactions\nAG-SNV,100\n", ("--response", "abc"), "response: must be above 0 and at most 1"),
    ("unit_code,transactions\nAG-SNV,100\n", ("--allocation", "cluster"), "allocation 'cluster' is not one of"),
    ("unit_code,transactions\nAG-SNV,100\n", ("--allocation", "equal"), "budget: required by the equal allocation"),
    ("unit_code,transactions\nAG-SNV,100\nAG-LX,100\n", ("--allocation", "equal", "--budget", "1"),
     "budget 1 is too small: each of the 2 units needs at least one respondent"),
    ("unit_code,transactions\nAG-SNV,10000\n", ("--budget", "300"),
     "budget 300 is too small: the ministry's rule needs 385 respondents"),
])
def test_bad_input_is_refused_naming_the_row_and_nothing_is_written(cli, tmp_path, units, text, options, message):
    result, rows = plan(cli, tmp_path, text, *options)
    assert result.exit_code == 1
    assert message in result.output
    assert rows is None
